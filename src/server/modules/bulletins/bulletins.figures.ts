// Gathers a bulletin's figures, once: the key figures from the statistics (computeStats, by
// sub-region and by project), the cards of the period — or of each sub-region's period of the month
// — read in one query (all cards of a province's month: 30,000 rows; the cards list would build a
// full card with its rule texts for each), the roadblocks overdue by department (problems.stats)
// and the batch events (batches). The same gathering serves the issue and, later, the "what changed
// since" note, so both are made the same way.
//
// The figures depend on the region only, never on who looks: they are read as a reader of exactly
// the bulletin's region (a department user or a county office opening a city's bulletin gets the
// city's figures, not their own slice).
import type { BulletinCard, BulletinCardRegion, BulletinFigures, BulletinPeriodRef, BulletinProject } from '../../../contract/bulletins.ts';
import type { StatsRow } from '../../../contract/stats.ts';
import type { Comparable, ComparableRow } from '../../../domain/bulletin.ts';
import { CARD_INDICATOR_LABELS, type CardColor, type CardIndicatorName } from '../../../domain/cards.ts';
import type { Industry, Stage } from '../../../domain/enums.ts';
import { INDUSTRY_LABELS, STAGE_LABELS } from '../../../domain/labels.ts';
import { sumMoney } from '../../../domain/money.ts';
import type { DbOrTx } from '../../db/client.ts';
import type { Principal } from '../access/principal.ts';
import { listBatches } from '../batches/batches.service.ts';
import { getProblemStats } from '../problems/problems.stats.ts';
import { computeStats, type StatsRequest } from '../stats/stats.service.ts';
import { cardsOfPeriods, projectNamesIn, type BulletinCardRow } from './bulletins.repo.ts';

export interface BulletinRegion {
  code: string;
  name: string;
  path: string;
  level: string;
}

/**
 * What a bulletin reports on: one period (`id`), or a month made of the periods of the region's
 * sub-regions (`id` null). `periods` are all of them (locked); `cardPeriods` those whose cards count —
 * each region's last period of the month.
 */
export interface BulletinScope {
  id: string | null;
  label: string;
  year: number;
  month: number;
  startsOn: string;
  endsOn: string;
  status: string;
  periods: BulletinPeriodRef[];
  cardPeriods: string[];
  /** Whether the documents name the red and yellow projects (a bulletin of one period). */
  named: boolean;
}

/** A read-only caller scoped to exactly the bulletin's region. */
function regionReader(r: BulletinRegion): Principal {
  return {
    id: '00000000-0000-0000-0000-000000000000', username: 'bulletin', displayName: '月度通报', role: 'viewer',
    regionCode: r.code, regionPath: r.path, orgId: null, personId: null, via: 'cli',
  };
}

/** A card as the bulletin names it: the indicators that made its colour, or the office's reason for an override. */
function toBulletinCard(c: BulletinCardRow): BulletinCard {
  const color = c.color as CardColor;
  const reasons = c.overridden
    ? [`人工调整：${c.overrideReason ?? ''}`]
    : (c.reasons ?? []).map(([name, detail]) => `${CARD_INDICATOR_LABELS[name as CardIndicatorName]}：${detail}`);
  return {
    projectId: c.projectId, code: c.code, name: c.name, regionName: c.regionName, color, score: Number(c.score),
    reasons, overridden: c.overridden,
  };
}

const collator = new Intl.Collator('zh-CN');

