// Role × region × endpoint: a user of 莘县 (every role) reaches nothing of 东昌府区, and roles that
// only read never write, even inside their own county. Checked through the API, then in the tables.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROLES, type Role } from '../src/domain/enums.ts';
import { batches, batchProjects } from '../src/server/db/schema/index.ts';
import { buildTestApp, login, type Client, type TestApp } from './helpers/app.ts';
import { buildProject, createOrg, createPerson, createUser, REGIONS, seedTestRegions } from './helpers/factories.ts';

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
  Object.assign(ids, { a: a.id, b: b.id, batch: batch!.id, cityLeader: cityLeader.id });
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
  });
});
