// Factories for the statistics tests: annual plans, periods and reports written straight into the
// tables with SQL (the reporting API is not needed to count figures).
import { sql } from 'drizzle-orm';
import type { Db } from '../../src/server/db/client.ts';
import { endOfMonth } from '../../src/domain/kpi.ts';
import { REGIONS } from './factories.ts';

export interface PlanInput {
  planned: string;
  monthly?: string[] | null;
  mustStart?: boolean;
  mustComplete?: boolean;
  mustProduce?: boolean;
}

export async function setPlan(db: Db, projectId: string, year: number, p: PlanInput) {
  await db.execute(sql`
    INSERT INTO annual_plans (project_id, year, planned_investment, monthly, must_start, must_complete, must_produce)
    VALUES (${projectId}::uuid, ${year}::int, ${p.planned}::numeric, ${p.monthly ? sql`${`{${p.monthly.join(',')}}`}::numeric[]` : sql`NULL`},
      ${p.mustStart ?? false}, ${p.mustComplete ?? false}, ${p.mustProduce ?? false})
    ON CONFLICT (project_id, year) DO UPDATE SET planned_investment = excluded.planned_investment, monthly = excluded.monthly,
      must_start = excluded.must_start, must_complete = excluded.must_complete, must_produce = excluded.must_produce`);
}

/** The monthly period of a region (default: the test city), created on first use. */
export async function period(db: Db, year: number, month: number, o: { regionCode?: string; status?: 'open' | 'closed' } = {}): Promise<string> {
  const regionCode = o.regionCode ?? REGIONS.city.code;
  const start = `${year}-${String(month).padStart(2, '0')}-01`;
  const end = endOfMonth(year, month);
  const res = await db.execute(sql`
    INSERT INTO reporting_periods (region_code, region_path, cadence, year, month, seq, starts_on, ends_on, deadline, status)
    SELECT ${regionCode}, path, 'monthly', ${year}::int, ${month}::int, 1, ${start}::date, ${end}::date, ${end}::date, ${o.status ?? 'closed'}
    FROM regions WHERE code = ${regionCode}
    ON CONFLICT (region_code, year, month, seq) DO UPDATE SET status = reporting_periods.status
    RETURNING id`);
  return (res.rows[0] as { id: string }).id;
}

export interface ReportInput {
  year: number;
  month: number;
  investment: string;
  funds?: string;
  status?: 'draft' | 'submitted' | 'approved' | 'returned';
  regionCode?: string;
}

/** A report of a project in the (city's) monthly period; approved unless said otherwise. Returns its id. */
export async function report(db: Db, projectId: string, r: ReportInput): Promise<string> {
  const periodId = await period(db, r.year, r.month, { regionCode: r.regionCode });
  const res = await db.execute(sql`
    INSERT INTO progress_reports (project_id, period_id, region_path, year, month, status, investment, funds_arrived)
    SELECT id, ${periodId}::uuid, region_path, ${r.year}::int, ${r.month}::int, ${r.status ?? 'approved'}, ${r.investment}::numeric, ${r.funds ?? '0'}::numeric
    FROM projects WHERE id = ${projectId}::uuid
    RETURNING id`);
  return (res.rows[0] as { id: string }).id;
}

export async function setReport(db: Db, reportId: string, values: { investment?: string; funds?: string; status?: string; corrected?: boolean }) {
  await db.execute(sql`
    UPDATE progress_reports SET
      investment = coalesce(${values.investment ?? null}::numeric, investment),
      funds_arrived = coalesce(${values.funds ?? null}::numeric, funds_arrived),
      status = coalesce(${values.status ?? null}::varchar, status),
      corrected = coalesce(${values.corrected ?? null}::boolean, corrected),
      version = version + 1
    WHERE id = ${reportId}::uuid`);
}

export async function setTolerance(db: Db, regionCode: string, tolerance: string) {
  await db.execute(sql`
    INSERT INTO reporting_settings (region_code, progress_tolerance) VALUES (${regionCode}, ${tolerance}::numeric)
    ON CONFLICT (region_code) DO UPDATE SET progress_tolerance = excluded.progress_tolerance`);
}
