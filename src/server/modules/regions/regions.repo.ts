import { asc, eq, like, or, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { regions } from '../../db/schema/index.ts';
import type { RegionRow } from './divisions.ts';

export async function upsertRegions(db: DbOrTx, rows: RegionRow[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 1000) {
    await db
      .insert(regions)
      .values(rows.slice(i, i + 1000))
      .onConflictDoUpdate({
        target: regions.code,
        set: { name: sql`excluded.name`, shortName: sql`excluded.short_name`, parentCode: sql`excluded.parent_code`, path: sql`excluded.path`, level: sql`excluded.level`, sort: sql`excluded.sort` },
      });
  }
}

export async function getRegion(db: DbOrTx, code: string) {
  const [row] = await db.select().from(regions).where(eq(regions.code, code)).limit(1);
  return row ?? null;
}

/** The subtree under a path, in tree order. */
export async function listSubtree(db: DbOrTx, path: string) {
  return db.select().from(regions).where(like(regions.path, `${path}%`)).orderBy(asc(regions.path), asc(regions.sort));
}

/** Regions within a subtree that a spreadsheet cell may mean: by code, full name or short name. */
export async function findRegionsByText(db: DbOrTx, path: string, text: string) {
  return db
    .select()
    .from(regions)
    .where(sql`${regions.path} LIKE ${path + '%'} AND (${or(eq(regions.code, text), eq(regions.name, text), eq(regions.shortName, text))})`);
}
