// Progress reporting (调度填报): reporting periods, one report per project and period, its history,
// corrections after a period is locked, and photos.
import { sql } from 'drizzle-orm';
import {
  bigserial, boolean, customType, date, index, integer, jsonb, numeric, pgTable, primaryKey, smallint, text, timestamp, uniqueIndex, uuid, varchar,
} from 'drizzle-orm/pg-core';
import { projects } from './projects.ts';
import { regions } from './regions.ts';
import { users } from './users.ts';

const money = (name: string) => numeric(name, { precision: 16, scale: 4 });
const bytea = customType<{ data: Buffer; driverData: Buffer }>({ dataType: () => 'bytea' });

/** Reporting settings per region (city or county): cadence, deadline and the progress tolerance. */
export const reportingSettings = pgTable('reporting_settings', {
  regionCode: varchar('region_code', { length: 12 }).primaryKey().references(() => regions.code),
  /** monthly | semimonthly | weekly */
  cadence: varchar('cadence', { length: 16 }).notNull().default('monthly'),
  /** Day of the month a monthly report is due (e.g. the 25th); later cadences are due on the period's last day. */
  deadlineDay: smallint('deadline_day').notNull().default(25),
  /** Within ± this fraction of time-elapsed progress a project is on schedule. */
  progressTolerance: numeric('progress_tolerance', { precision: 5, scale: 4 }).notNull().default('0.05'),
  /** "Funds arrived far above investment": warn when funds arrived exceed investment by more than this factor. */
  fundsRatioLimit: numeric('funds_ratio_limit', { precision: 6, scale: 2 }).notNull().default('3'),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  updatedBy: uuid('updated_by').references(() => users.id),
});

/** A reporting period (调度期) opened by an office for its region's subtree. */
export const reportingPeriods = pgTable(
  'reporting_periods',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    regionCode: varchar('region_code', { length: 12 }).notNull().references(() => regions.code),
    regionPath: text('region_path').notNull(),
    cadence: varchar('cadence', { length: 16 }).notNull(),
    year: integer('year').notNull(),
    month: smallint('month').notNull(),
    /** 1 for a monthly period; 1–2 for half-months; 1–4 for the weeks of a month (1–7, 8–14, 15–21, 22–end). */
    seq: smallint('seq').notNull().default(1),
    startsOn: date('starts_on').notNull(),
    endsOn: date('ends_on').notNull(),
    deadline: date('deadline').notNull(),
    /** open | closed */
    status: varchar('status', { length: 8 }).notNull().default('open'),
    openedBy: uuid('opened_by').references(() => users.id),
    openedAt: timestamp('opened_at', { withTimezone: true }).notNull().defaultNow(),
    closedBy: uuid('closed_by').references(() => users.id),
    closedAt: timestamp('closed_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('reporting_periods_uq').on(t.regionCode, t.year, t.month, t.seq),
    index('reporting_periods_path_idx').on(t.regionPath.op('text_pattern_ops')),
    index('reporting_periods_year_idx').on(t.year, t.month),
  ],
);

/**
 * One report per project and period. Year and month are copied from the period and the region path
 * from the project, so the statistics need no join to find them. Figures count once approved.
 */
export const progressReports = pgTable(
  'progress_reports',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    projectId: uuid('project_id').notNull().references(() => projects.id, { onDelete: 'cascade' }),
    periodId: uuid('period_id').notNull().references(() => reportingPeriods.id, { onDelete: 'cascade' }),
    regionPath: text('region_path').notNull(),
    year: integer('year').notNull(),
    month: smallint('month').notNull(),
    /** draft | submitted | approved | returned */
    status: varchar('status', { length: 12 }).notNull().default('draft'),
    /** Investment completed in the period, 万元. Negative only through an approved correction. */
    investment: money('investment').notNull().default('0'),
    /** Funds arrived in the period, 万元: the sum of fundsBySource. */
    fundsArrived: money('funds_arrived').notNull().default('0'),
    /** government | specialBonds | bankLoans | selfRaised | other → 万元 decimal string. */
    fundsBySource: jsonb('funds_by_source').$type<Record<string, string>>().notNull().default({}),
    /** Visual progress (形象进度). */
    progressText: text('progress_text').notNull().default(''),
    /** Roadblocks met in the period, in the owner's words. */
    roadblocksText: text('roadblocks_text').notNull().default(''),
    /** Actual dates of milestones reached in the period: [{ milestoneId, actualDate }]. */
    milestoneDates: jsonb('milestone_dates').$type<{ milestoneId: string; actualDate: string }[]>().notNull().default([]),
    version: integer('version').notNull().default(1),
    /** True once the figures were changed by an approved correction after the period was locked. */
    corrected: boolean('corrected').notNull().default(false),
    returnReason: text('return_reason'),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedBy: uuid('updated_by').references(() => users.id),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    submittedBy: uuid('submitted_by').references(() => users.id),
    submittedAt: timestamp('submitted_at', { withTimezone: true }),
    reviewedBy: uuid('reviewed_by').references(() => users.id),
    reviewedAt: timestamp('reviewed_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('progress_reports_project_period_uq').on(t.projectId, t.periodId),
    // With the project: who reported in a period (the card run, the period's page) is read from the
    // index alone, not from a thousand heap pages of reports.
    index('progress_reports_period_status_idx').on(t.periodId, t.status, t.projectId),
    index('progress_reports_project_year_idx').on(t.projectId, t.year, t.month),
    index('progress_reports_path_year_idx').on(t.regionPath.op('text_pattern_ops'), t.year, t.month),
  ],
);

