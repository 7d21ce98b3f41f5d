// The roadblock life cycle (问题直通车): raise → accept (with 办结时限) → handling notes → solve →
// verify (closed) or reopen (accept again). Access first (problems.policy.ts), each step in one
// transaction with its problem_events row, its audit entry and its notifications. Deadlines are in
// working days on the Chinese calendar plus the office's adjustments. "Now" and "today" come from
// the server's clock (src/server/clock.ts), which tests set.
import type {
  ProblemAccept, ProblemAttachmentDto, ProblemCreate, ProblemDto, ProblemEventDto, ProblemList, ProblemListQuery, ProblemSettingsDto,
  ProblemSettingsPut, ProblemSummaryDto, WorkdayAdjustmentsPut,
} from '../../../contract/problems.ts';
import { todayIso } from '../../../domain/dates.ts';
import { clock, clockToday } from '../../clock.ts';
import {
  acceptDueDate, nextStatus, overdueOn, PROBLEM_CATEGORY_LABELS, PROBLEM_SEVERITY_LABELS, problemCode,
  type EscalationLevel, type ProblemAction, type ProblemCategory, type ProblemSeverity, type ProblemStatus, type ProblemStep,
} from '../../../domain/problems.ts';
import type { WorkdayAdjustments } from '../../../domain/workdays.ts';
import type { Db, DbOrTx, Tx } from '../../db/client.ts';
import { AppError, conflict, forbidden, invalid, notFound } from '../../errors.ts';
import { guardZip } from '../../io/zip-guard.ts';
import { requireOffice } from '../access/access.policy.ts';
import type { Principal } from '../access/principal.ts';
import { recordAudit } from '../audit/audit.repo.ts';
import { notify, type Recipients } from '../notifications/notify.ts';
import { getProjectRow } from '../projects/projects.repo.ts';
import { getRegion } from '../regions/regions.repo.ts';
import { requireRegionInScope } from '../regions/regions.service.ts';
import { imageType } from '../reporting/photos.service.ts';
import * as policy from './problems.policy.ts';
import * as repo from './problems.repo.ts';


const iso = (d: Date | string | null) => (d == null ? null : new Date(d).toISOString());

function facts(row: repo.ProblemDbRow): policy.ProblemFacts {
  return {
    regionPath: row.region_path,
    status: row.status as ProblemStatus,
    departmentId: row.department_id,
    coDepartmentIds: (row.co_departments ?? []).map((c) => c.id),
    raisedBy: row.raised_by,
  };
}

function toSummary(row: repo.ProblemDbRow, adj: WorkdayAdjustments, today: string): ProblemSummaryDto {
  const od = overdueOn({ status: row.status as ProblemStatus, acceptDue: row.accept_due, dueDate: row.due_date }, today, adj);
  return {
    id: row.id,
    code: row.code,
    projectId: row.project_id,
    projectCode: row.project_code,
    projectName: row.project_name,
    regionCode: row.region_code,
    regionName: row.region_name,
    reportId: row.report_id,
    category: row.category as ProblemCategory,
    severity: row.severity as ProblemSeverity,
    title: row.title,
    description: row.description,
    departmentId: row.department_id,
    departmentName: row.department_name,
    coDepartments: row.co_departments ?? [],
    status: row.status as ProblemStatus,
    raisedBy: row.raised_by_name,
    raisedById: row.raised_by,
    raisedAt: iso(row.raised_at)!,
    acceptDue: row.accept_due,
    acceptedAt: iso(row.accepted_at),
    dueDate: row.due_date,
    solvedAt: iso(row.solved_at),
    solution: row.solution,
    closedAt: iso(row.closed_at),
    escalationLevel: row.escalation_level as EscalationLevel,
    escalatedAt: iso(row.escalated_at),
    overdue: od.overdue,
    overdueWorkdays: od.workdays,
    version: row.version,
  };
}

