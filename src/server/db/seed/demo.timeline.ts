// Where each demo project stands at the end of November 2024, and the dated stage changes that
// brought it there. Dates follow the city's calendar: a spring and an autumn batch groundbreaking,
// a signing event in May, and the next spring's groundbreaking already planned.
import type { Category, Level, Stage } from '../../../domain/enums.ts';
import { addDays, addMonths, AS_OF, minDate, type Rng } from './demo.prng.ts';

export const EVENTS = {
  spring2024: '2024-03-06',
  signing2024: '2024-05-16',
  autumn2024: '2024-09-26',
  spring2025: '2025-03-05',
} as const;

/** How a project took part in 2024: which batch it started in, or why it has not started. */
export type Group = 'spring24' | 'autumn24' | 'continuing' | 'preparation' | 'reserve';

/** The finer state inside a group, chosen when the projects are laid out. */
export type Track =
  | 'construction' | 'started' | 'completed' | 'production' | 'paused'
  | 'nextSpring' | 'lagging' | 'reserve';

export interface Transition {
  from: Stage | null;
  to: Stage;
  date: string;
  note: string;
}

export interface Timeline {
  stage: Stage;
  stageDate: string;
  pausedFrom: Stage | null;
  plannedStart: string;
  plannedCompletion: string;
  plannedProduction: string | null;
  actualStart: string | null;
  actualCompletion: string | null;
  actualProduction: string | null;
  reserveGrade: 'A' | 'B' | 'C' | null;
  targetYear: number | null;
  history: Transition[];
}

const PAUSE_REASONS = [
  '受资金到位滞后影响，暂时停工',
  '因市场行情变化，企业调整建设节奏，暂缓建设',
  '受规划调整影响，部分地块暂停施工',
  '配套电力线路未接入，设备安装暂缓',
];

/** Months a project of this size usually takes from start to completion. */
function buildMonths(rng: Rng, amount: number): number {
  if (amount < 20_000) return rng.int(8, 14);
  if (amount < 100_000) return rng.int(12, 24);
  if (amount < 300_000) return rng.int(18, 30);
  return rng.int(24, 40);
}

const listingNote = (date: string, level: Level) =>
  `列入${date.slice(0, 4)}年${level === 'provincial' ? '省' : '市'}重点项目`;

export interface TimelineInput {
  group: Group;
  track: Track;
  amount: number;
  category: Category;
  level: Level;
  /** Signed at the May 2024 signing event. */
  signed: boolean;
}

