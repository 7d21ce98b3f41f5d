// Escalation by a fixed clock across the 2024 National Day holiday (Oct 1–7 off; Sun Sep 29 and
// Sat Oct 12 make-up workdays): the ladder climbs by working days overdue, only ever up, notifies
// each level's people once, and a second run on the same day changes nothing.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { runEscalateCommand } from '../src/server/cli/escalate.ts';
import type { Db } from '../src/server/db/client.ts';
import { projectTeamMembers, problemSettings } from '../src/server/db/schema/index.ts';
import { runEscalation } from '../src/server/modules/problems/problems.escalation.ts';
import { buildTestApp, login, type TestApp } from './helpers/app.ts';
import { buildProject, createOrg, createPerson, createUser, REGIONS, seedTestRegions } from './helpers/factories.ts';
import { insertProblem } from './helpers/problem-rows.ts';

let t: TestApp;
let db: Db;
const U: Record<string, string> = {};
const P: Record<string, string> = {};

async function unreadTitles(username: string): Promise<string[]> {
  const res = await db.execute<{ title: string }>(sql`
    SELECT n.title FROM notifications n JOIN users u ON u.id = n.user_id WHERE u.username = ${username} ORDER BY n.id`);
  return res.rows.map((r) => r.title);
}

async function state(id: string) {
  const res = await db.execute<{ escalation_level: number; escalated_at: Date | null; events: number }>(sql`
    SELECT escalation_level, escalated_at, (SELECT count(*)::int FROM problem_events e WHERE e.problem_id = p.id AND e.action = 'escalated') AS events
    FROM problems p WHERE p.id = ${id}`);
  return res.rows[0]!;
}

const levels = async () => ({ a: (await state(P.a!)).escalation_level, b: (await state(P.b!)).escalation_level });

beforeAll(async () => {
  t = await buildTestApp();
  db = t.database.db;
  await seedTestRegions(db);
  const dept = await createOrg(db, { name: '市自然资源和规划局', kind: 'department', regionCode: REGIONS.city.code });
  const leader = await createPerson(db, { name: '王副市长', regionCode: REGIONS.city.code });
  const teamPerson = await createPerson(db, { name: '李专班', regionCode: REGIONS.shen.code, isLeader: false });
  const gaotangLeader = await createPerson(db, { name: '赵县长', regionCode: REGIONS.gaotang.code });
  for (const [username, role, regionCode, extra] of [
    ['dept', 'department', REGIONS.city.code, { orgId: dept.id }],
    ['shenOffice', 'office', REGIONS.shen.code, {}],
    ['gaotangOffice', 'office', REGIONS.gaotang.code, {}],
    ['cityOffice', 'office', REGIONS.city.code, {}],
    ['provinceOffice', 'office', REGIONS.province.code, {}],
    ['leader', 'leader', REGIONS.city.code, { personId: leader.id }],
    ['gaotangLeader', 'leader', REGIONS.gaotang.code, { personId: gaotangLeader.id }],
    ['team', 'viewer', REGIONS.shen.code, { personId: teamPerson.id }],
  ] as const) U[username] = (await createUser(db, { username, role, regionCode, ...extra })).id;

  const shenProject = await buildProject(db, { name: '莘县调味品项目', regionCode: REGIONS.shen.code, leaderPersonId: leader.id });
  await db.insert(projectTeamMembers).values({ projectId: shenProject.id, personId: teamPerson.id, name: '李专班', role: 'member' });
  const gaotangProject = await buildProject(db, { name: '高唐板材项目', regionCode: REGIONS.gaotang.code, leaderPersonId: gaotangLeader.id });
  // 高唐 climbs faster up high and starts later: 2, 3, 4 working days.
  await db.insert(problemSettings).values({ regionCode: REGIONS.gaotang.code, acceptDays: 3, escalationDays: [2, 3, 4] });

  // a: not accepted by Friday Sep 27.
  P.a = (await insertProblem(db, { projectId: shenProject.id, departmentId: dept.id, title: '用地指标未落实', acceptDue: '2024-09-27' })).id;
  // b: accepted, not solved by Monday Sep 30 (the holiday follows).
  P.b = (await insertProblem(db, { projectId: gaotangProject.id, departmentId: dept.id, status: 'accepted', title: '电力接入滞后', acceptDue: '2024-09-25', dueDate: '2024-09-30' })).id;
  // Never climb: solved late, closed, deadline ahead.
  P.solved = (await insertProblem(db, { projectId: shenProject.id, departmentId: dept.id, status: 'solved', acceptDue: '2024-09-10', dueDate: '2024-09-12', solvedOn: '2024-09-20' })).id;
  P.closed = (await insertProblem(db, { projectId: shenProject.id, departmentId: dept.id, status: 'closed', acceptDue: '2024-09-10', dueDate: '2024-09-12', solvedOn: '2024-09-20' })).id;
  P.ahead = (await insertProblem(db, { projectId: shenProject.id, departmentId: dept.id, status: 'accepted', acceptDue: '2024-09-10', dueDate: '2024-12-31' })).id;
});
afterAll(() => t.close());