async function loadVisible(db: DbOrTx, p: Principal, id: string) {
  const row = await repo.getProblem(db, id);
  if (!row) throw notFound('问题');
  const f = facts(row);
  policy.requireSee(p, f);
  return { row, f };
}

export async function getProblem(db: DbOrTx, p: Principal, id: string): Promise<ProblemDto> {
  const { row, f } = await loadVisible(db, p, id);
  const [adj, events, attachments] = await Promise.all([repo.loadAdjustments(db), repo.listEvents(db, id), repo.listAttachments(db, id)]);
  return {
    ...toSummary(row, adj, clockToday()),
    leaderName: row.leader_name,
    permissions: policy.permissions(p, f),
    events: events.map((e): ProblemEventDto => ({
      id: e.id, action: e.action as ProblemAction, userId: e.userId, username: e.username, displayName: e.displayName ?? e.username, at: iso(e.at)!, note: e.note, data: e.data ?? null,
    })),
    attachments: attachments.map((a): ProblemAttachmentDto => ({
      id: a.id, fileName: a.file_name, mimeType: a.mime_type, size: a.size, uploadedBy: a.uploaded_by, uploadedAt: iso(a.uploaded_at)!,
      url: `/api/v1/problems/${id}/attachments/${a.id}`,
    })),
  };
}

export async function listProblems(db: DbOrTx, p: Principal, q: ProblemListQuery): Promise<ProblemList> {
  let regionPath: string | undefined;
  if (q.region) {
    const region = await getRegion(db, q.region);
    if (!region) throw invalid(`区域代码 ${q.region} 不存在`, [{ field: 'region', message: '区域不存在' }]);
    regionPath = region.path;
  }
  const today = clockToday();
  const { region: _r, overdue, mine, ...rest } = q;
  const { rows, total } = await repo.listProblems(db, policy.visibility(p), {
    ...rest,
    regionPath,
    raisedBy: mine ? p.id : undefined,
    overdue: overdue === undefined ? undefined : { today, value: overdue },
  });
  const adj = await repo.loadAdjustments(db);
  return { items: rows.map((r) => toSummary(r, adj, today)), total, page: q.page, pageSize: q.pageSize };
}

// ───────────── raise ─────────────

