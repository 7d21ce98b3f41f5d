// The sums behind the key figures, computed in the database in one statement per call. The SQL
// mirrors src/domain/kpi.ts line for line (plannedToDate, dueDateInYear, milestoneCount); rates are
// made from these sums by figures() in the service, never here. test/stats.crosscheck.test.ts
// checks the two against each other on generated data.
import { sql, type SQL } from 'drizzle-orm';
import type { FigureSums } from '../../../domain/kpi.ts';
import type { DbOrTx } from '../../db/client.ts';
import type { ProjectNames } from '../../io/stats.xlsx.ts';

/** What a group is made of: one dimension of the project, or nothing (the total only). */
export type StatsDim = 'region' | 'industry' | 'level' | 'category' | 'leader' | 'unit' | 'batch' | 'project' | 'none';

export interface StatsFilter {
  /** Path of the region asked for (already inside the caller's scope). */
  regionPath: string;
  regionCode: string;
  year: number;
  /** The figures are computed at the end of every month fromMonth..toMonth (one for a table, 1..m for a series). */
  fromMonth: number;
  toMonth: number;
  industry?: string;
  level?: string;
  category?: string;
  leaderId?: string;
  unitId?: string;
  batchId?: string;
}

/** The sums of one group at the end of one month (money as numeric text): kpi.ts FigureSums and a few more. */
export interface SumsRow extends FigureSums {
  /** Group key; null for the total over the whole population (a project in two batches counts once). */
  key: string | null;
  label: string | null;
  code: string | null;
  regionName: string | null;
  month: number;
  projectCount: number;
  monthInvestment: string;
  reportedCount: number;
}

/** kpi.ts dueDateInYear(planned, must, Y) as SQL. */
function dueDate(planned: SQL, must: SQL, first: SQL, last: SQL): SQL {
  return sql`CASE WHEN ${planned} BETWEEN ${first} AND ${last} THEN ${planned}
    WHEN NOT coalesce(${must}, false) THEN NULL
    WHEN ${planned} < ${first} THEN ${first}
    ELSE ${last} END`;
}

/** Last day of the month of a date (kpi.ts endOfMonth of the due date's month). */
const monthEnd = (d: string) => sql.raw(`(make_date(extract(year from ${d})::int, extract(month from ${d})::int, 1) + interval '1 month')::date - 1`);

function groupParts(dim: StatsDim, f: StatsFilter): { key: SQL; label: SQL; code: SQL; regionName: SQL; joins: SQL } {
  const none = sql`NULL::text`;
  const plain = (col: string) => ({ key: sql.raw(`fin.${col}::text`), label: none, code: none, regionName: none, joins: sql`` });
  switch (dim) {
    case 'region':
      // The direct child whose subtree holds the project; projects on the region itself keep its own code.
      return {
        key: sql`coalesce(nullif(split_part(substr(fin.region_path, ${f.regionPath.length + 1}::int), '/', 1), ''), ${f.regionCode}::text)`,
        label: none, code: none, regionName: none, joins: sql``,
      };
    case 'industry':
    case 'level':
    case 'category':
      return plain(dim);
    case 'leader':
      return { key: sql`coalesce(fin.leader_person_id::text, 'none')`, label: sql`pe.name`, code: none, regionName: none, joins: sql`LEFT JOIN people pe ON pe.id = fin.leader_person_id` };
    case 'unit':
      return { key: sql`coalesce(fin.responsible_org_id::text, 'none')`, label: sql`o.name`, code: none, regionName: none, joins: sql`LEFT JOIN organizations o ON o.id = fin.responsible_org_id` };
    case 'batch':
      // A project in several batches counts in each of them; the total (below) counts it once.
      return {
        key: sql`coalesce(b.id::text, 'none')`, label: sql`b.name`, code: none, regionName: none,
        joins: sql`LEFT JOIN batch_projects bp ON bp.project_id = fin.id LEFT JOIN batches b ON b.id = bp.batch_id`,
      };
    case 'project':
      return { key: sql`fin.id::text`, label: sql`fin.name`, code: sql`fin.code`, regionName: sql`rg.name`, joins: sql`LEFT JOIN regions rg ON rg.code = fin.region_code` };
    case 'none':
      return { key: none, label: none, code: none, regionName: none, joins: sql`` };
  }
}