describe('escalation by a fixed clock', () => {
  it('nothing on the deadline day, nor on the Saturday after it (no working day overdue yet)', async () => {
    const fri = await runEscalation(db, '2024-09-27');
    expect(fri).toMatchObject({ at: '2024-09-27', checked: 0, overdue: 0, escalated: [] });
    const sat = await runEscalation(db, '2024-09-28');
    expect(sat).toMatchObject({ checked: 1, overdue: 0, escalated: [] });
    expect(await levels()).toEqual({ a: 0, b: 0 });
  });

  it('the make-up Sunday is the first working day overdue: level 1 notifies the department, the county office and the special team', async () => {
    const r = await runEscalation(db, '2024-09-29');
    expect(r.escalated).toEqual([
      expect.objectContaining({ problemId: P.a, from: 0, to: 1, kind: 'accept', deadline: '2024-09-27', overdueWorkdays: 1, notified: 3 }),
    ]);
    const a = await state(P.a!);
    expect(a).toMatchObject({ escalation_level: 1, events: 1 });
    expect(a.escalated_at).not.toBeNull();
    for (const u of ['dept', 'shenOffice', 'team']) expect(await unreadTitles(u)).toEqual([expect.stringContaining('问题升级至县级调度办/专班')]);
    for (const u of ['gaotangOffice', 'cityOffice', 'provinceOffice', 'leader', 'gaotangLeader']) expect(await unreadTitles(u)).toEqual([]);
    const [ev] = (await db.execute<{ note: string; data: Record<string, unknown>; username: string }>(sql`
      SELECT note, data, username FROM problem_events WHERE problem_id = ${P.a} AND action = 'escalated'`)).rows;
    expect(ev).toMatchObject({ username: 'system', data: { from: 0, to: 1, kind: 'accept', deadline: '2024-09-27', overdueWorkdays: 1, at: '2024-09-29' } });
    expect(ev!.note).toContain('未按期受理');
  });

  it('a second run on the same day changes nothing and sends nothing', async () => {
    const before = (await db.execute<{ n: number }>(sql`SELECT count(*)::int AS n FROM notifications`)).rows[0]!.n;
    const again = await runEscalation(db, '2024-09-29');
    expect(again.escalated).toEqual([]);
    expect((await db.execute<{ n: number }>(sql`SELECT count(*)::int AS n FROM notifications`)).rows[0]!.n).toBe(before);
    expect(await state(P.a!)).toMatchObject({ escalation_level: 1, events: 1 });
  });

  it('the holiday counts no working days: on Oct 7 a is still at 2 days (level 1), b at 0', async () => {
    const r = await runEscalation(db, '2024-10-07');
    expect(r).toMatchObject({ checked: 2, overdue: 1, escalated: [] });
    expect(await levels()).toEqual({ a: 1, b: 0 });
  });

  it("b uses its county's own ladder [2, 3, 4]: one day overdue is not yet enough", async () => {
    expect((await runEscalation(db, '2024-10-08')).escalated).toEqual([]);
    expect(await levels()).toEqual({ a: 1, b: 0 });
  });

  it('on Oct 10 a reaches 5 working days (the lead leader), b skips a run and climbs two levels, each notified', async () => {
    const r = await runEscalation(db, '2024-10-10');
    const byId = Object.fromEntries(r.escalated.map((s) => [s.problemId, s]));
    expect(byId[P.a!]).toMatchObject({ from: 1, to: 2, overdueWorkdays: 5 });
    expect(byId[P.b!]).toMatchObject({ from: 0, to: 2, kind: 'solve', deadline: '2024-09-30', overdueWorkdays: 3 });
    expect(await unreadTitles('leader')).toEqual([expect.stringContaining('问题升级至包联领导')]);
    expect(await unreadTitles('gaotangLeader')).toEqual([expect.stringContaining('问题升级至包联领导：WT')]);
    // b's level 1 went to 高唐's office, not 莘县's; the skipped step was still announced.
    expect(await unreadTitles('gaotangOffice')).toEqual([expect.stringContaining('县级调度办/专班')]);
    expect(await unreadTitles('shenOffice')).toHaveLength(1);
    expect((await state(P.b!)).events).toBe(2);
    expect(await unreadTitles('cityOffice')).toEqual([]);
  });

  it('only climbs: a catch-up run for an earlier day lowers nothing', async () => {
    expect((await runEscalation(db, '2024-09-30')).escalated).toEqual([]);
    expect(await levels()).toEqual({ a: 2, b: 2 });
  });

  it('the command line runs the same and prints what climbed; the make-up Saturday counts, the city office hears of level 3', async () => {
    const lines: string[] = [];
    const spy = vi.spyOn(console, 'log').mockImplementation((s: string) => void lines.push(s));
    try {
      // a: Sep 29, 30 + Oct 8–11 + Sat Oct 12 + Oct 14, 15 → 9 (still level 2); b: Oct 8–12, 14, 15 → 7 (its level 3 from 4).
      expect(await runEscalateCommand(db, ['--at', '2024-10-15'])).toBe(0);
    } finally {
      spy.mockRestore();
    }
    expect(lines[0]).toBe('2024-10-15：检查超过时限的问题 2 个，超期 2 个，升级 1 个；督办单逾期列入约谈 0 个');
    expect(lines[1]).toMatch(/^ {2}WT2024-\d{5} 高唐县 · 高唐板材项目：电力接入滞后 {2}办结时限 2024-09-30，超期 7 个工作日，包联领导 → 市调度会（通知 \d+ 人次）$/);
    expect(await levels()).toEqual({ a: 2, b: 3 });
    expect(await unreadTitles('cityOffice')).toEqual([expect.stringContaining('问题升级至市调度会')]);
    // Province offices are not the city dispatch meeting.
    expect(await unreadTitles('provinceOffice')).toEqual([]);
    // a reaches 10 working days on Oct 16.
    await runEscalation(db, '2024-10-16');
    expect(await levels()).toEqual({ a: 3, b: 3 });
  });

  it('a bad date is refused by the command line', async () => {
    const spy = vi.spyOn(console, 'error').mockImplementation(() => {});
    try {
      expect(await runEscalateCommand(db, ['--at', '2024-13-01'])).toBe(2);
    } finally {
      spy.mockRestore();
    }
  });

  it('solved, closed and not-yet-due roadblocks never moved', async () => {
    for (const id of [P.solved!, P.closed!, P.ahead!]) expect(await state(id)).toMatchObject({ escalation_level: 0, events: 0 });
  });
});

