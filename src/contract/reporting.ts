// Request and response schemas of progress reporting (调度填报): periods, reports, corrections,
// photos and reminders. Names kept as a contract: a period has id, year, month, deadline, status;
// a report has investment, fundsArrived, fundsBySource, progressText, status.
import { z } from 'zod';
import { parseMoney } from '../domain/money.ts';
import {
  CADENCES, CORRECTION_STATUSES, FUND_SOURCES, PERIOD_STATUSES, REPORT_ACTIONS, REPORT_STATUSES,
} from '../domain/reporting.ts';
import { STAGES } from '../domain/enums.ts';
import { isoDate, moneyOut } from './common.ts';

/** Money in 万元 that may be negative (write-backs in an approved correction). */
export const moneySignedIn = z
  .union([z.string(), z.number()])
  .transform((v, ctx) => {
    const r = parseMoney(v, { allowNegative: true });
    if (!r.ok) {
      ctx.addIssue({ code: 'custom', message: r.error === 'too_large' ? '金额超出允许范围' : '金额格式不正确，应为以万元计的数字' });
      return z.NEVER;
    }
    return r.value;
  })
  .meta({ description: '金额（万元），数字或十进制字符串；负数仅可用于更正' });

export const fundsBySourceIn = z.partialRecord(z.enum(FUND_SOURCES), moneySignedIn);
export const fundsBySourceOut = z.partialRecord(z.enum(FUND_SOURCES), moneyOut);

const year = z.coerce.number().int('年份应为整数').min(2000, '年份不能早于 2000 年').max(2100, '年份不能晚于 2100 年');
const month = z.coerce.number().int('月份应为整数').min(1, '月份应为 1–12').max(12, '月份应为 1–12');

// ───────────── settings ─────────────

export const reportingSettings = z
  .object({
    regionCode: z.string(),
    regionName: z.string(),
    cadence: z.enum(CADENCES),
    deadlineDay: z.number().int(),
    progressTolerance: z.number(),
    fundsRatioLimit: z.number(),
    /** The region whose settings apply (the nearest one up the tree that has its own). Null: defaults. */
    inheritedFrom: z.string().nullable(),
  })
  .meta({ id: 'ReportingSettings' });
export type ReportingSettingsDto = z.infer<typeof reportingSettings>;

export const reportingSettingsQuery = z.object({ regionCode: z.string().optional() });
export const reportingSettingsPut = z.object({
  regionCode: z.string().trim().min(2, '请选择区域'),
  cadence: z.enum(CADENCES, { message: '填报频次应为每月、每半月或每周' }),
  deadlineDay: z.number().int().min(1, '截止日应为 1–28').max(28, '截止日应为 1–28'),
  progressTolerance: z.number().min(0, '容差不能为负').max(0.5, '容差不能超过 50%'),
  fundsRatioLimit: z.number().min(1, '倍数不能小于 1').max(100, '倍数不能大于 100'),
});
export type ReportingSettingsPut = z.infer<typeof reportingSettingsPut>;

// ───────────── periods ─────────────

export const periodCounts = z.object({
  /** Active projects in the period's region that the caller can see. */
  expected: z.number().int(),
  draft: z.number().int(),
  submitted: z.number().int(),
  approved: z.number().int(),
  returned: z.number().int(),
  /** Expected projects with no report, or only a draft. */
  missing: z.number().int(),
});

export const period = z
  .object({
    id: z.uuid(),
    regionCode: z.string(),
    regionName: z.string(),
    cadence: z.enum(CADENCES),
    year: z.number().int(),
    month: z.number().int(),
    seq: z.number().int(),
    label: z.string().meta({ description: '如 2024年9月、2024年9月上半月' }),
    startsOn: isoDate,
    endsOn: isoDate,
    deadline: isoDate,
    status: z.enum(PERIOD_STATUSES),
    openedAt: z.string(),
    closedAt: z.string().nullable(),
    counts: periodCounts,
  })
  .meta({ id: 'Period' });
export type PeriodDto = z.infer<typeof period>;

export const periodListQuery = z.object({
  year: year.optional(),
  status: z.enum(PERIOD_STATUSES).optional(),
  regionCode: z.string().optional().meta({ description: '只列该区域开的期间；省略时列调用者可见的全部' }),
});
export const periodList = z.object({ items: z.array(period) });

export const periodOpen = z.object({
  year,
  month,
  regionCode: z.string().trim().optional().meta({ description: '省略时为调用者所在区域' }),
  seq: z.number().int().min(1).max(4).optional().meta({ description: '半月期 1–2、周期 1–4；按月填报时省略' }),
  deadline: isoDate.optional().meta({ description: '省略时按区域设置推定' }),
});
export type PeriodOpen = z.infer<typeof periodOpen>;

export const periodClose = z.object({ note: z.string().trim().max(500).optional() }).optional();

