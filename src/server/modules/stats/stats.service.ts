// The key figures by group (GET /stats): which region and period, then the sums from the database
// turned into rates by the domain's figures() and progressStatus() — the one definition of them.
//
// Scope: the region asked for must lie in the caller's subtree. A region outside it answers 404
// like every other read, except an ancestor of the caller's own region (a county user asking for
// the city): that answers for the caller's own region, and the result's regionCode says so.
import type { StatsFigures, StatsGroup, StatsQuery, StatsResult, StatsRow } from '../../../contract/stats.ts';
import { clockToday } from '../../clock.ts';
import { ym } from '../../../domain/dates.ts';
import type { Category, Industry, Level, Stage } from '../../../domain/enums.ts';
import { DEFAULT_PROGRESS_TOLERANCE, figures, progressStatus } from '../../../domain/kpi.ts';
import { CATEGORY_LABELS, INDUSTRY_LABELS, LEVEL_LABELS, STAGE_LABELS } from '../../../domain/labels.ts';
import { normalizeMoney } from '../../../domain/money.ts';
import type { DbOrTx } from '../../db/client.ts';
import { notFound } from '../../errors.ts';
import { buildStandardXlsx, buildStatsXlsx, type StandardProjectLine } from '../../io/stats.xlsx.ts';
import type { Principal } from '../access/principal.ts';
import { getRegion } from '../regions/regions.repo.ts';
import * as repo from './stats.repo.ts';

export interface StatsRegion {
  code: string;
  name: string;
  path: string;
}

/** The region the figures are for: the one asked for (in scope), or the caller's own. */
export async function resolveStatsRegion(db: DbOrTx, p: Principal, code?: string): Promise<StatsRegion> {
  const wanted = code?.trim() ? (/^\d{2,5}$/.test(code.trim()) ? code.trim().padEnd(6, '0') : code.trim()) : p.regionCode;
  const row = await getRegion(db, wanted);
  if (!row) throw notFound('区域');
  if (row.path.startsWith(p.regionPath)) return { code: row.code, name: row.name, path: row.path };
  if (p.regionPath.startsWith(row.path)) {
    const own = await getRegion(db, p.regionCode);
    if (own) return { code: own.code, name: own.name, path: own.path };
  }
  throw notFound('区域');
}

/**
 * Year and month: as given; else the latest period with approved reports in the region, a locked one
 * before an open one (published figures first, not a month still being filled); else the
 * current month (China time). A year without a month takes that year's latest month with approved
 * reports, else December of a past year or the current month of this one.
 */
export async function resolveStatsPeriod(db: DbOrTx, regionPath: string, year?: number, month?: number): Promise<{ year: number; month: number }> {
  if (year && month) return { year, month };
  const today = clockToday();
  const thisYear = Number(today.slice(0, 4));
  const thisMonth = Number(today.slice(5, 7));
  const latest = await repo.latestApprovedPeriod(db, regionPath, year);
  if (year) return { year, month: latest?.month ?? (year < thisYear ? 12 : thisMonth) };
  const y = latest?.year ?? thisYear;
  return { year: y, month: month ?? latest?.month ?? thisMonth };
}

export type GroupSums = Omit<repo.SumsRow, 'key' | 'label' | 'code' | 'regionName' | 'month'>;

const ZERO: GroupSums = {
  projectCount: 0, totalInvestment: '0', annualPlan: '0', plannedToDate: '0', ytdInvestment: '0', ytdFundsArrived: '0',
  monthInvestment: '0', cumulativeInvestment: '0', cumulativeFundsArrived: '0', dueToStart: 0, started: 0, dueToComplete: 0,
  completedOnTime: 0, dueToProduce: 0, producing: 0, reportedCount: 0,
};

