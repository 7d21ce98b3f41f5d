// The ledger list kept in memory per server under the ledger's data version, and signed-in callers
// kept under the auth version (migration 0007, plugins/data-versions.ts). Two app servers on one
// database, as behind a load balancer: a write through either server, or by plain SQL, shows in the
// next list on both; a signed-out session, a revoked token or a disabled user is refused by the other
// server on its next request. A server with the cache off gives the same answers.
import { drizzle } from 'drizzle-orm/node-postgres';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../src/server/app.ts';
import { loadConfig } from '../src/server/config.ts';
import type { Database, Db } from '../src/server/db/client.ts';
import * as schema from '../src/server/db/schema/index.ts';
import { buildTestApp, sessionClient, signIn, type Client, type TestApp } from './helpers/app.ts';
import { buildProject, createOrg, createPerson, createUser, REGIONS, seedTestRegions } from './helpers/factories.ts';
import type { FastifyInstance } from 'fastify';

function anotherPool(first: Database): Database {
  const pool = new pg.Pool({ ...first.pool.options, max: 4 });
  pool.on('error', () => {});
  return { db: drizzle(pool, { schema }), pool, engine: first.engine, ownsEmbedded: false, close: () => pool.end() };
}

/** Statements a server sends, counted on its pool. */
function countQueries(database: Database): { n: number; texts: string[] } {
  const counter = { n: 0, texts: [] as string[] };
  const query = database.pool.query.bind(database.pool) as (...a: unknown[]) => unknown;
  (database.pool as unknown as { query: (...a: unknown[]) => unknown }).query = (...a: unknown[]) => {
    counter.n++;
    const q = a[0] as string | { text: string };
    counter.texts.push(typeof q === 'string' ? q : q.text);
    return query(...a);
  };
  return counter;
}

let A: TestApp;
let B: TestApp;
let uncached: FastifyInstance;
let uncachedPool: Database;
let db: Db;
let officeA: Client;
let officeB: Client;
let countyA: Client;
let queriesA: { n: number; texts: string[] };
const ids: Record<string, string> = {};

const LIST = '/api/v1/projects?sort=totalInvestment&order=desc&pageSize=2';

beforeAll(async () => {
  A = await buildTestApp();
  B = await buildTestApp(anotherPool(A.database));
  uncachedPool = anotherPool(A.database);
  uncached = await buildApp({ database: uncachedPool, config: { ...loadConfig({}), dataDir: '/nonexistent', listCache: false } });
  await uncached.ready();
  db = A.database.db;
  await seedTestRegions(db);
  await createUser(db, { username: 'office', role: 'office', regionCode: REGIONS.city.code });
  await createUser(db, { username: 'county', role: 'office', regionCode: REGIONS.dongchangfu.code });
  ids.viewer = (await createUser(db, { username: 'viewer', role: 'viewer', regionCode: REGIONS.city.code })).id;
  const owner = await createOrg(db, { name: '聊城缓存测试有限公司', regionCode: REGIONS.city.code });
  const leader = await createPerson(db, { name: '李缓存', regionCode: REGIONS.city.code });
  ids.owner = owner.id;
  const common = { stage: 'construction', ownerOrgId: owner.id, leaderPersonId: leader.id };
  ids.p1 = (await buildProject(db, { code: 'CA-1', name: '缓存测试项目一', regionCode: REGIONS.dongchangfu.code, totalInvestment: '300', ...common })).id;
  ids.p2 = (await buildProject(db, { code: 'CA-2', name: '缓存测试项目二', regionCode: REGIONS.shen.code, totalInvestment: '200', ...common })).id;
  ids.p3 = (await buildProject(db, { code: 'CA-3', name: '缓存测试项目三', regionCode: REGIONS.dongchangfu.code, totalInvestment: '100', ...common })).id;
  const office = await signIn(A.app, 'office');
  officeA = sessionClient(A.app, office);
  officeB = sessionClient(B.app, office);
  countyA = sessionClient(A.app, await signIn(A.app, 'county'));
  queriesA = countQueries(A.database);
});
afterAll(async () => {
  await uncached.close();
  await uncachedPool.close();
  await B.close();
  await A.close();
});

