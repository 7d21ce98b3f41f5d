// Queries of cards. The facts of every project of a period come from a few set-based statements
// (one for milestones, missing reports and roadblocks, the statistics' own for the investment
// figures); the cards are written with one multi-row upsert. Reads are filtered by scope first.
import { sql, type SQL } from 'drizzle-orm';
import { expectedInPeriod } from '../reporting/periods.repo.ts';
import { likeEscape } from '../../../domain/search.ts';
import type { StoredIndicator } from '../../../domain/cards.ts';
import type { DbOrTx } from '../../db/client.ts';

export interface PeriodRef {
  id: string;
  regionCode: string;
  regionPath: string;
  year: number;
  month: number;
  startsOn: string;
  endsOn: string;
}

export type FactsRow = {
  projectId: string;
  regionPath: string;
  plannedStart: string | null;
  plannedCompletion: string | null;
  plannedProduction: string | null;
  actualStart: string | null;
  actualCompletion: string | null;
  actualProduction: string | null;
  mustStart: boolean;
  mustComplete: boolean;
  mustProduce: boolean;
  missingRunning: number;
  overdueProblems: number;
  /** The statistics' facts of the project for the period's month (null: not counted that year). */
  plannedToDate: string | null;
  ytdInvestment: string | null;
  annualPlan: string | null;
};

/**
 * Every project expected in the period (the reporting period page's set: in the period's subtree and
 * active, or with a report in the period), ∩ `scopePath`, with its milestone dates, the periods
 * running without a submitted or approved report (this one and up to `lookBack − 1` before it, of
 * the same region) and its open roadblocks past their deadline at the period's end.
 */
export async function periodFacts(db: DbOrTx, period: PeriodRef, scopePath: string, lookBack: number): Promise<FactsRow[]> {
  // One LIKE on the narrower path: the planner multiplies the selectivities of two (a city's 3,000
  // projects were estimated at 60, and every join after was planned as a loop of lookups).
  const within = scopePath.startsWith(period.regionPath) ? sql`p.region_path LIKE ${scopePath + '%'}`
    : period.regionPath.startsWith(scopePath) ? sql`p.region_path LIKE ${period.regionPath + '%'}`
    : sql`p.region_path LIKE ${period.regionPath + '%'} AND p.region_path LIKE ${scopePath + '%'}`;
  // The periods that count for missing reports: this one and up to lookBack − 1 before it, of the
  // same region, newest first. Read first so the reports are then fetched by a known list of periods
  // (the planner, not knowing how many periods a subquery gives, read all 144,000 reports of a city).
  const prs = (await db.execute<{ id: string }>(sql`
    SELECT id FROM reporting_periods WHERE region_code = ${period.regionCode} AND starts_on <= ${period.startsOn}::date
    ORDER BY starts_on DESC LIMIT ${lookBack}::int`)).rows.map((r) => r.id);
  const prsIds = sql`${sql.param(prs)}::uuid[]`;
  const query = sql`
WITH miss AS (
  -- For each project, the running count of periods without a submitted or approved report: the
  -- position of its newest reported period in the list, less one.
  SELECT r.project_id, min(array_position(${prsIds}, r.period_id)) - 1 AS running
  FROM progress_reports r
  WHERE r.period_id = ANY(${prsIds}) AND r.status IN ('submitted', 'approved')
  GROUP BY r.project_id
)
SELECT p.id AS "projectId", p.region_path AS "regionPath",
  p.planned_start::text AS "plannedStart", p.planned_completion::text AS "plannedCompletion", p.planned_production::text AS "plannedProduction",
  p.actual_start::text AS "actualStart", p.actual_completion::text AS "actualCompletion", p.actual_production::text AS "actualProduction",
  coalesce(ap.must_start, false) AS "mustStart", coalesce(ap.must_complete, false) AS "mustComplete", coalesce(ap.must_produce, false) AS "mustProduce",
  coalesce(miss.running, ${prs.length}::int)::int AS "missingRunning",
  prob.n AS "overdueProblems",
  sy.planned[${period.month}::int]::text AS "plannedToDate", sy.ytd_investment[${period.month}::int]::text AS "ytdInvestment",
  sy.annual_plan::text AS "annualPlan"
FROM projects p
-- The statistics' own facts of the project's year (what GET /stats sums for the project and month).
LEFT JOIN stats_project_years sy ON sy.project_id = p.id AND sy.year = ${period.year}::int
-- The year's plan and the overdue roadblocks are looked up project by project (by key, and through
-- the partial index of open roadblocks): as sets, the planner read the whole province's plans of the
-- year for every city.
LEFT JOIN LATERAL (
  SELECT ap.must_start, ap.must_complete, ap.must_produce FROM annual_plans ap
  WHERE ap.project_id = p.id AND ap.year = ${period.year}::int LIMIT 1
) ap ON true
LEFT JOIN miss ON miss.project_id = p.id
CROSS JOIN LATERAL (
  SELECT count(*)::int AS n FROM problems pr
  WHERE pr.project_id = p.id AND pr.status IN ('open', 'accepted', 'reopened')
    AND ((pr.accept_due < ${period.endsOn}::date AND pr.status <> 'accepted') OR pr.due_date < ${period.endsOn}::date)
) prob
WHERE ${within}
  AND ${expectedInPeriod(sql`p`, sql`${period.endsOn}::date`, sql`p.id IN (SELECT r0.project_id FROM progress_reports r0 WHERE r0.period_id = ${period.id}::uuid)`)}`;
  // (JIT is off on every connection: compiling this statement took 1.4 s, longer than running it.)
  const { rows } = await db.execute<FactsRow>(query);
  return rows;
}

