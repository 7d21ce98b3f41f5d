// Roadblock statistics (GET /problems/stats): per lead department, category or sub-region — open,
// solved (closed included), on-time rate (solved by dueDate ÷ solved), average calendar days from
// raised to solved, open ones past their deadline, and the age of open ones (≤7, 8–30, 31–90, >90
// days). One set-based SQL statement gives every group and the total (GROUPING SETS), so the total
// is counted, not added up from rounded rows. Days are China dates (UTC+8).
//
// Scope: the region asked for must be in the caller's subtree (resolveStatsRegion, as the key
// figures); department users count only the roadblocks routed to their organisation.
import { sql, type SQL } from 'drizzle-orm';
import type { ProblemStats, ProblemStatsRow } from '../../../contract/problems.ts';
import { clockToday } from '../../clock.ts';
import { ratio } from '../../../domain/kpi.ts';
import { PROBLEM_CATEGORY_LABELS, type ProblemCategory } from '../../../domain/problems.ts';
import type { DbOrTx } from '../../db/client.ts';
import type { Principal } from '../access/principal.ts';
import { resolveStatsRegion, type StatsRegion } from '../stats/stats.service.ts';

export type ProblemStatsGroup = 'department' | 'category' | 'region';

/** A timestamp's date in China. */
export const chinaDate = (col: SQL) => sql`((${col} AT TIME ZONE 'UTC') + interval '8 hours')::date`;

/** What the caller counts: department users their routed roadblocks (lead or co-handling), others their subtree. */
export function problemVisibility(p: Principal, alias = 'p'): SQL {
  const a = sql.raw(alias);
  if (p.role !== 'department') return sql`${a}.region_path LIKE ${p.regionPath + '%'}`;
  if (!p.orgId) return sql`false`;
  return sql`(${a}.department_id = ${p.orgId}::uuid
    OR EXISTS (SELECT 1 FROM problem_co_departments c WHERE c.problem_id = ${a}.id AND c.org_id = ${p.orgId}::uuid))`;
}

interface SumsRow {
  grand: boolean;
  key: string | null;
  name: string | null;
  total: number;
  open: number;
  solved: number;
  solved_on_time: number;
  avg_days: string | null;
  overdue: number;
  d0_7: number;
  d8_30: number;
  d31_90: number;
  d90plus: number;
}

function groupColumns(groupBy: ProblemStatsGroup, regionPath: string): { key: SQL; name: SQL; join: SQL } {
  if (groupBy === 'department') return { key: sql`d.id::text`, name: sql`d.name`, join: sql`JOIN organizations d ON d.id = p.department_id` };
  if (groupBy === 'category') return { key: sql`p.category`, name: sql`p.category`, join: sql`` };
  // The child of the chosen region the roadblock sits under (the code after the region's path in its
  // own), found by key rather than by testing every child's path against every roadblock; one sitting
  // at the region itself counts as the region.
  return {
    key: sql`coalesce(c.code, sel.code)`,
    name: sql`coalesce(c.name, sel.name)`,
    join: sql`JOIN regions sel ON sel.path = ${regionPath}
      LEFT JOIN regions c ON c.code = nullif(split_part(substr(p.region_path, ${regionPath.length + 1}::int), '/', 1), '')`,
  };
}

/**
 * The statistics' sums per group and in total. Callers who count every roadblock of the region (all
 * but department users) read what does not depend on the day from the stored sums (problem_stat_groups:
 * per region, lead department and category, kept by triggers) and count only the open roadblocks, whose
 * deadlines and age do depend on it; department users, who count only their routed ones, are counted
 * from the roadblocks themselves. Either way the roadblocks are first summed per region, department and
 * category (the stored sums' own key), then those sums per group. Both give the same figures
 * (problems.sums.test).
 */
