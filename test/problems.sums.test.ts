// problem_stat_groups — what the roadblock statistics count that does not depend on the day, per region,
// lead department and category — is kept by statement triggers on problems. After inserts (one and many),
// solving, closing, reopening, rerouting, recategorising, a region change, deletes (one, many, and with
// their project), a rolled-back transaction and two transactions of one county at once, it must equal a
// count from the roadblocks; and the statistics read from it must give, for every grouping and region,
// the figures counted from every roadblock.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../src/server/db/client.ts';
import { problemStatsSums, type ProblemStatsGroup } from '../src/server/modules/problems/problems.stats.ts';
import { buildTestApp, type TestApp } from './helpers/app.ts';
import { buildProject, createOrg, REGIONS, seedTestRegions } from './helpers/factories.ts';
import { insertProblem } from './helpers/problem-rows.ts';

let t: TestApp;
let db: Db;
const projects: string[] = [];
const departments: string[] = [];

const STATUSES = ['open', 'accepted', 'solved', 'closed', 'reopened'] as const;
const CATEGORIES = ['land', 'approvals', 'funding', 'other'];

/** A small deterministic sequence (the same roadblocks every run). */
function sequence(seed: number) {
  let s = seed;
  return (n: number) => {
    s = (s * 1103515245 + 12345) % 2147483648;
    return s % n;
  };
}

const day = (base: string, plus: number) => new Date(Date.parse(`${base}T00:00:00Z`) + plus * 86_400_000).toISOString().slice(0, 10);

beforeAll(async () => {
  t = await buildTestApp();
  db = t.database.db;
  await seedTestRegions(db);
  for (const name of ['市自然资源和规划局', '市发展和改革委员会', '市生态环境局']) {
    departments.push((await createOrg(db, { name, kind: 'department', regionCode: REGIONS.city.code })).id);
  }
  for (const [i, region] of [REGIONS.shen, REGIONS.shen, REGIONS.gaotang, REGIONS.city].entries()) {
    projects.push((await buildProject(db, { name: `问题统计项目${i + 1}`, regionCode: region.code })).id);
  }
  const next = sequence(7);
  for (let i = 0; i < 48; i++) {
    const status = STATUSES[next(STATUSES.length)]!;
    const raisedOn = day('2024-06-01', next(200));
    const solved = status === 'solved' || status === 'closed';
    await insertProblem(db, {
      projectId: projects[next(projects.length)]!,
      departmentId: departments[next(departments.length)]!,
      category: CATEGORIES[next(CATEGORIES.length)]!,
      status,
      raisedOn,
      acceptDue: day(raisedOn, 3 + next(5)),
      // Some solved ones have no date of their own (solved before accepting one).
      dueDate: status === 'open' || (solved && next(4) === 0) ? null : day(raisedOn, 10 + next(40)),
      solvedOn: solved ? day(raisedOn, next(60)) : null,
    });
  }
  // The edges: solved on its own deadline (on time), and raised half an hour after midnight China time
  // (the previous day in UTC) and solved on its deadline at 23:30 China time (the next day in UTC).
  const edge = { projectId: projects[0]!, departmentId: departments[0]!, category: 'land', status: 'closed' as const, acceptDue: '2024-09-05' };
  await insertProblem(db, { ...edge, raisedOn: '2024-09-01', dueDate: '2024-09-20', solvedOn: '2024-09-20' });
  const late = await insertProblem(db, { ...edge, raisedOn: '2024-09-01', dueDate: '2024-09-20', solvedOn: '2024-09-20' });
  await db.execute(sql`UPDATE problems SET raised_at = '2024-09-01T00:30:00+08:00', solved_at = '2024-09-20T23:30:00+08:00' WHERE id = ${late.id}`);
});
afterAll(() => t.close());

