// The timeline (挂图作战 as a chart): where each procedure and milestone of a project stands on a
// given day, and the bars a Gantt chart draws for it. Pure: the caller passes "today".
//
// A procedure or milestone carries dates, not spans: the day it is planned to be done (the
// current plan), the first day it was ever planned for (the baseline, kept when it is re-planned)
// and the day it was actually done. The bars come from reading the rows as one chain, in order —
// procedures, then milestones (施工许可 → 开工 → 主体完工 → 竣工 → 投产): a row's work runs from
// the previous row's date to its own.

export const GANTT_STATUSES = ['done_on_time', 'done_late', 'done', 'overdue', 'upcoming', 'unplanned', 'not_required'] as const;
/**
 * done_on_time: actual on or before the planned day; done_late: after it; done: done with no
 * plan to compare; overdue: the planned day has passed with no actual; upcoming: planned today
 * or later; unplanned: no date at all; not_required: a procedure the project does not need.
 */
export type GanttStatus = (typeof GANTT_STATUSES)[number];

export interface ScheduleDates {
  plannedDate: string | null;
  baselineDate: string | null;
  actualDate: string | null;
  /** A procedure marked 不需办理. */
  notRequired?: boolean;
}

const DAY_MS = 86400_000;
const dayNumber = (iso: string) => Date.parse(`${iso}T00:00:00Z`) / DAY_MS;

/** Whole days from a to b (positive when b is later). */
export function daysFrom(a: string, b: string): number {
  return Math.round(dayNumber(b) - dayNumber(a));
}

export function addDaysIso(iso: string, n: number): string {
  return new Date((dayNumber(iso) + n) * DAY_MS).toISOString().slice(0, 10);
}

/** Where a row stands on `today`; always against the current plan (the baseline shows the slip). */
export function scheduleStatus(x: ScheduleDates, today: string): GanttStatus {
  if (x.notRequired) return 'not_required';
  if (x.actualDate) {
    if (!x.plannedDate) return 'done';
    return x.actualDate <= x.plannedDate ? 'done_on_time' : 'done_late';
  }
  if (!x.plannedDate) return 'unplanned';
  return x.plannedDate < today ? 'overdue' : 'upcoming';
}

/** Days late: done after the plan (actual − planned), or still open past it (today − planned); else null. */
export function lateDays(x: ScheduleDates, today: string): number | null {
  const s = scheduleStatus(x, today);
  if (s === 'done_late') return daysFrom(x.plannedDate!, x.actualDate!);
  if (s === 'overdue') return daysFrom(x.plannedDate!, today);
  return null;
}

/** Days the plan has moved since the baseline (positive: later); null when it never moved. */
export function slipDays(x: ScheduleDates): number | null {
  if (!x.baselineDate || !x.plannedDate || x.baselineDate === x.plannedDate) return null;
  return daysFrom(x.baselineDate, x.plannedDate);
}

/**
 * The baseline to store when a row is saved: the first planned date ever given is kept. A row
 * seen before keeps its baseline (or, for rows saved before baselines existed, its previous plan);
 * a new row starts with its own planned date.
 */
export function keepBaseline(previous: { plannedDate: string | null; baselineDate: string | null } | undefined, plannedDate: string | null): string | null {
  return previous?.baselineDate ?? previous?.plannedDate ?? plannedDate ?? null;
}

export const isOverdue = (s: GanttStatus) => s === 'overdue';

/** A project's worst state over its rows: any overdue row makes it overdue; else any late one. */
export type SummaryStatus = 'overdue' | 'late' | 'on_track';
export function summaryStatus(statuses: readonly GanttStatus[]): SummaryStatus {
  if (statuses.includes('overdue')) return 'overdue';
  if (statuses.includes('done_late')) return 'late';
  return 'on_track';
}

export interface Span {
  start: string;
  end: string;
}

export interface RowBars {
  /** The current plan: from the previous row's planned date to this one's. */
  planned: Span | null;
  /** The first plan, only when it differs from the current one. */
  baseline: Span | null;
  /** Real work: from the previous row's actual date (or this row's planned start) to the actual date,
   * or to today while the row is open after its predecessor was done. */
  actual: Span | null;
  /** The actual bar runs to today: the row is still open. */
  open: boolean;
}

/** When a chain's first row has no predecessor, its work is drawn as this many days before its date. */
export const FIRST_ROW_DAYS = 30;

const spanTo = (prev: string | null, end: string): Span => ({ start: prev && prev < end ? prev : addDaysIso(end, -FIRST_ROW_DAYS), end });

/**
 * The bars of a chain of rows in order. Rows without a date (not required, unplanned) are skipped
 * by the chain: the next row starts from the last date there was.
 */
export function chainBars(rows: readonly ScheduleDates[], today: string): RowBars[] {
  let prevPlanned: string | null = null;
  let prevBaseline: string | null = null;
  let prevActual: string | null = null;
  let prevDone = true;
  return rows.map((r) => {
    if (r.notRequired) return { planned: null, baseline: null, actual: null, open: false };
    const baselineEnd = r.baselineDate ?? r.plannedDate;
    const planned = r.plannedDate ? spanTo(prevPlanned, r.plannedDate) : null;
    const baseline = baselineEnd && baselineEnd !== r.plannedDate ? spanTo(prevBaseline ?? prevPlanned, baselineEnd) : null;
    let actual: Span | null = null;
    let open = false;
    const from = prevActual ?? planned?.start ?? null;
    if (r.actualDate) {
      actual = { start: from && from < r.actualDate ? from : addDaysIso(r.actualDate, -FIRST_ROW_DAYS), end: r.actualDate };
    } else if (prevDone && from && from <= today && r.plannedDate) {
      // Work under way: its predecessor is done and the row's window has begun.
      actual = { start: from, end: today };
      open = true;
    }
    if (r.plannedDate) prevPlanned = r.plannedDate;
    if (baselineEnd) prevBaseline = baselineEnd;
    if (r.actualDate) prevActual = r.actualDate;
    prevDone = !!r.actualDate;
    return { planned, baseline, actual, open };
  });
}

/** Chinese names of the statuses, for files the server writes (the web app has them in its i18n). */
export const GANTT_STATUS_LABELS: Record<GanttStatus, string> = {
  done_on_time: '按期完成', done_late: '逾期完成', done: '已完成', overdue: '逾期未完成', upcoming: '未到期', unplanned: '未排期', not_required: '不需办理',
};
