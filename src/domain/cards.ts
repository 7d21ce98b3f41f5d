// Cards (红黄蓝亮牌): the pure rules. A project's card for a period is the worst colour of its
// indicators (investment gap, the three milestones, reporting, overdue roadblocks); indicators that
// do not apply (no annual plan, no milestone due) are listed with colour null and do not count.
// The score (0–100) ranks projects; its formula is documented at `cardScore` and weighted by the rules.
import Decimal from 'decimal.js';
import { dueDateInYear } from './kpi.ts';

export const CARD_COLORS = ['blue', 'yellow', 'red'] as const;
export type CardColor = (typeof CARD_COLORS)[number];
export const CARD_COLOR_LABELS: Record<CardColor, string> = { blue: '蓝牌', yellow: '黄牌', red: '红牌' };

export const CARD_INDICATORS = ['investment', 'start', 'completion', 'production', 'reporting', 'problems'] as const;
export type CardIndicatorName = (typeof CARD_INDICATORS)[number];
export const CARD_INDICATOR_LABELS: Record<CardIndicatorName, string> = {
  investment: '投资完成进度',
  start: '开工节点',
  completion: '竣工节点',
  production: '投产节点',
  reporting: '按时填报',
  problems: '问题办理',
};

/** Score components and their weights (any non-negative numbers; they are normalised to 100). */
export const CARD_SCORE_PARTS = ['investment', 'milestones', 'reporting', 'problems'] as const;
export type CardScorePart = (typeof CARD_SCORE_PARTS)[number];

export interface CardRules {
  investment: {
    /** Gap (time-elapsed − annual completion rate, a fraction) above which the card is yellow. Default 0. */
    yellowAbove: number;
    /** Gap above which the card is red. Default 0.10 (10 points). */
    redAbove: number;
  };
  milestones: {
    /** Overdue by at least this many whole months → red; overdue less → yellow. Default 3. */
    redMonths: number;
  };
  reporting: {
    /** Missing reports running (this period and those before) at which the card is yellow / red. Defaults 1 / 2. */
    yellowMissing: number;
    redMissing: number;
  };
  problems: {
    /** Open roadblocks past their deadline at which the card is yellow. Default 1. */
    yellowOverdue: number;
  };
  score: {
    weights: Record<CardScorePart, number>;
    /** Gap at which the investment component reaches 0 (default 0.30: 30 points behind). */
    gapFloor: number;
    /** Months overdue at which a milestone component reaches 0 (default 6). */
    overdueMonthsFloor: number;
  };
  supervision: {
    /** Days a red card's supervision order gives for the written response. Default 15. */
    deadlineDays: number;
  };
}

export const DEFAULT_CARD_RULES: CardRules = {
  investment: { yellowAbove: 0, redAbove: 0.1 },
  milestones: { redMonths: 3 },
  reporting: { yellowMissing: 1, redMissing: 2 },
  problems: { yellowOverdue: 1 },
  score: { weights: { investment: 40, milestones: 30, reporting: 20, problems: 10 }, gapFloor: 0.3, overdueMonthsFloor: 6 },
  supervision: { deadlineDays: 15 },
};

export const MILESTONES = ['start', 'completion', 'production'] as const;
export type Milestone = (typeof MILESTONES)[number];
const MILESTONE_VERB: Record<Milestone, string> = { start: '开工', completion: '竣工', production: '投产' };

export interface MilestoneDue {
  /** When the milestone is due (see milestoneDue); null: not due at all. */
  due: string | null;
  /** When it was reached; null: not yet. */
  actual: string | null;
}

/** The facts of one project in one period that the card is made of (computed set-based by the card run). */
export interface CardFacts {
  /** Last day of the period, 'YYYY-MM-DD': milestones and roadblock deadlines are judged at this date. */
  periodEnd: string;
  /**
   * From kpi.ts figures() over the project's own sums (the statistics' numbers): time-elapsed
   * progress and annual completion rate; either null when the project has no annual plan.
   */
  investment: { timeElapsed: number | null; completionRate: number | null };
  milestones: Record<Milestone, MilestoneDue>;
  /** Periods running (this one and those just before it) without a submitted or approved report. */
  missingRunning: number;
  /** Open roadblocks past their deadline at the end of the period. */
  overdueProblems: number;
}

export interface CardIndicator {
  name: CardIndicatorName;
  value: number | null;
  threshold: string;
  color: CardColor | null;
  detail: string;
}

