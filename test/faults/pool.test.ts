// The app's connection pool when its database drops every connection and refuses new ones, then
// comes back: the process survives (also a connection that was checked out, idle between two queries
// of a transaction, when it died), requests answer 503 database_unavailable meanwhile, /api/health?db=1
// says so, and the same pool serves again afterwards. The database behind the proxy is the suite's
// (PostgreSQL with TEST_DATABASE_URL, else a PGlite served by this process).
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../src/server/app.ts';
import { loadConfig } from '../../src/server/config.ts';
import { databaseHealth, openDatabase, type Database } from '../../src/server/db/client.ts';
import { createToken } from '../../src/server/modules/auth/auth.service.ts';
import { createTestDatabase } from '../helpers/db.ts';
import { createUser, seedTestRegions } from '../helpers/factories.ts';
import { sleep } from './midway.ts';
import { UNAVAILABLE } from './outage.ts';
import { DatabaseProxy } from './proxy.ts';

const PROXY_PORT = 3145;

let direct: Database;
let proxy: DatabaseProxy;
let database: Database;
let app: FastifyInstance;
let token: string;

beforeAll(async () => {
  direct = await createTestDatabase();
  // PostgreSQL: the test database's URL; PGlite: the socket it is served on.
  const opts = (direct.pool as unknown as { options: { connectionString?: string; host?: string } }).options;
  const url = new URL(opts.connectionString ?? 'postgres://postgres@localhost/postgres');
  proxy = new DatabaseProxy(opts.connectionString ? { host: url.hostname, port: Number(url.port || 5432) } : { path: path.join(opts.host!, '.s.PGSQL.5432') }, PROXY_PORT);
  await proxy.open();
  await seedTestRegions(direct.db);
  const user = await createUser(direct.db, { username: 'pool-office', role: 'office', regionCode: '371500' });
  token = (await createToken(direct.db, { id: user.id, username: user.username }, 'pool')).token;
  url.hostname = '127.0.0.1';
  url.port = String(PROXY_PORT);
  database = await openDatabase({ dataDir: '/nonexistent', databaseUrl: url.toString() });
  app = await buildApp({ database, config: { ...loadConfig({}), dataDir: '/nonexistent' } });
  await app.ready();
});

afterAll(async () => {
  await app?.close();
  await database?.close();
  await proxy?.cut();
  await direct?.close();
});

const me = () => app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { authorization: `Bearer ${token}` } });
const health = async () => {
  const r = await app.inject({ method: 'GET', url: '/api/health?db=1' });
  return { status: r.statusCode, body: r.json() };
};

describe('the pool when the database goes away', () => {
  it('survives a connection dying while checked out, answers 503 meanwhile, and serves again when it is back', async () => {
    expect((await me()).statusCode).toBe(200);
    expect(await health()).toEqual({ status: 200, body: { ok: true, database: 'up' } });
    expect((await app.inject({ method: 'GET', url: '/api/health' })).json()).toEqual({ ok: true });

    // A transaction waits for the app between two statements when its connection dies.
    const held = await database.pool.connect();
    await held.query('BEGIN');
    await proxy.cut();
    await sleep(300);
    expect(() => held.release()).not.toThrow();

    const r = await me();
    expect(r.statusCode).toBe(503);
    expect(r.headers['retry-after']).toBe('5');
    expect(r.json().error).toEqual({ ...UNAVAILABLE, details: [] });
    expect(await health()).toEqual({ status: 503, body: { ok: false, database: 'down' } });
    expect(await databaseHealth(database.pool)).toBe('down');

    await proxy.open();
    expect((await me()).statusCode).toBe(200);
    expect(await health()).toEqual({ status: 200, body: { ok: true, database: 'up' } });
  });

  it('tells a database that is slow to answer (every connection busy, or PGlite\'s one session) from one that is away', async () => {
    const n = direct.engine === 'pglite' ? 1 : (database.pool as unknown as { options: { max: number } }).options.max;
    const slow = Array.from({ length: n }, () => database.pool.query('SELECT pg_sleep(1)'));
    expect(await databaseHealth(database.pool, 300)).toBe('busy');
    await Promise.all(slow);
    expect(await databaseHealth(database.pool, 300)).toBe('up');
  });
});
