// What leaders look at (issue: cockpit, war map, bulletin): the office's targets for the cockpit's
// gauges, a city's uploaded county boundaries, and monthly bulletins frozen with their figures.
import { sql } from 'drizzle-orm';
import {
  boolean, customType, index, integer, jsonb, numeric, pgTable, primaryKey, smallint, text, timestamp, uniqueIndex, uuid, varchar,
} from 'drizzle-orm/pg-core';
import { regions } from './regions.ts';
import { reportingPeriods } from './reporting.ts';
import { users } from './users.ts';

/** Targets (percent) the office sets for the cockpit's four gauges, per region and year. */
export const cockpitTargets = pgTable(
  'cockpit_targets',
  {
    regionCode: varchar('region_code', { length: 12 }).notNull().references(() => regions.code),
    year: integer('year').notNull(),
    startRate: numeric('start_rate', { precision: 6, scale: 2 }),
    investmentRate: numeric('investment_rate', { precision: 6, scale: 2 }),
    fundsRate: numeric('funds_rate', { precision: 6, scale: 2 }),
    onTimeRate: numeric('on_time_rate', { precision: 6, scale: 2 }),
    updatedBy: uuid('updated_by').references(() => users.id),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.regionCode, t.year] })],
);

/** Boundaries of a region's sub-regions (GeoJSON FeatureCollection) uploaded by an admin. */
export const regionBoundaries = pgTable('region_boundaries', {
  regionCode: varchar('region_code', { length: 12 }).primaryKey().references(() => regions.code),
  geojson: jsonb('geojson').$type<Record<string, unknown>>().notNull(),
  /** Where the shapes come from, shown as the map's credit. */
  source: text('source').notNull(),
  uploadedBy: uuid('uploaded_by').references(() => users.id),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/** How a region issues its bulletins: the issuing office, the number's prefix, automatic issue on close. */
export const bulletinSettings = pgTable('bulletin_settings', {
  regionCode: varchar('region_code', { length: 12 }).primaryKey().references(() => regions.code),
  issuingOffice: text('issuing_office').notNull(),
  numberPrefix: text('number_prefix').notNull(),
  autoOnClose: boolean('auto_on_close').notNull().default(false),
  updatedBy: uuid('updated_by').references(() => users.id),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

const bytea = customType<{ data: Buffer; driverData: Buffer }>({ dataType: () => 'bytea' });

/**
 * An issued bulletin (月度通报), frozen with everything its documents are made from: `figures` the
 * summary (totals, sub-regions, card counts, roadblocks, events), `lines` the long lists (every
 * project of the annex, the red and yellow cards) as gzip'd column arrays. Issued for one period
 * (`period_id`), or for a month whose sub-regions each closed their own periods (`period_id` null).
 */
export const bulletins = pgTable(
  'bulletins',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    regionCode: varchar('region_code', { length: 12 }).notNull().references(() => regions.code),
    regionPath: text('region_path').notNull(),
    periodId: uuid('period_id').references(() => reportingPeriods.id),
    year: integer('year').notNull(),
    month: smallint('month').notNull(),
    seq: integer('seq').notNull(),
    /** e.g. 聊重推办〔2024〕11号 */
    number: text('number').notNull(),
    title: text('title').notNull(),
    issuingOffice: text('issuing_office').notNull(),
    figures: jsonb('figures').$type<Record<string, unknown>>().notNull(),
    /** gzip'd JSON of column arrays (bulletins.store.ts); null on bulletins issued before it, whose `figures` hold all. */
    lines: bytea('lines'),
    /** manual | period_close */
    trigger: varchar('trigger', { length: 16 }).notNull().default('manual'),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('bulletins_region_year_seq_uq').on(t.regionCode, t.year, t.seq),
    index('bulletins_period_idx').on(t.periodId),
    index('bulletins_path_idx').on(t.regionPath.op('text_pattern_ops')),
  ],
);

/** Installation-wide settings by key, e.g. `clock.asOf` (a demo database's fixed date). */
export const appSettings = pgTable('app_settings', {
  key: varchar('key', { length: 64 }).primaryKey(),
  value: jsonb('value').notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});
