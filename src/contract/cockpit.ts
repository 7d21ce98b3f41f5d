// The cockpit (驾驶舱): one response with everything the page shows for a region and period, and the
// office's targets for its four gauges. Every figure is the statistics', the cards' or the roadblock
// statistics' own (the same service functions), so the cockpit agrees with those pages to the 万元.
import { z } from 'zod';
import { BATCH_KINDS, LEVELS } from '../domain/enums.ts';
import { COCKPIT_GAUGES } from '../domain/cockpit.ts';
import { cardIndicator, colorCounts } from './cards.ts';
import { moneyOut } from './common.ts';
import { problemStatsRow } from './problems.ts';
import { monthParam, yearParam } from './reporting.ts';
import { statsFigures, statsRow } from './stats.ts';

const rate = z.number().nullable();

// ───────────── targets ─────────────

const percent = (what: string) =>
  z.number({ message: `${what}应为数字` }).min(0, `${what}不能小于 0`).max(200, `${what}不能大于 200`)
    .refine((v) => Math.round(v * 100) === v * 100, { message: `${what}最多两位小数` });

export const cockpitTargetValues = z.object({
  startRate: percent('开工率目标（%）'),
  investmentRate: percent('投资完成率目标（%）'),
  fundsRate: percent('资金到位率目标（%）'),
  onTimeRate: percent('按期竣工率目标（%）'),
});
export type CockpitTargetValuesDto = z.infer<typeof cockpitTargetValues>;

export const cockpitTargetsQuery = z.object({
  region: z.string().trim().optional().meta({ description: '区域代码；省略时为调用者所在区域' }),
  year: yearParam.optional().meta({ description: '省略时为统计默认期次的年份' }),
});

export const cockpitTargetsPutQuery = z.object({
  region: z.string().trim().optional().meta({ description: '区域代码；省略时为调用者所在区域' }),
  year: z.coerce.number({ message: '请填写年份' }).int('年份应为整数').min(2000, '年份不能早于 2000 年').max(2100, '年份不能晚于 2100 年'),
});

export const cockpitTargets = cockpitTargetValues
  .extend({
    regionCode: z.string(),
    regionName: z.string(),
    year: z.number().int(),
    /** own: set for this region; inherited: an ancestor's (e.g. the city's for a county); default: none set. */
    source: z.enum(['own', 'inherited', 'default']),
    /** The region whose targets apply (null for the defaults). */
    fromRegionCode: z.string().nullable(),
    updatedBy: z.string().nullable(),
    updatedAt: z.string().nullable(),
    /** Whether the caller may change the targets of this region (office/admin in scope). */
    canEdit: z.boolean(),
  })
  .meta({ id: 'CockpitTargets' });
export type CockpitTargetsDto = z.infer<typeof cockpitTargets>;

// ───────────── the cockpit ─────────────

export const cockpitQuery = z.object({
  region: z.string().trim().optional().meta({ description: '区域代码；省略时为调用者所在区域' }),
  year: yearParam.optional().meta({ description: '省略时为统计的默认期次（有已审核数据的最近已锁定期次）' }),
  month: monthParam.optional(),
  redLimit: z.coerce.number().int('红牌名单条数应为整数').min(1, '红牌名单条数应为 1–50').max(50, '红牌名单条数应为 1–50').default(10),
});
export type CockpitQuery = z.infer<typeof cockpitQuery>;

export const cockpitGauge = z.object({
  key: z.enum(COCKPIT_GAUGES),
  rate,
  /** The year's target, a fraction. */
  target: z.number(),
  /** What should be reached by now (investment and funds: target × 序时进度), a fraction. */
  targetToDate: rate,
  status: z.enum(['met', 'behind']).nullable(),
});
export type CockpitGaugeDto = z.infer<typeof cockpitGauge>;

export const cockpitSeriesPoint = z.object({
  month: z.number().int(),
  annualPlan: moneyOut,
  plannedToDate: moneyOut,
  /** Null after the period shown (this year) — not yet known. */
  ytdInvestment: moneyOut.nullable(),
  timeElapsed: rate,
  annualCompletionRate: rate,
});

export const cockpitSeries = z.object({ year: z.number().int(), points: z.array(cockpitSeriesPoint) });

export const cockpitRankingRow = statsRow.extend({
  /** Where a click leads: this row's own cockpit (a sub-region) or its project card. */
  drill: z.enum(['cockpit', 'project']).nullable(),
});
export type CockpitRankingRow = z.infer<typeof cockpitRankingRow>;

export const cockpitRedCard = z.object({
  cardId: z.uuid(),
  projectId: z.uuid(),
  projectCode: z.string(),
  projectName: z.string(),
  regionName: z.string(),
  score: z.number(),
  /** Why it is red, in Chinese: the red indicators, or the office's reason for an override. */
  reason: z.string(),
  overridden: z.boolean(),
  indicators: z.array(cardIndicator),
});

export const cockpitBatch = z.object({
  id: z.uuid(),
  name: z.string(),
  kind: z.enum(BATCH_KINDS),
  level: z.enum(LEVELS),
  eventDate: z.string(),
  regionName: z.string(),
  /** The event's projects inside the region shown, and their total investment. */
  projectCount: z.number().int(),
  totalInvestment: moneyOut,
  /** The whole event (it may reach beyond the region, e.g. a city event seen from a county). */
  eventProjectCount: z.number().int(),
  eventTotalInvestment: moneyOut,
});

export const cockpitResult = z
  .object({
    regionCode: z.string(),
    regionName: z.string(),
    /** The region above, when the caller may open its cockpit (for "up one level"). */
    parentCode: z.string().nullable(),
    year: z.number().int(),
    month: z.number().int(),
    tolerance: z.number(),
    /** GET /stats?groupBy=region total for the same region and period. */
    total: statsFigures,
    targets: cockpitTargets,
    gauges: z.array(cockpitGauge),
    /** Cumulative plan and investment month by month (the S-curve), this year and last. */
    series: z.object({ thisYear: cockpitSeries, lastYear: cockpitSeries }),
    /** Sub-regions (or, in a region without any, its projects) ranked by annual completion rate. */
    ranking: z.object({ kind: z.enum(['region', 'project']), rows: z.array(cockpitRankingRow) }),
    cards: z.object({
      /** The period counted, when it is one (a city's or a county's month). */
      periodId: z.uuid().nullable(),
      /** Every period counted: a province's month is each of its cities' own period. */
      periodIds: z.array(z.uuid()),
      periodLabel: z.string().nullable(),
      total: colorCounts,
      red: z.array(cockpitRedCard),
    }),
    roadblocks: z.object({
      total: problemStatsRow,
      /** Open roadblocks escalated above the department (level ≥ 1). */
      escalated: z.number().int(),
      byLevel: z.array(z.object({ level: z.number().int(), label: z.string(), open: z.number().int() })),
      rows: z.array(problemStatsRow),
    }),
    batches: z.object({
      items: z.array(cockpitBatch),
      totals: z.array(z.object({
        kind: z.enum(BATCH_KINDS),
        events: z.number().int(),
        /** Distinct projects of the region over the year's events of this kind. */
        projectCount: z.number().int(),
        totalInvestment: moneyOut,
      })),
    }),
  })
  .meta({ id: 'CockpitResult' });
export type CockpitResult = z.infer<typeof cockpitResult>;
