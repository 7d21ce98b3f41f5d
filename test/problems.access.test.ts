// Who may raise, see, accept, solve, verify and reopen a roadblock; department users see only what
// is routed to them; region scope for everyone else; raising from a report; bad input named by field.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, login, type Client, type TestApp } from './helpers/app.ts';
import { buildProject, createOrg, createPerson, createUser, REGIONS, seedTestRegions } from './helpers/factories.ts';
import { insertPeriod, insertReport } from './helpers/reporting.ts';

let t: TestApp;
const c: Record<string, Client> = {};
const ids: Record<string, string> = {};

const raise = (who: string, extra: Record<string, unknown> = {}) =>
  c[who]!.post('/api/v1/problems', {
    projectId: ids.project, category: 'land', severity: 'critical', title: '用地指标不足', description: '二期需新增 50 亩建设用地指标',
    departmentId: ids.land, ...extra,
  });

beforeAll(async () => {
  t = await buildTestApp();
  const db = t.database.db;
  await seedTestRegions(db);
  const company = await createOrg(db, { name: '聊城重工有限公司', regionCode: REGIONS.dongchangfu.code });
  const gov = await createOrg(db, { name: '东昌府区发展和改革局', kind: 'government', regionCode: REGIONS.dongchangfu.code });
  const land = await createOrg(db, { name: '市自然资源和规划局', kind: 'department', regionCode: REGIONS.city.code });
  const env = await createOrg(db, { name: '市生态环境局', kind: 'department', regionCode: REGIONS.city.code });
  const tax = await createOrg(db, { name: '市税务局', kind: 'department', regionCode: REGIONS.city.code });
  const leader = await createPerson(db, { name: '王副市长', regionCode: REGIONS.city.code });
  const p = await buildProject(db, { name: '重型装备基地', stage: 'construction', ownerOrgId: company.id, responsibleOrgId: gov.id, leaderPersonId: leader.id });
  const other = await buildProject(db, { name: '高唐纺织园', regionCode: REGIONS.gaotang.code, ownerOrgId: company.id });
  const period = await insertPeriod(db, { regionCode: REGIONS.city.code, year: 2024, month: 9 });
  const report = await insertReport(db, { projectId: p.id, period, investment: '100' });
  const otherReport = await insertReport(db, { projectId: other.id, period, investment: '100' });
  const users: [string, Parameters<typeof createUser>[1]['role'], string, string | null, string | null][] = [
    ['office', 'office', REGIONS.city.code, null, null],
    ['countyOffice', 'office', REGIONS.dongchangfu.code, null, null],
    ['gaotangOffice', 'office', REGIONS.gaotang.code, null, null],
    ['owner', 'owner', REGIONS.dongchangfu.code, company.id, null],
    ['unit', 'unit', REGIONS.dongchangfu.code, gov.id, null],
    ['leader', 'leader', REGIONS.city.code, null, leader.id],
    ['viewer', 'viewer', REGIONS.dongchangfu.code, null, null],
    ['land', 'department', REGIONS.city.code, land.id, null],
    ['env', 'department', REGIONS.city.code, env.id, null],
    ['tax', 'department', REGIONS.city.code, tax.id, null],
  ];
  for (const [username, role, regionCode, orgId, personId] of users) await createUser(db, { username, role, regionCode, orgId, personId });
  for (const [u] of users) c[u] = await login(t.app, u);
  Object.assign(ids, { project: p.id, other: other.id, report: report.id, otherReport: otherReport.id, land: land.id, env: env.id, tax: tax.id, company: company.id, gov: gov.id });
});
afterAll(() => t.close());

describe('who may raise', () => {
  it('the owner, the responsible unit, the lead leader and the office; each gets 201', async () => {
    for (const who of ['owner', 'unit', 'leader', 'office', 'countyOffice']) {
      const res = await raise(who);
      expect(res.statusCode, `${who}: ${res.body}`).toBe(201);
    }
  });

  it('a viewer and a department may not (403); an office of another county does not reach the project', async () => {
    expect((await raise('viewer')).statusCode).toBe(403);
    expect((await raise('land')).statusCode).toBe(403);
    const res = await raise('gaotangOffice');
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details[0]).toMatchObject({ field: 'projectId' });
  });

  it('from a report: the report must belong to the project', async () => {
    const ok = await raise('owner', { reportId: ids.report, coDepartmentIds: [ids.env] });
    expect(ok.statusCode, ok.body).toBe(201);
    expect(ok.json()).toMatchObject({ reportId: ids.report, coDepartments: [{ id: ids.env, name: '市生态环境局' }] });
    ids.routed = ok.json().id;
    const bad = await raise('owner', { reportId: ids.otherReport });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details[0]).toMatchObject({ field: 'reportId', message: '该填报属于其他项目' });
    const byReport = (await c.owner!.get(`/api/v1/problems?reportId=${ids.report}`)).json();
    expect(byReport.items.map((x: { id: string }) => x.id)).toEqual([ids.routed]);
  });

  it('bad input names the fields', async () => {
    const res = await c.owner!.post('/api/v1/problems', { projectId: ids.project, category: 'weather', severity: 'huge', title: ' ', departmentId: 'x' });
    expect(res.statusCode).toBe(400);
    const fields = res.json().error.details.map((d: { field: string }) => d.field);
    expect(fields).toEqual(expect.arrayContaining(['category', 'severity', 'title', 'description', 'departmentId']));
    const notDept = await raise('owner', { departmentId: ids.gov, coDepartmentIds: [ids.env, ids.company] });
    expect(notDept.statusCode).toBe(400);
    expect(notDept.json().error.details).toEqual([{ field: 'departmentId', message: '「东昌府区发展和改革局」不是职能部门' }]);
    const badCo = await raise('owner', { coDepartmentIds: [ids.env, ids.company] });
    expect(badCo.statusCode).toBe(400);
    expect(badCo.json().error.details).toEqual([{ field: 'coDepartmentIds.1', message: '「聊城重工有限公司」不是职能部门' }]);
  });
});

