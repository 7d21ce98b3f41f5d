// Request and response schemas of roadblocks (问题直通车): raising, the department's steps, the
// raiser's verification, attachments, the working-day calendar and settings, plus the shapes the
// escalation, statistics and dispatch-meeting endpoints answer with. Names kept as a contract: a
// roadblock has status (open|accepted|solved|closed|reopened), category, departmentId, dueDate,
// escalationLevel (0–3).
import { z } from 'zod';
import {
  PROBLEM_ACTIONS, PROBLEM_CATEGORIES, PROBLEM_SEVERITIES, PROBLEM_STATUSES,
} from '../domain/problems.ts';
import { isoDate, pageQuery } from './common.ts';
import { queryBool } from './lookups.ts';

export { notification, type Notification } from './notifications.ts';

const categoryEnum = z.enum(PROBLEM_CATEGORIES, { message: '问题类别应为用地、审批手续、资金、征迁安置、水电气暖、环保、能耗指标、用工、施工建设或其他' });
const severityEnum = z.enum(PROBLEM_SEVERITIES, { message: '严重程度应为一般、较大或重大' });
const escalationLevel = z.number().int().min(0).max(3).meta({ description: '0 责任部门 · 1 县级调度办/专班 · 2 包联领导 · 3 市调度会' });

// ───────────── a roadblock ─────────────

export const problemEvent = z
  .object({
    id: z.number().int(),
    action: z.enum(PROBLEM_ACTIONS),
    userId: z.uuid().nullable(),
    username: z.string().nullable(),
    displayName: z.string().nullable().meta({ description: '操作人姓名' }),
    at: z.string(),
    note: z.string().nullable(),
    data: z.record(z.string(), z.unknown()).nullable(),
  })
  .meta({ id: 'ProblemEvent' });
export type ProblemEventDto = z.infer<typeof problemEvent>;

export const problemAttachment = z
  .object({
    id: z.uuid(),
    fileName: z.string(),
    mimeType: z.string(),
    size: z.number().int(),
    uploadedBy: z.string().nullable().meta({ description: '上传人用户名' }),
    uploadedAt: z.string(),
    url: z.string().meta({ description: '下载地址 /api/v1/problems/<id>/attachments/<attachmentId>' }),
  })
  .meta({ id: 'ProblemAttachment' });
export type ProblemAttachmentDto = z.infer<typeof problemAttachment>;

export const problemPermissions = z.object({
  /** Lead department users (or office/admin in scope), status open or reopened. */
  canAccept: z.boolean(),
  /** Lead or co-handling department users (or office/admin), status accepted. */
  canProgress: z.boolean(),
  /** Lead department users (or office/admin), status accepted. */
  canSolve: z.boolean(),
  /** The raiser (or office/admin), status solved. */
  canVerify: z.boolean(),
  canReopen: z.boolean(),
  /** Anyone who may see it and is not a read-only role, while not closed. */
  canAttach: z.boolean(),
});
export type ProblemPermissions = z.infer<typeof problemPermissions>;

export const orgRef = z.object({ id: z.uuid(), name: z.string() });

export const problemSummary = z
  .object({
    id: z.uuid(),
    code: z.string().meta({ example: 'WT2024-00017' }),
    projectId: z.uuid(),
    projectCode: z.string(),
    projectName: z.string(),
    regionCode: z.string(),
    regionName: z.string(),
    reportId: z.uuid().nullable(),
    category: z.enum(PROBLEM_CATEGORIES),
    severity: z.enum(PROBLEM_SEVERITIES),
    title: z.string(),
    description: z.string(),
    departmentId: z.uuid(),
    departmentName: z.string(),
    coDepartments: z.array(orgRef),
    status: z.enum(PROBLEM_STATUSES),
    raisedBy: z.string().nullable().meta({ description: '提出人姓名' }),
    raisedById: z.uuid().nullable(),
    raisedAt: z.string(),
    acceptDue: isoDate,
    acceptedAt: z.string().nullable(),
    dueDate: isoDate.nullable().meta({ description: '办结时限' }),
    solvedAt: z.string().nullable(),
    solution: z.string().nullable(),
    closedAt: z.string().nullable(),
    escalationLevel,
    escalatedAt: z.string().nullable(),
    /** Past acceptDue while not accepted, or past dueDate while not solved (today, working days). */
    overdue: z.boolean(),
    overdueWorkdays: z.number().int(),
    version: z.number().int(),
  })
  .meta({ id: 'ProblemSummary' });
export type ProblemSummaryDto = z.infer<typeof problemSummary>;

export const problem = problemSummary
  .extend({
    leaderName: z.string().nullable().meta({ description: '包联领导' }),
    permissions: problemPermissions,
    events: z.array(problemEvent),
    attachments: z.array(problemAttachment),
  })
  .meta({ id: 'Problem' });
