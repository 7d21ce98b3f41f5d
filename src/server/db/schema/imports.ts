import { sql } from 'drizzle-orm';
import { integer, jsonb, pgTable, text, timestamp, uuid, varchar } from 'drizzle-orm/pg-core';
import { users } from './users.ts';

/** One committed ledger import: who imported what, and what it did. */
export const importJobs = pgTable('import_jobs', {
  id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
  userId: uuid('user_id').references(() => users.id),
  username: text('username'),
  fileName: text('file_name').notNull(),
  fileSha256: varchar('file_sha256', { length: 64 }).notNull(),
  rowCount: integer('row_count').notNull(),
  created: integer('created').notNull(),
  updated: integer('updated').notNull(),
  unchanged: integer('unchanged').notNull(),
  summary: jsonb('summary'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

/** Remembered column mappings, keyed by the normalised header row of a file. */
export const importMappings = pgTable('import_mappings', {
  signature: varchar('signature', { length: 64 }).primaryKey(),
  headers: jsonb('headers').$type<string[]>().notNull(),
  mapping: jsonb('mapping').$type<Record<string, string>>().notNull(),
  updatedBy: uuid('updated_by').references(() => users.id),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});
