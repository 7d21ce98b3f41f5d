import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, login, type TestApp } from './helpers/app.ts';
import { createUser, REGIONS, seedTestRegions } from './helpers/factories.ts';

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
  const db = t.database.db;
  await seedTestRegions(db);
  await createUser(db, { username: 'prov', role: 'viewer', regionCode: REGIONS.province.code });
  await createUser(db, { username: 'city', role: 'office', regionCode: REGIONS.city.code });
  await createUser(db, { username: 'shen', role: 'office', regionCode: REGIONS.shen.code });
});
afterAll(() => t.close());

interface Node { code: string; name: string; shortName: string; level: string; children: Node[] }

describe('GET /regions/tree', () => {
  it("roots the tree at the caller's region, children in order", async () => {
    const c = await login(t.app, 'city');
    const res = await c.get('/api/v1/regions/tree');
    expect(res.statusCode).toBe(200);
    const tree = res.json().tree as Node[];
    expect(tree).toHaveLength(1);
    expect(tree[0]).toMatchObject({ code: '371500', name: '聊城市', shortName: '聊城', level: 'city' });
    expect(tree[0]!.children.map((n) => n.code)).toEqual(['371502', '371522', '371526', '371572']);
    expect(tree[0]!.children.find((n) => n.code === '371572')).toMatchObject({ level: 'park', children: [] });
    expect(JSON.stringify(tree)).not.toContain('370481');
  });

  it('a province user sees both cities with their counties', async () => {
    const c = await login(t.app, 'prov');
    const tree = (await c.get('/api/v1/regions/tree')).json().tree as Node[];
    expect(tree[0]!.code).toBe('370000');
    expect(tree[0]!.children.map((n) => n.code)).toEqual(['371500', '370400']);
    expect(tree[0]!.children[1]!.children.map((n) => n.name)).toEqual(['滕州市']);
  });

  it('a county user gets only the county', async () => {
    const c = await login(t.app, 'shen');
    const tree = (await c.get('/api/v1/regions/tree')).json().tree as Node[];
    expect(tree).toEqual([{ code: '371522', name: '莘县', shortName: '莘', level: 'county', children: [] }]);
  });

  it('needs a signed-in user', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/regions/tree' });
    expect(res.statusCode).toBe(401);
  });
});

describe('GET /regions/:code', () => {
  it('returns a region in scope', async () => {
    const c = await login(t.app, 'city');
    const res = await c.get('/api/v1/regions/371522');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ code: '371522', name: '莘县', shortName: '莘', level: 'county', parentCode: '371500', path: '370000/371500/371522/' });
  });

  it('hides regions outside the scope as if they did not exist', async () => {
    const c = await login(t.app, 'shen');
    const other = await c.get('/api/v1/regions/371526');
    expect(other.statusCode).toBe(404);
    expect(other.json().error.code).toBe('not_found');
    expect((await c.get('/api/v1/regions/371500')).statusCode).toBe(404);
    expect((await c.get('/api/v1/regions/999999')).statusCode).toBe(404);
  });
});