export interface CardWrite {
  projectId: string;
  regionPath: string;
  color: string;
  score: number;
  indicators: StoredIndicator[];
}

/**
 * Writes the cards of a period in one statement: new ones inserted, existing ones recomputed in
 * place (same id; an override is kept), and the cards of projects no longer expected in the period
 * deleted. The cards travel as one JSON parameter.
 */
export async function upsertCards(
  db: DbOrTx, period: PeriodRef, ruleSet: { id: number | null; version: number }, cards: CardWrite[],
): Promise<void> {
  // The DELETE and the INSERT see the same snapshot and touch disjoint rows (projects not in the run,
  // projects in it), so they can share the statement.
  await db.execute(sql`
    WITH x AS (
      SELECT * FROM jsonb_to_recordset(${JSON.stringify(cards)}::jsonb)
        AS x("projectId" uuid, "regionPath" text, color text, score numeric, indicators jsonb)
    ),
    gone AS (
      DELETE FROM project_cards c WHERE c.period_id = ${period.id}::uuid
        AND NOT EXISTS (SELECT 1 FROM x WHERE x."projectId" = c.project_id)
    )
    INSERT INTO project_cards (project_id, period_id, region_path, year, month, color, score, rule_set_id, rule_version, indicators, computed_at)
    SELECT x."projectId", ${period.id}::uuid, x."regionPath", ${period.year}::int, ${period.month}::int, x.color, x.score,
      ${ruleSet.id}::int, ${ruleSet.version}::int, x.indicators, now()
    FROM x
    ON CONFLICT (project_id, period_id) DO UPDATE SET
      region_path = excluded.region_path, year = excluded.year, month = excluded.month, color = excluded.color,
      score = excluded.score, rule_set_id = excluded.rule_set_id, rule_version = excluded.rule_version,
      indicators = excluded.indicators, computed_at = excluded.computed_at`);
}

// ───────────── rule sets ─────────────

export type RuleSetRow = {
  id: number;
  regionCode: string;
  version: number;
  rules: Record<string, unknown>;
  note: string | null;
  createdBy: string | null;
  createdAt: Date | string;
};

const RULE_COLS = sql`crs.id::int AS id, crs.region_code AS "regionCode", crs.version, crs.rules, crs.note,
  u.display_name AS "createdBy", crs.created_at AS "createdAt"`;