const SUMS = sql`count(fin.id)::int AS "projectCount",
  coalesce(sum(fin.total_investment), 0)::text AS "totalInvestment",
  coalesce(sum(fin.plan), 0)::text AS "annualPlan",
  coalesce(sum(fin.planned_to_date), 0)::text AS "plannedToDate",
  coalesce(sum(fin.ytd_inv), 0)::text AS "ytdInvestment",
  coalesce(sum(fin.ytd_funds), 0)::text AS "ytdFundsArrived",
  coalesce(sum(fin.month_inv), 0)::text AS "monthInvestment",
  coalesce(sum(fin.cum_inv), 0)::text AS "cumulativeInvestment",
  coalesce(sum(fin.cum_funds), 0)::text AS "cumulativeFundsArrived",
  coalesce(sum(fin.due_s), 0)::int AS "dueToStart",
  coalesce(sum(fin.reached_s), 0)::int AS "started",
  coalesce(sum(fin.due_c), 0)::int AS "dueToComplete",
  coalesce(sum(fin.reached_c), 0)::int AS "completedOnTime",
  coalesce(sum(fin.due_p), 0)::int AS "dueToProduce",
  coalesce(sum(fin.reached_p), 0)::int AS "producing",
  coalesce(sum(fin.reported), 0)::int AS "reportedCount"`;

/**
 * Sums per group and month, plus the total per month (key null).
 *
 * Population (reporting-api.md "Statistics"): projects in the region's subtree that have an annual
 * plan for Y (withdrawn ones excluded) or an approved report in Y. Only approved reports count.
 */
