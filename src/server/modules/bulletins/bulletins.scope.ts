// What a bulletin may report on. Periods belong to the region that opened them (in the generated
// province, each city opens its own months; the province none). So a region's office issues for:
//
// - one period (`periodId`): its own, or one of a region above it that covers it — locked;
// - a month (`month`): the periods of that month bearing on the region — its own or an ancestor's
//   covering it, else those of its sub-regions. A month that comes to exactly one covering period is
//   that period. Otherwise the bulletin is the month of its sub-regions, and may be issued only when
//   every reporting sub-region (one that has periods in the year, not covered by a region above it
//   in the subtree) has opened that month and every one of the month's periods is locked; the
//   refusal names the regions still open and those that have not opened the month.
//
// The month's cards are those of each region's last period of the month (a half-monthly city has
// two; a project is carded once a period).
import type { BulletinMonth, BulletinPeriodRef } from '../../../contract/bulletins.ts';
import { wholeRegionWord } from '../../../domain/bulletin.ts';
import { ym } from '../../../domain/dates.ts';
import { periodLabel } from '../../../domain/reporting.ts';
import type { DbOrTx } from '../../db/client.ts';
import { conflict, invalid } from '../../errors.ts';
import { listPeriods, type PeriodRow } from '../reporting/periods.repo.ts';
import type { BulletinRegion, BulletinScope } from './bulletins.figures.ts';

const ref = (p: PeriodRow): BulletinPeriodRef => ({
  id: p.id, regionCode: p.regionCode, regionName: p.regionName, label: periodLabel(p), closedAt: p.closedAt ? p.closedAt.toISOString() : null,
});
const named = (p: PeriodRow) => `${p.regionName}${periodLabel(p)}`;

/** A bulletin of one period. */
export function scopeOfPeriod(p: PeriodRow): BulletinScope {
  return {
    id: p.id, label: periodLabel(p), year: p.year, month: p.month, startsOn: p.startsOn, endsOn: p.endsOn, status: p.status,
    periods: [ref(p)], cardPeriods: [p.id], named: true,
  };
}

/** The periods a region's bulletin for `month` would be made of, and what still keeps it from being issued. */
export interface MonthState {
  year: number;
  month: number;
  /** The one period the month comes to, when it is a single period of the region or above it. */
  single: PeriodRow | null;
  periods: PeriodRow[];
  open: PeriodRow[];
  /** Reporting regions with no period of the month (name, code). */
  missing: { code: string; name: string }[];
  /** Regions the month's periods belong to. */
  regions: number;
}

/** Every month of `year` with a period bearing on the region, as MonthState; from the periods of that year only. */
function monthStates(region: BulletinRegion, year: number, all: PeriodRow[]): MonthState[] {
  const below = (p: PeriodRow) => !region.path.startsWith(p.regionPath);
  // Regions that report this year inside the region (the region itself counts: its own periods cover it).
  const reporting = new Map<string, { code: string; name: string; path: string }>();
  for (const p of all) if (p.regionPath.startsWith(region.path)) reporting.set(p.regionCode, { code: p.regionCode, name: p.regionName, path: p.regionPath });
  const months = [...new Set(all.map((p) => p.month))].sort((a, b) => b - a);
  return months.map((month) => {
    const inMonth = all.filter((p) => p.month === month);
    const covering = inMonth.filter((p) => !below(p));
    const periods = inMonth.sort((a, b) => a.regionPath.localeCompare(b.regionPath) || a.seq - b.seq);
    // Covered: a period of the region, of one above it, or of one above the reporting region within the subtree.
    const missing = covering.length
      ? []
      : [...reporting.values()].filter((r) => !periods.some((p) => r.path.startsWith(p.regionPath))).map(({ code, name }) => ({ code, name }));
    return {
      year, month, periods, missing,
      single: covering.length === 1 && periods.length === 1 ? covering[0]! : null,
      open: periods.filter((p) => p.status !== 'closed'),
      regions: new Set(periods.map((p) => p.regionCode)).size,
    };
  });
}

export async function monthState(db: DbOrTx, region: BulletinRegion, year: number, month: number): Promise<MonthState | null> {
  return monthStates(region, year, await listPeriods(db, { callerPath: region.path, year })).find((m) => m.month === month) ?? null;
}

/** The months of a year a region's office can choose from, newest first. */
export async function monthsOfYear(db: DbOrTx, region: BulletinRegion, year: number): Promise<BulletinMonth[]> {
  const states = monthStates(region, year, await listPeriods(db, { callerPath: region.path, year }));
  return states.map((s) => ({
    month: ym(s.year, s.month),
    year: s.year,
    label: `${s.year}年${s.month}月`,
    periodId: s.single?.id ?? null,
    periods: s.periods.length,
    regions: s.regions,
    ready: s.periods.length > 0 && !s.open.length && !s.missing.length,
    open: s.open.map(named),
    missing: s.missing.map((m) => m.name),
  }));
}

/**
 * The month's scope, or a refusal in Chinese naming the regions still open or not yet opened.
 * `check: false` takes the month as it is (the "what changed since" of a bulletin already issued).
 */
export function scopeOfMonth(region: BulletinRegion, s: MonthState | null, year: number, month: number, check = true): BulletinScope {
  const what = `${year}年${month}月`;
  if (!s || !s.periods.length) {
    const message = `「${region.name}」及其下级区域没有${what}的填报期间`;
    throw invalid(message, [{ field: 'month', message }]);
  }
  if (s.single) {
    if (check && s.single.status !== 'closed') throw stillOpen([named(s.single)], [], region, what);
    return scopeOfPeriod(s.single);
  }
  if (check && (s.open.length || s.missing.length)) throw stillOpen(s.open.map(named), s.missing.map((m) => m.name), region, what);
  // Each region's last period of the month carries its cards.
  const last = new Map<string, PeriodRow>();
  for (const p of s.periods) {
    const seen = last.get(p.regionCode);
    if (!seen || p.endsOn > seen.endsOn) last.set(p.regionCode, p);
  }
  return {
    id: null,
    label: what,
    year,
    month,
    startsOn: s.periods.reduce((m, p) => (p.startsOn < m ? p.startsOn : m), s.periods[0]!.startsOn),
    endsOn: s.periods.reduce((m, p) => (p.endsOn > m ? p.endsOn : m), s.periods[0]!.endsOn),
    status: 'closed',
    periods: s.periods.map(ref),
    cardPeriods: [...last.values()].map((p) => p.id),
    named: false,
  };
}

function stillOpen(open: string[], missing: string[], region: BulletinRegion, what: string) {
  const parts: string[] = [];
  if (open.length) parts.push(`${what}的填报期间尚未锁定：${open.join('、')}`);
  if (missing.length) parts.push(`尚未开启${what}的填报期间：${missing.join('、')}`);
  const message = `${parts.join('；')}。全部锁定后才能印发${wholeRegionWord(region)}${what}的通报`;
  return conflict(message, [{ field: 'month', message }]);
}
