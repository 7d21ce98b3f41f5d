// The ledger and the file card: reading, creating, editing and moving projects through their
// lifecycle. Access is checked here; every change is audited in the same transaction.
import { eq, sql } from 'drizzle-orm';
import type { ProjectCreate, ProjectDto, ProjectListQuery, ProjectPatch } from '../../../contract/projects.ts';
import { clockToday } from '../../clock.ts';
import { actualDateFieldFor, allowedTransitions, canTransition } from '../../../domain/lifecycle.ts';
import { STAGE_LABELS } from '../../../domain/labels.ts';
import { moneyEquals, sumMoney } from '../../../domain/money.ts';
import { buildSearchText } from '../../../domain/search.ts';
import type { Stage } from '../../../domain/enums.ts';
import Decimal from 'decimal.js';
import type { Db, DbOrTx } from '../../db/client.ts';
import { projects, regions, stageTransitions } from '../../db/schema/index.ts';
import { conflict, invalid, notFound, type FieldIssue } from '../../errors.ts';
import { requireChangeStage, requireEditProject, requireOffice, requireRead } from '../access/access.policy.ts';
import type { Principal } from '../access/principal.ts';
import { recordAudit } from '../audit/audit.repo.ts';
import { resolveLeader, resolveOrg } from './parties.ts';
import { jsonBody, type JsonBody } from '../../plugins/compression.ts';
import { VersionedCache } from '../../plugins/data-versions.ts';
import * as repo from './projects.repo.ts';

export const currentYear = () => Number(clockToday().slice(0, 4));

async function resolveRegion(db: DbOrTx, p: Principal, code: string) {
  const normalized = /^\d{2,6}$/.test(code) ? code.padEnd(6, '0') : code;
  const [row] = await db.select().from(regions).where(eq(regions.code, normalized)).limit(1);
  if (!row || !row.path.startsWith(p.regionPath)) {
    throw invalid('所属区域不存在或不在您的管辖范围内', [{ field: 'regionCode', message: '区域不存在或不在管辖范围内' }]);
  }
  return row;
}

export async function listProjects(db: Db, p: Principal, q: ProjectListQuery) {
  const year = q.year ?? currentYear();
  const where = await listWhere(db, p, q);
  const { rows, totals } = await repo.selectListPage(db, where, { year, sort: q.sort, order: q.order, limit: q.pageSize, offset: (q.page - 1) * q.pageSize });
  return {
    items: rows.map(repo.toProjectDto),
    total: totals.count,
    page: q.page,
    pageSize: q.pageSize,
    totals: { count: totals.count, totalInvestment: repo.trimMoney(totals.totalInvestment), annualPlan: repo.trimMoney(totals.annualPlan) },
  };
}

/**
 * A ledger page as JSON text, kept per server under the ledger's data version (read by the caller
 * before this call): the same view of the same scope and year is answered from memory until any write
 * to the ledger commits, on any server. What a caller sees depends only on their region path, which
 * is part of the key. Concurrent requests for a page not yet kept share one computation.
 */
export async function listProjectsPage(db: Db, p: Principal, q: ProjectListQuery, cache: ListCache | null, version: string): Promise<JsonBody> {
  if (!cache) return jsonBody(await listProjects(db, p, q));
  const key = JSON.stringify([p.regionPath, q.year ?? currentYear(), Object.entries(q).sort(([a], [b]) => (a < b ? -1 : 1))]);
  const hit = cache.pages.get(version, key);
  if (hit) return hit;
  const flight = `${version} ${key}`;
  let pending = cache.inFlight.get(flight);
  if (!pending) {
    pending = listProjects(db, p, q).then((page) => {
      const body = jsonBody(page);
      cache.pages.set(version, key, body, body.weight);
      return body;
    }).finally(() => cache.inFlight.delete(flight));
    cache.inFlight.set(flight, pending);
  }
  return pending;
}

export interface ListCache {
  pages: VersionedCache<JsonBody>;
  inFlight: Map<string, Promise<JsonBody>>;
}

/** At most 2,000 pages and 64 MB of JSON (with room for its compressed forms) per server. */
export const createListCache = (): ListCache => ({ pages: new VersionedCache<JsonBody>(2000, 64 * 2 ** 20), inFlight: new Map() });

