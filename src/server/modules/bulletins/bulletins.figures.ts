// Gathers a bulletin's figures, once, from the services that own them: the key figures (stats
// computeStats, by sub-region and by project), the cards of the period (listCards), the roadblocks
// overdue by department (problems.stats) and the batch events (batches). The same gathering serves
// the issue and, later, the "what changed since" note, so both are made the same way.
//
// The figures depend on the region only, never on who looks: they are read as a reader of exactly
// the bulletin's region (a department user or a county office opening a city's bulletin gets the
// city's figures, not their own slice).
import type { BulletinCard, BulletinFigures, BulletinProject } from '../../../contract/bulletins.ts';
import type { CardDto } from '../../../contract/cards.ts';
import type { StatsRow } from '../../../contract/stats.ts';
import type { Comparable, ComparableRow } from '../../../domain/bulletin.ts';
import { CARD_INDICATOR_LABELS, type CardColor } from '../../../domain/cards.ts';
import type { Industry, Stage } from '../../../domain/enums.ts';
import { INDUSTRY_LABELS, STAGE_LABELS } from '../../../domain/labels.ts';
import { sumMoney } from '../../../domain/money.ts';
import { periodLabel } from '../../../domain/reporting.ts';
import type { DbOrTx } from '../../db/client.ts';
import type { Principal } from '../access/principal.ts';
import { listBatches } from '../batches/batches.service.ts';
import { listCards } from '../cards/cards.service.ts';
import { getProblemStats } from '../problems/problems.stats.ts';
import type { PeriodRow } from '../reporting/periods.repo.ts';
import { projectDetails } from '../stats/stats.repo.ts';
import { computeStats, type StatsRequest } from '../stats/stats.service.ts';

export interface BulletinRegion {
  code: string;
  name: string;
  path: string;
  level: string;
}

/** A read-only caller scoped to exactly the bulletin's region. */
function regionReader(r: BulletinRegion): Principal {
  return {
    id: '00000000-0000-0000-0000-000000000000', username: 'bulletin', displayName: '月度通报', role: 'viewer',
    regionCode: r.code, regionPath: r.path, orgId: null, personId: null, via: 'cli',
  };
}

function toBulletinCard(c: CardDto): BulletinCard {
  const color = c.effectiveColor;
  const reasons = c.overrideColor
    ? [`人工调整：${c.overrideReason ?? ''}`]
    : c.indicators.filter((i) => i.color === color).map((i) => `${CARD_INDICATOR_LABELS[i.name]}：${i.detail}`);
  return {
    projectId: c.projectId, code: c.projectCode, name: c.projectName, regionName: c.regionName, color, score: c.score,
    reasons, overridden: c.overrideColor != null,
  };
}

export async function gatherFigures(db: DbOrTx, region: BulletinRegion, period: PeriodRow, today: string): Promise<BulletinFigures> {
  const reader = regionReader(region);
  const request: StatsRequest = {
    region: { code: region.code, name: region.name, path: region.path }, year: period.year, month: period.month, groupBy: 'region', filters: {},
  };
  const [byRegion, byProject, cards, problems, batches] = await Promise.all([
    computeStats(db, request),
    computeStats(db, { ...request, groupBy: 'project' }),
    listCards(db, reader, { periodId: period.id, region: region.code, sort: 'score', page: 1, pageSize: 1_000_000 }),
    getProblemStats(db, reader, { region: region.code, groupBy: 'department' }, today),
    listBatches(db, reader, { year: period.year }),
  ]);

  const cardOf = new Map<string, CardColor>();
  const lists: Record<CardColor, BulletinCard[]> = { red: [], yellow: [], blue: [] };
  for (const item of cards.items) {
    const c = toBulletinCard(item);
    cardOf.set(c.projectId, c.color);
    lists[c.color].push(c);
  }
  const counts = { red: lists.red.length, yellow: lists.yellow.length, blue: lists.blue.length, total: cards.items.length };

  const details = new Map((await projectDetails(db, byProject.rows.map((r) => r.key))).map((d) => [d.id, d]));
  const projects = byProject.rows
    .map((r) => ({ r, d: details.get(r.key)! }))
    .sort((a, b) => a.d.regionName.localeCompare(b.d.regionName, 'zh-CN') || a.d.code.localeCompare(b.d.code))
    .map(({ r, d }): BulletinProject => ({
      id: r.key, code: d.code, name: d.name, regionName: d.regionName, industry: INDUSTRY_LABELS[d.industry as Industry] ?? d.industry,
      stage: STAGE_LABELS[d.stage as Stage] ?? d.stage, unit: d.unit, leader: d.leader, card: cardOf.get(r.key) ?? null,
      totalInvestment: r.totalInvestment, annualPlan: r.annualPlan, ytdInvestment: r.ytdInvestment, annualCompletionRate: r.annualCompletionRate,
      timeElapsed: r.timeElapsed, gap: r.gap, progressStatus: r.progressStatus, ytdFundsArrived: r.ytdFundsArrived, fundArrivalRate: r.fundArrivalRate,
    }));

  const yearEvents = batches.filter((b) => b.eventDate <= period.endsOn);
  const events = yearEvents.filter((b) => b.eventDate >= period.startsOn).sort((a, b) => a.eventDate.localeCompare(b.eventDate));

  return {
    version: 1,
    region: { code: region.code, name: region.name, level: region.level },
    period: { id: period.id, label: periodLabel(period), year: period.year, month: period.month, startsOn: period.startsOn, endsOn: period.endsOn, status: period.status },
    issuedOn: today,
    tolerance: byRegion.tolerance,
    total: byRegion.total,
    regions: byRegion.rows,
    cards: { counts, red: lists.red, yellow: lists.yellow },
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
