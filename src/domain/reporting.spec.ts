import { describe, expect, it } from 'vitest';
import { checkReport, fundsTotal, isEditable, periodCalendar, periodLabel, periodsPerMonth, REPORT_TRANSITIONS } from './reporting.ts';

describe('periodCalendar', () => {
  it('a monthly period covers the month and is due on the deadline day', () => {
    expect(periodCalendar('monthly', 2024, 9, 1)).toEqual({ startsOn: '2024-09-01', endsOn: '2024-09-30', deadline: '2024-09-25' });
    expect(periodCalendar('monthly', 2024, 9, 1, 5)).toEqual({ startsOn: '2024-09-01', endsOn: '2024-09-30', deadline: '2024-09-05' });
  });

  it('caps the deadline at the month’s end (February, leap years)', () => {
    expect(periodCalendar('monthly', 2024, 2, 1, 31).deadline).toBe('2024-02-29');
    expect(periodCalendar('monthly', 2025, 2, 1, 30)).toEqual({ startsOn: '2025-02-01', endsOn: '2025-02-28', deadline: '2025-02-28' });
  });

  it('half-months are the 1st–15th and the 16th–end, due on their last day', () => {
    expect(periodCalendar('semimonthly', 2024, 4, 1)).toEqual({ startsOn: '2024-04-01', endsOn: '2024-04-15', deadline: '2024-04-15' });
    expect(periodCalendar('semimonthly', 2024, 4, 2)).toEqual({ startsOn: '2024-04-16', endsOn: '2024-04-30', deadline: '2024-04-30' });
  });

  it('weeks are 1–7, 8–14, 15–21 and 22–end, so no period crosses a month', () => {
    expect([1, 2, 3, 4].map((s) => periodCalendar('weekly', 2024, 12, s))).toEqual([
      { startsOn: '2024-12-01', endsOn: '2024-12-07', deadline: '2024-12-07' },
      { startsOn: '2024-12-08', endsOn: '2024-12-14', deadline: '2024-12-14' },
      { startsOn: '2024-12-15', endsOn: '2024-12-21', deadline: '2024-12-21' },
      { startsOn: '2024-12-22', endsOn: '2024-12-31', deadline: '2024-12-31' },
    ]);
  });

  it('refuses a seq the cadence does not have', () => {
    expect(() => periodCalendar('monthly', 2024, 1, 2)).toThrow(RangeError);
    expect(() => periodCalendar('semimonthly', 2024, 1, 3)).toThrow(RangeError);
    expect(() => periodCalendar('weekly', 2024, 1, 0)).toThrow(RangeError);
    expect(periodsPerMonth('weekly')).toBe(4);
  });
});

describe('periodLabel', () => {
  it('names months, half-months and weeks in Chinese', () => {
    expect(periodLabel({ cadence: 'monthly', year: 2024, month: 9, seq: 1 })).toBe('2024年9月');
    expect(periodLabel({ cadence: 'semimonthly', year: 2024, month: 9, seq: 1 })).toBe('2024年9月上半月');
    expect(periodLabel({ cadence: 'semimonthly', year: 2024, month: 9, seq: 2 })).toBe('2024年9月下半月');
    expect(periodLabel({ cadence: 'weekly', year: 2024, month: 9, seq: 3 })).toBe('2024年9月第3周');
  });
});

describe('workflow', () => {
  it('edits only drafts and returned reports; approve only from submitted; return from submitted or approved', () => {
    expect(['draft', 'submitted', 'approved', 'returned'].filter((s) => isEditable(s as never))).toEqual(['draft', 'returned']);
    expect(REPORT_TRANSITIONS.submit).toEqual(['draft', 'returned']);
    expect(REPORT_TRANSITIONS.approve).toEqual(['submitted']);
    expect(REPORT_TRANSITIONS.return).toEqual(['submitted', 'approved']);
  });
});

describe('checkReport', () => {
  const ctx = { totalInvestment: '10000', cumulativeBefore: '9000', today: '2024-09-30' };
  const ok = { investment: '500', fundsBySource: { government: '500' }, milestoneDates: [] };

  it('passes sound figures', () => {
    expect(checkReport(ok, ctx)).toEqual([]);
  });

  it('refuses negative amounts except in a correction', () => {
    const f = { investment: '-10', fundsBySource: { bankLoans: '-5' }, milestoneDates: [] };
    expect(checkReport(f, ctx).map((i) => i.field)).toEqual(['investment', 'fundsBySource.bankLoans']);
    expect(checkReport(f, { ...ctx, correction: true })).toEqual([]);
  });

  it('refuses cumulative investment above the total, counting later approved periods in a correction', () => {
    expect(checkReport({ ...ok, investment: '1000' }, ctx)).toEqual([]);
    const over = checkReport({ ...ok, investment: '1000.01' }, ctx);
    expect(over).toHaveLength(1);
    expect(over[0]).toMatchObject({ field: 'investment' });
    expect(over[0]!.message).toContain('10000.01');
    expect(checkReport(ok, { ...ctx, cumulativeAfter: '600', correction: true }).map((i) => i.field)).toEqual(['investment']);
  });

  it('flags funds far above investment, with the region’s factor and a floor for small sums', () => {
    expect(checkReport({ ...ok, fundsBySource: { government: '1500' } }, ctx)).toEqual([]);
    expect(checkReport({ ...ok, fundsBySource: { government: '1500.01' } }, ctx).map((i) => i.field)).toEqual(['fundsBySource']);
    expect(checkReport({ ...ok, fundsBySource: { government: '1800' } }, { ...ctx, fundsRatioLimit: 4 })).toEqual([]);
    // Below the floor of 100 万元 nothing is flagged, even with no investment.
    expect(checkReport({ ...ok, investment: '0', fundsBySource: { other: '100' } }, ctx)).toEqual([]);
    expect(checkReport({ ...ok, investment: '0', fundsBySource: { other: '101' } }, ctx).map((i) => i.field)).toEqual(['fundsBySource']);
  });

  it('refuses actual dates after today, naming the item', () => {
    const f = { ...ok, milestoneDates: [{ milestoneId: 'a', actualDate: '2024-09-30' }, { milestoneId: 'b', actualDate: '2024-10-01' }] };
    expect(checkReport(f, ctx)).toEqual([{ field: 'milestoneDates.1.actualDate', message: expect.stringContaining('2024-10-01') }]);
  });
});

describe('fundsTotal', () => {
  it('adds the sources exactly', () => {
    expect(fundsTotal({ government: '0.1', bankLoans: '0.2' })).toBe('0.3');
    expect(fundsTotal({})).toBe('0');
  });
});