/** The list's filters (GET /projects and its exports) as a condition, within the caller's scope. */
export async function listWhere(db: DbOrTx, p: Principal, q: Omit<ProjectListQuery, 'page' | 'pageSize'>) {
  let regionPath: string | undefined;
  if (q.region) {
    const code = /^\d{2,6}$/.test(q.region) ? q.region.padEnd(6, '0') : q.region;
    const [r] = await db.select({ path: regions.path }).from(regions).where(eq(regions.code, code)).limit(1);
    // A region outside the caller's scope, or unknown, simply matches nothing (region paths are
    // digits; PostgreSQL refuses a NUL in a parameter, so the marker must not hold one).
    regionPath = r?.path ?? 'none/';
  }
  return repo.projectWhere({ ...q, scopePath: p.regionPath, regionPath });
}

export async function getProject(db: DbOrTx, p: Principal, id: string, year = currentYear()): Promise<ProjectDto> {
  const row = await repo.selectProjectById(db, id, year);
  if (!row) throw notFound('项目');
  requireRead(p, row.regionPath, '项目');
  return repo.toProjectDto(row);
}

function checkDates(v: { plannedStart?: string | null; plannedCompletion?: string | null; plannedProduction?: string | null }): FieldIssue[] {
  const issues: FieldIssue[] = [];
  if (v.plannedStart && v.plannedCompletion && v.plannedCompletion < v.plannedStart) {
    issues.push({ field: 'plannedCompletion', message: '计划竣工日期不能早于计划开工日期' });
  }
  if (v.plannedCompletion && v.plannedProduction && v.plannedProduction < v.plannedCompletion) {
    issues.push({ field: 'plannedProduction', message: '计划投产日期不能早于计划竣工日期' });
  }
  return issues;
}

function checkFunds(total: string, sources: Record<string, string> | undefined): FieldIssue[] {
  if (!sources) return [];
  const sum = sumMoney(Object.values(sources));
  return new Decimal(sum).greaterThan(total)
    ? [{ field: 'fundSources', message: `资金来源合计 ${sum} 万元超过总投资 ${total} 万元` }]
    : [];
}

/** A save based on an older version than the stored one would silently undo someone's change. */
function checkVersion(stored: number, sent: number | undefined) {
  if (sent !== undefined && sent !== stored) {
    throw conflict('该项目已被他人修改，请刷新后重试', [{ field: 'version', message: `当前版本为 ${stored}` }]);
  }
}

function fail(issues: FieldIssue[]) {
  if (issues.length) throw invalid(issues.map((i) => i.message).join('；'), issues);
}

export async function createProject(db: Db, p: Principal, input: ProjectCreate): Promise<ProjectDto> {
  return db.transaction(async (tx) => {
    const region = await resolveRegion(tx, p, input.regionCode);
    requireOffice(p, region.path);
    fail([...checkDates(input), ...checkFunds(input.totalInvestment, input.fundSources)]);
    if (await repo.getProjectByCode(tx, input.code)) {
      throw conflict(`项目编码 ${input.code} 已存在`, [{ field: 'code', message: '项目编码已存在' }]);
    }
    const ownerOrg = await resolveOrg(tx, p, { id: input.ownerId, name: input.owner, kind: 'enterprise', regionCode: region.code, field: 'owner' });
    const unitOrg = await resolveOrg(tx, p, { id: input.responsibleUnitId, name: input.responsibleUnit, kind: 'government', regionCode: region.code, field: 'responsibleUnit' });
    const leader = await resolveLeader(tx, p, { id: input.leaderId, name: input.leaderName, regionCode: region.code });
    const [row] = await tx
      .insert(projects)
      .values({
        code: input.code,
        name: input.name,
        regionCode: region.code,
        regionPath: region.path,
        ownerOrgId: ownerOrg.id,
        responsibleOrgId: unitOrg.id,
        leaderPersonId: leader.id,
        level: input.level,
        category: input.category,
        industry: input.industry,
        constructionContent: input.constructionContent ?? null,
        address: input.address ?? null,
        longitude: input.longitude == null ? null : String(input.longitude),
        latitude: input.latitude == null ? null : String(input.latitude),
        totalInvestment: input.totalInvestment,
        openingInvestment: input.openingInvestment ?? '0',
        openingFundsArrived: input.openingFundsArrived ?? '0',
        fundSources: input.fundSources ?? {},
        plannedStart: input.plannedStart ?? null,
        plannedCompletion: input.plannedCompletion ?? null,
        plannedProduction: input.plannedProduction ?? null,
        stage: input.stage,
        stageDate: clockToday(),
        reserveGrade: input.reserveGrade ?? null,
        targetYear: input.targetYear ?? null,
        tags: input.tags ?? [],
        searchText: buildSearchText({ code: input.code, name: input.name, owner: input.owner }),
      })
      .returning({ id: projects.id });
    await tx.insert(stageTransitions).values({ projectId: row!.id, fromStage: null, toStage: input.stage, date: clockToday(), note: '建档立卡', userId: p.id });
    const dto = await getProject(tx, p, row!.id);
    if (input.ownerId) await refreshSearchText(tx, row!.id);
    await recordAudit(tx, p, { action: 'project.created', entityType: 'project', entityId: dto.id, projectId: dto.id, regionPath: region.path, after: dto });
    return dto;
  });
}

