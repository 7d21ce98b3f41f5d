// Role × region × endpoint: a user of 莘县 (every role) reaches nothing of 东昌府区, and roles that
// only read never write, even inside their own county. Checked through the API, then in the tables.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROLES, type Role } from '../src/domain/enums.ts';
import { batches, batchProjects, reportCorrections, reportPhotos } from '../src/server/db/schema/index.ts';
import { buildTestApp, login, type Client, type TestApp } from './helpers/app.ts';
import { buildProject, createOrg, createPerson, createUser, REGIONS, seedTestRegions } from './helpers/factories.ts';
import { insertPeriod, insertReport } from './helpers/reporting.ts';

let t: TestApp;
const ids: Record<string, string> = {};
const clients = new Map<Role, Client>();

beforeAll(async () => {
  t = await buildTestApp();
  const db = t.database.db;
  await seedTestRegions(db);
  const dongGov = await createOrg(db, { name: '东昌府区人民政府', kind: 'government', regionCode: REGIONS.dongchangfu.code });
  const shenGov = await createOrg(db, { name: '莘县人民政府', kind: 'government', regionCode: REGIONS.shen.code });
  const shenOwner = await createOrg(db, { name: '莘县调味品有限公司', regionCode: REGIONS.shen.code });
  const shenDept = await createOrg(db, { name: '莘县自然资源局', kind: 'department', regionCode: REGIONS.shen.code });
  const cityLeader = await createPerson(db, { name: '东区领导', regionCode: REGIONS.dongchangfu.code });
  const shenLeader = await createPerson(db, { name: '莘县领导', regionCode: REGIONS.shen.code });
  const a = await buildProject(db, { code: 'DCF-1', name: '东昌府区项目', regionCode: REGIONS.dongchangfu.code, responsibleOrgId: dongGov.id, leaderPersonId: cityLeader.id });
  const b = await buildProject(db, { code: 'SX-1', name: '莘县项目', regionCode: REGIONS.shen.code, responsibleOrgId: shenGov.id, ownerOrgId: shenOwner.id, leaderPersonId: shenLeader.id });
  const [batch] = await db
    .insert(batches)
    .values({ name: '东昌府区秋季集中开工', kind: 'groundbreaking', level: 'county', season: 'autumn', eventDate: '2024-09-26', regionCode: REGIONS.dongchangfu.code, regionPath: REGIONS.dongchangfu.path, mainProjectId: a.id })
    .returning();
  await db.insert(batchProjects).values({ batchId: batch!.id, projectId: a.id });
  // Reporting: a county period of 东昌府区 with a submitted report, a photo and a pending correction; a city period for 莘县.
  const dongPeriod = await insertPeriod(db, { regionCode: REGIONS.dongchangfu.code, year: 2026, month: 2 });
  const cityPeriod = await insertPeriod(db, { regionCode: REGIONS.city.code, year: 2026, month: 3 });
  const report = await insertReport(db, { projectId: a.id, period: dongPeriod, investment: '100', status: 'submitted' });
  const [photo] = await db.insert(reportPhotos).values({ reportId: report.id, projectId: a.id, fileName: 'a.jpg', mimeType: 'image/jpeg', size: 3, content: Buffer.from([0xff, 0xd8, 0xff]) }).returning();
  const [corr] = await db.insert(reportCorrections).values({ reportId: report.id, projectId: a.id, periodId: dongPeriod.id, regionPath: REGIONS.dongchangfu.path, reason: '测试更正', before: {}, proposed: { investment: '1', fundsArrived: '0', fundsBySource: {} } }).returning();
  Object.assign(ids, { a: a.id, b: b.id, batch: batch!.id, cityLeader: cityLeader.id, dongPeriod: dongPeriod.id, cityPeriod: cityPeriod.id, photo: photo!.id, correction: corr!.id });
  const orgFor: Partial<Record<Role, string>> = { unit: shenGov.id, owner: shenOwner.id, department: shenDept.id };
  for (const role of ROLES) {
    await createUser(db, { username: `shen_${role}`, role, regionCode: REGIONS.shen.code, orgId: orgFor[role] ?? null, personId: role === 'leader' ? shenLeader.id : null });
    clients.set(role, await login(t.app, `shen_${role}`));
  }
});
afterAll(() => t.close());

