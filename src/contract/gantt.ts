// The timeline (进度计划): a project's procedures and milestones as Gantt rows
// (GET /projects/:id/gantt), and a portfolio of projects (GET /gantt) with a summary bar each.
// Dates are YYYY-MM-DD; statuses are judged on the server's "today", returned with the rows.
import { z } from 'zod';
import { GANTT_STATUSES } from '../domain/gantt.ts';
import { MILESTONE_KINDS, PROCEDURE_STATUSES, STAGES } from '../domain/enums.ts';
import { isoDate, moneyOut } from './common.ts';

const date = isoDate.nullable();

export const ganttSpan = z.object({ start: isoDate, end: isoDate });

export const ganttRow = z
  .object({
    id: z.uuid(),
    kind: z.enum(['procedure', 'milestone']),
    name: z.string(),
    /** Milestone kind (start/completion/production/other); null for procedures. */
    milestoneKind: z.enum(MILESTONE_KINDS).nullable(),
    /** Procedure status as recorded (pending/in_progress/done/not_required); null for milestones. */
    procedureStatus: z.enum(PROCEDURE_STATUSES).nullable(),
    plannedDate: date,
    /** The first planned date, kept when the date is re-planned. */
    baselineDate: date,
    actualDate: date,
    status: z.enum(GANTT_STATUSES),
    /** Days late (done after the plan, or open past it); null when not late. */
    lateDays: z.number().int().nullable(),
    /** Days the plan moved since the baseline; null when it never moved. */
    slipDays: z.number().int().nullable(),
    /** Who answers for it: the milestone's responsible person, or the procedure's approving authority. */
    responsible: z.string().nullable(),
    bars: z.object({
      planned: ganttSpan.nullable(),
      baseline: ganttSpan.nullable(),
      actual: ganttSpan.nullable(),
      open: z.boolean(),
    }),
  })
  .meta({ id: 'GanttRow' });
export type GanttRowDto = z.infer<typeof ganttRow>;

export const ganttProject = z.object({
  id: z.uuid(),
  code: z.string(),
  name: z.string(),
  regionName: z.string(),
  stage: z.enum(STAGES),
  leaderName: z.string().nullable(),
  responsibleUnit: z.string().nullable(),
  totalInvestment: moneyOut,
  plannedStart: date,
  plannedCompletion: date,
  plannedProduction: date,
  actualStart: date,
  actualCompletion: date,
  actualProduction: date,
});

export const SUMMARY_STATUSES = ['overdue', 'late', 'on_track'] as const;

const statusCounts = z.partialRecord(z.enum(GANTT_STATUSES), z.number().int());

export const projectGantt = z
  .object({
    today: isoDate,
    project: ganttProject,
    /** Procedures in their order, then milestones in theirs. */
    rows: z.array(ganttRow),
    status: z.enum(SUMMARY_STATUSES),
    counts: statusCounts,
  })
  .meta({ id: 'ProjectGantt' });
export type ProjectGanttDto = z.infer<typeof projectGantt>;

export const portfolioItem = z.object({
  project: ganttProject,
  /** The project as one bar: planned start → planned completion (baseline from the start and completion milestones). */
  bars: z.object({ planned: ganttSpan.nullable(), baseline: ganttSpan.nullable(), actual: ganttSpan.nullable(), open: z.boolean() }),
  status: z.enum(SUMMARY_STATUSES),
  overdueCount: z.number().int(),
  rows: z.array(ganttRow),
});
export type PortfolioItemDto = z.infer<typeof portfolioItem>;

const multi = <T extends z.ZodType>(item: T) =>
  z.preprocess((v) => (v == null || v === '' ? undefined : Array.isArray(v) ? v : String(v).split(',').filter(Boolean)), z.array(item).optional());

export const PORTFOLIO_MAX_PAGE = 200;

export const portfolioQuery = z.object({
  leader: z.uuid({ message: '包靠领导 ID 格式不正确' }).optional().meta({ description: '包靠领导（人员 ID）' }),
  region: z.string().trim().optional().meta({ description: '区域代码（含下级）；省略时为调用者所在区域' }),
  batch: z.uuid({ message: '活动 ID 格式不正确' }).optional().meta({ description: '集中开工/签约活动 ID' }),
  stage: multi(z.enum(STAGES)).meta({ description: '阶段，可多选（逗号分隔）' }),
  page: z.coerce.number().int().min(1, '页码应从 1 开始').default(1),
  pageSize: z.coerce.number().int().min(1).max(PORTFOLIO_MAX_PAGE, `每页最多 ${PORTFOLIO_MAX_PAGE} 个项目`).default(30),
});
export type PortfolioQuery = z.infer<typeof portfolioQuery>;

export const portfolioGantt = z
  .object({
    today: isoDate,
    /** What the portfolio is: "张三包靠项目", "莘县", the batch's name … */
    title: z.string(),
    regionCode: z.string(),
    regionName: z.string(),
    leaderName: z.string().nullable(),
    batchName: z.string().nullable(),
    /** Projects matching, over all pages. */
    total: z.number().int(),
    page: z.number().int(),
    pageSize: z.number().int(),
    items: z.array(portfolioItem),
  })
  .meta({ id: 'PortfolioGantt' });
export type PortfolioGanttDto = z.infer<typeof portfolioGantt>;