/** One group's figures from its sums: every rate by the domain, money trimmed. */
export function toFigures(s: GroupSums | undefined, tolerance: number): StatsFigures {
  const x = s ?? ZERO;
  const f = figures(x);
  const money = normalizeMoney;
  return {
    projectCount: x.projectCount,
    totalInvestment: money(x.totalInvestment),
    annualPlan: money(x.annualPlan),
    plannedToDate: money(x.plannedToDate),
    ytdInvestment: money(x.ytdInvestment),
    ytdFundsArrived: money(x.ytdFundsArrived),
    monthInvestment: money(x.monthInvestment),
    cumulativeInvestment: money(x.cumulativeInvestment),
    cumulativeFundsArrived: money(x.cumulativeFundsArrived),
    ...f,
    progressStatus: f.timeElapsed == null ? null : progressStatus(f.annualCompletionRate, f.timeElapsed, tolerance),
    dueToStart: x.dueToStart,
    started: x.started,
    dueToComplete: x.dueToComplete,
    completedOnTime: x.completedOnTime,
    dueToProduce: x.dueToProduce,
    producing: x.producing,
    reportedCount: x.reportedCount,
  };
}

/** Competition ranking (1, 1, 3 …) by annual completion rate, highest first; no rate, no rank. */
export function rankRows<T extends { annualCompletionRate: number | null; rank: number | null }>(rows: T[]): T[] {
  const rated = rows.filter((r) => r.annualCompletionRate != null).sort((a, b) => b.annualCompletionRate! - a.annualCompletionRate!);
  rated.forEach((r, i) => {
    const prev = rated[i - 1];
    r.rank = prev && prev.annualCompletionRate === r.annualCompletionRate ? prev.rank : i + 1;
  });
  const rest = rows.filter((r) => r.annualCompletionRate == null);
  return [...rated, ...rest];
}

const NONE_LABELS: Partial<Record<StatsGroup, string>> = { leader: '未指定', unit: '未指定', batch: '未列入活动' };

function labelOf(group: StatsGroup, r: repo.SumsRow): string {
  const key = r.key ?? '';
  if (key === 'none') return NONE_LABELS[group] ?? '未指定';
  switch (group) {
    case 'industry': return INDUSTRY_LABELS[key as Industry] ?? key;
    case 'level': return LEVEL_LABELS[key as Level] ?? key;
    case 'category': return CATEGORY_LABELS[key as Category] ?? key;
    default: return r.label ?? key;
  }
}

export interface StatsRequest {
  region: StatsRegion;
  year: number;
  month: number;
  groupBy: StatsGroup;
  compare?: 'lastYear';
  filters: Pick<StatsQuery, 'industry' | 'level' | 'category' | 'leaderId' | 'unitId' | 'batchId'>;
}

/** Resolves region, period and defaults of a query, checking scope first. */
export async function resolveStatsRequest(db: DbOrTx, p: Principal, q: StatsQuery): Promise<StatsRequest> {
  const region = await resolveStatsRegion(db, p, q.region);
  const { year, month } = await resolveStatsPeriod(db, region.path, q.year, q.month);
  const { industry, level, category, leaderId, unitId, batchId } = q;
  return { region, year, month, groupBy: q.groupBy ?? 'region', compare: q.compare, filters: { industry, level, category, leaderId, unitId, batchId } };
}

export async function getStats(db: DbOrTx, p: Principal, q: StatsQuery): Promise<StatsResult> {
  return computeStats(db, await resolveStatsRequest(db, p, q));
}


/** What the tables of a region share: the tolerance of its settings, and its sub-regions (for a table by region). */
interface StatsContext {
  tolerance: number;
  children: { code: string; name: string }[];
  /** For a table by county: every county-level region below, and the regions above them (repo.countyLevelRegions). */
  counties?: repo.CountyLevelRegion[];
}

async function toleranceOf(db: DbOrTx, region: StatsRegion): Promise<number> {
  return Number((await repo.effectiveTolerance(db, region.path)) ?? DEFAULT_PROGRESS_TOLERANCE);
}

/** The sums' filter of a request for year y, months from..to. */
function sumsFilter(r: StatsRequest, y: number, fromMonth: number, toMonth: number): repo.StatsFilter {
  return { regionPath: r.region.path, regionCode: r.region.code, year: y, fromMonth, toMonth, ...r.filters };
}

/** The figures of a resolved request (the caller's scope already checked). */
export async function computeStats(db: DbOrTx, r: StatsRequest): Promise<StatsResult> {
  const { region, year, month, groupBy } = r;
  const series = groupBy === 'month';
  const dim: repo.StatsDim = series ? 'none' : groupBy;
  const from = series ? 1 : month;
  const [tolerance, children, counties, now, before] = await Promise.all([
    toleranceOf(db, region),
    groupBy === 'region' ? repo.childRegions(db, region.code) : Promise.resolve([]),
    groupBy === 'county' ? repo.countyLevelRegions(db, region.path) : Promise.resolve(undefined),
    repo.groupSums(db, dim, sumsFilter(r, year, from, month)),
    r.compare === 'lastYear' ? repo.groupSums(db, dim, sumsFilter(r, year - 1, from, month)) : Promise.resolve(null),
  ]);
  return assemble(r, { tolerance, children, counties }, now, before);
}