export async function problemStatsSums(
  db: DbOrTx, o: { regionPath: string; visibility: SQL | 'subtree'; groupBy: ProblemStatsGroup; today: string },
): Promise<SumsRow[]> {
  const g = groupColumns(o.groupBy, o.regionPath);
  const inRegion = sql`p.region_path LIKE ${o.regionPath + '%'}`;
  const open = sql`r.status IN ('open', 'accepted', 'reopened')`;
  const solved = sql`r.status IN ('solved', 'closed')`;
  const subtree = o.visibility === 'subtree';
  // The roadblocks counted one by one: the open ones (the rest is in the stored sums), or all those visible.
  const rows = sql`SELECT p.region_path, p.department_id, p.category, p.status, p.accept_due, p.due_date, p.raised_at, p.solved_at
    FROM problems p WHERE ${inRegion} AND ${subtree ? sql`p.status IN ('open', 'accepted', 'reopened')` : o.visibility}`;
  // Open ones past their deadline (accept-by while waiting, their own date once accepted), and their age
  // bands: age n days or less (China dates) is raised at or after midnight, China time, n days before
  // today — one comparison with a constant instead of a date worked out for every roadblock.
  const daysAgo = (n: number) => sql`(((${o.today}::date - ${n}::int)::timestamp - interval '8 hours') AT TIME ZONE 'UTC')`;
  const dueSums = sql`count(*) FILTER (WHERE (r.status IN ('open', 'reopened') AND r.accept_due < ${o.today}::date) OR (r.status = 'accepted' AND r.due_date < ${o.today}::date)) AS overdue,
      count(*) FILTER (WHERE ${open} AND r.raised_at >= ${daysAgo(7)}) AS d0_7,
      count(*) FILTER (WHERE ${open} AND r.raised_at >= ${daysAgo(30)} AND r.raised_at < ${daysAgo(7)}) AS d8_30,
      count(*) FILTER (WHERE ${open} AND r.raised_at >= ${daysAgo(90)} AND r.raised_at < ${daysAgo(30)}) AS d31_90,
      count(*) FILTER (WHERE ${open} AND r.raised_at < ${daysAgo(90)}) AS d90plus`;
  const solvedAt = chinaDate(sql`r.solved_at`);
  // Every part lists the same columns in the same order: the key, total, open, solved, solved on time,
  // days to solve (sum, count), overdue, the four age bands.
  const parts = subtree
    ? sql`
      SELECT p.region_path, p.department_id, p.category, p.total, 0 AS open, p.solved, p.solved_on_time, p.days_sum, p.days_count,
        0 AS overdue, 0 AS d0_7, 0 AS d8_30, 0 AS d31_90, 0 AS d90plus
      FROM problem_stat_groups p WHERE ${inRegion}
      UNION ALL
      SELECT r.region_path, r.department_id, r.category, 0, count(*), 0, 0, 0, 0, ${dueSums}
      FROM (${rows}) r GROUP BY 1, 2, 3`
    : sql`
      SELECT r.region_path, r.department_id, r.category, count(*) AS total, count(*) FILTER (WHERE ${open}) AS open,
        count(*) FILTER (WHERE ${solved}) AS solved,
        count(*) FILTER (WHERE ${solved} AND r.due_date IS NOT NULL AND ${solvedAt} <= r.due_date) AS solved_on_time,
        coalesce(sum(${solvedAt} - ${chinaDate(sql`r.raised_at`)}) FILTER (WHERE ${solved} AND r.solved_at IS NOT NULL), 0) AS days_sum,
        count(*) FILTER (WHERE ${solved} AND r.solved_at IS NOT NULL) AS days_count,
        ${dueSums}
      FROM (${rows}) r GROUP BY 1, 2, 3`;
  const res = await db.execute<SumsRow & Record<string, unknown>>(sql`
    SELECT GROUPING(${g.key}) = 1 AS grand, ${g.key} AS key, ${g.name} AS name,
      ${n(sql`p.total`)} AS total, ${n(sql`p.open`)} AS open, ${n(sql`p.solved`)} AS solved, ${n(sql`p.solved_on_time`)} AS solved_on_time,
      CASE WHEN sum(p.days_count) > 0 THEN round(sum(p.days_sum)::numeric / sum(p.days_count), 1)::text END AS avg_days,
      ${n(sql`p.overdue`)} AS overdue, ${n(sql`p.d0_7`)} AS d0_7, ${n(sql`p.d8_30`)} AS d8_30, ${n(sql`p.d31_90`)} AS d31_90, ${n(sql`p.d90plus`)} AS d90plus
    FROM (${parts}) p ${g.join}
    GROUP BY GROUPING SETS ((${g.key}, ${g.name}), ())
    HAVING sum(p.total) > 0 OR GROUPING(${g.key}) = 1`);
  return res.rows;
}

const n = (col: SQL) => sql`coalesce(sum(${col}), 0)::int`;

function toRow(r: SumsRow | undefined, key: string, name: string): ProblemStatsRow {
  const x = r ?? { total: 0, open: 0, solved: 0, solved_on_time: 0, avg_days: null, overdue: 0, d0_7: 0, d8_30: 0, d31_90: 0, d90plus: 0 };
  return {
    key,
    name,
    total: x.total,
    open: x.open,
    solved: x.solved,
    solvedOnTime: x.solved_on_time,
    onTimeRate: ratio(x.solved_on_time, x.solved),
    avgDaysToSolve: x.avg_days == null ? null : Number(x.avg_days),
    overdue: x.overdue,
    ageing: { d0_7: x.d0_7, d8_30: x.d8_30, d31_90: x.d31_90, d90plus: x.d90plus },
  };
}

/** Slowest first: average days to solve (none solved yet last), then more overdue, then more open. */
export function slowestFirst(a: ProblemStatsRow, b: ProblemStatsRow): number {
  const avg = (r: ProblemStatsRow) => r.avgDaysToSolve ?? -1;
  return avg(b) - avg(a) || b.overdue - a.overdue || b.open - a.open || a.name.localeCompare(b.name, 'zh-Hans-CN');
}

export async function getProblemStats(
  db: DbOrTx, p: Principal, q: { region?: string; groupBy: ProblemStatsGroup }, today = clockToday(),
): Promise<ProblemStats> {
  const region: StatsRegion = await resolveStatsRegion(db, p, q.region);
  const visibility = p.role === 'department' ? problemVisibility(p) : 'subtree';
  const sums = await problemStatsSums(db, { regionPath: region.path, visibility, groupBy: q.groupBy, today });
  const label = (r: SumsRow) => (q.groupBy === 'category' ? PROBLEM_CATEGORY_LABELS[r.key as ProblemCategory] ?? r.key! : r.name ?? r.key!);
  const rows = sums.filter((r) => !r.grand).map((r) => toRow(r, r.key!, label(r))).sort(slowestFirst);
  return {
    groupBy: q.groupBy,
    regionCode: region.code,
    rows,
    total: toRow(sums.find((r) => r.grand), region.code, `${region.name}合计`),
  };
}
