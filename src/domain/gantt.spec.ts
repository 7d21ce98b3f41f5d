import { describe, expect, it } from 'vitest';
import { addDaysIso, chainBars, daysFrom, FIRST_ROW_DAYS, keepBaseline, lateDays, scheduleStatus, slipDays, summaryStatus, type ScheduleDates } from './gantt.ts';

const row = (o: Partial<ScheduleDates>): ScheduleDates => ({ plannedDate: null, baselineDate: null, actualDate: null, ...o });
const TODAY = '2024-11-30';

describe('scheduleStatus', () => {
  it('done on the planned day is on time; one day later is late', () => {
    expect(scheduleStatus(row({ plannedDate: '2024-09-01', actualDate: '2024-09-01' }), TODAY)).toBe('done_on_time');
    expect(scheduleStatus(row({ plannedDate: '2024-09-01', actualDate: '2024-08-20' }), TODAY)).toBe('done_on_time');
    expect(scheduleStatus(row({ plannedDate: '2024-09-01', actualDate: '2024-09-02' }), TODAY)).toBe('done_late');
    expect(lateDays(row({ plannedDate: '2024-09-01', actualDate: '2024-09-02' }), TODAY)).toBe(1);
    expect(lateDays(row({ plannedDate: '2024-09-01', actualDate: '2024-09-01' }), TODAY)).toBeNull();
  });

  it('a planned day in the past with no actual is overdue; today or later is upcoming', () => {
    expect(scheduleStatus(row({ plannedDate: '2024-11-29' }), TODAY)).toBe('overdue');
    expect(lateDays(row({ plannedDate: '2024-11-29' }), TODAY)).toBe(1);
    expect(scheduleStatus(row({ plannedDate: TODAY }), TODAY)).toBe('upcoming');
    expect(scheduleStatus(row({ plannedDate: '2025-03-05' }), TODAY)).toBe('upcoming');
    expect(lateDays(row({ plannedDate: '2025-03-05' }), TODAY)).toBeNull();
  });

  it('judges against the current plan: a re-planned row is no longer overdue, the baseline shows the slip', () => {
    const x = row({ baselineDate: '2024-06-30', plannedDate: '2024-12-31' });
    expect(scheduleStatus(x, TODAY)).toBe('upcoming');
    expect(slipDays(x)).toBe(184);
    expect(slipDays(row({ baselineDate: '2024-06-30', plannedDate: '2024-06-30' }))).toBeNull();
    expect(slipDays(row({ plannedDate: '2024-06-30' }))).toBeNull();
  });

  it('rows without a plan, and procedures not required', () => {
    expect(scheduleStatus(row({}), TODAY)).toBe('unplanned');
    expect(scheduleStatus(row({ actualDate: '2024-05-01' }), TODAY)).toBe('done');
    expect(scheduleStatus(row({ plannedDate: '2024-01-01', notRequired: true }), TODAY)).toBe('not_required');
  });
});

describe('keepBaseline', () => {
  it('re-planning keeps the first planned date', () => {
    const first = keepBaseline(undefined, '2024-05-01');
    expect(first).toBe('2024-05-01');
    const second = keepBaseline({ plannedDate: '2024-05-01', baselineDate: first }, '2024-07-01');
    expect(second).toBe('2024-05-01');
    expect(keepBaseline({ plannedDate: '2024-07-01', baselineDate: second }, '2024-09-01')).toBe('2024-05-01');
  });

  it('a row saved before baselines existed takes its previous plan; a row first planned later takes that plan', () => {
    expect(keepBaseline({ plannedDate: '2024-05-01', baselineDate: null }, '2024-08-01')).toBe('2024-05-01');
    expect(keepBaseline({ plannedDate: null, baselineDate: null }, '2024-08-01')).toBe('2024-08-01');
    expect(keepBaseline(undefined, null)).toBeNull();
  });
});

describe('summaryStatus', () => {
  it('overdue beats late beats on track', () => {
    expect(summaryStatus(['done_on_time', 'done_late', 'overdue'])).toBe('overdue');
    expect(summaryStatus(['done_on_time', 'done_late', 'upcoming'])).toBe('late');
    expect(summaryStatus(['done_on_time', 'upcoming', 'not_required'])).toBe('on_track');
    expect(summaryStatus([])).toBe('on_track');
  });
});

describe('chainBars', () => {
  it('a row runs from the previous row’s date to its own; the first gets a nominal month', () => {
    const bars = chainBars([
      row({ plannedDate: '2024-03-01', actualDate: '2024-03-05' }),
      row({ plannedDate: '2024-05-01', actualDate: '2024-04-20' }),
      row({ plannedDate: '2024-12-31' }),
    ], TODAY);
    expect(bars[0]!.planned).toEqual({ start: addDaysIso('2024-03-01', -FIRST_ROW_DAYS), end: '2024-03-01' });
    expect(bars[1]!.planned).toEqual({ start: '2024-03-01', end: '2024-05-01' });
    expect(bars[1]!.actual).toEqual({ start: '2024-03-05', end: '2024-04-20' });
    // Open work after a finished predecessor runs to today.
    expect(bars[2]!.actual).toEqual({ start: '2024-04-20', end: TODAY });
    expect(bars[2]!.open).toBe(true);
    expect(bars.every((b) => b.baseline === null)).toBe(true);
  });

  it('draws the baseline only where the plan moved, and skips rows without dates', () => {
    const bars = chainBars([
      row({ plannedDate: '2024-03-01', baselineDate: '2024-03-01' }),
      row({ notRequired: true }),
      row({ plannedDate: '2024-09-01', baselineDate: '2024-06-01' }),
    ], TODAY);
    expect(bars[1]).toEqual({ planned: null, baseline: null, actual: null, open: false });
    expect(bars[2]!.planned).toEqual({ start: '2024-03-01', end: '2024-09-01' });
    expect(bars[2]!.baseline).toEqual({ start: '2024-03-01', end: '2024-06-01' });
    // The first row is still open past its date, so the next row has not started.
    expect(bars[0]!.open).toBe(true);
    expect(bars[2]!.actual).toBeNull();
  });

  it('counts days across months', () => {
    expect(daysFrom('2024-02-28', '2024-03-01')).toBe(2);
    expect(addDaysIso('2024-12-31', 1)).toBe('2025-01-01');
  });
});
