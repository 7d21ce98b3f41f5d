// Where a fault test's server keeps its data: PGlite in a fresh DATA_DIR (the default), or a fresh
// PostgreSQL database when TEST_DATABASE_URL is set (copied from the suite's migrated template).
// The test reaches the same data as the server: PostgreSQL directly, PGlite through the running
// server's socket (never by opening the folder itself, which would take it from the server).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { drizzle } from 'drizzle-orm/node-postgres';
import pg from 'pg';
import type { Database } from '../../src/server/db/client.ts';
import { findRunningHost } from '../../src/server/db/embedded.ts';
import * as schema from '../../src/server/db/schema/index.ts';
import { startServer, type ServerOptions, type ServerProcess } from '../helpers/server.ts';
import '../../src/server/db/client.ts'; // the pg type parsers

/** The server's connections carry this name, so pg_stat_activity tells them from the test's. */
export const SERVER_APP_NAME = 'tuijin-faults-server';

export interface FaultsEngine {
  kind: 'pglite' | 'pg';
  dataDir: string;
  /** The server's DATABASE_URL on PostgreSQL (with its application_name), else undefined. */
  databaseUrl?: string;
  start(port: number, extra?: Partial<ServerOptions>): Promise<ServerProcess>;
  /** A connection to the data the running server serves. */
  connect(): Promise<Database>;
  /** Removes the data folder or drops the database (the server must be stopped). */
  dispose(): Promise<void>;
}

/** One statement on a connection of its own: the cluster may be stopped between two of them. */
async function admin(url: string, text: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  client.on('error', () => {});
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end().catch(() => {});
  }
}

/** `url`: a PostgreSQL server to make the database on (default TEST_DATABASE_URL; none: PGlite). */
export async function faultsEngine(label: string, url = process.env.TEST_DATABASE_URL): Promise<FaultsEngine> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), `tuijin-faults-${label}-`));
  if (!url) {
    return {
      kind: 'pglite',
      dataDir,
      start: (port, extra) => startServer({ port, dataDir, ...extra }),
      async connect() {
        const socketDir = findRunningHost(dataDir);
        if (!socketDir) throw new Error(`no running server serves ${dataDir}`);
        return poolDatabase(new pg.Pool({ host: socketDir, user: 'postgres', database: 'postgres', max: 2 }), 'pglite');
      },
      async dispose() {
        fs.rmSync(dataDir, { recursive: true, force: true });
      },
    };
  }
  const name = `tuijin_faults_${label}_${process.pid}`;
  await admin(url, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  // The suite's migrated template lives on TEST_DATABASE_URL's server; elsewhere the server migrates.
  const template = url === process.env.TEST_DATABASE_URL ? process.env.TUIJIN_TEST_TEMPLATE_DB : undefined;
  await admin(url, template ? `CREATE DATABASE ${name} TEMPLATE ${template}` : `CREATE DATABASE ${name}`);
  const u = new URL(url);
  u.pathname = `/${name}`;
  const direct = u.toString();
  u.searchParams.set('application_name', SERVER_APP_NAME);
  const databaseUrl = u.toString();
  return {
    kind: 'pg',
    dataDir,
    databaseUrl,
    start: (port, extra) => startServer({ port, dataDir, databaseUrl, ...extra }),
    async connect() {
      return poolDatabase(new pg.Pool({ connectionString: direct, max: 2 }), 'postgres');
    },
    async dispose() {
      await admin(url, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`).catch(() => {});
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

function poolDatabase(pool: pg.Pool, engine: 'pglite' | 'postgres'): Database {
  // The server may be killed under this pool: a dropped idle client must not crash the test.
  pool.on('error', () => {});
  return {
    db: drizzle(pool, { schema }),
    pool,
    engine,
    ownsEmbedded: false,
    async close() {
      await pool.end().catch(() => {});
    },
  };
}
