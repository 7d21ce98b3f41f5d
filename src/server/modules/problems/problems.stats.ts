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

export async function problemStatsSums(db: DbOrTx, o: { regionPath: string; visibility: SQL; groupBy: ProblemStatsGroup; today: string }): Promise<SumsRow[]> {
  const g = groupColumns(o.groupBy, o.regionPath);
  const open = sql`p.status IN ('open', 'accepted', 'reopened')`;
  const solved = sql`p.status IN ('solved', 'closed')`;
  const raised = chinaDate(sql`p.raised_at`);
  const age = sql`(${o.today}::date - ${raised})`;
  const res = await db.execute<SumsRow & Record<string, unknown>>(sql`
    SELECT GROUPING(${g.key}) = 1 AS grand, ${g.key} AS key, ${g.name} AS name,
      count(*)::int AS total,
      count(*) FILTER (WHERE ${open})::int AS open,
      count(*) FILTER (WHERE ${solved})::int AS solved,
      count(*) FILTER (WHERE ${solved} AND p.due_date IS NOT NULL AND ${chinaDate(sql`p.solved_at`)} <= p.due_date)::int AS solved_on_time,
      round(avg(${chinaDate(sql`p.solved_at`)} - ${raised}) FILTER (WHERE ${solved} AND p.solved_at IS NOT NULL), 1)::text AS avg_days,
      count(*) FILTER (WHERE (p.status IN ('open', 'reopened') AND p.accept_due < ${o.today}::date)
        OR (p.status = 'accepted' AND p.due_date < ${o.today}::date))::int AS overdue,
      count(*) FILTER (WHERE ${open} AND ${age} <= 7)::int AS d0_7,
      count(*) FILTER (WHERE ${open} AND ${age} BETWEEN 8 AND 30)::int AS d8_30,
      count(*) FILTER (WHERE ${open} AND ${age} BETWEEN 31 AND 90)::int AS d31_90,
      count(*) FILTER (WHERE ${open} AND ${age} > 90)::int AS d90plus
    FROM problems p ${g.join}
    WHERE p.region_path LIKE ${o.regionPath + '%'} AND ${o.visibility}
    GROUP BY GROUPING SETS ((${g.key}, ${g.name}), ())`);
  return res.rows;
}

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
  const sums = await problemStatsSums(db, { regionPath: region.path, visibility: problemVisibility(p), groupBy: q.groupBy, today });
  const label = (r: SumsRow) => (q.groupBy === 'category' ? PROBLEM_CATEGORY_LABELS[r.key as ProblemCategory] ?? r.key! : r.name ?? r.key!);
  const rows = sums.filter((r) => !r.grand).map((r) => toRow(r, r.key!, label(r))).sort(slowestFirst);
  return {
    groupBy: q.groupBy,
    regionCode: region.code,
    rows,
    total: toRow(sums.find((r) => r.grand), region.code, `${region.name}合计`),
  };
}
