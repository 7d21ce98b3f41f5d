// How the page shows rates, gaps and changes; the figures themselves come computed from the server.
import Decimal from 'decimal.js';
import { formatRate, type ProgressStatus } from '../../../domain/kpi.ts';

export { formatRate };

export const STATUS_COLORS: Record<ProgressStatus, string> = { ahead: 'green', on_schedule: 'blue', lagging: 'red' };
/** The same colours for charts. */
export const STATUS_HEX: Record<ProgressStatus, string> = { ahead: '#389e0d', on_schedule: '#1677ff', lagging: '#cf1322' };

/** A difference of two rates in percentage points, signed: "+3.2" / "−4.0"; null gives null. */
export function signedPoints(diff: number | null | undefined, digits = 1): string | null {
  if (diff == null) return null;
  const v = new Decimal(diff).times(100).toDecimalPlaces(digits, Decimal.ROUND_HALF_UP);
  if (v.isZero()) return (0).toFixed(digits);
  return `${v.isNegative() ? '−' : '+'}${v.abs().toFixed(digits)}`;
}

/** Difference of two rates (a − b), null when either is missing. */
export function rateDiff(a: number | null | undefined, b: number | null | undefined): number | null {
  return a == null || b == null ? null : new Decimal(a).minus(b).toNumber();
}

/** Year-on-year growth of two money amounts ("+12.5%"), null when last year had nothing. */
export function growth(now: string | null | undefined, before: string | null | undefined): number | null {
  if (now == null || before == null) return null;
  const b = new Decimal(before);
  if (b.isZero()) return null;
  return new Decimal(now).minus(b).dividedBy(b).toNumber();
}

export function formatGrowth(g: number | null): string {
  if (g == null) return '—';
  const s = formatRate(Math.abs(g));
  return g > 0 ? `+${s}` : g < 0 ? `−${s}` : s;
}

/** Sorts rates ascending with nulls always last (whatever the direction), for antd sorters. */
export function compareRates(a: number | null | undefined, b: number | null | undefined, order: 'ascend' | 'descend' | null | undefined): number {
  if (a == null && b == null) return 0;
  if (a == null) return order === 'descend' ? -1 : 1;
  if (b == null) return order === 'descend' ? 1 : -1;
  return a - b;
}

export function compareMoney(a: string, b: string): number {
  return new Decimal(a).comparedTo(b);
}
