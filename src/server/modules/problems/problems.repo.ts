// Queries of roadblocks: one row read with everything the page shows (project, region, departments,
// raiser), lists filtered by the caller's visibility, events and attachments (bytes only when
// streamed), the working-day adjustments and the per-region settings.
import { and, asc, eq, getTableColumns, gte, inArray, lt, sql, type SQL } from 'drizzle-orm';
import type { ProblemListQuery } from '../../../contract/problems.ts';
import { DEFAULT_ACCEPT_DAYS, DEFAULT_ESCALATION_DAYS, PROBLEM_OPEN_STATUSES } from '../../../domain/problems.ts';
import { adjustmentsMap, type WorkdayAdjustments } from '../../../domain/workdays.ts';
import type { DbOrTx } from '../../db/client.ts';
import {
  problemAttachments, problemCoDepartments, problemEvents, problems, problemSettings, users, workdayAdjustments,
} from '../../db/schema/index.ts';

export type ProblemRow = typeof problems.$inferSelect;

/** A roadblock joined with what its pages show. */
export interface ProblemDbRow {
  id: string;
  code: string;
  project_id: string;
  project_code: string;
  project_name: string;
  region_code: string;
  region_name: string;
  region_path: string;
  report_id: string | null;
  category: string;
  severity: string;
  title: string;
  description: string;
  department_id: string;
  department_name: string;
  co_departments: { id: string; name: string }[] | null;
  status: string;
  raised_by: string | null;
  raised_by_name: string | null;
  raised_at: Date;
  accept_due: string;
  accepted_at: Date | null;
  due_date: string | null;
  solved_at: Date | null;
  solution: string | null;
  closed_at: Date | null;
  escalation_level: number;
  escalated_at: Date | null;
  version: number;
  leader_name: string | null;
  owner_org_id: string | null;
  responsible_org_id: string | null;
  leader_person_id: string | null;
}

const SELECT = sql`
  SELECT pr.id, pr.code, pr.project_id, p.code AS project_code, p.name AS project_name, p.region_code, r.name AS region_name,
         pr.region_path, pr.report_id, pr.category, pr.severity, pr.title, pr.description, pr.department_id, d.name AS department_name,
         (SELECT json_agg(json_build_object('id', o.id, 'name', o.name) ORDER BY o.name)
            FROM problem_co_departments c JOIN organizations o ON o.id = c.org_id WHERE c.problem_id = pr.id) AS co_departments,
         pr.status, pr.raised_by, COALESCE(ru.display_name, ru.username) AS raised_by_name, pr.raised_at, pr.accept_due, pr.accepted_at, pr.due_date,
         pr.solved_at, pr.solution, pr.closed_at, pr.escalation_level, pr.escalated_at, pr.version,
         lp.name AS leader_name, p.owner_org_id, p.responsible_org_id, p.leader_person_id
    FROM problems pr
    JOIN projects p ON p.id = pr.project_id
    JOIN regions r ON r.code = p.region_code
    JOIN organizations d ON d.id = pr.department_id
    LEFT JOIN users ru ON ru.id = pr.raised_by
    LEFT JOIN people lp ON lp.id = p.leader_person_id`;

export async function getProblem(db: DbOrTx, id: string): Promise<ProblemDbRow | null> {
  const { rows } = await db.execute<ProblemDbRow & Record<string, unknown>>(sql`${SELECT} WHERE pr.id = ${id}::uuid`);
  return rows[0] ?? null;
}

/** The bare row, locked for an update inside a transaction. */
export async function lockProblem(db: DbOrTx, id: string): Promise<ProblemRow | null> {
  const [row] = await db.select().from(problems).where(eq(problems.id, id)).for('update');
  return row ?? null;
}

export async function coDepartmentIds(db: DbOrTx, problemId: string): Promise<string[]> {
  const rows = await db.select({ orgId: problemCoDepartments.orgId }).from(problemCoDepartments).where(eq(problemCoDepartments.problemId, problemId));
  return rows.map((r) => r.orgId);
}

