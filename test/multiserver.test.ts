// Two app servers against one database, as behind a load balancer (docs/scaling.md): two buildApp()
// instances, each with its own connection pool to the same database — PostgreSQL when
// TEST_DATABASE_URL is set, else the PGlite test database served on its socket. Sessions and the
// sign-in lock-out live in the database, so any server honours them; the schedulers of both fire the
// daily run at the same moment and exactly one does it; both seal the audit log at once and the
// chain holds; concurrent saves through the two servers meet the report's version check.
import { drizzle } from 'drizzle-orm/node-postgres';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database, Db } from '../src/server/db/client.ts';
import * as schema from '../src/server/db/schema/index.ts';
import { startScheduler, type Scheduler } from '../src/server/jobs/scheduler.ts';
import { SEAL_LOCK, verifyAudit } from '../src/server/modules/audit/audit.chain.ts';
import { buildTestApp, sessionClient, signIn, type Client, type TestApp } from './helpers/app.ts';
import { buildProject, createOrg, createPerson, createUser, REGIONS, seedTestRegions, TEST_PASSWORD } from './helpers/factories.ts';
import { insertProblem } from './helpers/problem-rows.ts';
import { openPeriod, reportUrl } from './helpers/reporting.ts';

/** What another app server opens: its own pool on the same database. */
function anotherPool(first: Database): Database {
  const pool = new pg.Pool({ ...first.pool.options, max: 5 });
  pool.on('error', () => {});
  return { db: drizzle(pool, { schema }), pool, engine: first.engine, ownsEmbedded: false, close: () => pool.end() };
}

let A: TestApp;
let B: TestApp;
let db: Db;
const ids: Record<string, string> = {};

async function rows<T>(q: ReturnType<typeof sql>): Promise<T[]> {
  return (await db.execute(q)).rows as T[];
}

beforeAll(async () => {
  A = await buildTestApp();
  B = await buildTestApp(anotherPool(A.database));
  db = A.database.db;
  await seedTestRegions(db);
  const dept = await createOrg(db, { name: '市自然资源和规划局', kind: 'department', regionCode: REGIONS.city.code });
  const gov = await createOrg(db, { name: '东昌府区人民政府', kind: 'government', regionCode: REGIONS.dongchangfu.code });
  const company = await createOrg(db, { name: '聊城新材料有限公司', regionCode: REGIONS.dongchangfu.code });
  const leader = await createPerson(db, { name: '王副市长', regionCode: REGIONS.city.code });
  for (const [username, role, regionCode, extra] of [
    ['office', 'office', REGIONS.city.code, {}],
    ['dongOffice', 'office', REGIONS.dongchangfu.code, {}],
    ['dept', 'department', REGIONS.city.code, { orgId: dept.id }],
    ['leader', 'leader', REGIONS.city.code, { personId: leader.id }],
    ['unit', 'unit', REGIONS.dongchangfu.code, { orgId: gov.id }],
    ['owner', 'owner', REGIONS.dongchangfu.code, { orgId: company.id }],
    ['victim', 'viewer', REGIONS.dongchangfu.code, {}],
  ] as const) ids[username] = (await createUser(db, { username, role, regionCode, ...extra })).id;
  const common = { stage: 'construction', leaderPersonId: leader.id, responsibleOrgId: gov.id, ownerOrgId: company.id };
  const projects = await Promise.all([1, 2, 3].map((i) => buildProject(db, { code: `MS-${i}`, name: `多服务器测试项目${i}`, ...common })));
  ids.project = projects[0]!.id;
  // Overdue on 2024-11-20 by very different margins: levels 3, 2 and 1 respectively.
  for (const [i, acceptDue] of ['2024-09-24', '2024-11-12', '2024-11-18'].entries()) {
    ids[`problem${i}`] = (await insertProblem(db, { projectId: projects[i]!.id, departmentId: dept.id, acceptDue })).id;
  }
  // Two supervision orders past their deadline: each puts its project on the accountability list once.
  for (const [i, p] of projects.slice(0, 2).entries()) {
    await db.execute(sql`
      INSERT INTO supervision_orders (number, project_id, region_path, responsible_org_id, leader_person_id, reason, deadline)
      VALUES (${`聊督〔2024〕10-00${i + 1}`}, ${p.id}, ${p.regionPath}, ${gov.id}, ${leader.id}, '2024年10月亮红牌', '2024-11-01')`);
  }
});