const codes = (res: { json(): { items: { code: string }[] } }) => res.json().items.map((p) => p.code);

describe('ledger pages kept per server', () => {
  it('answers a page it has kept with the versions query alone, and the same text as a server without the cache', async () => {
    const first = await officeA.get(LIST);
    expect(first.statusCode).toBe(200);
    expect(codes(first)).toEqual(['CA-1', 'CA-2']);
    const before = queriesA.n;
    const again = await officeA.get(LIST);
    expect(again.body).toBe(first.body);
    expect(queriesA.texts.slice(before)).toEqual(['SELECT name, version::text AS version FROM data_versions']);
    const cookie = { cookie: `tuijin_session=${(await signIn(uncached, 'office')).cookie}` };
    for (const url of [LIST, `${LIST}&page=2`, `${LIST}&page=9`, '/api/v1/projects?region=371502', '/api/v1/projects?q=缓存&sort=name']) {
      const plain = await uncached.inject({ method: 'GET', url, headers: cookie });
      expect((await officeA.get(url)).json()).toEqual(plain.json());
    }
  });

  it('answers a page past the end with the totals of the whole view', async () => {
    const res = (await officeA.get(`${LIST}&page=9`)).json();
    expect(res).toMatchObject({ items: [], total: 3, page: 9, totals: { count: 3, totalInvestment: '600' } });
  });

  it('keeps each scope apart: a county office never gets the city office’s page', async () => {
    expect(codes(await officeA.get(LIST))).toEqual(['CA-1', 'CA-2']);
    const county = await countyA.get(LIST);
    expect(codes(county)).toEqual(['CA-1', 'CA-3']);
    expect(county.json().totals).toMatchObject({ count: 2, totalInvestment: '400' });
  });

  it('shows a change made through the other server on the next request', async () => {
    expect(codes(await officeA.get(LIST))).toEqual(['CA-1', 'CA-2']);
    const card = (await officeB.get(`/api/v1/projects/${ids.p3}`)).json();
    const res = await officeB.patch(`/api/v1/projects/${ids.p3}`, { totalInvestment: '1000', version: card.version });
    expect(res.statusCode).toBe(200);
    const after = (await officeA.get(LIST)).json();
    expect(after.items.map((p: { code: string }) => p.code)).toEqual(['CA-3', 'CA-1']);
    expect(after.totals.totalInvestment).toBe('1500');
  });

  it('shows changes made by plain SQL: a project, its annual plan, its owner’s name, a deletion', async () => {
    await officeA.get(LIST);
    await db.execute(sql`UPDATE projects SET name = '改名后的项目' WHERE id = ${ids.p3}`);
    expect((await officeA.get(LIST)).json().items[0].name).toBe('改名后的项目');
    const year = (await officeA.get(LIST)).json().items[0].annualPlan;
    expect(year).toBeNull();
    await db.execute(sql`INSERT INTO annual_plans (project_id, year, planned_investment) VALUES (${ids.p3}, ${new Date().getUTCFullYear()}, 77)`);
    const withPlan = (await officeA.get(LIST)).json();
    expect(withPlan.items[0].annualPlan).toBe('77');
    expect(withPlan.totals.annualPlan).toBe('77');
    await db.execute(sql`UPDATE organizations SET name = '聊城改名有限公司' WHERE id = ${ids.owner}`);
    expect((await officeA.get(LIST)).json().items[0].owner).toBe('聊城改名有限公司');
    await db.execute(sql`DELETE FROM projects WHERE id = ${ids.p2}`);
    expect((await officeB.get(LIST)).json().totals.count).toBe(2);
    expect((await officeA.get(LIST)).json().totals.count).toBe(2);
  });

  const LEDGER_VERSION = `SELECT version::text AS version FROM data_versions WHERE name = 'ledger'`;
  /** Runs `statements` in one transaction on one connection, then `end`s it; returns the version seen inside, before the end. */
  async function transaction(statements: string[], end: 'COMMIT' | 'ROLLBACK'): Promise<string> {
    const client = await A.database.pool.connect();
    try {
      await client.query('BEGIN');
      for (const s of statements) await client.query(s);
      const inside = (await client.query(LEDGER_VERSION)).rows[0].version as string;
      await client.query(end);
      return inside;
    } finally {
      client.release();
    }
  }
  const ledgerVersion = async () => (await A.database.pool.query(LEDGER_VERSION)).rows[0].version as string;

  it('changes the version when the writing transaction commits, once, and not before', async () => {
    const before = await ledgerVersion();
    const inside = await transaction([`UPDATE projects SET name = '同一事务的名称' WHERE code = 'CA-1'`, `UPDATE projects SET name = '同一事务的名称二' WHERE code = 'CA-3'`], 'COMMIT');
    expect(inside).toBe(before);
    expect(await ledgerVersion()).not.toBe(before);
    expect((await officeB.get(LIST)).json().items.map((p: { name: string }) => p.name)).toContain('同一事务的名称');
  });

  it('keeps the version when a transaction that wrote is rolled back', async () => {
    const before = await ledgerVersion();
    await transaction([`UPDATE projects SET name = '回滚的名称' WHERE code = 'CA-1'`], 'ROLLBACK');
    expect(await ledgerVersion()).toBe(before);
  });
});

