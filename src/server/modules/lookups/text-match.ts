// Name search that also accepts pinyin ("lc" or "liaocheng" finds 聊城…), as Chinese users expect.
import { pinyinFull, pinyinInitials } from '../../../domain/search.ts';

/** Pinyin can only be matched in JS; letters and digits alone may be pinyin, anything else is matched in SQL. */
export const mayBePinyin = (q: string) => /^[a-z0-9]+$/i.test(q);

/** Rank: 0 name starts with q, 1 initials start with q, 2 name/pinyin contains q; -1 no match. */
export function textRank(name: string, q: string): number {
  const needle = q.toLowerCase();
  const lower = name.toLowerCase();
  if (lower.startsWith(needle)) return 0;
  const initials = pinyinInitials(name);
  if (initials.startsWith(needle)) return 1;
  if (lower.includes(needle) || initials.includes(needle) || pinyinFull(name).includes(needle)) return 2;
  return -1;
}

/** Rows whose name matches q, best first, at most `limit`. Order within a rank is kept. */
export function filterByText<T extends { name: string }>(rows: readonly T[], q: string, limit: number): T[] {
  return rows
    .map((row, i) => ({ row, i, rank: textRank(row.name, q) }))
    .filter((x) => x.rank >= 0)
    .sort((a, b) => a.rank - b.rank || a.i - b.i)
    .slice(0, limit)
    .map((x) => x.row);
}
