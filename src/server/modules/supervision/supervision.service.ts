// Supervision orders (督办单) and the accountability list (约谈): reading by region scope; the
// responsible unit (or the office) answers an order in writing, the office accepts or rejects the
// answer and records the talks. Every step is audited.
import type {
  AccountabilityEntryDto, AccountabilityListDto, AccountabilityListQuery, AccountabilityReason, AccountabilityRecord, AccountabilityStatus,
  OrderStatus, SupervisionOrderDto, SupervisionOrderListDto, SupervisionOrderListQuery,
} from '../../../contract/supervision.ts';
import { clockToday } from '../../clock.ts';
import { periodLabel } from '../../../domain/reporting.ts';
import type { Db, DbOrTx } from '../../db/client.ts';
import { conflict, forbidden, invalid, notFound } from '../../errors.ts';
import { inScope, requireOffice, requireRead } from '../access/access.policy.ts';
import type { Principal } from '../access/principal.ts';
import { recordAudit } from '../audit/audit.repo.ts';
import { getRegionInScope } from '../regions/regions.service.ts';
import * as repo from './supervision.repo.ts';

const iso = (d: Date | string | null): string | null => (d == null ? null : new Date(d).toISOString());
const labelOf = (r: { cadence: string | null; year: number | null; month: number | null; seq: number | null }) =>
  r.cadence && r.year && r.month ? periodLabel({ cadence: r.cadence, year: r.year, month: r.month, seq: r.seq ?? 1 }) : null;

const isOffice = (p: Principal) => p.role === 'office' || p.role === 'admin';

/**
 * The responsible unit's users answer an order; so may the office (on the unit's behalf). Belonging to
 * the unit's organisation is not enough: a viewer or an auditor of that government only reads.
 */
const mayRespond = (p: Principal, o: Pick<repo.OrderRow, 'responsibleOrgId'>) =>
  isOffice(p) || (p.role === 'unit' && !!p.orgId && p.orgId === o.responsibleOrgId);

export function canRespond(p: Principal, o: Pick<repo.OrderRow, 'regionPath' | 'responsibleOrgId' | 'status'>): boolean {
  return inScope(p, o.regionPath) && ['open', 'rejected'].includes(o.status) && mayRespond(p, o);
}

export function canDecide(p: Principal, o: Pick<repo.OrderRow, 'regionPath' | 'status'>): boolean {
  return inScope(p, o.regionPath) && isOffice(p) && o.status === 'responded';
}

export function toOrderDto(p: Principal, r: repo.OrderRow, today = clockToday()): SupervisionOrderDto {
  return {
    id: r.id,
    number: r.number,
    projectId: r.projectId,
    projectCode: r.projectCode,
    projectName: r.projectName,
    regionCode: r.regionCode,
    regionName: r.regionName,
    cardId: r.cardId,
    periodId: r.periodId,
    periodLabel: labelOf(r),
    responsibleOrgId: r.responsibleOrgId,
    responsibleOrgName: r.responsibleOrgName,
    leaderPersonId: r.leaderPersonId,
    leaderName: r.leaderName,
    reason: r.reason,
    issuedAt: iso(r.issuedAt)!,
    deadline: r.deadline,
    status: r.status as OrderStatus,
    overdue: r.status !== 'accepted' && r.deadline < today,
    response: r.response,
    respondedAt: iso(r.respondedAt),
    respondedByName: r.respondedByName,
    decisionNote: r.decisionNote,
    decidedAt: iso(r.decidedAt),
    decidedByName: r.decidedByName,
    canRespond: canRespond(p, r),
    canDecide: canDecide(p, r),
  };
}

async function scopeOf(db: DbOrTx, p: Principal, region: string | undefined): Promise<string> {
  return region ? (await getRegionInScope(db, p, /^\d{2,5}$/.test(region) ? region.padEnd(6, '0') : region)).path : p.regionPath;
}

const pageOf = (q: { page: number; pageSize: number }) => ({ limit: q.pageSize, offset: (q.page - 1) * q.pageSize });

export async function listOrders(db: DbOrTx, p: Principal, q: SupervisionOrderListQuery): Promise<SupervisionOrderListDto> {
  const today = clockToday();
  const f: repo.OrderFilter = { scopePath: await scopeOf(db, p, q.region), status: q.status, projectId: q.projectId, overdueOn: q.overdue ? today : undefined };
  const { rows, total } = await repo.listOrders(db, f, pageOf(q));
  return { items: rows.map((r) => toOrderDto(p, r, today)), total, counts: await repo.orderCounts(db, f, today) };
}

/** Every order of the filter, for the export (no paging). */
export async function allOrders(db: DbOrTx, p: Principal, q: Omit<SupervisionOrderListQuery, 'page' | 'pageSize'>): Promise<SupervisionOrderDto[]> {
  const today = clockToday();
  const f: repo.OrderFilter = { scopePath: await scopeOf(db, p, q.region), status: q.status, projectId: q.projectId, overdueOn: q.overdue ? today : undefined };
  return (await repo.listOrders(db, f, { limit: 100000, offset: 0 })).rows.map((r) => toOrderDto(p, r, today));
}

async function loadOrder(db: DbOrTx, p: Principal, id: string, forUpdate = false): Promise<repo.OrderRow> {
  const row = await repo.getOrder(db, id, forUpdate);
  if (!row) throw notFound('督办单');
  requireRead(p, row.regionPath, '督办单');
  return row;
}

export async function getOrder(db: DbOrTx, p: Principal, id: string): Promise<SupervisionOrderDto> {
  return toOrderDto(p, await loadOrder(db, p, id));
}

