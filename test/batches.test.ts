import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, login, type Client, type TestApp } from './helpers/app.ts';
import { buildProject, createUser, REGIONS, seedTestRegions } from './helpers/factories.ts';

let t: TestApp;
let city: Client;
let shen: Client;
let gaotang: Client;
let viewer: Client;
const P: Record<string, { id: string; name: string }> = {};

beforeAll(async () => {
  t = await buildTestApp();
  const db = t.database.db;
  await seedTestRegions(db);
  await createUser(db, { username: 'city', role: 'office', regionCode: REGIONS.city.code });
  await createUser(db, { username: 'shen', role: 'office', regionCode: REGIONS.shen.code });
  await createUser(db, { username: 'gaotang', role: 'office', regionCode: REGIONS.gaotang.code });
  await createUser(db, { username: 'viewer', role: 'viewer', regionCode: REGIONS.city.code });
  P.seasoning = await buildProject(db, { name: '调味品全产业链项目', regionCode: REGIONS.shen.code, totalInvestment: '120000.1234' });
  P.protein = await buildProject(db, { name: '大豆分离蛋白项目', regionCode: REGIONS.shen.code, totalInvestment: '0.0001' });
  P.osb = await buildProject(db, { name: 'OSB定向结构刨花板项目', regionCode: REGIONS.gaotang.code, totalInvestment: '35000.5' });
  P.lithium = await buildProject(db, { name: '锂电池回收及新型储能项目', regionCode: REGIONS.tengzhou.code, totalInvestment: '500000' });
  city = await login(t.app, 'city');
  shen = await login(t.app, 'shen');
  gaotang = await login(t.app, 'gaotang');
  viewer = await login(t.app, 'viewer');
});
afterAll(() => t.close());

const autumn = {
  name: '2024年秋季集中开工',
  kind: 'groundbreaking',
  level: 'municipal',
  eventDate: '2024-09-26',
  regionCode: '371500',
  venue: '聊城高新区',
};

describe('creating and reading batches', () => {
  let id: string;

  it('the city office creates an event with a main venue project; totals are exact', async () => {
    const res = await city.post('/api/v1/batches', { ...autumn, mainProjectId: P.seasoning!.id, projectIds: [P.protein!.id, P.osb!.id] });
    expect(res.statusCode).toBe(201);
    const b = res.json();
    id = b.id;
    expect(b).toMatchObject({
      name: '2024年秋季集中开工', kind: 'groundbreaking', level: 'municipal', season: 'autumn', eventDate: '2024-09-26',
      regionCode: '371500', regionName: '聊城市', venue: '聊城高新区',
      mainProjectId: P.seasoning!.id, mainProjectName: '调味品全产业链项目',
      projectCount: 3,
      // 120000.1234 + 0.0001 + 35000.5: a float sum would not give this exactly.
      totalInvestment: '155000.6235',
    });
    expect(b.projects.map((p: { name: string }) => p.name).sort()).toEqual(['OSB定向结构刨花板项目', '大豆分离蛋白项目', '调味品全产业链项目'].sort());
    const member = b.projects.find((p: { id: string }) => p.id === P.osb!.id);
    expect(member).toMatchObject({ regionCode: '371526', regionName: '高唐县', totalInvestment: '35000.5', batchIds: [id] });
  });

  it('lists events of a year and kind with count and total', async () => {
    const res = await city.get('/api/v1/batches?year=2024&kind=groundbreaking');
    expect(res.statusCode).toBe(200);
    expect(res.json().items).toEqual([expect.objectContaining({ id, projectCount: 3, totalInvestment: '155000.6235', mainProjectName: '调味品全产业链项目' })]);
    expect((await city.get('/api/v1/batches?year=2023')).json().items).toEqual([]);
    expect((await city.get('/api/v1/batches?kind=signing')).json().items).toEqual([]);
  });

  it('a county office sees neither the city event nor another county’s', async () => {
    const own = await shen.post('/api/v1/batches', { ...autumn, name: '莘县秋季集中开工', level: 'county', regionCode: '371522', projectIds: [P.protein!.id] });
    expect(own.statusCode).toBe(201);
    const other = await gaotang.post('/api/v1/batches', { ...autumn, name: '高唐县秋季集中开工', level: 'county', regionCode: '371526', projectIds: [P.osb!.id] });
    expect(other.statusCode).toBe(201);
    const list = (await shen.get('/api/v1/batches')).json().items as { name: string }[];
    expect(list.map((b) => b.name)).toEqual(['莘县秋季集中开工']);
    expect((await shen.get(`/api/v1/batches/${id}`)).statusCode).toBe(404);
    expect((await shen.get(`/api/v1/batches/${other.json().id}`)).statusCode).toBe(404);
    // The city sees all three.
    expect((await city.get('/api/v1/batches')).json().items).toHaveLength(3);
  });

  it('a county office can neither change nor delete another county’s event', async () => {
    const other = ((await gaotang.get('/api/v1/batches')).json().items as { id: string }[])[0]!;
    expect((await shen.patch(`/api/v1/batches/${other.id}`, { name: '改名' })).statusCode).toBe(404);
    expect((await shen.put(`/api/v1/batches/${other.id}/projects`, { projectIds: [P.protein!.id] })).statusCode).toBe(404);
    expect((await shen.delete(`/api/v1/batches/${other.id}`)).statusCode).toBe(404);
    expect((await gaotang.get(`/api/v1/batches/${other.id}`)).json().name).toBe('高唐县秋季集中开工');
  });

  it('a county office cannot list another county’s project, nor hold a city-level event', async () => {
    const res = await shen.post('/api/v1/batches', { ...autumn, regionCode: '371522', projectIds: [P.protein!.id, P.osb!.id] });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details).toEqual([{ field: 'projectIds.1', message: expect.stringContaining('不存在或无权查看') }]);
    const up = await shen.post('/api/v1/batches', { ...autumn, regionCode: '371500' });
    expect(up.statusCode).toBe(403);
    expect(up.json().error.details[0].field).toBe('regionCode');
  });

  it('a county event only takes projects of that county', async () => {
    const res = await city.post('/api/v1/batches', { ...autumn, regionCode: '371522', projectIds: [P.osb!.id] });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.message).toContain('不在活动所属区域「莘县」内');
  });

  it('nobody lists a project outside their scope, even by id', async () => {
    const res = await city.post('/api/v1/batches', { ...autumn, projectIds: [P.lithium!.id] });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details[0]).toMatchObject({ field: 'projectIds.0' });
  });

  it('a viewer cannot create, change or delete events', async () => {
    expect((await viewer.post('/api/v1/batches', autumn)).statusCode).toBe(403);
    expect((await viewer.patch(`/api/v1/batches/${id}`, { name: '改名' })).statusCode).toBe(403);
    expect((await viewer.put(`/api/v1/batches/${id}/projects`, { projectIds: [] })).statusCode).toBe(403);
    expect((await viewer.delete(`/api/v1/batches/${id}`)).statusCode).toBe(403);
    expect((await viewer.get(`/api/v1/batches/${id}`)).statusCode).toBe(200);
  });

  it('refuses a write without the CSRF header', async () => {
    const res = await city.request({ method: 'POST', url: '/api/v1/batches', payload: autumn, headers: { 'x-csrf-token': 'forged' } });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('csrf_failed');
  });

  it('names the wrong field of a request', async () => {
    const res = await city.post('/api/v1/batches', { ...autumn, eventDate: '2024/09/26', kind: 'party' });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details.map((d: { field: string }) => d.field).sort()).toEqual(['eventDate', 'kind']);
  });
});

