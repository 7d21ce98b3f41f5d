// The SQL of the statistics against the domain's definitions: on generated projects, plans and
// reports, every project's sums computed in TypeScript with kpi.ts (plannedToDate, milestoneCount)
// must equal the database's groupBy=project rows (the projects' facts), and figures(addSums(...)) the
// total and every sub-region's row (the sums per region); both sources agree month by month.
import Decimal from 'decimal.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addSums, figures, milestoneCount, plannedToDate, type FigureSums } from '../src/domain/kpi.ts';
import { normalizeMoney } from '../src/domain/money.ts';
import type { Database } from '../src/server/db/client.ts';
import { computeStats, toFigures } from '../src/server/modules/stats/stats.service.ts';
import { groupSums, type StatsDim } from '../src/server/modules/stats/stats.repo.ts';
import { createTestDatabase } from './helpers/db.ts';
import { buildProject, HIGH_TECH_ZONE, REGIONS, seedTestRegions } from './helpers/factories.ts';
import { report, setPlan } from './helpers/stats.ts';

let database: Database;

/** A small deterministic generator (mulberry32). */
function rng(seed: number) {
  let a = seed;
  return () => {
    a |= 0;
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Gen {
  id: string;
  regionCode: string;
  stage: string;
  total: string;
  openingInv: string;
  openingFunds: string;
  plans: Map<number, { planned: string; monthly: string[] | null; mustStart: boolean; mustComplete: boolean; mustProduce: boolean }>;
  ms: { start: [string | null, string | null]; completion: [string | null, string | null]; production: [string | null, string | null] };
  reports: { year: number; month: number; investment: string; funds: string; status: string }[];
}

const projects: Gen[] = [];
const regionCodes = [REGIONS.city.code, REGIONS.dongchangfu.code, REGIONS.shen.code, REGIONS.gaotang.code, HIGH_TECH_ZONE.code];

beforeAll(async () => {
  database = await createTestDatabase();
  const db = database.db;
  await seedTestRegions(db);
  const r = rng(20240917);
  const pick = <T,>(xs: readonly T[]) => xs[Math.floor(r() * xs.length)]!;
  const money = (max: number) => new Decimal(Math.floor(r() * max * 10000)).dividedBy(10000).toFixed();
  const date = () => (r() < 0.25 ? null : `${pick([2023, 2024, 2024, 2024, 2025])}-${String(1 + Math.floor(r() * 12)).padStart(2, '0')}-${String(1 + Math.floor(r() * 28)).padStart(2, '0')}`);
  for (let i = 0; i < 70; i++) {
    const g: Gen = {
      id: '',
      regionCode: pick(regionCodes),
      stage: pick(['preparation', 'construction', 'completed', 'withdrawn', 'production']),
      total: money(50000),
      openingInv: r() < 0.3 ? money(2000) : '0',
      openingFunds: r() < 0.3 ? money(2000) : '0',
      plans: new Map(),
      ms: { start: [date(), date()], completion: [date(), date()], production: [date(), date()] },
      reports: [],
    };
    for (const year of [2023, 2024]) {
      if (r() < 0.75) {
        const split = r() < 0.4;
        const monthly = split ? Array.from({ length: 12 }, () => (r() < 0.3 ? '0' : money(300))) : null;
        g.plans.set(year, {
          planned: split && r() < 0.7 ? normalizeMoney(monthly!.reduce((s, v) => s.plus(v), new Decimal(0))) : money(5000),
          monthly: split && r() < 0.1 ? Array(12).fill('0') : monthly,
          mustStart: r() < 0.3, mustComplete: r() < 0.3, mustProduce: r() < 0.3,
        });
      }
      for (let m = 1; m <= 12; m++) {
        if (r() < 0.45) g.reports.push({ year, month: m, investment: money(500), funds: money(500), status: pick(['approved', 'approved', 'approved', 'submitted', 'returned', 'draft']) });
      }
    }
    const row = await buildProject(db, {
      regionCode: g.regionCode, totalInvestment: g.total, stage: g.stage, openingInvestment: g.openingInv, openingFundsArrived: g.openingFunds,
      plannedStart: g.ms.start[0], actualStart: g.ms.start[1], plannedCompletion: g.ms.completion[0], actualCompletion: g.ms.completion[1],
      plannedProduction: g.ms.production[0], actualProduction: g.ms.production[1],
      industry: pick(['chemicals', 'food', 'digital']),
    });
    g.id = row.id;
    for (const [year, p] of g.plans) await setPlan(db, row.id, year, p);
    for (const rep of g.reports) await report(db, row.id, rep as Parameters<typeof report>[2]);
    projects.push(g);
  }
}, 120_000);
afterAll(() => database.close());

/** One project's sums at (Y, m) by the domain's definitions, or null when it is not counted. */
function expected(g: Gen, year: number, month: number) {
  const approved = g.reports.filter((x) => x.status === 'approved');
  const plan = g.plans.get(year);
  const inYear = approved.some((x) => x.year === year);
  if (!((plan && g.stage !== 'withdrawn') || inYear)) return null;
  const sum = (xs: typeof approved, k: 'investment' | 'funds') => xs.reduce((s, x) => s.plus(x[k]), new Decimal(0));
  const ytd = approved.filter((x) => x.year === year && x.month <= month);
  const cum = approved.filter((x) => x.year < year || (x.year === year && x.month <= month));
  const count = (k: 'start' | 'completion' | 'production', must: boolean, onTime = false) =>
    milestoneCount({ planned: g.ms[k][0], actual: g.ms[k][1], mustThisYear: must }, year, month, onTime);
  const s = count('start', plan?.mustStart ?? false);
  const c = count('completion', plan?.mustComplete ?? false, true);
  const p = count('production', plan?.mustProduce ?? false);
  const sums: FigureSums = {
    annualPlan: plan?.planned ?? '0',
    ytdInvestment: sum(ytd, 'investment').toFixed(),
    ytdFundsArrived: sum(ytd, 'funds').toFixed(),
    totalInvestment: g.total,
    cumulativeInvestment: sum(cum, 'investment').plus(g.openingInv).toFixed(),
    cumulativeFundsArrived: sum(cum, 'funds').plus(g.openingFunds).toFixed(),
    plannedToDate: plannedToDate(plan?.planned ?? '0', month, plan?.monthly ?? null),
    dueToStart: s.due, started: s.reached, dueToComplete: c.due, completedOnTime: c.reached, dueToProduce: p.due, producing: p.reached,
  };
  return {
    sums,
    monthInvestment: sum(approved.filter((x) => x.year === year && x.month === month), 'investment').toFixed(),
    reported: approved.some((x) => x.year === year && x.month === month) ? 1 : 0,
  };
}

const trim = (s: FigureSums) => Object.fromEntries(Object.entries(s).map(([k, v]) => [k, typeof v === 'string' ? normalizeMoney(v) : v]));

describe('SQL sums = domain definitions, on generated data', () => {
  for (const [year, month] of [[2024, 1], [2024, 6], [2024, 9], [2024, 12], [2023, 3]] as const) {
    it(`per project and in total at ${year}-${month}`, async () => {
      const region = { code: REGIONS.city.code, name: REGIONS.city.name, path: REGIONS.city.path };
      const rows = await groupSums(database.db, 'project', { regionPath: region.path, regionCode: region.code, year, fromMonth: month, toMonth: month });
      const byId = new Map(rows.filter((x) => x.key).map((x) => [x.key!, x]));
      const want = projects.map((g) => [g.id, expected(g, year, month)] as const).filter(([, e]) => e);
      expect([...byId.keys()].sort()).toEqual(want.map(([id]) => id).sort());
      for (const [id, e] of want) {
        const got = byId.get(id)!;
        const gotSums: FigureSums = {
          annualPlan: got.annualPlan, ytdInvestment: got.ytdInvestment, ytdFundsArrived: got.ytdFundsArrived, totalInvestment: got.totalInvestment,
          cumulativeInvestment: got.cumulativeInvestment, cumulativeFundsArrived: got.cumulativeFundsArrived, plannedToDate: got.plannedToDate,
          dueToStart: got.dueToStart, started: got.started, dueToComplete: got.dueToComplete, completedOnTime: got.completedOnTime,
          dueToProduce: got.dueToProduce, producing: got.producing,
        };
        expect(trim(gotSums), id).toEqual(trim(e!.sums));
        expect(normalizeMoney(got.monthInvestment)).toBe(normalizeMoney(e!.monthInvestment));
        expect(got.reportedCount).toBe(e!.reported);
        expect(got.projectCount).toBe(1);
      }
      // The total: figures of the summed sums, never an average of the projects' rates.
      const result = await computeStats(database.db, { region, year, month, groupBy: 'region', filters: {} });
      const total = addSums(want.map(([, e]) => e!.sums));
      const f = figures(total);
      expect(result.total).toMatchObject({ ...trim(total), projectCount: want.length });
      for (const k of Object.keys(f) as (keyof typeof f)[]) {
        if (f[k] == null) expect(result.total[k], k).toBeNull();
        else expect(result.total[k], k).toBeCloseTo(f[k]!, 12);
      }
      expect(toFigures(undefined, 0.05).annualCompletionRate).toBeNull();
      // Every sub-region's row: the sums of its own projects (the city's own projects in its own row).
      const regionRows = new Map(result.rows.map((x) => [x.key, x]));
      for (const code of regionCodes) {
        const mine = want.filter(([id]) => projects.find((g) => g.id === id)!.regionCode === code).map(([, e]) => e!.sums);
        const row = regionRows.get(code);
        if (!mine.length) {
          expect(row?.projectCount ?? 0, code).toBe(0);
          continue;
        }
        expect(row, code).toMatchObject({ ...trim(addSums(mine)), projectCount: mine.length });
      }
    });
  }

  it('by county: every county-level region of the province ranked together, each as its sub-region row, the city\'s own projects in their own row', async () => {
    const province = { code: REGIONS.province.code, name: REGIONS.province.name, path: REGIONS.province.path };
    const city = { code: REGIONS.city.code, name: REGIONS.city.name, path: REGIONS.city.path };
    for (const compare of [undefined, 'lastYear'] as const) {
      const byCounty = await computeStats(database.db, { region: province, year: 2024, month: 9, groupBy: 'county', compare, filters: {} });
      const byRegion = await computeStats(database.db, { region: city, year: 2024, month: 9, groupBy: 'region', compare, filters: {} });
      // 聊城's counties and park, then 枣庄's 滕州 (no projects: zeros, no rank), then 聊城市本级.
      expect(byCounty.rows.map((r) => r.key).sort()).toEqual([...regionCodes, REGIONS.tengzhou.code].sort());
      const tengzhou = byCounty.rows.find((r) => r.key === REGIONS.tengzhou.code)!;
      expect(tengzhou).toMatchObject({ label: '滕州市', code: REGIONS.tengzhou.code, regionName: '枣庄市', projectCount: 0, rank: null });
      expect(byCounty.rows.find((r) => r.key === REGIONS.city.code)).toMatchObject({ label: '聊城市本级', code: null, regionName: null });
      expect(byCounty.rows.find((r) => r.key === HIGH_TECH_ZONE.code)).toMatchObject({ label: HIGH_TECH_ZONE.name, regionName: '聊城市' });
      const strip = ({ label: _l, code: _c, regionName: _n, ...x }: (typeof byCounty.rows)[number]) => x;
      for (const r of byRegion.rows) expect(strip(byCounty.rows.find((x) => x.key === r.key)!), r.key).toEqual(strip(r));
      expect(byCounty.total).toEqual({ ...byRegion.total, key: province.code, label: province.name });
      // Ranked by completion rate, highest first, rated rows before unrated ones.
      const rated = byCounty.rows.filter((r) => r.rank != null);
      expect(rated.length).toBeGreaterThan(3);
      expect(rated.map((r) => r.annualCompletionRate)).toEqual(rated.map((r) => r.annualCompletionRate).sort((a, b) => b! - a!));
    }
  });

  it('the month series equals the table computed month by month', async () => {
    const region = { code: REGIONS.city.code, name: REGIONS.city.name, path: REGIONS.city.path };
    const series = await computeStats(database.db, { region, year: 2024, month: 12, groupBy: 'month', filters: {} });
    // The generated data reach every branch: due and reached, due and not, on time and late.
    const t = series.total;
    for (const [due, reached] of [[t.dueToStart, t.started], [t.dueToComplete, t.completedOnTime], [t.dueToProduce, t.producing]] as const) {
      expect(reached).toBeGreaterThan(0);
      expect(due).toBeGreaterThan(reached);
    }
    expect(t.projectCount).toBeGreaterThan(40);
    // Some splits no longer add up to their plan (left over from an earlier plan): they still give
    // the plan's shape, so in December everything planned is due.
    expect(projects.some((g) => { const p = g.plans.get(2024); return p?.monthly && p.monthly.some((v) => v !== '0') && p.planned !== normalizeMoney(p.monthly.reduce((a, v) => a.plus(v), new Decimal(0))); })).toBe(true);
    expect(t.plannedToDate).toBe(t.annualPlan);
    expect(t.timeElapsed).toBe(1);
    for (const m of [1, 4, 7, 12]) {
      const one = await computeStats(database.db, { region, year: 2024, month: m, groupBy: 'region', filters: {} });
      const { key: _k, label: _l, rank: _r, ...a } = series.rows[m - 1]!;
      const { key: _k2, label: _l2, rank: _r2, ...b } = one.total;
      expect(a).toEqual(b);
    }
  });

  it('the sums per region equal the projects\' facts added up, for every month of both years', async () => {
    const city = { regionPath: REGIONS.city.path, regionCode: REGIONS.city.code };
    const county = { regionPath: REGIONS.dongchangfu.path, regionCode: REGIONS.dongchangfu.code };
    const norm = (rows: Awaited<ReturnType<typeof groupSums>>) => rows
      .map((x) => Object.fromEntries(Object.entries(x).map(([k, v]) => [k, typeof v === 'string' && k !== 'key' ? normalizeMoney(v) : v])))
      .sort((a, b) => `${a.key}|${a.month}`.localeCompare(`${b.key}|${b.month}`));
    for (const year of [2023, 2024]) {
      for (const where of [city, county]) {
        for (const dim of ['region', 'county', 'none'] as StatsDim[]) {
          const f = { ...where, year, fromMonth: 1, toMonth: 12 };
          const groups = norm(await groupSums(database.db, dim, f, 'groups'));
          const facts = norm(await groupSums(database.db, dim, f, 'projects'));
          expect(groups.length, `${year} ${where.regionCode} ${dim}`).toBeGreaterThanOrEqual(12);
          expect(groups, `${year} ${where.regionCode} ${dim}`).toEqual(facts);
        }
      }
    }
    await expect(groupSums(database.db, 'industry', { ...city, year: 2024, fromMonth: 1, toMonth: 1 }, 'groups')).rejects.toThrow();
  });
});
