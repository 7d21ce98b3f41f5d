import { bigserial, index, jsonb, pgTable, text, timestamp, uuid, varchar } from 'drizzle-orm/pg-core';

/** Every change: who, when, what, before and after. Project history is read from here. */
export const auditLog = pgTable(
  'audit_log',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    userId: uuid('user_id'),
    username: text('username'),
    action: varchar('action', { length: 48 }).notNull(),
    entityType: varchar('entity_type', { length: 32 }).notNull(),
    entityId: text('entity_id'),
    projectId: uuid('project_id'),
    regionPath: text('region_path'),
    before: jsonb('before'),
    after: jsonb('after'),
    note: text('note'),
  },
  (t) => [
    index('audit_project_idx').on(t.projectId, t.id),
    index('audit_region_idx').on(t.regionPath.op('text_pattern_ops')),
    index('audit_at_idx').on(t.at),
  ],
);