describe('changing a batch', () => {
  let id: string;
  beforeAll(async () => {
    const res = await city.post('/api/v1/batches', { ...autumn, name: '2024年春季集中开工', eventDate: '2024-04-10', projectIds: [P.seasoning!.id] });
    id = res.json().id;
    expect(res.json().season).toBe('spring');
  });

  it('PATCH changes fields, re-derives the season from a new date, and is audited', async () => {
    const res = await city.patch(`/api/v1/batches/${id}`, { name: '2024年夏季集中开工', eventDate: '2024-07-01', venue: null });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ name: '2024年夏季集中开工', eventDate: '2024-07-01', season: 'summer', venue: null });
    const log = (await city.get(`/api/v1/audit?entityType=batch&action=batch.updated`)).json().items;
    expect(log[0]).toMatchObject({ entityId: id, before: { name: '2024年春季集中开工', season: 'spring' }, after: { name: '2024年夏季集中开工', season: 'summer' } });
  });

  it('a new main venue project joins the event', async () => {
    const res = await city.patch(`/api/v1/batches/${id}`, { mainProjectId: P.osb!.id });
    expect(res.json()).toMatchObject({ mainProjectId: P.osb!.id, projectCount: 2, totalInvestment: '155000.6234' });
  });

  it('PUT /projects replaces the members and records each change in the project’s history', async () => {
    const res = await city.put(`/api/v1/batches/${id}/projects`, { projectIds: [P.osb!.id, P.protein!.id] });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ projectCount: 2, totalInvestment: '35000.5001' });
    const removed = (await city.get(`/api/v1/audit?projectId=${P.seasoning!.id}`)).json().items;
    expect(removed[0]).toMatchObject({ action: 'batch.project_removed', entityType: 'batch', entityId: id, projectId: P.seasoning!.id, username: 'city' });
    const added = (await city.get(`/api/v1/audit?projectId=${P.protein!.id}&action=batch.project_added`)).json().items;
    expect(added.some((e: { entityId: string }) => e.entityId === id)).toBe(true);
    const batchLog = (await city.get('/api/v1/audit?action=batch.projects_set')).json().items;
    expect(batchLog[0]).toMatchObject({ entityId: id, after: { projectCount: 2 } });
  });

  it('the main venue project cannot be dropped from the list', async () => {
    const res = await city.put(`/api/v1/batches/${id}/projects`, { projectIds: [P.protein!.id] });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details[0].field).toBe('projectIds');
  });

  it('DELETE removes the event and notes it on each member project', async () => {
    const res = await city.delete(`/api/v1/batches/${id}`);
    expect(res.statusCode).toBe(200);
    expect((await city.get(`/api/v1/batches/${id}`)).statusCode).toBe(404);
    const log = (await city.get(`/api/v1/audit?projectId=${P.osb!.id}`)).json().items;
    expect(log[0]).toMatchObject({ action: 'batch.project_removed', entityId: id });
    expect((await city.get('/api/v1/audit?action=batch.deleted')).json().items[0]).toMatchObject({ entityId: id });
  });
});
