// Supervision orders and the accountability list in SQL. Lists are filtered by region path like
// every other record; the hooks (card run, scheduler) use the finders at the bottom.
import { sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';

async function rowsOf<T>(db: DbOrTx, q: SQL): Promise<T[]> {
  return (await db.execute(q)).rows as T[];
}

// ───────────── orders ─────────────

export interface OrderRow {
  id: string;
  number: string;
  projectId: string;
  projectCode: string;
  projectName: string;
  regionCode: string;
  regionName: string;
  regionPath: string;
  cardId: string | null;
  periodId: string | null;
  cadence: string | null;
  year: number | null;
  month: number | null;
  seq: number | null;
  responsibleOrgId: string | null;
  responsibleOrgName: string | null;
  leaderPersonId: string | null;
  leaderName: string | null;
  reason: string;
  issuedAt: Date;
  deadline: string;
  status: string;
  response: string | null;
  respondedAt: Date | null;
  respondedByName: string | null;
  decisionNote: string | null;
  decidedAt: Date | null;
  decidedByName: string | null;
}

/** Project, region and period columns of an order (o) or an entry (a): `x` is the alias. */
const projectColumns = (x: 'o' | 'a') => sql.raw(`${x}.project_id AS "projectId", p.code AS "projectCode", p.name AS "projectName",
    p.region_code AS "regionCode", r.name AS "regionName", ${x}.region_path AS "regionPath",
    ${x}.period_id AS "periodId", per.cadence, per.year, per.month, per.seq`);
const projectJoins = (x: 'o' | 'a') => sql.raw(`JOIN projects p ON p.id = ${x}.project_id
  JOIN regions r ON r.code = p.region_code
  LEFT JOIN reporting_periods per ON per.id = ${x}.period_id`);

const ORDER_SELECT = sql`
  SELECT o.id, o.number, ${projectColumns('o')}, o.card_id AS "cardId",
    o.responsible_org_id AS "responsibleOrgId", org.name AS "responsibleOrgName",
    o.leader_person_id AS "leaderPersonId", pe.name AS "leaderName",
    o.reason, o.issued_at AS "issuedAt", o.deadline, o.status,
    o.response, o.responded_at AS "respondedAt", ru.display_name AS "respondedByName",
    o.decision_note AS "decisionNote", o.decided_at AS "decidedAt", du.display_name AS "decidedByName"
  FROM supervision_orders o
  ${projectJoins('o')}
  LEFT JOIN organizations org ON org.id = o.responsible_org_id
  LEFT JOIN people pe ON pe.id = o.leader_person_id
  LEFT JOIN users ru ON ru.id = o.responded_by
  LEFT JOIN users du ON du.id = o.decided_by`;

export interface OrderFilter {
  scopePath: string;
  status?: string;
  projectId?: string;
  /** Only orders past their deadline (before `today`) and not accepted. */
  overdueOn?: string;
  /** Units: only the orders sent to their organisation. */
  orgId?: string;
}

const overdueSql = (today: string) => sql`(o.status <> 'accepted' AND o.deadline < ${today}::date)`;

function orderWhere(f: OrderFilter, withStatus: boolean): SQL {
  const parts: SQL[] = [sql`o.region_path LIKE ${f.scopePath + '%'}`];
  if (f.projectId) parts.push(sql`o.project_id = ${f.projectId}::uuid`);
  if (f.orgId) parts.push(sql`o.responsible_org_id = ${f.orgId}::uuid`);
  if (withStatus && f.status) parts.push(sql`o.status = ${f.status}`);
  if (withStatus && f.overdueOn) parts.push(overdueSql(f.overdueOn));
  return sql.join(parts, sql` AND `);
}

export async function listOrders(db: DbOrTx, f: OrderFilter, page: { limit: number; offset: number }): Promise<{ rows: OrderRow[]; total: number }> {
  const where = orderWhere(f, true);
  const rows = await rowsOf<OrderRow>(db, sql`${ORDER_SELECT} WHERE ${where}
    ORDER BY o.issued_at DESC, o.number DESC LIMIT ${page.limit} OFFSET ${page.offset}`);
  const [c] = await rowsOf<{ n: number }>(db, sql`SELECT count(*)::int AS n FROM supervision_orders o WHERE ${where}`);
  return { rows, total: c?.n ?? 0 };
}

export async function orderCounts(db: DbOrTx, f: OrderFilter, today: string) {
  const [c] = await rowsOf<Record<'open' | 'responded' | 'accepted' | 'rejected' | 'overdue', number>>(db, sql`
    SELECT count(*) FILTER (WHERE o.status = 'open')::int AS open,
      count(*) FILTER (WHERE o.status = 'responded')::int AS responded,
      count(*) FILTER (WHERE o.status = 'accepted')::int AS accepted,
      count(*) FILTER (WHERE o.status = 'rejected')::int AS rejected,
      count(*) FILTER (WHERE ${overdueSql(today)})::int AS overdue
    FROM supervision_orders o WHERE ${orderWhere(f, false)}`);
  return c ?? { open: 0, responded: 0, accepted: 0, rejected: 0, overdue: 0 };
}

export async function getOrder(db: DbOrTx, id: string, forUpdate = false): Promise<OrderRow | null> {
  if (forUpdate) await db.execute(sql`SELECT 1 FROM supervision_orders WHERE id = ${id}::uuid FOR UPDATE`);
  const [row] = await rowsOf<OrderRow>(db, sql`${ORDER_SELECT} WHERE o.id = ${id}::uuid`);
  return row ?? null;
}

export async function respondOrder(db: DbOrTx, id: string, userId: string, response: string) {
  await db.execute(sql`UPDATE supervision_orders SET status = 'responded', response = ${response}, responded_at = now(), responded_by = ${userId}::uuid,
    decision_note = NULL, decided_at = NULL, decided_by = NULL WHERE id = ${id}::uuid`);
}

export async function decideOrder(db: DbOrTx, id: string, userId: string, status: 'accepted' | 'rejected', note: string | null) {
  await db.execute(sql`UPDATE supervision_orders SET status = ${status}, decision_note = ${note}, decided_at = now(), decided_by = ${userId}::uuid
    WHERE id = ${id}::uuid`);
}

// ───────────── accountability ─────────────

export interface EntryRow {
  id: string;
  projectId: string;
  projectCode: string;
  projectName: string;
  regionCode: string;
  regionName: string;
  regionPath: string;
  responsibleOrgName: string | null;
  leaderName: string | null;
  reason: string;
  periodId: string | null;
  cadence: string | null;
  year: number | null;
  month: number | null;
  seq: number | null;
  orderId: string | null;
  orderNumber: string | null;
  createdAt: Date;
  status: string;
  talkDate: string | null;
  participants: string | null;
  outcome: string | null;
  recordedAt: Date | null;
  recordedByName: string | null;
}

const ENTRY_SELECT = sql`
  SELECT a.id, ${projectColumns('a')}, org.name AS "responsibleOrgName", pe.name AS "leaderName", a.reason,
    a.order_id AS "orderId", o.number AS "orderNumber", a.created_at AS "createdAt", a.status,
    a.talk_date AS "talkDate", a.participants, a.outcome, a.recorded_at AS "recordedAt", ru.display_name AS "recordedByName"
  FROM accountability_entries a
  ${projectJoins('a')}
  LEFT JOIN supervision_orders o ON o.id = a.order_id
  LEFT JOIN organizations org ON org.id = p.responsible_org_id
  LEFT JOIN people pe ON pe.id = p.leader_person_id
  LEFT JOIN users ru ON ru.id = a.recorded_by`;

export interface EntryFilter {
  scopePath: string;
  status?: string;
  reason?: string;
  projectId?: string;
}

function entryWhere(f: EntryFilter, withStatus: boolean): SQL {
  const parts: SQL[] = [sql`a.region_path LIKE ${f.scopePath + '%'}`];
  if (f.projectId) parts.push(sql`a.project_id = ${f.projectId}::uuid`);
  if (f.reason) parts.push(sql`a.reason = ${f.reason}`);
  if (withStatus && f.status) parts.push(sql`a.status = ${f.status}`);
  return sql.join(parts, sql` AND `);
}

export async function listEntries(db: DbOrTx, f: EntryFilter, page: { limit: number; offset: number }): Promise<{ rows: EntryRow[]; total: number }> {
  const where = entryWhere(f, true);
  const rows = await rowsOf<EntryRow>(db, sql`${ENTRY_SELECT} WHERE ${where}
    ORDER BY (a.status = 'pending') DESC, a.created_at DESC, p.code LIMIT ${page.limit} OFFSET ${page.offset}`);
  const [c] = await rowsOf<{ n: number }>(db, sql`SELECT count(*)::int AS n FROM accountability_entries a WHERE ${where}`);
  return { rows, total: c?.n ?? 0 };
}

export async function entryCounts(db: DbOrTx, f: EntryFilter) {
  const [c] = await rowsOf<{ pending: number; held: number }>(db, sql`
    SELECT count(*) FILTER (WHERE a.status = 'pending')::int AS pending, count(*) FILTER (WHERE a.status = 'held')::int AS held
    FROM accountability_entries a WHERE ${entryWhere(f, false)}`);
  return c ?? { pending: 0, held: 0 };
}

export async function getEntry(db: DbOrTx, id: string): Promise<EntryRow | null> {
  const [row] = await rowsOf<EntryRow>(db, sql`${ENTRY_SELECT} WHERE a.id = ${id}::uuid`);
  return row ?? null;
}

export async function recordTalk(db: DbOrTx, id: string, userId: string, t: { talkDate: string; participants: string; outcome: string }) {
  await db.execute(sql`UPDATE accountability_entries SET status = 'held', talk_date = ${t.talkDate}::date, participants = ${t.participants},
    outcome = ${t.outcome}, recorded_by = ${userId}::uuid, recorded_at = now() WHERE id = ${id}::uuid`);
}

// ───────────── for the hooks ─────────────

export interface HookPeriod {
  id: string;
  regionCode: string;
  regionPath: string;
  cadence: string;
  year: number;
  month: number;
  seq: number;
  startsOn: string;
}

export async function hookPeriod(db: DbOrTx, id: string): Promise<HookPeriod | null> {
  const [row] = await rowsOf<HookPeriod>(db, sql`SELECT id, region_code AS "regionCode", region_path AS "regionPath", cadence, year, month, seq,
    starts_on AS "startsOn" FROM reporting_periods WHERE id = ${id}::uuid`);
  return row ?? null;
}

/** The period of the same region just before this one (by year, month and seq). */
export async function previousPeriodId(db: DbOrTx, p: HookPeriod): Promise<string | null> {
  const [row] = await rowsOf<{ id: string }>(db, sql`SELECT id FROM reporting_periods
    WHERE region_code = ${p.regionCode} AND (year * 100 + month) * 10 + seq < ${(p.year * 100 + p.month) * 10 + p.seq}
    ORDER BY year DESC, month DESC, seq DESC LIMIT 1`);
  return row?.id ?? null;
}

/** The region whose short name heads an order number: the city above (or at) the period's region. */
export async function numberingRegion(db: DbOrTx, regionPath: string): Promise<{ code: string; shortName: string }> {
  const codes = regionPath.split('/').filter(Boolean);
  const code = codes[Math.min(1, codes.length - 1)]!;
  const [row] = await rowsOf<{ code: string; shortName: string }>(db, sql`SELECT code, short_name AS "shortName" FROM regions WHERE code = ${code}`);
  return row ?? { code, shortName: '' };
}

export interface RedCard {
  cardId: string;
  projectId: string;
  projectName: string;
  regionPath: string;
  responsibleOrgId: string | null;
  leaderPersonId: string | null;
  indicators: { name?: string; color?: string | null; detail?: string | null }[];
  hasOrder: boolean;
  prevRed: boolean;
  hasTwoRedEntry: boolean;
}

/**
 * Red cards (effective colour) of a period that the hook has something to do for (no order yet, or
 * a second red card in a row not yet on the list), with what it must know about each project. A
 * card run repeated over the same period reads none.
 */
export async function redCards(db: DbOrTx, periodId: string, prevPeriodId: string | null): Promise<RedCard[]> {
  // The CTE keeps the per-card lookups as they are planned alone (folded into the outer filter, the
  // planner hashed every order ever issued and walked all projects by code); the projects are read
  // only for the cards that pass.
  return rowsOf<RedCard>(db, sql`
    WITH rc AS MATERIALIZED (
    SELECT c.id AS "cardId", c.project_id AS "projectId", c.indicators,
      EXISTS (SELECT 1 FROM supervision_orders o WHERE o.project_id = c.project_id AND o.period_id = c.period_id) AS "hasOrder",
      EXISTS (SELECT 1 FROM project_cards pc WHERE pc.project_id = c.project_id AND pc.period_id = ${prevPeriodId}::uuid
        AND COALESCE(pc.override_color, pc.color) = 'red') AS "prevRed",
      -- Once on the list for red cards, a project stays there until its talk is held: a third red card
      -- in a row does not add a second entry.
      EXISTS (SELECT 1 FROM accountability_entries a WHERE a.project_id = c.project_id AND a.reason = 'two_red'
        AND (a.period_id = c.period_id OR a.status = 'pending')) AS "hasTwoRedEntry"
    FROM project_cards c
    WHERE c.period_id = ${periodId}::uuid AND COALESCE(c.override_color, c.color) = 'red'
    )
    SELECT rc."cardId", rc."projectId", p.name AS "projectName", p.region_path AS "regionPath",
      p.responsible_org_id AS "responsibleOrgId", p.leader_person_id AS "leaderPersonId", rc.indicators,
      rc."hasOrder", rc."prevRed", rc."hasTwoRedEntry"
    FROM rc JOIN projects p ON p.id = rc."projectId"
    WHERE NOT rc."hasOrder" OR (rc."prevRed" AND NOT rc."hasTwoRedEntry")
    ORDER BY p.code`);
}

/**
 * The highest sequence number used under an order-number prefix. Takes a lock on the prefix until the
 * transaction ends, so two card runs numbering in the same city and month (two counties' periods at
 * once, or a month's run in lanes) number one after the other instead of colliding.
 */
export async function maxOrderSeq(db: DbOrTx, prefix: string): Promise<number> {
  await db.execute(sql`SELECT pg_advisory_xact_lock(hashtext(${`supervision_orders:${prefix}`}))`);
  const rows = await rowsOf<{ number: string }>(db, sql`SELECT number FROM supervision_orders WHERE left(number, ${prefix.length}) = ${prefix}`);
  return rows.reduce((m, r) => Math.max(m, Number(r.number.slice(prefix.length)) || 0), 0);
}

export interface NewOrder {
  number: string; projectId: string; cardId: string; regionPath: string; responsibleOrgId: string | null; leaderPersonId: string | null; reason: string;
}

/** Inserts a period's new orders in one statement (sent as one JSON parameter); returns their ids by number. */
export async function insertOrders(db: DbOrTx, periodId: string, issuedBy: string | null, deadline: string, orders: NewOrder[]): Promise<Map<string, string>> {
  if (!orders.length) return new Map();
  const rows = await rowsOf<{ id: string; number: string }>(db, sql`
    INSERT INTO supervision_orders (number, project_id, card_id, period_id, region_path, responsible_org_id, leader_person_id, reason, issued_by, deadline)
    SELECT x.number, x."projectId", x."cardId", ${periodId}::uuid, x."regionPath", x."responsibleOrgId", x."leaderPersonId", x.reason,
      ${issuedBy}::uuid, ${deadline}::date
    FROM jsonb_to_recordset(${JSON.stringify(orders)}::jsonb)
      AS x(number text, "projectId" uuid, "cardId" uuid, "regionPath" text, "responsibleOrgId" uuid, "leaderPersonId" uuid, reason text)
    RETURNING id, number`);
  return new Map(rows.map((r) => [r.number, r.id]));
}

export interface NewEntry { projectId: string; regionPath: string; reason: 'two_red' | 'overdue_order'; periodId: string | null; orderId: string | null }

/** Inserts accountability entries in one statement; returns their ids in the order given. */
export async function insertEntries(db: DbOrTx, entries: NewEntry[]): Promise<string[]> {
  if (!entries.length) return [];
  const rows = await rowsOf<{ id: string; i: number }>(db, sql`
    WITH x AS (
      SELECT * FROM jsonb_to_recordset(${JSON.stringify(entries.map((e, i) => ({ ...e, i })))}::jsonb)
        AS x(i int, "projectId" uuid, "regionPath" text, reason text, "periodId" uuid, "orderId" uuid)
    ), ins AS (
      INSERT INTO accountability_entries (project_id, region_path, reason, period_id, order_id)
      SELECT "projectId", "regionPath", reason, "periodId", "orderId" FROM x ORDER BY i
      RETURNING id, project_id, reason, period_id, order_id
    )
    SELECT ins.id, x.i FROM ins JOIN x ON x."projectId" = ins.project_id AND x.reason = ins.reason
      AND x."periodId" IS NOT DISTINCT FROM ins.period_id AND x."orderId" IS NOT DISTINCT FROM ins.order_id`);
  const byIndex = new Map(rows.map((r) => [r.i, r.id]));
  return entries.map((_, i) => byIndex.get(i)!);
}

/** Of these organisations and people, those with at least one enabled user (who would get a notice). */
export async function withUsers(db: DbOrTx, orgIds: (string | null)[], personIds: (string | null)[]): Promise<Set<string>> {
  const orgs = [...new Set(orgIds.filter((x): x is string => !!x))];
  const persons = [...new Set(personIds.filter((x): x is string => !!x))];
  if (!orgs.length && !persons.length) return new Set();
  const rows = await rowsOf<{ id: string }>(db, sql`
    SELECT DISTINCT org_id::text AS id FROM users WHERE NOT disabled AND org_id = ANY(${sql.param(orgs)}::uuid[])
    UNION SELECT DISTINCT person_id::text FROM users WHERE NOT disabled AND person_id = ANY(${sql.param(persons)}::uuid[])`);
  return new Set(rows.map((r) => r.id));
}

export interface OverdueOrder {
  id: string;
  number: string;
  projectId: string;
  projectName: string;
  regionPath: string;
  periodId: string | null;
  responsibleOrgId: string | null;
  leaderPersonId: string | null;
  deadline: string;
  status: string;
}

/** Orders past their deadline without an accepted response and not yet on the accountability list. */
export async function overdueOrdersWithoutEntry(db: DbOrTx, today: string): Promise<OverdueOrder[]> {
  return rowsOf<OverdueOrder>(db, sql`
    SELECT o.id, o.number, o.project_id AS "projectId", p.name AS "projectName", o.region_path AS "regionPath", o.period_id AS "periodId",
      o.responsible_org_id AS "responsibleOrgId", o.leader_person_id AS "leaderPersonId", o.deadline, o.status
    FROM supervision_orders o JOIN projects p ON p.id = o.project_id
    WHERE ${overdueSql(today)}
      AND NOT EXISTS (SELECT 1 FROM accountability_entries a WHERE a.order_id = o.id AND a.reason = 'overdue_order')
    ORDER BY o.deadline, o.number`);
}

export async function userWho(db: DbOrTx, userId: string | null): Promise<{ id: string; username: string } | null> {
  if (!userId) return null;
  const [row] = await rowsOf<{ id: string; username: string }>(db, sql`SELECT id, username FROM users WHERE id = ${userId}::uuid`);
  return row ?? null;
}
