// Bulletins and their settings: plain queries, the database handle first.
import { and, desc, eq, sql } from 'drizzle-orm';
import type { SelectedFields } from 'drizzle-orm/pg-core';
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
  /** Null for a month made of the sub-regions' periods. */
  cadence: reportingPeriods.cadence,
  periodSeq: reportingPeriods.seq,
  year: bulletins.year,
  month: bulletins.month,
  seq: bulletins.seq,
  number: bulletins.number,
  title: bulletins.title,
  issuingOffice: bulletins.issuingOffice,
  trigger: bulletins.trigger,
  createdBy: users.displayName,
  createdAt: bulletins.createdAt,
};

/** The summary's columns, with `extra` ones of the bulletin's own row. */
function base<X extends SelectedFields = Record<never, never>>(db: DbOrTx, extra: X = {} as X) {
  return db
    .select({ ...summaryColumns, ...extra })
    .from(bulletins)
    .innerJoin(regions, eq(regions.code, bulletins.regionCode))
    .leftJoin(reportingPeriods, eq(reportingPeriods.id, bulletins.periodId))
    .leftJoin(users, eq(users.id, bulletins.createdBy));
}

export type SummaryRow = Awaited<ReturnType<typeof listBulletins>>[number];

/** Newest first: by year, then number. */
export async function listBulletins(db: DbOrTx, f: { scopePath: string; year?: number }) {
  return base(db)
    .where(and(sql`${bulletins.regionPath} LIKE ${f.scopePath + '%'}`, f.year ? eq(bulletins.year, f.year) : undefined))
    .orderBy(desc(bulletins.year), desc(bulletins.createdAt), desc(bulletins.seq));
}

/** A bulletin with its stored figures (`lines` only when asked: it is the long part). */
export async function getBulletin(db: DbOrTx, id: string, withLines = true) {
  const [row] = await base(db, { figures: bulletins.figures, lines: withLines ? bulletins.lines : sql<Buffer | null>`NULL::bytea` })
    .where(eq(bulletins.id, id))
    .limit(1);
  return row ?? null;
}

/** The packed lists of a bulletin alone. */
export async function getBulletinLines(db: DbOrTx, id: string): Promise<Buffer | null> {
  const [row] = await db.select({ lines: bulletins.lines }).from(bulletins).where(eq(bulletins.id, id));
  return row?.lines ?? null;
}

export type BulletinCardRow = {
  projectId: string;
  code: string;
  name: string;
  regionName: string;
  regionPath: string;
  color: string;
  score: string;
  overridden: boolean;
  overrideReason: string | null;
  /** Only for red and yellow cards not overridden: [name, detail] of the indicators that made the colour. */
  reasons: [string, string][] | null;
};

/**
 * The cards of the given periods within a region, worst score first (as the cards list sorts them):
 * the effective colour, and the indicators only where the bulletin names the reasons.
 */
export async function cardsOfPeriods(db: DbOrTx, periodIds: string[], regionPath: string): Promise<BulletinCardRow[]> {
  if (!periodIds.length) return [];
  const r = await db.execute<BulletinCardRow>(sql`
    SELECT c.project_id AS "projectId", p.code, p.name, rg.name AS "regionName", c.region_path AS "regionPath",
           coalesce(c.override_color, c.color) AS color, c.score::text AS score,
           c.override_color IS NOT NULL AS overridden, c.override_reason AS "overrideReason",
           CASE WHEN c.override_color IS NULL AND c.color <> 'blue' THEN
             (SELECT jsonb_agg(jsonb_build_array(i->>'name', i->>'detail') ORDER BY o)
                FROM jsonb_array_elements(c.indicators) WITH ORDINALITY AS x(i, o) WHERE i->>'color' = c.color) END AS reasons
      FROM project_cards c
      JOIN projects p ON p.id = c.project_id
      JOIN regions rg ON rg.code = p.region_code
     WHERE c.period_id = ANY(${sql.param(periodIds)}::uuid[]) AND c.region_path LIKE ${regionPath + '%'}
     ORDER BY c.score ASC, p.code`);
  return r.rows;
}

export type ProjectNamesRow = {
  id: string; code: string; name: string; regionName: string; industry: string; stage: string; unit: string | null; leader: string | null;
};

/**
 * Who every project of a region is, for the annex's lines: read by region in one pass, at the same
 * time as the statistics (by id it could only start once they are done).
 */
export async function projectNamesIn(db: DbOrTx, regionPath: string): Promise<ProjectNamesRow[]> {
  const r = await db.execute<ProjectNamesRow>(sql`
    SELECT p.id, p.code, p.name, rg.name AS "regionName", p.industry, p.stage, un.name AS unit, pe.name AS leader
      FROM projects p
      JOIN regions rg ON rg.code = p.region_code
      LEFT JOIN organizations un ON un.id = p.responsible_org_id
      LEFT JOIN people pe ON pe.id = p.leader_person_id
     WHERE p.region_path LIKE ${regionPath + '%'}`);
  return r.rows;
}
