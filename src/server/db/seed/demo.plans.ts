// Annual plans (年度计划) of the demo projects for 2024, and for 2025 and 2026 while a project is
// still being built (the rolling plan). Amounts are whole 万元; monthly splits add up exactly.
import type { annualPlans } from '../schema/index.ts';
import type { DemoProject } from './demo.projects.ts';
import { monthOf, yearOf, type Rng } from './demo.prng.ts';

type PlanRow = typeof annualPlans.$inferInsert;

// Little is built around the Spring Festival and in the summer rains; most in autumn.
export const SEASON = [0.5, 0.4, 0.9, 1, 1.1, 1, 0.9, 0.9, 1.1, 1.2, 1.2, 1.0];

/** Splits a whole amount over the months from `fromMonth` (1–12) on; the last month takes the remainder. */
export function monthlySplit(total: number, fromMonth: number): string[] {
  const weights = SEASON.map((w, i) => (i + 1 >= fromMonth ? w : 0));
  const sum = weights.reduce((a, b) => a + b, 0);
  const parts = weights.map((w) => Math.floor((total * w) / sum));
  parts[11] = total - parts.slice(0, 11).reduce((a, b) => a + b, 0);
  return parts.map(String);
}

const share = (rng: Rng, amount: number, lo: number, hi: number) => Math.max(1, Math.floor(amount * rng.range(lo, hi)));

/** What a project that started before 2024 had spent by then (its opening balance), whole 万元. */
export function spentBefore2024(p: Pick<DemoProject, 'actualStart' | 'amount'>): number {
  return p.actualStart && yearOf(p.actualStart) < 2024
    ? Math.floor(p.amount * Math.min(0.75, Math.max(0.2, (2024 - yearOf(p.actualStart)) * 0.35)))
    : 0;
}

export function planRows(rng: Rng, p: DemoProject): PlanRow[] {
  if (p.stage === 'reserve') return [];
  const rows: PlanRow[] = [];
  const flags = (year: number) => ({
    mustStart: yearOf(p.plannedStart) === year && (p.actualStart === null || yearOf(p.actualStart) === year),
    mustComplete: yearOf(p.plannedCompletion) === year && (p.actualCompletion === null || yearOf(p.actualCompletion) === year),
    mustProduce: p.plannedProduction !== null && yearOf(p.plannedProduction) === year
      && (p.actualProduction === null || yearOf(p.actualProduction) === year),
  });
  const completionYear = yearOf(p.actualCompletion ?? p.plannedCompletion);

  const before = spentBefore2024(p);
  let plan2024: number;
  if (p.stage === 'preparation') plan2024 = share(rng, p.amount, 0.03, 0.08);
  else if (completionYear <= 2024 && p.actualStart && yearOf(p.actualStart) === 2024) plan2024 = share(rng, p.amount, 0.85, 1);
  else if (completionYear <= 2024) plan2024 = Math.max(1, p.amount - before - share(rng, p.amount, 0, 0.05));
  else plan2024 = share(rng, p.amount, 0.2, 0.4);
  plan2024 = Math.min(plan2024, p.amount - before);

  const from = p.actualStart && yearOf(p.actualStart) === 2024 ? monthOf(p.actualStart) : 1;
  rows.push({
    projectId: p.id, year: 2024, plannedInvestment: String(plan2024), ...flags(2024),
    // Most cities split a key project's plan by month; a project starting in the year, or still in
    // preparation, always has one (its plan starts in its start month). The draw is kept so every later
    // figure of the demo stays the same.
    monthly: rng.chance(1 / 3) || from > 1 || p.stage === 'preparation' ? monthlySplit(plan2024, from) : null,
  });

  let rest = p.amount - before - plan2024;
  for (const year of [2025, 2026]) {
    if (rest <= 0 || completionYear < year) break;
    const amount = completionYear === year ? rest : p.stage === 'preparation' && year === 2025 ? share(rng, rest, 0.3, 0.45) : share(rng, rest, 0.45, 0.65);
    rows.push({ projectId: p.id, year, plannedInvestment: String(amount), ...flags(year), monthly: null });
    rest -= amount;
  }
  return rows;
}