/** The rule set that applies at a region path: the newest version of the nearest region up the tree that has one. */
export async function effectiveRuleSet(db: DbOrTx, regionPath: string): Promise<RuleSetRow | null> {
  const { rows } = await db.execute<RuleSetRow>(sql`
    SELECT ${RULE_COLS} FROM card_rule_sets crs JOIN regions rg ON rg.code = crs.region_code
    LEFT JOIN users u ON u.id = crs.created_by
    WHERE ${regionPath} LIKE rg.path || '%'
    ORDER BY length(rg.path) DESC, crs.version DESC LIMIT 1`);
  return rows[0] ?? null;
}

export async function ruleSetHistory(db: DbOrTx, regionCode: string): Promise<RuleSetRow[]> {
  const { rows } = await db.execute<RuleSetRow>(sql`
    SELECT ${RULE_COLS} FROM card_rule_sets crs LEFT JOIN users u ON u.id = crs.created_by
    WHERE crs.region_code = ${regionCode} ORDER BY crs.version DESC`);
  return rows;
}

/** The saved rules of the given rule sets. */
export async function ruleSetRules(db: DbOrTx, ids: number[]): Promise<{ id: number; rules: unknown }[]> {
  if (!ids.length) return [];
  const { rows } = await db.execute<{ id: number; rules: unknown }>(sql`
    SELECT id::int AS id, rules FROM card_rule_sets WHERE id = ANY(${sql.param(ids)}::int[])`);
  return rows;
}

export async function insertRuleSet(db: DbOrTx, v: { regionCode: string; rules: object; note: string; userId: string | null }): Promise<{ id: number; version: number }> {
  // Serialise concurrent saves of one region: the unique (region, version) index makes a loser fail cleanly.
  const { rows } = await db.execute<{ id: number; version: number }>(sql`
    INSERT INTO card_rule_sets (region_code, version, rules, note, created_by)
    SELECT ${v.regionCode}, coalesce(max(version), 0) + 1, ${JSON.stringify(v.rules)}::jsonb, ${v.note}, ${v.userId}::uuid
    FROM card_rule_sets WHERE region_code = ${v.regionCode}
    RETURNING id::int AS id, version`);
  return rows[0]!;
}

// ───────────── reading cards ─────────────

export type CardRow = {
  id: string;
  projectId: string;
  projectCode: string;
  projectName: string;
  regionCode: string;
  regionName: string;
  regionPath: string;
  periodId: string;
  cadence: string;
  year: number;
  month: number;
  seq: number;
  color: string;
  score: string;
  ruleVersion: number;
  indicators: StoredIndicator[];
  /** The rule set that made the card (null: the defaults, version 0). */
  ruleSetId: number | null;
  overrideColor: string | null;
  overrideReason: string | null;
  overriddenBy: string | null;
  overriddenAt: Date | string | null;
  computedAt: Date | string;
  industry: string | null;
  unitName: string | null;
  leaderName: string | null;
  rank?: number;
};

const CARD_COLS = sql`c.id, c.project_id AS "projectId", p.code AS "projectCode", p.name AS "projectName",
  p.region_code AS "regionCode", rg.name AS "regionName", c.region_path AS "regionPath",
  c.period_id AS "periodId", per.cadence, per.year, per.month, per.seq,
  c.color, c.score::text AS score, c.rule_version AS "ruleVersion", c.indicators, c.rule_set_id::int AS "ruleSetId",
  c.override_color AS "overrideColor", c.override_reason AS "overrideReason", ou.display_name AS "overriddenBy",
  c.overridden_at AS "overriddenAt", c.computed_at AS "computedAt",
  p.industry, org.name AS "unitName", pe.name AS "leaderName"`;

