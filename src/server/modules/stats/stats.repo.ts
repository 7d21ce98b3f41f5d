// The sums behind the key figures, computed in the database in one statement per call. They are read
// from two tables the database keeps by triggers (migration 0008): stats_project_years, one row per
// project and year it is counted in, with its amounts, planned-to-date and milestone months for every
// month of the year; and stats_groups, their sums per region, year and month. The SQL that fills them
// mirrors src/domain/kpi.ts line for line (plannedToDate, dueDateInYear, milestoneCount); rates are
// made from these sums by figures() in the service, never here. test/stats.crosscheck.test.ts checks
// both tables against the domain on generated data, test/rollups.test.ts against the reports.
import { sql, type SQL } from 'drizzle-orm';
import type { FigureSums } from '../../../domain/kpi.ts';
import type { DbOrTx } from '../../db/client.ts';
import type { ProjectNames } from '../../io/stats.xlsx.ts';

/** What a group is made of: one dimension of the project, or nothing (the total only). */
export type StatsDim = 'region' | 'county' | 'industry' | 'level' | 'category' | 'leader' | 'unit' | 'batch' | 'project' | 'none';

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

function groupParts(dim: StatsDim, f: StatsFilter): { key: SQL; label: SQL; code: SQL; regionName: SQL; joins: SQL } {
  const none = sql`NULL::text`;
  const plain = (col: string) => ({ key: sql.raw(`fin.${col}::text`), label: none, code: none, regionName: none, joins: sql`` });
  switch (dim) {
    case 'region':
      return { key: childOf(sql`fin.region_path`, f), label: none, code: none, regionName: none, joins: sql`` };
    case 'county':
      return { key: countyOf(sql`fin.region_path`), label: none, code: none, regionName: none, joins: sql`` };
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

/** The direct child of the region asked for whose subtree holds a path; the region's own code for its own projects. */
function childOf(path: SQL, f: StatsFilter): SQL {
  return sql`coalesce(nullif(split_part(substr(${path}, ${f.regionPath.length + 1}::int), '/', 1), ''), ${f.regionCode}::text)`;
}

/**
 * The county-level region (county, district, park: the third level) whose subtree holds a path; for a
 * city's or the province's own projects, that city's or the province's code.
 */
function countyOf(path: SQL): SQL {
  return sql`coalesce(nullif(split_part(${path}, '/', 3), ''), nullif(split_part(${path}, '/', 2), ''), split_part(${path}, '/', 1))`;
}

/** The sums of a group: each column (named as in stats_groups) summed, as SumsRow's field. */
const SUM_COLUMNS: [column: string, field: keyof SumsRow, type: 'int' | 'text'][] = [
  ['project_count', 'projectCount', 'int'],
  ['total_investment', 'totalInvestment', 'text'],
  ['annual_plan', 'annualPlan', 'text'],
  ['planned_to_date', 'plannedToDate', 'text'],
  ['ytd_investment', 'ytdInvestment', 'text'],
  ['ytd_funds', 'ytdFundsArrived', 'text'],
  ['month_investment', 'monthInvestment', 'text'],
  ['cumulative_investment', 'cumulativeInvestment', 'text'],
  ['cumulative_funds', 'cumulativeFundsArrived', 'text'],
  ['due_to_start', 'dueToStart', 'int'],
  ['started', 'started', 'int'],
  ['due_to_complete', 'dueToComplete', 'int'],
  ['completed_on_time', 'completedOnTime', 'int'],
  ['due_to_produce', 'dueToProduce', 'int'],
  ['producing', 'producing', 'int'],
  ['reported_count', 'reportedCount', 'int'],
];

/** The sums over rows of `from` (a project's month in the facts, or stats_groups rows: already sums). */
const sumsOf = (from: 'fin' | 'g') =>
  sql.raw(SUM_COLUMNS.map(([column, field, type]) => `coalesce(sum(${from}.${column}), 0)::${type} AS "${field}"`).join(',\n  '));

/** Where the sums are read: the per-project facts, or their sums per region (by region or in total only, unfiltered). */
export type SumsSource = 'projects' | 'groups';

const hasFilter = (f: StatsFilter) => Boolean(f.industry || f.level || f.category || f.leaderId || f.unitId || f.batchId);

/**
 * Sums per group and month, plus the total per month (key null).
 *
 * Population (reporting-api.md "Statistics"): projects in the region's subtree that have an annual
 * plan for Y (withdrawn ones excluded) or an approved report in Y — exactly the projects with a
 * stats_project_years row for Y. Only approved reports count. By region, by county or in total without
 * filters, the sums come from stats_groups (a few hundred rows for a province); otherwise from the
 * projects' facts. `source` picks one (both give the same sums; the tests compare them).
 */
export async function groupSums(db: DbOrTx, dim: StatsDim, f: StatsFilter, source?: SumsSource): Promise<SumsRow[]> {
  const byRegion = dim === 'region' || dim === 'county' || dim === 'none';
  const fromGroups = (source ?? (byRegion && !hasFilter(f) ? 'groups' : 'projects')) === 'groups';
  if (fromGroups && (hasFilter(f) || !byRegion)) throw new Error(`stats_groups cannot answer ${dim} with filters`);
  const ks = sql`SELECT k::int AS k FROM generate_series(${f.fromMonth}::int, ${f.toMonth}::int) AS k`;
  // (JIT is off on every PostgreSQL connection, db/client.ts: it compiled the projects' statement for
  // ~80 ms, more for a province, to save a few.)
  const res = await db.execute(fromGroups ? fromGroupsQuery(dim, f, ks) : fromProjectsQuery(dim, f, ks));
  return (res.rows as unknown as SumsRow[]).map((r) => ({ ...r, month: Number(r.month) }));
}

function fromGroupsQuery(dim: StatsDim, f: StatsFilter, ks: SQL): SQL {
  const grouped = dim === 'none'
    ? sql``
    : sql`SELECT g.key, NULL::text AS label, NULL::text AS code, NULL::text AS "regionName", g.month, ${sumsOf('g')}
        FROM g GROUP BY g.key, g.month HAVING sum(g.project_count) > 0
        UNION ALL `;
  return sql`
WITH ks AS (${ks}),
g AS (
  SELECT ${dim === 'county' ? countyOf(sql`s.region_path`) : childOf(sql`s.region_path`, f)} AS key, s.*
  FROM stats_groups s
  WHERE s.year = ${f.year}::int AND s.region_path LIKE ${f.regionPath + '%'} AND s.month BETWEEN ${f.fromMonth}::int AND ${f.toMonth}::int
)
${grouped}SELECT NULL::text AS key, NULL::text AS label, NULL::text AS code, NULL::text AS "regionName", ks.k AS month, ${sumsOf('g')}
FROM ks LEFT JOIN g ON g.month = ks.k GROUP BY ks.k`;
}

function fromProjectsQuery(dim: StatsDim, f: StatsFilter, ks: SQL): SQL {
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
    : sql`SELECT ${g.key} AS key, ${g.label} AS label, ${g.code} AS code, ${g.regionName} AS "regionName", fin.k AS month, ${sumsOf('fin')}
        FROM fin ${g.joins} GROUP BY 1, 2, 3, 4, 5
        UNION ALL `;
  // Month k of a fact: its arrays at k; a milestone month m counts from month m on.
  return sql`
WITH ks AS (${ks}),
fin AS (
  SELECT p.id, p.code, p.name, p.region_code, p.region_path, p.industry, p.level, p.category,
    p.leader_person_id, p.responsible_org_id, ks.k, 1 AS project_count, s.total_investment, s.annual_plan,
    s.planned[ks.k] AS planned_to_date,
    s.ytd_investment[ks.k] AS ytd_investment, s.ytd_funds[ks.k] AS ytd_funds, s.month_investment[ks.k] AS month_investment,
    s.base_investment + s.ytd_investment[ks.k] AS cumulative_investment, s.base_funds + s.ytd_funds[ks.k] AS cumulative_funds,
    CASE WHEN s.reported[ks.k] THEN 1 ELSE 0 END AS reported_count,
    CASE WHEN s.due_start <= ks.k THEN 1 ELSE 0 END AS due_to_start,
    CASE WHEN s.started <= ks.k THEN 1 ELSE 0 END AS started,
    CASE WHEN s.due_complete <= ks.k THEN 1 ELSE 0 END AS due_to_complete,
    CASE WHEN s.completed_on_time <= ks.k THEN 1 ELSE 0 END AS completed_on_time,
    CASE WHEN s.due_produce <= ks.k THEN 1 ELSE 0 END AS due_to_produce,
    CASE WHEN s.producing <= ks.k THEN 1 ELSE 0 END AS producing
  FROM stats_project_years s
  JOIN projects p ON p.id = s.project_id
  CROSS JOIN ks
  WHERE s.year = ${f.year}::int AND s.region_path LIKE ${f.regionPath + '%'} ${sql.join(filters, sql` `)}
)
${grouped}SELECT NULL::text AS key, NULL::text AS label, NULL::text AS code, NULL::text AS "regionName", ks.k AS month, ${sumsOf('fin')}
FROM ks LEFT JOIN fin ON fin.k = ks.k GROUP BY ks.k`;
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
  // The periods sorted first (a subquery the planner keeps whole), then the reports of one period after
  // another until one has approved ones: usually the first, instead of probing every period (960 for a
  // province) before sorting. The outer ORDER BY, already satisfied, keeps the order whatever the join.
  const res = await db.execute(sql`
    SELECT pe.year, pe.month FROM (
      SELECT pe.id, pe.status = 'closed' AS closed, pe.year, pe.month FROM reporting_periods pe
      WHERE (pe.region_path LIKE ${scopePath + '%'} OR ${scopePath} LIKE pe.region_path || '%')
        ${year ? sql`AND pe.year = ${year}::int` : sql``}
      ORDER BY 2 DESC, 3 DESC, 4 DESC OFFSET 0
    ) pe
    WHERE EXISTS (SELECT 1 FROM progress_reports r WHERE r.period_id = pe.id AND r.status = 'approved' AND r.region_path LIKE ${scopePath + '%'})
    ORDER BY pe.closed DESC, pe.year DESC, pe.month DESC LIMIT 1`);
  const row = res.rows[0] as { year: number; month: number } | undefined;
  return row ? { year: Number(row.year), month: Number(row.month) } : null;
}

/** Direct children of a region, in display order. */
export async function childRegions(db: DbOrTx, code: string): Promise<{ code: string; name: string }[]> {
  const res = await db.execute(sql`SELECT code, name FROM regions WHERE parent_code = ${code} ORDER BY sort, code`);
  return res.rows as { code: string; name: string }[];
}

/** A region of a table by county: a county-level one (the third level: county, district, park) with its city, or a region above them. */
export interface CountyLevelRegion {
  code: string;
  name: string;
  cityName: string | null;
  county: boolean;
}

/**
 * The regions a table by county names, in one read: every county-level region in the subtree (with
 * its city's name), and the regions above them, whose own projects have their own row (for a region
 * below the county level, its county).
 */
export async function countyLevelRegions(db: DbOrTx, path: string): Promise<CountyLevelRegion[]> {
  const res = await db.execute(sql`
    SELECT r.code, r.name, c.name AS "cityName", r.path ~ '^[^/]+/[^/]+/[^/]+/$' AS county
    FROM regions r LEFT JOIN regions c ON c.code = r.parent_code
    WHERE (r.path LIKE ${path + '%'} OR ${path} LIKE r.path || '%') AND r.path ~ '^([^/]+/){1,3}$'
    ORDER BY c.path, c.sort, r.sort, r.code`);
  return res.rows as unknown as CountyLevelRegion[];
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