/**
 * Approved figures per project and year, kept by statement triggers on progress_reports (migration
 * 0006): the year's totals, its investment and funds by month (12 amounts each) and which months
 * have an approved report. The statistics read one row per project and year from here instead of
 * every report of every year (a province: 50,000 rows instead of 1.8 million).
 */
export const reportRollups = pgTable(
  'report_rollups',
  {
    projectId: uuid('project_id').notNull().references(() => projects.id, { onDelete: 'cascade' }),
    year: integer('year').notNull(),
    investment: money('investment').notNull(),
    fundsArrived: money('funds_arrived').notNull(),
    monthInvestment: numeric('month_investment', { precision: 16, scale: 4 }).array().notNull(),
    monthFunds: numeric('month_funds', { precision: 16, scale: 4 }).array().notNull(),
    reportedMonths: boolean('reported_months').array().notNull(),
  },
  (t) => [primaryKey({ columns: [t.projectId, t.year] })],
);

/** Every step of a report (saved, submitted, approved, returned, corrected …) with the figures at that moment. */
export const reportEvents = pgTable(
  'report_events',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    reportId: uuid('report_id').notNull().references(() => progressReports.id, { onDelete: 'cascade' }),
    /** saved | submitted | approved | returned | correction_requested | correction_approved | correction_rejected */
    action: varchar('action', { length: 32 }).notNull(),
    userId: uuid('user_id').references(() => users.id),
    username: text('username'),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    reason: text('reason'),
    /** The report's figures after this step. */
    snapshot: jsonb('snapshot').$type<Record<string, unknown>>().notNull(),
  },
  (t) => [index('report_events_report_idx').on(t.reportId, t.id)],
);

/** A correction of a locked period's report: proposed figures with a reason, decided by the office. */
export const reportCorrections = pgTable(
  'report_corrections',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    reportId: uuid('report_id').notNull().references(() => progressReports.id, { onDelete: 'cascade' }),
    projectId: uuid('project_id').notNull().references(() => projects.id, { onDelete: 'cascade' }),
    periodId: uuid('period_id').notNull().references(() => reportingPeriods.id, { onDelete: 'cascade' }),
    regionPath: text('region_path').notNull(),
    /** pending | approved | rejected */
    status: varchar('status', { length: 12 }).notNull().default('pending'),
    reason: text('reason').notNull(),
    /** The figures before the request and the figures proposed. */
    before: jsonb('before').$type<Record<string, unknown>>().notNull(),
    proposed: jsonb('proposed').$type<Record<string, unknown>>().notNull(),
    requestedBy: uuid('requested_by').references(() => users.id),
    requestedAt: timestamp('requested_at', { withTimezone: true }).notNull().defaultNow(),
    decidedBy: uuid('decided_by').references(() => users.id),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    decisionNote: text('decision_note'),
  },
  (t) => [
    index('report_corrections_report_idx').on(t.reportId),
    index('report_corrections_status_idx').on(t.status, t.regionPath.op('text_pattern_ops')),
  ],
);

/** Site photos attached to a report, with the time and place read from their EXIF. */
export const reportPhotos = pgTable(
  'report_photos',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    reportId: uuid('report_id').notNull().references(() => progressReports.id, { onDelete: 'cascade' }),
    projectId: uuid('project_id').notNull().references(() => projects.id, { onDelete: 'cascade' }),
    fileName: text('file_name').notNull(),
    mimeType: varchar('mime_type', { length: 64 }).notNull(),
    size: integer('size').notNull(),
    content: bytea('content').notNull(),
    takenAt: timestamp('taken_at', { withTimezone: true }),
    latitude: numeric('latitude', { precision: 9, scale: 6 }),
    longitude: numeric('longitude', { precision: 9, scale: 6 }),
    caption: text('caption'),
    uploadedBy: uuid('uploaded_by').references(() => users.id),
    uploadedAt: timestamp('uploaded_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('report_photos_report_idx').on(t.reportId), index('report_photos_project_idx').on(t.projectId)],
);

/** Reminders sent for a period (催报): who was reminded, when, by whom. */
export const reportReminders = pgTable(
  'report_reminders',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    periodId: uuid('period_id').notNull().references(() => reportingPeriods.id, { onDelete: 'cascade' }),
    projectId: uuid('project_id').notNull().references(() => projects.id, { onDelete: 'cascade' }),
    userId: uuid('user_id').references(() => users.id),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('report_reminders_period_idx').on(t.periodId, t.projectId)],
);

