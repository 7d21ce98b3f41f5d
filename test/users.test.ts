import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser as createUserService } from '../src/server/modules/users/users.service.ts';
import { buildTestApp, login, type Client, type TestApp } from './helpers/app.ts';
import { createOrg, createPerson, createUser, REGIONS, seedTestRegions } from './helpers/factories.ts';

let t: TestApp;
let admin: Client;
let shenAdmin: Client;
let org: { id: string };
let gaotangOrg: { id: string };
let person: { id: string };

beforeAll(async () => {
  t = await buildTestApp();
  const db = t.database.db;
  await seedTestRegions(db);
  await createUser(db, { username: 'admin', role: 'admin', regionCode: REGIONS.city.code });
  await createUser(db, { username: 'shenadmin', role: 'admin', regionCode: REGIONS.shen.code });
  await createUser(db, { username: 'office', role: 'office', regionCode: REGIONS.city.code });
  await createUser(db, { username: 'auditor', role: 'auditor', regionCode: REGIONS.city.code });
  await createUser(db, { username: 'tz', role: 'viewer', regionCode: REGIONS.tengzhou.code });
  org = await createOrg(db, { name: '莘县鲁西调味品有限公司', regionCode: REGIONS.shen.code });
  gaotangOrg = await createOrg(db, { name: '高唐县时风集团', regionCode: REGIONS.gaotang.code });
  person = await createPerson(db, { name: '李明', regionCode: REGIONS.shen.code });
  admin = await login(t.app, 'admin');
  shenAdmin = await login(t.app, 'shenadmin');
});
afterAll(() => t.close());

const newUser = (over: Record<string, unknown> = {}) => ({
  username: 'shen.owner',
  displayName: '张经理',
  password: 'Welcome2024x',
  role: 'owner',
  regionCode: '371522',
  orgId: org.id,
  ...over,
});

describe('who may manage users', () => {
  it('refuses everyone but admins', async () => {
    for (const name of ['office', 'auditor']) {
      const c = await login(t.app, name);
      const list = await c.get('/api/v1/users');
      expect(list.statusCode).toBe(403);
      expect(list.json().error.message).toContain('仅系统管理员');
      expect((await c.post('/api/v1/users', newUser({ username: `x-${name}` }))).statusCode).toBe(403);
    }
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/users' })).statusCode).toBe(401);
  });
});

