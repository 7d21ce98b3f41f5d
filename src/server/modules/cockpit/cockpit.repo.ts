// What the cockpit reads beyond the statistics, cards and roadblock services it calls: the card
// period of a month, open roadblocks by escalation level, the year's batch events seen from a
// region, and the office's gauge targets. Each is one statement.
import { sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';

/**
 * The card periods of (year, month) that hold the region's cards. When the region or one above it keeps
 * periods, that one (the latest of the month when it is cut finer; the nearest region above on a tie).
 * Otherwise — a province, whose cities keep their own — the latest of the month of each region below,
 * the highest such region only (a county's own period is not counted again beside its city's).
 */
export async function cardPeriodsOf(db: DbOrTx, regionPath: string, year: number, month: number): Promise<CardPeriod[]> {
  const { rows } = await db.execute<CardPeriod & { path: string; above: boolean }>(sql`
    SELECT per.id, per.cadence, per.year, per.month, per.seq, per.region_path AS path, ${regionPath} LIKE per.region_path || '%' AS above
    FROM reporting_periods per
    WHERE per.year = ${year}::int AND per.month = ${month}::int
      AND (${regionPath} LIKE per.region_path || '%' OR per.region_path LIKE ${regionPath + '%'})
      AND EXISTS (SELECT 1 FROM project_cards c WHERE c.period_id = per.id AND c.region_path LIKE ${regionPath + '%'})
    ORDER BY per.ends_on DESC, length(per.region_path)`);
  const above = rows.find((r) => r.above);
  if (above) return [strip(above)];
  const chosen: (typeof rows)[number][] = [];
  for (const r of [...rows].sort((a, b) => a.path.length - b.path.length)) {
    if (!chosen.some((c) => r.path.startsWith(c.path))) chosen.push(r);
  }
  return chosen.map(strip);
}

const strip = ({ path: _p, above: _a, ...period }: CardPeriod & { path: string; above: boolean }): CardPeriod => period;

export type CardPeriod = { id: string; cadence: string; year: number; month: number; seq: number };

/** Open roadblocks per escalation level (the roadblock statistics' "open" and visibility). */
export async function openByLevel(db: DbOrTx, regionPath: string, visibility: SQL): Promise<{ level: number; open: number }[]> {
  const { rows } = await db.execute<{ level: number; open: number }>(sql`
    SELECT p.escalation_level::int AS level, count(*)::int AS open FROM problems p
    WHERE p.region_path LIKE ${regionPath + '%'} AND ${visibility} AND p.status IN ('open', 'accepted', 'reopened')
    GROUP BY 1 ORDER BY 1`);
  return rows;
}

export type BatchRow = {
  id: string;
  name: string;
  kind: string;
  level: string;
  eventDate: string;
  regionName: string;
  projectCount: number;
  totalInvestment: string;
  eventProjectCount: number;
  eventTotalInvestment: string;
};

const inYear = (year: number) => sql`b.event_date >= make_date(${year}::int, 1, 1) AND b.event_date < make_date(${year + 1}::int, 1, 1)`;

/** The year's events held in the region or counting projects of it, with the region's part and the whole. */
export async function yearBatches(db: DbOrTx, regionPath: string, year: number): Promise<BatchRow[]> {
  const like = regionPath + '%';
  const { rows } = await db.execute<BatchRow>(sql`
    SELECT b.id, b.name, b.kind, b.level, b.event_date AS "eventDate", rg.name AS "regionName",
      count(p.id) FILTER (WHERE p.region_path LIKE ${like})::int AS "projectCount",
      coalesce(sum(p.total_investment) FILTER (WHERE p.region_path LIKE ${like}), 0)::text AS "totalInvestment",
      count(p.id)::int AS "eventProjectCount",
      coalesce(sum(p.total_investment), 0)::text AS "eventTotalInvestment"
    FROM batches b
    JOIN regions rg ON rg.code = b.region_code
    LEFT JOIN batch_projects bp ON bp.batch_id = b.id
    LEFT JOIN projects p ON p.id = bp.project_id
    WHERE ${inYear(year)}
      AND (b.region_path LIKE ${like} OR EXISTS (
        SELECT 1 FROM batch_projects x JOIN projects px ON px.id = x.project_id WHERE x.batch_id = b.id AND px.region_path LIKE ${like}))
    GROUP BY b.id, rg.name
    ORDER BY b.event_date, b.name`);
  return rows;
}

/** Per kind: distinct projects of the region over the year's events, and their total investment. */
export async function yearBatchTotals(db: DbOrTx, regionPath: string, year: number): Promise<{ kind: string; projectCount: number; totalInvestment: string }[]> {
  const { rows } = await db.execute<{ kind: string; projectCount: number; totalInvestment: string }>(sql`
    SELECT d.kind, count(*)::int AS "projectCount", coalesce(sum(d.ti), 0)::text AS "totalInvestment"
    FROM (
      SELECT DISTINCT b.kind, p.id, p.total_investment AS ti
      FROM batches b JOIN batch_projects bp ON bp.batch_id = b.id JOIN projects p ON p.id = bp.project_id
      WHERE ${inYear(year)} AND p.region_path LIKE ${regionPath + '%'}
    ) d GROUP BY d.kind`);
  return rows;
}

export type TargetsRow = {
  regionCode: string;
  startRate: string;
  investmentRate: string;
  fundsRate: string;
  onTimeRate: string;
  updatedBy: string | null;
  updatedAt: Date | string;
};

/** The targets that apply to a region for a year: its own, else the nearest ancestor's. */
export async function effectiveTargets(db: DbOrTx, regionPath: string, year: number): Promise<TargetsRow | null> {
  const { rows } = await db.execute<TargetsRow>(sql`
    SELECT t.region_code AS "regionCode", t.start_rate::text AS "startRate", t.investment_rate::text AS "investmentRate",
      t.funds_rate::text AS "fundsRate", t.on_time_rate::text AS "onTimeRate", u.display_name AS "updatedBy", t.updated_at AS "updatedAt"
    FROM cockpit_targets t
    JOIN regions r ON r.code = t.region_code
    LEFT JOIN users u ON u.id = t.updated_by
    WHERE t.year = ${year}::int AND ${regionPath} LIKE r.path || '%'
    ORDER BY length(r.path) DESC LIMIT 1`);
  return rows[0] ?? null;
}

export async function upsertTargets(
  db: DbOrTx,
  v: { regionCode: string; year: number; startRate: number; investmentRate: number; fundsRate: number; onTimeRate: number; userId: string },
): Promise<void> {
  await db.execute(sql`
    INSERT INTO cockpit_targets (region_code, year, start_rate, investment_rate, funds_rate, on_time_rate, updated_by, updated_at)
    VALUES (${v.regionCode}, ${v.year}::int, ${String(v.startRate)}::numeric, ${String(v.investmentRate)}::numeric,
      ${String(v.fundsRate)}::numeric, ${String(v.onTimeRate)}::numeric, ${v.userId}::uuid, now())
    ON CONFLICT (region_code, year) DO UPDATE SET start_rate = excluded.start_rate, investment_rate = excluded.investment_rate,
      funds_rate = excluded.funds_rate, on_time_rate = excluded.on_time_rate, updated_by = excluded.updated_by, updated_at = now()`);
}
