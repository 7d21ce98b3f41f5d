// PostgreSQL goes away under load, then comes back, and `tuijin serve` is not restarted: meanwhile
// every request answers 503 `database_unavailable` (数据库暂时不可用，请稍后重试), never a 500 or a
// hang; afterwards it serves again by itself, and every acknowledged write is there.
//
// The embedded PGlite lives inside the server process and cannot go away without it (that case is
// kill -9, in serve.test.ts), so this is about PostgreSQL:
// - With TEST_DATABASE_URL: the server reaches its database through a TCP proxy that the test cuts
//   (connections dropped mid-query, new ones refused) and restores.
// - With FAULTS_PG_RESTART=1: the real thing, `pg_ctlcluster <FAULTS_PG_CLUSTER> stop -m fast`, then
//   start, on the cluster FAULTS_PG_URL points at (e.g. FAULTS_PG_CLUSTER="15 faults"
//   FAULTS_PG_URL=postgres://postgres@127.0.0.1:3149/postgres). It stops every database of that
//   cluster, so CI leaves it off; give it a cluster of its own (not TEST_DATABASE_URL's: the suite's
//   own connection there would not survive the stop), e.g. as root:
//     pg_createcluster 15 faults -p 3149 && pg_ctlcluster 15 faults start
//     (and `host all all 127.0.0.1/32 trust` in /etc/postgresql/15/faults/pg_hba.conf)
import { execFileSync } from 'node:child_process';
import { afterAll, beforeAll, describe, it } from 'vitest';
import type { Database } from '../../src/server/db/client.ts';
import type { ServerProcess } from '../helpers/server.ts';
import { faultsEngine, type FaultsEngine } from './engine.ts';
import { waitFor } from './midway.ts';
import { outageUnderLoad } from './outage.ts';
import { DatabaseProxy } from './proxy.ts';

const SERVER_PORT = 3142;
const PROXY_PORT = 3143;
const PG_RESTART_PORT = 3144;
const pg = !!process.env.TEST_DATABASE_URL;

describe.runIf(pg)('PostgreSQL cut off behind a proxy', () => {
  let engine: FaultsEngine;
  let database: Database;
  let proxy: DatabaseProxy;
  let server: ServerProcess;

  beforeAll(async () => {
    engine = await faultsEngine('outage');
    database = await engine.connect();
    const url = new URL(engine.databaseUrl!);
    proxy = new DatabaseProxy({ host: url.hostname, port: Number(url.port || 5432) }, PROXY_PORT);
    await proxy.open();
    url.hostname = '127.0.0.1';
    url.port = String(PROXY_PORT);
    server = await engine.start(SERVER_PORT, { databaseUrl: url.toString(), demo: false });
  }, 180_000);

  afterAll(async () => {
    await server?.stop();
    await proxy?.cut();
    await database?.close();
    await engine?.dispose();
  });

  it('answers 503 database_unavailable while it is away and serves again by itself when it is back', async () => {
    await outageUnderLoad({ server, database, label: 'proxy', cut: () => proxy.cut(), restore: () => proxy.open() });
  }, 120_000);
});

const pgRestart = process.env.FAULTS_PG_RESTART === '1';
const cluster = (process.env.FAULTS_PG_CLUSTER ?? '').split(/\s+/).filter(Boolean);

describe.runIf(pgRestart)(`PostgreSQL stopped and started (pg_ctlcluster ${cluster.join(' ')})`, () => {
  let engine: FaultsEngine;
  let database: Database;
  let server: ServerProcess;
  const ready = () => {
    try {
      execFileSync('pg_ctlcluster', [...cluster, 'status'], { stdio: 'ignore' });
      return true;
    } catch {
      return false;
    }
  };

  beforeAll(async () => {
    if (cluster.length !== 2 || !process.env.FAULTS_PG_URL) {
      throw new Error('FAULTS_PG_RESTART=1 needs FAULTS_PG_CLUSTER ("<version> <name>") and FAULTS_PG_URL (a database on that cluster)');
    }
    const where = (u: string) => `${new URL(u).hostname}:${new URL(u).port || 5432}`;
    if (process.env.TEST_DATABASE_URL && where(process.env.TEST_DATABASE_URL) === where(process.env.FAULTS_PG_URL)) {
      throw new Error('FAULTS_PG_URL is on the same PostgreSQL as TEST_DATABASE_URL: stopping it would take the test run down with it');
    }
    engine = await faultsEngine('pgstop', process.env.FAULTS_PG_URL);
    database = await engine.connect();
    server = await engine.start(PG_RESTART_PORT, { demo: false });
  }, 180_000);

  afterAll(async () => {
    if (!ready()) execFileSync('pg_ctlcluster', [...cluster, 'start']);
    await server?.stop();
    await database?.close();
    await engine?.dispose();
  });

  it('answers 503 database_unavailable while PostgreSQL is down and serves again by itself when it is up', async () => {
    await outageUnderLoad({
      server, database, label: 'pgstop',
      cut: async () => {
        execFileSync('pg_ctlcluster', [...cluster, 'stop', '-m', 'fast']);
      },
      restore: async () => {
        execFileSync('pg_ctlcluster', [...cluster, 'start']);
        await waitFor('PostgreSQL to accept connections', async () => {
          try {
            await database.pool.query('SELECT 1');
            return true;
          } catch {
            return false;
          }
        }, 60_000, 200);
      },
    });
  }, 180_000);
});
