// The key figures (投资完成率, 资金到位率, 序时进度, 开工率 …), defined once. Rates divide sums —
// never averages of per-project rates — and an empty denominator gives null ("—"), not 0 or 100%.
import Decimal from 'decimal.js';

export type Rate = number | null;

// Shares and planned amounts are computed with 40 significant digits so that rounding to the
// money scale never depends on the last digit of a long quotient (the SQL mirror uses scale 30).
const Exact = Decimal.clone({ precision: 40, rounding: Decimal.ROUND_HALF_UP });

/**
 * numerator / denominator as a fraction, or null when the denominator is empty or zero. The double
 * returned is the quotient of the exact decimals rounded once: both are read as integers of the same
 * decimal scale (an amount in 万元 has four places) and, where both fit a double exactly (15 digits),
 * divided there — IEEE division rounds the exact quotient correctly — so equal fractions give equal
 * rates (a tie in a ranking stays a tie). Longer decimals take decimal.js at 40 digits.
 */
export function ratio(numerator: Decimal.Value | null | undefined, denominator: Decimal.Value | null | undefined): Rate {
  if (denominator == null || denominator === '') return null;
  const n = decimalParts(numerator ?? 0);
  const d = decimalParts(denominator);
  if (n && d) {
    const scale = Math.max(n.fraction.length, d.fraction.length);
    const a = n.whole + n.fraction.padEnd(scale, '0');
    const b = d.whole + d.fraction.padEnd(scale, '0');
    if (a.length <= 15 && b.length <= 15) {
      const bottom = Number(b);
      if (bottom === 0) return null;
      const q = Number(a) / bottom;
      return n.negative === d.negative ? q : -q;
    }
  }
  const dd = new Exact(denominator);
  if (dd.isZero()) return null;
  return new Exact(numerator ?? 0).dividedBy(dd).toNumber();
}

const PLAIN_DECIMAL = /^([+-]?)0*(\d*?)(?:\.(\d*?)0*)?$/;

/** A plain decimal (text, or a safe integer) as its sign and digits without leading or trailing zeros; null for anything else. */
function decimalParts(v: Decimal.Value): { negative: boolean; whole: string; fraction: string } | null {
  if (typeof v === 'number') {
    if (!Number.isSafeInteger(v)) return null;
    return { negative: v < 0, whole: v === 0 ? '' : String(Math.abs(v)), fraction: '' };
  }
  if (typeof v !== 'string') return null;
  const m = PLAIN_DECIMAL.exec(v);
  if (!m || !/\d/.test(v)) return null;
  return { negative: m[1] === '-', whole: m[2] ?? '', fraction: m[3] ?? '' };
}


/**
 * The monthly split of a plan, when it applies: 12 amounts that do not add up to zero. Returns the
 * amount planned by the end of month m and the split's total.
 */
function monthlySplit(month: number, monthly?: readonly (string | null)[] | null): { done: Decimal; total: Decimal } | null {
  if (!monthly || monthly.length !== 12) return null;
  const total = monthly.reduce((s, v) => s.plus(v || 0), new Exact(0));
  if (total.isZero()) return null;
  return { done: monthly.slice(0, month).reduce((s, v) => s.plus(v || 0), new Exact(0)), total };
}

/**
 * Time-elapsed progress (序时进度) at the end of month m (1–12): m/12, or — where the annual plan is
 * split by month — the cumulative share of the split planned by then.
 */
export function timeElapsed(month: number, monthly?: readonly (string | null)[] | null): number {
  if (!Number.isInteger(month) || month < 1 || month > 12) throw new RangeError(`month must be 1–12, got ${month}`);
  const split = monthlySplit(month, monthly);
  return split ? split.done.dividedBy(split.total).toNumber() : month / 12;
}

/**
 * Planned investment due by the end of month m: the annual plan × time-elapsed progress, rounded to
 * the money scale. With a split that adds up to the plan this is the split's own running total; a
 * split left over from an earlier plan (the ledger import changes the plan and keeps the split) still
 * gives its shape, never its old amounts, so a group's 序时进度 reaches 100% in December.
 */
export function plannedToDate(annualPlan: string, month: number, monthly?: readonly (string | null)[] | null): string {
  const plan = new Exact(annualPlan);
  const split = monthlySplit(month, monthly);
  const due = split ? plan.times(split.done).dividedBy(split.total) : plan.times(month).dividedBy(12);
  return due.toDecimalPlaces(4, Decimal.ROUND_HALF_UP).toFixed();
}

export type ProgressStatus = 'ahead' | 'on_schedule' | 'lagging';
export const PROGRESS_STATUS_LABELS: Record<ProgressStatus, string> = { ahead: '超前', on_schedule: '正常', lagging: '滞后' };

/** Default tolerance: within 5 percentage points of time-elapsed progress counts as on schedule. */
export const DEFAULT_PROGRESS_TOLERANCE = 0.05;

/**
 * 超前 / 正常 / 滞后 by the gap between the annual completion rate and time-elapsed progress.
 * A gap exactly at the tolerance is still on schedule. No rate (no plan) gives no status.
 */
