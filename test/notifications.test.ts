// The notification centre: each user sees, counts and marks only their own notifications.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { notify } from '../src/server/modules/notifications/notify.ts';
import { buildTestApp, login, type Client, type TestApp } from './helpers/app.ts';
import { createOrg, createUser, REGIONS, seedTestRegions } from './helpers/factories.ts';

let t: TestApp;
let alice: Client;
let bob: Client;
let aliceId: string;
let bobId: string;

beforeAll(async () => {
  t = await buildTestApp();
  const db = t.database.db;
  await seedTestRegions(db);
  const dept = await createOrg(db, { name: '市自然资源和规划局', kind: 'department', regionCode: REGIONS.city.code });
  aliceId = (await createUser(db, { username: 'alice', role: 'department', regionCode: REGIONS.city.code, orgId: dept.id })).id;
  bobId = (await createUser(db, { username: 'bob', role: 'office', regionCode: REGIONS.shen.code })).id;
  // Three for alice (through her department), one for bob, one for both.
  for (let i = 1; i <= 3; i++) {
    await notify(db, { orgIds: [dept.id] }, { kind: 'problem_raised', title: `新问题 ${i}`, link: `/problems/${i}`, entityType: 'problem', entityId: String(i) });
  }
  await notify(db, { userIds: [bobId] }, { kind: 'problem_escalated', title: '问题升级', body: '已超期 5 个工作日' });
  await notify(db, { userIds: [aliceId, bobId, bobId] }, { kind: 'notice', title: '通知两人' });
  alice = await login(t.app, 'alice');
  bob = await login(t.app, 'bob');
});
afterAll(() => t.close());

describe('notification centre', () => {
  it('lists own notifications newest first, with total and unread counts', async () => {
    const res = await alice.get('/api/v1/notifications');
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({ total: 4, unread: 4, page: 1, pageSize: 20 });
    expect(body.items.map((n: { title: string }) => n.title)).toEqual(['通知两人', '新问题 3', '新问题 2', '新问题 1']);
    expect(body.items[1]).toMatchObject({ kind: 'problem_raised', link: '/problems/3', entityType: 'problem', entityId: '3', readAt: null, body: null });
    // notify() wrote one row for bob although he was named twice.
    expect((await bob.get('/api/v1/notifications')).json()).toMatchObject({ total: 2, unread: 2 });
  });

  it('pages', async () => {
    const p2 = (await alice.get('/api/v1/notifications?page=2&pageSize=3')).json();
    expect(p2).toMatchObject({ total: 4, page: 2, pageSize: 3 });
    expect(p2.items.map((n: { title: string }) => n.title)).toEqual(['新问题 1']);
  });

  it('marks one read; the unread count and the unread filter follow', async () => {
    const list = (await alice.get('/api/v1/notifications')).json();
    const target = list.items.find((n: { title: string }) => n.title === '新问题 2');
    const res = await alice.post(`/api/v1/notifications/${target.id}/read`);
    expect(res.statusCode).toBe(200);
    expect(res.json().readAt).not.toBeNull();
    const firstRead = res.json().readAt;
    // Reading again keeps the first read time.
    expect((await alice.post(`/api/v1/notifications/${target.id}/read`)).json().readAt).toBe(firstRead);
    expect((await alice.get('/api/v1/notifications/unread-count')).json()).toEqual({ unread: 3 });
    const unread = (await alice.get('/api/v1/notifications?unread=true')).json();
    expect(unread).toMatchObject({ total: 3, unread: 3 });
    expect(unread.items.map((n: { title: string }) => n.title)).not.toContain('新问题 2');
  });

  it("cannot read or mark another user's notification (404), and it stays unread", async () => {
    const bobs = (await bob.get('/api/v1/notifications')).json();
    const res = await alice.post(`/api/v1/notifications/${bobs.items[0].id}/read`);
    expect(res.statusCode).toBe(404);
    expect(res.json().error.code).toBe('not_found');
    expect((await bob.get('/api/v1/notifications/unread-count')).json()).toEqual({ unread: 2 });
  });

  it('rejects a malformed id', async () => {
    expect((await alice.post('/api/v1/notifications/abc/read')).statusCode).toBe(400);
  });

  it("read-all marks only the caller's own", async () => {
    const res = await alice.post('/api/v1/notifications/read-all');
    expect(res.json()).toEqual({ updated: 3 });
    expect((await alice.get('/api/v1/notifications/unread-count')).json()).toEqual({ unread: 0 });
    expect((await bob.get('/api/v1/notifications/unread-count')).json()).toEqual({ unread: 2 });
    expect((await alice.post('/api/v1/notifications/read-all')).json()).toEqual({ updated: 0 });
  });

  it('needs a signed-in user', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/notifications/unread-count' });
    expect(res.statusCode).toBe(401);
  });
});