/** What a caller may list: department users their routed roadblocks; everyone else their region subtree. */
export type Visibility = { kind: 'region'; regionPath: string } | { kind: 'orgs'; orgIds: string[] };

function visibilityWhere(v: Visibility): SQL {
  if (v.kind === 'region') return sql`pr.region_path LIKE ${v.regionPath + '%'}`;
  if (!v.orgIds.length) return sql`false`;
  return sql`(pr.department_id = ANY(${sql.param(v.orgIds)}::uuid[])
    OR EXISTS (SELECT 1 FROM problem_co_departments c WHERE c.problem_id = pr.id AND c.org_id = ANY(${sql.param(v.orgIds)}::uuid[])))`;
}

const SORTS: Record<ProblemListQuery['sort'], SQL> = {
  raisedAt: sql`pr.raised_at ASC, pr.code ASC`,
  '-raisedAt': sql`pr.raised_at DESC, pr.code DESC`,
  dueDate: sql`pr.due_date ASC NULLS LAST, pr.accept_due ASC`,
  '-dueDate': sql`pr.due_date DESC NULLS LAST, pr.accept_due DESC`,
  escalationLevel: sql`pr.escalation_level ASC, pr.raised_at ASC`,
  '-escalationLevel': sql`pr.escalation_level DESC, pr.raised_at ASC`,
  code: sql`pr.code ASC`,
};

export interface ListFilter extends Omit<ProblemListQuery, 'region' | 'overdue' | 'mine'> {
  regionPath?: string;
  raisedBy?: string;
  /** Overdue as of `today`: the deadline (acceptDue or dueDate) before today. Exact working-day counts are computed in TS. */
  overdue?: { today: string; value: boolean };
}

export async function listProblems(db: DbOrTx, v: Visibility, f: ListFilter): Promise<{ rows: ProblemDbRow[]; total: number }> {
  const conds: SQL[] = [visibilityWhere(v)];
  if (f.regionPath) conds.push(sql`pr.region_path LIKE ${f.regionPath + '%'}`);
  if (f.projectId) conds.push(sql`pr.project_id = ${f.projectId}::uuid`);
  if (f.reportId) conds.push(sql`pr.report_id = ${f.reportId}::uuid`);
  if (f.departmentId) {
    conds.push(sql`(pr.department_id = ${f.departmentId}::uuid
      OR EXISTS (SELECT 1 FROM problem_co_departments c WHERE c.problem_id = pr.id AND c.org_id = ${f.departmentId}::uuid))`);
  }
  if (f.status?.length) {
    const st = new Set<string>(f.status.flatMap((s) => (s === 'unsolved' ? [...PROBLEM_OPEN_STATUSES] : [s])));
    conds.push(sql`pr.status = ANY(${sql.param([...st])}::text[])`);
  }
  if (f.category) conds.push(sql`pr.category = ${f.category}`);
  if (f.severity) conds.push(sql`pr.severity = ${f.severity}`);
  if (f.minLevel != null) conds.push(sql`pr.escalation_level >= ${f.minLevel}`);
  if (f.raisedBy) conds.push(sql`pr.raised_by = ${f.raisedBy}::uuid`);
  if (f.q) {
    const like = `%${f.q.replace(/[\\%_]/g, (c) => '\\' + c)}%`;
    conds.push(sql`(pr.code ILIKE ${like} OR pr.title ILIKE ${like} OR p.name ILIKE ${like} OR p.code ILIKE ${like})`);
  }
  if (f.overdue) {
    const late = sql`((pr.status IN ('open', 'reopened') AND pr.accept_due < ${f.overdue.today}::date)
      OR (pr.status = 'accepted' AND pr.due_date < ${f.overdue.today}::date))`;
    conds.push(f.overdue.value ? late : sql`NOT ${late}`);
  }
  const where = sql.join(conds, sql` AND `);
  const { rows } = await db.execute<ProblemDbRow & Record<string, unknown>>(sql`
    ${SELECT} WHERE ${where} ORDER BY ${SORTS[f.sort]} LIMIT ${f.pageSize} OFFSET ${(f.page - 1) * f.pageSize}`);
  const count = await db.execute<{ n: number }>(sql`
    SELECT count(*)::int AS n FROM problems pr JOIN projects p ON p.id = pr.project_id WHERE ${where}`);
  return { rows, total: Number(count.rows[0]?.n ?? 0) };
}

