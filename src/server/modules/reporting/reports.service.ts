// One report per project and period: read, save (optimistic version), submit, approve, return.
// Every step writes a report_events row with the figures at that moment and an audit entry, in the
// same transaction. A closed period is locked: its reports change only through corrections.
import Decimal from 'decimal.js';
import { eq } from 'drizzle-orm';
import type { ReportDto, ReportPut } from '../../../contract/reporting.ts';
import { clock, clockToday } from '../../clock.ts';
import type { Stage } from '../../../domain/enums.ts';
import { STAGE_LABELS } from '../../../domain/labels.ts';
import { ACTIVE_STAGES } from '../../../domain/lifecycle.ts';
import {
  checkReport, fundsTotal, isEditable, periodLabel, REPORT_STATUS_LABELS, REPORT_TRANSITIONS, type ReportStatus,
} from '../../../domain/reporting.ts';
import type { Db, DbOrTx } from '../../db/client.ts';
import { conflict, invalid, notFound } from '../../errors.ts';
import { requireRead } from '../access/access.policy.ts';
import type { Principal } from '../access/principal.ts';
import { recordAudit } from '../audit/audit.repo.ts';
import type { PeriodRow } from './periods.repo.ts';
import { loadVisiblePeriod } from './periods.service.ts';
import * as photos from './photos.repo.ts';
import { iso, money, snapshot, toCorrectionDto, toEventDto, toPhotoDto, trimSources } from './reporting.dto.ts';
import { canDecideCorrection, canFileReport, canReviewReport, requireFileReport, requireReviewReport } from './reporting.policy.ts';
import * as repo from './reports.repo.ts';
import { effectiveSettings } from './settings.service.ts';

export interface ReportScope {
  period: PeriodRow;
  project: repo.ProjectFacts;
  report: repo.ReportRow | null;
}

/** The period (visible), the project (in scope and in the period's subtree) and the report, if any. */
export async function loadReportScope(db: DbOrTx, p: Principal, projectId: string, periodId: string, forUpdate = false): Promise<ReportScope> {
  const period = await loadVisiblePeriod(db, p, periodId);
  const project = await repo.projectForReport(db, projectId, period.year);
  if (!project) throw notFound('项目');
  requireRead(p, project.regionPath, '项目');
  if (!project.regionPath.startsWith(period.regionPath)) throw notFound('进度报告');
  const report = await repo.getReport(db, projectId, periodId, forUpdate);
  return { period, project, report };
}

const label = (period: PeriodRow) => periodLabel(period);

export function requireOpen(period: PeriodRow): void {
  if (period.status !== 'open') {
    throw conflict(`${label(period)}填报期间已锁定，报告不能再修改、提交或审核；如需更正，请提交更正申请（须写明原因，由项目办审批）`);
  }
}

export function requireActive(project: repo.ProjectFacts): void {
  if (!ACTIVE_STAGES.includes(project.stage as Stage)) {
    const message = `项目处于「${STAGE_LABELS[project.stage as Stage]}」阶段，无需填报调度进度`;
    throw invalid(message, [{ field: 'projectId', message }]);
  }
}

export function staleVersion(current: number) {
  return conflict(`该报告已被他人修改（当前版本 ${current}），请刷新后重试`, [{ field: 'version', message: `当前版本为 ${current}` }]);
}

function checkVersion(report: repo.ReportRow, sent: number | undefined) {
  if (sent !== undefined && sent !== report.version) throw staleVersion(report.version);
}

function requireStatus(report: repo.ReportRow, allowed: readonly ReportStatus[], what: string) {
  if (!allowed.includes(report.status as ReportStatus)) {
    const now = REPORT_STATUS_LABELS[report.status as ReportStatus];
    const ok = allowed.map((s) => `「${REPORT_STATUS_LABELS[s]}」`).join('或');
    throw conflict(`报告当前为「${now}」，只有${ok}的报告可以${what}`, [{ field: 'status', message: `当前状态：${now}` }]);
  }
}

export interface Figures {
  investment: string;
  fundsBySource: Record<string, string>;
  milestoneDates: { milestoneId: string; actualDate: string }[];
}

/** checkReport() against the project's total, the approved figures around the period and the region's settings. */
export async function checkFigures(db: DbOrTx, s: { period: PeriodRow; project: repo.ProjectFacts }, f: Figures, correction = false): Promise<void> {
  const around = await repo.approvedAround(db, s.project.id, s.period);
  const settings = await effectiveSettings(db, s.period.regionPath);
  const issues = checkReport(f, {
    totalInvestment: s.project.totalInvestment,
    cumulativeBefore: new Decimal(s.project.openingInvestment).plus(around.before).toFixed(),
    cumulativeAfter: correction ? around.after : undefined,
    today: clockToday(),
    fundsRatioLimit: settings.fundsRatioLimit,
    correction,
  });
  if (f.milestoneDates.length) {
    const own = new Set((await repo.milestones(db, s.project.id)).map((m) => m.id));
    f.milestoneDates.forEach((m, i) => {
      if (!own.has(m.milestoneId)) issues.push({ field: `milestoneDates.${i}.milestoneId`, message: '该节点不属于本项目' });
    });
  }
  if (issues.length) throw invalid(issues.map((i) => i.message).join('；'), issues);
}

