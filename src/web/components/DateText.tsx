// A calendar date ('YYYY-MM-DD') as Chinese readers write it: 2024年9月1日 (or 2024年9月).
import { formatDateZh, formatYearMonth } from '../../domain/dates.ts';

export function formatDate(iso: string | null | undefined, month = false): string {
  return month ? formatYearMonth(iso) : formatDateZh(iso);
}

/** A timestamp (ISO with time) in local time: 2024年9月1日 14:05. */
export function formatDateTime(ts: string | null | undefined): string {
  if (!ts) return '—';
  const d = new Date(ts);
  if (Number.isNaN(d.getTime())) return ts;
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}年${d.getMonth() + 1}月${d.getDate()}日 ${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

export default function DateText({ value, month = false }: { value: string | null | undefined; month?: boolean }) {
  return <span className="tj-num">{formatDate(value, month)}</span>;
}
