// Queries of the war map: uploaded boundaries, and the projects of a scope with their card in one
// statement (the card by one index lookup per project, names joined, no per-row queries).
import { sql, type SQL } from 'drizzle-orm';
import type { MapColor } from '../../../contract/map.ts';
import type { DbOrTx } from '../../db/client.ts';

export type UploadedRow = {
  regionCode: string;
  regionName: string;
  regionPath: string;
  geojson: Record<string, unknown>;
  source: string;
  updatedAt: Date | string;
};

/** The uploaded boundaries nearest above a region (its own, else its nearest ancestor's). */
export async function nearestUploaded(db: DbOrTx, regionPath: string): Promise<UploadedRow | null> {
  const { rows } = await db.execute<UploadedRow>(sql`
    SELECT b.region_code AS "regionCode", r.name AS "regionName", r.path AS "regionPath", b.geojson, b.source, b.updated_at AS "updatedAt"
    FROM region_boundaries b JOIN regions r ON r.code = b.region_code
    WHERE ${regionPath} LIKE r.path || '%'
    ORDER BY length(r.path) DESC LIMIT 1`);
  return rows[0] ?? null;
}

export async function saveUploaded(db: DbOrTx, v: { regionCode: string; geojson: object; source: string; userId: string }): Promise<void> {
  await db.execute(sql`
    INSERT INTO region_boundaries (region_code, geojson, source, uploaded_by, updated_at)
    VALUES (${v.regionCode}, ${JSON.stringify(v.geojson)}::jsonb, ${v.source}, ${v.userId}::uuid, now())
    ON CONFLICT (region_code) DO UPDATE SET geojson = excluded.geojson, source = excluded.source,
      uploaded_by = excluded.uploaded_by, updated_at = excluded.updated_at`);
}

/** Deletes a region's upload; what it was (for the audit), or null when there was none. */
export async function deleteUploaded(db: DbOrTx, regionCode: string): Promise<{ source: string; features: number } | null> {
  const { rows } = await db.execute<{ source: string; features: number }>(sql`
    DELETE FROM region_boundaries WHERE region_code = ${regionCode}
    RETURNING source, jsonb_array_length(geojson->'features')::int AS features`);
  return rows[0] ?? null;
}

export interface MapFilter {
  scopePath: string;
  stages?: string[];
  industries?: string[];
  colors?: MapColor[];
  leaderId?: string;
  batchId?: string;
  /** The period whose cards colour the points; else each project's latest card. */
  periodId?: string;
}

export type MapRow = {
  id: string;
  code: string;
  name: string;
  regionCode: string;
  regionName: string;
  lng: number | null;
  lat: number | null;
  investment: string;
  stage: string;
  industry: string;
  color: 'blue' | 'yellow' | 'red' | null;
  leaderId: string | null;
  leaderName: string | null;
};

export async function mapProjects(db: DbOrTx, f: MapFilter): Promise<MapRow[]> {
  const where: SQL[] = [sql`p.region_path LIKE ${f.scopePath + '%'}`];
  // Withdrawn projects (调出) are no longer key projects: shown only when asked for by stage.
  if (f.stages?.length) where.push(sql`p.stage = ANY(${sql.param(f.stages)}::text[])`);
  else where.push(sql`p.stage <> 'withdrawn'`);
  if (f.industries?.length) where.push(sql`p.industry = ANY(${sql.param(f.industries)}::text[])`);
  if (f.leaderId) where.push(sql`p.leader_person_id = ${f.leaderId}::uuid`);
  if (f.batchId) where.push(sql`EXISTS (SELECT 1 FROM batch_projects bp WHERE bp.project_id = p.id AND bp.batch_id = ${f.batchId}::uuid)`);
  const card = f.periodId
    ? sql`SELECT coalesce(c.override_color, c.color) AS color FROM project_cards c WHERE c.project_id = p.id AND c.period_id = ${f.periodId}::uuid`
    : sql`SELECT coalesce(c.override_color, c.color) AS color FROM project_cards c WHERE c.project_id = p.id
          ORDER BY c.year DESC, c.month DESC, c.computed_at DESC LIMIT 1`;
  const colors = f.colors ?? [];
  const named = colors.filter((c) => c !== 'none');
  const colorWhere = !colors.length
    ? sql``
    : sql`WHERE ${sql.join([
      ...(named.length ? [sql`x.color = ANY(${sql.param(named)}::text[])`] : []),
      ...(colors.includes('none') ? [sql`x.color IS NULL`] : []),
    ], sql` OR `)}`;
  const { rows } = await db.execute<MapRow>(sql`
    SELECT x.* FROM (
      SELECT p.id, p.code, p.name, p.region_code AS "regionCode", rg.name AS "regionName",
        p.longitude::float8 AS lng, p.latitude::float8 AS lat, p.total_investment::text AS investment,
        p.stage, p.industry, card.color, p.leader_person_id AS "leaderId", pe.name AS "leaderName"
      FROM projects p
      JOIN regions rg ON rg.code = p.region_code
      LEFT JOIN people pe ON pe.id = p.leader_person_id
      LEFT JOIN LATERAL (${card}) card ON true
      WHERE ${sql.join(where, sql` AND `)}
    ) x
    ${colorWhere}
    ORDER BY x.code`);
  return rows;
}