/** One row of a period page: a project expected to report, and where its report stands. */
export const periodProjectRow = z.object({
  projectId: z.uuid(),
  code: z.string(),
  name: z.string(),
  regionCode: z.string(),
  regionName: z.string(),
  stage: z.enum(STAGES),
  owner: z.string().nullable(),
  responsibleUnit: z.string().nullable(),
  leaderName: z.string().nullable(),
  /** Contact of the project's team (role contact), for the reminder list. */
  contactName: z.string().nullable(),
  contactPhone: z.string().nullable(),
  reportId: z.uuid().nullable(),
  /** missing: no report yet. */
  status: z.enum([...REPORT_STATUSES, 'missing']),
  investment: moneyOut.nullable(),
  fundsArrived: moneyOut.nullable(),
  submittedAt: z.string().nullable(),
  reviewedAt: z.string().nullable(),
  remindCount: z.number().int(),
  lastRemindedAt: z.string().nullable(),
});
export type PeriodProjectRow = z.infer<typeof periodProjectRow>;

export const periodProjectsQuery = z.object({
  status: z.enum([...REPORT_STATUSES, 'missing', 'notReported']).optional().meta({ description: 'notReported：未提交（缺报、草稿、已退回）' }),
  q: z.string().trim().max(100).optional(),
});
export const periodProjects = z.object({ period, items: z.array(periodProjectRow) });

export const reminderCreate = z.object({
  projectIds: z.array(z.uuid()).max(5000).optional().meta({ description: '省略时提醒全部未提交的项目' }),
});
export const reminderResult = z.object({
  count: z.number().int(),
  /** Ready-to-paste text for the work group (催报通知). */
  message: z.string(),
  items: z.array(periodProjectRow),
});

// ───────────── reports ─────────────

export const reportParams = z.object({
  projectId: z.uuid({ message: '项目 ID 格式不正确' }),
  periodId: z.uuid({ message: '期间 ID 格式不正确' }),
});

export const milestoneDateIn = z.object({
  milestoneId: z.uuid({ message: '节点 ID 格式不正确' }),
  actualDate: isoDate,
});

export const reportPut = z.object({
  /** The version read; 0 when the report does not exist yet. A stale version gets 409. */
  version: z.number().int().min(0),
  investment: moneySignedIn,
  fundsBySource: fundsBySourceIn.default({}),
  progressText: z.string().trim().max(4000, '形象进度最长 4000 字').default(''),
  roadblocksText: z.string().trim().max(4000, '问题描述最长 4000 字').default(''),
  milestoneDates: z.array(milestoneDateIn).max(50).default([]),
});
export type ReportPut = z.infer<typeof reportPut>;

export const reportAction = z.object({ version: z.number().int().min(1).optional(), note: z.string().trim().max(1000).optional() }).optional();
export const reportReturn = z.object({
  version: z.number().int().min(1).optional(),
  reason: z.string().trim().min(2, '请填写退回原因').max(1000, '退回原因最长 1000 字'),
});

export const reportEvent = z.object({
  id: z.number().int(),
  action: z.enum(REPORT_ACTIONS),
  username: z.string().nullable(),
  displayName: z.string().nullable(),
  at: z.string(),
  reason: z.string().nullable(),
  investment: moneyOut.nullable(),
  fundsArrived: moneyOut.nullable(),
});

export const reportPhoto = z
  .object({
    id: z.uuid(),
    fileName: z.string(),
    mimeType: z.string(),
    size: z.number().int(),
    takenAt: z.string().nullable(),
    latitude: z.string().nullable(),
    longitude: z.string().nullable(),
    /** Distance from the project's coordinates in metres, where both are known. */
    distanceMeters: z.number().nullable(),
    caption: z.string().nullable(),
    url: z.string(),
    uploadedAt: z.string(),
  })
  .meta({ id: 'ReportPhoto' });
export type ReportPhotoDto = z.infer<typeof reportPhoto>;

export const correction = z
  .object({
    id: z.uuid(),
    reportId: z.uuid(),
    projectId: z.uuid(),
    projectCode: z.string(),
    projectName: z.string(),
    periodId: z.uuid(),
    periodLabel: z.string(),
    status: z.enum(CORRECTION_STATUSES),
    reason: z.string(),
    before: z.object({ investment: moneyOut, fundsArrived: moneyOut, fundsBySource: fundsBySourceOut }),
    proposed: z.object({ investment: moneyOut, fundsArrived: moneyOut, fundsBySource: fundsBySourceOut, progressText: z.string().nullable() }),
    requestedBy: z.string().nullable(),
    requestedAt: z.string(),
    decidedBy: z.string().nullable(),
    decidedAt: z.string().nullable(),
    decisionNote: z.string().nullable(),
  })
  .meta({ id: 'ReportCorrection' });
export type CorrectionDto = z.infer<typeof correction>;

export const correctionCreate = z.object({
  reason: z.string().trim().min(4, '请写明更正原因（至少 4 个字）').max(1000, '更正原因最长 1000 字'),
  investment: moneySignedIn,
  fundsBySource: fundsBySourceIn.default({}),
  progressText: z.string().trim().max(4000).optional(),
});
export type CorrectionCreate = z.infer<typeof correctionCreate>;
export const correctionDecision = z.object({ note: z.string().trim().max(1000).optional() }).optional();
export const correctionReject = z.object({ note: z.string().trim().min(2, '请填写驳回理由').max(1000) });
export const correctionListQuery = z.object({ status: z.enum(CORRECTION_STATUSES).optional(), projectId: z.uuid().optional() });
export const correctionList = z.object({ items: z.array(correction) });

