// Fund sources and tags of a demo project. Amounts are whole 万元 so the parts add up exactly.
import type { Category, Industry, Level } from '../../../domain/enums.ts';
import type { Rng } from './demo.prng.ts';

export const DEMO_TAGS = ['外资项目', '招商引资', '新质生产力', '专精特新', '省重大', '绿色低碳'] as const;

/** Splits a whole amount by percentages; the last part takes the remainder, so the sum is exact. */
export function splitWhole(total: number, percents: number[]): number[] {
  const parts = percents.slice(0, -1).map((p) => Math.floor((total * p) / 100));
  const used = parts.reduce((a, b) => a + b, 0);
  return [...parts, total - used];
}

/** Planned funding by source (万元 decimal strings), as the ledger's fund-source columns hold it. */
export function fundSources(rng: Rng, category: Category, total: number): Record<string, string> {
  let keys: string[];
  let pcts: number[];
  if (category === 'industrial') {
    const self = rng.int(40, 75);
    const other = rng.chance(0.2) ? rng.int(3, 10) : 0;
    const government = rng.chance(0.15) ? rng.int(2, 8) : 0;
    keys = ['selfRaised', 'government', 'other', 'bankLoans'];
    pcts = [self, government, other, 100 - self - other - government];
  } else if (category === 'infrastructure') {
    const government = rng.int(15, 40);
    const bonds = rng.int(30, 55);
    keys = ['government', 'specialBonds', 'bankLoans'];
    pcts = [government, bonds, 100 - government - bonds];
  } else {
    const government = rng.int(25, 50);
    const bonds = rng.int(25, 50);
    const self = rng.chance(0.5) ? rng.int(0, 100 - government - bonds) : 0;
    keys = ['government', 'specialBonds', 'selfRaised', 'other'];
    pcts = [government, bonds, self, 100 - government - bonds - self];
  }
  const parts = splitWhole(total, pcts);
  const out: Record<string, string> = {};
  keys.forEach((k, i) => {
    if (parts[i]! > 0) out[k] = String(parts[i]);
  });
  return out;
}

export function tagsFor(rng: Rng, p: { industry: Industry; category: Category; level: Level; signed: boolean }): string[] {
  const tags = new Set<string>();
  const industrial = p.category === 'industrial';
  if (industrial && rng.chance(0.06)) tags.add('外资项目');
  if (p.signed || (industrial && rng.chance(0.25))) tags.add('招商引资');
  const newQuality = { semiconductors: 1, digital: 1, new_energy: 0.7, equipment: 0.3, chemicals: 0.2 } as Partial<Record<Industry, number>>;
  if (rng.chance(newQuality[p.industry] ?? 0)) tags.add('新质生产力');
  if (['equipment', 'chemicals', 'semiconductors'].includes(p.industry) && rng.chance(0.12)) tags.add('专精特新');
  if (p.level === 'provincial') tags.add('省重大');
  const green = { new_energy: 0.6, chemicals: 0.25, infrastructure: 0.15 } as Partial<Record<Industry, number>>;
  if (rng.chance(green[p.industry] ?? 0)) tags.add('绿色低碳');
  return DEMO_TAGS.filter((t) => tags.has(t));
}
