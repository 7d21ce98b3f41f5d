// Working days (工作日) on the Chinese calendar: weekends, public holidays and make-up workdays
// (调休上班) from the maintained `chinese-days` package, overridden date by date by the office's
// adjustments (workday_adjustments). Dates are 'YYYY-MM-DD' strings; no time zone is involved.
import chineseDays from 'chinese-days';
import { ymd } from './dates.ts';

/** The office's adjustments: date → true (a working day) or false (a day off). */
export type WorkdayAdjustments = ReadonlyMap<string, boolean>;

const cache = new Map<string, boolean>();

/** Whether a date is a working day: the office's adjustment first, then the national calendar. */
export function isWorkday(date: string, adj?: WorkdayAdjustments): boolean {
  const own = adj?.get(date);
  if (own !== undefined) return own;
  let v = cache.get(date);
  if (v === undefined) {
    v = chineseDays.isWorkday(date);
    cache.set(date, v);
  }
  return v;
}

/** The next calendar day. */
export function nextDay(date: string, delta = 1): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const dt = new Date(Date.UTC(y, m - 1, d + delta));
  return ymd(dt.getUTCFullYear(), dt.getUTCMonth() + 1, dt.getUTCDate());
}

/**
 * The date `n` working days after `date` (the start day itself does not count, so raising on a
 * Friday with n = 1 gives the next working day). n = 0 gives `date` itself; negative n counts back.
 */
export function addWorkdays(date: string, n: number, adj?: WorkdayAdjustments): string {
  if (!Number.isInteger(n)) throw new RangeError('n must be an integer');
  const step = n < 0 ? -1 : 1;
  let left = Math.abs(n);
  let d = date;
  while (left > 0) {
    d = nextDay(d, step);
    if (isWorkday(d, adj)) left--;
  }
  return d;
}

/**
 * Working days after `from` up to and including `to` (0 when to ≤ from). E.g. a deadline of
 * Friday and today the next Monday → 1.
 */
export function workdaysBetween(from: string, to: string, adj?: WorkdayAdjustments): number {
  let n = 0;
  for (let d = nextDay(from); d <= to; d = nextDay(d)) if (isWorkday(d, adj)) n++;
  return n;
}

/** Adjustments as a map from rows of the table. */
export function adjustmentsMap(rows: readonly { date: string; isWorkday: boolean }[]): Map<string, boolean> {
  return new Map(rows.map((r) => [r.date, r.isWorkday]));
}
