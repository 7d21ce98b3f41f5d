import Decimal from 'decimal.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addMonths, cardScore, DEFAULT_CARD_RULES, evaluateCard, milestoneDue, monthsOverdue, normalizeRules, points,
  type CardFacts, type CardRules,
} from './cards.ts';
import { figures } from './kpi.ts';

const none = { due: null, actual: null };

function facts(over: Partial<CardFacts> = {}): CardFacts {
  return {
    periodEnd: '2024-06-30',
    investment: { timeElapsed: 0.5, completionRate: 0.5 },
    milestones: { start: none, completion: none, production: none },
    missingRunning: 0,
    overdueProblems: 0,
    ...over,
  };
}

const ind = (f: CardFacts, name: string, rules?: CardRules) => evaluateCard(f, rules).indicators.find((i) => i.name === name)!;

/** Investment facts from sums, exactly as the statistics compute them. */
function inv(annualPlan: string, plannedToDate: string, ytdInvestment: string) {
  const z = '0';
  const f = figures({
    annualPlan, plannedToDate, ytdInvestment, ytdFundsArrived: z, totalInvestment: z, cumulativeInvestment: z,
    cumulativeFundsArrived: z, dueToStart: 0, started: 0, dueToComplete: 0, completedOnTime: 0, dueToProduce: 0, producing: 0,
  });
  return { timeElapsed: f.timeElapsed, completionRate: f.annualCompletionRate };
}

describe('percentage points in the texts', () => {
  const exact = (f: number) => new Decimal(f).times(100).toDecimalPlaces(1).toFixed();

  it('round the fraction\'s decimal value half away from zero, as decimal.js does', () => {
    const cases = [0.105, -0.105, 0.1, 0.1055, -0.1055, 0.00049, -0.0004, 0, 7 / 12 - 58 / 120, 1e-9, 2.5, 1234.5678];
    expect(cases.map(points)).toEqual(cases.map(exact));
    expect(points(0.105)).toBe('10.5');
    expect(points(0.10049)).toBe('10');
    expect(points(-0.1055)).toBe('-10.6');
  });

  it('agree with decimal.js on any number, and on numbers at and around every tie', () => {
    fc.assert(fc.property(fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e9, max: 1e9 }), (f) => points(f) === exact(f)), { numRuns: 20_000 });
    // Ties: k/1000 + 0.0005, and the doubles just beside them.
    fc.assert(fc.property(fc.integer({ min: -2_000_000, max: 2_000_000 }), fc.integer({ min: -3, max: 3 }), (k, step) => {
      let f = (k + 0.5) / 1000;
      for (let i = 0; i < Math.abs(step); i++) f = step > 0 ? nextUp(f) : nextDown(f);
      return points(f) === exact(f);
    }), { numRuns: 20_000 });
  });
});

/** The next double above / below. */
function nextUp(x: number): number {
  const b = new Float64Array([x]);
  const u = new BigInt64Array(b.buffer);
  u[0] = x >= 0 ? u[0]! + 1n : u[0]! - 1n;
  return b[0]!;
}
function nextDown(x: number): number {
  return -nextUp(-x);
}

describe('investment gap', () => {
  it('gap ≤ 0 is blue, exactly 10 points is yellow, just over is red', () => {
    // June: 序时进度 600/1200 = 50%.
    expect(ind(facts({ investment: inv('1200', '600', '600') }), 'investment').color).toBe('blue');
    expect(ind(facts({ investment: inv('1200', '600', '700') }), 'investment').color).toBe('blue');
    expect(ind(facts({ investment: inv('1200', '600', '599.99') }), 'investment').color).toBe('yellow');
    const ten = ind(facts({ investment: inv('1200', '600', '480') }), 'investment');
    expect(ten).toMatchObject({ color: 'yellow', value: 0.1 });
    expect(ind(facts({ investment: inv('1200', '600', '479.99') }), 'investment').color).toBe('red');
  });

  it('a 10-point gap from monthly figures (7/12) sits on the boundary too', () => {
    // July, plan 1200: planned 700; completion 580/1200 → gap = 120/1200 = 10 points.
    const f = inv('1200', '700', '580');
    expect(ind(facts({ investment: f }), 'investment').color).toBe('yellow');
  });

  it('no annual plan: listed with colour null and does not count', () => {
    const i = ind(facts({ investment: inv('0', '0', '0') }), 'investment');
    expect(i).toMatchObject({ color: null, value: null });
    expect(evaluateCard(facts({ investment: { timeElapsed: null, completionRate: null } })).color).toBe('blue');
  });
});

