// Reference data every installation needs, demo or not: the administrative divisions of China.
import { sql } from 'drizzle-orm';
import { loadDivisions } from '../modules/regions/divisions.ts';
import { upsertRegions } from '../modules/regions/regions.repo.ts';
import { runMigrations, type Database } from './client.ts';
import { regions } from './schema/index.ts';

/** Migrations, then the region tree if the table is empty (~3,200 rows from GB/T 2260). */
export async function prepareDatabase(database: Database): Promise<void> {
  await runMigrations(database);
  const [row] = await database.db.select({ n: sql<number>`count(*)::int` }).from(regions);
  if (!row || row.n === 0) await upsertRegions(database.db, loadDivisions());
}