const outside = () => [
  ['GET', `/api/v1/projects/${ids.a}`],
  ['GET', `/api/v1/projects/${ids.a}/card`],
  ['GET', `/api/v1/projects/${ids.a}/history`],
  ['GET', `/api/v1/projects/${ids.a}/annual-plans/2024`],
  ['PATCH', `/api/v1/projects/${ids.a}`, { name: '越权修改' }],
  ['POST', `/api/v1/projects/${ids.a}/stage`, { to: 'started', date: '2024-05-01', note: '越权' }],
  ['PUT', `/api/v1/projects/${ids.a}/team`, { items: [] }],
  ['PUT', `/api/v1/projects/${ids.a}/procedures`, { items: [] }],
  ['PUT', `/api/v1/projects/${ids.a}/factor-needs`, { items: [] }],
  ['PUT', `/api/v1/projects/${ids.a}/milestones`, { items: [] }],
  ['PUT', `/api/v1/projects/${ids.a}/annual-plans/2024`, { plannedInvestment: 1 }],
  ['GET', `/api/v1/batches/${ids.batch}`],
  ['PATCH', `/api/v1/batches/${ids.batch}`, { name: '越权' }],
  ['PUT', `/api/v1/batches/${ids.batch}/projects`, { projectIds: [] }],
  ['DELETE', `/api/v1/batches/${ids.batch}`],
  ['GET', `/api/v1/regions/${REGIONS.dongchangfu.code}`],
  ['GET', `/api/v1/periods/${ids.dongPeriod}`],
  ['GET', `/api/v1/periods/${ids.dongPeriod}/projects`],
  ['GET', `/api/v1/periods/${ids.dongPeriod}/projects.xlsx`],
  ['GET', `/api/v1/periods/${ids.dongPeriod}/reminders.xlsx`],
  ['POST', `/api/v1/periods/${ids.dongPeriod}/reminders`, {}],
  ['POST', `/api/v1/periods/${ids.dongPeriod}/close`, {}],
  ['POST', '/api/v1/periods', { year: 2026, month: 1, regionCode: REGIONS.dongchangfu.code }],
  ['PUT', '/api/v1/reporting-settings', { regionCode: REGIONS.dongchangfu.code, cadence: 'weekly', deadlineDay: 5, progressTolerance: 0.1, fundsRatioLimit: 2 }],
  ['GET', `/api/v1/reports/${ids.a}/${ids.dongPeriod}`],
  ['GET', `/api/v1/reports/${ids.a}/${ids.cityPeriod}`],
  ['PUT', `/api/v1/reports/${ids.a}/${ids.dongPeriod}`, { version: 1, investment: 5 }],
  ['PUT', `/api/v1/reports/${ids.a}/${ids.cityPeriod}`, { version: 0, investment: 5 }],
  ['POST', `/api/v1/reports/${ids.a}/${ids.dongPeriod}/submit`, {}],
  ['POST', `/api/v1/reports/${ids.a}/${ids.dongPeriod}/approve`, {}],
  ['POST', `/api/v1/reports/${ids.a}/${ids.dongPeriod}/return`, { reason: '越权退回' }],
  ['POST', `/api/v1/reports/${ids.a}/${ids.dongPeriod}/corrections`, { reason: '越权更正申请', investment: 1 }],
  ['POST', `/api/v1/report-corrections/${ids.correction}/approve`, {}],
  ['POST', `/api/v1/report-corrections/${ids.correction}/reject`, { note: '越权驳回' }],
  ['GET', `/api/v1/report-photos/${ids.photo}`],
  ['DELETE', `/api/v1/report-photos/${ids.photo}`],
  ['GET', `/api/v1/projects/${ids.a}/reports`],
] as const;

describe.each(ROLES)('a %s user of 莘县', (role) => {
  it('cannot read or change anything of 东昌府区', async () => {
    const c = clients.get(role)!;
    for (const [method, url, payload] of outside()) {
      const res = await c.request({ method, url, payload: payload as object | undefined });
      expect([403, 404], `${method} ${url} → ${res.statusCode} ${res.body}`).toContain(res.statusCode);
      expect(res.json().error.message).toBeTruthy();
    }
  });

  it('does not find 东昌府区 in lists, searches, leaders or exports', async () => {
    const c = clients.get(role)!;
    const list = (await c.get('/api/v1/projects?pageSize=500')).json();
    expect(list.items.map((p: { code: string }) => p.code)).toEqual(['SX-1']);
    expect((await c.get('/api/v1/projects?q=东昌府')).json().total).toBe(0);
    expect((await c.get(`/api/v1/projects?region=${REGIONS.dongchangfu.code}`)).json().total).toBe(0);
    const batchesList = (await c.get('/api/v1/batches')).json();
    expect(batchesList.items).toEqual([]);
    const leader = await c.get(`/api/v1/leaders/${ids.cityLeader}`);
    if (leader.statusCode === 200) expect(leader.json().projects).toEqual([]);
    else expect(leader.statusCode).toBe(404);
    const tree = (await c.get('/api/v1/regions/tree')).json();
    expect(JSON.stringify(tree)).not.toContain('东昌府');
    for (const view of ['due', 'review', 'all']) expect((await c.get(`/api/v1/reports?view=${view}`)).json().items.map((r: { projectCode: string }) => r.projectCode)).not.toContain('DCF-1');
    expect((await c.get('/api/v1/report-corrections')).json().items).toEqual([]);
    expect((await c.get('/api/v1/periods')).json().items.map((p: { id: string }) => p.id)).toEqual([ids.cityPeriod]);
    const cityPage = await c.get(`/api/v1/periods/${ids.cityPeriod}/projects`);
    expect(cityPage.json().items.map((r: { code: string }) => r.code)).not.toContain('DCF-1');
    const exported = await c.get('/api/v1/ledger/export.xlsx');
    if (exported.statusCode === 200) expect(exported.rawPayload.includes(Buffer.from('DCF-1'))).toBe(false);
  });
});