export async function raiseProblem(db: Db, p: Principal, input: ProblemCreate): Promise<ProblemDto> {
  const id = await db.transaction(async (tx) => {
    const project = await getProjectRow(tx, input.projectId);
    if (!project || !project.regionPath.startsWith(p.regionPath)) {
      throw invalid('项目不存在或不在您的管辖范围内', [{ field: 'projectId', message: '项目不存在或无权查看' }]);
    }
    policy.requireRaise(p, project, await repo.isTeamMember(tx, project.id, p.personId));
    if (input.reportId) {
      const owner = await repo.reportProjectId(tx, input.reportId);
      if (owner !== project.id) {
        throw invalid('所选填报不属于该项目', [{ field: 'reportId', message: owner ? '该填报属于其他项目' : '填报不存在' }]);
      }
    }
    const coIds = [...new Set(input.coDepartmentIds ?? [])].filter((x) => x !== input.departmentId);
    const orgs = new Map((await repo.orgsByIds(tx, [input.departmentId, ...coIds])).map((o) => [o.id, o]));
    const lead = orgs.get(input.departmentId);
    if (!lead || lead.kind !== 'department') {
      throw invalid('牵头部门应为职能部门', [{ field: 'departmentId', message: lead ? `「${lead.name}」不是职能部门` : '部门不存在' }]);
    }
    const badCo = coIds.map((cid, i) => ({ cid, i, o: orgs.get(cid) })).filter((x) => !x.o || x.o.kind !== 'department');
    if (badCo.length) {
      throw invalid('协办单位应为职能部门', badCo.map((x) => ({ field: `coDepartmentIds.${x.i}`, message: x.o ? `「${x.o.name}」不是职能部门` : '部门不存在' })));
    }
    // A roadblock goes to the departments of the project's own region or of a region above (or below)
    // it: another county's department neither answers for the project nor may see it.
    const offLine = [{ field: 'departmentId', o: lead }, ...coIds.map((cid, i) => ({ field: `coDepartmentIds.${i}`, o: orgs.get(cid)! }))]
      .filter((x) => !project.regionPath.startsWith(x.o.region_path) && !x.o.region_path.startsWith(project.regionPath));
    if (offLine.length) {
      throw invalid('部门不存在或不在该项目所在区域', offLine.map((x) => ({ field: x.field, message: '部门不存在或不在该项目所在区域及其上级区域' })));
    }

    const now = clock.now();
    const today = todayIso(now);
    const settings = await repo.effectiveProblemSettings(tx, project.regionPath);
    const acceptDue = acceptDueDate(today, settings.acceptDays, await repo.loadAdjustments(tx));
    const year = Number(today.slice(0, 4));
    const code = problemCode(year, await repo.nextSeq(tx, year));
    const row = await repo.insertProblem(tx, {
      code, projectId: project.id, reportId: input.reportId ?? null, regionPath: project.regionPath, category: input.category, severity: input.severity,
      title: input.title, description: input.description, departmentId: lead.id, status: 'open', raisedBy: p.id, raisedAt: now, acceptDue,
    }, coIds);
    await repo.insertEvent(tx, {
      problemId: row.id, action: 'raised', userId: p.id, username: p.username, at: now, note: null,
      data: { departmentId: lead.id, coDepartmentIds: coIds, acceptDue, category: input.category, severity: input.severity },
    });
    await recordAudit(tx, p, {
      action: 'problem.raised', entityType: 'problem', entityId: row.id, projectId: project.id, regionPath: project.regionPath,
      after: { code, category: input.category, severity: input.severity, title: input.title, departmentId: lead.id, coDepartmentIds: coIds, acceptDue, reportId: input.reportId ?? null },
    });
    await notify(tx, { orgIds: [lead.id, ...coIds] }, {
      kind: 'problem_raised',
      title: `新问题待受理：${code} ${input.title}`,
      body: `项目「${project.name}」提出${PROBLEM_SEVERITY_LABELS[input.severity]}问题（${PROBLEM_CATEGORY_LABELS[input.category]}），牵头部门：${lead.name}，请于 ${acceptDue} 前受理。`,
      link: `/problems/${row.id}`, entityType: 'problem', entityId: row.id,
    });
    return row.id;
  });
  return getProblem(db, p, id);
}

// ───────────── steps ─────────────

interface StepContext {
  tx: Tx;
  row: repo.ProblemDbRow;
  now: Date;
  today: string;
}

interface StepOutcome {
  set: Parameters<typeof repo.updateProblem>[3];
  note: string | null;
  data?: Record<string, unknown>;
  notice?: { to: Recipients; kind: string; title: string; body: string };
}

const ACTION: Record<ProblemStep, ProblemAction> = { accept: 'accepted', progress: 'progress', solve: 'solved', verify: 'verified', reopen: 'reopened' };