export interface CardResult {
  color: CardColor;
  score: number;
  indicators: CardIndicator[];
}

const RANK: Record<CardColor, number> = { blue: 0, yellow: 1, red: 2 };

/** The worse of two colours (null does not count). */
export function worseColor(a: CardColor, b: CardColor | null): CardColor {
  return b != null && RANK[b] > RANK[a] ? b : a;
}

/**
 * When a milestone is due for a card of year Y: a planned date before Y stays as it is (it has been
 * due since then); otherwise kpi.ts dueDateInYear (a date in Y, or 31 December when the year's plan
 * says it must be reached this year).
 */
export function milestoneDue(planned: string | null, mustThisYear: boolean, year: number): string | null {
  if (planned && planned < `${year}-01-01`) return planned;
  return dueDateInYear(planned, mustThisYear, year);
}

function parseIso(d: string): [number, number, number] {
  // YYYY-MM-DD read in place (a card run reads tens of thousands of dates); anything else by its parts.
  if (d.length === 10 && d[4] === '-' && d[7] === '-') return [+d.slice(0, 4), +d.slice(5, 7), +d.slice(8, 10)];
  return d.split('-').map(Number) as [number, number, number];
}

/** y-m-d + n calendar months, the day clamped to the end of the month. */
function shiftMonths(y: number, m: number, d: number, n: number): [number, number, number] {
  const total = y * 12 + (m - 1) + n;
  const ny = Math.floor(total / 12);
  const nm = (total % 12) + 1;
  const last = new Date(Date.UTC(ny, nm, 0)).getUTCDate();
  return [ny, nm, Math.min(d, last)];
}

/** date + n calendar months, clamped to the end of the month (31 March + 1 month = 30 April). */
export function addMonths(date: string, n: number): string {
  const [y, m, d] = parseIso(date);
  const [ny, nm, nd] = shiftMonths(y, m, d, n);
  return `${ny}-${String(nm).padStart(2, '0')}-${String(nd).padStart(2, '0')}`;
}

const dayNumber = (y: number, m: number, d: number) => Date.UTC(y, m - 1, d) / 86_400_000;

/**
 * Months from `due` to `asOf` (0 when asOf ≤ due): whole calendar months (due + k months ≤ asOf,
 * month ends clamped, so 31 March → 30 June is exactly 3) plus the elapsed share of the next month,
 * rounded to 2 decimals.
 */
export function monthsOverdue(due: string, asOf: string): number {
  if (asOf <= due) return 0;
  // Both dates parsed once; dates compared as day numbers (as the ISO texts compare).
  const [dy, dm, dd] = parseIso(due);
  const [ay, am, ad] = parseIso(asOf);
  const end = dayNumber(ay, am, ad);
  const after = (k: number) => dayNumber(...shiftMonths(dy, dm, dd, k));
  // k: the largest whole number of months with due + k months ≤ asOf. Counted from one month short
  // of the calendar months between them (that date falls in the month before asOf's, so it is ≤
  // asOf), not from 0: the same k in at most two steps for a date years overdue.
  let k = Math.max(0, (ay - dy) * 12 + (am - dm) - 1);
  while (after(k + 1) <= end) k++;
  const from = after(k);
  const part = (end - from) / (after(k + 1) - from);
  return Math.round((k + part) * 100) / 100;
}

/**
 * "10.5" for 0.105: a fraction as percentage points to one decimal, rounded half away from zero on
 * the fraction's decimal value (decimal.js's ROUND_HALF_UP). A card run writes three per card: away
 * from a tie, the rounding of f × 1,000 in binary cannot differ, and the answer is worked out with
 * plain numbers; near a tie, or for a value too large to be exact, decimal.js decides.
 */
export function points(f: number): string {
  const x = f * 1000;
  const r = Math.round(x);
  if (Math.abs(x) < 1e6 && Math.abs(Math.abs(x - Math.trunc(x)) - 0.5) > 1e-6) {
    const v = r / 10;
    return v === 0 ? '0' : String(v);
  }
  return new Decimal(f).times(100).toDecimalPlaces(1).toFixed();
}

// The same text for every card a rule set evaluates: written once per pair of thresholds (a card
// run evaluates thousands of cards, and the text takes three decimal conversions).
const investmentThresholds = new Map<string, string>();
function investmentThreshold(yellowAbove: number, redAbove: number): string {
  const key = `${yellowAbove}/${redAbove}`;
  let text = investmentThresholds.get(key);
  if (text === undefined) {
    text = `差距≤${points(yellowAbove)} 个百分点 蓝；≤${points(redAbove)} 个百分点 黄；>${points(redAbove)} 个百分点 红（差距＝序时进度−年度投资完成率）`;
    if (investmentThresholds.size >= 100) investmentThresholds.clear();
    investmentThresholds.set(key, text);
  }
  return text;
}

