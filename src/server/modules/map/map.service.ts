// The war map: which boundaries a region is drawn with (uploaded, else bundled), the admin's upload
// and reset, and the projects of a scope at their coordinates with their card.
import type { MapBoundaries, MapProjects, MapProjectsQuery, MapPoint, MapUnplaced } from '../../../contract/map.ts';
import { MAX_BOUNDARY_BYTES } from '../../../contract/map.ts';
import type { Stage } from '../../../domain/enums.ts';
import { periodLabel } from '../../../domain/reporting.ts';
import type { Db, DbOrTx } from '../../db/client.ts';
import { AppError, invalid, notFound } from '../../errors.ts';
import { bundledFor } from '../../geo/bundled.ts';
import { nulField } from '../../plugins/input-guard.ts';
import type { BoundaryCollection, BoundaryFeature } from '../../geo/geojson.ts';
import { requireAdmin } from '../access/access.policy.ts';
import type { Principal } from '../access/principal.ts';
import { recordAudit } from '../audit/audit.repo.ts';
import { getRegion } from '../regions/regions.repo.ts';
import { loadVisiblePeriod } from '../reporting/periods.service.ts';
import { childRegions } from '../stats/stats.repo.ts';
import { resolveStatsRegion, type StatsRegion } from '../stats/stats.service.ts';
import { checkBoundaries } from './map.validate.ts';
import * as repo from './map.repo.ts';

// ───────────── boundaries ─────────────

/** A collection drawn for a region below its owner: that region's own feature(s), else all of them. */
function narrowTo(features: BoundaryFeature[], region: StatsRegion): BoundaryFeature[] {
  const onPath = new Set(region.path.split('/').filter(Boolean));
  const own = features.filter((f) => onPath.has(f.properties.regionCode));
  return own.length ? own : features;
}

export async function getBoundaries(db: DbOrTx, p: Principal, q: { region?: string }): Promise<MapBoundaries> {
  const region = await resolveStatsRegion(db, p, q.region);
  const uploaded = await repo.nearestUploaded(db, region.path);
  const bundled = bundledFor(region.path);
  let owner: { code: string; name: string };
  let features: BoundaryFeature[];
  let source: string;
  let updatedAt: string | null = null;
  if (uploaded) {
    owner = { code: uploaded.regionCode, name: uploaded.regionName };
    features = (uploaded.geojson as unknown as BoundaryCollection).features;
    source = uploaded.source;
    updatedAt = new Date(uploaded.updatedAt).toISOString();
  } else if (bundled) {
    const row = await getRegion(db, bundled.regionCode);
    owner = { code: bundled.regionCode, name: row?.name ?? bundled.regionCode };
    features = bundled.load().features;
    source = bundled.source;
  } else {
    throw new AppError('not_found', `尚无${region.name}下辖区域的边界数据，请系统管理员在“挂图作战”页面上传 GeoJSON 边界文件`);
  }
  if (owner.code !== region.code) features = narrowTo(features, region);
  return {
    type: 'FeatureCollection', regionCode: owner.code, regionName: owner.name, source, uploaded: !!uploaded, updatedAt, features,
  };
}

/** The region an admin may set boundaries for: in scope, with sub-regions to draw. */
async function boundaryRegion(db: DbOrTx, p: Principal, regionCode: string) {
  requireAdmin(p);
  const region = await getRegion(db, regionCode);
  if (!region || !region.path.startsWith(p.regionPath)) throw notFound('区域');
  return region;
}

export interface BoundaryUpload {
  /** The raw file (multipart) or the parsed JSON body. */
  file?: Buffer;
  json?: unknown;
  fileName?: string;
  source?: string;
}