const cleanSources = (s: Record<string, string | undefined>): Record<string, string> =>
  Object.fromEntries(Object.entries(s).filter((e): e is [string, string] => e[1] != null));

async function step(tx: DbOrTx, p: Principal, r: repo.ReportRow, action: string, o: { reason?: string | null; auditBefore?: unknown; note?: string } = {}) {
  await repo.insertEvent(tx, { reportId: r.id, action, userId: p.id, username: p.username, reason: o.reason ?? null, snapshot: snapshot(r) });
  await recordAudit(tx, p, {
    action: `report.${action}`, entityType: 'report', entityId: r.id, projectId: r.projectId, regionPath: r.regionPath,
    before: o.auditBefore ?? null, after: snapshot(r), note: o.note ?? o.reason ?? null,
  });
}

export async function saveReport(db: Db, p: Principal, projectId: string, periodId: string, input: ReportPut): Promise<ReportDto> {
  await db.transaction(async (tx) => {
    const s = await loadReportScope(tx, p, projectId, periodId, true);
    requireFileReport(p, s.project);
    requireOpen(s.period);
    requireActive(s.project);
    const current = s.report?.version ?? 0;
    if (input.version !== current) throw staleVersion(current);
    if (s.report && !isEditable(s.report.status as ReportStatus)) requireStatus(s.report, ['draft', 'returned'], '修改');
    const fundsBySource = cleanSources(input.fundsBySource);
    await checkFigures(tx, s, { investment: input.investment, fundsBySource, milestoneDates: input.milestoneDates });
    const values = {
      investment: input.investment,
      fundsArrived: fundsTotal(fundsBySource),
      fundsBySource,
      progressText: input.progressText,
      roadblocksText: input.roadblocksText,
      milestoneDates: input.milestoneDates,
      updatedBy: p.id,
    };
    let saved: repo.ReportRow | null;
    if (s.report) {
      saved = await repo.updateReport(tx, s.report.id, { ...values, version: s.report.version + 1 });
    } else {
      saved = await repo.insertReport(tx, {
        ...values, projectId, periodId, regionPath: s.project.regionPath, year: s.period.year, month: s.period.month, status: 'draft', version: 1, createdBy: p.id,
      });
      // Someone else saved the first version between our read and our insert.
      if (!saved) throw staleVersion(1);
    }
    await step(tx, p, saved, 'saved', { auditBefore: s.report ? snapshot(s.report) : null });
  });
  return getReport(db, p, projectId, periodId);
}

type Action = 'submit' | 'approve' | 'return';

async function transition(db: Db, p: Principal, projectId: string, periodId: string, action: Action, body: { version?: number; reason?: string; note?: string }) {
  await db.transaction(async (tx) => {
    const s = await loadReportScope(tx, p, projectId, periodId, true);
    if (action === 'submit') requireFileReport(p, s.project);
    else requireReviewReport(p, s.project);
    requireOpen(s.period);
    if (!s.report) throw conflict('报告尚未填写保存，请先填写本期进度', [{ field: 'version', message: '报告不存在' }]);
    const r = s.report;
    checkVersion(r, body.version);
    requireStatus(r, REPORT_TRANSITIONS[action], { submit: '提交', approve: '审核通过', return: '退回' }[action]);
    const before = snapshot(r);
    let after: repo.ReportRow;
    if (action === 'submit') {
      requireActive(s.project);
      await checkFigures(tx, s, { investment: r.investment, fundsBySource: trimSources(r.fundsBySource), milestoneDates: r.milestoneDates });
      after = await repo.updateReport(tx, r.id, { status: 'submitted', submittedBy: p.id, submittedAt: clock.now(), returnReason: null, version: r.version + 1, updatedBy: p.id });
      await step(tx, p, after, 'submitted', { auditBefore: before, note: body.note });
    } else if (action === 'approve') {
      after = await repo.updateReport(tx, r.id, { status: 'approved', reviewedBy: p.id, reviewedAt: clock.now(), returnReason: null, version: r.version + 1, updatedBy: p.id });
      await applyMilestones(tx, p, s.project, r.milestoneDates);
      await step(tx, p, after, 'approved', { auditBefore: before, note: body.note });
    } else {
      after = await repo.updateReport(tx, r.id, { status: 'returned', returnReason: body.reason!, reviewedBy: p.id, reviewedAt: clock.now(), version: r.version + 1, updatedBy: p.id });
      await step(tx, p, after, 'returned', { auditBefore: before, reason: body.reason });
    }
  });
  return getReport(db, p, projectId, periodId);
}

export const submitReport = (db: Db, p: Principal, projectId: string, periodId: string, body: { version?: number; note?: string } = {}) =>
  transition(db, p, projectId, periodId, 'submit', body);