/** The threshold text of an indicator under a rule set (what the card page shows beside the value). */
export function indicatorThreshold(name: CardIndicatorName, r: CardRules): string {
  switch (name) {
    case 'investment':
      return investmentThreshold(r.investment.yellowAbove, r.investment.redAbove);
    case 'reporting':
      return `连续缺报 ${r.reporting.yellowMissing} 期 黄；连续缺报 ${r.reporting.redMissing} 期 红`;
    case 'problems':
      return `逾期未办结问题 ${r.problems.yellowOverdue} 个及以上 黄`;
    default:
      return `按期 蓝；逾期不足 ${r.milestones.redMonths} 个月 黄；逾期 ${r.milestones.redMonths} 个月及以上 红`;
  }
}

/**
 * An indicator as stored with its card: the threshold is left out (it follows from the card's rule
 * version, so 50,000 cards do not each carry the same texts) and put back on reading.
 */
export type StoredIndicator = Omit<CardIndicator, 'threshold'> & { threshold?: string };

export function toStoredIndicators(ind: readonly CardIndicator[]): StoredIndicator[] {
  return ind.map(({ threshold: _t, ...rest }) => rest);
}

/** Indicators as read back: the threshold from the rules that made the card (cards stored before keep their own). */
export function withThresholds(ind: readonly StoredIndicator[], r: CardRules): CardIndicator[] {
  return ind.map((i) => ({ ...i, threshold: i.threshold ?? indicatorThreshold(i.name, r) }));
}

function investmentIndicator(f: CardFacts, r: CardRules): CardIndicator {
  const { yellowAbove, redAbove } = r.investment;
  const threshold = indicatorThreshold('investment', r);
  const { timeElapsed, completionRate } = f.investment;
  if (timeElapsed == null || completionRate == null) {
    return { name: 'investment', value: null, threshold, color: null, detail: '无年度投资计划，不评价' };
  }
  // The rates are doubles (kpi.ts ratio): 7/12 − 58/120 comes out as 0.10000000000000003. Rounded
  // to 9 decimals (a millionth of a percentage point) the gap lands on the boundary it means.
  const gap = new Decimal(timeElapsed).minus(completionRate).toDecimalPlaces(9);
  const color: CardColor = gap.greaterThan(redAbove) ? 'red' : gap.greaterThan(yellowAbove) ? 'yellow' : 'blue';
  const value = gap.toNumber();
  const detail = `序时进度 ${points(timeElapsed)}%，年度投资完成率 ${points(completionRate)}%，${gap.greaterThan(0) ? `落后 ${points(value)} 个百分点` : '不落后于序时进度'}`;
  return { name: 'investment', value, threshold, color, detail };
}

function milestoneIndicator(name: Milestone, f: CardFacts, r: CardRules): CardIndicator {
  const verb = MILESTONE_VERB[name];
  const { redMonths } = r.milestones;
  const threshold = indicatorThreshold(name, r);
  const { due, actual } = f.milestones[name];
  const reached = actual != null && actual <= f.periodEnd;
  if (!due || due > f.periodEnd) {
    return { name, value: null, threshold, color: null, detail: due ? `计划 ${due} ${verb}，本期未到期` : `本年无${verb}要求，不评价` };
  }
  if (reached) {
    const late = monthsOverdue(due, actual);
    return {
      name, value: 0, threshold, color: 'blue',
      detail: late > 0 ? `已于 ${actual} ${verb}（计划 ${due}，晚 ${late} 个月）` : `已于 ${actual} 按期${verb}（计划 ${due}）`,
    };
  }
  const months = monthsOverdue(due, f.periodEnd);
  if (months === 0) return { name, value: 0, threshold, color: 'blue', detail: `计划 ${due} ${verb}，尚未逾期` };
  const whole = Math.floor(months);
  const color: CardColor = whole >= redMonths ? 'red' : 'yellow';
  return { name, value: months, threshold, color, detail: `计划 ${due} ${verb}，至 ${f.periodEnd} 尚未${verb}，逾期 ${months} 个月` };
}

