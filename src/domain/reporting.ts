// Progress reporting rules (调度填报): period calendars, the report workflow and the checks on a
// report's figures. Pure functions; the services call them and the web shows the same messages.
import Decimal from 'decimal.js';
import { daysInMonth, ymd } from './dates.ts';

export const CADENCES = ['monthly', 'semimonthly', 'weekly'] as const;
export type Cadence = (typeof CADENCES)[number];
export const CADENCE_LABELS: Record<Cadence, string> = { monthly: '每月', semimonthly: '每半月', weekly: '每周' };

export const PERIOD_STATUSES = ['open', 'closed'] as const;
export type PeriodStatus = (typeof PERIOD_STATUSES)[number];
export const PERIOD_STATUS_LABELS: Record<PeriodStatus, string> = { open: '填报中', closed: '已锁定' };

export const REPORT_STATUSES = ['draft', 'submitted', 'approved', 'returned'] as const;
export type ReportStatus = (typeof REPORT_STATUSES)[number];
export const REPORT_STATUS_LABELS: Record<ReportStatus, string> = {
  draft: '草稿',
  submitted: '待审核',
  approved: '已审核',
  returned: '已退回',
};

export const CORRECTION_STATUSES = ['pending', 'approved', 'rejected'] as const;
export type CorrectionStatus = (typeof CORRECTION_STATUSES)[number];
export const CORRECTION_STATUS_LABELS: Record<CorrectionStatus, string> = { pending: '待审批', approved: '已批准', rejected: '已驳回' };

export const FUND_SOURCES = ['government', 'specialBonds', 'bankLoans', 'selfRaised', 'other'] as const;
export type FundSource = (typeof FUND_SOURCES)[number];
export const FUND_SOURCE_LABELS: Record<FundSource, string> = {
  government: '政府预算资金',
  specialBonds: '专项债券',
  bankLoans: '银行贷款',
  selfRaised: '企业自筹',
  other: '其他',
};

export const REPORT_ACTIONS = [
  'saved', 'submitted', 'approved', 'returned', 'correction_requested', 'correction_approved', 'correction_rejected',
] as const;
export type ReportAction = (typeof REPORT_ACTIONS)[number];
export const REPORT_ACTION_LABELS: Record<ReportAction, string> = {
  saved: '保存',
  submitted: '提交',
  approved: '审核通过',
  returned: '退回',
  correction_requested: '申请更正',
  correction_approved: '更正获批',
  correction_rejected: '更正被驳回',
};

/** Most periods a month can hold for a cadence. */
export function periodsPerMonth(cadence: Cadence): number {
  return cadence === 'monthly' ? 1 : cadence === 'semimonthly' ? 2 : 4;
}

export interface PeriodCalendar {
  startsOn: string;
  endsOn: string;
  deadline: string;
}

/**
 * The dates of period `seq` of a month. Half-months are the 1st–15th and the 16th–end; weeks are the
 * 1st–7th, 8th–14th, 15th–21st and 22nd–end, so every period lies inside one month and its figures
 * belong to that month. A monthly report is due on `deadlineDay` of its month (capped at the month's
 * end); shorter periods are due on their last day.
 */
export function periodCalendar(cadence: Cadence, year: number, month: number, seq: number, deadlineDay = 25): PeriodCalendar {
  const last = daysInMonth(year, month);
  const n = periodsPerMonth(cadence);
  if (!Number.isInteger(seq) || seq < 1 || seq > n) throw new RangeError(`seq must be 1–${n} for ${cadence}`);
  if (cadence === 'monthly') {
    return { startsOn: ymd(year, month, 1), endsOn: ymd(year, month, last), deadline: ymd(year, month, Math.min(Math.max(deadlineDay, 1), last)) };
  }
  const starts = cadence === 'semimonthly' ? [1, 16] : [1, 8, 15, 22];
  const start = starts[seq - 1]!;
  const end = seq === n ? last : starts[seq]! - 1;
  return { startsOn: ymd(year, month, start), endsOn: ymd(year, month, end), deadline: ymd(year, month, end) };
}