export const approveReport = (db: Db, p: Principal, projectId: string, periodId: string, body: { version?: number; note?: string } = {}) =>
  transition(db, p, projectId, periodId, 'approve', body);
export const returnReport = (db: Db, p: Principal, projectId: string, periodId: string, body: { version?: number; reason: string }) =>
  transition(db, p, projectId, periodId, 'return', body);

const ACTUAL_FIELD = { start: 'actualStart', completion: 'actualCompletion', production: 'actualProduction' } as const;

/** An approved report's milestone dates go to the milestones, and fill the project's actual dates still empty. */
async function applyMilestones(tx: DbOrTx, p: Principal, project: repo.ProjectFacts, dates: { milestoneId: string; actualDate: string }[]) {
  if (!dates.length) return;
  const kinds = new Map((await repo.milestones(tx, project.id)).map((m) => [m.id, m.kind]));
  const fill: Partial<Record<'actualStart' | 'actualCompletion' | 'actualProduction', string>> = {};
  for (const d of dates) {
    if (!kinds.has(d.milestoneId)) continue;
    await repo.setMilestoneActual(tx, project.id, d.milestoneId, d.actualDate);
    const field = ACTUAL_FIELD[kinds.get(d.milestoneId) as keyof typeof ACTUAL_FIELD];
    if (field && !project[field] && (!fill[field] || d.actualDate < fill[field]!)) fill[field] = d.actualDate;
  }
  await repo.fillProjectActuals(tx, project.id, fill);
  await recordAudit(tx, p, {
    action: 'project.milestones_reported', entityType: 'project', entityId: project.id, projectId: project.id, regionPath: project.regionPath,
    after: { milestoneDates: dates, ...fill }, note: '进度报告审核通过，写入节点实际日期',
  });
}

/** The report, or an empty draft (id null, version 0) when nothing was saved yet, with its context. */
export async function getReport(db: DbOrTx, p: Principal, projectId: string, periodId: string): Promise<ReportDto> {
  const s = await loadReportScope(db, p, projectId, periodId);
  return reportDto(db, p, s);
}

export async function reportDto(db: DbOrTx, p: Principal, { period, project, report }: ReportScope): Promise<ReportDto> {
  const [around, milestones, events, photoRows, corrections] = await Promise.all([
    repo.approvedAround(db, project.id, period),
    repo.milestones(db, project.id),
    report ? repo.listEvents(db, report.id) : [],
    report ? photos.listPhotos(db, report.id) : [],
    report ? repo.listCorrections(db, eq(repo.correctionsTable.reportId, report.id)) : [],
  ]);
  const status = (report?.status ?? 'draft') as ReportStatus;
  const open = period.status === 'open';
  const mayFile = canFileReport(p, project);
  const mayReview = canReviewReport(p, project);
  const pending = corrections.some((c) => c.status === 'pending');
  const editable = mayFile && open && isEditable(status) && ACTIVE_STAGES.includes(project.stage as Stage);
  return {
    id: report?.id ?? null,
    projectId: project.id,
    periodId: period.id,
    periodLabel: label(period),
    periodStatus: period.status as ReportDto['periodStatus'],
    deadline: period.deadline,
    year: period.year,
    month: period.month,
    status,
    investment: money(report?.investment ?? '0')!,
    fundsArrived: money(report?.fundsArrived ?? '0')!,
    fundsBySource: trimSources(report?.fundsBySource),
    progressText: report?.progressText ?? '',
    roadblocksText: report?.roadblocksText ?? '',
    milestoneDates: report?.milestoneDates ?? [],
    corrected: report?.corrected ?? false,
    returnReason: report?.returnReason ?? null,
    version: report?.version ?? 0,
    submittedAt: iso(report?.submittedAt),
    reviewedAt: iso(report?.reviewedAt),
    updatedAt: report && report.version > 0 ? iso(report.updatedAt) : null,
    context: {
      projectCode: project.code,
      projectName: project.name,
      projectStage: project.stage as Stage,
      regionName: project.regionName,
      totalInvestment: money(project.totalInvestment)!,
      annualPlan: money(project.annualPlan),
      ytdBefore: money(around.ytdBefore)!,
      cumulativeBefore: money(new Decimal(project.openingInvestment).plus(around.before).toFixed())!,
      longitude: project.longitude == null ? null : money(project.longitude),
      latitude: project.latitude == null ? null : money(project.latitude),
      milestones,
    },
    permissions: {
      canEdit: editable,
      canSubmit: editable && !!report && report.version > 0,
      canApprove: mayReview && open && status === 'submitted',
      canReturn: mayReview && open && REPORT_TRANSITIONS.return.includes(status),
      canRequestCorrection: mayFile && !open && !pending,
      canDecideCorrection: pending && canDecideCorrection(p, project.regionPath),
    },
    photos: photoRows.map((ph) => toPhotoDto(ph, project)),
    events: events.map(toEventDto),
    corrections: corrections.map(toCorrectionDto),
  };
}

