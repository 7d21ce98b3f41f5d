// The timeline (进度计划): a project's procedures and milestones as Gantt rows with their status on
// the server's today, and portfolios (a leader's, a region's or a batch's projects) built the same
// way. Scope: projects, regions, leaders and batches outside the caller's subtree answer 404.
import type { GanttRowDto, PortfolioGanttDto, PortfolioItemDto, PortfolioQuery, ProjectGanttDto } from '../../../contract/gantt.ts';
import { chainBars, lateDays, scheduleStatus, slipDays, summaryStatus, type GanttStatus, type RowBars } from '../../../domain/gantt.ts';
import type { Stage } from '../../../domain/enums.ts';
import { clockToday } from '../../clock.ts';
import type { DbOrTx } from '../../db/client.ts';
import { notFound } from '../../errors.ts';
import { requireRead } from '../access/access.policy.ts';
import type { Principal } from '../access/principal.ts';
import { getBatch } from '../batches/batches.repo.ts';
import { carriesProjectIn, getPerson } from '../people/leaders.repo.ts';
import { projectWhere, selectProjectById, selectProjects, selectTotals, trimMoney, type ProjectRow } from '../projects/projects.repo.ts';
import { currentYear } from '../projects/projects.service.ts';
import { resolveStatsRegion } from '../stats/stats.service.ts';
import { scheduleRows, type ScheduleRow } from './gantt.repo.ts';

function projectOf(r: ProjectRow) {
  return {
    id: r.id, code: r.code, name: r.name, regionName: r.regionName, stage: r.stage as Stage, leaderName: r.leaderName,
    responsibleUnit: r.responsibleUnit, totalInvestment: trimMoney(r.totalInvestment),
    plannedStart: r.plannedStart, plannedCompletion: r.plannedCompletion, plannedProduction: r.plannedProduction,
    actualStart: r.actualStart, actualCompletion: r.actualCompletion, actualProduction: r.actualProduction,
  };
}

/** One project's rows (procedures then milestones, as read) with statuses and bars on `today`. */
export function toRows(rows: readonly ScheduleRow[], today: string): GanttRowDto[] {
  const dates = rows.map((r) => ({ ...r, notRequired: r.procedureStatus === 'not_required' }));
  const bars = chainBars(dates, today);
  return dates.map((r, i) => ({
    id: r.id, kind: r.kind, name: r.name, milestoneKind: r.milestoneKind, procedureStatus: r.procedureStatus,
    plannedDate: r.plannedDate, baselineDate: r.baselineDate, actualDate: r.actualDate,
    status: scheduleStatus(r, today), lateDays: lateDays(r, today), slipDays: slipDays(r), responsible: r.responsible,
    bars: bars[i]!,
  }));
}

function countStatuses(rows: readonly GanttRowDto[]) {
  const counts: Partial<Record<GanttStatus, number>> = {};
  for (const r of rows) counts[r.status] = (counts[r.status] ?? 0) + 1;
  return counts;
}

export async function getProjectGantt(db: DbOrTx, p: Principal, id: string): Promise<ProjectGanttDto> {
  const row = await selectProjectById(db, id, currentYear());
  if (!row) throw notFound('项目');
  requireRead(p, row.regionPath, '项目');
  const today = clockToday();
  const rows = toRows(await scheduleRows(db, [id]), today);
  return { today, project: projectOf(row), rows, status: summaryStatus(rows.map((r) => r.status)), counts: countStatuses(rows) };
}

/**
 * The project as one bar: planned start → planned completion; the baseline from the first plans of
 * its start and completion milestones where they moved; actual start → completion (or today).
 */
