import { sql } from 'drizzle-orm';
import { bigint, bigserial, index, jsonb, pgTable, text, timestamp, unique, uuid, varchar } from 'drizzle-orm/pg-core';

/**
 * Every change: who, when, what, before and after. Project history is read from here.
 * Tamper-evident: sealing (modules/audit/audit.chain.ts) gives each entry a place in the chain
 * (chain_seq) and hash = SM3(prev_hash + canonical text); all three stay null until sealed.
 */
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
    chainSeq: bigint('chain_seq', { mode: 'number' }),
    prevHash: text('prev_hash'),
    hash: text('hash'),
  },
  (t) => [
    index('audit_project_idx').on(t.projectId, t.id),
    index('audit_region_idx').on(t.regionPath.op('text_pattern_ops')),
    index('audit_at_idx').on(t.at),
    // The unique constraint is also the index the chain is walked by; the partial index finds what is left to seal.
    unique('audit_chain_seq_unique').on(t.chainSeq),
    index('audit_unsealed_idx').on(t.id).where(sql`chain_seq IS NULL`),
  ],
);