/** What a card shows beyond its own row (c). */
const CARD_JOINS = sql`JOIN projects p ON p.id = c.project_id
  JOIN regions rg ON rg.code = p.region_code
  JOIN reporting_periods per ON per.id = c.period_id
  LEFT JOIN organizations org ON org.id = p.responsible_org_id
  LEFT JOIN people pe ON pe.id = p.leader_person_id
  LEFT JOIN users ou ON ou.id = c.overridden_by`;

const CARD_FROM = sql`project_cards c ${CARD_JOINS}`;

export async function getCard(db: DbOrTx, id: string, forUpdate = false): Promise<CardRow | null> {
  const { rows } = await db.execute<CardRow>(sql`SELECT ${CARD_COLS} FROM ${CARD_FROM} WHERE c.id = ${id}::uuid ${forUpdate ? sql`FOR UPDATE OF c` : sql``}`);
  return rows[0] ?? null;
}

export async function projectCards(db: DbOrTx, projectId: string, scopePath: string): Promise<CardRow[]> {
  const { rows } = await db.execute<CardRow>(sql`
    SELECT ${CARD_COLS} FROM ${CARD_FROM}
    WHERE c.project_id = ${projectId}::uuid AND c.region_path LIKE ${scopePath + '%'}
    ORDER BY per.starts_on DESC`);
  return rows;
}

export interface CardFilter {
  /** One period, or several (a province's month: each city's period). */
  periodId: string | string[];
  /** Region path asked for, already in scope. */
  regionPath: string;
  colors?: string[];
  q?: string;
}

const EFFECTIVE = sql`coalesce(c.override_color, c.color)`;

function filterWhere(f: CardFilter): SQL {
  const period = typeof f.periodId === 'string' ? sql`c.period_id = ${f.periodId}::uuid` : sql`c.period_id = ANY(${sql.param(f.periodId)}::uuid[])`;
  const conds: SQL[] = [period, sql`c.region_path LIKE ${f.regionPath + '%'}`];
  if (f.colors?.length) conds.push(sql`${EFFECTIVE} = ANY(${sql.param(f.colors)}::text[])`);
  if (f.q) conds.push(sql`p.search_text LIKE ${'%' + likeEscape(f.q.toLowerCase()) + '%'}`);
  return sql.join(conds, sql` AND `);
}

/**
 * Of the rows of CTE `f` (with `score`), those whose score is not past the one at 0-based `position`
 * in score order (`asc` or `desc`) among the rows matching `among` (on alias `e`): every row that can
 * come up to that position, ties included; all of them when there are fewer.
 */
function upToScoreAt(dir: 'asc' | 'desc', position: number, among: SQL = sql`true`): SQL {
  const asc = dir === 'asc';
  return sql`f.score ${asc ? sql`<=` : sql`>=`} coalesce((SELECT e.score FROM f e WHERE ${among} ORDER BY e.score ${asc ? sql`ASC` : sql`DESC`}
    LIMIT 1 OFFSET ${position}::int), ${asc ? sql`'Infinity'` : sql`'-Infinity'`}::numeric)`;
}

/**
 * A page of cards. The filter, ranks and count are worked out on the cards alone (their projects are
 * joined only to search them); sorted by score, the projects' codes (the tie-break) are read only for
 * the cards up to the page's last score, and only the page's rows are joined to what they show.
 */