/** Next code of the year, WT2024-00017: serialised by a transaction-level advisory lock. */
export async function nextSeq(db: DbOrTx, year: number): Promise<number> {
  await db.execute(sql`SELECT pg_advisory_xact_lock(hashtext(${'problems.code.' + year}))`);
  const { rows } = await db.execute<{ n: number | null }>(sql`
    SELECT max(substring(code from 8)::int) AS n FROM problems WHERE code LIKE ${`WT${year}-%`}`);
  return Number(rows[0]?.n ?? 0) + 1;
}

export async function insertProblem(db: DbOrTx, v: typeof problems.$inferInsert, coOrgIds: readonly string[]): Promise<ProblemRow> {
  const [row] = await db.insert(problems).values(v).returning();
  if (coOrgIds.length) await db.insert(problemCoDepartments).values(coOrgIds.map((orgId) => ({ problemId: row!.id, orgId })));
  return row!;
}

/** Updates when the version still matches; null when someone else changed it first. */
export async function updateProblem(db: DbOrTx, id: string, version: number, set: Partial<typeof problems.$inferInsert>): Promise<ProblemRow | null> {
  const [row] = await db
    .update(problems)
    .set({ ...set, version: version + 1, updatedAt: sql`now()` })
    .where(and(eq(problems.id, id), eq(problems.version, version)))
    .returning();
  return row ?? null;
}

export async function insertEvent(db: DbOrTx, v: typeof problemEvents.$inferInsert) {
  await db.insert(problemEvents).values(v);
}

/** The steps in order; displayName is the actor's name now (the username kept on the row if the user is gone). */
export async function listEvents(db: DbOrTx, problemId: string) {
  return db
    .select({ ...getTableColumns(problemEvents), displayName: users.displayName })
    .from(problemEvents)
    .leftJoin(users, eq(users.id, problemEvents.userId))
    .where(eq(problemEvents.problemId, problemId))
    .orderBy(asc(problemEvents.id));
}

// ───────────── attachments ─────────────

const { content: _content, ...attachmentMeta } = getTableColumns(problemAttachments);

export async function listAttachments(db: DbOrTx, problemId: string) {
  const { rows } = await db.execute<{ id: string; file_name: string; mime_type: string; size: number; uploaded_by: string | null; uploaded_at: Date }>(sql`
    SELECT a.id, a.file_name, a.mime_type, a.size, u.username AS uploaded_by, a.uploaded_at
      FROM problem_attachments a LEFT JOIN users u ON u.id = a.uploaded_by
     WHERE a.problem_id = ${problemId}::uuid ORDER BY a.uploaded_at, a.id`);
  return rows;
}

export async function insertAttachment(db: DbOrTx, v: typeof problemAttachments.$inferInsert) {
  const [row] = await db.insert(problemAttachments).values(v).returning(attachmentMeta);
  return row!;
}

export async function getAttachment(db: DbOrTx, problemId: string, id: string) {
  const [row] = await db
    .select()
    .from(problemAttachments)
    .where(and(eq(problemAttachments.id, id), eq(problemAttachments.problemId, problemId)))
    .limit(1);
  return row ?? null;
}

// ───────────── reports, departments, team ─────────────

export async function reportProjectId(db: DbOrTx, reportId: string): Promise<string | null> {
  const { rows } = await db.execute<{ project_id: string }>(sql`SELECT project_id FROM progress_reports WHERE id = ${reportId}::uuid`);
  return rows[0]?.project_id ?? null;
}

export async function orgsByIds(db: DbOrTx, ids: readonly string[]) {
  if (!ids.length) return [];
  const { rows } = await db.execute<{ id: string; name: string; kind: string; region_path: string }>(sql`
    SELECT o.id, o.name, o.kind, r.path AS region_path FROM organizations o JOIN regions r ON r.code = o.region_code
     WHERE o.id = ANY(${sql.param([...ids])}::uuid[])`);
  return rows;
}