export function progressStatus(completionRate: Rate, elapsed: number, tolerance = DEFAULT_PROGRESS_TOLERANCE): ProgressStatus | null {
  if (completionRate == null) return null;
  // Compare in exact decimals so 0.55 − 0.5 = 0.05 sits on the boundary, not past it.
  const gap = new Decimal(completionRate).minus(elapsed);
  if (gap.greaterThan(tolerance)) return 'ahead';
  if (gap.lessThan(-tolerance)) return 'lagging';
  return 'on_schedule';
}

/** The figures of one group (a project, a county, an industry …) from its sums. */
export interface FigureSums {
  annualPlan: string;
  ytdInvestment: string;
  ytdFundsArrived: string;
  totalInvestment: string;
  cumulativeInvestment: string;
  cumulativeFundsArrived: string;
  /** Planned investment due by the end of the month, summed over the group (for 序时进度 of a group). */
  plannedToDate: string;
  dueToStart: number;
  started: number;
  dueToComplete: number;
  completedOnTime: number;
  dueToProduce: number;
  producing: number;
}

export interface Figures {
  timeElapsed: Rate;
  annualCompletionRate: Rate;
  cumulativeCompletionRate: Rate;
  fundArrivalRate: Rate;
  cumulativeFundArrivalRate: Rate;
  startRate: Rate;
  onTimeCompletionRate: Rate;
  productionRate: Rate;
  /** Annual completion rate minus time-elapsed progress (negative: behind). */
  gap: Rate;
}

/**
 * Figures of a group from its sums. A group's time-elapsed progress is its planned-to-date over its
 * annual plan, which equals m/12 when no project has a monthly split.
 */
export function figures(s: FigureSums): Figures {
  const elapsed = ratio(s.plannedToDate, s.annualPlan);
  const annualCompletionRate = ratio(s.ytdInvestment, s.annualPlan);
  return {
    timeElapsed: elapsed,
    annualCompletionRate,
    cumulativeCompletionRate: ratio(s.cumulativeInvestment, s.totalInvestment),
    fundArrivalRate: ratio(s.ytdFundsArrived, s.annualPlan),
    cumulativeFundArrivalRate: ratio(s.cumulativeFundsArrived, s.totalInvestment),
    startRate: ratio(s.started, s.dueToStart),
    onTimeCompletionRate: ratio(s.completedOnTime, s.dueToComplete),
    productionRate: ratio(s.producing, s.dueToProduce),
    gap: annualCompletionRate == null || elapsed == null ? null : new Decimal(annualCompletionRate).minus(elapsed).toNumber(),
  };
}

/** Adds the sums of several groups: how every figure rolls up (project → county → city → province). */
export function addSums(parts: readonly FigureSums[]): FigureSums {
  const money = (k: keyof FigureSums) => parts.reduce((s, p) => s.plus(p[k] as string), new Decimal(0)).toFixed();
  const count = (k: keyof FigureSums) => parts.reduce((s, p) => s + (p[k] as number), 0);
  return {
    annualPlan: money('annualPlan'),
    ytdInvestment: money('ytdInvestment'),
    ytdFundsArrived: money('ytdFundsArrived'),
    totalInvestment: money('totalInvestment'),
    cumulativeInvestment: money('cumulativeInvestment'),
    cumulativeFundsArrived: money('cumulativeFundsArrived'),
    plannedToDate: money('plannedToDate'),
    dueToStart: count('dueToStart'),
    started: count('started'),
    dueToComplete: count('dueToComplete'),
    completedOnTime: count('completedOnTime'),
    dueToProduce: count('dueToProduce'),
    producing: count('producing'),
  };
}

/** "85.3%" for display; "—" for no figure. */
export function formatRate(r: Rate, digits = 1): string {
  return r == null ? '—' : `${(r * 100).toFixed(digits)}%`;
}

/** Last day of a month, 'YYYY-MM-DD'. */
export function endOfMonth(year: number, month: number): string {
  const d = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${year}-${String(month).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/**
 * When a project is due to reach a milestone (start, completion, production) in year Y: its planned
 * date when that falls in Y; otherwise, when the year's plan says it must reach it this year, the
 * 1st of January (planned earlier and still pending) or the 31st of December (no date, or a later
 * one). Not due in Y: null.
 */
export function dueDateInYear(planned: string | null, mustThisYear: boolean, year: number): string | null {
  const first = `${year}-01-01`;
  const last = `${year}-12-31`;
  if (planned && planned >= first && planned <= last) return planned;
  if (!mustThisYear) return null;
  if (planned && planned < first) return first;
  return last;
}

export interface MilestoneFacts {
  planned: string | null;
  actual: string | null;
  mustThisYear: boolean;
}

/**
 * One project's part in 开工率 / 投产率 (reached by the end of month m) and 按期竣工率 (reached by
 * the end of the month it was due in): due = due in Y by the end of m; reached counts only the due.
 */
export function milestoneCount(f: MilestoneFacts, year: number, month: number, onTime = false): { due: number; reached: number } {
  const due = dueDateInYear(f.planned, f.mustThisYear, year);
  const cutoff = endOfMonth(year, month);
  if (!due || due > cutoff) return { due: 0, reached: 0 };
  if (!f.actual || f.actual > cutoff) return { due: 1, reached: 0 };
  if (onTime) {
    const [y, m] = due.split('-').map(Number) as [number, number];
    return { due: 1, reached: f.actual <= endOfMonth(y, m) ? 1 : 0 };
  }
  return { due: 1, reached: 1 };
}
