import Decimal from 'decimal.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addSums, dueDateInYear, endOfMonth, figures, formatRate, milestoneCount, plannedToDate, progressStatus, ratio, timeElapsed, type FigureSums,
} from './kpi.ts';

const sums = (o: Partial<FigureSums>): FigureSums => ({
  annualPlan: '0', ytdInvestment: '0', ytdFundsArrived: '0', totalInvestment: '0', cumulativeInvestment: '0', cumulativeFundsArrived: '0',
  plannedToDate: '0', dueToStart: 0, started: 0, dueToComplete: 0, completedOnTime: 0, dueToProduce: 0, producing: 0, ...o,
});

describe('ratio', () => {
  it('divides exactly and gives null for an empty denominator', () => {
    expect(ratio('7500', '10000')).toBe(0.75);
    expect(ratio('0.3', '0.1')).toBe(3);
    expect(ratio('5', '0')).toBeNull();
    expect(ratio('5', null)).toBeNull();
    expect(ratio(0, 4)).toBe(0);
    expect(ratio(null, 4)).toBe(0);
    expect(ratio('-1.5', '3')).toBe(-0.5);
    expect(ratio('0.0000', '12.5000')).toBe(0);
    expect(ratio('5', '0.0000')).toBeNull();
    expect(ratio('1e3', '4')).toBe(250);
    expect(() => ratio('abc', '4')).toThrow();
  });

  // Amounts as the database gives them: up to 13 whole digits and four places, zeros and signs.
  const amount = fc.tuple(fc.bigInt({ min: -(10n ** 17n), max: 10n ** 17n }), fc.integer({ min: 0, max: 4 }))
    .map(([units, places]) => new Decimal(units.toString()).dividedBy(10 ** places).toFixed(places));

  it('is the exact quotient rounded once to a double (checked against 60 digits)', () => {
    const Wide = Decimal.clone({ precision: 60 });
    fc.assert(fc.property(amount, amount, (a, b) => {
      const expected = new Wide(b).isZero() ? null : new Wide(a).dividedBy(b).toNumber();
      expect(ratio(a, b)).toBe(expected);
    }), { numRuns: 5000 });
  });

  it('gives equal fractions equal rates, so a tie in a ranking stays a tie', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 10 ** 7 }), fc.integer({ min: 1, max: 10 ** 7 }), fc.integer({ min: 2, max: 999 }), (n, d, k) => {
      expect(ratio(String(n * k), String(d * k))).toBe(ratio(`${n}.0000`, `${d}`));
      expect(ratio(`${n * k}.0`, `${d * k}.00`)).toBe(ratio(n, d));
    }), { numRuns: 2000 });
    // 0.1/0.3 and 0.3/0.9 are both a third.
    expect(ratio('0.1', '0.3')).toBe(ratio('0.3', '0.9'));
  });
});

describe('time-elapsed progress (序时进度)', () => {
  it('is m/12 without a monthly split', () => {
    expect(timeElapsed(9)).toBe(0.75);
    expect(timeElapsed(12)).toBe(1);
    expect(timeElapsed(1)).toBeCloseTo(1 / 12, 12);
  });

  it('follows the cumulative share of a monthly split', () => {
    // A plan back-loaded into the second half: nothing due by June, half by September.
    const monthly = ['0', '0', '0', '0', '0', '0', '1000', '1000', '1000', '1000', '1000', '1000'];
    expect(timeElapsed(6, monthly)).toBe(0);
    expect(timeElapsed(9, monthly)).toBe(0.5);
    expect(timeElapsed(12, monthly)).toBe(1);
    expect(plannedToDate('6000', 9, monthly)).toBe('3000');
  });

  it('falls back to m/12 when a split is all zero or incomplete', () => {
    expect(timeElapsed(6, Array(12).fill('0'))).toBe(0.5);
    expect(timeElapsed(6, ['1'])).toBe(0.5);
    expect(plannedToDate('1200', 3)).toBe('300');
    expect(plannedToDate('1000', 1)).toBe('83.3333');
  });

  it('refuses a month outside 1–12', () => {
    expect(() => timeElapsed(0)).toThrow(RangeError);
    expect(() => timeElapsed(13)).toThrow(RangeError);
  });
});

