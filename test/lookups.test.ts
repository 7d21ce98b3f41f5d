import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, login, type TestApp } from './helpers/app.ts';
import { buildProject, createOrg, createPerson, createUser, REGIONS, seedTestRegions } from './helpers/factories.ts';

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
  const db = t.database.db;
  await seedTestRegions(db);
  await createUser(db, { username: 'city', role: 'office', regionCode: REGIONS.city.code });
  await createUser(db, { username: 'shen', role: 'viewer', regionCode: REGIONS.shen.code });
  await createOrg(db, { name: '聊城市发展和改革委员会', kind: 'department', regionCode: REGIONS.city.code });
  await createOrg(db, { name: '莘县人民政府', kind: 'government', regionCode: REGIONS.shen.code });
  await createOrg(db, { name: '莘县鲁西调味品有限公司', kind: 'enterprise', regionCode: REGIONS.shen.code });
  await createOrg(db, { name: '高唐县时风集团', kind: 'enterprise', regionCode: REGIONS.gaotang.code });
  await createOrg(db, { name: '滕州市锂电回收有限公司', kind: 'enterprise', regionCode: REGIONS.tengzhou.code });
  await createPerson(db, { name: '王建国', title: '副市长', regionCode: REGIONS.city.code });
  await createPerson(db, { name: '李明', title: '副县长', regionCode: REGIONS.shen.code });
  await createPerson(db, { name: '李华', title: '科员', regionCode: REGIONS.shen.code, isLeader: false });
  await createPerson(db, { name: '赵强', title: '副县长', regionCode: REGIONS.gaotang.code });
  await buildProject(db, { regionCode: REGIONS.shen.code, tags: ['招商引资', '新质生产力'] });
  await buildProject(db, { regionCode: REGIONS.shen.code, tags: ['招商引资'] });
  await buildProject(db, { regionCode: REGIONS.gaotang.code, tags: ['外资'] });
  await buildProject(db, { regionCode: REGIONS.tengzhou.code, tags: ['省外'] });
});
afterAll(() => t.close());

const names = (res: { json(): unknown }) => (res.json() as { items: { name: string }[] }).items.map((i) => i.name);

describe('GET /lookups/orgs', () => {
  it('lists organisations of the subtree only', async () => {
    const city = await login(t.app, 'city');
    const all = names(await city.get('/api/v1/lookups/orgs'));
    expect(all).toHaveLength(4);
    expect(all).not.toContain('滕州市锂电回收有限公司');
    const shen = await login(t.app, 'shen');
    expect(names(await shen.get('/api/v1/lookups/orgs')).sort()).toEqual(['莘县人民政府', '莘县鲁西调味品有限公司'].sort());
  });

  it('filters by kind and by name', async () => {
    const c = await login(t.app, 'city');
    expect(names(await c.get('/api/v1/lookups/orgs?kind=enterprise')).sort()).toEqual(['莘县鲁西调味品有限公司', '高唐县时风集团'].sort());
    expect(names(await c.get(`/api/v1/lookups/orgs?q=${encodeURIComponent('调味')}`))).toEqual(['莘县鲁西调味品有限公司']);
    const res = await c.get('/api/v1/lookups/orgs?kind=nonsense');
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details[0].field).toBe('kind');
  });

  it('finds by pinyin initials and full pinyin, best match first', async () => {
    const c = await login(t.app, 'city');
    const res = await c.get('/api/v1/lookups/orgs?q=sx');
    expect(res.statusCode).toBe(200);
    // 莘县 (shēn xiàn) starts "sx"; 时风 contains "sf", not "sx".
    expect(names(res).sort()).toEqual(['莘县人民政府', '莘县鲁西调味品有限公司'].sort());
    expect(names(await c.get('/api/v1/lookups/orgs?q=shifeng'))).toEqual(['高唐县时风集团']);
    expect(res.json().items[0]).toMatchObject({ id: expect.any(String), kind: expect.any(String), regionCode: '371522' });
  });

  it('respects limit, and never leaks another city through a search', async () => {
    const c = await login(t.app, 'city');
    expect(names(await c.get('/api/v1/lookups/orgs?limit=1'))).toHaveLength(1);
    expect(names(await c.get(`/api/v1/lookups/orgs?q=${encodeURIComponent('滕州')}`))).toEqual([]);
  });
});

describe('GET /lookups/people', () => {
  it('lists leaders only when asked, within the subtree', async () => {
    const shen = await login(t.app, 'shen');
    expect(names(await shen.get('/api/v1/lookups/people')).sort()).toEqual(['李明', '李华'].sort());
    expect(names(await shen.get('/api/v1/lookups/people?leader=true'))).toEqual(['李明']);
    const city = await login(t.app, 'city');
    expect(names(await city.get('/api/v1/lookups/people?leader=true')).sort()).toEqual(['李明', '王建国', '赵强'].sort());
  });

  it('searches by name or initials and returns title and region', async () => {
    const c = await login(t.app, 'city');
    const res = await c.get(`/api/v1/lookups/people?q=${encodeURIComponent('王')}`);
    expect(res.json().items).toEqual([
      { id: expect.any(String), name: '王建国', title: '副市长', regionCode: '371500', orgName: null, isLeader: true },
    ]);
    expect(names(await c.get('/api/v1/lookups/people?q=wjg'))).toEqual(['王建国']);
    expect(names(await c.get('/api/v1/lookups/people?q=zq&leader=false'))).toEqual(['赵强']);
  });
});

describe('GET /lookups/tags', () => {
  it('lists the distinct tags of projects in scope', async () => {
    const city = await login(t.app, 'city');
    const items = (await city.get('/api/v1/lookups/tags')).json().items as string[];
    expect([...items].sort()).toEqual(['外资', '招商引资', '新质生产力'].sort());
    const shen = await login(t.app, 'shen');
    expect(((await shen.get('/api/v1/lookups/tags')).json().items as string[]).sort()).toEqual(['招商引资', '新质生产力'].sort());
  });

  it('needs a signed-in user', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/lookups/tags' })).statusCode).toBe(401);
  });
});
