// Queries of reporting periods, the period page rows and reminders. The db (or transaction) first;
// projects are always filtered by the caller's scope before anything else.
import { and, desc, eq, getTableColumns, sql, type SQL } from 'drizzle-orm';
import { likeEscape } from '../../../domain/search.ts';
import { ACTIVE_STAGES } from '../../../domain/lifecycle.ts';
import type { DbOrTx } from '../../db/client.ts';
import { regions, reportingPeriods, reportReminders } from '../../db/schema/index.ts';

export type PeriodRow = typeof reportingPeriods.$inferSelect & { regionName: string };

const periodColumns = { ...getTableColumns(reportingPeriods), regionName: regions.name };

export async function getPeriod(db: DbOrTx, id: string, forUpdate = false): Promise<PeriodRow | null> {
  const q = db.select(periodColumns).from(reportingPeriods).innerJoin(regions, eq(regions.code, reportingPeriods.regionCode)).where(eq(reportingPeriods.id, id)).limit(1);
  const [row] = forUpdate ? await q.for('update', { of: reportingPeriods }) : await q;
  return row ?? null;
}

/** A period is visible to a caller when its region is the caller's, an ancestor of it, or in its subtree. */
export const periodVisibleTo = (callerPath: string): SQL =>
  sql`(${reportingPeriods.regionPath} LIKE ${callerPath + '%'} OR ${callerPath} LIKE ${reportingPeriods.regionPath} || '%')`;

export async function listPeriods(db: DbOrTx, f: { callerPath: string; year?: number; status?: string; regionCode?: string }): Promise<PeriodRow[]> {
  return db
    .select(periodColumns)
    .from(reportingPeriods)
    .innerJoin(regions, eq(regions.code, reportingPeriods.regionCode))
    .where(and(
      periodVisibleTo(f.callerPath),
      f.year ? eq(reportingPeriods.year, f.year) : undefined,
      f.status ? eq(reportingPeriods.status, f.status) : undefined,
      f.regionCode ? eq(reportingPeriods.regionCode, f.regionCode) : undefined,
    ))
    .orderBy(desc(reportingPeriods.year), desc(reportingPeriods.month), desc(reportingPeriods.seq), reportingPeriods.regionPath);
}

/** Periods of the same region, an ancestor or a descendant whose dates overlap [startsOn, endsOn]. */
export async function overlappingPeriods(db: DbOrTx, regionPath: string, startsOn: string, endsOn: string): Promise<PeriodRow[]> {
  return db
    .select(periodColumns)
    .from(reportingPeriods)
    .innerJoin(regions, eq(regions.code, reportingPeriods.regionCode))
    .where(and(
      periodVisibleTo(regionPath),
      sql`${reportingPeriods.startsOn} <= ${endsOn}`,
      sql`${reportingPeriods.endsOn} >= ${startsOn}`,
    ));
}

export async function insertPeriod(db: DbOrTx, v: typeof reportingPeriods.$inferInsert): Promise<string | null> {
  const rows = await db.insert(reportingPeriods).values(v).onConflictDoNothing().returning({ id: reportingPeriods.id });
  return rows[0]?.id ?? null;
}

export async function closePeriod(db: DbOrTx, id: string, userId: string): Promise<void> {
  await db.update(reportingPeriods).set({ status: 'closed', closedBy: userId, closedAt: sql`now()` }).where(eq(reportingPeriods.id, id));
}

const activeStages = () => sql`${sql.param([...ACTIVE_STAGES])}::text[]`;

/**
 * Is project `p` expected to report in a period ending on `endsOn`? It is active now and was already
 * active then (its first move into an active stage is dated on or before the period's end; a project
 * with no dated stage history counts as active throughout) — or it reported in the period anyway.
 * Shared by the period page, the period counts and the card run, so "missing" means one thing.
 */
export function expectedInPeriod(p: SQL, endsOn: SQL, hasReport: SQL): SQL {
  return sql`((${p}.stage = ANY(${activeStages()}) AND (
      NOT EXISTS (SELECT 1 FROM stage_transitions st0 WHERE st0.project_id = ${p}.id)
      OR EXISTS (SELECT 1 FROM stage_transitions st1 WHERE st1.project_id = ${p}.id
        AND st1.to_stage = ANY(${activeStages()}) AND st1.date <= ${endsOn})))
    OR ${hasReport})`;
}

export type CountsRow = {
  periodId: string;
  expected: number;
  draft: number;
  submitted: number;
  approved: number;
  returned: number;
  missing: number;
};