/** The fields a PATCH may change, as they appear in the DTO (for the before/after of the history). */
const TRACKED: (keyof ProjectDto)[] = [
  'code', 'name', 'regionCode', 'level', 'category', 'industry', 'totalInvestment', 'openingInvestment', 'openingFundsArrived', 'fundSources', 'plannedStart',
  'plannedCompletion', 'plannedProduction', 'leaderName', 'responsibleUnit', 'owner', 'constructionContent', 'address',
  'longitude', 'latitude', 'reserveGrade', 'targetYear', 'tags',
];

export function diffProject(before: ProjectDto, after: ProjectDto) {
  const b: Record<string, unknown> = {};
  const a: Record<string, unknown> = {};
  for (const k of TRACKED) {
    const x = before[k];
    const y = after[k];
    const same = k === 'totalInvestment' || k === 'openingInvestment' || k === 'openingFundsArrived' ? moneyEquals(x as string, y as string) : JSON.stringify(x) === JSON.stringify(y);
    if (!same) {
      b[k] = x;
      a[k] = y;
    }
  }
  return { before: b, after: a, changed: Object.keys(a).length > 0 };
}

export async function updateProject(db: Db, p: Principal, id: string, patch: ProjectPatch): Promise<ProjectDto> {
  return db.transaction(async (tx) => {
    const current = await repo.getProjectRow(tx, id, true);
    if (!current) throw notFound('项目');
    requireEditProject(p, current);
    checkVersion(current.version, patch.version);
    const before = await getProject(tx, p, id);
    const set: Partial<typeof projects.$inferInsert> = {};
    let region = null;
    if (patch.regionCode !== undefined && patch.regionCode !== current.regionCode) {
      region = await resolveRegion(tx, p, patch.regionCode);
      requireOffice(p, region.path);
      set.regionCode = region.code;
      set.regionPath = region.path;
    }
    const regionCode = region?.code ?? current.regionCode;
    if (patch.code !== undefined && patch.code !== current.code) {
      requireOffice(p);
      const other = await repo.getProjectByCode(tx, patch.code);
      if (other && other.id !== id) throw conflict(`项目编码 ${patch.code} 已存在`, [{ field: 'code', message: '项目编码已存在' }]);
      set.code = patch.code;
    }
    const simple = ['name', 'level', 'category', 'industry', 'totalInvestment', 'openingInvestment', 'openingFundsArrived', 'fundSources', 'plannedStart', 'plannedCompletion',
      'plannedProduction', 'constructionContent', 'address', 'reserveGrade', 'targetYear', 'tags'] as const;
    for (const k of simple) if (patch[k] !== undefined) (set as Record<string, unknown>)[k] = patch[k];
    if (patch.longitude !== undefined) set.longitude = patch.longitude == null ? null : String(patch.longitude);
    if (patch.latitude !== undefined) set.latitude = patch.latitude == null ? null : String(patch.latitude);
    if (patch.ownerId !== undefined || patch.owner !== undefined) {
      set.ownerOrgId = (await resolveOrg(tx, p, { id: patch.ownerId, name: patch.owner, kind: 'enterprise', regionCode, field: 'owner' })).id;
    }
    if (patch.responsibleUnitId !== undefined || patch.responsibleUnit !== undefined) {
      set.responsibleOrgId = (await resolveOrg(tx, p, { id: patch.responsibleUnitId, name: patch.responsibleUnit, kind: 'government', regionCode, field: 'responsibleUnit' })).id;
    }
    if (patch.leaderId !== undefined || patch.leaderName !== undefined) {
      set.leaderPersonId = (await resolveLeader(tx, p, { id: patch.leaderId, name: patch.leaderName, regionCode })).id;
    }
    const merged = {
      plannedStart: set.plannedStart !== undefined ? (set.plannedStart as string | null) : current.plannedStart,
      plannedCompletion: set.plannedCompletion !== undefined ? (set.plannedCompletion as string | null) : current.plannedCompletion,
      plannedProduction: set.plannedProduction !== undefined ? (set.plannedProduction as string | null) : current.plannedProduction,
    };
    fail([
      ...checkDates(merged),
      ...checkFunds((set.totalInvestment as string | undefined) ?? current.totalInvestment, (set.fundSources as Record<string, string> | undefined) ?? current.fundSources),
    ]);
    await tx
      .update(projects)
      .set({ ...set, version: sql`${projects.version} + 1`, updatedAt: sql`now()` })
      .where(eq(projects.id, id));
    await refreshSearchText(tx, id);
    const after = await getProject(tx, p, id);
    const d = diffProject(before, after);
    if (d.changed) {
      await recordAudit(tx, p, { action: 'project.updated', entityType: 'project', entityId: id, projectId: id, regionPath: region?.path ?? current.regionPath, before: d.before, after: d.after });
    }
    return after;
  });
}