describe('creating users', () => {
  let id: string;

  it('an admin creates a user in their subtree; no password hash is returned; the user can sign in', async () => {
    const res = await admin.post('/api/v1/users', newUser());
    expect(res.statusCode).toBe(201);
    const u = res.json();
    id = u.id;
    expect(u).toMatchObject({ username: 'shen.owner', displayName: '张经理', role: 'owner', regionCode: '371522', regionName: '莘县', orgId: org.id, orgName: '莘县鲁西调味品有限公司', disabled: false });
    expect(JSON.stringify(u)).not.toMatch(/argon|password_hash|passwordHash/);
    const c = await login(t.app, 'shen.owner', 'Welcome2024x');
    expect((await c.get('/api/v1/auth/me')).json().user).toMatchObject({ role: 'owner', orgName: '莘县鲁西调味品有限公司' });
  });

  it('lists users of the subtree without hashes', async () => {
    const res = await admin.get('/api/v1/users');
    const items = res.json().items as { username: string }[];
    expect(items.map((i) => i.username)).toContain('shen.owner');
    expect(items.map((i) => i.username)).not.toContain('tz');
    expect(res.body).not.toContain('$argon2');
    expect((await admin.get('/api/v1/users?role=owner')).json().items.map((i: { username: string }) => i.username)).toEqual(['shen.owner']);
    const shenList = (await shenAdmin.get('/api/v1/users')).json().items.map((i: { username: string }) => i.username);
    expect(shenList.sort()).toEqual(['shen.owner', 'shenadmin']);
  });

  it('enforces the password rule', async () => {
    const res = await admin.post('/api/v1/users', newUser({ username: 'weak', password: 'onlyletters' }));
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details[0]).toMatchObject({ field: 'password', message: expect.stringContaining('字母和数字') });
    expect((await admin.post('/api/v1/users', newUser({ username: 'short', password: 'a1b2' }))).json().error.details[0].field).toBe('password');
  });

  it('refuses a taken username, whatever its case', async () => {
    const res = await admin.post('/api/v1/users', newUser({ username: 'SHEN.owner' }));
    expect(res.statusCode).toBe(409);
    expect(res.json().error.details[0].field).toBe('username');
  });

  it('a county admin cannot create users above or beside their county', async () => {
    const up = await shenAdmin.post('/api/v1/users', newUser({ username: 'c1', role: 'viewer', regionCode: '371500', orgId: null }));
    expect(up.statusCode).toBe(403);
    expect(up.json().error.details[0].field).toBe('regionCode');
    const link = await shenAdmin.post('/api/v1/users', newUser({ username: 'c2', orgId: gaotangOrg.id }));
    expect(link.statusCode).toBe(400);
    expect(link.json().error.details[0].field).toBe('orgId');
  });

  it('a unit user needs an organisation and a leader user a person', async () => {
    const unit = await admin.post('/api/v1/users', newUser({ username: 'u1', role: 'unit', orgId: null }));
    expect(unit.statusCode).toBe(400);
    expect(unit.json().error.details[0].field).toBe('orgId');
    const leader = await admin.post('/api/v1/users', newUser({ username: 'l1', role: 'leader', orgId: null }));
    expect(leader.json().error.details[0].field).toBe('personId');
    const ok = await admin.post('/api/v1/users', newUser({ username: 'l2', role: 'leader', orgId: null, personId: person.id }));
    expect(ok.statusCode).toBe(201);
    expect(ok.json()).toMatchObject({ personId: person.id, personName: '李明' });
  });

  it('the command line creates users anywhere, with the same rules', async () => {
    const u = await createUserService(t.database.db, null, { username: 'root', displayName: '省管理员', password: 'RootPassw0rd', role: 'admin', regionCode: '370000' });
    expect(u).toMatchObject({ username: 'root', role: 'admin', regionName: '山东省' });
    await expect(createUserService(t.database.db, null, { username: 'root2', displayName: 'x', password: 'short', role: 'admin', regionCode: '370000' }))
      .rejects.toMatchObject({ code: 'validation_failed', details: expect.arrayContaining([expect.objectContaining({ field: 'password' })]) });
    await expect(createUserService(t.database.db, null, { username: 'root3', displayName: 'x', password: 'RootPassw0rd', role: 'admin', regionCode: '999999' }))
      .rejects.toMatchObject({ code: 'validation_failed', details: [expect.objectContaining({ field: 'regionCode' })] });
  });

  it('records the creation in the log without the password', async () => {
    const log = (await admin.get(`/api/v1/audit?entityType=user&action=user.created`)).json().items as { entityId: string; after: object }[];
    const entry = log.find((e) => e.entityId === id)!;
    expect(entry.after).toMatchObject({ username: 'shen.owner', role: 'owner' });
    expect(JSON.stringify(entry)).not.toContain('Welcome2024x');
    expect(JSON.stringify(entry)).not.toContain('argon');
  });
});

