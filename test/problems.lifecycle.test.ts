// The roadblock life cycle through the API with a fixed clock: raised on Friday 27 Sep 2024 (accept
// by 8 Oct: the make-up Sunday 29 Sep and Monday 30 Sep count, the National Day week does not),
// accepted with a 办结时限, handled, solved, reopened by the raiser (accept again within 3 working
// days, the make-up Saturday 12 Oct counting), solved again and verified. Each step is an event,
// audited, and notifies the people concerned.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { clock } from '../src/server/clock.ts';
import { buildTestApp, login, type Client, type TestApp } from './helpers/app.ts';
import { buildProject, createOrg, createUser, REGIONS, seedTestRegions } from './helpers/factories.ts';

let t: TestApp;
let office: Client, owner: Client, dept: Client, coDept: Client;
const ids: Record<string, string> = {};
const realNow = clock.now;

/** China 10:00 on a date. */
const at = (date: string) => { clock.now = () => new Date(`${date}T10:00:00+08:00`); };

const notices = async (username: string) =>
  (await t.database.pool.query(
    `select n.kind, n.title, n.link from notifications n join users u on u.id = n.user_id where u.username = $1 order by n.id`, [username],
  )).rows as { kind: string; title: string; link: string }[];

beforeAll(async () => {
  t = await buildTestApp();
  const db = t.database.db;
  await seedTestRegions(db);
  const company = await createOrg(db, { name: '聊城新材料有限公司', regionCode: REGIONS.dongchangfu.code });
  const land = await createOrg(db, { name: '市自然资源和规划局', kind: 'department', regionCode: REGIONS.city.code });
  const power = await createOrg(db, { name: '国网聊城供电公司', kind: 'department', regionCode: REGIONS.city.code });
  const p = await buildProject(db, { name: '新材料产业园', stage: 'construction', ownerOrgId: company.id });
  await createUser(db, { username: 'office', role: 'office', regionCode: REGIONS.city.code });
  const ownerUser = await createUser(db, { username: 'owner', role: 'owner', regionCode: REGIONS.dongchangfu.code, orgId: company.id });
  // People read names, not logins: the raiser and the actor of each step are shown by display name.
  await t.database.pool.query(`update users set display_name = '王建国' where id = $1`, [ownerUser.id]);
  await createUser(db, { username: 'land1', role: 'department', regionCode: REGIONS.city.code, orgId: land.id });
  await createUser(db, { username: 'land2', role: 'department', regionCode: REGIONS.city.code, orgId: land.id });
  await createUser(db, { username: 'power', role: 'department', regionCode: REGIONS.city.code, orgId: power.id });
  [office, owner, dept, coDept] = (await Promise.all(['office', 'owner', 'land1', 'power'].map((u) => login(t.app, u)))) as [Client, Client, Client, Client];
  Object.assign(ids, { project: p.id, land: land.id, power: power.id });
});
afterEach(() => { clock.now = realNow; });
afterAll(() => t.close());

