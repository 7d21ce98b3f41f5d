// CSRF: a cookie session's state-changing request must carry the session's own token in x-csrf-token.
// Every POST, PUT, PATCH and DELETE of the served OpenAPI document is sent with the session cookie and
// no token, a wrong one, and the token of another session of the same user: each is refused 403
// (csrf_failed) before it reaches its handler, and no table changes. API tokens (Authorization: Bearer)
// are not a browser's ambient credential, so they are exempt: the same requests never meet the check,
// and a write through a token works without one. Reads need no token.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, sessionClient, type Client, type Session, type TestApp } from '../helpers/app.ts';
import { buildProject, createUser, REGIONS, seedTestRegions } from '../helpers/factories.ts';
import { endpointsOf, type Endpoint } from '../helpers/fuzz.ts';
import { sessionFrom } from './clients.ts';
import { changedTables, snapshot } from './tables.ts';

let t: TestApp;
let mine: Session;
let theirs: Session;
let office: Client;
let token: string;
let project: string;
let writes: Endpoint[] = [];

beforeAll(async () => {
  t = await buildTestApp();
  await seedTestRegions(t.database.db);
  await createUser(t.database.db, { username: 'office1', role: 'office', regionCode: REGIONS.city.code });
  project = (await buildProject(t.database.db, { name: '令牌修改的项目' })).id;
  mine = await sessionFrom(t.app, 'office1');
  theirs = await sessionFrom(t.app, 'office1');
  office = sessionClient(t.app, mine);
  token = (await office.post('/api/v1/auth/tokens', { name: '省平台对接' })).json().token;
  writes = endpointsOf((await t.app.inject({ method: 'GET', url: '/api/docs/json' })).json()).filter((e) => e.method !== 'GET');
});
afterAll(() => t.close());

const SAMPLE: Record<string, string> = { year: '2024', regionCode: REGIONS.city.code, code: REGIONS.city.code };
const urlOf = (e: Endpoint) => e.path.replace(/\{(\w+)\}/g, (_, name: string) => SAMPLE[name] ?? '00000000-0000-4000-8000-000000000001');

const cookie = (s: Session) => `tuijin_session=${s.cookie}`;

describe('cookie sessions', () => {
  it('every state-changing endpoint refuses a request without the session\'s CSRF token, before anything is written', async () => {
    expect(writes.length).toBeGreaterThan(50);
    expect(theirs.csrf).not.toBe(mine.csrf);
    const before = await snapshot(t);
    const wrong: string[] = [];
    for (const e of writes) {
      for (const [what, header] of [['no token', undefined], ['a wrong token', 'forged-token'], ['another session\'s token', theirs.csrf]] as const) {
        const res = await t.app.inject({
          method: e.method as 'POST', url: urlOf(e), payload: {},
          headers: { cookie: cookie(mine), ...(header ? { 'x-csrf-token': header } : {}) },
        });
        if (res.statusCode !== 403 || res.json().error?.code !== 'csrf_failed') wrong.push(`${e.method} ${e.path} with ${what}: ${res.statusCode} ${res.body.slice(0, 120)}`);
      }
    }
    expect(wrong).toEqual([]);
    expect(changedTables(before, await snapshot(t))).toEqual([]);
    // The session itself still works, with its token.
    expect((await office.patch(`/api/v1/projects/${project}`, { address: '带令牌的修改' })).statusCode).toBe(200);
  });

  it('reads need no token', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { cookie: cookie(mine) } });
    expect(res.statusCode).toBe(200);
  });

  it('the session cookie is HttpOnly and SameSite=Lax; Secure when TUIJIN_SECURE_COOKIES=1', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'office1', password: 'Passw0rd-for-tests' }, remoteAddress: '10.8.0.1' });
    const session = res.cookies.find((c) => c.name === 'tuijin_session')!;
    expect(session).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
    expect(session.secure).toBeFalsy();
    const secure = await buildTestApp(t.database, { config: { secureCookies: true } });
    try {
      const r = await secure.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'office1', password: 'Passw0rd-for-tests' }, remoteAddress: '10.8.0.2' });
      expect(r.cookies.find((c) => c.name === 'tuijin_session')).toMatchObject({ httpOnly: true, sameSite: 'Lax', secure: true });
      expect(r.cookies.find((c) => c.name === 'tuijin_csrf')).toMatchObject({ sameSite: 'Strict', secure: true });
    } finally {
      await secure.app.close();
    }
  });
});

describe('API tokens', () => {
  it('are exempt: no state-changing endpoint asks a bearer request for a CSRF token', async () => {
    const asked: string[] = [];
    for (const e of writes.filter((w) => w.path !== '/api/v1/auth/password')) {
      const res = await t.app.inject({ method: e.method as 'POST', url: urlOf(e), payload: {}, headers: { authorization: `Bearer ${token}` } });
      if (res.statusCode === 403 && res.json().error?.code === 'csrf_failed') asked.push(`${e.method} ${e.path}`);
      expect(res.statusCode, `${e.method} ${e.path}: ${res.body.slice(0, 200)}`).toBeLessThan(500);
    }
    expect(asked).toEqual([]);
  });

  it('write without one', async () => {
    const res = await t.app.inject({ method: 'PATCH', url: `/api/v1/projects/${project}`, payload: { address: '接口修改' }, headers: { authorization: `Bearer ${token}` } });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().address).toBe('接口修改');
  });

  it('a cookie sent beside a bearer token does not make a cookie session of the request', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { cookie: cookie(mine), authorization: 'Bearer tj_not-a-token' } });
    expect(res.statusCode).toBe(401);
  });
});