/** Report counts of each period over the projects expected to report that the caller can see. */
export async function periodCounts(db: DbOrTx, periodIds: string[], scopePath: string): Promise<Map<string, CountsRow>> {
  if (!periodIds.length) return new Map();
  const { rows } = await db.execute<CountsRow>(sql`
    SELECT per.id AS "periodId",
      count(*)::int AS expected,
      count(*) FILTER (WHERE r.status = 'draft')::int AS draft,
      count(*) FILTER (WHERE r.status = 'submitted')::int AS submitted,
      count(*) FILTER (WHERE r.status = 'approved')::int AS approved,
      count(*) FILTER (WHERE r.status = 'returned')::int AS returned,
      count(*) FILTER (WHERE r.id IS NULL OR r.status = 'draft')::int AS missing
    FROM reporting_periods per
    JOIN projects p ON p.region_path LIKE per.region_path || '%' AND p.region_path LIKE ${scopePath + '%'}
    LEFT JOIN progress_reports r ON r.project_id = p.id AND r.period_id = per.id
    WHERE per.id = ANY(${sql.param(periodIds)}::uuid[]) AND ${expectedInPeriod(sql`p`, sql`per.ends_on`, sql`r.id IS NOT NULL`)}
    GROUP BY per.id`);
  return new Map(rows.map((r) => [r.periodId, r]));
}

export type PeriodProjectDbRow = {
  projectId: string;
  code: string;
  name: string;
  regionCode: string;
  regionName: string;
  stage: string;
  owner: string | null;
  responsibleUnit: string | null;
  leaderName: string | null;
  contactName: string | null;
  contactPhone: string | null;
  reportId: string | null;
  status: string | null;
  investment: string | null;
  fundsArrived: string | null;
  submittedAt: Date | string | null;
  reviewedAt: Date | string | null;
  remindCount: number;
  lastRemindedAt: Date | string | null;
};

export interface PeriodProjectFilter {
  scopePath: string;
  /** Only projects this organisation is responsible for (a unit's view). */
  responsibleOrgId?: string;
  projectIds?: string[];
  q?: string;
}

/** Every project in the period's subtree ∩ scope that is expected to report (active, or already reported). */
export async function periodProjects(db: DbOrTx, period: { id: string; regionPath: string; endsOn: string }, f: PeriodProjectFilter): Promise<PeriodProjectDbRow[]> {
  const conds: SQL[] = [
    sql`p.region_path LIKE ${f.scopePath + '%'}`,
    sql`p.region_path LIKE ${period.regionPath + '%'}`,
    expectedInPeriod(sql`p`, sql`${period.endsOn}::date`, sql`r.id IS NOT NULL`),
  ];
  if (f.responsibleOrgId) conds.push(sql`p.responsible_org_id = ${f.responsibleOrgId}`);
  if (f.projectIds) conds.push(sql`p.id = ANY(${sql.param(f.projectIds)}::uuid[])`);
  if (f.q) conds.push(sql`p.search_text LIKE ${'%' + likeEscape(f.q.toLowerCase()) + '%'}`);
  const { rows } = await db.execute<PeriodProjectDbRow>(sql`
    SELECT p.id AS "projectId", p.code, p.name, p.region_code AS "regionCode", rg.name AS "regionName", p.stage,
      o.name AS owner, u.name AS "responsibleUnit", l.name AS "leaderName",
      c.name AS "contactName", c.phone AS "contactPhone",
      r.id AS "reportId", r.status, r.investment::text AS investment, r.funds_arrived::text AS "fundsArrived",
      r.submitted_at AS "submittedAt", r.reviewed_at AS "reviewedAt",
      coalesce(rm.n, 0)::int AS "remindCount", rm.last AS "lastRemindedAt"
    FROM projects p
    JOIN regions rg ON rg.code = p.region_code
    LEFT JOIN organizations o ON o.id = p.owner_org_id
    LEFT JOIN organizations u ON u.id = p.responsible_org_id
    LEFT JOIN people l ON l.id = p.leader_person_id
    LEFT JOIN progress_reports r ON r.project_id = p.id AND r.period_id = ${period.id}
    LEFT JOIN LATERAL (
      SELECT t.name, t.phone FROM project_team_members t WHERE t.project_id = p.id AND t.role = 'contact' ORDER BY t.sort, t.name LIMIT 1
    ) c ON true
    LEFT JOIN LATERAL (
      SELECT count(*) AS n, max(x.at) AS last FROM report_reminders x WHERE x.period_id = ${period.id} AND x.project_id = p.id
    ) rm ON true
    WHERE ${sql.join(conds, sql` AND `)}
    ORDER BY p.region_path, p.code`);
  return rows;
}

export async function insertReminders(db: DbOrTx, periodId: string, projectIds: string[], userId: string): Promise<void> {
  if (!projectIds.length) return;
  await db.insert(reportReminders).values(projectIds.map((projectId) => ({ periodId, projectId, userId })));
}