export function projectBars(project: ReturnType<typeof projectOf>, rows: readonly GanttRowDto[], today: string): RowBars {
  const span = (start: string | null, end: string | null) => (start && end && start <= end ? { start, end } : null);
  const planned = span(project.plannedStart, project.plannedCompletion);
  const first = (kind: 'start' | 'completion') => rows.find((r) => r.milestoneKind === kind)?.baselineDate ?? null;
  const baselineStart = first('start') ?? project.plannedStart;
  const baselineEnd = first('completion') ?? project.plannedCompletion;
  const baseline = baselineStart === project.plannedStart && baselineEnd === project.plannedCompletion ? null : span(baselineStart, baselineEnd);
  const open = !!project.actualStart && !project.actualCompletion && project.actualStart <= today;
  const actual = project.actualStart ? span(project.actualStart, project.actualCompletion ?? (open ? today : null)) : null;
  return { planned, baseline, actual, open: open && !!actual };
}

interface Portfolio {
  title: string;
  regionCode: string;
  regionName: string;
  regionPath: string;
  leaderName: string | null;
  batchName: string | null;
  leaderId?: string;
  batchId?: string;
  stage?: Stage[];
}

/** What the query names, each checked against the caller's scope (404 outside it). */
export async function resolvePortfolio(db: DbOrTx, p: Principal, q: PortfolioQuery): Promise<Portfolio> {
  const region = await resolveStatsRegion(db, p, q.region);
  let leaderName: string | null = null;
  let batchName: string | null = null;
  if (q.leader) {
    const person = await getPerson(db, q.leader);
    const visible = person && (person.regionPath.startsWith(p.regionPath) || p.personId === person.id || (await carriesProjectIn(db, person.id, p.regionPath)));
    if (!person || !visible) throw notFound('包靠领导');
    leaderName = person.name;
  }
  if (q.batch) {
    const batch = await getBatch(db, q.batch);
    // A batch of the caller's region, or of a region above it (showing the caller's own projects in it).
    if (!batch || !(batch.regionPath.startsWith(p.regionPath) || p.regionPath.startsWith(batch.regionPath))) throw notFound('活动');
    batchName = batch.name;
  }
  const parts = [leaderName ? `${leaderName}包靠项目` : null, batchName, q.region || (!leaderName && !batchName) ? region.name : null];
  return {
    title: parts.filter(Boolean).join(' · '),
    regionCode: region.code, regionName: region.name, regionPath: region.path, leaderName, batchName,
    leaderId: q.leader, batchId: q.batch, stage: q.stage,
  };
}

const portfolioWhere = (p: Principal, f: Portfolio) =>
  projectWhere({ scopePath: p.regionPath, regionPath: f.regionPath, leaderId: f.leaderId, batchId: f.batchId, stage: f.stage });

/** One page of the portfolio's projects (planned start first), each with its rows. */
export async function portfolioPage(db: DbOrTx, p: Principal, f: Portfolio, page: number, pageSize: number, today: string): Promise<PortfolioItemDto[]> {
  const projects = await selectProjects(db, portfolioWhere(p, f), { year: currentYear(), sort: 'plannedStart', order: 'asc', limit: pageSize, offset: (page - 1) * pageSize });
  const rowsOf = new Map<string, ScheduleRow[]>();
  for (const r of await scheduleRows(db, projects.map((x) => x.id))) rowsOf.set(r.projectId, [...(rowsOf.get(r.projectId) ?? []), r]);
  return projects.map((x) => {
    const project = projectOf(x);
    const rows = toRows(rowsOf.get(x.id) ?? [], today);
    const statuses = rows.map((r) => r.status);
    return {
      project, bars: projectBars(project, rows, today), status: summaryStatus(statuses),
      overdueCount: statuses.filter((s) => s === 'overdue').length, rows,
    };
  });
}

export async function getPortfolio(db: DbOrTx, p: Principal, q: PortfolioQuery): Promise<PortfolioGanttDto> {
  const f = await resolvePortfolio(db, p, q);
  const today = clockToday();
  const [totals, items] = await Promise.all([
    selectTotals(db, portfolioWhere(p, f), currentYear()),
    portfolioPage(db, p, f, q.page, q.pageSize, today),
  ]);
  return {
    today, title: f.title, regionCode: f.regionCode, regionName: f.regionName, leaderName: f.leaderName, batchName: f.batchName,
    total: totals.count, page: q.page, pageSize: q.pageSize, items,
  };
}