describe('progress status', () => {
  it('judges by the gap to time-elapsed progress, the tolerance itself counting as on schedule', () => {
    expect(progressStatus(0.8, 0.75)).toBe('on_schedule');
    expect(progressStatus(0.8, 0.75, 0.05)).toBe('on_schedule');
    expect(progressStatus(0.81, 0.75, 0.05)).toBe('ahead');
    expect(progressStatus(0.7, 0.75, 0.05)).toBe('on_schedule');
    expect(progressStatus(0.69, 0.75, 0.05)).toBe('lagging');
    expect(progressStatus(0.55, 0.5, 0.05)).toBe('on_schedule');
    expect(progressStatus(0.75, 0.75, 0)).toBe('on_schedule');
    expect(progressStatus(null, 0.75)).toBeNull();
  });
});

describe('figures of a group', () => {
  it('computes every rate from the sums, by hand', () => {
    const f = figures(sums({
      annualPlan: '12000', ytdInvestment: '8100', ytdFundsArrived: '6000', plannedToDate: '9000',
      totalInvestment: '50000', cumulativeInvestment: '20000', cumulativeFundsArrived: '15000',
      dueToStart: 4, started: 3, dueToComplete: 2, completedOnTime: 1, dueToProduce: 0, producing: 0,
    }));
    expect(f).toEqual({
      timeElapsed: 0.75, annualCompletionRate: 0.675, cumulativeCompletionRate: 0.4, fundArrivalRate: 0.5,
      cumulativeFundArrivalRate: 0.3, startRate: 0.75, onTimeCompletionRate: 0.5, productionRate: null, gap: -0.075,
    });
  });

  it('shows no figure where nothing was planned', () => {
    const f = figures(sums({}));
    expect(Object.values(f).every((v) => v === null)).toBe(true);
  });
});

describe('roll-up', () => {
  it('divides the sums, never averages the projects’ rates', () => {
    // A small project far ahead and a large one behind: the average of rates (55%) would flatter the county.
    const small = sums({ annualPlan: '100', ytdInvestment: '100', plannedToDate: '50', dueToStart: 1, started: 1 });
    const large = sums({ annualPlan: '9900', ytdInvestment: '990', plannedToDate: '4950', dueToStart: 1, started: 0 });
    const county = figures(addSums([small, large]));
    expect(county.annualCompletionRate).toBe(0.109);
    expect(county.startRate).toBe(0.5);
    expect(county.timeElapsed).toBe(0.5);
    expect(progressStatus(county.annualCompletionRate, county.timeElapsed!)).toBe('lagging');
  });

  it('adds money exactly and rolls up again (county → city)', () => {
    const a = sums({ annualPlan: '0.1', ytdInvestment: '0.1' });
    const b = sums({ annualPlan: '0.2', ytdInvestment: '0.2' });
    const county = addSums([a, b]);
    expect(county.annualPlan).toBe('0.3');
    const city = addSums([county, sums({ annualPlan: '0.7', ytdInvestment: '0.35' })]);
    expect(city.annualPlan).toBe('1');
    expect(figures(city).annualCompletionRate).toBe(0.65);
  });
});

describe('formatRate', () => {
  it('shows a percentage, and — for no figure', () => {
    expect(formatRate(0.6754)).toBe('67.5%');
    expect(formatRate(null)).toBe('—');
    expect(formatRate(1)).toBe('100.0%');
  });
});

describe('a split that no longer adds up to the plan', () => {
  it('gives its shape, not its old amounts: the whole plan is due in December', () => {
    // The ledger import raised the plan from 1200 to 2400 and kept the old split (100 a month).
    const monthly = Array(12).fill('100');
    expect(plannedToDate('2400', 3, monthly)).toBe('600');
    expect(plannedToDate('2400', 12, monthly)).toBe('2400');
    expect(timeElapsed(3, monthly)).toBe(0.25);
    // Rounded half up to the money scale, like plan × m/12.
    expect(plannedToDate('1', 1, ['3', '0', '0', '0', '0', '0', '0', '0', '0', '0', '0', '3'])).toBe('0.5');
    expect(plannedToDate('0.0001', 1, ['1', '1', '0', '0', '0', '0', '0', '0', '0', '0', '0', '0'])).toBe('0.0001');
    expect(plannedToDate('100', 1, ['1', '2', '0', '0', '0', '0', '0', '0', '0', '0', '0', '0'])).toBe('33.3333');
  });

  it('missing months count as zero; a split adding up to zero is no split', () => {
    expect(plannedToDate('1200', 2, [null, '600', null, '600', null, null, null, null, null, null, null, null])).toBe('600');
    expect(plannedToDate('1200', 2, Array(12).fill(null))).toBe('200');
  });
});

