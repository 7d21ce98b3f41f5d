// Changing a password ends every session of that user at once, on every app server (each keeps signed-in
// callers in memory under the auth data version): the user's own change (test/auth.test.ts shows it on
// one server) and an administrator's reset. API tokens are separate credentials the product keeps
// through the user's own password change (auth.service.ts: it deletes the sessions only); an
// administrator's reset — the answer to a lost or stolen password — revokes them too. A token is also
// revoked by its owner, and stops working while its user is disabled. Other users' sessions are untouched.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, sessionClient, type Client, type TestApp } from '../helpers/app.ts';
import { createUser, REGIONS, seedTestRegions, TEST_PASSWORD } from '../helpers/factories.ts';
import { sessionFrom, signInFrom } from './clients.ts';

let t: TestApp;
let other: TestApp;
let admin: Client;

beforeAll(async () => {
  t = await buildTestApp();
  other = await buildTestApp(t.database);
  await seedTestRegions(t.database.db);
  await createUser(t.database.db, { username: 'admin1', role: 'admin', regionCode: REGIONS.city.code });
  for (const u of ['changer', 'reset', 'disabled', 'bystander']) await createUser(t.database.db, { username: u, role: 'viewer', regionCode: REGIONS.city.code });
  admin = await signInFrom(t.app, 'admin1');
});
afterAll(async () => {
  await other.app.close();
  await t.close();
});

const idOf = async (username: string) => (await t.database.pool.query(`select id from users where username = $1`, [username])).rows[0].id as string;
const bearer = (app: TestApp['app'], token: string) => app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { authorization: `Bearer ${token}` } });

/** Three sessions of the user (two here, one on the other server, each used once) and an API token. */
async function signedInEverywhere(username: string) {
  const a = await signInFrom(t.app, username);
  const b = await signInFrom(t.app, username);
  const elsewhere = sessionClient(other.app, await sessionFrom(t.app, username));
  for (const c of [a, b, elsewhere]) expect((await c.get('/api/v1/auth/me')).statusCode).toBe(200);
  const token = (await a.post('/api/v1/auth/tokens', { name: '对接' })).json().token as string;
  expect((await bearer(other.app, token)).statusCode).toBe(200);
  return { sessions: [a, b, elsewhere], token };
}

const statusesOf = async (cs: Client[]) => Promise.all(cs.map(async (c) => (await c.get('/api/v1/auth/me')).statusCode));

describe('a password change', () => {
  it('by the user ends all their sessions at once, on both servers; their API token keeps working', async () => {
    const bystander = await signInFrom(other.app, 'bystander');
    const { sessions, token } = await signedInEverywhere('changer');
    const res = await sessions[0]!.post('/api/v1/auth/password', { currentPassword: TEST_PASSWORD, newPassword: 'Changed-Passw0rd-2024' });
    expect(res.statusCode).toBe(200);
    expect(await statusesOf(sessions)).toEqual([401, 401, 401]);
    expect((await bearer(other.app, token)).statusCode).toBe(200);
    expect((await bystander.get('/api/v1/auth/me')).statusCode).toBe(200);
    const old = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'changer', password: TEST_PASSWORD }, remoteAddress: '10.7.0.1' });
    expect(old.statusCode).toBe(401);
    await signInFrom(t.app, 'changer', 'Changed-Passw0rd-2024');
  });

  it('by an administrator (reset) ends all the user\'s sessions and revokes their API tokens at once, on both servers', async () => {
    const { sessions, token } = await signedInEverywhere('reset');
    expect((await admin.patch(`/api/v1/users/${await idOf('reset')}`, { resetPassword: 'Reset-Passw0rd-2024' })).statusCode).toBe(200);
    expect(await statusesOf(sessions)).toEqual([401, 401, 401]);
    expect((await bearer(t.app, token)).statusCode).toBe(401);
    expect((await bearer(other.app, token)).statusCode).toBe(401);
    expect((await admin.get('/api/v1/auth/me')).statusCode).toBe(200);
    const again = await signInFrom(t.app, 'reset', 'Reset-Passw0rd-2024');
    // The owner sees them revoked, and the operation log says how many went.
    const tokens = (await again.get('/api/v1/auth/tokens')).json() as { items?: { revokedAt: string | null }[] } | { revokedAt: string | null }[];
    const list = Array.isArray(tokens) ? tokens : tokens.items ?? [];
    expect(list.length).toBeGreaterThan(0);
    expect(list.every((x) => x.revokedAt != null)).toBe(true);
    const logged = (await admin.get(`/api/v1/audit?action=user.updated&entityType=user`)).json();
    expect(JSON.stringify(logged)).toContain('"tokensRevoked":1');
  });
});

describe('API tokens', () => {
  it('stop working while their user is disabled (with every session), and work again when the user is enabled', async () => {
    const { sessions, token } = await signedInEverywhere('disabled');
    const id = await idOf('disabled');
    expect((await admin.patch(`/api/v1/users/${id}`, { disabled: true })).statusCode).toBe(200);
    expect(await statusesOf(sessions)).toEqual([401, 401, 401]);
    expect((await bearer(t.app, token)).statusCode).toBe(401);
    expect((await bearer(other.app, token)).statusCode).toBe(401);
    expect((await admin.patch(`/api/v1/users/${id}`, { disabled: false })).statusCode).toBe(200);
    expect((await bearer(other.app, token)).statusCode).toBe(200);
    expect(await statusesOf(sessions)).toEqual([401, 401, 401]);
  });

  it('are revoked by their owner, at once on both servers', async () => {
    const c = await signInFrom(t.app, 'bystander');
    const created = (await c.post('/api/v1/auth/tokens', { name: '临时' })).json();
    expect((await bearer(other.app, created.token)).statusCode).toBe(200);
    expect((await c.delete(`/api/v1/auth/tokens/${created.id}`)).statusCode).toBe(200);
    expect((await bearer(other.app, created.token)).statusCode).toBe(401);
    expect((await bearer(t.app, created.token)).statusCode).toBe(401);
  });
});
