// Reference data every installation needs, demo or not: the administrative divisions of China.
import { sql } from 'drizzle-orm';
import { loadDivisions } from '../modules/regions/divisions.ts';
import { upsertRegions } from '../modules/regions/regions.repo.ts';
import { drizzle } from 'drizzle-orm/node-postgres';
import { migrate } from 'drizzle-orm/node-postgres/migrator';
import { MIGRATIONS_DIR, type Database } from './client.ts';
import * as schema from './schema/index.ts';
import { regions } from './schema/index.ts';

/** Held while a server prepares the database, so that of several starting together one migrates. */
const PREPARE_LOCK = 7_150_030;

/**
 * Migrations, then the region tree if the table is empty (~3,200 rows from GB/T 2260). Several app
 * servers starting at once on one PostgreSQL take turns on an advisory lock: the first migrates, the
 * others then find nothing left to do (without it the second failed creating a table that existed).
 */
export async function prepareDatabase(database: Database): Promise<void> {
  const client = await database.pool.connect();
  try {
    await client.query('SELECT pg_advisory_lock($1)', [PREPARE_LOCK]);
    // Everything on the connection holding the lock, so a pool of one connection cannot wait on itself.
    const db = drizzle(client, { schema });
    await migrate(db, { migrationsFolder: MIGRATIONS_DIR });
    const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(regions);
    if (!row || row.n === 0) await upsertRegions(db, loadDivisions());
  } finally {
    await client.query('SELECT pg_advisory_unlock($1)', [PREPARE_LOCK]).catch(() => {});
    client.release();
  }
}