async function takeStep(
  db: Db, p: Principal, id: string, step: ProblemStep, version: number | undefined, build: (c: StepContext) => Promise<StepOutcome> | StepOutcome,
): Promise<ProblemDto> {
  await db.transaction(async (tx) => {
    const locked = await repo.lockProblem(tx, id);
    if (!locked) throw notFound('问题');
    const row = (await repo.getProblem(tx, id))!;
    const f = facts(row);
    policy.requireActor(p, f, step);
    if (version !== undefined && version !== locked.version) {
      throw conflict('该问题已被他人更新，请刷新后重试', [{ field: 'version', message: `当前版本 ${locked.version}，您提交的是 ${version}` }]);
    }
    const next = nextStatus(f.status, step);
    if (!next.ok) throw conflict(next.message, [{ field: 'status', message: next.message }]);
    const now = clock.now();
    const out = await build({ tx, row, now, today: todayIso(now) });
    const updated = await repo.updateProblem(tx, id, locked.version, { ...out.set, status: next.status });
    if (!updated) throw conflict('该问题已被他人更新，请刷新后重试', [{ field: 'version', message: '版本已变化' }]);
    await repo.insertEvent(tx, { problemId: id, action: ACTION[step], userId: p.id, username: p.username, at: now, note: out.note, data: out.data ?? null });
    await recordAudit(tx, p, {
      action: `problem.${ACTION[step]}`, entityType: 'problem', entityId: id, projectId: row.project_id, regionPath: row.region_path,
      before: { status: row.status, dueDate: row.due_date, acceptDue: row.accept_due, version: locked.version },
      after: { status: next.status, ...out.data, version: updated.version }, note: out.note,
    });
    if (out.notice) {
      await notify(tx, out.notice.to, {
        kind: out.notice.kind, title: out.notice.title, body: out.notice.body, link: `/problems/${id}`, entityType: 'problem', entityId: id,
      });
    }
  });
  return getProblem(db, p, id);
}

const raiserOf = (row: repo.ProblemDbRow): Recipients => ({ userIds: row.raised_by ? [row.raised_by] : [] });

export function acceptProblem(db: Db, p: Principal, id: string, body: ProblemAccept) {
  return takeStep(db, p, id, 'accept', body.version, ({ row, now, today }) => {
    if (body.dueDate < today) {
      throw invalid('办结时限不能早于今天', [{ field: 'dueDate', message: `办结时限 ${body.dueDate} 早于今天（${today}）` }]);
    }
    return {
      set: { acceptedAt: now, acceptedBy: p.id, dueDate: body.dueDate },
      note: body.note ?? null,
      data: { dueDate: body.dueDate },
      notice: {
        to: raiserOf(row), kind: 'problem_accepted',
        title: `问题已受理：${row.code} ${row.title}`,
        body: `${row.department_name}已受理，承诺于 ${body.dueDate} 前办结。${body.note ? `说明：${body.note}` : ''}`,
      },
    };
  });
}

export function recordProgress(db: Db, p: Principal, id: string, body: { note: string; version?: number }) {
  return takeStep(db, p, id, 'progress', body.version, () => ({ set: {}, note: body.note }));
}

export function solveProblem(db: Db, p: Principal, id: string, body: { solution: string; version?: number }) {
  return takeStep(db, p, id, 'solve', body.version, ({ row, now, today }) => ({
    set: { solvedAt: now, solvedBy: p.id, solution: body.solution },
    note: body.solution,
    data: { solvedOn: today, dueDate: row.due_date, onTime: row.due_date ? today <= row.due_date : null },
    notice: {
      to: raiserOf(row), kind: 'problem_solved',
      title: `问题已办结，请验收：${row.code} ${row.title}`,
      body: `${row.department_name}已办结：${body.solution}`,
    },
  }));
}

export function verifyProblem(db: Db, p: Principal, id: string, body?: { note?: string; version?: number }) {
  return takeStep(db, p, id, 'verify', body?.version, ({ now }) => ({ set: { closedAt: now, closedBy: p.id }, note: body?.note ?? null }));
}

export function reopenProblem(db: Db, p: Principal, id: string, body: { reason: string; version?: number }) {
  return takeStep(db, p, id, 'reopen', body.version, async ({ tx, row, today }) => {
    const settings = await repo.effectiveProblemSettings(tx, row.region_path);
    const acceptDue = acceptDueDate(today, settings.acceptDays, await repo.loadAdjustments(tx));
    return {
      // The department accepts again and commits a new date; the earlier solution stays in the events.
      set: { acceptDue, acceptedAt: null, acceptedBy: null, dueDate: null, solvedAt: null, solvedBy: null, solution: null },
      note: body.reason,
      data: { acceptDue, previousSolution: row.solution },
      notice: {
        to: { orgIds: [row.department_id, ...(row.co_departments ?? []).map((c) => c.id)] }, kind: 'problem_reopened',
        title: `问题被重启：${row.code} ${row.title}`,
        body: `提出人未通过验收：${body.reason}。请于 ${acceptDue} 前重新受理。`,
      },
    };
  });
}

