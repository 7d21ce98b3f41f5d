// Factories for the statistics tests: annual plans, periods and reports written straight into the
// tables with SQL (the reporting API is not needed to count figures).
import { sql } from 'drizzle-orm';
import type { Db } from '../../src/server/db/client.ts';
import { endOfMonth } from '../../src/domain/kpi.ts';
import { buildProject, createOrg, createPerson, createUser, HIGH_TECH_ZONE, REGIONS, seedTestRegions } from './factories.ts';

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

// The hand-computed example of the statistics tests. The data set (year 2024, month 9 unless said):
//
//   A 东昌府区  total 10000, opening 1000 / funds 800, plan 1200 (no split → 序时 9/12 → 900)
//               2023: Jun 150, Dec 400 (funds 100); 2024: Jan 100/50, Mar 200/100, Sep 300/150, Oct 500
//               (after m), Aug 999 submitted (never counts). Start planned 2024-03-15, actual 04-02 → due, started.
//               Completion planned 2024-06-30, actual 07-05 → due, not on time. 2023 plan 800.
//   B 东昌府区  total 5000, plan 1200 split 0×6 then 200×6 → planned to date 600 (not 900)
//               2024: Jul 100, Aug 200, Sep 300 / funds 1000. Must start, no date → due 12-31, not yet due.
//               Must complete, planned 2023-10-01 (pending) → due 2024-01-01; actual 01-20 → on time.
//   C 莘县      total 20000, plan 2400 → 1800; Sep 1500 / funds 600. Production planned 08-01, actual 09-10.
//   D 莘县      withdrawn, plan 1000, no approved report → not counted.
//   E 高唐县    total 3000, no plan, approved Feb 50 → counted (plan 0).
//   F 滕州市    another city → never counted in 聊城.
//   G 聊城市本级 total 8000, plan 600 → 450, no reports.
//   H 高新区     no plan, no report → not counted (its row shows zeros and "—").
export async function buildStatsExample(db: Db) {
  const leader1 = (await createPerson(db, { name: '王立新', regionCode: REGIONS.city.code })).id;
  const leader2 = (await createPerson(db, { name: '李晓东', regionCode: REGIONS.city.code })).id;
  const unit1 = (await createOrg(db, { name: '东昌府区发改局', kind: 'government', regionCode: REGIONS.dongchangfu.code })).id;

  const A = await buildProject(db, {
    name: '甲项目', regionCode: REGIONS.dongchangfu.code, totalInvestment: '10000', openingInvestment: '1000', openingFundsArrived: '800',
    industry: 'chemicals', level: 'provincial', category: 'industrial', leaderPersonId: leader1, responsibleOrgId: unit1,
    plannedStart: '2024-03-15', actualStart: '2024-04-02', plannedCompletion: '2024-06-30', actualCompletion: '2024-07-05', stage: 'completed',
  });
  const B = await buildProject(db, {
    name: '乙项目', regionCode: REGIONS.dongchangfu.code, totalInvestment: '5000', industry: 'equipment', level: 'municipal',
    category: 'industrial', leaderPersonId: leader2, plannedCompletion: '2023-10-01', actualCompletion: '2024-01-20', stage: 'completed',
  });
  const C = await buildProject(db, {
    name: '丙项目', regionCode: REGIONS.shen.code, totalInvestment: '20000', industry: 'chemicals', level: 'municipal',
    category: 'infrastructure', leaderPersonId: leader1, plannedStart: '2023-05-01', plannedProduction: '2024-08-01', actualProduction: '2024-09-10',
    stage: 'construction',
  });
  const D = await buildProject(db, { name: '丁项目', regionCode: REGIONS.shen.code, totalInvestment: '7000', stage: 'withdrawn' });
  const E = await buildProject(db, { name: '戊项目', regionCode: REGIONS.gaotang.code, totalInvestment: '3000', industry: 'food', stage: 'construction' });
  const F = await buildProject(db, { name: '己项目', regionCode: REGIONS.tengzhou.code, totalInvestment: '9000' });
  const G = await buildProject(db, { name: '庚项目', regionCode: REGIONS.city.code, totalInvestment: '8000', industry: 'food', category: 'social' });
  const H = await buildProject(db, { name: '辛项目', regionCode: HIGH_TECH_ZONE.code, totalInvestment: '4000' });

  await setPlan(db, A.id, 2023, { planned: '800' });
  await setPlan(db, A.id, 2024, { planned: '1200' });
  await setPlan(db, B.id, 2024, { planned: '1200', monthly: ['0', '0', '0', '0', '0', '0', '200', '200', '200', '200', '200', '200'], mustStart: true, mustComplete: true });
  await setPlan(db, C.id, 2024, { planned: '2400' });
  await setPlan(db, D.id, 2024, { planned: '1000' });
  await setPlan(db, F.id, 2024, { planned: '1000' });
  await setPlan(db, G.id, 2024, { planned: '600' });

  await report(db, A.id, { year: 2023, month: 6, investment: '150' });
  await report(db, A.id, { year: 2023, month: 12, investment: '400', funds: '100' });
  await report(db, A.id, { year: 2024, month: 1, investment: '100', funds: '50' });
  await report(db, A.id, { year: 2024, month: 3, investment: '200', funds: '100' });
  await report(db, A.id, { year: 2024, month: 8, investment: '999', status: 'submitted' });
  const A9 = await report(db, A.id, { year: 2024, month: 9, investment: '300', funds: '150' });
  await report(db, A.id, { year: 2024, month: 10, investment: '500' });
  await report(db, B.id, { year: 2024, month: 7, investment: '100' });
  await report(db, B.id, { year: 2024, month: 8, investment: '200' });
  await report(db, B.id, { year: 2024, month: 9, investment: '300', funds: '1000' });
  const C9 = await report(db, C.id, { year: 2024, month: 9, investment: '1500', funds: '600' });
  await report(db, D.id, { year: 2024, month: 9, investment: '70', status: 'returned' });
  await report(db, E.id, { year: 2024, month: 2, investment: '50' });
  await report(db, F.id, { year: 2024, month: 9, investment: '500', regionCode: REGIONS.otherCity.code });

  const batch = async (name: string, ids: string[]) => {
    const res = await db.execute(sql`INSERT INTO batches (name, kind, level, season, event_date, region_code, region_path)
      VALUES (${name}, 'groundbreaking', 'municipal', 'spring', '2024-04-01', '371500', '370000/371500/') RETURNING id`);
    const id = (res.rows[0] as { id: string }).id;
    for (const p of ids) await db.execute(sql`INSERT INTO batch_projects (batch_id, project_id) VALUES (${id}::uuid, ${p}::uuid)`);
    return id;
  };
  const batchX = await batch('春季集中开工', [A.id, B.id]);
  const batchY = await batch('秋季集中开工', [B.id, C.id]);
  // The city's tolerance is 15 points; its counties inherit it.
  await setTolerance(db, REGIONS.city.code, '0.15');

  return {
    P: { A: A.id, B: B.id, C: C.id, D: D.id, E: E.id, F: F.id, G: G.id, H: H.id },
    reports: { A9, C9 }, leader1, unit1, batchX, batchY,
  };
}

/** Regions, the users 'city' (office of 聊城) and 'dcf' (viewer of 东昌府区), and the example. */
export async function setUpStatsExample(db: Db) {
  await seedTestRegions(db);
  await createUser(db, { username: 'city', role: 'office', regionCode: REGIONS.city.code });
  await createUser(db, { username: 'dcf', role: 'viewer', regionCode: REGIONS.dongchangfu.code });
  return buildStatsExample(db);
}