export async function groupSums(db: DbOrTx, dim: StatsDim, f: StatsFilter): Promise<SumsRow[]> {
  const Y = sql`${f.year}::int`;
  const first = sql`make_date(${Y}, 1, 1)`;
  const last = sql`make_date(${Y}, 12, 31)`;
  const filters: SQL[] = [];
  if (f.industry) filters.push(sql`AND p.industry = ${f.industry}`);
  if (f.level) filters.push(sql`AND p.level = ${f.level}`);
  if (f.category) filters.push(sql`AND p.category = ${f.category}`);
  if (f.leaderId) filters.push(sql`AND p.leader_person_id = ${f.leaderId}::uuid`);
  if (f.unitId) filters.push(sql`AND p.responsible_org_id = ${f.unitId}::uuid`);
  if (f.batchId) filters.push(sql`AND EXISTS (SELECT 1 FROM batch_projects fb WHERE fb.project_id = p.id AND fb.batch_id = ${f.batchId}::uuid)`);
  const g = groupParts(dim, f);
  const grouped = dim === 'none'
    ? sql``
    : sql`SELECT ${g.key} AS key, ${g.label} AS label, ${g.code} AS code, ${g.regionName} AS "regionName", fin.k AS month, ${SUMS}
        FROM fin ${g.joins} GROUP BY 1, 2, 3, 4, 5
        UNION ALL `;
  const query = sql`
WITH pop AS (
  SELECT p.id, p.code, p.name, p.region_code, p.region_path, p.industry, p.level, p.category,
    p.leader_person_id, p.responsible_org_id, p.total_investment, p.opening_investment, p.opening_funds_arrived,
    coalesce(ap.planned_investment, 0) AS plan,
    split.monthly AS split, split.total AS split_total,
    p.actual_start, p.actual_completion, p.actual_production,
    ${dueDate(sql`p.planned_start`, sql`ap.must_start`, first, last)} AS due_start,
    ${dueDate(sql`p.planned_completion`, sql`ap.must_complete`, first, last)} AS due_completion,
    ${dueDate(sql`p.planned_production`, sql`ap.must_produce`, first, last)} AS due_production
  FROM projects p
  LEFT JOIN annual_plans ap ON ap.project_id = p.id AND ap.year = ${Y}
  -- kpi.ts monthlySplit(): 12 amounts that do not add up to zero.
  LEFT JOIN LATERAL (
    SELECT ap.monthly, t.total FROM (SELECT sum(v.x) AS total FROM unnest(ap.monthly) AS v(x)) t
    WHERE array_length(ap.monthly, 1) = 12 AND t.total <> 0
  ) split ON true
  WHERE p.region_path LIKE ${f.regionPath + '%'} ${sql.join(filters, sql` `)}
    AND ((ap.project_id IS NOT NULL AND p.stage <> 'withdrawn')
      OR EXISTS (SELECT 1 FROM report_rollups x WHERE x.project_id = p.id AND x.year = ${Y}))
),
ru AS (
  -- One rollup row per project for Y (report_rollups, kept by triggers from the approved reports)
  -- and the sums of its earlier years: a handful of narrow rows instead of every report.
  SELECT pop.id, cur.month_investment AS mi, cur.month_funds AS mf, cur.reported_months AS rm,
    coalesce(prior.inv, 0) AS prior_inv, coalesce(prior.funds, 0) AS prior_funds
  FROM pop
  LEFT JOIN report_rollups cur ON cur.project_id = pop.id AND cur.year = ${Y}
  LEFT JOIN LATERAL (
    SELECT sum(pr.investment) AS inv, sum(pr.funds_arrived) AS funds FROM report_rollups pr WHERE pr.project_id = pop.id AND pr.year < ${Y}
  ) prior ON true
),
ks AS (
  SELECT k::int AS k, (make_date(${Y}, k::int, 1) + interval '1 month')::date - 1 AS cutoff
  FROM generate_series(${f.fromMonth}::int, ${f.toMonth}::int) AS k
),
agg AS (
  SELECT ru.id, ks.k, ks.cutoff, m.ytd_inv, m.ytd_funds,
    coalesce(ru.mi[ks.k], 0) AS month_inv,
    ru.prior_inv + m.ytd_inv AS rep_inv,
    ru.prior_funds + m.ytd_funds AS rep_funds,
    CASE WHEN coalesce(ru.rm[ks.k], false) THEN 1 ELSE 0 END AS reported
  FROM ru CROSS JOIN ks
  CROSS JOIN LATERAL (
    SELECT coalesce((SELECT sum(x) FROM unnest(ru.mi[1:ks.k]) AS x), 0) AS ytd_inv,
      coalesce((SELECT sum(x) FROM unnest(ru.mf[1:ks.k]) AS x), 0) AS ytd_funds
  ) m
),
fin AS (
  SELECT pop.id, pop.code, pop.name, pop.region_code, pop.region_path, pop.industry, pop.level, pop.category,
    pop.leader_person_id, pop.responsible_org_id, pop.total_investment, pop.plan, agg.k,
    agg.ytd_inv, agg.ytd_funds, agg.month_inv, agg.reported,
    pop.opening_investment + agg.rep_inv AS cum_inv,
    pop.opening_funds_arrived + agg.rep_funds AS cum_funds,
    -- kpi.ts plannedToDate(): plan × the split's share by month k (at scale 30), else plan × k/12.
    round(CASE WHEN pop.split IS NOT NULL
      THEN (pop.plan * (SELECT coalesce(sum(u.x), 0) FROM unnest(pop.split) WITH ORDINALITY AS u(x, i) WHERE u.i <= agg.k))::numeric(60, 30) / pop.split_total
      ELSE pop.plan * agg.k / 12 END, 4) AS planned_to_date,
    CASE WHEN pop.due_start <= agg.cutoff THEN 1 ELSE 0 END AS due_s,
    CASE WHEN pop.due_start <= agg.cutoff AND pop.actual_start <= agg.cutoff THEN 1 ELSE 0 END AS reached_s,
    CASE WHEN pop.due_completion <= agg.cutoff THEN 1 ELSE 0 END AS due_c,
    CASE WHEN pop.due_completion <= agg.cutoff AND pop.actual_completion <= agg.cutoff
      AND pop.actual_completion <= ${monthEnd('pop.due_completion')} THEN 1 ELSE 0 END AS reached_c,
    CASE WHEN pop.due_production <= agg.cutoff THEN 1 ELSE 0 END AS due_p,
    CASE WHEN pop.due_production <= agg.cutoff AND pop.actual_production <= agg.cutoff THEN 1 ELSE 0 END AS reached_p
  FROM pop JOIN agg ON agg.id = pop.id
)
${grouped}SELECT NULL::text AS key, NULL::text AS label, NULL::text AS code, NULL::text AS "regionName", ks.k AS month, ${SUMS}
FROM ks LEFT JOIN fin ON fin.k = ks.k GROUP BY ks.k`;
  // PostgreSQL's JIT compiles a statement of this size for ~80 ms (seconds for a province) to save a
  // few: off for this statement only. (PGlite has no JIT; the setting is accepted and ignored.)
  const res = await db.transaction(async (tx) => {
    await tx.execute(sql`SET LOCAL jit = off`);
    return tx.execute(query);
  });
  return (res.rows as unknown as SumsRow[]).map((r) => ({ ...r, month: Number(r.month) }));
}

