import { boolean, index, integer, numeric, pgTable, primaryKey, smallint, text, uuid, varchar } from 'drizzle-orm/pg-core';
import { projects } from './projects.ts';

const money = (name: string) => numeric(name, { precision: 16, scale: 4 });

/**
 * What the statistics count of a project in a year (one row per year it is counted in: an annual plan
 * and not withdrawn, or an approved report that year), month by month. Kept by triggers on projects,
 * annual_plans and progress_reports (migration 0008_stats_groups), never written by the application.
 */
export const statsProjectYears = pgTable(
  'stats_project_years',
  {
    projectId: uuid('project_id').notNull().references(() => projects.id, { onDelete: 'cascade' }),
    year: integer('year').notNull(),
    regionCode: varchar('region_code', { length: 12 }).notNull(),
    regionPath: text('region_path').notNull(),
    totalInvestment: money('total_investment').notNull(),
    annualPlan: money('annual_plan').notNull(),
    /** Opening balance plus the approved amounts of earlier years. */
    baseInvestment: numeric('base_investment').notNull(),
    baseFunds: numeric('base_funds').notNull(),
    /** By the end of month 1..12: planned investment due (kpi.ts plannedToDate), approved amounts year to date. */
    planned: numeric('planned').array().notNull(),
    monthInvestment: money('month_investment').array().notNull(),
    ytdInvestment: numeric('ytd_investment').array().notNull(),
    ytdFunds: numeric('ytd_funds').array().notNull(),
    reported: boolean('reported').array().notNull(),
    /** The first month by whose end the milestone is due / reached as the figures count it; null: not in the year. */
    dueStart: smallint('due_start'),
    started: smallint('started'),
    dueComplete: smallint('due_complete'),
    completedOnTime: smallint('completed_on_time'),
    dueProduce: smallint('due_produce'),
    producing: smallint('producing'),
  },
  (t) => [primaryKey({ columns: [t.projectId, t.year] }), index('stats_project_years_year_path_idx').on(t.year, t.regionPath.op('text_pattern_ops'))],
);

/** The sums of stats_project_years per region (the projects' own), year and month: what the statistics read by region. */
export const statsGroups = pgTable(
  'stats_groups',
  {
    regionCode: varchar('region_code', { length: 12 }).notNull(),
    year: integer('year').notNull(),
    month: integer('month').notNull(),
    regionPath: text('region_path').notNull(),
    projectCount: integer('project_count').notNull(),
    totalInvestment: numeric('total_investment').notNull(),
    annualPlan: numeric('annual_plan').notNull(),
    plannedToDate: numeric('planned_to_date').notNull(),
    ytdInvestment: numeric('ytd_investment').notNull(),
    ytdFunds: numeric('ytd_funds').notNull(),
    monthInvestment: numeric('month_investment').notNull(),
    cumulativeInvestment: numeric('cumulative_investment').notNull(),
    cumulativeFunds: numeric('cumulative_funds').notNull(),
    dueToStart: integer('due_to_start').notNull(),
    started: integer('started').notNull(),
    dueToComplete: integer('due_to_complete').notNull(),
    completedOnTime: integer('completed_on_time').notNull(),
    dueToProduce: integer('due_to_produce').notNull(),
    producing: integer('producing').notNull(),
    reportedCount: integer('reported_count').notNull(),
  },
  (t) => [primaryKey({ columns: [t.regionCode, t.year, t.month] }), index('stats_groups_year_path_idx').on(t.year, t.regionPath.op('text_pattern_ops'))],
);