export type ProblemDto = z.infer<typeof problem>;

// ───────────── list ─────────────

export const PROBLEM_LIST_SORTS = ['raisedAt', '-raisedAt', 'dueDate', '-dueDate', 'escalationLevel', '-escalationLevel', 'code'] as const;

export const problemListQuery = z.object({
  region: z.string().optional().meta({ description: '区域代码（含下级）' }),
  projectId: z.uuid({ message: '项目 ID 格式不正确' }).optional(),
  reportId: z.uuid({ message: '填报 ID 格式不正确' }).optional(),
  departmentId: z.uuid({ message: '部门 ID 格式不正确' }).optional().meta({ description: '牵头或协办部门' }),
  status: z
    .preprocess((v) => (v == null || v === '' ? undefined : Array.isArray(v) ? v : String(v).split(',').filter(Boolean)), z.array(z.enum([...PROBLEM_STATUSES, 'unsolved'])).optional())
    .meta({ description: '可多选，逗号分隔；unsolved = 待受理、办理中、已重启' }),
  category: z.enum(PROBLEM_CATEGORIES).optional(),
  severity: z.enum(PROBLEM_SEVERITIES).optional(),
  overdue: queryBool.optional(),
  minLevel: z.coerce.number().int().min(0).max(3).optional().meta({ description: '升级层级不低于' }),
  mine: queryBool.optional().meta({ description: 'true 时只列本人提出的' }),
  q: z.string().trim().max(100).optional().meta({ description: '编号、标题、项目名称' }),
  sort: z.enum(PROBLEM_LIST_SORTS).default('-raisedAt'),
  ...pageQuery,
});
export type ProblemListQuery = z.infer<typeof problemListQuery>;

export const problemList = z.object({
  items: z.array(problemSummary),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});
export type ProblemList = z.infer<typeof problemList>;

// ───────────── steps ─────────────

const text = (label: string, max: number) =>
  z.string({ message: `请填写${label}` }).trim().min(1, `${label}不能为空`).max(max, `${label}最长 ${max} 个字`);
const optionalNote = z.string().trim().max(2000, '说明最长 2000 个字').optional();
const version = z.number().int().min(1).optional().meta({ description: '乐观锁：读取时的 version，已被他人修改则 409' });

export const problemCreate = z.object({
  projectId: z.uuid({ message: '请选择项目' }),
  reportId: z.uuid({ message: '填报 ID 格式不正确' }).nullable().optional().meta({ description: '从某期填报中提出时填写，须属于该项目' }),
  category: categoryEnum,
  severity: severityEnum,
  title: text('问题标题', 200),
  description: text('问题描述', 5000),
  departmentId: z.uuid({ message: '请选择牵头部门' }),
  coDepartmentIds: z.array(z.uuid({ message: '协办部门 ID 格式不正确' })).max(20, '协办部门最多 20 个').optional(),
});
export type ProblemCreate = z.infer<typeof problemCreate>;

export const problemAccept = z.object({
  dueDate: isoDate.meta({ description: '办结时限，不早于今天' }),
  note: optionalNote,
  version,
});
export type ProblemAccept = z.infer<typeof problemAccept>;

export const problemProgress = z.object({ note: text('办理情况', 2000), version });
export const problemSolve = z.object({ solution: text('办结情况', 5000), version });
export const problemVerify = z.object({ note: optionalNote, version }).optional();
export const problemReopen = z.object({ reason: text('重启原因', 2000), version });

export const problemAttachmentParams = z.object({
  id: z.uuid({ message: 'ID 格式不正确' }),
  attachmentId: z.uuid({ message: '附件 ID 格式不正确' }),
});

// ───────────── working days and settings ─────────────

export const workdayAdjustment = z
  .object({
    date: isoDate,
    isWorkday: z.boolean({ message: '请说明该日是否上班' }),
    note: z.string().trim().max(200, '说明最长 200 个字').nullable().optional(),
  })
  .meta({ id: 'WorkdayAdjustment' });
export type WorkdayAdjustmentDto = z.infer<typeof workdayAdjustment>;

export const workdayAdjustmentsQuery = z.object({ year: z.coerce.number().int().min(2000).max(2100).optional() });
export const workdayAdjustmentList = z.object({
  items: z.array(workdayAdjustment.extend({ note: z.string().nullable(), updatedAt: z.string(), updatedBy: z.string().nullable() })),
});
/** Replaces the adjustments of the given year (or all when no year) with this list. */
export const workdayAdjustmentsPut = z.object({
  year: z.number().int().min(2000).max(2100).optional().meta({ description: '只替换该年的调整；省略时替换全部' }),
  items: z.array(workdayAdjustment).max(400, '最多 400 条'),
});
export type WorkdayAdjustmentsPut = z.infer<typeof workdayAdjustmentsPut>;