function reportingIndicator(f: CardFacts, r: CardRules): CardIndicator {
  const { yellowMissing, redMissing } = r.reporting;
  const threshold = indicatorThreshold('reporting', r);
  const n = f.missingRunning;
  const color: CardColor = n >= redMissing ? 'red' : n >= yellowMissing ? 'yellow' : 'blue';
  return { name: 'reporting', value: n, threshold, color, detail: n === 0 ? '本期已按时填报' : `连续 ${n} 期未填报` };
}

function problemsIndicator(f: CardFacts, r: CardRules): CardIndicator {
  const { yellowOverdue } = r.problems;
  const threshold = indicatorThreshold('problems', r);
  const n = f.overdueProblems;
  return {
    name: 'problems', value: n, threshold, color: n >= yellowOverdue ? 'yellow' : 'blue',
    detail: n === 0 ? '无逾期未办结问题' : `${n} 个问题逾期未受理或未办结`,
  };
}

const clamp01 = (x: number) => Math.min(1, Math.max(0, x));

/**
 * The score, 0–100 (higher is better), documented:
 *
 *   score = 100 × Σ wᵢ·cᵢ / Σ wᵢ   over the parts that apply (weights from rules.score.weights)
 *
 *   investment  c = 1 − gap / gapFloor, clamped to [0, 1] (1 when not behind; 0 at gapFloor, default
 *               30 points behind) — continuous in the gap, so projects rank within a colour;
 *   milestones  c = mean over the due milestones of 1 − monthsOverdue / overdueMonthsFloor, clamped
 *               (a reached milestone counts 1);
 *   reporting   c = 1 − missingRunning / redMissing, clamped (1 reported, ½ one missing, 0 two);
 *   problems    c = 1 / (1 + overdue roadblocks).
 *
 * A part that does not apply (no annual plan; no milestone due) is left out and the other weights
 * count in its place. Rounded to 2 decimals.
 */
export function cardScore(ind: readonly CardIndicator[], r: CardRules): number {
  const get = (n: CardIndicatorName) => ind.find((i) => i.name === n)!;
  const parts: { w: number; c: number }[] = [];
  const inv = get('investment');
  if (inv.color != null) parts.push({ w: r.score.weights.investment, c: clamp01(1 - Math.max(0, inv.value!) / r.score.gapFloor) });
  const ms = MILESTONES.map(get).filter((i) => i.color != null);
  if (ms.length) {
    const c = ms.reduce((s, i) => s + clamp01(1 - i.value! / r.score.overdueMonthsFloor), 0) / ms.length;
    parts.push({ w: r.score.weights.milestones, c });
  }
  parts.push({ w: r.score.weights.reporting, c: clamp01(1 - get('reporting').value! / r.reporting.redMissing) });
  parts.push({ w: r.score.weights.problems, c: 1 / (1 + get('problems').value!) });
  const wsum = parts.reduce((s, p) => s + p.w, 0);
  if (wsum <= 0) return 100;
  const raw = (100 * parts.reduce((s, p) => s + p.w * p.c, 0)) / wsum;
  return Math.round(raw * 100) / 100;
}

/** The card of one project: every indicator explained, the worst colour, the score. */
export function evaluateCard(facts: CardFacts, rules: CardRules = DEFAULT_CARD_RULES): CardResult {
  const indicators: CardIndicator[] = [
    investmentIndicator(facts, rules),
    ...MILESTONES.map((m) => milestoneIndicator(m, facts, rules)),
    reportingIndicator(facts, rules),
    problemsIndicator(facts, rules),
  ];
  const color = indicators.reduce<CardColor>((c, i) => worseColor(c, i.color), 'blue');
  return { color, score: cardScore(indicators, rules), indicators };
}

/**
 * Rules as saved, completed with the defaults for anything missing (a version saved before a field
 * existed still evaluates).
 */
export function normalizeRules(saved: unknown): CardRules {
  const s = (saved ?? {}) as Partial<Record<keyof CardRules, Record<string, unknown>>>;
  const d = DEFAULT_CARD_RULES;
  return {
    investment: { ...d.investment, ...(s.investment as object) },
    milestones: { ...d.milestones, ...(s.milestones as object) },
    reporting: { ...d.reporting, ...(s.reporting as object) },
    problems: { ...d.problems, ...(s.problems as object) },
    score: {
      ...d.score,
      ...(s.score as object),
      weights: { ...d.score.weights, ...((s.score?.weights as object) ?? {}) },
    },
    supervision: { ...d.supervision, ...(s.supervision as object) },
  };
}