/** The stored sums (groups with anything counted), and the same sums counted from the roadblocks now. */
async function both() {
  const q = async (text: string) => (await t.database.pool.query(text)).rows;
  const cols = `region_path, department_id::text AS department_id, category, total::int, solved::int, solved_on_time::int, days_sum::int, days_count::int`;
  const stored = await q(`SELECT ${cols} FROM problem_stat_groups
    WHERE total <> 0 OR solved <> 0 OR solved_on_time <> 0 OR days_sum <> 0 OR days_count <> 0 ORDER BY 1, 2, 3`);
  const fresh = await q(`SELECT ${cols} FROM (
      SELECT region_path, department_id, category, count(*) AS total,
        count(*) FILTER (WHERE status IN ('solved', 'closed')) AS solved,
        count(*) FILTER (WHERE status IN ('solved', 'closed') AND due_date IS NOT NULL
          AND ((solved_at AT TIME ZONE 'UTC') + interval '8 hours')::date <= due_date) AS solved_on_time,
        coalesce(sum(((solved_at AT TIME ZONE 'UTC') + interval '8 hours')::date - ((raised_at AT TIME ZONE 'UTC') + interval '8 hours')::date)
          FILTER (WHERE status IN ('solved', 'closed') AND solved_at IS NOT NULL), 0) AS days_sum,
        count(*) FILTER (WHERE status IN ('solved', 'closed') AND solved_at IS NOT NULL) AS days_count
      FROM problems GROUP BY 1, 2, 3) x ORDER BY 1, 2, 3`);
  return { stored, fresh };
}

async function expectSumsTrue() {
  const { stored, fresh } = await both();
  expect(fresh.length).toBeGreaterThan(0);
  expect(stored).toEqual(fresh);
  // Nothing is left waiting to be added.
  expect((await t.database.pool.query('SELECT count(*)::int AS n FROM problem_stat_deltas')).rows[0].n).toBe(0);
}

const GROUPINGS: ProblemStatsGroup[] = ['department', 'category', 'region'];
const TODAY = '2024-12-31';

