// Roadblock rules (问题直通车): categories, severities, statuses and their Chinese labels, the
// status flow (open → accepted → solved → closed; solved → reopened → accepted …) and when a
// roadblock is overdue. Pure functions; the services and the web share them.
import { addWorkdays, workdaysBetween, type WorkdayAdjustments } from './workdays.ts';

export const PROBLEM_CATEGORIES = [
  'land', 'approvals', 'funding', 'demolition', 'utilities', 'environment', 'energy_quota', 'labour', 'construction', 'other',
] as const;
export type ProblemCategory = (typeof PROBLEM_CATEGORIES)[number];
export const PROBLEM_CATEGORY_LABELS: Record<ProblemCategory, string> = {
  land: '用地',
  approvals: '审批手续',
  funding: '资金',
  demolition: '征迁安置',
  utilities: '水电气暖',
  environment: '环保',
  energy_quota: '能耗指标',
  labour: '用工',
  construction: '施工建设',
  other: '其他',
};

export const PROBLEM_SEVERITIES = ['general', 'major', 'critical'] as const;
export type ProblemSeverity = (typeof PROBLEM_SEVERITIES)[number];
export const PROBLEM_SEVERITY_LABELS: Record<ProblemSeverity, string> = { general: '一般', major: '较大', critical: '重大' };

export const PROBLEM_STATUSES = ['open', 'accepted', 'solved', 'closed', 'reopened'] as const;
export type ProblemStatus = (typeof PROBLEM_STATUSES)[number];
export const PROBLEM_STATUS_LABELS: Record<ProblemStatus, string> = {
  open: '待受理',
  accepted: '办理中',
  solved: '已办结',
  closed: '已关闭',
  reopened: '已重启',
};

/** Statuses in which a roadblock still needs the department (not yet solved). */
export const PROBLEM_OPEN_STATUSES: readonly ProblemStatus[] = ['open', 'accepted', 'reopened'];

export const PROBLEM_ACTIONS = ['raised', 'accepted', 'progress', 'solved', 'verified', 'reopened', 'escalated', 'attached'] as const;
export type ProblemAction = (typeof PROBLEM_ACTIONS)[number];
export const PROBLEM_ACTION_LABELS: Record<ProblemAction, string> = {
  raised: '提出',
  accepted: '受理',
  progress: '办理记录',
  solved: '办结',
  verified: '验收关闭',
  reopened: '重启',
  escalated: '升级督办',
  attached: '上传附件',
};

/** 0 department · 1 county office / special team · 2 lead leader · 3 city dispatch meeting. */
export const ESCALATION_LEVELS = [0, 1, 2, 3] as const;
export type EscalationLevel = (typeof ESCALATION_LEVELS)[number];
export const ESCALATION_LEVEL_LABELS: Record<EscalationLevel, string> = {
  0: '责任部门',
  1: '县级调度办/专班',
  2: '包联领导',
  3: '市调度会',
};

export const DEFAULT_ACCEPT_DAYS = 3;
export const DEFAULT_ESCALATION_DAYS: readonly number[] = [0, 5, 10];

/** Steps that change the status, and from which statuses each may be taken. */
export const PROBLEM_TRANSITIONS = {
  accept: { from: ['open', 'reopened'], to: 'accepted' },
  progress: { from: ['accepted'], to: 'accepted' },
  solve: { from: ['accepted'], to: 'solved' },
  verify: { from: ['solved'], to: 'closed' },
  reopen: { from: ['solved'], to: 'reopened' },
} as const satisfies Record<string, { from: readonly ProblemStatus[]; to: ProblemStatus }>;
export type ProblemStep = keyof typeof PROBLEM_TRANSITIONS;

export const PROBLEM_STEP_LABELS: Record<ProblemStep, string> = {
  accept: '受理', progress: '记录办理情况', solve: '办结', verify: '验收', reopen: '重启',
};

export function canTransition(status: ProblemStatus, step: ProblemStep): boolean {
  return (PROBLEM_TRANSITIONS[step].from as readonly ProblemStatus[]).includes(status);
}

/** The status after a step, or null with the Chinese reason when the step is not allowed now. */
export function nextStatus(status: ProblemStatus, step: ProblemStep): { ok: true; status: ProblemStatus } | { ok: false; message: string } {
  if (canTransition(status, step)) return { ok: true, status: PROBLEM_TRANSITIONS[step].to };
  return { ok: false, message: `问题当前状态为“${PROBLEM_STATUS_LABELS[status]}”，不能${PROBLEM_STEP_LABELS[step]}` };
}

/** Accept-by date: `acceptDays` working days after the day it was raised (or reopened). */
export function acceptDueDate(raisedOn: string, acceptDays: number, adj?: WorkdayAdjustments): string {
  return addWorkdays(raisedOn, acceptDays, adj);
}

export interface OverdueFacts {
  status: ProblemStatus;
  acceptDue: string;
  dueDate: string | null;
}

export interface Overdue {
  overdue: boolean;
  /** Which deadline was missed: acceptance (acceptDue) or solving (dueDate). */
  kind: 'accept' | 'solve' | null;
  /** The missed deadline. */
  deadline: string | null;
  /** Working days after the deadline up to `today` (the deadline day itself is still on time). */
  workdays: number;
}

/**
 * Whether a roadblock is overdue on `today`: not accepted by acceptDue (open, reopened), or not
 * solved by dueDate (accepted). Solved and closed ones are never overdue. A deadline is met on
 * its own day; the count is the working days after it up to and including today.
 */
export function overdueOn(p: OverdueFacts, today: string, adj?: WorkdayAdjustments): Overdue {
  const none: Overdue = { overdue: false, kind: null, deadline: null, workdays: 0 };
  let kind: 'accept' | 'solve';
  let deadline: string | null;
  if (p.status === 'open' || p.status === 'reopened') {
    kind = 'accept';
    deadline = p.acceptDue;
  } else if (p.status === 'accepted') {
    kind = 'solve';
    deadline = p.dueDate;
  } else return none;
  if (!deadline || today <= deadline) return none;
  return { overdue: true, kind, deadline, workdays: workdaysBetween(deadline, today, adj) };
}

/** Level on the ladder for `workdays` overdue: climbs one step each time a threshold is reached. */
export function escalationLevelFor(workdays: number, overdue: boolean, escalationDays: readonly number[] = DEFAULT_ESCALATION_DAYS): EscalationLevel {
  if (!overdue) return 0;
  let level = 0;
  for (let i = 0; i < Math.min(3, escalationDays.length); i++) if (workdays >= escalationDays[i]!) level = i + 1;
  return level as EscalationLevel;
}

/** Code of the n-th roadblock of a year: WT2024-00017. */
export function problemCode(year: number, seq: number): string {
  return `WT${year}-${String(seq).padStart(5, '0')}`;
}
