// The monthly bulletin (月度通报): issued for a region and a locked period — or for a month, when the
// region's sub-regions each report in periods of their own (a province and its cities) and all of
// them are locked — frozen with the figures it was made from (`figures`), rendered as Word and Excel
// from those figures only. Names kept as a contract: POST /bulletins { regionCode, periodId } or
// { regionCode, month: 'YYYY-MM' } → { id, number, title, … }.
import { z } from 'zod';
import { cardColor, colorCounts } from './cards.ts';
import { isoDate, monthText, moneyOut } from './common.ts';
import { statsRow } from './stats.ts';

const rate = z.number().nullable();

export const bulletinCard = z.object({
  projectId: z.uuid(),
  code: z.string(),
  name: z.string(),
  regionName: z.string(),
  color: cardColor,
  score: z.number(),
  /** The indicators that made the colour (or the office's reason for an override). */
  reasons: z.array(z.string()),
  overridden: z.boolean(),
});
export type BulletinCard = z.infer<typeof bulletinCard>;

/** One line of the Excel annex: who the project is and its figures for the period. */
export const bulletinProject = z.object({
  id: z.uuid(),
  code: z.string(),
  name: z.string(),
  regionName: z.string(),
  industry: z.string(),
  stage: z.string(),
  unit: z.string().nullable(),
  leader: z.string().nullable(),
  card: cardColor.nullable(),
  totalInvestment: moneyOut,
  annualPlan: moneyOut,
  ytdInvestment: moneyOut,
  annualCompletionRate: rate,
  timeElapsed: rate,
  gap: rate,
  progressStatus: z.enum(['ahead', 'on_schedule', 'lagging']).nullable(),
  ytdFundsArrived: moneyOut,
  fundArrivalRate: rate,
});
export type BulletinProject = z.infer<typeof bulletinProject>;

/** Cards of one sub-region (a city of a province, a county of a city). */
export const bulletinCardRegion = z.object({
  key: z.string(),
  label: z.string(),
  red: z.number().int(),
  yellow: z.number().int(),
  blue: z.number().int(),
  total: z.number().int(),
});
export type BulletinCardRegion = z.infer<typeof bulletinCardRegion>;

/** A reporting period the bulletin's month is made of. */
export const bulletinPeriodRef = z.object({
  id: z.uuid(),
  regionCode: z.string(),
  regionName: z.string(),
  label: z.string(),
  closedAt: z.string().nullable(),
});
export type BulletinPeriodRef = z.infer<typeof bulletinPeriodRef>;

export const bulletinDepartment = z.object({
  key: z.string(),
  name: z.string(),
  open: z.number().int(),
  overdue: z.number().int(),
  avgDaysToSolve: z.number().nullable(),
});

export const bulletinBatch = z.object({
  id: z.uuid(),
  name: z.string(),
  kind: z.string(),
  eventDate: isoDate,
  regionName: z.string(),
  venue: z.string().nullable(),
  mainProjectName: z.string().nullable(),
  projectCount: z.number().int(),
  totalInvestment: moneyOut,
});

/** Everything the documents are made from, as it was when the bulletin was issued. */
export const bulletinFigures = z
  .object({
    /** 1: issued before month bulletins (no card regions, no period list). */
    version: z.union([z.literal(1), z.literal(2)]),
    region: z.object({ code: z.string(), name: z.string(), level: z.string() }),
    /** The period reported on; for a month made of the sub-regions' periods, `id` is null and the dates span them. */
    period: z.object({ id: z.uuid().nullable(), label: z.string(), year: z.number().int(), month: z.number().int(), startsOn: isoDate, endsOn: isoDate, status: z.string() }),
    /** The periods whose reports and cards the bulletin counts (one, or each sub-region's of the month). */
    periods: z.array(bulletinPeriodRef).optional(),
    /** The day of issue (China), printed under the closing line. */
    issuedOn: isoDate,
    tolerance: z.number(),
    /** GET /stats?groupBy=region for the region and the period's month: its total and rows. */
    total: statsRow,
    regions: z.array(statsRow),
    cards: z.object({
      counts: colorCounts,
      /** By sub-region. */
      regions: z.array(bulletinCardRegion).optional(),
      /**
       * Whether the document names the red and yellow projects (`red`, `yellow`): a bulletin of one
       * period does; a month of several sub-regions' periods gives their counts by sub-region, and the
       * projects by name only in the Excel annex (a province's lists run to tens of thousands).
       */
      named: z.boolean().optional(),
      red: z.array(bulletinCard),
      yellow: z.array(bulletinCard),
    }),
    /** Roadblocks open and overdue on the day of issue, by lead department (those with overdue ones). */
    problems: z.object({ asOf: isoDate, open: z.number().int(), overdue: z.number().int(), departments: z.array(bulletinDepartment) }),
    batches: z.object({
      /** Events dated within the period. */
      events: z.array(bulletinBatch),
      /** Events of the year up to the period's end. */
      year: z.object({ count: z.number().int(), projectCount: z.number().int(), totalInvestment: moneyOut }),
    }),
    projects: z.array(bulletinProject),
  })
  .meta({ id: 'BulletinFigures' });
export type BulletinFigures = z.infer<typeof bulletinFigures>;

