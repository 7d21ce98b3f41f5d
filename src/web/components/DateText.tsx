// A calendar date ('YYYY-MM-DD') as Chinese readers write it: 2024年9月1日 (or 2024年9月).
import { formatDateZh, formatYearMonth } from '../../domain/dates.ts';

export function formatDate(iso: string | null | undefined, month = false): string {
  return month ? formatYearMonth(iso) : formatDateZh(iso);
}

/** A timestamp (ISO with time) in Beijing time, whatever the browser's zone: 2024年9月1日 14:05. */
export function formatDateTime(ts: string | null | undefined): string {
  if (!ts) return '—';
  const t = new Date(ts).getTime();
  if (Number.isNaN(t)) return ts;
  const d = new Date(t + 8 * 3600_000);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getUTCFullYear()}年${d.getUTCMonth() + 1}月${d.getUTCDate()}日 ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`;
}

export default function DateText({ value, month = false }: { value: string | null | undefined; month?: boolean }) {
  return <span className="tj-num">{formatDate(value, month)}</span>;
}