afterAll(async () => {
  await B?.close();
  await A?.close();
});

describe('sessions live in the database', () => {
  it('a session opened on A works on B, and signing out on A ends it on B', async () => {
    const s = await signIn(A.app, 'owner');
    const onB = sessionClient(B.app, s);
    const me = await onB.get('/api/v1/auth/me');
    expect(me.statusCode, me.body).toBe(200);
    expect(me.json().user.username).toBe('owner');
    // A write on B with the CSRF token A issued.
    const token = await onB.post('/api/v1/auth/tokens', { name: '多服务器' });
    expect(token.statusCode, token.body).toBe(200);
    expect((await sessionClient(A.app, s).post('/api/v1/auth/logout')).statusCode).toBe(200);
    const after = await onB.get('/api/v1/auth/me');
    expect(after.statusCode).toBe(401);
    expect(after.json().error.code).toBe('unauthenticated');
  });

  it('a password changed on B ends the sessions the user had on A', async () => {
    const s = await signIn(A.app, 'leader');
    const other = await signIn(B.app, 'leader');
    const changed = await sessionClient(B.app, other).post('/api/v1/auth/password', { currentPassword: TEST_PASSWORD, newPassword: 'Another-Passw0rd-2024' });
    expect(changed.statusCode, changed.body).toBe(200);
    expect((await sessionClient(A.app, s).get('/api/v1/auth/me')).statusCode).toBe(401);
    await db.execute(sql`UPDATE users SET password_hash = (SELECT password_hash FROM users WHERE username = 'owner') WHERE username = 'leader'`);
  });

  it('failed sign-ins count across servers: five spread over A and B lock the account on both', async () => {
    const attempt = (app: TestApp, password: string) => app.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'victim', password } });
    const codes: number[] = [];
    for (const app of [A, B, A, B]) codes.push((await attempt(app, 'wrong-password')).statusCode);
    expect(codes).toEqual([401, 401, 401, 401]);
    const fifth = await attempt(A, 'wrong-password');
    expect(fifth.statusCode).toBe(423);
    // The right password is refused on the other server too while the lock lasts.
    const right = await attempt(B, TEST_PASSWORD);
    expect(right.statusCode).toBe(423);
    expect(right.json().error.message).toContain('已锁定');
  });
});