export function buildTimeline(rng: Rng, p: TimelineInput): Timeline {
  const industrial = p.category === 'industrial';
  const history: Transition[] = [];
  const t: Timeline = {
    stage: 'preparation', stageDate: '', pausedFrom: null, plannedStart: '', plannedCompletion: '', plannedProduction: null,
    actualStart: null, actualCompletion: null, actualProduction: null, reserveGrade: null, targetYear: null, history,
  };
  const move = (to: Stage, date: string, note: string) => {
    history.push({ from: history.length ? history[history.length - 1]!.to : null, to, date, note });
    t.stage = to;
    t.stageDate = date;
  };
  const plan = (start: string, months: number) => {
    t.plannedStart = start;
    t.plannedCompletion = addMonths(start, months);
    t.plannedProduction = industrial ? addMonths(t.plannedCompletion, rng.int(1, 3)) : null;
  };
  const signedListing = () => addDays(EVENTS.signing2024, rng.int(10, 60));

  if (p.group === 'reserve') {
    t.targetYear = rng.chance(0.6) ? 2025 : 2026;
    t.reserveGrade = t.targetYear === 2025 ? (rng.chance(0.7) ? 'A' : 'B') : rng.chance(0.5) ? 'B' : 'C';
    plan(`${t.targetYear}-${String(rng.int(3, 10)).padStart(2, '0')}-${String(rng.int(1, 28)).padStart(2, '0')}`, buildMonths(rng, p.amount));
    const listed = p.signed ? addDays(EVENTS.signing2024, rng.int(5, 30)) : addDays('2024-03-01', rng.int(0, 240));
    move('reserve', listed, p.signed ? '集中签约后纳入市级重点项目储备库' : '纳入市级重点项目储备库');
    return t;
  }

  if (p.group === 'preparation') {
    const listed = p.signed ? signedListing() : addDays('2024-01-15', rng.int(0, p.track === 'lagging' ? 90 : 200));
    move('preparation', listed, listingNote(listed, p.level));
    const start = p.track === 'nextSpring' ? EVENTS.spring2025 : addDays('2024-10-15', rng.int(0, 60));
    plan(start, buildMonths(rng, p.amount));
    return t;
  }

  if (p.group === 'spring24' || p.group === 'autumn24') {
    const spring = p.group === 'spring24';
    const start = spring ? EVENTS.spring2024 : EVENTS.autumn2024;
    const listed = spring ? addDays('2024-01-08', rng.int(0, 40)) : p.signed ? signedListing() : addDays('2024-01-08', rng.int(0, 150));
    let months = buildMonths(rng, p.amount);
    if (p.track === 'completed') months = rng.int(6, 8);
    if (p.track === 'production') months = rng.int(4, 5);
    // Some autumn projects were meant to start earlier in the year and slipped to the batch.
    const slipped = !spring && !p.signed && rng.chance(0.4);
    const plannedStart = slipped ? addDays(listed, rng.int(60, 150)) : start;
    plan(plannedStart < start ? plannedStart : start, months);
    move('preparation', listed, listingNote(listed, p.level));
    move('started', start, spring ? '参加2024年春季全市重点项目集中开工' : '参加2024年秋季全市重点项目集中开工');
    t.actualStart = start;
    if (p.track === 'started') return t;
    move('construction', addDays(start, rng.int(20, 55)), '主体工程开工建设，转入在建');
    finish(rng, t, p, move, addMonths(start, months));
    return t;
  }

  // Continuing projects started in 2022–2023 and are still on the 2024 list.
  let months = buildMonths(rng, p.amount);
  let start: string;
  let completion: string;
  if (p.track === 'completed' || p.track === 'production') {
    completion = p.track === 'completed'
      ? addDays('2024-02-01', rng.int(0, 290))
      : addDays(addDays('2024-01-15', rng.int(0, 280)), -rng.int(30, 150));
    start = addMonths(completion, -months);
    if (start > '2023-11-30') start = addDays('2023-11-30', -rng.int(0, 60));
    if (start < '2022-03-01') start = addDays('2022-03-01', rng.int(0, 60));
  } else {
    start = addDays('2022-03-01', rng.int(0, 600));
    completion = addMonths(start, months);
    while (completion < '2025-01-31') completion = addMonths(completion, rng.int(3, 9));
  }
  months = Math.max(6, Math.round((Date.parse(completion) - Date.parse(start)) / (30.44 * 86_400_000)));
  const listed = addDays(start, -rng.int(60, 200));
  plan(addDays(start, -rng.int(0, 45)), months);
  move('preparation', listed, listingNote(listed, p.level));
  move('started', start, '项目开工建设');
  t.actualStart = start;
  move('construction', addDays(start, rng.int(25, 60)), '主体工程开工建设，转入在建');
  finish(rng, t, p, move, completion);
  return t;
}

/** The end of a started project's story: still building, paused, completed or producing. */
function finish(
  rng: Rng, t: Timeline, p: TimelineInput, move: (to: Stage, date: string, note: string) => void, completion: string,
) {
  if (p.track === 'paused') {
    const pausedOn = minDate(addDays('2024-05-15', rng.int(0, 150)), addDays(AS_OF, -10));
    const at = pausedOn > t.stageDate ? pausedOn : addDays(t.stageDate, 20);
    move('paused', at, rng.pick(PAUSE_REASONS));
    t.pausedFrom = 'construction';
    return;
  }
  if (p.track !== 'completed' && p.track !== 'production') return;
  const done = minDate(addDays(completion, rng.int(-12, 10)), addDays(AS_OF, -5));
  t.actualCompletion = done;
  // The plan is what was promised; a completed project sometimes arrived late.
  if (rng.chance(0.3)) {
    t.plannedCompletion = addDays(done, -rng.int(15, 60));
    if (t.plannedProduction) t.plannedProduction = addMonths(t.plannedCompletion, rng.int(1, 2));
  }
  move('completed', done, '主体工程竣工，完成竣工验收');
  if (p.track === 'production') {
    const produced = minDate(addDays(done, rng.int(30, 90)), AS_OF);
    t.actualProduction = produced;
    if (!t.plannedProduction || t.plannedProduction < t.actualCompletion) t.plannedProduction = addDays(produced, -rng.int(0, 30));
    move('production', produced, '设备调试完成，项目投产达效');
  }
}
