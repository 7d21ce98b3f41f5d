import { describe, expect, it } from 'vitest';
import { compareRates, formatGrowth, growth, rateDiff, signedPoints } from './format.ts';
import { apiQuery, drillChanges, withChanges } from './statsQuery.ts';

describe('stats formatting', () => {
  it('shows gaps as signed percentage points, rounded half up', () => {
    expect(signedPoints(-0.4292184638565878)).toBe('−42.9');
    expect(signedPoints(0.0325)).toBe('+3.3');
    expect(signedPoints(0.00001)).toBe('0.0');
    expect(signedPoints(null)).toBeNull();
  });

  it('takes rate differences only when both rates exist', () => {
    expect(rateDiff(0.5, 0.45)).toBeCloseTo(0.05, 12);
    expect(rateDiff(0.5, null)).toBeNull();
    expect(rateDiff(undefined, 0.3)).toBeNull();
  });

  it('computes year-on-year growth of money exactly, with no figure when last year had none', () => {
    expect(growth('1200', '1000')).toBe(0.2);
    expect(formatGrowth(growth('1200', '1000'))).toBe('+20.0%');
    expect(formatGrowth(growth('800', '1000'))).toBe('−20.0%');
    expect(growth('100', '0')).toBeNull();
    expect(formatGrowth(null)).toBe('—');
  });

  it('sorts missing rates last in either direction', () => {
    const rates = [0.2, null, 0.9, 0.5];
    const asc = [...rates].sort((a, b) => compareRates(a, b, 'ascend'));
    expect(asc).toEqual([0.2, 0.5, 0.9, null]);
    // antd reverses the comparator for descending order, so null must compare low there.
    const desc = [...rates].sort((a, b) => -compareRates(a, b, 'descend'));
    expect(desc).toEqual([0.9, 0.5, 0.2, null]);
  });
});

describe('stats view in the URL', () => {
  it('drills from a group to its projects, replacing any earlier drill filter and keeping the rest', () => {
    const prev = new URLSearchParams('region=371500&year=2024&groupBy=level&industry=chemicals&dl=化工');
    const next = withChanges(prev, drillChanges({ key: 'level', value: 'city', label: '市级' }, { groupBy: 'project' }));
    expect(Object.fromEntries(next)).toEqual({ region: '371500', year: '2024', groupBy: 'project', level: 'city', dl: '市级' });
  });

  it('builds the API query with the drill filter and compare flag', () => {
    const q = apiQuery(
      { region: '371502', year: 2024, groupBy: 'project', compare: true, drill: { key: 'batchId', value: 'b1', label: '春季' } },
      { groupBy: 'month', month: 6 },
    );
    expect(q).toEqual({ region: '371502', year: 2024, month: 6, groupBy: 'month', compare: 'lastYear', batchId: 'b1' });
  });
});