export async function listCards(
  db: DbOrTx, f: CardFilter, sort: 'score' | '-score' | 'code', page: number, pageSize: number,
): Promise<{ rows: CardRow[]; total: number }> {
  const offset = (page - 1) * pageSize;
  const search = f.q ? sql`JOIN projects p ON p.id = c.project_id` : sql``;
  const order = (score: SQL, code: SQL) => (sort === 'score' ? sql`${score} ASC, ${code}` : sort === '-score' ? sql`${score} DESC, ${code}` : code);
  // The rows that can be on the page: sorted by score, those up to the score at the page's end (ties included).
  const reach = sort === 'code' ? sql`true` : upToScoreAt(sort === 'score' ? 'asc' : 'desc', offset + pageSize - 1);
  const { rows } = await db.execute<CardRow & { total: number }>(sql`
    WITH f AS MATERIALIZED (
      SELECT c.id, c.project_id, c.score,
        (rank() OVER (ORDER BY c.score DESC))::int AS rank, (count(*) OVER ())::int AS total
      FROM project_cards c ${search}
      WHERE ${filterWhere(f)}
    ),
    x AS (
      SELECT f.id, f.score, f.rank, f.total, pc.code FROM f JOIN projects pc ON pc.id = f.project_id
      WHERE ${reach}
      ORDER BY ${order(sql`f.score`, sql`pc.code`)}
      LIMIT ${pageSize}::int OFFSET ${offset}::int
    )
    SELECT ${CARD_COLS}, x.rank, x.total
    FROM x JOIN project_cards c ON c.id = x.id ${CARD_JOINS}
    ORDER BY ${order(sql`x.score`, sql`x.code`)}`);
  let total = rows[0]?.total ?? 0;
  if (!rows.length && page > 1) {
    const c = await db.execute<{ n: number }>(sql`SELECT count(*)::int AS n FROM project_cards c ${search} WHERE ${filterWhere(f)}`);
    total = c.rows[0]?.n ?? 0;
  }
  return { rows, total };
}

export type SummaryRow = {
  key: string;
  label: string | null;
  blue: number;
  yellow: number;
  red: number;
  total: number;
  avgScore: string | null;
};

export async function summary(db: DbOrTx, f: CardFilter & { regionCode: string }, groupBy: 'region' | 'unit' | 'industry' | 'leader'): Promise<SummaryRow[]> {
  // Region groups: the direct child of the region asked for whose subtree holds the project.
  const regionKey = sql`coalesce(nullif(split_part(substr(c.region_path, ${f.regionPath.length + 1}::int), '/', 1), ''), ${f.regionCode}::text)`;
  const parts: Record<typeof groupBy, { key: SQL; label: SQL; join?: SQL }> = {
    region: { key: regionKey, label: sql`NULL::text` },
    unit: { key: sql`coalesce(p.responsible_org_id::text, 'none')`, label: sql`max(org.name)`, join: sql`LEFT JOIN organizations org ON org.id = p.responsible_org_id` },
    leader: { key: sql`coalesce(p.leader_person_id::text, 'none')`, label: sql`max(pe.name)`, join: sql`LEFT JOIN people pe ON pe.id = p.leader_person_id` },
    industry: { key: sql`coalesce(p.industry, 'none')`, label: sql`NULL::text` },
  };
  const { key, label, join } = parts[groupBy];
  const { rows } = await db.execute<SummaryRow>(sql`
    SELECT g.key, coalesce(g.label, (SELECT r2.name FROM regions r2 WHERE r2.code = g.key)) AS label,
      g.blue, g.yellow, g.red, g.total, g."avgScore"
    FROM (
      SELECT ${key} AS key, ${label} AS label,
        count(*) FILTER (WHERE ${EFFECTIVE} = 'blue')::int AS blue,
        count(*) FILTER (WHERE ${EFFECTIVE} = 'yellow')::int AS yellow,
        count(*) FILTER (WHERE ${EFFECTIVE} = 'red')::int AS red,
        count(*)::int AS total,
        round(avg(c.score), 2)::text AS "avgScore"
      FROM project_cards c ${groupBy !== 'region' || f.q ? sql`JOIN projects p ON p.id = c.project_id` : sql``} ${join ?? sql``}
      WHERE ${filterWhere(f)}
      GROUP BY 1
    ) g
    ORDER BY g.red DESC, g.yellow DESC, g.key`);
  return rows;
}

/**
 * The cards of the filter counted by the colour shown (the override's when there is one), and the
 * `limit` red ones of lowest score (then by project code), in one pass over the cards: the cockpit.
 */