// ───────────── attachments ─────────────

export const ATTACHMENT_MAX_BYTES = 20 * 1024 * 1024;

const OOXML: Record<string, string> = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  pptx: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
};
const OLE: Record<string, string> = { doc: 'application/msword', xls: 'application/vnd.ms-excel', ppt: 'application/vnd.ms-powerpoint' };
/** The folder an Office document keeps its parts in: a container without it is some other zip. */
const OOXML_FOLDER: Record<string, string> = { docx: 'word/', xlsx: 'xl/', pptx: 'ppt/' };
const extOf = (fileName: string) => /\.([a-z0-9]+)$/i.exec(fileName)?.[1]?.toLowerCase() ?? '';

/**
 * The type of an attachment by its first bytes: PDF, JPEG/PNG/WebP/HEIC, and Office documents
 * (a ZIP container named .docx/.xlsx/.pptx, or an OLE compound file named .doc/.xls/.ppt). The
 * name only tells which Office format a container holds; a container alone is not accepted.
 */
export function attachmentType(buf: Buffer, fileName: string): string | null {
  if (buf.length >= 5 && buf.toString('latin1', 0, 5) === '%PDF-') return 'application/pdf';
  const image = imageType(buf);
  if (image) return image;
  const ext = extOf(fileName);
  if (buf.length >= 4 && buf.subarray(0, 4).equals(Buffer.from([0x50, 0x4b, 0x03, 0x04]))) return OOXML[ext] ?? null;
  if (buf.length >= 8 && buf.subarray(0, 8).equals(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]))) return OLE[ext] ?? null;
  return null;
}

/**
 * An Office document (a zip) must be one that opens: not cut short, not a zip bomb (the ledger
 * import's guard), holding Office parts. Others would be stored and handed to whoever opens them.
 */
async function requireOfficeZip(buf: Buffer, fileName: string): Promise<void> {
  const folder = OOXML_FOLDER[extOf(fileName)];
  if (!folder) return;
  try {
    await guardZip(buf, (names) => {
      if (!names.has('[Content_Types].xml') || ![...names].some((n) => n.startsWith(folder))) {
        throw new AppError('unsupported_file', '文件扩展名是 Office 文档，内容却不是，请检查后重新上传');
      }
    });
  } catch (err) {
    if (!(err instanceof AppError)) throw err;
    throw new AppError(err.code, err.message, [{ field: 'file', message: err.message }]);
  }
}

export async function addAttachment(db: Db, p: Principal, id: string, file: { buffer: Buffer; fileName: string }): Promise<ProblemAttachmentDto> {
  if (file.buffer.length > ATTACHMENT_MAX_BYTES) {
    const message = `文件大小为 ${(file.buffer.length / 1024 / 1024).toFixed(1)} MB，超过 20 MB 的上限`;
    throw new AppError('payload_too_large', message, [{ field: 'file', message }]);
  }
  const mimeType = attachmentType(file.buffer, file.fileName);
  if (!mimeType) {
    const message = '只能上传 PDF、图片（JPEG/PNG/WebP/HEIC）或 Office 文档（Word、Excel、PowerPoint），按文件内容识别';
    throw new AppError('unsupported_file', message, [{ field: 'file', message }]);
  }
  await requireOfficeZip(file.buffer, file.fileName);
  return db.transaction(async (tx) => {
    const { row, f } = await loadVisible(tx, p, id);
    policy.requireAttach(p, f);
    if (f.status === 'closed') throw conflict('问题已关闭，不能再上传附件', [{ field: 'status', message: '已关闭' }]);
    const fileName = file.fileName.slice(0, 200) || 'attachment';
    const a = await repo.insertAttachment(tx, { problemId: id, fileName, mimeType, size: file.buffer.length, content: file.buffer, uploadedBy: p.id });
    await repo.insertEvent(tx, { problemId: id, action: 'attached', userId: p.id, username: p.username, at: clock.now(), note: fileName, data: { attachmentId: a.id, size: a.size, mimeType } });
    await recordAudit(tx, p, {
      action: 'problem.attachment_added', entityType: 'problem', entityId: id, projectId: row.project_id, regionPath: row.region_path,
      after: { attachmentId: a.id, fileName, mimeType, size: a.size },
    });
    return {
      id: a.id, fileName: a.fileName, mimeType: a.mimeType, size: a.size, uploadedBy: p.username, uploadedAt: iso(a.uploadedAt)!,
      url: `/api/v1/problems/${id}/attachments/${a.id}`,
    };
  });
}

