// GeoJSON of region boundaries: the shapes we keep (Polygon / MultiPolygon features), ECharts'
// compressed coordinates ("UTF8Encoding") decoded, and rings rounded to a grid without duplicate points.

export type Position = [number, number];
export type Ring = Position[];

export interface PolygonGeometry { type: 'Polygon'; coordinates: Ring[] }
export interface MultiPolygonGeometry { type: 'MultiPolygon'; coordinates: Ring[][] }
export type AreaGeometry = PolygonGeometry | MultiPolygonGeometry;

export interface BoundaryFeature {
  type: 'Feature';
  properties: { name: string; regionCode: string; sourceName?: string; [k: string]: unknown };
  geometry: AreaGeometry;
}

export interface BoundaryCollection {
  type: 'FeatureCollection';
  features: BoundaryFeature[];
}

/**
 * One ring of ECharts' compressed coordinates: two characters per point, each a zigzag-encoded delta
 * from the previous point (offset 64), starting at the ring's encodeOffset, in units of 1/scale degree.
 * Same algorithm as decodeRing in echarts/lib/coord/geo/parseGeoJson.js.
 */
export function decodeRing(encoded: string, offset: readonly [number, number], scale = 1024): Ring {
  const out: Ring = [];
  let [px, py] = offset;
  for (let i = 0; i + 1 < encoded.length; i += 2) {
    let x = encoded.charCodeAt(i) - 64;
    let y = encoded.charCodeAt(i + 1) - 64;
    x = (x >> 1) ^ -(x & 1);
    y = (y >> 1) ^ -(y & 1);
    px += x;
    py += y;
    out.push([px / scale, py / scale]);
  }
  return out;
}

interface EncodedGeometry {
  type: string;
  coordinates: unknown;
  encodeOffsets: unknown;
}

/** A compressed geometry (Polygon or MultiPolygon) in plain coordinates. */
export function decodeGeometry(g: EncodedGeometry, scale = 1024): AreaGeometry {
  const offsets = g.encodeOffsets as [number, number][] | [number, number][][];
  if (g.type === 'Polygon') {
    const rings = g.coordinates as string[];
    return { type: 'Polygon', coordinates: rings.map((r, i) => decodeRing(r, (offsets as [number, number][])[i]!, scale)) };
  }
  if (g.type === 'MultiPolygon') {
    const polys = g.coordinates as string[][];
    return {
      type: 'MultiPolygon',
      coordinates: polys.map((rings, j) => rings.map((r, i) => decodeRing(r, (offsets as [number, number][][])[j]![i]!, scale))),
    };
  }
  throw new Error(`unsupported geometry ${g.type}`);
}

/**
 * A ring on a grid of 10^-digits degrees (4 digits ≈ 10 m), consecutive repeats dropped and closed.
 * Rounding is the same for every ring, so a border two counties share stays shared.
 */
export function roundRing(ring: Ring, digits = 4): Ring {
  const f = 10 ** digits;
  const out: Ring = [];
  for (const [x, y] of ring) {
    const p: Position = [Math.round(x * f) / f, Math.round(y * f) / f];
    const last = out[out.length - 1];
    if (!last || last[0] !== p[0] || last[1] !== p[1]) out.push(p);
  }
  const first = out[0];
  const last = out[out.length - 1];
  if (first && last && (first[0] !== last[0] || first[1] !== last[1])) out.push([first[0], first[1]]);
  return out;
}

export function roundGeometry(g: AreaGeometry, digits = 4): AreaGeometry {
  const poly = (rings: Ring[]) => rings.map((r) => roundRing(r, digits)).filter((r) => r.length >= 4);
  return g.type === 'Polygon'
    ? { type: 'Polygon', coordinates: poly(g.coordinates) }
    : { type: 'MultiPolygon', coordinates: g.coordinates.map(poly).filter((p) => p.length > 0) };
}

/** Every ring of a geometry. */
export function ringsOf(g: AreaGeometry): Ring[] {
  return g.type === 'Polygon' ? g.coordinates : g.coordinates.flat();
}