/** The tolerance of the region's effective settings: its own row, else the nearest ancestor's, else null. */
export async function effectiveTolerance(db: DbOrTx, regionPath: string): Promise<string | null> {
  const res = await db.execute(sql`
    SELECT s.progress_tolerance::text AS t FROM reporting_settings s JOIN regions r ON r.code = s.region_code
    WHERE ${regionPath} LIKE r.path || '%' ORDER BY length(r.path) DESC LIMIT 1`);
  return (res.rows[0] as { t: string } | undefined)?.t ?? null;
}

/**
 * The latest (year, month) of a period visible from the scope (its region, an ancestor or a
 * descendant) that has approved reports inside the scope, locked periods first; `year` narrows it to one year.
 */
export async function latestApprovedPeriod(db: DbOrTx, scopePath: string, year?: number): Promise<{ year: number; month: number } | null> {
  const res = await db.execute(sql`
    SELECT pe.year, pe.month FROM reporting_periods pe
    WHERE (pe.region_path LIKE ${scopePath + '%'} OR ${scopePath} LIKE pe.region_path || '%')
      ${year ? sql`AND pe.year = ${year}::int` : sql``}
      AND EXISTS (SELECT 1 FROM progress_reports r WHERE r.period_id = pe.id AND r.status = 'approved' AND r.region_path LIKE ${scopePath + '%'})
    ORDER BY (pe.status = 'closed') DESC, pe.year DESC, pe.month DESC LIMIT 1`);
  const row = res.rows[0] as { year: number; month: number } | undefined;
  return row ? { year: Number(row.year), month: Number(row.month) } : null;
}

/** Direct children of a region, in display order. */
export async function childRegions(db: DbOrTx, code: string): Promise<{ code: string; name: string }[]> {
  const res = await db.execute(sql`SELECT code, name FROM regions WHERE parent_code = ${code} ORDER BY sort, code`);
  return res.rows as { code: string; name: string }[];
}

export interface ProjectDetail extends ProjectNames {
  id: string;
}

/** Names behind the projects of a table (for the standard table's project sheet), in one query. */
export async function projectDetails(db: DbOrTx, ids: string[]): Promise<ProjectDetail[]> {
  if (!ids.length) return [];
  const res = await db.execute(sql`
    SELECT p.id, p.code, p.name, rg.name AS "regionName", p.industry, ow.name AS owner, un.name AS unit, pe.name AS leader, p.stage
    FROM projects p
    JOIN regions rg ON rg.code = p.region_code
    LEFT JOIN organizations ow ON ow.id = p.owner_org_id
    LEFT JOIN organizations un ON un.id = p.responsible_org_id
    LEFT JOIN people pe ON pe.id = p.leader_person_id
    WHERE p.id = ANY(${sql.param(ids)}::uuid[])`);
  return res.rows as unknown as ProjectDetail[];
}
