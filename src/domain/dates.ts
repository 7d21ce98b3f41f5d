// Dates are calendar dates kept as 'YYYY-MM-DD' strings end to end (the database type is `date`).

const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isIsoDate(s: string): boolean {
  const m = ISO.exec(s);
  return !!m && isValidYmd(Number(m[1]), Number(m[2]), Number(m[3]));
}

export function isValidYmd(y: number, m: number, d: number): boolean {
  if (y < 1900 || y > 2200 || m < 1 || m > 12 || d < 1) return false;
  return d <= daysInMonth(y, m);
}

export function daysInMonth(y: number, m: number): number {
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

export function ymd(y: number, m: number, d: number): string {
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** "2024-09": a month as the API writes it (YYYY-MM). */
export function ym(y: number, m: number): string {
  return `${y}-${String(m).padStart(2, '0')}`;
}

/** [2024, 9] from "2024-09" (already checked by the request's schema). */
export function parseYm(s: string): [number, number] {
  return s.split('-').map(Number) as [number, number];
}

/** Excel's serial day number (1900 date system, with its fictitious 1900-02-29) to ISO. */
export function excelSerialToIso(serial: number): string | null {
  if (!Number.isFinite(serial) || serial < 1 || serial > 120000) return null;
  const ms = Math.round((Math.floor(serial) - 25569) * 86400000);
  const dt = new Date(ms);
  return ymd(dt.getUTCFullYear(), dt.getUTCMonth() + 1, dt.getUTCDate());
}

/**
 * Parse a date as it appears in county spreadsheets: an Excel date or serial, or text such as
 * 2024-09-01, 2024/9/1, 2024.9.1, 2024年9月1日, 20240901, and month-only forms (2024年9月,
 * 2024-09, 2024.9) which mean the first of that month.
 */
export function parseDate(input: unknown): { ok: true; value: string | null } | { ok: false } {
  if (input == null) return { ok: true, value: null };
  if (input instanceof Date) {
    if (Number.isNaN(input.getTime())) return { ok: false };
    // ExcelJS hands dates over at UTC midnight; read them in UTC so no time zone shifts the day.
    return { ok: true, value: ymd(input.getUTCFullYear(), input.getUTCMonth() + 1, input.getUTCDate()) };
  }
  if (typeof input === 'number') {
    const v = excelSerialToIso(input);
    return v ? { ok: true, value: v } : { ok: false };
  }
  if (typeof input !== 'string') return { ok: false };
  const s = input.trim().replace(/\s+/g, '');
  if (s === '' || s === '—' || s === '-' || s === '/') return { ok: true, value: null };

  let m = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/.exec(s);
  if (m) return check(Number(m[1]), Number(m[2]), Number(m[3]));
  m = /^(\d{4})(\d{2})(\d{2})$/.exec(s);
  if (m) return check(Number(m[1]), Number(m[2]), Number(m[3]));
  m = /^(\d{4})[-/.年](\d{1,2})月?(份)?$/.exec(s);
  if (m) return check(Number(m[1]), Number(m[2]), 1);
  m = /^(\d{4,6}(\.\d+)?)$/.exec(s);
  if (m) {
    // A serial number that lost its date format on the way (e.g. "45536").
    const v = excelSerialToIso(Number(m[1]));
    return v ? { ok: true, value: v } : { ok: false };
  }
  return { ok: false };
}

function check(y: number, mo: number, d: number): { ok: true; value: string } | { ok: false } {
  return isValidYmd(y, mo, d) ? { ok: true, value: ymd(y, mo, d) } : { ok: false };
}

/** "2024年9月" */
export function formatYearMonth(iso: string | null | undefined): string {
  if (!iso) return '—';
  const [y, m] = iso.split('-');
  return `${y}年${Number(m)}月`;
}

/** "2024年9月1日" */
export function formatDateZh(iso: string | null | undefined): string {
  if (!iso) return '—';
  const [y, m, d] = iso.split('-');
  return `${y}年${Number(m)}月${Number(d)}日`;
}

export function todayIso(now: Date = new Date()): string {
  // The product runs for Chinese offices: "today" is the date in China (UTC+8, no DST).
  const shifted = new Date(now.getTime() + 8 * 3600_000);
  return ymd(shifted.getUTCFullYear(), shifted.getUTCMonth() + 1, shifted.getUTCDate());
}

/** A timestamp as China time (UTC+8) for files and printouts: "2024-12-19 13:51"; null stays null. */
export function chinaDateTime(at: string | Date | null | undefined): string | null {
  if (at == null) return null;
  const shifted = new Date(new Date(at).getTime() + 8 * 3600_000);
  return shifted.toISOString().slice(0, 16).replace('T', ' ');
}
