// Passwords are stored as argon2id with at least OWASP's parameters (19 MiB, 2 passes), salted per
// password, whichever way they are set: an administrator creating a user, the user changing their own,
// an administrator resetting one. Neither the password nor its hash is ever in an API answer or in the
// operation log.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Client, TestApp } from '../helpers/app.ts';
import { REGIONS, TEST_PASSWORD } from '../helpers/factories.ts';
import { appWithAdmin, signInFrom } from './clients.ts';

let t: TestApp;
let admin: Client;
const CREATED = 'Created-Passw0rd-2024';
const CHANGED = 'Changed-Passw0rd-2024';
const RESET = 'Reset-Passw0rd-2024';

beforeAll(async () => {
  ({ t, admin } = await appWithAdmin());
});
afterAll(() => t.close());

const hashOf = async (username: string) =>
  (await t.database.pool.query<{ password_hash: string }>(`select password_hash from users where username = $1`, [username])).rows[0]!.password_hash;

/** The PHC string of an argon2id hash, read into its parts. */
function argon2(hash: string) {
  const m = /^\$argon2id\$v=(\d+)\$m=(\d+),t=(\d+),p=(\d+)\$([A-Za-z0-9+/]+)\$([A-Za-z0-9+/]+)$/.exec(hash);
  if (!m) return null;
  const bytes = (b64: string) => Buffer.from(b64, 'base64').length;
  return { version: Number(m[1]), memoryKiB: Number(m[2]), passes: Number(m[3]), lanes: Number(m[4]), saltBytes: bytes(m[5]!), hashBytes: bytes(m[6]!) };
}

function expectStrong(hash: string, what: string) {
  const a = argon2(hash);
  expect(a, `${what}: ${hash.slice(0, 30)}… is an argon2id PHC string`).not.toBeNull();
  expect(a!.version, what).toBe(19);
  expect(a!.memoryKiB, `${what}: memory`).toBeGreaterThanOrEqual(19456);
  expect(a!.passes, `${what}: passes`).toBeGreaterThanOrEqual(2);
  expect(a!.lanes, what).toBeGreaterThanOrEqual(1);
  expect(a!.saltBytes, `${what}: salt`).toBeGreaterThanOrEqual(16);
  expect(a!.hashBytes, `${what}: hash length`).toBeGreaterThanOrEqual(32);
}

describe('stored password hashes', () => {
  it('are argon2id with sane parameters however the password was set, and salted each time', async () => {
    const create = (username: string) => admin.post('/api/v1/users', { username, displayName: username, password: CREATED, role: 'viewer', regionCode: REGIONS.city.code });
    expect((await create('alice')).statusCode).toBe(201);
    expect((await create('bob')).statusCode).toBe(201);
    expectStrong(await hashOf('alice'), 'created by an administrator');
    expect(await hashOf('alice'), 'the same password hashed twice differs').not.toBe(await hashOf('bob'));

    const alice = await signInFrom(t.app, 'alice', CREATED);
    expect((await alice.post('/api/v1/auth/password', { currentPassword: CREATED, newPassword: CHANGED })).statusCode).toBe(200);
    expectStrong(await hashOf('alice'), 'changed by the user');

    const bobId = (await t.database.pool.query(`select id from users where username = 'bob'`)).rows[0].id;
    expect((await admin.patch(`/api/v1/users/${bobId}`, { resetPassword: RESET })).statusCode).toBe(200);
    expectStrong(await hashOf('bob'), 'reset by an administrator');

    const { rows } = await t.database.pool.query<{ username: string; password_hash: string }>(`select username, password_hash from users`);
    for (const r of rows) expectStrong(r.password_hash, r.username);
    await signInFrom(t.app, 'alice', CHANGED);
    await signInFrom(t.app, 'bob', RESET);
  });

  it('neither a password nor a hash is in any answer or in the operation log', async () => {
    for (const url of ['/api/v1/users', '/api/v1/auth/me', '/api/v1/audit?limit=200']) {
      const res = await admin.get(url);
      expect(res.statusCode).toBe(200);
      for (const secret of ['$argon2', CREATED, CHANGED, RESET, TEST_PASSWORD]) expect(res.body, url).not.toContain(secret);
    }
    const { rows } = await t.database.pool.query<{ text: string }>(`select row_to_json(a)::text as text from audit_log a`);
    expect(rows.length).toBeGreaterThan(3);
    for (const r of rows) for (const secret of ['$argon2', CREATED, CHANGED, RESET]) expect(r.text).not.toContain(secret);
  });
});
