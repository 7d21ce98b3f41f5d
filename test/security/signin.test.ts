// Sign-in: at most 20 attempts a minute from one client address (10 password changes), counted by the
// socket's address unless TRUST_PROXY names the proxies in front, so a client cannot start a new count
// by sending X-Forwarded-For; an account locked after five wrong passwords (test/auth.test.ts) stays
// locked whatever address the attempts come from, and the lock ends after its fifteen minutes.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { forgetOldLoginFailures } from '../../src/server/modules/auth/auth.repo.ts';
import { LOCK_AFTER_FAILURES } from '../../src/server/modules/auth/auth.service.ts';
import { buildTestApp, type TestApp } from '../helpers/app.ts';
import { createUser, REGIONS, seedTestRegions, TEST_PASSWORD } from '../helpers/factories.ts';
import { nextAddress, signInFrom } from './clients.ts';

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
  await seedTestRegions(t.database.db);
  for (const username of ['locked1', 'locked2', 'changer', 'real1', 'real2', 'gone1']) await createUser(t.database.db, { username, role: 'viewer', regionCode: REGIONS.city.code });
});
afterAll(() => t.close());

/** A name never tried before: the rate limit's tests must not meet a name's own lock (five failures). */
let names = 0;
const attempt = (app: TestApp['app'], o: { from: string; username?: string; password?: string; forwardedFor?: string }) =>
  app.inject({
    method: 'POST', url: '/api/v1/auth/login', remoteAddress: o.from,
    payload: { username: o.username ?? `nobody-${++names}`, password: o.password ?? 'wrong-password' },
    headers: o.forwardedFor ? { 'x-forwarded-for': o.forwardedFor } : {},
  });

/** Statuses of `n` attempts, one after another. */
async function statuses(n: number, send: (i: number) => ReturnType<typeof attempt>): Promise<number[]> {
  const out: number[] = [];
  for (let i = 0; i < n; i++) out.push((await send(i)).statusCode);
  return out;
}

describe('the sign-in rate limit', () => {
  it('answers 429 in Chinese from the 21st attempt in a minute from one address; another address is not held back', async () => {
    const from = nextAddress();
    const s = await statuses(21, () => attempt(t.app, { from }));
    expect(s.slice(0, 20)).toEqual(Array(20).fill(401));
    expect(s[20]).toBe(429);
    const res = await attempt(t.app, { from });
    expect(res.json().error).toMatchObject({ code: 'rate_limited', message: expect.stringContaining('请求过于频繁') });
    expect((await attempt(t.app, { from: nextAddress() })).statusCode).toBe(401);
  });

  it('is not reset by a forged X-Forwarded-For: by default the socket address counts', async () => {
    const from = nextAddress();
    const s = await statuses(21, (i) => attempt(t.app, { from, forwardedFor: `198.51.100.${i + 1}` }));
    expect(s[20]).toBe(429);
  });

  it('behind a proxy named by TRUST_PROXY=1, counts the address the proxy saw, not one the client wrote before it', async () => {
    const behind = await buildTestApp(t.database, { config: { trustProxy: 1 } });
    try {
      const proxy = nextAddress();
      // The client forges a new address each time; the proxy appends the one it really saw.
      const s = await statuses(21, (i) => attempt(behind.app, { from: proxy, forwardedFor: `198.51.100.${i + 1}, 203.0.113.7` }));
      expect(s[20]).toBe(429);
      // Another client behind the same proxy has a count of its own.
      expect((await attempt(behind.app, { from: proxy, forwardedFor: '203.0.113.8' })).statusCode).toBe(401);
    } finally {
      await behind.app.close();
    }
  });

  it('allows 10 password changes a minute from one address', async () => {
    const c = await signInFrom(t.app, 'changer');
    const from = nextAddress();
    const s = await statuses(11, () => c.request({ method: 'POST', url: '/api/v1/auth/password', remoteAddress: from, payload: { currentPassword: 'not-the-password', newPassword: 'Passw0rd-new-2024' } }));
    expect(s.slice(0, 10)).toEqual(Array(10).fill(400));
    expect(s[10]).toBe(429);
  });
});