export const reportPermissions = z.object({
  canEdit: z.boolean(),
  canSubmit: z.boolean(),
  canApprove: z.boolean(),
  canReturn: z.boolean(),
  canRequestCorrection: z.boolean(),
  canDecideCorrection: z.boolean(),
});

/** Facts a report is filled against: the project, its year's plan and what was reported before. */
export const reportContext = z.object({
  projectCode: z.string(),
  projectName: z.string(),
  projectStage: z.enum(STAGES),
  regionName: z.string(),
  totalInvestment: moneyOut,
  annualPlan: moneyOut.nullable(),
  /** Approved investment of the year before this period, and cumulative before it (with the opening balance). */
  ytdBefore: moneyOut,
  cumulativeBefore: moneyOut,
  longitude: z.string().nullable(),
  latitude: z.string().nullable(),
  milestones: z.array(z.object({ id: z.uuid(), name: z.string(), kind: z.string(), plannedDate: isoDate.nullable(), actualDate: isoDate.nullable() })),
});

export const report = z
  .object({
    /** Null while nothing has been saved for this project and period. */
    id: z.uuid().nullable(),
    projectId: z.uuid(),
    periodId: z.uuid(),
    periodLabel: z.string(),
    periodStatus: z.enum(PERIOD_STATUSES),
    deadline: isoDate,
    year: z.number().int(),
    month: z.number().int(),
    status: z.enum(REPORT_STATUSES),
    investment: moneyOut,
    fundsArrived: moneyOut,
    fundsBySource: fundsBySourceOut,
    progressText: z.string(),
    roadblocksText: z.string(),
    milestoneDates: z.array(z.object({ milestoneId: z.uuid(), actualDate: isoDate })),
    corrected: z.boolean(),
    returnReason: z.string().nullable(),
    version: z.number().int(),
    submittedAt: z.string().nullable(),
    reviewedAt: z.string().nullable(),
    updatedAt: z.string().nullable(),
    context: reportContext,
    permissions: reportPermissions,
    photos: z.array(reportPhoto),
    events: z.array(reportEvent),
    corrections: z.array(correction),
  })
  .meta({ id: 'Report' });
export type ReportDto = z.infer<typeof report>;

/** A line of a report list (my reports due, the review queue). */
export const reportListItem = z
  .object({
    projectId: z.uuid(),
    projectCode: z.string(),
    projectName: z.string(),
    regionName: z.string(),
    owner: z.string().nullable(),
    responsibleUnit: z.string().nullable(),
    periodId: z.uuid(),
    periodLabel: z.string(),
    periodStatus: z.enum(PERIOD_STATUSES),
    deadline: isoDate,
    overdue: z.boolean(),
    reportId: z.uuid().nullable(),
    status: z.enum([...REPORT_STATUSES, 'missing']),
    investment: moneyOut.nullable(),
    fundsArrived: moneyOut.nullable(),
    returnReason: z.string().nullable(),
    submittedAt: z.string().nullable(),
    updatedAt: z.string().nullable(),
  })
  .meta({ id: 'ReportListItem' });
export type ReportListItem = z.infer<typeof reportListItem>;

export const reportListQuery = z.object({
  /** due: what the caller still has to file in open periods; review: submitted reports the caller may approve. */
  view: z.enum(['due', 'review', 'all']).default('all'),
  periodId: z.uuid().optional(),
  status: z.enum(REPORT_STATUSES).optional(),
});
export const reportList = z.object({ items: z.array(reportListItem) });

// ───────────── a project's month-by-month series ─────────────

export const projectSeriesQuery = z.object({ year: year.optional() });
export const projectSeriesMonth = z.object({
  month: z.number().int(),
  /** Approved investment and funds of the month (all periods in it). */
  investment: moneyOut,
  fundsArrived: moneyOut,
  ytdInvestment: moneyOut,
  ytdFundsArrived: moneyOut,
  cumulativeInvestment: moneyOut,
  plannedToDate: moneyOut.nullable(),
  timeElapsed: z.number().nullable(),
  annualCompletionRate: z.number().nullable(),
  progressStatus: z.enum(['ahead', 'on_schedule', 'lagging']).nullable(),
  /** Where the month's reports stand: none, or the least advanced status among them. */
  reportStatus: z.enum([...REPORT_STATUSES, 'missing']).nullable(),
  progressText: z.string().nullable(),
});
export const projectSeries = z
  .object({
    projectId: z.uuid(),
    year: z.number().int(),
    annualPlan: moneyOut.nullable(),
    monthlyPlan: z.array(moneyOut).nullable(),
    totalInvestment: moneyOut,
    openingInvestment: moneyOut,
    months: z.array(projectSeriesMonth),
    reports: z.array(reportListItem),
  })
  .meta({ id: 'ProjectReportSeries' });
export type ProjectSeriesDto = z.infer<typeof projectSeries>;

export { year as yearParam, month as monthParam };
