// Corrections of a locked period's report: requested with a reason by whoever may file, decided by
// the office. Approving one changes the report (and so every figure computed from it); the figures
// before stay in the correction row and in the report's events. Nothing is overwritten without a trace.
import { and, eq, sql, type SQL } from 'drizzle-orm';
import type { CorrectionCreate, CorrectionDto } from '../../../contract/reporting.ts';
import { fundsTotal } from '../../../domain/reporting.ts';
import type { Db, DbOrTx } from '../../db/client.ts';
import { conflict, invalid, notFound } from '../../errors.ts';
import type { Principal } from '../access/principal.ts';
import { recordAudit } from '../audit/audit.repo.ts';
import { snapshot, toCorrectionDto } from './reporting.dto.ts';
import { requireDecideCorrection, requireFileReport } from './reporting.policy.ts';
import * as repo from './reports.repo.ts';
import { checkFigures, loadReportScope } from './reports.service.ts';
import { clock } from '../../clock.ts';

const t = repo.correctionsTable;

export async function requestCorrection(db: Db, p: Principal, projectId: string, periodId: string, input: CorrectionCreate): Promise<CorrectionDto> {
  const id = await db.transaction(async (tx) => {
    const s = await loadReportScope(tx, p, projectId, periodId, true);
    requireFileReport(p, s.project);
    if (s.period.status === 'open') {
      throw conflict('该期间仍在填报中，请直接修改报告；期间锁定后才需要提交更正申请', [{ field: 'periodId', message: '期间未锁定' }]);
    }
    const fundsBySource = Object.fromEntries(Object.entries(input.fundsBySource).filter((e): e is [string, string] => e[1] != null));
    await checkFigures(tx, s, { investment: input.investment, fundsBySource, milestoneDates: [] }, true);
    // A project that never reported in this period: the correction is a late filing.
    const report = s.report ?? (await repo.insertReport(tx, {
      projectId, periodId, regionPath: s.project.regionPath, year: s.period.year, month: s.period.month, status: 'draft', version: 0, createdBy: p.id, updatedBy: p.id,
    }));
    if (!report) throw conflict('该报告刚被他人创建，请刷新后重试');
    const pending = await repo.listCorrections(tx, and(eq(t.reportId, report.id), eq(t.status, 'pending')));
    if (pending.length) throw conflict(`该报告已有一项待审批的更正申请（${pending[0]!.requestedBy ?? ''}提交），请等待项目办审批后再申请`);
    const before = snapshot(report);
    const proposed = { investment: input.investment, fundsArrived: fundsTotal(fundsBySource), fundsBySource, progressText: input.progressText ?? null };
    const id = await repo.insertCorrection(tx, {
      reportId: report.id, projectId, periodId, regionPath: s.project.regionPath, reason: input.reason, before, proposed, requestedBy: p.id,
    });
    await repo.insertEvent(tx, { reportId: report.id, action: 'correction_requested', userId: p.id, username: p.username, reason: input.reason, snapshot: { ...before, proposed } });
    await recordAudit(tx, p, {
      action: 'report.correction_requested', entityType: 'report_correction', entityId: id, projectId, regionPath: s.project.regionPath,
      before, after: proposed, note: input.reason,
    });
    return id;
  });
  return getCorrection(db, p, id);
}

export async function listCorrections(db: Db, p: Principal, q: { status?: string; projectId?: string }): Promise<CorrectionDto[]> {
  const conds: (SQL | undefined)[] = [sql`${t.regionPath} LIKE ${p.regionPath + '%'}`];
  if (q.status) conds.push(eq(t.status, q.status));
  if (q.projectId) conds.push(eq(t.projectId, q.projectId));
  return (await repo.listCorrections(db, and(...conds))).map(toCorrectionDto);
}

async function loadPending(tx: DbOrTx, p: Principal, id: string) {
  const [c] = await repo.listCorrections(tx, eq(t.id, id), true);
  if (!c) throw notFound('更正申请');
  requireDecideCorrection(p, c.regionPath);
  if (c.status !== 'pending') throw conflict(`该更正申请已${c.status === 'approved' ? '批准' : '驳回'}，不能重复审批`);
  return c;
}

export async function approveCorrection(db: Db, p: Principal, id: string, note?: string): Promise<CorrectionDto> {
  await db.transaction(async (tx) => {
    const c = await loadPending(tx, p, id);
    const s = await loadReportScope(tx, p, c.projectId, c.periodId, true);
    const report = s.report!;
    const proposed = c.proposed as { investment: string; fundsArrived: string; fundsBySource: Record<string, string>; progressText: string | null };
    // The other periods may have changed since the request: the total must still hold.
    await checkFigures(tx, s, { investment: proposed.investment, fundsBySource: proposed.fundsBySource, milestoneDates: [] }, true);
    const before = snapshot(report);
    const after = await repo.updateReport(tx, report.id, {
      investment: proposed.investment,
      fundsArrived: proposed.fundsArrived,
      fundsBySource: proposed.fundsBySource,
      ...(proposed.progressText != null ? { progressText: proposed.progressText } : {}),
      corrected: true,
      status: 'approved',
      returnReason: null,
      version: report.version + 1,
      reviewedBy: p.id,
      reviewedAt: clock.now(),
      updatedBy: p.id,
    });
    await repo.decideCorrection(tx, id, { status: 'approved', decidedBy: p.id, decisionNote: note ?? null });
    await repo.insertEvent(tx, { reportId: report.id, action: 'correction_approved', userId: p.id, username: p.username, reason: c.reason, snapshot: snapshot(after) });
    await recordAudit(tx, p, {
      action: 'report.correction_approved', entityType: 'report_correction', entityId: id, projectId: c.projectId, regionPath: c.regionPath,
      before, after: snapshot(after), note: note ?? c.reason,
    });
  });
  return getCorrection(db, p, id);
}

export async function rejectCorrection(db: Db, p: Principal, id: string, note: string): Promise<CorrectionDto> {
  if (!note.trim()) throw invalid('请填写驳回理由', [{ field: 'note', message: '请填写驳回理由' }]);
  await db.transaction(async (tx) => {
    const c = await loadPending(tx, p, id);
    const report = await repo.getReport(tx, c.projectId, c.periodId, true);
    await repo.decideCorrection(tx, id, { status: 'rejected', decidedBy: p.id, decisionNote: note });
    await repo.insertEvent(tx, { reportId: c.reportId, action: 'correction_rejected', userId: p.id, username: p.username, reason: note, snapshot: snapshot(report!) });
    await recordAudit(tx, p, {
      action: 'report.correction_rejected', entityType: 'report_correction', entityId: id, projectId: c.projectId, regionPath: c.regionPath,
      before: c.proposed, note,
    });
  });
  return getCorrection(db, p, id);
}

async function getCorrection(db: Db, p: Principal, id: string): Promise<CorrectionDto> {
  const [c] = await repo.listCorrections(db, and(eq(t.id, id), sql`${t.regionPath} LIKE ${p.regionPath + '%'}`));
  if (!c) throw notFound('更正申请');
  return toCorrectionDto(c);
}
