// report_rollups are kept by statement triggers on progress_reports: after inserts, updates (figures,
// status, a correction's negative amount) and deletes, in one statement or many, they equal what the
// approved reports say — the statistics read them instead of the reports.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from './helpers/app.ts';
import { buildProject } from './helpers/factories.ts';
import { report, setReport, setUpStatsExample } from './helpers/stats.ts';

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
