// report_rollups are kept by statement triggers on progress_reports: after inserts, updates (figures,
// status, a correction's negative amount) and deletes, in one statement or many, they equal what the
// approved reports say. The statistics read what is built on them: stats_project_years (a project's
// facts per year, rebuilt after a report, plan or ledger change) must equal a rebuild from scratch,
// and stats_groups (kept by adding and taking away facts) the facts summed per region, year and month.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from './helpers/app.ts';
import { buildProject, REGIONS } from './helpers/factories.ts';
import { report, setPlan, setReport, setUpStatsExample } from './helpers/stats.ts';

let t: TestApp;
let P: Awaited<ReturnType<typeof setUpStatsExample>>['P'];

beforeAll(async () => {
  t = await buildTestApp();
  ({ P } = await setUpStatsExample(t.database.db));
});
afterAll(() => t.close());

/** The rollups as stored, and as computed from the approved reports right now. */
async function both() {
  const q = async (text: string) => (await t.database.pool.query(text)).rows;
  const stored = await q(`SELECT project_id::text, year, investment::text, funds_arrived::text,
      month_investment::text AS mi, month_funds::text AS mf, reported_months::text AS rm
    FROM report_rollups ORDER BY 1, 2`);
  const month = (expr: string, type: string) => `(SELECT array_agg((${expr})::${type} ORDER BY m) FROM generate_series(1, 12) m)::text`;
  const inMonth = `FROM progress_reports x WHERE x.project_id = g.pid AND x.year = g.year AND x.month = m AND x.status = 'approved'`;
  const fresh = await q(`SELECT g.pid::text AS project_id, g.year,
      (SELECT sum(x.investment) FROM progress_reports x WHERE x.project_id = g.pid AND x.year = g.year AND x.status = 'approved')::numeric(16,4)::text AS investment,
      (SELECT sum(x.funds_arrived) FROM progress_reports x WHERE x.project_id = g.pid AND x.year = g.year AND x.status = 'approved')::numeric(16,4)::text AS funds_arrived,
      ${month(`coalesce((SELECT sum(x.investment) ${inMonth}), 0)`, 'numeric(16,4)')} AS mi,
      ${month(`coalesce((SELECT sum(x.funds_arrived) ${inMonth}), 0)`, 'numeric(16,4)')} AS mf,
      ${month(`EXISTS (SELECT 1 ${inMonth})`, 'boolean')} AS rm
    FROM (SELECT DISTINCT project_id AS pid, year FROM progress_reports WHERE status = 'approved') g ORDER BY 1, 2`);
  return { stored, fresh };
}

const FACTS = `SELECT project_id::text, year, region_code, region_path, total_investment::text, annual_plan::text,
    base_investment::text, base_funds::text, planned::text, month_investment::text, ytd_investment::text, ytd_funds::text,
    reported::text, due_start, started, due_complete, completed_on_time, due_produce, producing
  FROM stats_project_years ORDER BY 1, 2`;

/** stats_project_years as stored, and as rebuilding every project's facts now gives them (rolled back). */
async function facts() {
  const stored = (await t.database.pool.query(FACTS)).rows;
  const c = await t.database.pool.connect();
  try {
    await c.query('BEGIN');
    await c.query('SELECT stats_facts_refresh(ARRAY(SELECT id FROM projects))');
    return { stored, fresh: (await c.query(FACTS)).rows };
  } finally {
    await c.query('ROLLBACK');
    c.release();
  }
}

