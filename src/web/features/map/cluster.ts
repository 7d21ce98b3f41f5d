// Clustering of the map's points: at a given cell size (degrees, from the zoom) the points that fall
// in the same grid cell are drawn as one bubble with their count; a cell with one point draws the
// point itself. Zooming in shrinks the cells, so clusters split until every project stands alone.
import { sumMoney } from '../../../domain/money.ts';
import type { MapColor } from '../../../contract/map.ts';

export interface ClusterPoint {
  id: string;
  lng: number;
  lat: number;
  /** Total investment, 万元 decimal string. */
  investment: string;
  color: 'blue' | 'yellow' | 'red' | null;
}

export interface Cluster<P extends ClusterPoint = ClusterPoint> {
  /** Stable for a cell at a cell size: `cellX:cellY`, or `p:<id>` for a lone point. */
  key: string;
  lng: number;
  lat: number;
  count: number;
  /** Sum of the members' total investment (exact, 万元). */
  investment: string;
  /** Members per card colour (`none`: no card). */
  colors: Record<MapColor, number>;
  /** The worst card among the members: red before yellow before blue; null when none has a card. */
  color: 'blue' | 'yellow' | 'red' | null;
  members: P[];
}

const SEVERITY: Record<MapColor, number> = { none: 0, blue: 1, yellow: 2, red: 3 };

/** Groups points by grid cells of `cellDeg` degrees; cells holding fewer than `minCount` points stay as single points. */
export function clusterPoints<P extends ClusterPoint>(points: readonly P[], cellDeg: number, minCount = 2): Cluster<P>[] {
  const cells = new Map<string, P[]>();
  const valid = cellDeg > 0 && Number.isFinite(cellDeg);
  for (const p of points) {
    const key = valid ? `${Math.floor(p.lng / cellDeg)}:${Math.floor(p.lat / cellDeg)}` : `p:${p.id}`;
    const list = cells.get(key);
    if (list) list.push(p);
    else cells.set(key, [p]);
  }
  const out: Cluster<P>[] = [];
  for (const [key, members] of cells) {
    if (members.length < minCount) {
      for (const p of members) out.push(makeCluster(`p:${p.id}`, [p]));
    } else {
      out.push(makeCluster(key, members));
    }
  }
  return out;
}

function makeCluster<P extends ClusterPoint>(key: string, members: P[]): Cluster<P> {
  const colors: Record<MapColor, number> = { blue: 0, yellow: 0, red: 0, none: 0 };
  let lng = 0;
  let lat = 0;
  let worst: MapColor = 'none';
  for (const p of members) {
    const c: MapColor = p.color ?? 'none';
    colors[c] += 1;
    if (SEVERITY[c] > SEVERITY[worst]) worst = c;
    lng += p.lng;
    lat += p.lat;
  }
  return {
    key,
    lng: lng / members.length,
    lat: lat / members.length,
    count: members.length,
    investment: sumMoney(members.map((p) => p.investment)),
    colors,
    color: worst === 'none' ? null : worst,
    members,
  };
}

/**
 * Cell size in degrees for a target cell in pixels: the map shows `spanDeg` degrees of longitude
 * across `widthPx` pixels at zoom 1.
 */
export function cellDegrees(spanDeg: number, widthPx: number, zoom: number, cellPx = 40): number {
  if (!(spanDeg > 0) || !(widthPx > 0) || !(zoom > 0)) return 0;
  return (spanDeg / widthPx) * cellPx / zoom;
}

/**
 * Symbol diameter (px) of a project by total investment (万元): area grows with the amount, from
 * `min` for small projects to `max` at `top` 万元 and above (default 100 亿元).
 */
export function pointSize(investment: string, min = 7, max = 26, top = 1_000_000): number {
  const v = Math.max(0, Number(investment) || 0);
  const share = Math.sqrt(Math.min(v, top) / top);
  return Math.round((min + (max - min) * share) * 10) / 10;
}

/** Bubble diameter (px) of a cluster by its member count. */
export function clusterSize(count: number): number {
  return Math.min(46, 22 + Math.sqrt(count) * 3);
}

/** Where a region's name goes: the area-weighted centroid of its largest ring (a county's main body, not an enclave). */
export function labelPoint(geometry: { type: string; coordinates: unknown } | null | undefined): [number, number] | null {
  if (!geometry) return null;
  const polygons = (geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.type === 'MultiPolygon' ? geometry.coordinates : []) as number[][][][];
  let best: { area: number; x: number; y: number } | null = null;
  for (const polygon of polygons) {
    const ring = polygon[0];
    if (!ring || ring.length < 3) continue;
    let a = 0;
    let cx = 0;
    let cy = 0;
    for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
      const [x0, y0] = ring[j]!;
      const [x1, y1] = ring[i]!;
      const f = x0! * y1! - x1! * y0!;
      a += f;
      cx += (x0! + x1!) * f;
      cy += (y0! + y1!) * f;
    }
    if (a === 0) continue;
    const area = Math.abs(a / 2);
    if (!best || area > best.area) best = { area, x: cx / (3 * a), y: cy / (3 * a) };
  }
  return best ? [best.x, best.y] : null;
}
