// How a fault test knows the server is inside a transaction before it pulls the plug.
// PostgreSQL shows it in pg_stat_activity (a backend of the server with a transaction id, i.e. one
// that has written) and lets the test hold a table lock so writers stop half-way. PGlite has one
// session and no such view from outside; there the test watches its write-ahead log grow, or
// counts acknowledged transactions in a burst that runs them back to back.
import fs from 'node:fs';
import path from 'node:path';
import type { PoolClient } from 'pg';
import type { Database } from '../../src/server/db/client.ts';
import { SERVER_APP_NAME } from './engine.ts';

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export async function waitFor(what: string, check: () => boolean | Promise<boolean>, timeoutMs = 60_000, everyMs = 10): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(everyMs);
  }
}

export interface ServerBackend {
  pid: number;
  state: string;
  waiting: boolean;
  query: string;
}

/** The server's PostgreSQL backends that are inside a transaction that has written something. */
export async function writingBackends(database: Database): Promise<ServerBackend[]> {
  const r = await database.pool.query<ServerBackend>(`
    SELECT pid, state, wait_event_type = 'Lock' AS waiting, left(query, 120) AS query FROM pg_stat_activity
    WHERE application_name = $1 AND backend_xid IS NOT NULL`, [SERVER_APP_NAME]);
  return r.rows;
}

/** Holds a table lock in its own transaction: the server's writers to that table wait, half-way. */
export async function lockTable(database: Database, table: string): Promise<{ release(): Promise<void> }> {
  const client: PoolClient = await database.pool.connect();
  await client.query('BEGIN');
  await client.query(`LOCK TABLE "${table}" IN EXCLUSIVE MODE`);
  return {
    async release() {
      await client.query('ROLLBACK').catch(() => {});
      client.release();
    },
  };
}

/** Counts writes to PGlite's write-ahead log files (inotify), from now on. */
export function watchWal(dataDir: string): { writes(): number; close(): void } {
  let n = 0;
  const w = fs.watch(path.join(dataDir, 'pglite', 'pg_wal'), () => (n += 1));
  return { writes: () => n, close: () => w.close() };
}
