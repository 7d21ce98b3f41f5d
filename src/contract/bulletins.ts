// The monthly bulletin (月度通报): issued for a region and a locked period, frozen with the figures it
// was made from (`figures`), rendered as Word and Excel from those figures only. Names kept as a
// contract: POST /bulletins { regionCode, periodId } → { id, number, title, … }.
import { z } from 'zod';
import { cardColor, colorCounts } from './cards.ts';
import { isoDate, moneyOut } from './common.ts';
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
    version: z.literal(1),
    region: z.object({ code: z.string(), name: z.string(), level: z.string() }),
    period: z.object({ id: z.uuid(), label: z.string(), year: z.number().int(), month: z.number().int(), startsOn: isoDate, endsOn: isoDate, status: z.string() }),
    /** The day of issue (China), printed under the closing line. */
    issuedOn: isoDate,
    tolerance: z.number(),
    /** GET /stats?groupBy=region for the region and the period's month: its total and rows. */
    total: statsRow,
    regions: z.array(statsRow),
    cards: z.object({ counts: colorCounts, red: z.array(bulletinCard), yellow: z.array(bulletinCard) }),
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
    periodId: z.uuid(),
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

export const bulletinDetail = bulletinSummary
  .extend({
    /** The frozen figures, without the project lines (those are the .xlsx annex). */
    figures: bulletinFigures.omit({ projects: true }),
    projectLines: z.number().int(),
    /** The figures recomputed now, compared with the frozen ones. */
    changes: z.object({
      computedAt: z.string(),
      items: z.array(bulletinChange),
      /** Project lines that changed beyond those listed. */
      moreProjects: z.number().int(),
    }),
  })
  .meta({ id: 'BulletinDetail' });
export type BulletinDetail = z.infer<typeof bulletinDetail>;

export const bulletinCreate = z.object({
  regionCode: z.string({ message: '请选择区域' }).trim().min(2, '请选择区域'),
  periodId: z.uuid({ message: '请选择填报期间' }),
});
export type BulletinCreate = z.infer<typeof bulletinCreate>;

export const bulletinListQuery = z.object({
  region: z.string().trim().optional().meta({ description: '区域代码（含下级）；省略时为调用者辖区' }),
  year: z.coerce.number({ message: '年份应为数字' }).int().min(2000, '年份不能早于 2000').max(2100, '年份不能晚于 2100').optional(),
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