describe('who sees what', () => {
  it('a department sees only roadblocks routed to it (lead or co-handling)', async () => {
    const land = (await c.land!.get('/api/v1/problems?pageSize=100')).json();
    expect(land.total).toBe(6);
    const env = (await c.env!.get('/api/v1/problems')).json();
    expect(env.items.map((x: { id: string }) => x.id)).toEqual([ids.routed]);
    expect((await c.env!.get(`/api/v1/problems/${ids.routed}`)).statusCode).toBe(200);
    expect((await c.tax!.get('/api/v1/problems')).json().total).toBe(0);
    expect((await c.tax!.get(`/api/v1/problems/${ids.routed}`)).statusCode).toBe(404);
    const byDept = (await c.office!.get(`/api/v1/problems?departmentId=${ids.env}`)).json();
    expect(byDept.items.map((x: { id: string }) => x.id)).toEqual([ids.routed]);
  });

  it('everyone else by region: the county sees its own, another county nothing (404)', async () => {
    expect((await c.countyOffice!.get('/api/v1/problems')).json().total).toBe(6);
    expect((await c.viewer!.get('/api/v1/problems')).json().total).toBe(6);
    expect((await c.gaotangOffice!.get('/api/v1/problems')).json().total).toBe(0);
    expect((await c.gaotangOffice!.get(`/api/v1/problems/${ids.routed}`)).statusCode).toBe(404);
    expect((await c.office!.get(`/api/v1/problems?region=${REGIONS.gaotang.code}`)).json().total).toBe(0);
    expect((await c.office!.get('/api/v1/problems?mine=true')).json().total).toBe(1);
  });
});

describe('who may take each step', () => {
  it('accept: the lead department or the office, not the co-handler, owner or viewer', async () => {
    const body = { dueDate: '2099-12-31' };
    for (const who of ['env', 'owner', 'viewer', 'unit', 'tax']) {
      const res = await c[who]!.post(`/api/v1/problems/${ids.routed}/accept`, body);
      expect(res.statusCode, who).toBe(who === 'tax' ? 404 : 403);
    }
    expect((await c.land!.post(`/api/v1/problems/${ids.routed}/accept`, body)).statusCode).toBe(200);
  });

  it('progress: lead, co-handler or office; solve: lead or office', async () => {
    expect((await c.env!.post(`/api/v1/problems/${ids.routed}/progress`, { note: '环评已受理' })).statusCode).toBe(200);
    expect((await c.owner!.post(`/api/v1/problems/${ids.routed}/progress`, { note: 'x' })).statusCode).toBe(403);
    expect((await c.env!.post(`/api/v1/problems/${ids.routed}/solve`, { solution: 'x' })).statusCode).toBe(403);
    expect((await c.office!.post(`/api/v1/problems/${ids.routed}/solve`, { solution: '已调剂指标' })).statusCode).toBe(200);
  });

  it('verify and reopen: the raiser or the office, not the lead department or the responsible unit', async () => {
    expect((await c.land!.post(`/api/v1/problems/${ids.routed}/reopen`, { reason: 'x' })).statusCode).toBe(403);
    expect((await c.unit!.post(`/api/v1/problems/${ids.routed}/verify`, {})).statusCode).toBe(403);
    expect((await c.countyOffice!.post(`/api/v1/problems/${ids.routed}/reopen`, { reason: '指标未落地' })).statusCode).toBe(200);
    expect((await c.land!.post(`/api/v1/problems/${ids.routed}/accept`, { dueDate: '2099-12-31' })).statusCode).toBe(200);
    expect((await c.land!.post(`/api/v1/problems/${ids.routed}/solve`, { solution: '指标已下达' })).statusCode).toBe(200);
    const res = await c.owner!.post(`/api/v1/problems/${ids.routed}/verify`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().status).toBe('closed');
  });

  it('steps out of order are conflicts that name the status', async () => {
    const open = (await c.office!.get('/api/v1/problems?status=open&pageSize=1')).json().items[0];
    const res = await c.office!.post(`/api/v1/problems/${open.id}/solve`, { solution: 'x' });
    expect(res.statusCode).toBe(409);
    expect(res.json().error).toMatchObject({ message: '问题当前状态为“待受理”，不能办结', details: [{ field: 'status' }] });
    expect((await c.office!.get('/api/v1/problems?status=unsolved')).json().total).toBe(5);
    expect((await c.office!.get('/api/v1/problems?status=closed')).json().total).toBe(1);
  });
});