const key = (p: Position) => `${p[0]},${p[1]}`;

/** Douglas–Peucker over an open polyline: the points kept (always the two ends). */
function douglasPeucker(pts: Ring, tolerance: number): Ring {
  if (pts.length <= 2) return pts;
  const keep = new Array<boolean>(pts.length).fill(false);
  keep[0] = keep[pts.length - 1] = true;
  const stack: [number, number][] = [[0, pts.length - 1]];
  while (stack.length) {
    const [a, b] = stack.pop()!;
    const [ax, ay] = pts[a]!;
    const [bx, by] = pts[b]!;
    const dx = bx - ax;
    const dy = by - ay;
    const len = Math.hypot(dx, dy);
    let worst = -1;
    let at = -1;
    for (let i = a + 1; i < b; i++) {
      const [x, y] = pts[i]!;
      const d = len === 0 ? Math.hypot(x - ax, y - ay) : Math.abs(dy * x - dx * y + bx * ay - by * ax) / len;
      if (d > worst) [worst, at] = [d, i];
    }
    if (worst > tolerance) {
      keep[at] = true;
      stack.push([a, at], [at, b]);
    }
  }
  return pts.filter((_, i) => keep[i]);
}

/**
 * Simplifies every ring of a collection without opening gaps between neighbours: rings are cut into
 * arcs where the set of rings sharing a point changes, and each arc is simplified once, in one
 * direction, so both counties along a border keep the same points.
 */
export function simplifyCollection(fc: BoundaryCollection, tolerance: number): BoundaryCollection {
  const rings: Ring[] = fc.features.flatMap((f) => ringsOf(f.geometry));
  const owners = new Map<string, Set<number>>();
  rings.forEach((r, i) => r.forEach((p) => {
    const k = key(p);
    (owners.get(k) ?? owners.set(k, new Set()).get(k)!).add(i);
  }));
  const sig = (p: Position) => [...owners.get(key(p))!].sort((a, b) => a - b).join('|');
  const done = new Map<string, Ring>();
  const simplifyArc = (arc: Ring): Ring => {
    const fwd = arc.map(key).join(';');
    const rev = [...arc].reverse();
    const revKey = rev.map(key).join(';');
    const canonical = fwd <= revKey;
    const id = canonical ? fwd : revKey;
    let s = done.get(id);
    if (!s) {
      s = douglasPeucker(canonical ? arc : rev, tolerance);
      done.set(id, s);
    }
    return canonical ? s : [...s].reverse();
  };
  const simplifyRing = (ring: Ring): Ring => {
    const open = ring.slice(0, -1);
    const n = open.length;
    if (n < 4) return ring;
    const s = open.map(sig);
    const fixed = open.map((_, i) => s[i] !== s[(i + n - 1) % n] || s[i] !== s[(i + 1) % n]);
    if (!fixed.some(Boolean)) {
      // A ring nobody shares: cut it at its first point and the point farthest from it.
      const [x0, y0] = open[0]!;
      let far = 1;
      open.forEach(([x, y], i) => { if (Math.hypot(x - x0, y - y0) > Math.hypot(open[far]![0] - x0, open[far]![1] - y0)) far = i; });
      fixed[0] = fixed[far] = true;
    }
    const start = fixed.indexOf(true);
    const out: Ring = [];
    let arc: Ring = [open[start]!];
    for (let step = 1; step <= n; step++) {
      const i = (start + step) % n;
      arc.push(open[i]!);
      if (fixed[i]) {
        out.push(...simplifyArc(arc).slice(0, -1));
        arc = [open[i]!];
      }
    }
    out.push(out[0]!);
    return out.length >= 4 ? out : ring;
  };
  const poly = (rs: Ring[]) => rs.map(simplifyRing);
  return {
    type: 'FeatureCollection',
    features: fc.features.map((f) => ({
      ...f,
      geometry: f.geometry.type === 'Polygon'
        ? { type: 'Polygon', coordinates: poly(f.geometry.coordinates) }
        : { type: 'MultiPolygon', coordinates: f.geometry.coordinates.map(poly) },
    })),
  };
}
