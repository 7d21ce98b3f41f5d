import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordAudit } from '../src/server/modules/audit/audit.repo.ts';
import { buildTestApp, login, type TestApp } from './helpers/app.ts';
import { buildProject, createUser, REGIONS, seedTestRegions } from './helpers/factories.ts';

let t: TestApp;
let shenProject: { id: string; code: string; name: string };

beforeAll(async () => {
  t = await buildTestApp();
  const db = t.database.db;
  await seedTestRegions(db);
  await createUser(db, { username: 'city', role: 'office', regionCode: REGIONS.city.code });
  await createUser(db, { username: 'shen', role: 'office', regionCode: REGIONS.shen.code });
  await createUser(db, { username: 'gaotang', role: 'viewer', regionCode: REGIONS.gaotang.code });
  await createUser(db, { username: 'auditor', role: 'auditor', regionCode: REGIONS.city.code });
  await createUser(db, { username: 'viewer', role: 'viewer', regionCode: REGIONS.city.code });
  await createUser(db, { username: 'unit', role: 'unit', regionCode: REGIONS.city.code });
  await createUser(db, { username: 'root', role: 'admin', regionCode: REGIONS.province.code });
  shenProject = await buildProject(db, { name: '调味品全产业链项目', regionCode: REGIONS.shen.code });
  const gaotangProject = await buildProject(db, { regionCode: REGIONS.gaotang.code });
  const who = { id: '00000000-0000-4000-8000-000000000001', username: 'someone' };
  await recordAudit(db, who, { action: 'project.updated', entityType: 'project', entityId: shenProject.id, projectId: shenProject.id, regionPath: REGIONS.shen.path, before: { name: '旧名' }, after: { name: '调味品全产业链项目' } });
  await recordAudit(db, who, { action: 'project.stage_changed', entityType: 'project', entityId: shenProject.id, projectId: shenProject.id, regionPath: REGIONS.shen.path, note: '开工' });
  await recordAudit(db, who, { action: 'project.updated', entityType: 'project', entityId: gaotangProject.id, projectId: gaotangProject.id, regionPath: REGIONS.gaotang.path });
  await recordAudit(db, who, { action: 'project.updated', entityType: 'project', regionPath: REGIONS.tengzhou.path });
  await recordAudit(db, null, { action: 'system.backup', entityType: 'system' });
  // Sign-ins carry no region: they follow the region of the user who signed in.
  await login(t.app, 'gaotang');
});
afterAll(() => t.close());

type Entry = { id: number; action: string; entityType: string; projectId: string | null; username: string | null; projectName: string | null };
const items = (res: { json(): unknown }) => (res.json() as { items: Entry[] }).items;

describe('GET /audit', () => {
  it('is for the office, admins and auditors only', async () => {
    for (const name of ['viewer', 'unit']) {
      const res = await (await login(t.app, name)).get('/api/v1/audit');
      expect(res.statusCode).toBe(403);
      expect(res.json().error.message).toContain('操作日志');
    }
    expect((await (await login(t.app, 'auditor')).get('/api/v1/audit')).statusCode).toBe(200);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/audit' })).statusCode).toBe(401);
  });

  it('shows a county only its own entries, and the sign-ins of its own users', async () => {
    const shen = await login(t.app, 'shen');
    const list = items(await shen.get('/api/v1/audit?entityType=project'));
    expect(list.map((e) => e.projectId)).toEqual([shenProject.id, shenProject.id]);
    const logins = items(await shen.get('/api/v1/audit?action=auth.login'));
    expect(logins.map((e) => e.username)).toEqual(['shen']);
  });

  it('shows the city everything under it but nothing of another city; the root also sees system entries', async () => {
    const city = await login(t.app, 'auditor');
    const list = items(await city.get('/api/v1/audit?entityType=project'));
    expect(list).toHaveLength(3);
    expect(items(await city.get('/api/v1/audit?action=auth.login')).map((e) => e.username)).toContain('gaotang');
    expect(items(await city.get('/api/v1/audit?entityType=system'))).toEqual([]);
    const root = await login(t.app, 'root');
    expect(items(await root.get('/api/v1/audit?entityType=project'))).toHaveLength(4);
    expect(items(await root.get('/api/v1/audit?entityType=system')).map((e) => e.action)).toEqual(['system.backup']);
  });

  it('filters by action, user and project, newest first, with the project named', async () => {
    const c = await login(t.app, 'city');
    const byProject = items(await c.get(`/api/v1/audit?projectId=${shenProject.id}`));
    expect(byProject.map((e) => e.action)).toEqual(['project.stage_changed', 'project.updated']);
    expect(byProject[1]).toMatchObject({ projectName: '调味品全产业链项目', before: { name: '旧名' }, after: { name: '调味品全产业链项目' } });
    expect(items(await c.get('/api/v1/audit?action=project.stage_changed'))).toEqual([expect.objectContaining({ note: '开工', username: 'someone' })]);
    expect(items(await c.get('/api/v1/audit?username=someone'))).toHaveLength(3);
    expect(items(await c.get('/api/v1/audit?username=some'))).toHaveLength(0);
  });

  it('pages with before and nextBefore', async () => {
    const c = await login(t.app, 'city');
    const first = (await c.get('/api/v1/audit?entityType=project&limit=2')).json();
    expect(first.items).toHaveLength(2);
    expect(first.nextBefore).toBe(first.items[1].id);
    const second = (await c.get(`/api/v1/audit?entityType=project&limit=2&before=${first.nextBefore}`)).json();
    expect(second.items).toHaveLength(1);
    expect(second.items[0].id).toBeLessThan(first.nextBefore);
    expect(second.nextBefore).toBeNull();
  });

  it('names a bad query parameter', async () => {
    const res = await (await login(t.app, 'city')).get('/api/v1/audit?projectId=nope&limit=0');
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details.map((d: { field: string }) => d.field).sort()).toEqual(['limit', 'projectId']);
  });
});
