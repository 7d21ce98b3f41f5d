import { describe, expect, it } from 'vitest';
import { addWorkdays, adjustmentsMap, isWorkday, nextDay, workdaysBetween } from './workdays.ts';

describe('isWorkday', () => {
  it('follows the 2024 National Day holiday and its make-up workdays', () => {
    expect(isWorkday('2024-09-27')).toBe(true); // Friday
    expect(isWorkday('2024-09-28')).toBe(false); // Saturday
    expect(isWorkday('2024-09-29')).toBe(true); // Sunday, make-up workday
    for (const d of ['2024-10-01', '2024-10-02', '2024-10-03', '2024-10-04', '2024-10-07']) expect(isWorkday(d)).toBe(false);
    expect(isWorkday('2024-10-08')).toBe(true);
    expect(isWorkday('2024-10-12')).toBe(true); // Saturday, make-up workday
    expect(isWorkday('2024-10-13')).toBe(false);
  });

  it('follows the 2024 Spring Festival', () => {
    expect(isWorkday('2024-02-04')).toBe(true); // Sunday, make-up workday
    for (let d = '2024-02-10'; d <= '2024-02-17'; d = nextDay(d)) expect(isWorkday(d)).toBe(false);
    expect(isWorkday('2024-02-18')).toBe(true); // Sunday, make-up workday
    expect(isWorkday('2024-02-19')).toBe(true);
  });

  it("lets the office's adjustments override the calendar both ways", () => {
    const adj = adjustmentsMap([{ date: '2024-10-08', isWorkday: false }, { date: '2024-10-13', isWorkday: true }]);
    expect(isWorkday('2024-10-08', adj)).toBe(false);
    expect(isWorkday('2024-10-13', adj)).toBe(true);
    expect(isWorkday('2024-10-09', adj)).toBe(true);
  });
});

describe('addWorkdays', () => {
  it('counts working days after the start day', () => {
    expect(addWorkdays('2024-09-02', 0)).toBe('2024-09-02');
    expect(addWorkdays('2024-09-02', 3)).toBe('2024-09-05'); // Monday + 3 → Thursday
    expect(addWorkdays('2024-09-06', 1)).toBe('2024-09-09'); // Friday + 1 → Monday
  });

  it('skips the National Day week and counts the make-up Sundays and Saturdays', () => {
    // Raised Friday 27 Sep: Sun 29 (make-up) is day 1, Mon 30 day 2, then the holiday to 7 Oct, Tue 8 day 3.
    expect(addWorkdays('2024-09-27', 3)).toBe('2024-10-08');
    expect(addWorkdays('2024-09-30', 1)).toBe('2024-10-08');
    // Thursday 10 Oct + 2 → Saturday 12 Oct (make-up workday).
    expect(addWorkdays('2024-10-10', 2)).toBe('2024-10-12');
    expect(addWorkdays('2024-10-10', 3)).toBe('2024-10-14');
  });

  it('skips the Spring Festival', () => {
    expect(addWorkdays('2024-02-08', 1)).toBe('2024-02-09');
    expect(addWorkdays('2024-02-09', 1)).toBe('2024-02-18');
    expect(addWorkdays('2024-02-02', 1)).toBe('2024-02-04');
  });

  it('counts backwards with negative n', () => {
    expect(addWorkdays('2024-10-08', -1)).toBe('2024-09-30');
    expect(addWorkdays('2024-10-08', -2)).toBe('2024-09-29');
  });

  it('uses the adjustments', () => {
    const adj = adjustmentsMap([{ date: '2024-10-08', isWorkday: false }]);
    expect(addWorkdays('2024-09-27', 3, adj)).toBe('2024-10-09');
  });
});

describe('workdaysBetween', () => {
  it('counts working days after the first date up to and including the second', () => {
    expect(workdaysBetween('2024-09-06', '2024-09-06')).toBe(0);
    expect(workdaysBetween('2024-09-06', '2024-09-05')).toBe(0);
    expect(workdaysBetween('2024-09-06', '2024-09-09')).toBe(1);
    expect(workdaysBetween('2024-09-27', '2024-10-08')).toBe(3);
    expect(workdaysBetween('2024-09-30', '2024-10-07')).toBe(0);
    expect(workdaysBetween('2024-10-08', '2024-10-14')).toBe(5); // 9, 10, 11, 12 (make-up), 14
  });

  it('is the inverse of addWorkdays', () => {
    for (const start of ['2024-09-25', '2024-02-06', '2024-12-30']) {
      for (const n of [1, 2, 5, 10]) expect(workdaysBetween(start, addWorkdays(start, n))).toBe(n);
    }
  });
});