export async function countsAndLowestRed(
  db: DbOrTx, f: Pick<CardFilter, 'periodId' | 'regionPath'>, limit: number,
): Promise<{ counts: { blue: number; yellow: number; red: number; total: number }; red: CardRow[] }> {
  type Out = CardRow & { nBlue: number; nYellow: number; nRed: number; nTotal: number };
  const { rows } = await db.execute<Out>(sql`
    WITH f AS MATERIALIZED (
      SELECT c.id, c.project_id, c.score, ${EFFECTIVE} AS shown FROM project_cards c WHERE ${filterWhere(f)}
    ),
    n AS (
      SELECT count(*) FILTER (WHERE f.shown = 'blue')::int AS "nBlue", count(*) FILTER (WHERE f.shown = 'yellow')::int AS "nYellow",
        count(*) FILTER (WHERE f.shown = 'red')::int AS "nRed", count(*)::int AS "nTotal"
      FROM f
    ),
    x AS (
      SELECT f.id, f.score, pc.code FROM f JOIN projects pc ON pc.id = f.project_id
      WHERE f.shown = 'red' AND ${upToScoreAt('asc', limit - 1, sql`e.shown = 'red'`)}
      ORDER BY f.score, pc.code LIMIT ${limit}::int
    )
    SELECT n.*, ${CARD_COLS}
    FROM n LEFT JOIN (x JOIN project_cards c ON c.id = x.id ${CARD_JOINS}) ON true
    ORDER BY x.score, x.code`);
  const first = rows[0]!;
  return {
    counts: { blue: first.nBlue, yellow: first.nYellow, red: first.nRed, total: first.nTotal },
    red: rows.filter((r) => r.id != null),
  };
}

/** The month (year, month) of the latest period (by its end) with cards in the region's subtree. */
export async function latestCardMonth(db: DbOrTx, regionPath: string): Promise<[number, number] | null> {
  const { rows } = await db.execute<{ year: number; month: number }>(sql`
    SELECT per.year, per.month FROM reporting_periods per
    WHERE EXISTS (SELECT 1 FROM project_cards c WHERE c.period_id = per.id AND c.region_path LIKE ${regionPath + '%'})
    ORDER BY per.ends_on DESC, per.region_path LIMIT 1`);
  return rows[0] ? [rows[0].year, rows[0].month] : null;
}

/** The latest closed period that concerns a region (its own, an ancestor's or a descendant's). */
export async function latestClosedPeriod(db: DbOrTx, regionPath: string): Promise<string | null> {
  const { rows } = await db.execute<{ id: string }>(sql`
    SELECT per.id FROM reporting_periods per
    WHERE per.status = 'closed' AND (per.region_path LIKE ${regionPath + '%'} OR ${regionPath} LIKE per.region_path || '%')
    ORDER BY per.ends_on DESC, length(per.region_path) LIMIT 1`);
  return rows[0]?.id ?? null;
}

export async function setOverride(db: DbOrTx, id: string, v: { color: string | null; reason: string | null; userId: string | null }): Promise<void> {
  await db.execute(sql`
    UPDATE project_cards SET override_color = ${v.color}, override_reason = ${v.reason},
      overridden_by = ${v.userId}::uuid, overridden_at = ${v.color ? sql`now()` : sql`NULL`}
    WHERE id = ${id}::uuid`);
}

export async function projectNames(db: DbOrTx, ids: string[]): Promise<{ id: string; code: string; name: string; regionName: string }[]> {
  if (!ids.length) return [];
  const { rows } = await db.execute<{ id: string; code: string; name: string; regionName: string }>(sql`
    SELECT p.id, p.code, p.name, rg.name AS "regionName" FROM projects p JOIN regions rg ON rg.code = p.region_code
    WHERE p.id = ANY(${sql.param(ids)}::uuid[])`);
  return rows;
}

export async function projectRegionPath(db: DbOrTx, id: string): Promise<string | null> {
  const { rows } = await db.execute<{ path: string }>(sql`SELECT region_path AS path FROM projects WHERE id = ${id}::uuid`);
  return rows[0]?.path ?? null;
}