/**
 * The table of a request from its sums: the month asked (the groups of that month and the total), or
 * for a series every month up to it; with last year's sums when compared. The sums may hold more
 * months than the request reads (the cockpit reads the table and the series from one read).
 */
function assemble(r: StatsRequest, ctx: StatsContext, now: repo.SumsRow[], before: repo.SumsRow[] | null): StatsResult {
  const { region, year, month, groupBy } = r;
  const { tolerance } = ctx;
  const series = groupBy === 'month';
  const totals = new Map(now.filter((s) => s.key == null).map((s) => [s.month, s]));
  const lastTotals = before && new Map(before.filter((s) => s.key == null).map((s) => [s.month, s]));
  const lastGroups = before && before.filter((s) => s.key != null && s.month === month);
  const lastByKey = lastGroups && new Map(lastGroups.map((s) => [s.key!, s]));
  const row = (key: string, label: string, sums: repo.SumsRow | undefined, last: repo.SumsRow | undefined, extra?: Partial<StatsRow>): StatsRow => ({
    key, label, rank: null, code: null, regionName: null,
    ...toFigures(sums, tolerance),
    lastYear: before ? toFigures(last, tolerance) : null,
    ...extra,
  });
  const total = row(region.code, region.name, totals.get(month), lastTotals?.get(month));

  let rows: StatsRow[];
  if (series) {
    rows = Array.from({ length: month }, (_, i) => i + 1).map((m) =>
      row(ym(year, m), `${year}年${m}月`, totals.get(m), lastTotals?.get(m)));
  } else {
    const groups = now.filter((s) => s.key != null && s.month === month);
    if (groupBy === 'region') {
      const byKey = new Map(groups.map((g) => [g.key!, g]));
      rows = ctx.children.map((c) => row(c.code, c.name, byKey.get(c.code), lastByKey?.get(c.code)));
      // Projects that sit on the region itself (not in any child): their own row.
      const own = byKey.get(region.code) ?? lastByKey?.get(region.code);
      if (own) rows.push(row(region.code, `${region.name}本级`, byKey.get(region.code), lastByKey?.get(region.code)));
    } else if (groupBy === 'county') {
      // Every county-level region below, with or without projects, ranked together; then the own rows
      // of a city or the province (projects in no county), where there are any.
      const byKey = new Map(groups.map((g) => [g.key!, g]));
      const regions = ctx.counties ?? [];
      rows = regions.filter((c) => c.county).map((c) => row(c.code, c.name, byKey.get(c.code), lastByKey?.get(c.code), { code: c.code, regionName: c.cityName }));
      for (const c of regions.filter((x) => !x.county && (byKey.has(x.code) || lastByKey?.has(x.code))).sort((a, b) => a.code.localeCompare(b.code))) {
        rows.push(row(c.code, `${c.name}本级`, byKey.get(c.code), lastByKey?.get(c.code)));
      }
    } else {
      rows = groups.map((g) => row(g.key!, labelOf(groupBy, g), g, lastByKey?.get(g.key!), { code: g.code, regionName: g.regionName }));
      // Groups that only existed last year still show, with this year's zeros.
      if (lastGroups) {
        const seen = new Set(groups.map((g) => g.key));
        for (const g of lastGroups) if (!seen.has(g.key)) rows.push(row(g.key!, labelOf(groupBy, g), undefined, g, { code: g.code, regionName: g.regionName }));
      }
      rows.sort((a, b) => (a.key === 'none' ? 1 : 0) - (b.key === 'none' ? 1 : 0) || a.label.localeCompare(b.label, 'zh-CN'));
    }
    rows = rankRows(rows);
  }
  return { regionCode: region.code, regionName: region.name, year, month, groupBy, tolerance, total, rows };
}