/** stats_groups rows that differ from the stored facts summed per region, year and month (none expected). */
async function groupMismatches() {
  const cols = ['project_count', 'total_investment', 'annual_plan', 'planned_to_date', 'ytd_investment', 'ytd_funds', 'month_investment',
    'cumulative_investment', 'cumulative_funds', 'due_to_start', 'started', 'due_to_complete', 'completed_on_time', 'due_to_produce', 'producing', 'reported_count'];
  const res = await t.database.pool.query(`
    WITH want AS (
      SELECT f.region_code, f.year, k AS month, min(f.region_path) AS region_path, count(*)::int AS project_count,
        sum(f.total_investment) AS total_investment, sum(f.annual_plan) AS annual_plan, sum(f.planned[k]) AS planned_to_date,
        sum(f.ytd_investment[k]) AS ytd_investment, sum(f.ytd_funds[k]) AS ytd_funds, sum(f.month_investment[k]) AS month_investment,
        sum(f.base_investment + f.ytd_investment[k]) AS cumulative_investment, sum(f.base_funds + f.ytd_funds[k]) AS cumulative_funds,
        count(*) FILTER (WHERE f.due_start <= k)::int AS due_to_start, count(*) FILTER (WHERE f.started <= k)::int AS started,
        count(*) FILTER (WHERE f.due_complete <= k)::int AS due_to_complete, count(*) FILTER (WHERE f.completed_on_time <= k)::int AS completed_on_time,
        count(*) FILTER (WHERE f.due_produce <= k)::int AS due_to_produce, count(*) FILTER (WHERE f.producing <= k)::int AS producing,
        count(*) FILTER (WHERE f.reported[k])::int AS reported_count
      FROM stats_project_years f CROSS JOIN generate_series(1, 12) AS k GROUP BY 1, 2, 3
    ),
    -- A region and year whose last project left keeps a row of zeros.
    got AS (SELECT * FROM stats_groups WHERE project_count <> 0 OR (${cols.map((c) => `${c} <> 0`).join(' OR ')}))
    SELECT to_jsonb(got) AS got, to_jsonb(want) AS want FROM got FULL JOIN want USING (region_code, year, month)
    WHERE (got.region_path, ${cols.map((c) => `got.${c}`).join(', ')}) IS DISTINCT FROM (want.region_path, ${cols.map((c) => `want.${c}`).join(', ')})`);
  return res.rows;
}

/** Everything the statistics read equals what the reports, plans and ledger say now. */
async function expectDerivedTrue() {
  const b = await both();
  expect(b.stored).toEqual(b.fresh);
  const f = await facts();
  expect(f.stored.length).toBeGreaterThan(0);
  expect(f.stored).toEqual(f.fresh);
  expect(await groupMismatches()).toEqual([]);
  // Every committed transaction's changes to the sums were added in at its commit: none left pending.
  expect((await t.database.pool.query('SELECT count(*)::int AS n FROM stats_group_deltas')).rows[0].n).toBe(0);
}

describe('report rollups', () => {
  it('equal the approved reports after the example is loaded', async () => {
    const { stored, fresh } = await both();
    expect(stored.length).toBeGreaterThan(5);
    expect(stored).toEqual(fresh);
  });

  it('follow approvals, corrections to negative amounts, returns and deletes', async () => {
    const id = await report(t.database.db, P.A, { year: 2024, month: 12, investment: '120.5', funds: '80', status: 'submitted' });
    expect((await both()).stored.find((r) => r.project_id === P.A && r.year === 2024).rm).toContain('f}');
    await setReport(t.database.db, id, { status: 'approved' });
    let b = await both();
    expect(b.stored).toEqual(b.fresh);
    expect(b.stored.find((r) => r.project_id === P.A && r.year === 2024).rm.endsWith('t}')).toBe(true);
    await setReport(t.database.db, id, { investment: '-30.25', corrected: true });
    b = await both();
    expect(b.stored).toEqual(b.fresh);
    await setReport(t.database.db, id, { status: 'returned' });
    b = await both();
    expect(b.stored).toEqual(b.fresh);
    await t.database.db.execute(sql`DELETE FROM progress_reports WHERE project_id = ${P.B}::uuid`);
    b = await both();
    expect(b.stored).toEqual(b.fresh);
    expect(b.stored.some((r) => r.project_id === P.B)).toBe(false);
  });

  it('follow a statement that touches many projects at once, and go with a deleted project', async () => {
    await t.database.db.execute(sql`UPDATE progress_reports SET investment = investment * 2 WHERE status = 'approved'`);
    let b = await both();
    expect(b.stored).toEqual(b.fresh);
    const extra = await buildProject(t.database.db, { code: 'RU-1' });
    await report(t.database.db, extra.id, { year: 2023, month: 3, investment: '10' });
    await report(t.database.db, extra.id, { year: 2024, month: 1, investment: '5' });
    b = await both();
    expect(b.stored.filter((r) => r.project_id === extra.id).map((r) => r.year)).toEqual([2023, 2024]);
    await t.database.db.execute(sql`DELETE FROM projects WHERE id = ${extra.id}::uuid`);
    b = await both();
    expect(b.stored).toEqual(b.fresh);
    expect(b.stored.some((r) => r.project_id === extra.id)).toBe(false);
  });
});

