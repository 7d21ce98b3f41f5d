import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, login, type TestApp } from './helpers/app.ts';
import { createUser, REGIONS, seedTestRegions, TEST_PASSWORD } from './helpers/factories.ts';

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
  await seedTestRegions(t.database.db);
  await createUser(t.database.db, { username: 'office1', role: 'office', regionCode: REGIONS.city.code });
  await createUser(t.database.db, { username: 'victim', role: 'viewer', regionCode: REGIONS.city.code });
});
afterAll(() => t.close());

describe('sign-in', () => {
  it('signs in with the right password and returns the user and a CSRF token', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'office1', password: TEST_PASSWORD } });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.user).toMatchObject({ username: 'office1', role: 'office', regionCode: '371500', regionName: '聊城市' });
    expect(body.csrfToken).toMatch(/.{20,}/);
    const session = res.cookies.find((c) => c.name === 'tuijin_session')!;
    expect(session.httpOnly).toBe(true);
    expect(session.sameSite).toBe('Lax');
  });

  it('refuses a wrong password with the error shape, in Chinese', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'office1', password: 'nope' } });
    expect(res.statusCode).toBe(401);
    expect(res.json().error).toMatchObject({ code: 'unauthenticated', message: expect.stringContaining('用户名或密码错误') });
  });

  it('names the missing field', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'office1' } });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details[0].field).toBe('password');
  });

  it('locks the account after five failures, even for the right password', async () => {
    for (let i = 0; i < 4; i++) {
      const r = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'victim', password: 'wrong' } });
      expect(r.statusCode).toBe(401);
    }
    const fifth = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'victim', password: 'wrong' } });
    expect(fifth.statusCode).toBe(423);
    const right = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'victim', password: TEST_PASSWORD } });
    expect(right.statusCode).toBe(423);
    expect(right.json().error.message).toContain('锁定');
  });

  it('stores passwords as argon2id', async () => {
    const { rows } = await t.database.pool.query(`select password_hash from users where username = 'office1'`);
    expect(rows[0].password_hash).toMatch(/^\$argon2id\$/);
  });
});

describe('sessions, CSRF and tokens', () => {
  it('refuses a state-changing request without the CSRF header', async () => {
    const c = await login(t.app, 'office1');
    const ok = await c.post('/api/v1/auth/tokens', { name: 'erp' });
    expect(ok.statusCode).toBe(200);
    const res = await c.request({ method: 'POST', url: '/api/v1/auth/tokens', payload: { name: 'x' }, headers: { 'x-csrf-token': 'forged' } });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('csrf_failed');
  });

  it('API tokens act as their user, are stored hashed, and stop working when revoked', async () => {
    const c = await login(t.app, 'office1');
    const created = (await c.post('/api/v1/auth/tokens', { name: 'provincial platform' })).json();
    const me = await t.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { authorization: `Bearer ${created.token}` } });
    expect(me.statusCode).toBe(200);
    expect(me.json().user.username).toBe('office1');
    const { rows } = await t.database.pool.query('select token_hash from api_tokens where id = $1', [created.id]);
    expect(rows[0].token_hash).not.toContain(created.token);
    expect((await c.delete(`/api/v1/auth/tokens/${created.id}`)).statusCode).toBe(200);
    const after = await t.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { authorization: `Bearer ${created.token}` } });
    expect(after.statusCode).toBe(401);
  });

  it('a password change ends every session of the user', async () => {
    await createUser(t.database.db, { username: 'changer', role: 'viewer', regionCode: REGIONS.city.code });
    const a = await login(t.app, 'changer');
    const b = await login(t.app, 'changer');
    const res = await a.post('/api/v1/auth/password', { currentPassword: TEST_PASSWORD, newPassword: 'NewPassw0rd-2024' });
    expect(res.statusCode).toBe(200);
    expect((await b.get('/api/v1/auth/me')).statusCode).toBe(401);
    expect((await a.get('/api/v1/auth/me')).statusCode).toBe(401);
    await login(t.app, 'changer', 'NewPassw0rd-2024');
  });

  it('sets secure headers', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/health' });
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['content-security-policy']).toContain("default-src 'self'");
  });
});