describe('changing users', () => {
  let id: string;
  beforeAll(async () => {
    id = (await admin.post('/api/v1/users', newUser({ username: 'changing', role: 'viewer', orgId: null }))).json().id;
  });

  it('changes name, role and region', async () => {
    const res = await admin.patch(`/api/v1/users/${id}`, { displayName: '李四', role: 'office', regionCode: '371526' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ displayName: '李四', role: 'office', regionCode: '371526', regionName: '高唐县' });
  });

  it('disabling ends the user’s sessions and sign-ins', async () => {
    const c = await login(t.app, 'changing', 'Welcome2024x');
    expect((await c.get('/api/v1/auth/me')).statusCode).toBe(200);
    const res = await admin.patch(`/api/v1/users/${id}`, { disabled: true });
    expect(res.json().disabled).toBe(true);
    expect((await c.get('/api/v1/auth/me')).statusCode).toBe(401);
    const again = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'changing', password: 'Welcome2024x' } });
    expect(again.statusCode).toBe(401);
    expect((await admin.patch(`/api/v1/users/${id}`, { disabled: false })).json().disabled).toBe(false);
  });

  it('a password reset ends the sessions; the new password works', async () => {
    const c = await login(t.app, 'changing', 'Welcome2024x');
    const res = await admin.patch(`/api/v1/users/${id}`, { resetPassword: 'Brandnew2025pw' });
    expect(res.statusCode).toBe(200);
    expect((await c.get('/api/v1/auth/me')).statusCode).toBe(401);
    await login(t.app, 'changing', 'Brandnew2025pw');
    const log = (await admin.get(`/api/v1/audit?entityType=user&action=user.updated`)).json().items;
    expect(log[0]).toMatchObject({ entityId: id, after: { passwordReset: true } });
    expect(JSON.stringify(log[0])).not.toContain('Brandnew2025pw');
  });

  it('refuses a weak reset password and an empty change', async () => {
    expect((await admin.patch(`/api/v1/users/${id}`, { resetPassword: '1234567890' })).statusCode).toBe(400);
    expect((await admin.patch(`/api/v1/users/${id}`, {})).statusCode).toBe(400);
  });

  it('an admin cannot disable or demote themselves', async () => {
    const me = (await admin.get('/api/v1/auth/me')).json().user;
    const res = await admin.patch(`/api/v1/users/${me.id}`, { disabled: true });
    expect(res.statusCode).toBe(403);
    expect((await admin.patch(`/api/v1/users/${me.id}`, { role: 'viewer' })).statusCode).toBe(403);
    expect((await admin.patch(`/api/v1/users/${me.id}`, { displayName: '管理员' })).json().displayName).toBe('管理员');
  });

  it('a county admin cannot see or change users outside the county', async () => {
    const tz = (await admin.get('/api/v1/users')).json().items.find((u: { username: string }) => u.username === 'office');
    const res = await shenAdmin.patch(`/api/v1/users/${tz.id}`, { disabled: true });
    expect(res.statusCode).toBe(404);
    const moved = await shenAdmin.patch(`/api/v1/users/${id}`, { displayName: 'x' });
    expect(moved.statusCode).toBe(404); // now in 高唐县
    const shenUser = (await shenAdmin.get('/api/v1/users')).json().items.find((u: { username: string }) => u.username === 'shen.owner');
    const away = await shenAdmin.patch(`/api/v1/users/${shenUser.id}`, { regionCode: '371526' });
    expect(away.statusCode).toBe(403);
  });
});

describe("an administrator and a user's API tokens", () => {
  it('lists them by prefix, revokes one alone (the others keep working, the password too), and logs it', async () => {
    const office = await login(t.app, 'office');
    const officeId = (await office.get('/api/v1/auth/me')).json().user.id as string;
    const made: { id: string; token: string; prefix: string }[] = [];
    for (const name of ['数据交换', '大屏']) made.push((await office.post('/api/v1/auth/tokens', { name })).json());
    const call = (token: string) => t.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { authorization: `Bearer ${token}` } });
    for (const m of made) expect((await call(m.token)).statusCode).toBe(200);

    const list = await admin.get(`/api/v1/users/${officeId}/tokens`);
    expect(list.statusCode, list.body).toBe(200);
    const items = list.json().items as { id: string; name: string; prefix: string; revokedAt: string | null }[];
    expect(items.filter((i) => made.some((m) => m.id === i.id)).map((i) => [i.name, i.prefix, i.revokedAt])).toEqual(made.map((m, k) => [['数据交换', '大屏'][k], m.prefix, null]));
    expect(list.body).not.toContain(made[0]!.token);

    const res = await admin.delete(`/api/v1/users/${officeId}/tokens/${made[0]!.id}`);
    expect(res.statusCode, res.body).toBe(200);
    expect((await call(made[0]!.token)).statusCode).toBe(401);
    expect((await call(made[1]!.token)).statusCode).toBe(200);
    expect((await office.get('/api/v1/auth/me')).statusCode).toBe(200);
    const after = (await admin.get(`/api/v1/users/${officeId}/tokens`)).json().items as { id: string; revokedAt: string | null }[];
    expect(after.find((i) => i.id === made[0]!.id)!.revokedAt).not.toBeNull();
    const log = (await admin.get('/api/v1/audit?action=token.revoked')).json().items;
    expect(log[0]).toMatchObject({ entityId: made[0]!.id, after: { userId: officeId, name: '数据交换' } });

    // Again: already revoked; another user's token under this user: not found; not an admin: refused.
    expect((await admin.delete(`/api/v1/users/${officeId}/tokens/${made[0]!.id}`)).statusCode).toBe(409);
    const adminId = (await admin.get('/api/v1/auth/me')).json().user.id as string;
    expect((await admin.delete(`/api/v1/users/${adminId}/tokens/${made[1]!.id}`)).statusCode).toBe(404);
    expect((await office.get(`/api/v1/users/${officeId}/tokens`)).statusCode).toBe(403);
    expect((await shenAdmin.get(`/api/v1/users/${officeId}/tokens`)).statusCode).toBe(404);
    expect((await call(made[1]!.token)).statusCode).toBe(200);
  });
});
