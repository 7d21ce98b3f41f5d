// Request and response schemas of supervision (督办) and the accountability list (约谈).
// A red card opens a supervision order to the responsible unit and the lead leader; the unit
// responds in writing, the office accepts or rejects. Two red cards running, or an order past its
// deadline without an accepted response, put the project on the accountability list.
import { z } from 'zod';
import { isoDate, pageQuery } from './common.ts';

export const ORDER_STATUSES = ['open', 'responded', 'accepted', 'rejected'] as const;
export type OrderStatus = (typeof ORDER_STATUSES)[number];
export const ORDER_STATUS_LABELS: Record<OrderStatus, string> = {
  open: '待答复',
  responded: '已答复待审核',
  accepted: '已认可',
  rejected: '已退回待重新答复',
};

export const ACCOUNTABILITY_REASONS = ['two_red', 'overdue_order'] as const;
export type AccountabilityReason = (typeof ACCOUNTABILITY_REASONS)[number];
export const ACCOUNTABILITY_REASON_LABELS: Record<AccountabilityReason, string> = {
  two_red: '连续两期红牌',
  overdue_order: '督办单逾期未办结',
};

export const ACCOUNTABILITY_STATUSES = ['pending', 'held'] as const;
export type AccountabilityStatus = (typeof ACCOUNTABILITY_STATUSES)[number];
export const ACCOUNTABILITY_STATUS_LABELS: Record<AccountabilityStatus, string> = { pending: '待约谈', held: '已约谈' };

/** Default days between issuing an order and its deadline (rules: supervision.deadlineDays). */
export const DEFAULT_ORDER_DEADLINE_DAYS = 15;

// ───────────── supervision orders ─────────────

export const supervisionOrder = z
  .object({
    id: z.uuid(),
    /** 督办单编号, e.g. 聊督〔2024〕12-003. */
    number: z.string(),
    projectId: z.uuid(),
    projectCode: z.string(),
    projectName: z.string(),
    regionCode: z.string(),
    regionName: z.string(),
    cardId: z.uuid().nullable(),
    periodId: z.uuid().nullable(),
    periodLabel: z.string().nullable().meta({ description: '如 2024年12月' }),
    responsibleOrgId: z.uuid().nullable(),
    responsibleOrgName: z.string().nullable(),
    leaderPersonId: z.uuid().nullable(),
    leaderName: z.string().nullable(),
    reason: z.string().meta({ description: '督办事由（红牌的指标）' }),
    issuedAt: z.string(),
    deadline: isoDate,
    status: z.enum(ORDER_STATUSES),
    /** Past its deadline without an accepted response (as of today, China time). */
    overdue: z.boolean(),
    response: z.string().nullable(),
    respondedAt: z.string().nullable(),
    respondedByName: z.string().nullable(),
    decisionNote: z.string().nullable(),
    decidedAt: z.string().nullable(),
    decidedByName: z.string().nullable(),
    /** What the caller may do with it now. */
    canRespond: z.boolean(),
    canDecide: z.boolean(),
  })
  .meta({ id: 'SupervisionOrder' });
export type SupervisionOrderDto = z.infer<typeof supervisionOrder>;

export const supervisionOrderListQuery = z.object({
  status: z.enum(ORDER_STATUSES).optional(),
  region: z.string().trim().optional().meta({ description: '区域代码（含下级）；省略时为调用者所在区域' }),
  projectId: z.uuid({ message: '项目 ID 格式不正确' }).optional(),
  /** Only orders past their deadline without an accepted response. */
  overdue: z.enum(['true', 'false']).optional().transform((v) => (v === undefined ? undefined : v === 'true')),
  ...pageQuery,
});
export type SupervisionOrderListQuery = z.infer<typeof supervisionOrderListQuery>;

export const supervisionOrderList = z.object({
  items: z.array(supervisionOrder),
  total: z.number().int(),
  /** Counts by status over the region (and project) filter, ignoring status and paging. */
  counts: z.object({
    open: z.number().int(),
    responded: z.number().int(),
    accepted: z.number().int(),
    rejected: z.number().int(),
    overdue: z.number().int(),
  }),
});
export type SupervisionOrderListDto = z.infer<typeof supervisionOrderList>;

export const orderRespond = z.object({
  response: z.string().trim().min(5, '书面答复至少 5 个字').max(4000, '书面答复最长 4000 个字'),
});
export const orderAccept = z.object({ note: z.string().trim().max(1000, '审核意见最长 1000 个字').optional() });
export const orderReject = z.object({
  note: z.string().trim().min(2, '退回须写明理由（至少 2 个字）').max(1000, '审核意见最长 1000 个字'),
});

// ───────────── accountability list ─────────────

export const accountabilityEntry = z
  .object({
    id: z.uuid(),
    projectId: z.uuid(),
    projectCode: z.string(),
    projectName: z.string(),
    regionCode: z.string(),
    regionName: z.string(),
    responsibleOrgName: z.string().nullable(),
    leaderName: z.string().nullable(),
    reason: z.enum(ACCOUNTABILITY_REASONS),
    periodId: z.uuid().nullable(),
    periodLabel: z.string().nullable(),
    orderId: z.uuid().nullable(),
    orderNumber: z.string().nullable(),
    createdAt: z.string(),
    status: z.enum(ACCOUNTABILITY_STATUSES),
    talkDate: isoDate.nullable(),
    participants: z.string().nullable(),
    outcome: z.string().nullable(),
    recordedAt: z.string().nullable(),
    recordedByName: z.string().nullable(),
    canRecord: z.boolean(),
  })
  .meta({ id: 'AccountabilityEntry' });
export type AccountabilityEntryDto = z.infer<typeof accountabilityEntry>;

export const accountabilityListQuery = z.object({
  status: z.enum(ACCOUNTABILITY_STATUSES).optional(),
  region: z.string().trim().optional().meta({ description: '区域代码（含下级）；省略时为调用者所在区域' }),
  reason: z.enum(ACCOUNTABILITY_REASONS).optional(),
  projectId: z.uuid({ message: '项目 ID 格式不正确' }).optional(),
  ...pageQuery,
});
export type AccountabilityListQuery = z.infer<typeof accountabilityListQuery>;

export const accountabilityList = z.object({
  items: z.array(accountabilityEntry),
  total: z.number().int(),
  counts: z.object({ pending: z.number().int(), held: z.number().int() }),
});
export type AccountabilityListDto = z.infer<typeof accountabilityList>;

export const accountabilityRecord = z.object({
  talkDate: isoDate,
  participants: z.string().trim().min(2, '请填写参加约谈的人员').max(1000, '参加人员最长 1000 个字'),
  outcome: z.string().trim().min(2, '请填写约谈结果').max(4000, '约谈结果最长 4000 个字'),
});
export type AccountabilityRecord = z.infer<typeof accountabilityRecord>;