/** "2024年9月", "2024年9月上半月", "2024年9月第2周". */
export function periodLabel(p: { cadence: Cadence | string; year: number; month: number; seq: number }): string {
  const base = `${p.year}年${p.month}月`;
  if (p.cadence === 'semimonthly') return `${base}${p.seq === 1 ? '上半月' : '下半月'}`;
  if (p.cadence === 'weekly') return `${base}第${p.seq}周`;
  return base;
}

/** Who moves a report on, from which status. Approve/return is for the responsible unit or the office. */
export const REPORT_TRANSITIONS: Record<'submit' | 'approve' | 'return', readonly ReportStatus[]> = {
  submit: ['draft', 'returned'],
  approve: ['submitted'],
  return: ['submitted', 'approved'],
};

/** May the report's figures be edited in this status (while the period is open)? */
export function isEditable(status: ReportStatus): boolean {
  return status === 'draft' || status === 'returned';
}

export interface ReportFigures {
  investment: string;
  fundsBySource: Partial<Record<FundSource, string>>;
  milestoneDates: { milestoneId: string; actualDate: string }[];
}

export interface ReportCheckContext {
  /** Total investment of the project. */
  totalInvestment: string;
  /** Cumulative investment before this period (opening balance plus approved reports of earlier periods). */
  cumulativeBefore: string;
  /** Investment of later periods already approved (a correction of an old period must still fit the total). */
  cumulativeAfter?: string;
  today: string;
  /** Funds arrived above investment × this factor (and above a small floor) is refused. */
  fundsRatioLimit?: number;
  /** A correction approved by the office may carry negative amounts (write-backs). */
  correction?: boolean;
}

export interface ReportIssue {
  field: string;
  message: string;
}

/** The sum of the funds arrived by source. */
export function fundsTotal(bySource: Partial<Record<string, string>>): string {
  return Object.values(bySource).reduce((s: Decimal, v) => s.plus(v ?? 0), new Decimal(0)).toFixed();
}

/** Floor below which "funds far above investment" is not flagged (万元): small sums are noise. */
const FUNDS_CHECK_FLOOR = 100;

/** Checks a report's figures. Messages name the field and say what is wrong, in Chinese. */
export function checkReport(f: ReportFigures, ctx: ReportCheckContext): ReportIssue[] {
  const issues: ReportIssue[] = [];
  const investment = new Decimal(f.investment);
  if (investment.isNegative() && !ctx.correction) {
    issues.push({ field: 'investment', message: '本期完成投资不能为负数；如需冲减以前填报的数字，请在期间锁定后提交更正申请' });
  }
  for (const key of FUND_SOURCES) {
    const v = f.fundsBySource[key];
    if (v != null && new Decimal(v).isNegative() && !ctx.correction) {
      issues.push({ field: `fundsBySource.${key}`, message: `${FUND_SOURCE_LABELS[key]}到位资金不能为负数` });
    }
  }
  const cumulative = new Decimal(ctx.cumulativeBefore).plus(investment).plus(ctx.cumulativeAfter ?? 0);
  if (cumulative.greaterThan(ctx.totalInvestment)) {
    issues.push({
      field: 'investment',
      message: `累计完成投资 ${cumulative.toFixed()} 万元将超过项目总投资 ${new Decimal(ctx.totalInvestment).toFixed()} 万元，请核实本期数字或先调整项目总投资`,
    });
  }
  const funds = new Decimal(fundsTotal(f.fundsBySource));
  const limit = ctx.fundsRatioLimit ?? 3;
  if (funds.greaterThan(FUNDS_CHECK_FLOOR) && funds.greaterThan(Decimal.max(investment, 0).times(limit))) {
    issues.push({
      field: 'fundsBySource',
      message: `本期到位资金 ${funds.toFixed()} 万元超过本期完成投资的 ${limit} 倍，请核实（到位资金应与投资进度大体匹配）`,
    });
  }
  f.milestoneDates.forEach((m, i) => {
    if (m.actualDate > ctx.today) issues.push({ field: `milestoneDates.${i}.actualDate`, message: `节点实际完成日期 ${m.actualDate} 晚于今天，不能填报未来日期` });
  });
  return issues;
}