describe('callers kept per server', () => {
  it('refuses a session signed out on the other server at once', async () => {
    const s = await signIn(A.app, 'viewer');
    const onA = sessionClient(A.app, s);
    const onB = sessionClient(B.app, s);
    expect((await onA.get(LIST)).statusCode).toBe(200);
    expect((await onA.get(LIST)).statusCode).toBe(200);
    expect((await onB.post('/api/v1/auth/logout')).statusCode).toBe(200);
    expect((await onA.get(LIST)).statusCode).toBe(401);
  });

  it('refuses a token revoked on the other server, and a user disabled by SQL, at once; still records a token’s use', async () => {
    const created = (await officeB.post('/api/v1/auth/tokens', { name: 'cache' })).json();
    const bearer = { authorization: `Bearer ${created.token}` };
    for (let i = 0; i < 2; i++) expect((await A.app.inject({ method: 'GET', url: LIST, headers: bearer })).statusCode).toBe(200);
    const used = await db.execute<{ last_used_at: Date | null }>(sql`SELECT last_used_at FROM api_tokens WHERE id = ${created.id}`);
    expect(used.rows[0]!.last_used_at).not.toBeNull();
    expect((await officeB.delete(`/api/v1/auth/tokens/${created.id}`)).statusCode).toBe(200);
    expect((await A.app.inject({ method: 'GET', url: LIST, headers: bearer })).statusCode).toBe(401);

    const s = await signIn(B.app, 'viewer');
    const onA = sessionClient(A.app, s);
    expect((await onA.get(LIST)).statusCode).toBe(200);
    await db.execute(sql`UPDATE users SET disabled = true WHERE id = ${ids.viewer}`);
    expect((await onA.get(LIST)).statusCode).toBe(401);
    await db.execute(sql`UPDATE users SET disabled = false WHERE id = ${ids.viewer}`);
  });

  it('sees a changed region at once: the caller’s scope follows the user', async () => {
    const s = await signIn(A.app, 'viewer');
    const onA = sessionClient(A.app, s);
    expect((await onA.get(LIST)).json().totals.count).toBe(2);
    await db.execute(sql`UPDATE users SET region_code = ${REGIONS.shen.code} WHERE id = ${ids.viewer}`);
    expect((await onA.get(LIST)).json().totals.count).toBe(0);
  });
});