/** Search text includes the owner's name and the pinyin of the project name, so it is computed in JS. */
async function refreshSearchText(db: DbOrTx, id: string) {
  const { rows } = await db.execute<{ code: string; name: string; owner: string | null }>(sql`
    SELECT p.code, p.name, o.name AS owner FROM projects p LEFT JOIN organizations o ON o.id = p.owner_org_id WHERE p.id = ${id}`);
  const row = rows[0];
  if (row) await db.update(projects).set({ searchText: buildSearchText(row) }).where(eq(projects.id, id));
}

export async function changeStage(db: Db, p: Principal, id: string, body: { to: Stage; date: string; note: string; version?: number }) {
  return db.transaction(async (tx) => {
    const current = await repo.getProjectRow(tx, id, true);
    if (!current) throw notFound('项目');
    requireChangeStage(p, current);
    checkVersion(current.version, body.version);
    const from = current.stage as Stage;
    if (!canTransition(from, body.to, current.pausedFrom as Stage | null)) {
      const allowed = allowedTransitions(from, current.pausedFrom as Stage | null).map((s) => STAGE_LABELS[s]).join('、') || '无';
      throw invalid(`不能从「${STAGE_LABELS[from]}」变更为「${STAGE_LABELS[body.to]}」，可变更为：${allowed}`, [{ field: 'to', message: '不允许的阶段变更' }]);
    }
    if (body.date > clockToday()) throw invalid('变更日期不能晚于今天', [{ field: 'date', message: '日期不能晚于今天' }]);
    if (current.stageDate && body.date < current.stageDate) {
      throw invalid(`变更日期不能早于上一次阶段变更（${current.stageDate}）`, [{ field: 'date', message: '日期早于上一次阶段变更' }]);
    }
    const set: Partial<typeof projects.$inferInsert> = { stage: body.to, stageDate: body.date, pausedFrom: body.to === 'paused' ? from : null };
    const dateField = actualDateFieldFor(body.to);
    if (dateField) set[dateField] = body.date;
    if (body.to === 'completed' && !current.actualStart) set.actualStart = body.date;
    await tx.update(projects).set({ ...set, version: sql`${projects.version} + 1`, updatedAt: sql`now()` }).where(eq(projects.id, id));
    await tx.insert(stageTransitions).values({ projectId: id, fromStage: from, toStage: body.to, date: body.date, note: body.note, userId: p.id });
    await recordAudit(tx, p, {
      action: 'project.stage_changed', entityType: 'project', entityId: id, projectId: id, regionPath: current.regionPath,
      before: { stage: from }, after: { stage: body.to, date: body.date }, note: body.note,
    });
    return getProject(tx, p, id);
  });
}
