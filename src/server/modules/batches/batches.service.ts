// Batch groundbreaking and signing events (集中开工 / 集中签约). Reading follows the caller's
// region scope; writing is for the project office, and every member project must lie inside
// both the caller's scope and the event's region. Membership changes are audited on the batch
// and on each project, so they show in every project's history.
import type { BatchCreate, BatchDetailDto, BatchDto, BatchPatch } from '../../../contract/batches.ts';
import type { BatchKind, Level, Season } from '../../../domain/enums.ts';
import { normalizeMoney } from '../../../domain/money.ts';
import type { Db, DbOrTx } from '../../db/client.ts';
import { invalid, notFound, type FieldIssue } from '../../errors.ts';
import { requireOffice, requireRead } from '../access/access.policy.ts';
import type { Principal } from '../access/principal.ts';
import { recordAudit, recordAuditMany, type AuditEntry } from '../audit/audit.repo.ts';
import { projectWhere, selectProjects, toProjectDto } from '../projects/projects.repo.ts';
import { currentYear } from '../projects/projects.service.ts';
import { requireRegionInScope } from '../regions/regions.service.ts';
import * as repo from './batches.repo.ts';

/** Spring Mar–May, summer Jun–Aug, autumn Sep–Nov, winter Dec–Feb. */
export function seasonOf(isoDate: string): Season {
  const m = Number(isoDate.slice(5, 7));
  if (m >= 3 && m <= 5) return 'spring';
  if (m >= 6 && m <= 8) return 'summer';
  if (m >= 9 && m <= 11) return 'autumn';
  return 'winter';
}

export function toBatchDto(r: repo.BatchRow): BatchDto {
  return {
    id: r.id,
    name: r.name,
    kind: r.kind as BatchKind,
    level: r.level as Level,
    season: r.season as Season,
    eventDate: r.eventDate,
    regionCode: r.regionCode,
    regionName: r.regionName,
    venue: r.venue,
    mainProjectId: r.mainProjectId,
    mainProjectName: r.mainProjectName,
    projectCount: r.projectCount,
    totalInvestment: normalizeMoney(r.totalInvestment),
    createdAt: r.createdAt.toISOString(),
  };
}

export async function listBatches(db: DbOrTx, p: Principal, q: { year?: number; kind?: BatchKind }): Promise<BatchDto[]> {
  const rows = await repo.listBatches(db, { scopePath: p.regionPath, year: q.year, kind: q.kind });
  return rows.map(toBatchDto);
}

export async function getBatchDetail(db: DbOrTx, p: Principal, id: string): Promise<BatchDetailDto> {
  const row = await repo.getBatch(db, id);
  if (!row) throw notFound('活动');
  requireRead(p, row.regionPath, '活动');
  const members = await selectProjects(db, projectWhere({ scopePath: p.regionPath, batchId: id }), {
    year: currentYear(), sort: 'code', order: 'asc', limit: 100000, offset: 0,
  });
  return { ...toBatchDto(row), projects: members.map(toProjectDto) };
}

type Facts = Awaited<ReturnType<typeof repo.projectFacts>>[number];

/**
 * The projects behind `ids`, each checked: it exists, the caller may see it, and it lies in the
 * event's region. Unknown and out-of-scope projects get the same message, so nothing leaks.
 */
async function checkMembers(db: DbOrTx, p: Principal, ids: string[], batchRegion: { path: string; name: string }, field: string) {
  const facts = new Map((await repo.projectFacts(db, ids)).map((f) => [f.id, f]));
  const issues: FieldIssue[] = [];
  ids.forEach((id, i) => {
    const f = facts.get(id);
    const at = field === 'mainProjectId' ? field : `${field}.${i}`;
    if (!f || !f.regionPath.startsWith(p.regionPath)) issues.push({ field: at, message: `项目 ${id} 不存在或无权查看` });
    else if (!f.regionPath.startsWith(batchRegion.path)) {
      issues.push({ field: at, message: `项目「${f.name}」不在活动所属区域「${batchRegion.name}」内` });
    }
  });
  if (issues.length) throw invalid(issues.length === 1 ? issues[0]!.message : `${issues.length} 个项目不能列入本次活动：${issues[0]!.message}等`, issues);
  return ids.map((id) => facts.get(id)!);
}