export const problemSettings = z
  .object({
    regionCode: z.string(),
    regionName: z.string(),
    acceptDays: z.number().int(),
    escalationDays: z.array(z.number().int()).length(3),
    /** The region whose settings apply (nearest up the tree); null: defaults. */
    inheritedFrom: z.string().nullable(),
  })
  .meta({ id: 'ProblemSettings' });
export type ProblemSettingsDto = z.infer<typeof problemSettings>;

export const problemSettingsQuery = z.object({ regionCode: z.string().optional() });
export const problemSettingsPut = z.object({
  regionCode: z.string().trim().min(2, '请选择区域'),
  acceptDays: z.number().int('受理时限应为整数').min(1, '受理时限至少 1 个工作日').max(30, '受理时限不超过 30 个工作日'),
  escalationDays: z
    .array(z.number().int('升级天数应为整数').min(0, '升级天数不能为负').max(365, '升级天数不超过 365'))
    .length(3, '升级天数应为 3 个（县级、包联领导、市调度会）')
    .refine((a) => a[0]! <= a[1]! && a[1]! <= a[2]!, '升级天数应逐级不减'),
});
export type ProblemSettingsPut = z.infer<typeof problemSettingsPut>;

// ───────────── escalation (built by the escalation helper) ─────────────

export const escalateQuery = z.object({ at: isoDate.optional().meta({ description: '按该日计算（测试、补跑）；默认今天' }) });

export const escalationStep = z.object({
  problemId: z.uuid(),
  code: z.string(),
  projectName: z.string(),
  from: escalationLevel,
  to: escalationLevel,
  overdueWorkdays: z.number().int(),
  notified: z.number().int().meta({ description: '发出的通知条数' }),
});

export const escalationResult = z
  .object({
    at: isoDate,
    checked: z.number().int().meta({ description: '检查的未办结问题数' }),
    overdue: z.number().int(),
    escalated: z.array(escalationStep),
    /** Supervision orders marked overdue by the same run (markOverdueOrders). */
    overdueOrders: z.number().int(),
  })
  .meta({ id: 'EscalationResult' });
export type EscalationResult = z.infer<typeof escalationResult>;

// ───────────── statistics (built by the stats helper) ─────────────

export const PROBLEM_STATS_GROUPS = ['department', 'category', 'region'] as const;
export const problemStatsQuery = z.object({
  region: z.string().optional(),
  groupBy: z.enum(PROBLEM_STATS_GROUPS).default('department'),
});

export const problemStatsRow = z
  .object({
    key: z.string().meta({ description: '部门 ID、类别代码或区域代码' }),
    name: z.string(),
    total: z.number().int(),
    open: z.number().int().meta({ description: '未办结（待受理、办理中、已重启）' }),
    solved: z.number().int().meta({ description: '已办结（含已关闭）' }),
    solvedOnTime: z.number().int(),
    onTimeRate: z.number().nullable().meta({ description: '按时办结 ÷ 已办结，0–1；无已办结时为 null' }),
    avgDaysToSolve: z.number().nullable().meta({ description: '提出到办结的平均自然日' }),
    overdue: z.number().int(),
    ageing: z.object({
      d0_7: z.number().int(),
      d8_30: z.number().int(),
      d31_90: z.number().int(),
      d90plus: z.number().int(),
    }).meta({ description: '未办结问题的账龄（自然日）：≤7、8–30、31–90、>90' }),
  })
  .meta({ id: 'ProblemStatsRow' });
export type ProblemStatsRow = z.infer<typeof problemStatsRow>;

export const problemStats = z.object({
  groupBy: z.enum(PROBLEM_STATS_GROUPS),
  regionCode: z.string(),
  rows: z.array(problemStatsRow).meta({ description: '最慢的部门在前（平均办结天数、逾期数降序）' }),
  total: problemStatsRow,
});
export type ProblemStats = z.infer<typeof problemStats>;

// ───────────── city dispatch meeting list (built by the stats helper) ─────────────

export const dispatchRow = z.object({
  id: z.uuid(),
  code: z.string(),
  projectName: z.string(),
  regionName: z.string(),
  category: z.enum(PROBLEM_CATEGORIES),
  description: z.string(),
  departmentName: z.string(),
  raisedAt: z.string(),
  dueDate: isoDate.nullable(),
  overdueWorkdays: z.number().int(),
  leaderName: z.string().nullable(),
});
export type DispatchRow = z.infer<typeof dispatchRow>;
