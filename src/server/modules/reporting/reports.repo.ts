// Queries of reports, their events, corrections and photos. The db (or transaction) first.
import { and, asc, desc, eq, sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import {
  annualPlans, organizations, progressReports, projectMilestones, projects, regions, reportCorrections, reportEvents, reportingPeriods,
  reportPhotos, users,
} from '../../db/schema/index.ts';
import { alias } from 'drizzle-orm/pg-core';

export type ReportRow = typeof progressReports.$inferSelect;

const ownerOrg = alias(organizations, 'owner_org');
const unitOrg = alias(organizations, 'unit_org');

/** The project facts a report is filed against, with its plan of `year`. */
export async function projectForReport(db: DbOrTx, id: string, year: number) {
  const [row] = await db
    .select({
      id: projects.id, code: projects.code, name: projects.name, regionCode: projects.regionCode, regionPath: projects.regionPath,
      regionName: regions.name, stage: projects.stage, ownerOrgId: projects.ownerOrgId, responsibleOrgId: projects.responsibleOrgId,
      leaderPersonId: projects.leaderPersonId, owner: ownerOrg.name, responsibleUnit: unitOrg.name,
      totalInvestment: projects.totalInvestment, openingInvestment: projects.openingInvestment, openingFundsArrived: projects.openingFundsArrived,
      longitude: projects.longitude, latitude: projects.latitude,
      actualStart: projects.actualStart, actualCompletion: projects.actualCompletion, actualProduction: projects.actualProduction,
      annualPlan: annualPlans.plannedInvestment, monthly: annualPlans.monthly,
    })
    .from(projects)
    .innerJoin(regions, eq(regions.code, projects.regionCode))
    .leftJoin(ownerOrg, eq(ownerOrg.id, projects.ownerOrgId))
    .leftJoin(unitOrg, eq(unitOrg.id, projects.responsibleOrgId))
    .leftJoin(annualPlans, and(eq(annualPlans.projectId, projects.id), eq(annualPlans.year, year)))
    .where(eq(projects.id, id))
    .limit(1);
  return row ?? null;
}
export type ProjectFacts = NonNullable<Awaited<ReturnType<typeof projectForReport>>>;

export async function getReport(db: DbOrTx, projectId: string, periodId: string, forUpdate = false): Promise<ReportRow | null> {
  const q = db.select().from(progressReports).where(and(eq(progressReports.projectId, projectId), eq(progressReports.periodId, periodId))).limit(1);
  const [row] = forUpdate ? await q.for('update') : await q;
  return row ?? null;
}

/** Inserts the report unless one exists (a concurrent first save): null then. */
export async function insertReport(db: DbOrTx, v: typeof progressReports.$inferInsert): Promise<ReportRow | null> {
  const [row] = await db.insert(progressReports).values(v).onConflictDoNothing().returning();
  return row ?? null;
}

export async function updateReport(db: DbOrTx, id: string, set: Partial<typeof progressReports.$inferInsert>): Promise<ReportRow> {
  const [row] = await db.update(progressReports).set({ ...set, updatedAt: sql`now()` }).where(eq(progressReports.id, id)).returning();
  return row!;
}

export async function insertEvent(db: DbOrTx, e: { reportId: string; action: string; userId: string; username: string; reason?: string | null; snapshot: Record<string, unknown> }) {
  await db.insert(reportEvents).values({ ...e, reason: e.reason ?? null });
}

export async function listEvents(db: DbOrTx, reportId: string) {
  return db
    .select({ id: reportEvents.id, action: reportEvents.action, username: reportEvents.username, displayName: users.displayName, at: reportEvents.at, reason: reportEvents.reason, snapshot: reportEvents.snapshot })
    .from(reportEvents)
    .leftJoin(users, eq(users.id, reportEvents.userId))
    .where(eq(reportEvents.reportId, reportId))
    .orderBy(asc(reportEvents.id));
}

/** Approved investment of other periods of the project: this year before, all before, and after the period. */
export async function approvedAround(db: DbOrTx, projectId: string, period: { id: string; year: number; startsOn: string; endsOn: string }) {
  const { rows } = await db.execute<{ ytdBefore: string; before: string; after: string }>(sql`
    SELECT
      coalesce(sum(r.investment) FILTER (WHERE per.ends_on < ${period.startsOn} AND r.year = ${period.year}), 0)::text AS "ytdBefore",
      coalesce(sum(r.investment) FILTER (WHERE per.ends_on < ${period.startsOn}), 0)::text AS "before",
      coalesce(sum(r.investment) FILTER (WHERE per.starts_on > ${period.endsOn}), 0)::text AS "after"
    FROM progress_reports r JOIN reporting_periods per ON per.id = r.period_id
    WHERE r.project_id = ${projectId} AND r.status = 'approved' AND r.period_id <> ${period.id}`);
  return rows[0]!;
}

export async function milestones(db: DbOrTx, projectId: string) {
  return db
    .select({ id: projectMilestones.id, name: projectMilestones.name, kind: projectMilestones.kind, plannedDate: projectMilestones.plannedDate, actualDate: projectMilestones.actualDate })
    .from(projectMilestones)
    .where(eq(projectMilestones.projectId, projectId))
    .orderBy(asc(projectMilestones.sort), asc(projectMilestones.plannedDate));
}

export async function setMilestoneActual(db: DbOrTx, projectId: string, milestoneId: string, date: string) {
  await db.update(projectMilestones).set({ actualDate: date }).where(and(eq(projectMilestones.id, milestoneId), eq(projectMilestones.projectId, projectId)));
}

export async function fillProjectActuals(db: DbOrTx, projectId: string, set: Partial<Record<'actualStart' | 'actualCompletion' | 'actualProduction', string>>) {
  if (!Object.keys(set).length) return;
  await db.update(projects).set({ ...set, version: sql`${projects.version} + 1`, updatedAt: sql`now()` }).where(eq(projects.id, projectId));
}

// ───────────── corrections ─────────────

const requester = alias(users, 'requester');
const decider = alias(users, 'decider');

const correctionColumns = {
  id: reportCorrections.id, reportId: reportCorrections.reportId, projectId: reportCorrections.projectId,
  projectCode: projects.code, projectName: projects.name, periodId: reportCorrections.periodId,
  cadence: reportingPeriods.cadence, year: reportingPeriods.year, month: reportingPeriods.month, seq: reportingPeriods.seq,
  regionPath: reportCorrections.regionPath, status: reportCorrections.status, reason: reportCorrections.reason,
  before: reportCorrections.before, proposed: reportCorrections.proposed,
  requestedBy: requester.displayName, requestedAt: reportCorrections.requestedAt,
  decidedBy: decider.displayName, decidedAt: reportCorrections.decidedAt, decisionNote: reportCorrections.decisionNote,
};
export type CorrectionRow = Awaited<ReturnType<typeof listCorrections>>[number];

export async function listCorrections(db: DbOrTx, where: SQL | undefined, forUpdate = false) {
  const q = db
    .select(correctionColumns)
    .from(reportCorrections)
    .innerJoin(projects, eq(projects.id, reportCorrections.projectId))
    .innerJoin(reportingPeriods, eq(reportingPeriods.id, reportCorrections.periodId))
    .leftJoin(requester, eq(requester.id, reportCorrections.requestedBy))
    .leftJoin(decider, eq(decider.id, reportCorrections.decidedBy))
    .where(where)
    .orderBy(desc(reportCorrections.requestedAt))
    .limit(1000);
  return forUpdate ? q.for('update', { of: reportCorrections }) : q;
}

export async function insertCorrection(db: DbOrTx, v: typeof reportCorrections.$inferInsert): Promise<string> {
  const [row] = await db.insert(reportCorrections).values(v).returning({ id: reportCorrections.id });
  return row!.id;
}

export async function decideCorrection(db: DbOrTx, id: string, v: { status: string; decidedBy: string; decisionNote: string | null }) {
  await db.update(reportCorrections).set({ ...v, decidedAt: sql`now()` }).where(eq(reportCorrections.id, id));
}

export { reportCorrections as correctionsTable, reportPhotos as photosTable };

export async function getReportById(db: DbOrTx, id: string): Promise<ReportRow | null> {
  const [row] = await db.select().from(progressReports).where(eq(progressReports.id, id)).limit(1);
  return row ?? null;
}

export type ReportListDbRow = {
  projectId: string;
  projectCode: string;
  projectName: string;
  regionName: string;
  owner: string | null;
  responsibleUnit: string | null;
  periodId: string;
  cadence: string;
  year: number;
  month: number;
  seq: number;
  periodStatus: string;
  deadline: string;
  reportId: string | null;
  status: string | null;
  investment: string | null;
  fundsArrived: string | null;
  returnReason: string | null;
  submittedAt: Date | string | null;
  updatedAt: Date | string | null;
  version: number | null;
  progressText: string | null;
};

export interface ReportListFilter {
  scopePath: string;
  /** Which projects: all in scope, or those of one organisation as owner or responsible unit. */
  org?: { column: 'owner_org_id' | 'responsible_org_id'; id: string };
  /** Every expected project of open periods, reported or not (due); or existing reports only. */
  mode: 'due' | 'reports' | 'all';
  periodId?: string;
  projectId?: string;
  year?: number;
  status?: string;
  openOnly?: boolean;
  activeStages: readonly string[];
}

/** Report lines: expected (period × project) pairs for "due", stored reports otherwise. */
export async function listReportLines(db: DbOrTx, f: ReportListFilter): Promise<ReportListDbRow[]> {
  const conds: SQL[] = [sql`p.region_path LIKE ${f.scopePath + '%'}`, sql`p.region_path LIKE per.region_path || '%'`];
  if (f.org) conds.push(sql`p.${sql.raw(f.org.column)} = ${f.org.id}`);
  if (f.periodId) conds.push(sql`per.id = ${f.periodId}`);
  if (f.projectId) conds.push(sql`p.id = ${f.projectId}`);
  if (f.year) conds.push(sql`per.year = ${f.year}`);
  if (f.openOnly) conds.push(sql`per.status = 'open'`);
  if (f.status) conds.push(sql`r.status = ${f.status}`);
  if (f.mode === 'due') {
    conds.push(sql`(r.id IS NULL OR r.status IN ('draft', 'returned'))`);
    conds.push(sql`p.stage = ANY(${sql.param([...f.activeStages])}::text[])`);
  } else if (f.mode === 'reports') {
    conds.push(sql`r.id IS NOT NULL`);
  }
  const { rows } = await db.execute<ReportListDbRow>(sql`
    SELECT p.id AS "projectId", p.code AS "projectCode", p.name AS "projectName", rg.name AS "regionName",
      o.name AS owner, u.name AS "responsibleUnit",
      per.id AS "periodId", per.cadence, per.year, per.month, per.seq, per.status AS "periodStatus", per.deadline,
      r.id AS "reportId", r.status, r.investment::text AS investment, r.funds_arrived::text AS "fundsArrived",
      r.return_reason AS "returnReason", r.submitted_at AS "submittedAt", r.updated_at AS "updatedAt", r.version,
      r.progress_text AS "progressText"
    FROM reporting_periods per
    JOIN projects p ON true
    JOIN regions rg ON rg.code = p.region_code
    LEFT JOIN organizations o ON o.id = p.owner_org_id
    LEFT JOIN organizations u ON u.id = p.responsible_org_id
    ${f.mode === 'reports' ? sql`JOIN` : sql`LEFT JOIN`} progress_reports r ON r.project_id = p.id AND r.period_id = per.id
    WHERE ${sql.join(conds, sql` AND `)}
    ORDER BY per.deadline, per.starts_on, p.region_path, p.code
    LIMIT 5000`);
  return rows;
}

/** Approved sums per month of a project's year, and the approved investment before the year. */
/** The latest year this project has a report in (any status), or null. */
export async function latestReportYear(db: DbOrTx, projectId: string): Promise<number | null> {
  const res = await db.execute(sql`SELECT max(year) AS y FROM progress_reports WHERE project_id = ${projectId}::uuid`);
  const y = (res.rows[0] as { y: number | null } | undefined)?.y;
  return y == null ? null : Number(y);
}

export async function approvedByMonth(db: DbOrTx, projectId: string, year: number) {
  const { rows } = await db.execute<{ month: number; investment: string; fundsArrived: string }>(sql`
    SELECT month, sum(investment)::text AS investment, sum(funds_arrived)::text AS "fundsArrived"
    FROM progress_reports WHERE project_id = ${projectId} AND year = ${year} AND status = 'approved'
    GROUP BY month ORDER BY month`);
  const { rows: prior } = await db.execute<{ investment: string }>(sql`
    SELECT coalesce(sum(investment), 0)::text AS investment FROM progress_reports
    WHERE project_id = ${projectId} AND year < ${year} AND status = 'approved'`);
  return { months: rows, before: prior[0]!.investment };
}
