// What an uploaded boundary file must be: JSON, a FeatureCollection of Polygon / MultiPolygon
// features with sane coordinates, every feature drawing one sub-region of the region. The stored
// copy keeps only the geometry, the sub-region's name and code, and the name the file used.
import type { FieldIssue } from '../../errors.ts';
import type { BoundaryCollection, BoundaryFeature } from '../../geo/geojson.ts';
import { featureName, matchFeatures, type SubRegion } from '../../geo/match.ts';

const MAX_ISSUES = 20;

type Check = { ok: true; collection: BoundaryCollection } | { ok: false; message: string; issues: FieldIssue[] };

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function isPosition(v: unknown): boolean {
  return Array.isArray(v) && v.length >= 2 && typeof v[0] === 'number' && typeof v[1] === 'number'
    && Math.abs(v[0]) <= 180 && Math.abs(v[1]) <= 90;
}

const isRing = (v: unknown) => Array.isArray(v) && v.length >= 4 && v.every(isPosition);
const isPolygon = (v: unknown) => Array.isArray(v) && v.length >= 1 && v.every(isRing);

/** Why a geometry cannot be drawn as an area, or null when it can. */
function geometryProblem(g: unknown): string | null {
  if (!isObject(g)) return '缺少 geometry';
  if (g.type === 'Polygon') return isPolygon(g.coordinates) ? null : '坐标不是有效的多边形（每个环至少 4 个 [经度, 纬度] 点）';
  if (g.type === 'MultiPolygon') {
    return Array.isArray(g.coordinates) && g.coordinates.length > 0 && g.coordinates.every(isPolygon)
      ? null : '坐标不是有效的多边形集合（每个环至少 4 个 [经度, 纬度] 点）';
  }
  return `几何类型为 ${String(g.type ?? '空')}，应为 Polygon 或 MultiPolygon`;
}

/** Checks a parsed upload against the sub-regions of `regionName`. */
export function checkBoundaries(json: unknown, regionName: string, subRegions: SubRegion[]): Check {
  if (!isObject(json) || json.type !== 'FeatureCollection' || !Array.isArray(json.features)) {
    return { ok: false, message: '文件不是 GeoJSON FeatureCollection（应为 {"type": "FeatureCollection", "features": [...]}）', issues: [{ field: 'type', message: '应为 FeatureCollection' }] };
  }
  const features = json.features as unknown[];
  if (!features.length) return { ok: false, message: 'FeatureCollection 中没有任何要素', issues: [{ field: 'features', message: '没有要素' }] };

  const label = (i: number) => {
    const f = features[i];
    const name = isObject(f) ? featureName({ properties: isObject(f.properties) ? f.properties : null }) : null;
    return `第${i + 1}个要素${name ? `「${name}」` : ''}`;
  };
  const issues: FieldIssue[] = [];
  features.forEach((f, i) => {
    const problem = !isObject(f) || f.type !== 'Feature' ? '不是 Feature' : geometryProblem(f.geometry);
    if (problem) issues.push({ field: `features.${i}`, message: `${label(i)}：${problem}` });
  });
  if (issues.length) return { ok: false, message: `边界文件有误：${issues[0]!.message}`, issues: issues.slice(0, MAX_ISSUES) };

  const feats = features as { id?: unknown; properties?: unknown; geometry: BoundaryFeature['geometry'] }[];
  const keys = feats.map((f) => ({ id: f.id, properties: isObject(f.properties) ? f.properties : null }));
  const matched = matchFeatures(keys, subRegions);
  matched.forEach((m, i) => {
    if (!m) issues.push({ field: `features.${i}`, message: `${label(i)}未能对应到${regionName}的下辖区域（按区划代码或名称匹配）` });
  });
  if (issues.length) {
    const more = issues.length > 1 ? `（共 ${issues.length} 个要素未匹配）` : '';
    return { ok: false, message: `${issues[0]!.message}${more}`, issues: issues.slice(0, MAX_ISSUES) };
  }

  return {
    ok: true,
    collection: {
      type: 'FeatureCollection',
      features: feats.map((f, i) => {
        const region = matched[i]!;
        const sourceName = featureName(keys[i]!);
        return {
          type: 'Feature',
          properties: { name: region.name, regionCode: region.code, ...(sourceName && sourceName !== region.name ? { sourceName } : {}) },
          geometry: { type: f.geometry.type, coordinates: f.geometry.coordinates } as BoundaryFeature['geometry'],
        };
      }),
    },
  };
}