describe('POST /problems/escalate', () => {
  it('an office runs it over its own subtree, as itself; others may not; no future dates', async () => {
    const projects = (await db.execute<{ id: string; name: string }>(sql`SELECT id, name FROM projects`)).rows;
    const dept = (await db.execute<{ id: string }>(sql`SELECT id FROM organizations WHERE kind = 'department'`)).rows[0]!.id;
    const gaotangProject = projects.find((p) => p.name === '高唐板材项目')!.id;
    const shenProject = projects.find((p) => p.name === '莘县调味品项目')!.id;
    // Due Friday Nov 1; Tuesday Nov 5 is 2 working days late: level 1 on either ladder.
    const c = await insertProblem(db, { projectId: gaotangProject, departmentId: dept, acceptDue: '2024-11-01' });
    const d = await insertProblem(db, { projectId: shenProject, departmentId: dept, acceptDue: '2024-11-01' });

    const gaotangOffice = await login(t.app, 'gaotangOffice');
    const future = await gaotangOffice.post('/api/v1/problems/escalate?at=2999-01-01');
    expect(future.statusCode).toBe(400);
    expect(future.json().error.details[0].field).toBe('at');
    expect((await (await login(t.app, 'dept')).post('/api/v1/problems/escalate')).statusCode).toBe(403);

    const res = await gaotangOffice.post('/api/v1/problems/escalate?at=2024-11-05');
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({ at: '2024-11-05', checked: 1, overdue: 1, overdueOrders: expect.any(Number) });
    expect(body.escalated).toEqual([{ problemId: c.id, code: c.code, projectName: '高唐板材项目', from: 0, to: 1, overdueWorkdays: 2, notified: 2 }]);
    expect(await state(d.id)).toMatchObject({ escalation_level: 0 });
    const ev = (await db.execute<{ username: string }>(sql`SELECT username FROM problem_events WHERE problem_id = ${c.id}`)).rows;
    expect(ev).toEqual([{ username: 'gaotangOffice' }]);
    const audit = (await db.execute<{ username: string; action: string }>(sql`SELECT username, action FROM audit_log WHERE entity_id = ${c.id}`)).rows;
    expect(audit).toEqual([{ username: 'gaotangOffice', action: 'escalate' }]);
  });
});