const memberEntry = (action: 'batch.project_added' | 'batch.project_removed', batch: { id: string; name: string }, f: Facts): AuditEntry => ({
  action,
  entityType: 'batch',
  entityId: batch.id,
  projectId: f.id,
  regionPath: f.regionPath,
  after: { batchId: batch.id, batchName: batch.name },
  note: `${action === 'batch.project_added' ? '列入' : '移出'}「${batch.name}」`,
});

const unique = (ids: readonly string[]) => [...new Set(ids.map((id) => id.toLowerCase()))];

export async function createBatch(db: Db, p: Principal, input: BatchCreate): Promise<BatchDetailDto> {
  requireOffice(p);
  const region = await requireRegionInScope(db, p, input.regionCode);
  const mainId = input.mainProjectId?.toLowerCase() ?? null;
  const ids = unique([...(input.projectIds ?? []), ...(mainId ? [mainId] : [])]);
  if (mainId) await checkMembers(db, p, [mainId], region, 'mainProjectId');
  const facts = await checkMembers(db, p, ids, region, 'projectIds');
  const id = await db.transaction(async (tx) => {
    const row = await repo.insertBatch(tx, {
      name: input.name,
      kind: input.kind,
      level: input.level,
      season: input.season ?? seasonOf(input.eventDate),
      eventDate: input.eventDate,
      regionCode: region.code,
      regionPath: region.path,
      venue: input.venue ?? null,
      mainProjectId: mainId,
    });
    await repo.addMembers(tx, row.id, ids);
    const { createdAt: _c, regionPath: _r, ...after } = row;
    await recordAudit(tx, p, { action: 'batch.created', entityType: 'batch', entityId: row.id, regionPath: region.path, after: { ...after, projectCount: ids.length } });
    await recordAuditMany(tx, p, facts.map((f) => memberEntry('batch.project_added', row, f)));
    return row.id;
  });
  return getBatchDetail(db, p, id);
}

/** Loads a batch for a write: visible to the caller and in the office's reach, locked until commit. */
async function batchForWrite(tx: DbOrTx, p: Principal, id: string) {
  const row = await repo.lockBatchRow(tx, id);
  if (!row) throw notFound('活动');
  requireRead(p, row.regionPath, '活动');
  requireOffice(p, row.regionPath);
  return row;
}