/** No user and no project sits outside this region path: the caller's office is above everyone. */
export async function coversEveryone(db: DbOrTx, regionPath: string): Promise<boolean> {
  const { rows } = await db.execute<{ outside: boolean }>(sql`
    SELECT EXISTS (SELECT 1 FROM users u JOIN regions r ON r.code = u.region_code WHERE NOT u.disabled AND r.path NOT LIKE ${`${regionPath}%`})
        OR EXISTS (SELECT 1 FROM projects WHERE region_path NOT LIKE ${`${regionPath}%`}) AS outside`);
  return !rows[0]!.outside;
}

export async function isTeamMember(db: DbOrTx, projectId: string, personId: string | null): Promise<boolean> {
  if (!personId) return false;
  const { rows } = await db.execute(sql`SELECT 1 FROM project_team_members WHERE project_id = ${projectId}::uuid AND person_id = ${personId}::uuid LIMIT 1`);
  return rows.length > 0;
}

// ───────────── working days ─────────────

export async function listAdjustments(db: DbOrTx, year?: number) {
  const { rows } = await db.execute<{ date: string; is_workday: boolean; note: string | null; updated_at: Date; updated_by: string | null }>(sql`
    SELECT a.date, a.is_workday, a.note, a.updated_at, u.username AS updated_by
      FROM workday_adjustments a LEFT JOIN users u ON u.id = a.updated_by
     ${year ? sql`WHERE a.date >= ${`${year}-01-01`}::date AND a.date < ${`${year + 1}-01-01`}::date` : sql``}
     ORDER BY a.date`);
  return rows;
}

/** The office's working-day adjustments, as the calendar functions of domain/workdays.ts take them. */
export async function loadAdjustments(db: DbOrTx): Promise<WorkdayAdjustments> {
  return adjustmentsMap(await db.select({ date: workdayAdjustments.date, isWorkday: workdayAdjustments.isWorkday }).from(workdayAdjustments));
}

export async function replaceAdjustments(
  db: DbOrTx, year: number | undefined, items: readonly { date: string; isWorkday: boolean; note?: string | null }[], userId: string,
) {
  if (year) await db.delete(workdayAdjustments).where(and(gte(workdayAdjustments.date, `${year}-01-01`), lt(workdayAdjustments.date, `${year + 1}-01-01`)));
  else await db.delete(workdayAdjustments);
  if (items.length) {
    await db.insert(workdayAdjustments).values(items.map((i) => ({ date: i.date, isWorkday: i.isWorkday, note: i.note ?? null, updatedBy: userId })));
  }
}

// ───────────── settings ─────────────

export interface EffectiveProblemSettings {
  acceptDays: number;
  escalationDays: number[];
  inheritedFrom: string | null;
}

/** The settings that apply at a region path: the nearest region up the tree with its own row, else defaults. */
export async function effectiveProblemSettings(db: DbOrTx, regionPath: string): Promise<EffectiveProblemSettings> {
  const codes = regionPath.split('/').filter(Boolean);
  const rows = codes.length ? await db.select().from(problemSettings).where(inArray(problemSettings.regionCode, codes)) : [];
  const byCode = new Map(rows.map((r) => [r.regionCode, r]));
  for (let i = codes.length - 1; i >= 0; i--) {
    const r = byCode.get(codes[i]!);
    if (r) return { acceptDays: r.acceptDays, escalationDays: [...r.escalationDays], inheritedFrom: r.regionCode };
  }
  return { acceptDays: DEFAULT_ACCEPT_DAYS, escalationDays: [...DEFAULT_ESCALATION_DAYS], inheritedFrom: null };
}

export async function upsertProblemSettings(db: DbOrTx, regionCode: string, acceptDays: number, escalationDays: number[], userId: string) {
  const values = { regionCode, acceptDays, escalationDays, updatedBy: userId };
  await db.insert(problemSettings).values(values).onConflictDoUpdate({ target: problemSettings.regionCode, set: { ...values, updatedAt: sql`now()` } });
}
