import { sql } from 'drizzle-orm';
import { boolean, index, pgTable, text, timestamp, uniqueIndex, uuid, varchar } from 'drizzle-orm/pg-core';
import { regions } from './regions.ts';

/** Governments, departments, enterprises and park committees. Names are unique: imports match on them. */
export const organizations = pgTable(
  'organizations',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    name: text('name').notNull(),
    kind: varchar('kind', { length: 16 }).notNull(),
    regionCode: varchar('region_code', { length: 12 }).notNull().references(() => regions.code),
    contact: text('contact'),
    phone: text('phone'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('organizations_name_uq').on(t.name), index('organizations_region_idx').on(t.regionCode)],
);

/** People: lead leaders, special-team members, contacts. */
export const people = pgTable(
  'people',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    name: text('name').notNull(),
    title: text('title'),
    phone: text('phone'),
    orgId: uuid('org_id').references(() => organizations.id),
    regionCode: varchar('region_code', { length: 12 }).notNull().references(() => regions.code),
    isLeader: boolean('is_leader').notNull().default(false),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('people_name_idx').on(t.name), index('people_region_idx').on(t.regionCode)],
);
