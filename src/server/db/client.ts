// One way to the database, whichever engine: a `pg` pool and Drizzle's node-postgres driver.
// PostgreSQL when DATABASE_URL is set; otherwise the embedded PGlite served on a local socket.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { drizzle, type NodePgDatabase } from 'drizzle-orm/node-postgres';
import { migrate } from 'drizzle-orm/node-postgres/migrator';
import pg from 'pg';
import type { Config } from '../config.ts';
import { findRunningHost, startEmbeddedHost, type EmbeddedHost } from './embedded.ts';
import * as schema from './schema/index.ts';

// Dates stay 'YYYY-MM-DD' strings (no time zone shift); bigint counts become numbers.
pg.types.setTypeParser(1082, (v: string) => v);
pg.types.setTypeParser(20, (v: string) => Number(v));

export type Db = NodePgDatabase<typeof schema>;
/** A transaction handle is used wherever a Db is: queries take it as their first argument. */
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
export type DbOrTx = Db | Tx;

export interface Database {
  db: Db;
  pool: pg.Pool;
  engine: 'pglite' | 'postgres';
  /** True when this process started the embedded database (rather than reaching a running server's). */
  ownsEmbedded: boolean;
  close(): Promise<void>;
}

/**
 * A PostgreSQL client whose connection switches JIT off before it is used. The planner prices the
 * statistics' and the cards' statements above JIT's threshold (their estimates are of tens of thousands
 * of rows), and compiling them takes longer than running them: 10–20 ms a statement on the province
 * cockpit, 1.4 s on a city's card run. A statement rather than a start-up option, which PgBouncer
 * refuses; behind transaction pooling set it for the database instead (docs/scaling.md). PGlite has
 * no JIT.
 */
class JitOffClient extends pg.Client {
  override connect(): Promise<pg.Client>;
  override connect(callback: (err: Error) => void): void;
  override connect(callback?: (err: Error) => void): Promise<pg.Client> | void {
    const ready = super.connect().then(() => super.query('SET jit = off')).then(() => this);
    if (!callback) return ready;
    ready.then(() => callback(undefined as unknown as Error), (err: Error) => callback(err));
  }
}

export const MIGRATIONS_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), 'migrations');

export async function openDatabase(
  cfg: Pick<Config, 'dataDir' | 'databaseUrl'>,
  opts: { memory?: boolean; poolSize?: number } = {},
): Promise<Database> {
  let host: EmbeddedHost | null = null;
  let pool: pg.Pool;
  if (cfg.databaseUrl) {
    pool = new pg.Pool({ connectionString: cfg.databaseUrl, max: opts.poolSize ?? 10, Client: JitOffClient });
  } else {
    let socketDir = opts.memory ? null : findRunningHost(cfg.dataDir);
    if (!socketDir) {
      host = await startEmbeddedHost(opts.memory ? null : cfg.dataDir);
      socketDir = host.socketDir;
    }
    // PGlite has one session: extra connections only queue, but a few let a reader wait its turn
    // instead of holding up the pool.
    pool = new pg.Pool({ host: socketDir, user: 'postgres', database: 'postgres', max: opts.poolSize ?? 4 });
  }
  // A client that loses its server (PostgreSQL stopped or restarted) must not crash the process: the
  // pool hears it while the client is idle, this listener while it is checked out between two
  // queries (a FATAL 57P01 then arrives with no query to fail). Either way the pool discards the
  // client, and the next request connects afresh: the server recovers without a restart.
  pool.on('error', () => {});
  pool.on('connect', (client) => client.on('error', () => {}));
  const db = drizzle(pool, { schema });
  return {
    db,
    pool,
    engine: cfg.databaseUrl ? 'postgres' : 'pglite',
    ownsEmbedded: host !== null,
    async close() {
      await pool.end();
      await host?.stop();
    },
  };
}

/**
 * Whether the database answers a trivial query: 'down' when it cannot be reached, 'busy' when it has
 * not answered within the time (PGlite's one session held by a long transaction), else 'up'.
 */
export async function databaseHealth(pool: pg.Pool, timeoutMs = 2_000): Promise<'up' | 'busy' | 'down'> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<'busy'>((resolve) => (timer = setTimeout(() => resolve('busy'), timeoutMs)));
  const probe = pool.query('SELECT 1').then(() => 'up' as const, () => 'down' as const);
  try {
    return await Promise.race([probe, late]);
  } finally {
    clearTimeout(timer);
  }
}

export async function runMigrations(database: Database): Promise<void> {
  await migrate(database.db, { migrationsFolder: MIGRATIONS_DIR });
}
