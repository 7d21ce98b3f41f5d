// The key figures by group (GET /api/v1/stats). Names kept as a contract: key, label, projectCount,
// annualPlan, ytdInvestment, ytdFundsArrived, timeElapsed, annualCompletionRate, fundArrivalRate,
// startRate, onTimeCompletionRate, productionRate. Rates are fractions, null where the denominator
// is empty; money is a decimal string in 万元.
import { z } from 'zod';
import { moneyOut } from './common.ts';
import { monthParam, yearParam } from './reporting.ts';

/** region: the direct sub-regions; county: every county-level region (county, district, park) below, ranked together. */
export const STATS_GROUPS = ['region', 'county', 'industry', 'level', 'category', 'leader', 'unit', 'batch', 'project', 'month'] as const;
export type StatsGroup = (typeof STATS_GROUPS)[number];

const rate = z.number().nullable();

export const statsFigures = z.object({
  projectCount: z.number().int(),
  totalInvestment: moneyOut,
  annualPlan: moneyOut,
  /** Planned investment due by the end of the month (from the monthly split, or plan × m/12). */
  plannedToDate: moneyOut,
  ytdInvestment: moneyOut,
  ytdFundsArrived: moneyOut,
  /** Investment approved for the month itself. */
  monthInvestment: moneyOut,
  cumulativeInvestment: moneyOut,
  cumulativeFundsArrived: moneyOut,
  timeElapsed: rate,
  annualCompletionRate: rate,
  cumulativeCompletionRate: rate,
  fundArrivalRate: rate,
  cumulativeFundArrivalRate: rate,
  /** annualCompletionRate − timeElapsed. */
  gap: rate,
  progressStatus: z.enum(['ahead', 'on_schedule', 'lagging']).nullable(),
  startRate: rate,
  onTimeCompletionRate: rate,
  productionRate: rate,
  dueToStart: z.number().int(),
  started: z.number().int(),
  dueToComplete: z.number().int(),
  completedOnTime: z.number().int(),
  dueToProduce: z.number().int(),
  producing: z.number().int(),
  /** Projects with an approved report in the month. */
  reportedCount: z.number().int(),
});
export type StatsFigures = z.infer<typeof statsFigures>;

export const statsRow = statsFigures
  .extend({
    key: z.string(),
    label: z.string(),
    /** 1 = highest annual completion rate; null for month rows and rows without a rate. */
    rank: z.number().int().nullable(),
    /** For project rows: the project's code and region; for county rows: the county's code and its city. */
    code: z.string().nullable(),
    regionName: z.string().nullable(),
    /** The same figures a year earlier (with compare=lastYear). */
    lastYear: statsFigures.nullable(),
  })
  .meta({ id: 'StatsRow' });
export type StatsRow = z.infer<typeof statsRow>;

export const statsQuery = z.object({
  region: z.string().trim().optional().meta({ description: '区域代码；省略时为调用者所在区域' }),
  year: yearParam.optional().meta({ description: '省略时为有已审核数据的最近一期' }),
  month: monthParam.optional(),
  groupBy: z.enum(STATS_GROUPS).default('region'),
  compare: z.enum(['lastYear']).optional(),
  /** Drill-down filters, combined with the region. */
  industry: z.string().optional(),
  level: z.string().optional(),
  category: z.string().optional(),
  leaderId: z.uuid().optional(),
  unitId: z.uuid().optional(),
  batchId: z.uuid().optional(),
});
export type StatsQuery = z.infer<typeof statsQuery>;

export const statsResult = z
  .object({
    regionCode: z.string(),
    regionName: z.string(),
    year: z.number().int(),
    month: z.number().int(),
    groupBy: z.enum(STATS_GROUPS),
    tolerance: z.number(),
    total: statsRow,
    rows: z.array(statsRow),
  })
  .meta({ id: 'StatsResult' });
export type StatsResult = z.infer<typeof statsResult>;