describe('inside their own county', () => {
  const readOnly: Role[] = ['viewer', 'auditor', 'leader', 'department'];
  it.each(readOnly)('a %s reads but cannot write', async (role) => {
    const c = clients.get(role)!;
    expect((await c.get(`/api/v1/projects/${ids.b}`)).statusCode).toBe(200);
    expect((await c.patch(`/api/v1/projects/${ids.b}`, { name: `${role}改名` })).statusCode).toBe(403);
    expect((await c.post(`/api/v1/projects/${ids.b}/stage`, { to: 'started', date: '2024-05-01', note: 'x' })).statusCode).toBe(403);
    expect((await c.post('/api/v1/projects', { code: `N-${role}`, name: '新项目名', regionCode: '371522', level: 'county', category: 'social', industry: 'livelihood', totalInvestment: 1 })).statusCode).toBe(403);
  });

  it.each(readOnly)('a %s reads the reports but cannot file or review them', async (role) => {
    const c = clients.get(role)!;
    const url = `/api/v1/reports/${ids.b}/${ids.cityPeriod}`;
    expect((await c.get(url)).statusCode).toBe(200);
    expect((await c.put(url, { version: 0, investment: 1 })).statusCode).toBe(403);
    expect((await c.post(`${url}/approve`, {})).statusCode).toBe(403);
    expect((await c.post(`${url}/return`, { reason: '只读退回' })).statusCode).toBe(403);
    expect((await c.post('/api/v1/periods', { year: 2026, month: 1 })).statusCode).toBe(403);
  });

  it('the owner files and submits but never approves; the unit approves', async () => {
    const url = `/api/v1/reports/${ids.b}/${ids.cityPeriod}`;
    expect((await clients.get('owner')!.put(url, { version: 0, investment: 10 })).statusCode).toBe(200);
    expect((await clients.get('owner')!.post(`${url}/submit`, {})).statusCode).toBe(200);
    expect((await clients.get('owner')!.post(`${url}/approve`, {})).statusCode).toBe(403);
    expect((await clients.get('department')!.post(`${url}/approve`, {})).statusCode).toBe(403);
    expect((await clients.get('unit')!.post(`${url}/approve`, {})).statusCode).toBe(200);
  });

  it('the owner and the responsible unit edit their own project; only the unit and office move its stage', async () => {
    expect((await clients.get('owner')!.patch(`/api/v1/projects/${ids.b}`, { constructionContent: '业主更新' })).statusCode).toBe(200);
    expect((await clients.get('unit')!.patch(`/api/v1/projects/${ids.b}`, { address: '莘县' })).statusCode).toBe(200);
    expect((await clients.get('owner')!.post(`/api/v1/projects/${ids.b}/stage`, { to: 'started', date: '2024-05-01', note: 'x' })).statusCode).toBe(403);
    expect((await clients.get('unit')!.post(`/api/v1/projects/${ids.b}/stage`, { to: 'started', date: '2024-05-01', note: '开工' })).statusCode).toBe(200);
  });

  it('nothing outside was changed by any of the attempts', async () => {
    const { rows } = await t.database.pool.query(`select name, stage, version from projects where code = 'DCF-1'`);
    expect(rows[0]).toEqual({ name: '东昌府区项目', stage: 'preparation', version: 1 });
    const { rows: m } = await t.database.pool.query(`select count(*)::int as n from batch_projects where batch_id = $1`, [ids.batch]);
    expect(m[0].n).toBe(1);
    const { rows: r } = await t.database.pool.query(`select status, version, investment::text from progress_reports where project_id = $1`, [ids.a]);
    expect(r).toEqual([{ status: 'submitted', version: 1, investment: '100.0000' }]);
    const { rows: c } = await t.database.pool.query(`select status from report_corrections`);
    expect(c).toEqual([{ status: 'pending' }]);
    const { rows: ph } = await t.database.pool.query(`select count(*)::int as n from report_photos`);
    expect(ph[0].n).toBe(1);
    const { rows: per } = await t.database.pool.query(`select count(*)::int as n from reporting_periods where status = 'open'`);
    expect(per[0].n).toBe(2);
    const { rows: st } = await t.database.pool.query(`select count(*)::int as n from reporting_settings`);
    expect(st[0].n).toBe(0);
  });
});