export async function attachmentContent(db: DbOrTx, p: Principal, id: string, attachmentId: string) {
  await loadVisible(db, p, id);
  const a = await repo.getAttachment(db, id, attachmentId);
  if (!a) throw notFound('附件');
  return a;
}

// ───────────── working days and settings ─────────────

export async function getAdjustments(db: DbOrTx, p: Principal, year?: number) {
  requireOffice(p);
  const rows = await repo.listAdjustments(db, year);
  return { items: rows.map((r) => ({ date: r.date, isWorkday: r.is_workday, note: r.note, updatedAt: iso(r.updated_at)!, updatedBy: r.updated_by })) };
}

export async function putAdjustments(db: Db, p: Principal, body: WorkdayAdjustmentsPut) {
  requireOffice(p);
  // One calendar counts the deadlines of every region: only an office above all of them changes it.
  if (!(await repo.coversEveryone(db, p.regionPath))) {
    throw forbidden('工作日调整对所有区域生效，仅由管辖全部区域的项目办修改');
  }
  const issues = body.items.flatMap((it, i) => [
    ...(body.items.findIndex((x) => x.date === it.date) !== i ? [{ field: `items.${i}.date`, message: `日期 ${it.date} 重复` }] : []),
    ...(body.year && !it.date.startsWith(`${body.year}-`) ? [{ field: `items.${i}.date`, message: `日期 ${it.date} 不在 ${body.year} 年` }] : []),
  ]);
  if (issues.length) throw invalid('工作日调整有误', issues);
  await db.transaction(async (tx) => {
    const before = await repo.listAdjustments(tx, body.year);
    await repo.replaceAdjustments(tx, body.year, body.items, p.id);
    await recordAudit(tx, p, {
      action: 'workdays.adjusted', entityType: 'workday_adjustments', entityId: body.year ? String(body.year) : null,
      before: before.map((r) => ({ date: r.date, isWorkday: r.is_workday, note: r.note })),
      after: body.items,
    });
  });
  return getAdjustments(db, p, body.year);
}

export async function getProblemSettings(db: DbOrTx, p: Principal, regionCode?: string): Promise<ProblemSettingsDto> {
  const region = await getRegion(db, regionCode ?? p.regionCode);
  if (!region || !(region.path.startsWith(p.regionPath) || p.regionPath.startsWith(region.path))) throw notFound('区域');
  const s = await repo.effectiveProblemSettings(db, region.path);
  return { regionCode: region.code, regionName: region.name, ...s };
}

export async function putProblemSettings(db: Db, p: Principal, input: ProblemSettingsPut): Promise<ProblemSettingsDto> {
  requireOffice(p);
  const region = await requireRegionInScope(db, p, input.regionCode);
  await db.transaction(async (tx) => {
    const before = await repo.effectiveProblemSettings(tx, region.path);
    await repo.upsertProblemSettings(tx, region.code, input.acceptDays, input.escalationDays, p.id);
    await recordAudit(tx, p, {
      action: 'problem_settings.updated', entityType: 'region', entityId: region.code, regionPath: region.path,
      before, after: { acceptDays: input.acceptDays, escalationDays: input.escalationDays },
    });
  });
  return getProblemSettings(db, p, region.code);
}
