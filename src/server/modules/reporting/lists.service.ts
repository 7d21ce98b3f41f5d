// Report lists (my reports due, the review queue, all reports) and a project's month-by-month series.
import Decimal from 'decimal.js';
import type { ProjectSeriesDto, ReportListItem } from '../../../contract/reporting.ts';
import { clockToday } from '../../clock.ts';
import { plannedToDate, progressStatus, ratio, timeElapsed } from '../../../domain/kpi.ts';
import { ACTIVE_STAGES } from '../../../domain/lifecycle.ts';
import { periodLabel, type ReportStatus } from '../../../domain/reporting.ts';
import type { DbOrTx } from '../../db/client.ts';
import { notFound } from '../../errors.ts';
import { requireRead } from '../access/access.policy.ts';
import type { Principal } from '../access/principal.ts';
import { iso, money } from './reporting.dto.ts';
import { fileFilter, isOffice } from './reporting.policy.ts';
import * as repo from './reports.repo.ts';
import { effectiveSettings } from './settings.service.ts';

export function toListItem(r: repo.ReportListDbRow, today = clockToday()): ReportListItem {
  const status = (r.status as ReportStatus | null) ?? 'missing';
  return {
    projectId: r.projectId,
    projectCode: r.projectCode,
    projectName: r.projectName,
    regionName: r.regionName,
    owner: r.owner,
    responsibleUnit: r.responsibleUnit,
    periodId: r.periodId,
    periodLabel: periodLabel(r),
    periodStatus: r.periodStatus as ReportListItem['periodStatus'],
    deadline: r.deadline,
    overdue: today > r.deadline && (status === 'missing' || status === 'draft' || status === 'returned'),
    reportId: r.reportId,
    status,
    investment: money(r.investment),
    fundsArrived: money(r.fundsArrived),
    returnReason: r.returnReason,
    submittedAt: iso(r.submittedAt),
    updatedAt: r.version ? iso(r.updatedAt) : null,
  };
}

export async function listReports(db: DbOrTx, p: Principal, q: { view: 'due' | 'review' | 'all'; periodId?: string; status?: ReportStatus }): Promise<ReportListItem[]> {
  const base = { scopePath: p.regionPath, activeStages: ACTIVE_STAGES, periodId: q.periodId };
  if (q.view === 'due') {
    const who = fileFilter(p);
    if (who.kind === 'none') return [];
    const org = who.kind === 'all' ? undefined : { column: who.kind === 'owner' ? 'owner_org_id' as const : 'responsible_org_id' as const, id: who.orgId };
    return (await repo.listReportLines(db, { ...base, org, mode: 'due', openOnly: true, status: q.status })).map((r) => toListItem(r));
  }
  if (q.view === 'review') {
    if (!isOffice(p) && !(p.role === 'unit' && p.orgId)) return [];
    const org = isOffice(p) ? undefined : { column: 'responsible_org_id' as const, id: p.orgId! };
    return (await repo.listReportLines(db, { ...base, org, mode: 'reports', openOnly: true, status: 'submitted' })).map((r) => toListItem(r));
  }
  return (await repo.listReportLines(db, { ...base, mode: 'reports', status: q.status })).map((r) => toListItem(r));
}

const RANK: Record<ReportStatus | 'missing', number> = { missing: 0, draft: 1, returned: 2, submitted: 3, approved: 4 };

/** Twelve months of a year (up to the current month in the current year) of one project. */
export async function projectSeries(db: DbOrTx, p: Principal, projectId: string, year?: number): Promise<ProjectSeriesDto> {
  const today = clockToday();
  // No year asked: the latest year the project reported in (the figures people look for), else this year.
  const y = year ?? (await repo.latestReportYear(db, projectId)) ?? Number(today.slice(0, 4));
  const project = await repo.projectForReport(db, projectId, y);
  if (!project) throw notFound('项目');
  requireRead(p, project.regionPath, '项目');
  const thisYear = Number(today.slice(0, 4));
  const last = y < thisYear ? 12 : y === thisYear ? Number(today.slice(5, 7)) : 0;
  const [sums, lines, settings] = await Promise.all([
    repo.approvedByMonth(db, projectId, y),
    // Every period of the year that covers the project, reported or not.
    repo.listReportLines(db, { scopePath: p.regionPath, activeStages: ACTIVE_STAGES, projectId, year: y, mode: 'all' }),
    effectiveSettings(db, project.regionPath),
  ]);
  const reports = lines.map((r) => toListItem(r, today));
  const texts = new Map<number, string>();
  const statuses = new Map<number, ReportStatus | 'missing'>();
  for (const r of lines) {
    const s = (r.status as ReportStatus | null) ?? 'missing';
    const prev = statuses.get(r.month);
    if (prev === undefined || RANK[s] < RANK[prev]) statuses.set(r.month, s);
    if (r.progressText) texts.set(r.month, r.progressText);
  }
  const monthly = project.monthly && project.monthly.length === 12 ? project.monthly.map((v) => (v == null ? null : String(v))) : null;
  const plan = project.annualPlan;
  const byMonth = new Map(sums.months.map((m) => [Number(m.month), m]));
  let ytd = new Decimal(0);
  let ytdFunds = new Decimal(0);
  const cumulativeStart = new Decimal(project.openingInvestment).plus(sums.before);
  const months: ProjectSeriesDto['months'] = [];
  for (let m = 1; m <= last; m++) {
    const s = byMonth.get(m);
    ytd = ytd.plus(s?.investment ?? 0);
    ytdFunds = ytdFunds.plus(s?.fundsArrived ?? 0);
    const elapsed = timeElapsed(m, monthly);
    const rate = plan == null ? null : ratio(ytd, plan);
    months.push({
      month: m,
      investment: money(s?.investment ?? '0')!,
      fundsArrived: money(s?.fundsArrived ?? '0')!,
      ytdInvestment: money(ytd.toFixed())!,
      ytdFundsArrived: money(ytdFunds.toFixed())!,
      cumulativeInvestment: money(cumulativeStart.plus(ytd).toFixed())!,
      plannedToDate: plan == null ? null : money(plannedToDate(plan, m, monthly))!,
      timeElapsed: elapsed,
      annualCompletionRate: rate,
      progressStatus: progressStatus(rate, elapsed, settings.progressTolerance),
      reportStatus: statuses.get(m) ?? null,
      progressText: texts.get(m) || null,
    });
  }
  return {
    projectId,
    year: y,
    annualPlan: money(plan),
    monthlyPlan: monthly ? monthly.map((v) => money(v ?? '0')!) : null,
    totalInvestment: money(project.totalInvestment)!,
    openingInvestment: money(project.openingInvestment)!,
    months,
    reports,
  };
}