describe('the daily run with a scheduler on each server', () => {
  const schedulers: Scheduler[] = [];
  const logs: Record<string, string[]> = { A: [], B: [] };
  let now = new Date('2024-11-20T00:00:00Z'); // 08:00 China time
  const start = (name: 'A' | 'B', t: TestApp) =>
    schedulers.push(startScheduler(t.database.db, { instance: name, log: (m) => logs[name]!.push(m), catchUpDelayMs: -1, sealEveryMs: -1, now: () => now }));
  beforeAll(() => {
    start('A', A);
    start('B', B);
  });
  afterAll(() => schedulers.forEach((s) => s.stop()));

  const duplicates = async () => ({
    events: await rows<{ n: number }>(sql`SELECT count(*)::int AS n FROM problem_events WHERE action = 'escalated'
      GROUP BY problem_id, data->>'to' HAVING count(*) > 1`),
    notifications: await rows<{ n: number }>(sql`SELECT count(*)::int AS n FROM notifications
      GROUP BY user_id, kind, entity_id, title HAVING count(*) > 1`),
    entries: await rows<{ n: number }>(sql`SELECT count(*)::int AS n FROM accountability_entries GROUP BY order_id, reason HAVING count(*) > 1`),
  });

  it('fired at the same moment, one server escalates and the other logs that it skipped', async () => {
    // A session that ended two days ago goes; a live one stays.
    await db.execute(sql`INSERT INTO sessions (id, user_id, csrf_token, expires_at)
      SELECT 'expired-session', id, 'x', now() - interval '2 days' FROM users WHERE username = 'office'`);
    const live = await signIn(B.app, 'dongOffice');
    const [a, b] = await Promise.all(schedulers.map((s) => s.runNow()));
    expect([a!.status, b!.status].sort()).toEqual(['done', 'skipped']);
    const [doer, skipper] = a!.status === 'done' ? ['A', 'B'] : ['B', 'A'];
    expect(logs[doer!]).toEqual([expect.stringContaining('升级 3 个；督办单超期列入约谈 2 个')]);
    expect(logs[skipper!]).toEqual([expect.stringMatching(new RegExp(`定时任务（2024-11-20）：(正由|已由)服务器 ${doer} 执行.*本服务器跳过`))]);

    // Each roadblock climbed once to its level, with one event per level climbed.
    const levels = await rows<{ id: string; level: number; events: number }>(sql`
      SELECT p.id, p.escalation_level AS level, (SELECT count(*)::int FROM problem_events e WHERE e.problem_id = p.id AND e.action = 'escalated') AS events
      FROM problems p ORDER BY p.code`);
    expect(levels.map((l) => [l.id, l.level, l.events])).toEqual([[ids.problem0, 3, 3], [ids.problem1, 2, 2], [ids.problem2, 1, 1]]);
    // One set of notices: level 1 tells the department and the county office, 2 the department and the
    // lead leader, 3 the department and the city office — 6 + 4 + 2 — and two accountability notices
    // each for the unit and the leader.
    const notices = await rows<{ kind: string; username: string; n: number }>(sql`
      SELECT n.kind, u.username, count(*)::int AS n FROM notifications n JOIN users u ON u.id = n.user_id
      GROUP BY n.kind, u.username ORDER BY n.kind, u.username`);
    expect(notices).toEqual([
      { kind: 'accountability', username: 'leader', n: 2 },
      { kind: 'accountability', username: 'unit', n: 2 },
      { kind: 'problem_escalated', username: 'dept', n: 6 },
      { kind: 'problem_escalated', username: 'dongOffice', n: 3 },
      { kind: 'problem_escalated', username: 'leader', n: 2 },
      { kind: 'problem_escalated', username: 'office', n: 1 },
    ]);
    const entries = await rows<{ n: number }>(sql`SELECT count(*)::int AS n FROM accountability_entries WHERE reason = 'overdue_order'`);
    expect(entries[0]!.n).toBe(2);
    const audits = await rows<{ n: number }>(sql`SELECT count(*)::int AS n FROM audit_log WHERE action IN ('escalate', 'accountability.added')`);
    expect(audits[0]!.n).toBe(5);
    expect(await duplicates()).toEqual({ events: [], notifications: [], entries: [] });
    expect(logs[doer!]![0]).toContain('清理过期会话 1 个');
    expect(await rows(sql`SELECT 1 FROM sessions WHERE id = 'expired-session'`)).toEqual([]);
    expect((await sessionClient(A.app, live).get('/api/v1/auth/me')).statusCode).toBe(200);
  });

  it('a server that starts later the same day does not repeat the run', async () => {
    const late = startScheduler(B.database.db, { instance: 'C', log: () => {}, catchUpDelayMs: -1, sealEveryMs: -1, now: () => now });
    try {
      expect(await late.runNow()).toMatchObject({ status: 'skipped', holder: { run: '2024-11-20', state: 'done' } });
    } finally {
      late.stop();
    }
  });

  it('the next day, the office running the ladder on A while B’s scheduler runs it doubles nothing', async () => {
    now = new Date('2024-11-26T00:00:00Z');
    // New today: a roadblock overdue and a third order past its deadline.
    const p3 = await buildProject(db, { code: 'MS-4', name: '多服务器测试项目4', stage: 'construction' });
    const dept = (await rows<{ id: string }>(sql`SELECT id FROM organizations WHERE kind = 'department'`))[0]!.id;
    await insertProblem(db, { projectId: p3.id, departmentId: dept, acceptDue: '2024-11-22' });
    await db.execute(sql`
      INSERT INTO supervision_orders (number, project_id, region_path, reason, deadline, responsible_org_id)
      SELECT '聊督〔2024〕10-003', id, region_path, '2024年10月亮红牌', '2024-11-20', responsible_org_id FROM projects WHERE code = 'MS-3'`);
    const office = sessionClient(A.app, await signIn(A.app, 'office'));
    const [manual, scheduled] = await Promise.all([office.post('/api/v1/problems/escalate?at=2024-11-26'), schedulers[1]!.runNow()]);
    expect(manual.statusCode, manual.body).toBe(200);
    expect(scheduled.status).toBe('done');
    const levels = await rows<{ code: string; level: number }>(sql`
      SELECT pr.code, p.escalation_level AS level FROM problems p JOIN projects pr ON pr.id = p.project_id ORDER BY pr.code`);
    expect(levels).toEqual([{ code: 'MS-1', level: 3 }, { code: 'MS-2', level: 3 }, { code: 'MS-3', level: 2 }, { code: 'MS-4', level: 1 }]);
    const entries = await rows<{ n: number }>(sql`SELECT count(*)::int AS n FROM accountability_entries WHERE reason = 'overdue_order'`);
    expect(entries[0]!.n).toBe(3);
    expect(await duplicates()).toEqual({ events: [], notifications: [], entries: [] });
  });

  it('both seal the audit log at once: every entry sealed once, no chain place twice, the chain verifies', async () => {
    const office = [sessionClient(A.app, await signIn(A.app, 'office')), sessionClient(B.app, await signIn(B.app, 'office'))];
    // Each API token created is an audit entry.
    const write = (c: Client, i: number) => c.post('/api/v1/auth/tokens', { name: `封存测试 ${i}` });
    for (let round = 0; round < 4; round++) {
      // Entries written through both servers, then both sealers at once: one seals them all, the other none.
      const writes = await Promise.all(office.flatMap((c, k) => [0, 1, 2].map((i) => write(c, round * 6 + k * 3 + i))));
      writes.forEach((w) => expect(w.statusCode, w.body).toBe(200));
      const [waiting] = await rows<{ n: number }>(sql`SELECT count(*)::int AS n FROM audit_log WHERE chain_seq IS NULL`);
      const sealed = await Promise.all(schedulers.map((s) => s.sealNow()));
      expect(sealed.map((n) => n ?? 0).sort((x, y) => x - y)).toEqual([0, waiting!.n]);
    }
    // Sealing while writes still arrive through both servers.
    await Promise.all([...schedulers.map((s) => s.sealNow()), ...office.map((c, k) => write(c, k)), ...schedulers.map((s) => s.sealNow())]);
    // A server finding another one sealing skips at once and says so. (PGlite has a single session,
    // which every connection shares, so there no other server can be holding the lock.)
    const holder = new pg.Client({ ...A.database.pool.options });
    await holder.connect();
    try {
      await holder.query('SELECT pg_advisory_lock($1)', [SEAL_LOCK]);
      const [waiting] = await rows<{ n: number }>(sql`SELECT count(*)::int AS n FROM audit_log WHERE chain_seq IS NULL`);
      const n = await schedulers[0]!.sealNow();
      if (A.database.engine === 'postgres') {
        expect(n).toBeNull();
        expect(logs.A!.at(-1)).toBe('审计日志封存：另一台服务器正在封存，本次跳过');
      } else expect(n).toBe(waiting!.n);
    } finally {
      await holder.query('SELECT pg_advisory_unlock($1)', [SEAL_LOCK]);
      await holder.end();
    }
    const v = await verifyAudit(A.database.db);
    expect(v).toMatchObject({ ok: true, unsealed: 0 });
    const [chain] = await rows<{ n: number; distinct: number; max: number }>(sql`
      SELECT count(chain_seq)::int AS n, count(DISTINCT chain_seq)::int AS distinct, max(chain_seq)::int AS max FROM audit_log`);
    expect(chain).toEqual({ n: v.sealed, distinct: v.sealed, max: v.sealed });
  });
});

describe('a report saved through both servers at once', () => {
  it('one save wins and the stale one gets the version conflict, round after round', async () => {
    const office = sessionClient(A.app, await signIn(A.app, 'office'));
    const period = await openPeriod(office, { year: 2026, month: 3 });
    const url = reportUrl(ids.project!, period.id);
    const owner = sessionClient(A.app, await signIn(A.app, 'owner'));
    const unit = sessionClient(B.app, await signIn(B.app, 'unit'));
    for (let version = 0; version < 4; version++) {
      const [a, b] = await Promise.all([
        owner.put(url, { version, investment: String(100 + version), progressText: '业主经服务器 A 填报' }),
        unit.put(url, { version, investment: String(200 + version), progressText: '责任单位经服务器 B 代填' }),
      ]);
      expect([a.statusCode, b.statusCode].sort()).toEqual([200, 409]);
      const [winner, loser] = a.statusCode === 200 ? [a, b] : [b, a];
      expect(loser.json().error).toMatchObject({ code: 'conflict', details: [{ field: 'version' }] });
      // Either server reads the winner's figures at the next version.
      for (const c of [owner, unit]) expect((await c.get(url)).json()).toMatchObject({ version: version + 1, investment: winner.json().investment });
    }
  });
});