describe('lock-out', () => {
  const row = async (username: string) =>
    (await t.database.pool.query(`select failed_logins, locked_until is not null and locked_until > now() as locked from users where username = $1`, [username])).rows[0];

  it('locks the account after five wrong passwords sent from five addresses', async () => {
    const s = await statuses(LOCK_AFTER_FAILURES, () => attempt(t.app, { from: nextAddress(), username: 'locked1' }));
    expect(s).toEqual([401, 401, 401, 401, 423]);
    expect((await attempt(t.app, { from: nextAddress(), username: 'locked1', password: TEST_PASSWORD })).statusCode).toBe(423);
    expect(await row('locked1')).toEqual({ failed_logins: 5, locked: true });
  });

  it('ends when its fifteen minutes are over: the right password signs in and the count starts again', async () => {
    for (let i = 0; i < LOCK_AFTER_FAILURES; i++) await attempt(t.app, { from: nextAddress(), username: 'locked2' });
    const locked = await attempt(t.app, { from: nextAddress(), username: 'locked2', password: TEST_PASSWORD });
    expect(locked.statusCode).toBe(423);
    expect(locked.json().error.message).toMatch(/锁定.*\d+ 分钟/);
    // Fifteen minutes pass.
    await t.database.pool.query(`update users set locked_until = now() - interval '1 second' where username = 'locked2'`);
    expect((await attempt(t.app, { from: nextAddress(), username: 'locked2', password: TEST_PASSWORD })).statusCode).toBe(200);
    expect(await row('locked2')).toEqual({ failed_logins: 0, locked: false });
    expect((await attempt(t.app, { from: nextAddress(), username: 'locked2' })).statusCode).toBe(401);
  });

  it('while the failures stand (no sign-in since), one more wrong password after the lock locks again at once', async () => {
    await t.database.pool.query(`update users set failed_logins = 5, locked_until = now() - interval '1 second' where username = 'locked1'`);
    expect((await attempt(t.app, { from: nextAddress(), username: 'locked1' })).statusCode).toBe(423);
    expect(await row('locked1')).toEqual({ failed_logins: 6, locked: true });
  });
});

describe('sign-in answers do not tell whether a name is an account', () => {
  /** Status and message of each of `n` wrong sign-ins under a name. */
  const answers = async (username: string, n: number) => {
    const out: string[] = [];
    for (let i = 0; i < n; i++) {
      const res = await attempt(t.app, { from: nextAddress(), username });
      out.push(`${res.statusCode} ${res.json().error.message}`);
    }
    return out;
  };

  it('answers a name that is no account, and a disabled account, as an account with a wrong password: the same countdown, the same lock', async () => {
    await t.database.pool.query(`update users set disabled = true where username = 'gone1'`);
    const account = await answers('real1', LOCK_AFTER_FAILURES + 1);
    expect(account[0]).toBe('401 用户名或密码错误，再错 4 次账号将被锁定');
    expect(account.slice(-2).map((a) => a.slice(0, 3))).toEqual(['423', '423']);
    expect(await answers('nobody-at-all', LOCK_AFTER_FAILURES + 1)).toEqual(account);
    expect(await answers('gone1', LOCK_AFTER_FAILURES + 1)).toEqual(account);
    // The right password of a disabled account is refused as any wrong one while the lock stands.
    const res = await attempt(t.app, { from: nextAddress(), username: 'gone1', password: TEST_PASSWORD });
    expect(res.statusCode).toBe(423);
  });

  it('forgets failures a day after the last one, for accounts and other names alike; a lock still running is kept', async () => {
    await answers('real2', 2);
    await answers('nobody-else', 2);
    await t.database.pool.query(`update users set last_failed_at = now() - interval '25 hours' where username = 'real2'`);
    await t.database.pool.query(`update login_failures set last_failed_at = now() - interval '25 hours' where username = 'nobody-else'`);
    // 'real1' and 'nobody-at-all' are locked (above) with their last failure just now: kept.
    await t.database.pool.query(`update login_failures set last_failed_at = now() - interval '25 hours' where username = 'nobody-at-all'`);
    expect(await forgetOldLoginFailures(t.database.db)).toBe(2);
    expect(await answers('real2', 1)).toEqual(['401 用户名或密码错误，再错 4 次账号将被锁定']);
    expect(await answers('nobody-else', 1)).toEqual(['401 用户名或密码错误，再错 4 次账号将被锁定']);
    expect((await attempt(t.app, { from: nextAddress(), username: 'nobody-at-all' })).statusCode).toBe(423);
    expect((await attempt(t.app, { from: nextAddress(), username: 'real1' })).statusCode).toBe(423);
  });
});
