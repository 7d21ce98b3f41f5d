import { describe, expect, it } from 'vitest';
import type { CockpitResult } from '../../../contract/cockpit.ts';
import { hrefs } from './drill.ts';

const data = { regionCode: '371502', year: 2024, month: 10, cards: { periodId: 'p-1' } } as unknown as CockpitResult;

describe('cockpit links keep the region and period', () => {
  it('leads to the statistics, ledger, cards, roadblocks and batches of the same filter', () => {
    const h = hrefs(data);
    expect(h.stats).toBe('/stats?region=371502&year=2024&month=10');
    expect(h.ledger).toBe('/projects?region=371502&year=2024');
    expect(h.cards('red')).toBe('/cards?region=371502&period=p-1&color=red');
    expect(h.problems({ overdue: 'true' })).toBe('/problems?region=371502&status=open%2Caccepted%2Creopened&overdue=true');
    expect(h.project('abc')).toBe('/projects/abc');
    expect(h.batch('b1')).toBe('/batches/b1');
  });

  it('leaves the card period out when there is none', () => {
    expect(hrefs({ ...data, cards: { ...data.cards, periodId: null } }).cards()).toBe('/cards?region=371502');
  });
});