export async function uploadBoundaries(db: Db, p: Principal, regionCode: string, u: BoundaryUpload): Promise<MapBoundaries> {
  const region = await boundaryRegion(db, p, regionCode);
  let json = u.json;
  if (u.file) {
    if (u.file.length > MAX_BOUNDARY_BYTES) {
      throw new AppError('payload_too_large', `边界文件超过 ${MAX_BOUNDARY_BYTES / 1024 / 1024} MB，请先简化（如用 mapshaper）后再上传`);
    }
    try {
      json = JSON.parse(u.file.toString('utf8').replace(/^\uFEFF/, ''));
    } catch {
      throw invalid('文件不是有效的 JSON，请上传 GeoJSON（.geojson / .json）文件', [{ field: 'file', message: '不是有效的 JSON' }]);
    }
    // A name from the file is stored (sourceName), and PostgreSQL refuses a NUL character in jsonb.
    const nul = nulField(json);
    if (nul !== null) throw invalid(`边界文件中 ${nul || '内容'} 含有空字符（\\u0000）`, [{ field: nul || 'file', message: '不能包含空字符（\\u0000）' }]);
  }
  const subRegions = await childRegions(db, region.code);
  if (!subRegions.length) throw invalid(`${region.name}没有下辖区域，无需上传边界`, [{ field: 'regionCode', message: '没有下辖区域' }]);
  const check = checkBoundaries(json, region.name, subRegions);
  if (!check.ok) throw invalid(check.message, check.issues);

  const source = u.source?.trim() || `管理员上传${u.fileName ? `（${u.fileName}）` : ''}`;
  const drawn = [...new Set(check.collection.features.map((f) => f.properties.name))];
  await db.transaction(async (tx) => {
    await repo.saveUploaded(tx, { regionCode: region.code, geojson: check.collection, source, userId: p.id });
    await recordAudit(tx, p, {
      action: 'map.boundaries.upload', entityType: 'region_boundaries', entityId: region.code, regionPath: region.path,
      after: { source, fileName: u.fileName ?? null, features: check.collection.features.length, regions: drawn },
      note: `上传${region.name}下辖区域边界（${drawn.length} 个区域）`,
    });
  });
  return getBoundaries(db, p, { region: region.code });
}

export async function resetBoundaries(db: Db, p: Principal, regionCode: string): Promise<void> {
  const region = await boundaryRegion(db, p, regionCode);
  await db.transaction(async (tx) => {
    const removed = await repo.deleteUploaded(tx, region.code);
    if (!removed) throw new AppError('not_found', `${region.name}没有上传过边界数据`);
    await recordAudit(tx, p, {
      action: 'map.boundaries.reset', entityType: 'region_boundaries', entityId: region.code, regionPath: region.path,
      before: removed, note: `删除${region.name}上传的边界，恢复内置边界`,
    });
  });
}

// ───────────── projects ─────────────

export async function getMapProjects(db: DbOrTx, p: Principal, q: MapProjectsQuery): Promise<MapProjects> {
  const region = await resolveStatsRegion(db, p, q.region);
  const period = q.periodId ? await loadVisiblePeriod(db, p, q.periodId) : null;
  const rows = await repo.mapProjects(db, {
    scopePath: region.path, stages: q.stage, industries: q.industry, colors: q.color, leaderId: q.leader, batchId: q.batch, periodId: period?.id,
  });
  const items: MapPoint[] = [];
  const unplaced: MapUnplaced[] = [];
  const leaders = new Map<string, string>();
  const regions = new Map<string, string>();
  for (const r of rows) {
    const base = {
      id: r.id, code: r.code, name: r.name, regionCode: r.regionCode, investment: r.investment, stage: r.stage as Stage,
      industry: r.industry, color: r.color, leaderId: r.leaderId,
    };
    if (r.lng != null && r.lat != null) items.push({ ...base, lng: r.lng, lat: r.lat });
    else unplaced.push(base);
    if (r.leaderId && r.leaderName) leaders.set(r.leaderId, r.leaderName);
    regions.set(r.regionCode, r.regionName);
  }
  return {
    regionCode: region.code,
    regionName: region.name,
    periodId: period?.id ?? null,
    periodLabel: period ? `${period.regionName}${periodLabel(period)}` : null,
    count: items.length,
    items,
    withoutCoordinates: { count: unplaced.length, items: unplaced },
    leaders: [...leaders].map(([id, name]) => ({ id, name })),
    regions: [...regions].map(([code, name]) => ({ code, name })),
  };
}