export async function updateBatch(db: Db, p: Principal, id: string, patch: BatchPatch): Promise<BatchDetailDto> {
  requireOffice(p);
  await db.transaction(async (tx) => {
    const row = await batchForWrite(tx, p, id);
    const target = await requireRegionInScope(tx, p, patch.regionCode ?? row.regionCode);
    const region = target.code !== row.regionCode ? target : null;
    const regionPath = target.path;
    const members = await repo.memberIds(tx, id);
    if (region) {
      // Moving the event to another region must not leave members outside it.
      const outside = (await repo.projectFacts(tx, members)).filter((f) => !f.regionPath.startsWith(regionPath));
      if (outside.length) {
        const message = `项目「${outside[0]!.name}」等 ${outside.length} 个项目不在区域「${region.name}」内，请先调整活动项目`;
        throw invalid(message, [{ field: 'regionCode', message }]);
      }
    }
    const values: Partial<typeof row> = {};
    if (patch.name !== undefined) values.name = patch.name;
    if (patch.kind !== undefined) values.kind = patch.kind;
    if (patch.level !== undefined) values.level = patch.level;
    if (patch.eventDate !== undefined) values.eventDate = patch.eventDate;
    if (patch.season !== undefined) values.season = patch.season;
    else if (patch.eventDate !== undefined && patch.eventDate !== row.eventDate) values.season = seasonOf(patch.eventDate);
    if (patch.venue !== undefined) values.venue = patch.venue;
    if (region) Object.assign(values, { regionCode: region.code, regionPath: region.path });
    let added: Facts | null = null;
    if (patch.mainProjectId !== undefined) {
      values.mainProjectId = patch.mainProjectId?.toLowerCase() ?? null;
      if (values.mainProjectId) {
        const [f] = await checkMembers(tx, p, [values.mainProjectId], target, 'mainProjectId');
        // The main venue project is one of the event's projects.
        if (!members.includes(f!.id)) added = f!;
      }
    }
    const changed = Object.entries(values).filter(([k, v]) => row[k as keyof typeof row] !== v);
    if (!changed.length) return;
    await repo.updateBatch(tx, id, Object.fromEntries(changed));
    if (added) await repo.addMembers(tx, id, [added.id]);
    await recordAudit(tx, p, {
      action: 'batch.updated',
      entityType: 'batch',
      entityId: id,
      regionPath,
      before: Object.fromEntries(changed.map(([k]) => [k, row[k as keyof typeof row]])),
      after: Object.fromEntries(changed),
    });
    if (added) await recordAudit(tx, p, memberEntry('batch.project_added', { id, name: values.name ?? row.name }, added));
  });
  return getBatchDetail(db, p, id);
}

/** Replaces the event's project list; returns the batch with its new members. */
export async function setBatchProjects(db: Db, p: Principal, id: string, projectIds: string[]): Promise<BatchDetailDto> {
  requireOffice(p);
  await db.transaction(async (tx) => {
    const row = await batchForWrite(tx, p, id);
    const region = await requireRegionInScope(tx, p, row.regionCode);
    const ids = unique(projectIds);
    const next = await checkMembers(tx, p, ids, region, 'projectIds');
    if (row.mainProjectId && !ids.includes(row.mainProjectId)) {
      const message = '主会场项目须在活动项目之中：请先更换或清除主会场项目';
      throw invalid(message, [{ field: 'projectIds', message }]);
    }
    const current = await repo.memberIds(tx, id);
    const currentSet = new Set(current);
    const nextSet = new Set(ids);
    const added = next.filter((f) => !currentSet.has(f.id));
    const removedIds = current.filter((c) => !nextSet.has(c));
    if (!added.length && !removedIds.length) return;
    const removed = await repo.projectFacts(tx, removedIds);
    await repo.removeMembers(tx, id, removedIds);
    await repo.addMembers(tx, id, added.map((f) => f.id));
    await recordAudit(tx, p, {
      action: 'batch.projects_set',
      entityType: 'batch',
      entityId: id,
      regionPath: row.regionPath,
      before: { projectCount: current.length },
      after: { projectCount: ids.length, added: added.map((f) => f.code), removed: removed.map((f) => f.code) },
    });
    await recordAuditMany(tx, p, [
      ...added.map((f) => memberEntry('batch.project_added', row, f)),
      ...removed.map((f) => memberEntry('batch.project_removed', row, f)),
    ]);
  });
  return getBatchDetail(db, p, id);
}

export async function deleteBatch(db: Db, p: Principal, id: string): Promise<void> {
  requireOffice(p);
  await db.transaction(async (tx) => {
    const row = await batchForWrite(tx, p, id);
    const members = await repo.projectFacts(tx, await repo.memberIds(tx, id));
    await repo.deleteBatch(tx, id);
    const { createdAt: _c, ...before } = row;
    await recordAudit(tx, p, { action: 'batch.deleted', entityType: 'batch', entityId: id, regionPath: row.regionPath, before: { ...before, projectCount: members.length } });
    await recordAuditMany(tx, p, members.map((f) => memberEntry('batch.project_removed', row, f)));
  });
}