const STATUS_TEXT: Record<string, string> = { open: '待答复', responded: '已答复，等待项目办审核', accepted: '已认可', rejected: '已退回' };

export async function respondOrder(db: Db, p: Principal, id: string, response: string): Promise<SupervisionOrderDto> {
  await db.transaction(async (tx) => {
    const o = await loadOrder(tx, p, id, true);
    if (!mayRespond(p, o)) throw forbidden('仅责任单位或项目办可答复督办单');
    if (!['open', 'rejected'].includes(o.status)) throw conflict(`督办单${STATUS_TEXT[o.status] ?? o.status}，不能再答复`);
    await repo.respondOrder(tx, id, p.id, response);
    await recordAudit(tx, p, {
      action: 'supervision_order.responded', entityType: 'supervision_order', entityId: id, projectId: o.projectId, regionPath: o.regionPath,
      before: { status: o.status, response: o.response }, after: { status: 'responded', response }, note: `${o.number} 书面答复`,
    });
  });
  return getOrder(db, p, id);
}

export async function decideOrder(db: Db, p: Principal, id: string, decision: 'accepted' | 'rejected', note: string | null): Promise<SupervisionOrderDto> {
  await db.transaction(async (tx) => {
    const o = await loadOrder(tx, p, id, true);
    requireOffice(p, o.regionPath);
    if (o.status !== 'responded') throw conflict(`督办单${STATUS_TEXT[o.status] ?? o.status}，没有待审核的答复`);
    if (decision === 'rejected' && !note) throw invalid('退回须写明理由', [{ field: 'note', message: '退回须写明理由' }]);
    await repo.decideOrder(tx, id, p.id, decision, note || null);
    await recordAudit(tx, p, {
      action: `supervision_order.${decision}`, entityType: 'supervision_order', entityId: id, projectId: o.projectId, regionPath: o.regionPath,
      before: { status: o.status }, after: { status: decision, decisionNote: note || null },
      note: `${o.number} ${decision === 'accepted' ? '答复认可' : '答复退回'}${note ? `：${note}` : ''}`,
    });
  });
  return getOrder(db, p, id);
}

// ───────────── accountability ─────────────

export function toEntryDto(p: Principal, r: repo.EntryRow): AccountabilityEntryDto {
  return {
    id: r.id,
    projectId: r.projectId,
    projectCode: r.projectCode,
    projectName: r.projectName,
    regionCode: r.regionCode,
    regionName: r.regionName,
    responsibleOrgName: r.responsibleOrgName,
    leaderName: r.leaderName,
    reason: r.reason as AccountabilityReason,
    periodId: r.periodId,
    periodLabel: labelOf(r),
    orderId: r.orderId,
    orderNumber: r.orderNumber,
    createdAt: iso(r.createdAt)!,
    status: r.status as AccountabilityStatus,
    talkDate: r.talkDate,
    participants: r.participants,
    outcome: r.outcome,
    recordedAt: iso(r.recordedAt),
    recordedByName: r.recordedByName,
    canRecord: isOffice(p) && inScope(p, r.regionPath),
  };
}

export async function listEntries(db: DbOrTx, p: Principal, q: AccountabilityListQuery): Promise<AccountabilityListDto> {
  const f: repo.EntryFilter = { scopePath: await scopeOf(db, p, q.region), status: q.status, reason: q.reason, projectId: q.projectId };
  const { rows, total } = await repo.listEntries(db, f, pageOf(q));
  return { items: rows.map((r) => toEntryDto(p, r)), total, counts: await repo.entryCounts(db, f) };
}

export async function allEntries(db: DbOrTx, p: Principal, q: Omit<AccountabilityListQuery, 'page' | 'pageSize'>): Promise<AccountabilityEntryDto[]> {
  const f: repo.EntryFilter = { scopePath: await scopeOf(db, p, q.region), status: q.status, reason: q.reason, projectId: q.projectId };
  return (await repo.listEntries(db, f, { limit: 100000, offset: 0 })).rows.map((r) => toEntryDto(p, r));
}

/** One entry (the one a notification links to: /supervision?tab=accountability&entry=ID). */
export async function getEntry(db: DbOrTx, p: Principal, id: string): Promise<AccountabilityEntryDto> {
  const e = await repo.getEntry(db, id);
  if (!e) throw notFound('约谈记录');
  requireRead(p, e.regionPath, '约谈记录');
  return toEntryDto(p, e);
}

export async function recordTalk(db: Db, p: Principal, id: string, t: AccountabilityRecord): Promise<AccountabilityEntryDto> {
  if (t.talkDate > clockToday()) throw invalid('约谈日期不能晚于今天', [{ field: 'talkDate', message: '约谈日期不能晚于今天' }]);
  await db.transaction(async (tx) => {
    const e = await repo.getEntry(tx, id);
    if (!e) throw notFound('约谈记录');
    requireRead(p, e.regionPath, '约谈记录');
    requireOffice(p, e.regionPath);
    await repo.recordTalk(tx, id, p.id, t);
    await recordAudit(tx, p, {
      action: 'accountability.recorded', entityType: 'accountability_entry', entityId: id, projectId: e.projectId, regionPath: e.regionPath,
      before: { status: e.status, talkDate: e.talkDate, participants: e.participants, outcome: e.outcome },
      after: { status: 'held', ...t }, note: `约谈 ${t.talkDate}`,
    });
  });
  const row = await repo.getEntry(db, id);
  return toEntryDto(p, row!);
}
