// Reference data every installation needs, demo or not: the administrative divisions of China.
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { loadDivisions } from '../modules/regions/divisions.ts';
import { upsertRegions } from '../modules/regions/regions.repo.ts';
import { runMigrations, type Database } from './client.ts';
import { regions } from './schema/index.ts';

/** Held while a server prepares the database, so that of several starting together one migrates. */
const PREPARE_LOCK = 7_150_030;

/**
 * Migrations, then the region tree if the table is empty (~3,200 rows from GB/T 2260).
 *
 * Several app servers starting at once on one PostgreSQL take turns: each first takes a
 * transaction-level advisory lock on a connection of its own (safe through a transaction-pooling
 * PgBouncer, and no pool size can make it wait on itself) and keeps it while it migrates, so the
 * first migrates and the others then find nothing to do. Without it the second server died creating
 * a table the first had just made. PGlite is served by one process only (DATA_DIR/tuijin.lock), and
 * an open transaction there would hold its single session, so it goes without.
 */
export async function prepareDatabase(database: Database): Promise<void> {
  const holder = database.engine === 'postgres' ? new pg.Client(database.pool.options) : null;
  if (holder) {
    holder.on('error', () => {});
    await holder.connect();
    await holder.query('BEGIN');
    await holder.query('SELECT pg_advisory_xact_lock($1)', [PREPARE_LOCK]);
  }
  try {
    await runMigrations(database);
    const [row] = await database.db.select({ n: sql<number>`count(*)::int` }).from(regions);
    if (!row || row.n === 0) await upsertRegions(database.db, loadDivisions());
  } finally {
    if (holder) {
      await holder.query('COMMIT').catch(() => {});
      await holder.end().catch(() => {});
    }
  }
}