export async function gatherFigures(db: DbOrTx, region: BulletinRegion, scope: BulletinScope, today: string): Promise<BulletinFigures> {
  const reader = regionReader(region);
  const request: StatsRequest = {
    region: { code: region.code, name: region.name, path: region.path }, year: scope.year, month: scope.month, groupBy: 'region', filters: {},
  };
  const [byRegion, byProject, cards, names, problems, batches] = await Promise.all([
    computeStats(db, request),
    computeStats(db, { ...request, groupBy: 'project' }),
    cardsOfPeriods(db, scope.cardPeriods, region.path),
    projectNamesIn(db, region.path),
    getProblemStats(db, reader, { region: region.code, groupBy: 'department' }, today),
    listBatches(db, reader, { year: scope.year }),
  ]);

  const cardOf = new Map<string, CardColor>();
  const lists: Record<CardColor, BulletinCard[]> = { red: [], yellow: [], blue: [] };
  // By sub-region: the child of the bulletin's region whose subtree holds the card's project.
  const labels = new Map(byRegion.rows.map((r) => [r.key, r.label]));
  const byChild = new Map<string, BulletinCardRegion>();
  for (const row of cards) {
    const c = toBulletinCard(row);
    cardOf.set(c.projectId, c.color);
    lists[c.color].push(c);
    const key = row.regionPath.slice(region.path.length).split('/')[0] || region.code;
    let g = byChild.get(key);
    if (!g) byChild.set(key, (g = { key, label: labels.get(key) ?? (key === region.code ? `${region.name}本级` : key), red: 0, yellow: 0, blue: 0, total: 0 }));
    g[c.color]++;
    g.total++;
  }
  const counts = { red: lists.red.length, yellow: lists.yellow.length, blue: lists.blue.length, total: cards.length };
  // In the order of the sub-region table.
  const order = new Map(byRegion.rows.map((r, i) => [r.key, i]));
  const cardRegions = [...byChild.values()].sort((a, b) => (order.get(a.key) ?? 1e9) - (order.get(b.key) ?? 1e9) || collator.compare(a.label, b.label));

  const details = new Map(names.map((d) => [d.id, d]));
  const projects = byProject.rows
    .map((r) => ({ r, d: details.get(r.key)! }))
    .sort((a, b) => collator.compare(a.d.regionName, b.d.regionName) || a.d.code.localeCompare(b.d.code))
    .map(({ r, d }): BulletinProject => ({
      id: r.key, code: d.code, name: d.name, regionName: d.regionName, industry: INDUSTRY_LABELS[d.industry as Industry] ?? d.industry,
      stage: STAGE_LABELS[d.stage as Stage] ?? d.stage, unit: d.unit, leader: d.leader, card: cardOf.get(r.key) ?? null,
      totalInvestment: r.totalInvestment, annualPlan: r.annualPlan, ytdInvestment: r.ytdInvestment, annualCompletionRate: r.annualCompletionRate,
      timeElapsed: r.timeElapsed, gap: r.gap, progressStatus: r.progressStatus, ytdFundsArrived: r.ytdFundsArrived, fundArrivalRate: r.fundArrivalRate,
    }));

  const yearEvents = batches.filter((b) => b.eventDate <= scope.endsOn);
  const events = yearEvents.filter((b) => b.eventDate >= scope.startsOn).sort((a, b) => a.eventDate.localeCompare(b.eventDate));

  return {
    version: 2,
    region: { code: region.code, name: region.name, level: region.level },
    period: { id: scope.id, label: scope.label, year: scope.year, month: scope.month, startsOn: scope.startsOn, endsOn: scope.endsOn, status: scope.status },
    periods: scope.periods,
    issuedOn: today,
    tolerance: byRegion.tolerance,
    total: byRegion.total,
    regions: byRegion.rows,
    cards: { counts, regions: cardRegions, named: scope.named, red: lists.red, yellow: lists.yellow },
    problems: {
      asOf: today,
      open: problems.total.open,
      overdue: problems.total.overdue,
      departments: problems.rows
        .filter((d) => d.overdue > 0)
        .sort((a, b) => b.overdue - a.overdue || b.open - a.open)
        .map((d) => ({ key: d.key, name: d.name, open: d.open, overdue: d.overdue, avgDaysToSolve: d.avgDaysToSolve })),
    },
    batches: {
      events: events.map((b) => ({
        id: b.id, name: b.name, kind: b.kind, eventDate: b.eventDate, regionName: b.regionName, venue: b.venue,
        mainProjectName: b.mainProjectName, projectCount: b.projectCount, totalInvestment: b.totalInvestment,
      })),
      year: {
        count: yearEvents.length,
        projectCount: yearEvents.reduce((s, b) => s + b.projectCount, 0),
        totalInvestment: sumMoney(yearEvents.map((b) => b.totalInvestment)),
      },
    },
    projects,
  };
}

const comparableRow = (r: StatsRow): ComparableRow => ({
  key: r.key, label: r.label, projectCount: r.projectCount, annualPlan: r.annualPlan, ytdInvestment: r.ytdInvestment,
  annualCompletionRate: r.annualCompletionRate, gap: r.gap, rank: r.rank,
});

/** The parts of the figures the "what changed since" note compares. */
export function comparable(f: BulletinFigures): Comparable {
  return {
    total: comparableRow(f.total),
    regions: f.regions.map(comparableRow),
    cards: [...f.cards.red, ...f.cards.yellow].map((c) => ({ projectId: c.projectId, code: c.code, name: c.name, color: c.color })),
    projects: f.projects.map((p) => ({ id: p.id, code: p.code, name: p.name, annualPlan: p.annualPlan, ytdInvestment: p.ytdInvestment })),
    overdueProblems: f.problems.overdue,
  };
}
