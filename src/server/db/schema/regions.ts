import { index, integer, pgTable, text, varchar } from 'drizzle-orm/pg-core';

/** The region tree: province → city → county/district → park. Codes are GB/T 2260 (parks: local codes). */
export const regions = pgTable(
  'regions',
  {
    code: varchar('code', { length: 12 }).primaryKey(),
    name: text('name').notNull(),
    shortName: text('short_name').notNull(),
    level: varchar('level', { length: 16 }).notNull(),
    parentCode: varchar('parent_code', { length: 12 }),
    /** Codes from the root down to this one, each followed by '/': subtree = path LIKE 'prefix%'. */
    path: text('path').notNull(),
    sort: integer('sort').notNull().default(0),
  },
  (t) => [index('regions_parent_idx').on(t.parentCode), index('regions_path_idx').on(t.path.op('text_pattern_ops'))],
);