describe('milestones', () => {
  it('exactly 3 months overdue is red, just under is yellow', () => {
    const at = (due: string) => ind(facts({ milestones: { start: { due, actual: null }, completion: none, production: none } }), 'start');
    expect(at('2024-03-30')).toMatchObject({ color: 'red', value: 3 });
    expect(at('2024-03-31')).toMatchObject({ color: 'red', value: 3 });
    expect(at('2024-04-01').color).toBe('yellow');
    expect(at('2024-04-01').value).toBeLessThan(3);
    expect(at('2024-06-29').color).toBe('yellow');
    // Due on the period's last day and not yet reached: not overdue.
    expect(at('2024-06-30')).toMatchObject({ color: 'blue', value: 0 });
    // Not yet due: does not apply.
    expect(at('2024-07-01')).toMatchObject({ color: null, value: null });
  });

  it('reached on time (or late, by the end of the period) is blue; reached after the period end is not reached', () => {
    const m = (actual: string) => ind(facts({ milestones: { start: none, completion: { due: '2024-01-15', actual }, production: none } }), 'completion');
    expect(m('2024-01-10').color).toBe('blue');
    expect(m('2024-06-01').color).toBe('blue');
    expect(m('2024-07-05').color).toBe('red');
  });

  it('no milestone due: all three listed with colour null', () => {
    const card = evaluateCard(facts());
    expect(card.indicators.filter((i) => ['start', 'completion', 'production'].includes(i.name)).map((i) => i.color)).toEqual([null, null, null]);
  });

  it('due dates: planned before the year stays, otherwise as the statistics', () => {
    expect(milestoneDue('2023-05-01', false, 2024)).toBe('2023-05-01');
    expect(milestoneDue('2024-05-01', false, 2024)).toBe('2024-05-01');
    expect(milestoneDue('2025-05-01', false, 2024)).toBeNull();
    expect(milestoneDue('2025-05-01', true, 2024)).toBe('2024-12-31');
    expect(milestoneDue(null, true, 2024)).toBe('2024-12-31');
    expect(milestoneDue(null, false, 2024)).toBeNull();
  });

  it('month arithmetic clamps month ends', () => {
    expect(addMonths('2024-03-31', 1)).toBe('2024-04-30');
    expect(addMonths('2024-01-31', 1)).toBe('2024-02-29');
    expect(addMonths('2024-11-15', 3)).toBe('2025-02-15');
    expect(monthsOverdue('2024-01-31', '2024-04-30')).toBe(3);
    expect(monthsOverdue('2024-06-30', '2024-06-30')).toBe(0);
    expect(monthsOverdue('2024-06-01', '2024-06-16')).toBeCloseTo(0.5, 2);
  });
});

describe('reporting and roadblocks', () => {
  it('one missing is yellow, two running red', () => {
    expect(ind(facts({ missingRunning: 0 }), 'reporting').color).toBe('blue');
    expect(ind(facts({ missingRunning: 1 }), 'reporting').color).toBe('yellow');
    expect(ind(facts({ missingRunning: 2 }), 'reporting').color).toBe('red');
    expect(ind(facts({ missingRunning: 3 }), 'reporting').color).toBe('red');
  });

  it('an overdue roadblock is yellow, never red', () => {
    expect(ind(facts({ overdueProblems: 0 }), 'problems').color).toBe('blue');
    expect(ind(facts({ overdueProblems: 1 }), 'problems').color).toBe('yellow');
    expect(evaluateCard(facts({ overdueProblems: 5 })).color).toBe('yellow');
  });
});

describe('card colour and score', () => {
  it('the card is the worst indicator colour', () => {
    expect(evaluateCard(facts()).color).toBe('blue');
    expect(evaluateCard(facts({ overdueProblems: 1 })).color).toBe('yellow');
    expect(evaluateCard(facts({ overdueProblems: 1, missingRunning: 2 })).color).toBe('red');
    expect(evaluateCard(facts()).indicators.map((i) => i.name)).toEqual(['investment', 'start', 'completion', 'production', 'reporting', 'problems']);
  });

  it('score: 100 when everything is fine, continuous in the gap, weights normalised over the parts that apply', () => {
    expect(evaluateCard(facts()).score).toBe(100);
    // Gap 10 points of a 30-point floor: investment component 2/3, weight 40 of 70 (no milestone due).
    const s10 = evaluateCard(facts({ investment: { timeElapsed: 0.5, completionRate: 0.4 } })).score;
    expect(s10).toBeCloseTo(100 * (40 * (2 / 3) + 20 + 10) / 70, 2);
    const s11 = evaluateCard(facts({ investment: { timeElapsed: 0.5, completionRate: 0.39 } })).score;
    expect(s11).toBeLessThan(s10);
    expect(s11).toBeGreaterThan(s10 - 2);
    // One missing report: reporting component ½; two: 0.
    expect(evaluateCard(facts({ missingRunning: 1 })).score).toBeCloseTo(100 * (40 + 10 + 10) / 70, 2);
    expect(evaluateCard(facts({ missingRunning: 2, overdueProblems: 1 })).score).toBeCloseTo(100 * (40 + 5) / 70, 2);
    // All score weights on investment.
    const rules: CardRules = { ...DEFAULT_CARD_RULES, score: { ...DEFAULT_CARD_RULES.score, weights: { investment: 1, milestones: 0, reporting: 0, problems: 0 } } };
    expect(evaluateCard(facts({ investment: { timeElapsed: 0.5, completionRate: 0.2 }, missingRunning: 2 }), rules).score).toBe(0);
    expect(cardScore(evaluateCard(facts()).indicators, rules)).toBe(100);
  });

  it('thresholds come from the rules', () => {
    const rules = normalizeRules({ investment: { yellowAbove: 0.05, redAbove: 0.2 }, milestones: { redMonths: 6 } });
    const f = facts({ investment: { timeElapsed: 0.5, completionRate: 0.38 }, milestones: { start: { due: '2024-02-01', actual: null }, completion: none, production: none } });
    expect(evaluateCard(f).color).toBe('red');
    expect(evaluateCard(f, rules).color).toBe('yellow');
    expect(ind(facts({ investment: { timeElapsed: 0.5, completionRate: 0.46 } }), 'investment', rules).color).toBe('blue');
    expect(rules.reporting).toEqual(DEFAULT_CARD_RULES.reporting);
  });
});
