// Money is kept in 万元 as exact decimals (numeric(16,4) in the database, decimal strings in JSON).
// Sums shown to users are computed in SQL numeric or with Decimal, never with JS floats.
import Decimal from 'decimal.js';

export const MONEY_SCALE = 4;
/** Upper bound of any single amount: 1e11 万元 (a thousand trillion yuan) guards against typos in cells. */
export const MONEY_MAX = new Decimal('99999999999.9999');

export type MoneyError = 'not_a_number' | 'negative' | 'too_large' | 'too_precise';

/** Parse user input (number, "1,234.5", "1234.5万元", "12亿") into a normalised 万元 decimal string. */
export function parseMoney(input: unknown, opts: { allowNegative?: boolean } = {}): { ok: true; value: string } | { ok: false; error: MoneyError } {
  let d: Decimal;
  if (typeof input === 'number') {
    if (!Number.isFinite(input)) return { ok: false, error: 'not_a_number' };
    // Numbers from spreadsheets carry binary noise (0.1+0.2); round to the money scale.
    d = new Decimal(input.toFixed(6));
  } else if (typeof input === 'string') {
    let s = input.trim().replace(/[,，\s]/g, '');
    let factor = new Decimal(1);
    if (s.endsWith('万元')) s = s.slice(0, -2);
    else if (s.endsWith('亿元')) { s = s.slice(0, -2); factor = new Decimal(10000); }
    else if (s.endsWith('亿')) { s = s.slice(0, -1); factor = new Decimal(10000); }
    else if (s.endsWith('万')) s = s.slice(0, -1);
    if (!/^[-+]?(\d+(\.\d*)?|\.\d+)$/.test(s)) return { ok: false, error: 'not_a_number' };
    d = new Decimal(s).times(factor);
  } else {
    return { ok: false, error: 'not_a_number' };
  }
  if (d.isNegative() && !d.isZero() && !opts.allowNegative) return { ok: false, error: 'negative' };
  if (d.abs().greaterThan(MONEY_MAX)) return { ok: false, error: 'too_large' };
  if (d.decimalPlaces() > MONEY_SCALE) {
    // More than 4 decimals of 万元 is below one yuan: round half up rather than refuse.
    d = d.toDecimalPlaces(MONEY_SCALE, Decimal.ROUND_HALF_UP);
  }
  return { ok: true, value: normalizeMoney(d) };
}

/** A non-negative decimal without leading zeros or exponent. */
const PLAIN = /^(?:0|[1-9]\d*)(?:\.\d+)?$/;

/** Canonical string form: no trailing zeros, no exponent ("1200", "0.5"). */
export function normalizeMoney(v: Decimal.Value): string {
  // Sums as PostgreSQL writes numeric text ("1200.5000") need no rounding, only their zeros trimmed:
  // done on the text (a table of every county trims thousands of them); anything else by decimal.js.
  if (typeof v !== 'string' || !PLAIN.test(v)) return normalizeSlow(v);
  const dot = v.indexOf('.');
  if (dot < 0) return v;
  if (v.length - dot - 1 > MONEY_SCALE) return normalizeSlow(v);
  let end = v.length;
  while (v.charCodeAt(end - 1) === 48) end--;
  return v.slice(0, end === dot + 1 ? dot : end);
}

function normalizeSlow(v: Decimal.Value): string {
  const d = new Decimal(v).toDecimalPlaces(MONEY_SCALE, Decimal.ROUND_HALF_UP);
  return d.toFixed().replace(/(\.\d*?)0+$/, '$1').replace(/\.$/, '') || '0';
}

export function sumMoney(values: readonly (string | null | undefined)[]): string {
  let total = new Decimal(0);
  for (const v of values) if (v != null && v !== '') total = total.plus(v);
  return normalizeMoney(total);
}

export function moneyEquals(a: string | null | undefined, b: string | null | undefined): boolean {
  if (a == null || a === '') return b == null || b === '';
  if (b == null || b === '') return false;
  return new Decimal(a).equals(b);
}

/** "12,345.67万元" */
export function formatWan(v: string | null | undefined, digits = 2): string {
  if (v == null || v === '') return '—';
  return `${groupThousands(new Decimal(v).toFixed(digits))}万元`;
}

/** "3,000.00亿元" */
export function formatYi(v: string | null | undefined, digits = 2): string {
  if (v == null || v === '') return '—';
  return `${groupThousands(new Decimal(v).dividedBy(10000).toFixed(digits))}亿元`;
}

/** 亿元 from 1亿 upward, 万元 below, as Chinese readers expect. */
export function formatMoney(v: string | null | undefined): string {
  if (v == null || v === '') return '—';
  return new Decimal(v).abs().greaterThanOrEqualTo(10000) ? formatYi(v) : formatWan(v);
}

function groupThousands(s: string): string {
  const [int, frac] = s.split('.');
  const neg = int!.startsWith('-');
  const digits = neg ? int!.slice(1) : int!;
  const grouped = digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${neg ? '-' : ''}${grouped}${frac !== undefined ? `.${frac}` : ''}`;
}