describe('the roadblock statistics\' stored sums', () => {
  it('equal a count after the roadblocks are raised one by one, and give the figures counted from every roadblock', async () => {
    await expectSumsTrue();
    for (const region of [REGIONS.city, REGIONS.shen, REGIONS.gaotang, REGIONS.dongchangfu]) {
      for (const groupBy of GROUPINGS) {
        const o = { regionPath: region.path, groupBy, today: TODAY };
        const fromSums = await problemStatsSums(db, { ...o, visibility: 'subtree' });
        const counted = await problemStatsSums(db, { ...o, visibility: sql`true` });
        const order = (rows: typeof counted) => [...rows].sort((a, b) => String(a.key).localeCompare(String(b.key)) || Number(a.grand) - Number(b.grand));
        expect(order(fromSums), `${region.name} by ${groupBy}`).toEqual(order(counted));
      }
    }
    const city = await problemStatsSums(db, { regionPath: REGIONS.city.path, groupBy: 'category', today: TODAY, visibility: 'subtree' });
    expect(city.find((r) => r.grand)!.total).toBe(50);
    expect(city.find((r) => r.grand)!.avg_days).not.toBeNull();
  });

  it('follow solving, closing, reopening, rerouting, recategorising and a region change', async () => {
    const open = sql`status IN ('open', 'accepted', 'reopened')`;
    await db.execute(sql`UPDATE problems SET status = 'solved', solved_at = raised_at + interval '5 days', due_date = coalesce(due_date, (raised_at + interval '9 days')::date)
      WHERE id IN (SELECT id FROM problems WHERE ${open} ORDER BY code LIMIT 4)`);
    await expectSumsTrue();
    await db.execute(sql`UPDATE problems SET status = 'closed', closed_at = now() WHERE status = 'solved'`);
    await expectSumsTrue();
    await db.execute(sql`UPDATE problems SET status = 'reopened', solved_at = NULL WHERE id IN (SELECT id FROM problems WHERE status = 'closed' ORDER BY code LIMIT 3)`);
    await expectSumsTrue();
    await db.execute(sql`UPDATE problems SET department_id = ${departments[0]}::uuid WHERE id IN (SELECT id FROM problems WHERE department_id <> ${departments[0]}::uuid ORDER BY code LIMIT 5)`);
    await expectSumsTrue();
    await db.execute(sql`UPDATE problems SET category = 'energy_quota' WHERE id IN (SELECT id FROM problems ORDER BY code DESC LIMIT 5)`);
    await expectSumsTrue();
    await db.execute(sql`UPDATE problems SET region_path = ${REGIONS.gaotang.path} WHERE project_id = ${projects[0]}::uuid`);
    await expectSumsTrue();
    // What the statistics do not count adds nothing: accepting and escalating leave the sums as they were.
    const before = (await both()).stored;
    await db.execute(sql`UPDATE problems SET escalation_level = 2, escalated_at = now() WHERE ${open}`);
    expect((await both()).stored).toEqual(before);
  });

  it('follow deletes, one and many and with their project, and a rolled-back transaction leaves them as they were', async () => {
    await db.execute(sql`DELETE FROM problems WHERE id = (SELECT id FROM problems ORDER BY code LIMIT 1)`);
    await expectSumsTrue();
    await db.execute(sql`DELETE FROM problems WHERE category = 'energy_quota'`);
    await expectSumsTrue();
    await db.execute(sql`DELETE FROM projects WHERE id = ${projects[3]}::uuid`);
    await expectSumsTrue();
    const before = (await both()).stored;
    await expect(db.transaction(async (tx) => {
      await tx.execute(sql`UPDATE problems SET status = 'closed', solved_at = now(), closed_at = now()`);
      throw new Error('rolled back');
    })).rejects.toThrow('rolled back');
    expect((await both()).stored).toEqual(before);
    await expectSumsTrue();
  });

  it('age open roadblocks by China dates: half an hour either side of midnight is a day apart', async () => {
    const project = (await buildProject(db, { name: '东昌府问题项目', regionCode: REGIONS.dongchangfu.code })).id;
    const at = async (raisedAt: string) => {
      const r = await insertProblem(db, { projectId: project, departmentId: departments[0]!, acceptDue: '2025-01-10' });
      await db.execute(sql`UPDATE problems SET raised_at = ${raisedAt}::timestamptz WHERE id = ${r.id}`);
    };
    await at('2024-12-24T00:30:00+08:00'); // 7 days before 2024-12-31
    await at('2024-12-23T23:30:00+08:00'); // 8
    await at('2024-12-01T00:10:00+08:00'); // 30
    await at('2024-11-30T23:50:00+08:00'); // 31
    await at('2024-10-02T00:00:00+08:00'); // 90
    await at('2024-10-01T23:59:00+08:00'); // 91
    for (const visibility of ['subtree', sql`true`] as const) {
      const rows = await problemStatsSums(db, { regionPath: REGIONS.dongchangfu.path, groupBy: 'category', today: TODAY, visibility });
      expect(rows.find((r) => r.grand)).toMatchObject({ open: 6, d0_7: 1, d8_30: 2, d31_90: 2, d90plus: 1 });
    }
    await expectSumsTrue();
  });

  it('stay true when two transactions of one county change its roadblocks at once', async () => {
    const { pool, engine } = t.database;
    const a = await pool.connect();
    const b = await pool.connect();
    const ids = (await pool.query(`SELECT id FROM problems WHERE region_path = $1 ORDER BY code LIMIT 2`, [REGIONS.gaotang.path])).rows.map((r) => r.id as string);
    expect(ids).toHaveLength(2);
    const solve = `UPDATE problems SET status = 'solved', solved_at = raised_at + interval '2 days' WHERE id = $1`;
    try {
      await a.query('BEGIN');
      await a.query(solve, [ids[0]]);
      if (engine === 'postgres') {
        // Both change the same groups' sums; neither waits for the other (writers only add changes).
        await b.query('BEGIN');
        await b.query(solve, [ids[1]]);
        await b.query('COMMIT');
        await a.query('COMMIT');
      } else {
        // PGlite has one session: in turn.
        await a.query('COMMIT');
        await b.query(solve, [ids[1]]);
      }
    } finally {
      a.release();
      b.release();
    }
    await expectSumsTrue();
  });
});