export const bulletinSummary = z
  .object({
    id: z.uuid(),
    regionCode: z.string(),
    regionName: z.string(),
    /** Null for a month made of the sub-regions' periods. */
    periodId: z.uuid().nullable(),
    periodLabel: z.string(),
    year: z.number().int(),
    month: z.number().int(),
    seq: z.number().int(),
    number: z.string(),
    title: z.string(),
    issuingOffice: z.string(),
    trigger: z.enum(['manual', 'period_close']),
    createdBy: z.string().nullable(),
    createdAt: z.string(),
  })
  .meta({ id: 'BulletinSummary' });
export type BulletinSummary = z.infer<typeof bulletinSummary>;

export const bulletinChange = z.object({ kind: z.enum(['total', 'region', 'card', 'project', 'problems']), text: z.string() });

/** The figures recomputed now, compared with the frozen ones. */
export const bulletinChanges = z
  .object({
    computedAt: z.string(),
    items: z.array(bulletinChange),
    /** Project lines that changed beyond those listed. */
    moreProjects: z.number().int(),
  })
  .meta({ id: 'BulletinChanges' });
export type BulletinChanges = z.infer<typeof bulletinChanges>;

export const bulletinDetail = bulletinSummary
  .extend({
    /** The frozen figures, without the project lines (those are the .xlsx annex). */
    figures: bulletinFigures.omit({ projects: true }),
    projectLines: z.number().int(),
    /** Null when asked without (`changes=false`): GET /bulletins/:id/changes then gives them. */
    changes: bulletinChanges.nullable(),
  })
  .meta({ id: 'BulletinDetail' });
export type BulletinDetail = z.infer<typeof bulletinDetail>;

/**
 * `changes=false`: the frozen bulletin alone, at once. The changes gather the region's figures
 * again (a province's: seconds), so the page asks for them separately.
 */
export const bulletinDetailQuery = z.object({
  changes: z.enum(['true', 'false'], { message: 'changes 应为 true 或 false' }).optional(),
});

const yearParam = z.coerce.number({ message: '年份应为数字' }).int().min(2000, '年份不能早于 2000').max(2100, '年份不能晚于 2100').optional();

/**
 * The period to report on: `periodId`, one locked period of the region or of a region above it; or
 * `month`, whose periods of every reporting sub-region must all be locked (a province issuing for
 * its cities' month). One of the two.
 */
export const bulletinCreate = z
  .object({
    regionCode: z.string({ message: '请选择区域' }).trim().min(2, '请选择区域'),
    periodId: z.uuid({ message: '请选择填报期间' }).optional(),
    month: monthText.optional().meta({ description: '统计月份 YYYY-MM（与 periodId 二选一）' }),
  })
  .superRefine((v, ctx) => {
    if (!v.periodId && !v.month) ctx.addIssue({ code: 'custom', path: ['periodId'], message: '请选择填报期间或统计月份' });
    if (v.periodId && v.month) ctx.addIssue({ code: 'custom', path: ['month'], message: '填报期间和统计月份只能选一个' });
  });
export type BulletinCreate = z.infer<typeof bulletinCreate>;

export const bulletinMonthsQuery = z.object({
  region: z.string().trim().optional().meta({ description: '区域代码；省略时为调用者所在区域' }),
  year: yearParam,
});

/** A month a region's office may (or may not yet) issue its bulletin for, and why not. */
export const bulletinMonth = z.object({
  month: z.string(),
  year: z.number().int(),
  label: z.string(),
  /** The one period the month comes to, when it is a single period of the region or above it. */
  periodId: z.uuid().nullable(),
  /** How many periods the month is made of, and of how many regions. */
  periods: z.number().int(),
  regions: z.number().int(),
  ready: z.boolean(),
  /** Periods still open, named 济南市2024年11月. */
  open: z.array(z.string()),
  /** Regions that report this year but have not opened this month's period. */
  missing: z.array(z.string()),
});
export type BulletinMonth = z.infer<typeof bulletinMonth>;
export const bulletinMonths = z.object({ regionCode: z.string(), regionName: z.string(), items: z.array(bulletinMonth) });
export type BulletinMonths = z.infer<typeof bulletinMonths>;

export const bulletinListQuery = z.object({
  region: z.string().trim().optional().meta({ description: '区域代码（含下级）；省略时为调用者辖区' }),
  year: yearParam,
});
export const bulletinList = z.object({ items: z.array(bulletinSummary) });

export const bulletinSettingsQuery = z.object({ region: z.string().trim().optional().meta({ description: '省略时为调用者所在区域' }) });
export const bulletinSettings = z
  .object({
    regionCode: z.string(),
    regionName: z.string(),
    issuingOffice: z.string(),
    numberPrefix: z.string(),
    autoOnClose: z.boolean(),
    /** True while the office has not saved its own (the defaults shown). */
    isDefault: z.boolean(),
    updatedAt: z.string().nullable(),
  })
  .meta({ id: 'BulletinSettings' });
export type BulletinSettingsDto = z.infer<typeof bulletinSettings>;

export const bulletinSettingsPut = z.object({
  regionCode: z.string().trim().optional(),
  issuingOffice: z.string({ message: '请填写发文机关' }).trim().min(2, '发文机关至少 2 个字').max(60, '发文机关最长 60 个字'),
  numberPrefix: z
    .string({ message: '请填写文号前缀' })
    .trim()
    .min(1, '请填写文号前缀')
    .max(20, '文号前缀最长 20 个字')
    .refine((s) => !/[〔〕\[\]]/.test(s), { message: '文号前缀不含年份括号，年份和序号自动生成' }),
  autoOnClose: z.boolean({ message: '请选择是否在期间锁定时自动生成' }),
});
export type BulletinSettingsPut = z.infer<typeof bulletinSettingsPut>;