describe('the statistics\' facts and their sums per region', () => {
  it('equal a rebuild after the example and after the report changes above', async () => {
    await expectDerivedTrue();
    const n = await t.database.pool.query('SELECT count(*)::int AS n FROM stats_groups WHERE project_count > 0');
    expect(n.rows[0].n).toBeGreaterThan(12);
  });

  it('follow reports: approvals, corrections, returns and deletes', async () => {
    const id = await report(t.database.db, P.C, { year: 2024, month: 11, investment: '75.5', funds: '20', status: 'submitted' });
    await expectDerivedTrue();
    await setReport(t.database.db, id, { status: 'approved' });
    await expectDerivedTrue();
    await setReport(t.database.db, id, { investment: '-12.3456', corrected: true });
    await expectDerivedTrue();
    await setReport(t.database.db, id, { status: 'returned' });
    await expectDerivedTrue();
    // An earlier year's report changes the cumulative figures of every later year.
    const old = await report(t.database.db, P.C, { year: 2022, month: 5, investment: '333' });
    await expectDerivedTrue();
    await t.database.db.execute(sql`DELETE FROM progress_reports WHERE id = ${old}::uuid`);
    await expectDerivedTrue();
  });

  it('follow plans: added with a monthly split, changed, removed', async () => {
    await setPlan(t.database.db, P.C, 2025, { planned: '900', monthly: ['100', '0', '200', '0', '0', '0', '300', '0', '0', '0', '0', '300'], mustStart: true });
    await expectDerivedTrue();
    await setPlan(t.database.db, P.C, 2025, { planned: '1000.5', monthly: null, mustComplete: true, mustProduce: true });
    await expectDerivedTrue();
    await t.database.db.execute(sql`UPDATE annual_plans SET planned_investment = planned_investment + 1`);
    await expectDerivedTrue();
    await t.database.db.execute(sql`DELETE FROM annual_plans WHERE project_id = ${P.C}::uuid AND year = 2025`);
    await expectDerivedTrue();
  });

  it('stay true when two transactions change one project, or two projects of one county, at once', async () => {
    const { pool, engine } = t.database;
    // On PostgreSQL, a second transaction changing the same project waits for the first (the project's
    // row lock) and must then count what the first committed; one changing another project of the same
    // county does not wait (its changes to the county's sums are added at its commit). PGlite has one
    // session: in turn.
    const both = async (first: [string, unknown[]], second: [string, unknown[]], waits: boolean) => {
      const a = await pool.connect();
      const b = await pool.connect();
      try {
        await a.query('BEGIN');
        await a.query(...first);
        if (engine === 'postgres') {
          const pid = (await b.query('SELECT pg_backend_pid() AS pid')).rows[0].pid;
          await b.query('BEGIN');
          let done = false;
          const waiting = b.query(...second).then(() => { done = true; });
          let blocked = false;
          for (let i = 0; i < 200 && !blocked && !done; i++) {
            blocked = (await pool.query(`SELECT wait_event_type FROM pg_stat_activity WHERE pid = $1`, [pid])).rows[0]?.wait_event_type === 'Lock';
            if (!blocked) await new Promise((r) => setTimeout(r, 25));
          }
          expect(blocked).toBe(waits);
          expect(done).toBe(!waits);
          if (!waits) {
            // Both have changed the county's sums; the later one commits first.
            await waiting;
            await b.query('COMMIT');
          }
          await a.query('COMMIT');
          await waiting;
        } else {
          await a.query('COMMIT');
          await b.query('BEGIN');
          await b.query(...second);
        }
        if (engine !== 'postgres' || waits) await b.query('COMMIT');
      } finally {
        a.release();
        b.release();
      }
    };
    // One project: a plan change, and a report correction of the same project.
    await both(
      [`UPDATE annual_plans SET planned_investment = planned_investment + 100 WHERE project_id = $1 AND year = 2024`, [P.A]],
      [`UPDATE progress_reports SET investment = investment + 1 WHERE project_id = $1 AND status = 'approved' AND year = 2024`, [P.A]],
      true,
    );
    await expectDerivedTrue();
    // Two projects of one county: both change the county's sums.
    await both(
      [`UPDATE annual_plans SET planned_investment = planned_investment + 10 WHERE project_id = $1 AND year = 2024`, [P.A]],
      [`UPDATE annual_plans SET planned_investment = planned_investment + 20 WHERE project_id = $1 AND year = 2024`, [P.B]],
      false,
    );
    await expectDerivedTrue();
  });

  it('follow the ledger: dates, investment, opening balance, withdrawal, a move to another region, a deletion', async () => {
    const db = t.database.db;
    const before = (await t.database.pool.query(`SELECT year FROM stats_project_years WHERE project_id = $1 ORDER BY year`, [P.A])).rows;
    expect(before.length).toBeGreaterThan(0);
    await db.execute(sql`UPDATE projects SET actual_start = '2024-06-30', planned_completion = '2024-02-10', actual_production = NULL WHERE id = ${P.A}::uuid`);
    await expectDerivedTrue();
    await db.execute(sql`UPDATE projects SET total_investment = total_investment + 10, opening_investment = 5, opening_funds_arrived = 7 WHERE id = ${P.A}::uuid`);
    await expectDerivedTrue();
    await db.execute(sql`UPDATE projects SET region_code = ${REGIONS.gaotang.code}, region_path = ${REGIONS.gaotang.path} WHERE id = ${P.A}::uuid`);
    await expectDerivedTrue();
    expect((await t.database.pool.query(`SELECT DISTINCT region_code FROM stats_project_years WHERE project_id = $1`, [P.A])).rows).toEqual([{ region_code: REGIONS.gaotang.code }]);
    // Withdrawn: counted only in the years it has approved reports.
    await db.execute(sql`UPDATE projects SET stage = 'withdrawn' WHERE id = ${P.A}::uuid`);
    await expectDerivedTrue();
    const reported = (await t.database.pool.query(`SELECT DISTINCT year FROM progress_reports WHERE project_id = $1 AND status = 'approved' ORDER BY year`, [P.A])).rows;
    expect((await t.database.pool.query(`SELECT year FROM stats_project_years WHERE project_id = $1 ORDER BY year`, [P.A])).rows).toEqual(reported);
    await db.execute(sql`UPDATE projects SET stage = 'construction' WHERE id = ${P.A}::uuid`);
    await expectDerivedTrue();
    expect((await t.database.pool.query(`SELECT year FROM stats_project_years WHERE project_id = $1 ORDER BY year`, [P.A])).rows).toEqual(before);
    const gone = await buildProject(db, { code: 'RU-2', regionCode: REGIONS.shen.code });
    await setPlan(db, gone.id, 2024, { planned: '50' });
    await report(db, gone.id, { year: 2024, month: 2, investment: '7' });
    await expectDerivedTrue();
    await db.execute(sql`DELETE FROM projects WHERE id = ${gone.id}::uuid`);
    await expectDerivedTrue();
    expect((await t.database.pool.query(`SELECT 1 FROM stats_project_years WHERE project_id = $1`, [gone.id])).rows).toEqual([]);
  });
});
