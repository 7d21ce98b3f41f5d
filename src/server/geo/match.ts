// Which of a region's sub-regions a boundary feature draws: by GB/T 2260 code first (the feature's
// id, or properties adcode / code / regionCode), then by name without its 县/区/市 suffix — shape
// packages are often older than the divisions (茌平县 → 茌平区, code 371523 → 371503).

export interface SubRegion {
  code: string;
  name: string;
}

export interface FeatureKeys {
  id?: unknown;
  properties?: Record<string, unknown> | null;
}

const SUFFIX = /(自治县|自治旗|特区|林区|新区|县|区|市|旗)$/;

/** "茌平县" and "茌平区" → "茌平"; "莘县" → "莘". */
export function baseName(name: string): string {
  const n = name.trim().replace(/\s+/g, '');
  const stripped = n.replace(SUFFIX, '');
  return stripped || n;
}

/** The name a feature carries (properties name / NAME / 名称), if any. */
export function featureName(f: FeatureKeys): string | null {
  const p = f.properties ?? {};
  for (const k of ['name', 'NAME', 'Name', '名称']) {
    const v = p[k];
    if (typeof v === 'string' && v.trim()) return v.trim();
  }
  return null;
}

function featureCodes(f: FeatureKeys): string[] {
  const p = f.properties ?? {};
  return [f.id, p.regionCode, p.adcode, p.code, p.id]
    .filter((v) => typeof v === 'string' || typeof v === 'number')
    .map((v) => String(v).trim());
}

/** Matches features to sub-regions; null where a feature names none of them. */
export function matchFeatures(features: FeatureKeys[], subRegions: SubRegion[]): (SubRegion | null)[] {
  const byCode = new Map(subRegions.map((r) => [r.code, r]));
  const byName = new Map<string, SubRegion | null>();
  for (const r of subRegions) {
    const k = baseName(r.name);
    // Two sub-regions with the same base name: neither can be matched by name.
    byName.set(k, byName.has(k) ? null : r);
  }
  return features.map((f) => {
    for (const c of featureCodes(f)) {
      const hit = byCode.get(c);
      if (hit) return hit;
    }
    const name = featureName(f);
    if (!name) return null;
    return subRegions.find((r) => r.name === name) ?? byName.get(baseName(name)) ?? null;
  });
}
