// The cockpit (驾驶舱): what leaders look at, assembled from the services that own each figure —
// the statistics (computeOverview: the total and sub-regions, the month series this year and last,
// each as computeStats gives it, read together), the cards (cardsAcrossPeriods: the colour counts
// and lowest-scored reds of the month's periods, by the cards' own queries) and the roadblock
// statistics (getProblemStats) — so every number equals the page it comes from. Only what no service
// gives is read here (cockpit.repo: the card periods of a month, open roadblocks by level, batch
// events, targets). Independent reads run in parallel.
//
// Scope: the region is resolved like the statistics' (in the caller's subtree, else 404; an
// ancestor of the caller's region answers for the caller's own). Targets: read by anyone in scope,
// written by the office or admin of a region in their scope, audited.
import Decimal from 'decimal.js';
import type { CardDto } from '../../../contract/cards.ts';
import type {
  CockpitQuery, CockpitRankingRow, CockpitResult, CockpitTargetsDto, CockpitTargetValuesDto,
} from '../../../contract/cockpit.ts';
import type { StatsResult } from '../../../contract/stats.ts';
import { COCKPIT_GAUGES, DEFAULT_COCKPIT_TARGETS, GAUGE_TARGET_KEY, gaugeReading, type CockpitTargetValues } from '../../../domain/cockpit.ts';
import { BATCH_KINDS, type BatchKind, type Level } from '../../../domain/enums.ts';
import { ESCALATION_LEVEL_LABELS, ESCALATION_LEVELS } from '../../../domain/problems.ts';
import { normalizeMoney } from '../../../domain/money.ts';
import { periodLabel } from '../../../domain/reporting.ts';
import { clockToday } from '../../clock.ts';
import type { Db, DbOrTx } from '../../db/client.ts';
import { inScope, requireOffice } from '../access/access.policy.ts';
import type { Principal } from '../access/principal.ts';
import { recordAudit } from '../audit/audit.repo.ts';
import { cardsAcrossPeriods } from '../cards/cards.service.ts';
import { getProblemStats, problemVisibility } from '../problems/problems.stats.ts';
import { requireRegionInScope } from '../regions/regions.service.ts';
import { iso } from '../reporting/reporting.dto.ts';
import { computeOverview, resolveStatsPeriod, resolveStatsRegion, resolveStatsRequest, type StatsRegion } from '../stats/stats.service.ts';
import * as repo from './cockpit.repo.ts';

// ───────────── targets ─────────────

function canEditTargets(p: Principal, region: StatsRegion): boolean {
  return (p.role === 'office' || p.role === 'admin') && inScope(p, region.path);
}

async function targetsOf(db: DbOrTx, p: Principal, region: StatsRegion, year: number): Promise<CockpitTargetsDto> {
  const row = await repo.effectiveTargets(db, region.path, year);
  const base = { regionCode: region.code, regionName: region.name, year, canEdit: canEditTargets(p, region) };
  if (!row) return { ...base, ...DEFAULT_COCKPIT_TARGETS, source: 'default', fromRegionCode: null, updatedBy: null, updatedAt: null };
  return {
    ...base,
    startRate: Number(row.startRate), investmentRate: Number(row.investmentRate), fundsRate: Number(row.fundsRate), onTimeRate: Number(row.onTimeRate),
    source: row.regionCode === region.code ? 'own' : 'inherited',
    fromRegionCode: row.regionCode,
    updatedBy: row.updatedBy,
    updatedAt: iso(row.updatedAt),
  };
}

export async function getTargets(db: DbOrTx, p: Principal, q: { region?: string; year?: number }): Promise<CockpitTargetsDto> {
  const region = await resolveStatsRegion(db, p, q.region);
  const year = q.year ?? (await resolveStatsPeriod(db, region.path)).year;
  return targetsOf(db, p, region, year);
}

const pick = (t: CockpitTargetValues): CockpitTargetValues =>
  ({ startRate: t.startRate, investmentRate: t.investmentRate, fundsRate: t.fundsRate, onTimeRate: t.onTimeRate });

export async function putTargets(db: Db, p: Principal, q: { region?: string; year: number }, body: CockpitTargetValuesDto): Promise<CockpitTargetsDto> {
  // Reading a region above the caller falls back to the caller's own; a write must not: it would set
  // the caller's targets when the region asked for was refused.
  if (q.region) await requireRegionInScope(db, p, q.region, 'region');
  const region = await resolveStatsRegion(db, p, q.region);
  requireOffice(p, region.path);
  await db.transaction(async (tx) => {
    const before = await targetsOf(tx, p, region, q.year);
    await repo.upsertTargets(tx, { regionCode: region.code, year: q.year, ...pick(body), userId: p.id });
    const pct = (t: CockpitTargetValues) => `开工率 ${t.startRate}%、投资完成率 ${t.investmentRate}%、资金到位率 ${t.fundsRate}%、按期竣工率 ${t.onTimeRate}%`;
    await recordAudit(tx, p, {
      action: 'cockpit.targets_set', entityType: 'cockpit_targets', entityId: `${region.code}:${q.year}`, regionPath: region.path,
      before: before.source === 'own' ? pick(before) : null,
      after: pick(body),
      note: `${region.name}${q.year}年驾驶舱目标：${pct(body)}`,
    });
  });
  return targetsOf(db, p, region, q.year);
}

// ───────────── the cockpit ─────────────

/** The region above, by the path, when the caller may open it. */
function parentCodeOf(p: Principal, region: StatsRegion): string | null {
  const parts = region.path.split('/').filter(Boolean);
  if (parts.length < 2) return null;
  const parentPath = `${parts.slice(0, -1).join('/')}/`;
  return inScope(p, parentPath) ? parts[parts.length - 2]! : null;
}