describe('the life cycle across the National Day holiday', () => {
  it('raising on Friday 27 Sep gives WT2024-00001, open, to be accepted by Tuesday 8 Oct', async () => {
    at('2024-09-27');
    const res = await owner.post('/api/v1/problems', {
      projectId: ids.project, category: 'utilities', severity: 'major', title: '高压线路迁改', description: '厂区上空 110kV 线路需迁改后方可吊装',
      departmentId: ids.land, coDepartmentIds: [ids.power],
    });
    expect(res.statusCode, res.body).toBe(201);
    const p = res.json();
    ids.problem = p.id;
    expect(p).toMatchObject({
      code: 'WT2024-00001', status: 'open', category: 'utilities', severity: 'major', departmentId: ids.land, departmentName: '市自然资源和规划局',
      coDepartments: [{ id: ids.power, name: '国网聊城供电公司' }], acceptDue: '2024-10-08', dueDate: null, escalationLevel: 0,
      raisedBy: '王建国', overdue: false, overdueWorkdays: 0, version: 1, projectName: '新材料产业园', regionName: '东昌府区',
    });
    expect(p.raisedAt).toBe('2024-09-27T02:00:00.000Z');
    expect(p.events.map((e: { action: string }) => e.action)).toEqual(['raised']);
    expect(p.permissions).toMatchObject({ canAccept: false, canSolve: false, canVerify: false });
  });

  it('the lead and co-handling departments are notified, each user once', async () => {
    for (const u of ['land1', 'land2', 'power']) {
      const n = await notices(u);
      expect(n).toHaveLength(1);
      expect(n[0]).toMatchObject({ kind: 'problem_raised', link: `/problems/${ids.problem}` });
      expect(n[0]!.title).toContain('WT2024-00001');
    }
    expect(await notices('owner')).toHaveLength(0);
  });

  it('the second roadblock of the year is WT2024-00002', async () => {
    at('2024-09-27');
    const res = await office.post('/api/v1/problems', {
      projectId: ids.project, category: 'other', severity: 'general', title: '其他', description: '说明', departmentId: ids.land,
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().code).toBe('WT2024-00002');
  });

  it('during the holiday it is not overdue; on Wednesday 9 Oct it is 1 working day overdue', async () => {
    at('2024-10-07');
    expect((await dept.get(`/api/v1/problems/${ids.problem}`)).json()).toMatchObject({ overdue: false, overdueWorkdays: 0 });
    at('2024-10-09');
    const p = (await dept.get(`/api/v1/problems/${ids.problem}`)).json();
    expect(p).toMatchObject({ overdue: true, overdueWorkdays: 1 });
    expect(p.permissions).toMatchObject({ canAccept: true, canSolve: false });
    const list = (await dept.get('/api/v1/problems?overdue=true')).json();
    expect(list.items.map((x: { code: string }) => x.code).sort()).toEqual(['WT2024-00001', 'WT2024-00002']);
    at('2024-10-08');
    expect((await dept.get('/api/v1/problems?overdue=true')).json().total).toBe(0);
  });

  it('the co-handling department cannot accept; a 办结时限 before today is refused naming dueDate', async () => {
    at('2024-10-09');
    const co = await coDept.post(`/api/v1/problems/${ids.problem}/accept`, { dueDate: '2024-10-20' });
    expect(co.statusCode).toBe(403);
    expect(co.json().error.message).toContain('牵头部门');
    const early = await dept.post(`/api/v1/problems/${ids.problem}/accept`, { dueDate: '2024-10-08' });
    expect(early.statusCode).toBe(400);
    expect(early.json().error.details[0]).toMatchObject({ field: 'dueDate' });
    const bad = await dept.post(`/api/v1/problems/${ids.problem}/accept`, { dueDate: '2024-13-01' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details.map((d: { field: string }) => d.field)).toContain('dueDate');
  });

  it('the lead department accepts with a date; the raiser is told', async () => {
    at('2024-10-09');
    const res = await dept.post(`/api/v1/problems/${ids.problem}/accept`, { dueDate: '2024-10-18', note: '已联系供电公司', version: 1 });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ status: 'accepted', dueDate: '2024-10-18', overdue: false, version: 2 });
    expect(res.json().acceptedAt).toBe('2024-10-09T02:00:00.000Z');
    const n = await notices('owner');
    expect(n.map((x) => x.kind)).toEqual(['problem_accepted']);
    const again = await dept.post(`/api/v1/problems/${ids.problem}/accept`, { dueDate: '2024-10-18' });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.message).toContain('办理中');
  });

  it('both departments record handling; the raiser may not solve', async () => {
    at('2024-10-10');
    expect((await coDept.post(`/api/v1/problems/${ids.problem}/progress`, { note: '已出迁改方案' })).statusCode).toBe(200);
    expect((await dept.post(`/api/v1/problems/${ids.problem}/progress`, { note: '协调会已召开' })).statusCode).toBe(200);
    const res = await owner.post(`/api/v1/problems/${ids.problem}/solve`, { solution: '自己解决了' });
    expect(res.statusCode).toBe(403);
  });

  it('a stale version is a conflict (two people acting at once)', async () => {
    at('2024-10-11');
    const res = await dept.post(`/api/v1/problems/${ids.problem}/solve`, { solution: '线路已迁改', version: 2 });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.details[0]).toMatchObject({ field: 'version' });
  });

  it('the department solves it; the raiser is asked to verify', async () => {
    at('2024-10-11');
    const cur = (await dept.get(`/api/v1/problems/${ids.problem}`)).json();
    const res = await dept.post(`/api/v1/problems/${ids.problem}/solve`, { solution: '线路已迁改', version: cur.version });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ status: 'solved', solution: '线路已迁改', overdue: false });
    expect((await notices('owner')).map((x) => x.kind)).toEqual(['problem_accepted', 'problem_solved']);
    const p = (await owner.get(`/api/v1/problems/${ids.problem}`)).json();
    expect(p.permissions).toMatchObject({ canVerify: true, canReopen: true, canSolve: false });
    expect((await dept.post(`/api/v1/problems/${ids.problem}/verify`, {})).statusCode).toBe(403);
  });

  it('the raiser reopens on Thursday 10 Oct… accept again by Monday 14 Oct (Saturday 12 Oct is a make-up workday)', async () => {
    at('2024-10-10');
    const noReason = await owner.post(`/api/v1/problems/${ids.problem}/reopen`, {});
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().error.details.map((d: { field: string }) => d.field)).toContain('reason');
    const res = await owner.post(`/api/v1/problems/${ids.problem}/reopen`, { reason: '仍有一基杆塔未迁' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ status: 'reopened', acceptDue: '2024-10-14', dueDate: null, solvedAt: null });
    for (const u of ['land1', 'land2', 'power']) {
      const mine = (await notices(u)).filter((x) => x.link === `/problems/${ids.problem}`);
      expect(mine.map((x) => x.kind)).toEqual(['problem_raised', 'problem_reopened']);
    }
    at('2024-10-14');
    expect((await dept.get(`/api/v1/problems/${ids.problem}`)).json().overdue).toBe(false);
    at('2024-10-15');
    expect((await dept.get(`/api/v1/problems/${ids.problem}`)).json()).toMatchObject({ overdue: true, overdueWorkdays: 1 });
  });

  it('accepted again, solved, verified by the raiser: closed; every step kept in order and audited', async () => {
    at('2024-10-15');
    expect((await dept.post(`/api/v1/problems/${ids.problem}/accept`, { dueDate: '2024-10-20' })).statusCode).toBe(200);
    expect((await dept.post(`/api/v1/problems/${ids.problem}/solve`, { solution: '杆塔全部迁移' })).statusCode).toBe(200);
    at('2024-10-16');
    const res = await owner.post(`/api/v1/problems/${ids.problem}/verify`, { note: '现场确认' });
    expect(res.statusCode, res.body).toBe(200);
    const p = res.json();
    expect(p).toMatchObject({ status: 'closed', closedAt: '2024-10-16T02:00:00.000Z', solution: '杆塔全部迁移' });
    expect(p.events.map((e: { action: string }) => e.action)).toEqual([
      'raised', 'accepted', 'progress', 'progress', 'solved', 'reopened', 'accepted', 'solved', 'verified',
    ]);
    expect(p.events.find((e: { action: string }) => e.action === 'reopened')).toMatchObject({ username: 'owner', displayName: '王建国', note: '仍有一基杆塔未迁', at: '2024-10-10T02:00:00.000Z' });
    expect(p.permissions).toMatchObject({ canAccept: false, canProgress: false, canSolve: false, canVerify: false, canReopen: false, canAttach: false });
    const audit = (await t.database.pool.query(
      `select action from audit_log where entity_type = 'problem' and entity_id = $1 order by id`, [ids.problem],
    )).rows.map((r) => r.action);
    expect(audit).toEqual([
      'problem.raised', 'problem.accepted', 'problem.progress', 'problem.progress', 'problem.solved', 'problem.reopened',
      'problem.accepted', 'problem.solved', 'problem.verified',
    ]);
    expect((await owner.post(`/api/v1/problems/${ids.problem}/reopen`, { reason: '再开' })).statusCode).toBe(409);
  });
});