describe('endOfMonth', () => {
  it('gives the last day, leap years included', () => {
    expect(endOfMonth(2024, 1)).toBe('2024-01-31');
    expect(endOfMonth(2024, 2)).toBe('2024-02-29');
    expect(endOfMonth(2023, 2)).toBe('2023-02-28');
    expect(endOfMonth(2100, 2)).toBe('2100-02-28');
    expect(endOfMonth(2000, 2)).toBe('2000-02-29');
    expect(endOfMonth(2024, 4)).toBe('2024-04-30');
    expect(endOfMonth(2024, 12)).toBe('2024-12-31');
  });
});

describe('dueDateInYear', () => {
  it('is the planned date when it falls in the year, whatever the plan says', () => {
    expect(dueDateInYear('2024-03-15', false, 2024)).toBe('2024-03-15');
    expect(dueDateInYear('2024-01-01', true, 2024)).toBe('2024-01-01');
    expect(dueDateInYear('2024-12-31', false, 2024)).toBe('2024-12-31');
  });

  it('without a must-flag, a date in another year or no date is not due', () => {
    expect(dueDateInYear('2023-12-31', false, 2024)).toBeNull();
    expect(dueDateInYear('2025-01-01', false, 2024)).toBeNull();
    expect(dueDateInYear(null, false, 2024)).toBeNull();
  });

  it('with the must-flag: 1 January when planned earlier (still pending), 31 December when later or undated', () => {
    expect(dueDateInYear('2023-10-01', true, 2024)).toBe('2024-01-01');
    expect(dueDateInYear('2025-06-01', true, 2024)).toBe('2024-12-31');
    expect(dueDateInYear(null, true, 2024)).toBe('2024-12-31');
  });
});

describe('milestoneCount', () => {
  const f = (planned: string | null, actual: string | null, mustThisYear = false) => ({ planned, actual, mustThisYear });

  it('counts a project as due only once its due date has passed by the end of the month', () => {
    expect(milestoneCount(f('2024-03-15', null), 2024, 2)).toEqual({ due: 0, reached: 0 });
    expect(milestoneCount(f('2024-03-15', null), 2024, 3)).toEqual({ due: 1, reached: 0 });
    expect(milestoneCount(f('2024-03-31', null), 2024, 3)).toEqual({ due: 1, reached: 0 });
    expect(milestoneCount(f('2023-03-15', '2023-03-20'), 2024, 12)).toEqual({ due: 0, reached: 0 });
    // Must start, no date: due on 31 December, so only in December's figures.
    expect(milestoneCount(f(null, '2024-05-01', true), 2024, 11)).toEqual({ due: 0, reached: 0 });
    expect(milestoneCount(f(null, '2024-05-01', true), 2024, 12)).toEqual({ due: 1, reached: 1 });
  });

  it('reached: by the end of month m, early or late', () => {
    expect(milestoneCount(f('2024-03-15', '2024-04-02'), 2024, 3)).toEqual({ due: 1, reached: 0 });
    expect(milestoneCount(f('2024-03-15', '2024-04-02'), 2024, 4)).toEqual({ due: 1, reached: 1 });
    expect(milestoneCount(f('2024-03-15', '2023-11-30'), 2024, 3)).toEqual({ due: 1, reached: 1 });
    expect(milestoneCount(f('2024-03-15', '2024-03-31'), 2024, 3)).toEqual({ due: 1, reached: 1 });
  });

  it('on time: reached by the end of the month it was due in', () => {
    expect(milestoneCount(f('2024-06-10', '2024-06-30'), 2024, 9, true)).toEqual({ due: 1, reached: 1 });
    expect(milestoneCount(f('2024-06-10', '2024-07-01'), 2024, 9, true)).toEqual({ due: 1, reached: 0 });
    expect(milestoneCount(f('2024-06-10', '2024-07-01'), 2024, 9)).toEqual({ due: 1, reached: 1 });
    // Planned last year, must complete this year: due 1 January, on time only within January.
    expect(milestoneCount(f('2023-10-01', '2024-01-20', true), 2024, 1, true)).toEqual({ due: 1, reached: 1 });
    expect(milestoneCount(f('2023-10-01', '2024-02-01', true), 2024, 3, true)).toEqual({ due: 1, reached: 0 });
    // Reached after the month asked for: not yet, on time or not.
    expect(milestoneCount(f('2024-06-10', '2024-06-20'), 2024, 5, true)).toEqual({ due: 0, reached: 0 });
  });
});
