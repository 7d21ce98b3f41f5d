import { sql } from 'drizzle-orm';
import { date, index, pgTable, primaryKey, text, timestamp, uuid, varchar } from 'drizzle-orm/pg-core';
import { projects } from './projects.ts';
import { regions } from './regions.ts';

/** Batch events: 集中开工 (groundbreaking) and 集中签约 (signing). */
export const batches = pgTable(
  'batches',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    name: text('name').notNull(),
    kind: varchar('kind', { length: 16 }).notNull(),
    level: varchar('level', { length: 16 }).notNull(),
    season: varchar('season', { length: 8 }).notNull(),
    eventDate: date('event_date').notNull(),
    regionCode: varchar('region_code', { length: 12 }).notNull().references(() => regions.code),
    regionPath: text('region_path').notNull(),
    venue: text('venue'),
    mainProjectId: uuid('main_project_id').references(() => projects.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('batches_region_path_idx').on(t.regionPath.op('text_pattern_ops')), index('batches_date_idx').on(t.eventDate)],
);

export const batchProjects = pgTable(
  'batch_projects',
  {
    batchId: uuid('batch_id').notNull().references(() => batches.id, { onDelete: 'cascade' }),
    projectId: uuid('project_id').notNull().references(() => projects.id, { onDelete: 'cascade' }),
  },
  (t) => [primaryKey({ columns: [t.batchId, t.projectId] }), index('batch_projects_project_idx').on(t.projectId)],
);
