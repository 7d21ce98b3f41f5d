// Bulletins and their settings: plain queries, the database handle first.
import { and, desc, eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { bulletins, bulletinSettings, regions, reportingPeriods, users } from '../../db/schema/index.ts';

export type SettingsRow = typeof bulletinSettings.$inferSelect;

export async function getSettings(db: DbOrTx, regionCode: string): Promise<SettingsRow | null> {
  const [row] = await db.select().from(bulletinSettings).where(eq(bulletinSettings.regionCode, regionCode)).limit(1);
  return row ?? null;
}

export async function upsertSettings(db: DbOrTx, v: { regionCode: string; issuingOffice: string; numberPrefix: string; autoOnClose: boolean; userId: string | null }) {
  const values = { issuingOffice: v.issuingOffice, numberPrefix: v.numberPrefix, autoOnClose: v.autoOnClose, updatedBy: v.userId, updatedAt: sql`now()` };
  await db
    .insert(bulletinSettings)
    .values({ regionCode: v.regionCode, ...values })
    .onConflictDoUpdate({ target: bulletinSettings.regionCode, set: values });
}

/**
 * The next number of a region's year. Two bulletins issued at once queue on an advisory lock held
 * to the end of the transaction, so they never take the same number.
 */
export async function nextSeq(tx: DbOrTx, regionCode: string, year: number): Promise<number> {
  await tx.execute(sql`SELECT pg_advisory_xact_lock(hashtext(${`bulletin:${regionCode}:${year}`}))`);
  const res = await tx.execute<{ seq: number }>(sql`
    SELECT coalesce(max(seq), 0)::int + 1 AS seq FROM bulletins WHERE region_code = ${regionCode} AND year = ${year}`);
  return res.rows[0]!.seq;
}

export async function insertBulletin(tx: DbOrTx, v: typeof bulletins.$inferInsert): Promise<string> {
  const [row] = await tx.insert(bulletins).values(v).returning({ id: bulletins.id });
  return row!.id;
}

const summaryColumns = {
  id: bulletins.id,
  regionCode: bulletins.regionCode,
  regionName: regions.name,
  regionPath: bulletins.regionPath,
  periodId: bulletins.periodId,
  cadence: reportingPeriods.cadence,
  periodSeq: reportingPeriods.seq,
  year: bulletins.year,
  month: reportingPeriods.month,
  seq: bulletins.seq,
  number: bulletins.number,
  title: bulletins.title,
  issuingOffice: bulletins.issuingOffice,
  trigger: bulletins.trigger,
  createdBy: users.displayName,
  createdAt: bulletins.createdAt,
};

function base(db: DbOrTx) {
  return db
    .select(summaryColumns)
    .from(bulletins)
    .innerJoin(regions, eq(regions.code, bulletins.regionCode))
    .innerJoin(reportingPeriods, eq(reportingPeriods.id, bulletins.periodId))
    .leftJoin(users, eq(users.id, bulletins.createdBy));
}

export type SummaryRow = Awaited<ReturnType<typeof listBulletins>>[number];

/** Newest first: by year, then number. */
export async function listBulletins(db: DbOrTx, f: { scopePath: string; year?: number }) {
  return base(db)
    .where(and(sql`${bulletins.regionPath} LIKE ${f.scopePath + '%'}`, f.year ? eq(bulletins.year, f.year) : undefined))
    .orderBy(desc(bulletins.year), desc(bulletins.createdAt), desc(bulletins.seq));
}

export async function getBulletin(db: DbOrTx, id: string) {
  const [row] = await base(db).where(eq(bulletins.id, id)).limit(1);
  if (!row) return null;
  const [f] = await db.select({ figures: bulletins.figures }).from(bulletins).where(eq(bulletins.id, id));
  return { ...row, figures: f!.figures };
}