/** The cockpit's statistics of a region and month (see computeOverview). */
export interface StatsOverview {
  /** By sub-region, or by project where the region has none: computeStats with that groupBy. */
  table: StatsResult;
  /** The month series of the year, all twelve months, and of the year before: computeStats with groupBy month and month 12. */
  thisYear: StatsResult;
  lastYear: StatsResult;
}

/**
 * The table and the two month series the cockpit shows, each exactly what computeStats gives for its
 * request, read together: the tolerance and the sub-regions once, and by sub-region one read of the
 * sums per region for all twelve months serves both the month's table and this year's series.
 */
export async function computeOverview(db: DbOrTx, base: StatsRequest): Promise<StatsOverview> {
  const { region, year, month } = base;
  const [tolerance, children] = await Promise.all([toleranceOf(db, region), repo.childRegions(db, region.code)]);
  const ctx: StatsContext = { tolerance, children };
  const groupBy: StatsGroup = children.length ? 'region' : 'project';
  const one = { ...base, compare: undefined };
  const [now, sameRead, last] = await Promise.all([
    repo.groupSums(db, groupBy, sumsFilter(base, year, groupBy === 'region' ? 1 : month, groupBy === 'region' ? 12 : month)),
    groupBy === 'region' ? Promise.resolve(null) : repo.groupSums(db, 'none', sumsFilter(base, year, 1, 12)),
    repo.groupSums(db, 'none', sumsFilter(base, year - 1, 1, 12)),
  ]);
  return {
    table: assemble({ ...one, groupBy }, ctx, now, null),
    thisYear: assemble({ ...one, month: 12, groupBy: 'month' }, ctx, sameRead ?? now, null),
    lastYear: assemble({ ...one, year: year - 1, month: 12, groupBy: 'month' }, ctx, last, null),
  };
}

export interface StatsFile {
  buffer: Buffer;
  fileName: string;
  asciiFileName: string;
}

const GROUP_WORDS: Record<StatsGroup, string> = {
  region: '区域', county: '县区', industry: '行业', level: '级别', category: '类别', leader: '领导', unit: '责任单位', batch: '活动', project: '项目', month: '月份',
};

/** The table of the statistics page for the same query, as .xlsx. */
export async function statsWorkbook(db: DbOrTx, p: Principal, q: StatsQuery): Promise<StatsFile> {
  const s = await getStats(db, p, q);
  const mm = String(s.month).padStart(2, '0');
  return {
    buffer: await buildStatsXlsx(s),
    fileName: `关键指标-${s.regionName}-${s.year}年${s.month}月-按${GROUP_WORDS[s.groupBy]}.xlsx`,
    asciiFileName: `stats-${s.regionCode}-${s.year}-${mm}-${s.groupBy}.xlsx`,
  };
}

/** 重点项目进展情况统计表 for a region and period: by sub-region, then every project. */
export async function standardWorkbook(db: DbOrTx, p: Principal, q: Pick<StatsQuery, 'region' | 'year' | 'month'>): Promise<StatsFile> {
  const base = await resolveStatsRequest(db, p, { ...q, groupBy: 'region' });
  const [byRegion, byProject] = await Promise.all([computeStats(db, base), computeStats(db, { ...base, groupBy: 'project' })]);
  const details = new Map((await repo.projectDetails(db, byProject.rows.map((r) => r.key))).map((d) => [d.id, d]));
  const lines: StandardProjectLine[] = byProject.rows
    .map((r) => ({ r, d: details.get(r.key)! }))
    .sort((a, b) => a.d.regionName.localeCompare(b.d.regionName, 'zh-CN') || a.d.code.localeCompare(b.d.code))
    .map(({ r, d }) => ({
      code: d.code, name: d.name, regionName: d.regionName, industry: INDUSTRY_LABELS[d.industry as Industry] ?? d.industry,
      owner: d.owner, unit: d.unit, leader: d.leader, stage: STAGE_LABELS[d.stage as Stage] ?? d.stage, figures: r,
    }));
  const mm = String(byRegion.month).padStart(2, '0');
  return {
    buffer: await buildStandardXlsx(byRegion, lines),
    fileName: `重点项目进展情况统计表-${byRegion.regionName}-${byRegion.year}年${byRegion.month}月.xlsx`,
    asciiFileName: `standard-${byRegion.regionCode}-${byRegion.year}-${mm}.xlsx`,
  };
}