/** S-curve points: every month of the series; this year's investment only up to the month shown. */
function seriesOf(s: StatsResult, upTo: number) {
  return {
    year: s.year,
    points: s.rows.map((r, i) => ({
      month: i + 1,
      annualPlan: r.annualPlan,
      plannedToDate: r.plannedToDate,
      ytdInvestment: i + 1 <= upTo ? r.ytdInvestment : null,
      timeElapsed: r.timeElapsed,
      annualCompletionRate: i + 1 <= upTo ? r.annualCompletionRate : null,
    })),
  };
}

function redReason(c: CardDto): string {
  if (c.overrideColor === 'red') return `人工调整为红牌：${c.overrideReason ?? ''}`;
  return c.indicators.filter((i) => i.color === 'red').map((i) => i.detail).join('；');
}

/** The ranking of the statistics' table by sub-region (or by project where the region has none), with where each row leads. */
function rankingOf(s: StatsResult): CockpitResult['ranking'] {
  const kind = s.groupBy === 'project' ? 'project' : 'region';
  const drill = (key: string) => (kind === 'project' ? 'project' : key === s.regionCode ? null : 'cockpit');
  const rows: CockpitRankingRow[] = s.rows.map((r) => ({ ...r, drill: drill(r.key) }));
  return { kind, rows };
}

async function cardsPart(db: DbOrTx, region: StatsRegion, year: number, month: number, redLimit: number): Promise<CockpitResult['cards']> {
  const periods = await repo.cardPeriodsOf(db, region.path, year, month);
  if (!periods.length) return { periodId: null, periodIds: [], periodLabel: null, total: { blue: 0, yellow: 0, red: 0, total: 0 }, red: [] };
  const { total, red } = await cardsAcrossPeriods(db, periods.map((x) => x.id), region, redLimit);
  return {
    periodId: periods.length === 1 ? periods[0]!.id : null,
    periodIds: periods.map((x) => x.id),
    // Without the region's name: in a county's cockpit the period's own name (the city's) would read as
    // city figures. Several periods (a province's cities) are named by their month.
    periodLabel: periods.length === 1 ? periodLabel(periods[0]!) : `${year}年${month}月`,
    total,
    red: red.map((c) => ({
      cardId: c.id, projectId: c.projectId, projectCode: c.projectCode, projectName: c.projectName, regionName: c.regionName,
      score: c.score, reason: redReason(c), overridden: c.overrideColor != null, indicators: c.indicators,
    })),
  };
}

async function roadblocksPart(db: DbOrTx, p: Principal, region: StatsRegion): Promise<CockpitResult['roadblocks']> {
  const today = clockToday();
  const [stats, levels] = await Promise.all([
    getProblemStats(db, p, { region: region.code, groupBy: 'region' }, today),
    repo.openByLevel(db, region.path, problemVisibility(p)),
  ]);
  const open = new Map(levels.map((l) => [l.level, l.open]));
  const byLevel = ESCALATION_LEVELS.filter((l) => l > 0).map((level) => ({ level, label: ESCALATION_LEVEL_LABELS[level], open: open.get(level) ?? 0 }));
  return { total: stats.total, escalated: byLevel.reduce((n, l) => n + l.open, 0), byLevel, rows: stats.rows };
}

async function batchesPart(db: DbOrTx, region: StatsRegion, year: number): Promise<CockpitResult['batches']> {
  const [rows, totals] = await Promise.all([repo.yearBatches(db, region.path, year), repo.yearBatchTotals(db, region.path, year)]);
  const items = rows.map((b) => ({
    ...b, kind: b.kind as BatchKind, level: b.level as Level,
    totalInvestment: normalizeMoney(b.totalInvestment), eventTotalInvestment: normalizeMoney(b.eventTotalInvestment),
  }));
  return {
    items,
    totals: BATCH_KINDS.map((kind) => {
      const t = totals.find((x) => x.kind === kind);
      return {
        kind, events: items.filter((b) => b.kind === kind).length,
        projectCount: t?.projectCount ?? 0, totalInvestment: normalizeMoney(t?.totalInvestment ?? new Decimal(0)),
      };
    }),
  };
}

export async function getCockpit(db: DbOrTx, p: Principal, q: CockpitQuery): Promise<CockpitResult> {
  const base = await resolveStatsRequest(db, p, { region: q.region, year: q.year, month: q.month, groupBy: 'region' });
  const { region, year, month } = base;
  const [stats, cards, roadblocks, batches, targets] = await Promise.all([
    computeOverview(db, base),
    cardsPart(db, region, year, month, q.redLimit),
    roadblocksPart(db, p, region),
    batchesPart(db, region, year),
    targetsOf(db, p, region, year),
  ]);
  const { key: _k, label: _l, rank: _r, code: _c, regionName: _n, lastYear: _y, ...total } = stats.table.total;
  const gauges = COCKPIT_GAUGES.map((key) => {
    const rate = { start: total.startRate, investment: total.annualCompletionRate, funds: total.fundArrivalRate, onTime: total.onTimeCompletionRate }[key];
    return gaugeReading(key, rate, targets[GAUGE_TARGET_KEY[key]], total.timeElapsed);
  });
  return {
    regionCode: region.code, regionName: region.name, parentCode: parentCodeOf(p, region), year, month, tolerance: stats.table.tolerance,
    total, targets, gauges,
    series: { thisYear: seriesOf(stats.thisYear, month), lastYear: seriesOf(stats.lastYear, 12) },
    ranking: rankingOf(stats.table), cards, roadblocks, batches,
  };
}
