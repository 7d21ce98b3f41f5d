// The server's daily scheduled work: when it next runs, and that a run climbs overdue roadblocks
// (the same escalate() as `npx tuijin escalate`) and is safe to repeat.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { msUntilNextRun, startScheduler } from '../src/server/jobs/scheduler.ts';
import { buildTestApp, type TestApp } from './helpers/app.ts';
import { buildProject, createOrg, REGIONS, seedTestRegions } from './helpers/factories.ts';
import { insertProblem } from './helpers/problem-rows.ts';

describe('msUntilNextRun', () => {
  it('counts to the next run hour in China time, never zero', () => {
    // 2024-10-08 07:30 China time = 2024-10-07 23:30 UTC → 30 minutes to 08:00.
    expect(msUntilNextRun(new Date('2024-10-07T23:30:00Z'), 8)).toBe(30 * 60_000);
    // Exactly 08:00 China time: the next run is tomorrow's.
    expect(msUntilNextRun(new Date('2024-10-08T00:00:00Z'), 8)).toBe(24 * 3600_000);
    // 20:00 China time → 12 hours.
    expect(msUntilNextRun(new Date('2024-10-08T12:00:00Z'), 8)).toBe(12 * 3600_000);
    // Midnight run, 23:59:30 China time → 30 s.
    expect(msUntilNextRun(new Date('2024-10-08T15:59:30Z'), 0)).toBe(30_000);
  });
});

describe('a scheduled run', () => {
  let t: TestApp;
  let problemId = '';
  beforeAll(async () => {
    t = await buildTestApp();
    const db = t.database.db;
    await seedTestRegions(db);
    const dept = await createOrg(db, { name: '市自然资源和规划局', kind: 'department', regionCode: REGIONS.city.code });
    const p = await buildProject(db, { code: 'SCH-1', name: '定时任务测试项目', stage: 'construction' });
    // Not accepted by 2024-09-24: long overdue by any clock after it.
    problemId = (await insertProblem(db, { projectId: p.id, departmentId: dept.id, acceptDue: '2024-09-24' })).id;
  });
  afterAll(() => t.close());

  it('climbs the overdue roadblock, logs what it did, skips a second run the same day and changes nothing on the next', async () => {
    const lines: string[] = [];
    let now = new Date('2024-11-20T02:00:00Z');
    const s = startScheduler(t.database.db, { log: (m) => lines.push(m), catchUpDelayMs: -1, now: () => now });
    try {
      expect(await s.runNow()).toMatchObject({ status: 'done', day: '2024-11-20' });
      const level = async () => (await t.database.db.execute<{ l: number }>(sql`SELECT escalation_level AS l FROM problems WHERE id = ${problemId}::uuid`)).rows[0]!.l;
      expect(await level()).toBe(3);
      expect(lines[0]).toContain('定时任务（2024-11-20）');
      expect(lines[0]).toContain('升级 1 个');
      expect(await s.runNow()).toMatchObject({ status: 'skipped', day: '2024-11-20', holder: { owner: s.instance, state: 'done' } });
      expect(lines[1]).toContain('本服务器跳过');
      now = new Date('2024-11-21T02:00:00Z');
      expect(await s.runNow()).toMatchObject({ status: 'done', day: '2024-11-21' });
      expect(await level()).toBe(3);
      expect(lines[2]).toContain('升级 0 个');
      expect(lines[2]).not.toContain('整理数据库');
    } finally {
      s.stop();
    }
  });

  it('vacuums and analyses after the run where asked (the embedded database has no autovacuum)', async () => {
    const lines: string[] = [];
    const db = t.database.db;
    const vacuumed = async () => (await db.execute<{ n: number }>(sql`SELECT coalesce(vacuum_count, 0)::int + coalesce(autovacuum_count, 0)::int AS n
      FROM pg_stat_user_tables WHERE relname = 'problems'`)).rows[0]!.n;
    const before = await vacuumed();
    const s = startScheduler(db, { log: (m) => lines.push(m), catchUpDelayMs: -1, vacuum: true, now: () => new Date('2024-11-22T02:00:00Z') });
    try {
      expect(await s.runNow()).toMatchObject({ status: 'done', day: '2024-11-22' });
    } finally {
      s.stop();
    }
    expect(lines[0]).toContain('已整理数据库');
    expect(await vacuumed()).toBeGreaterThan(before);
  });
});
