// GET /api/v1/stats against hand-computed figures: the data set is described in helpers/stats.ts
// (buildStatsExample); every expected number below is worked out from it by hand.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { statsResult } from '../src/contract/stats.ts';
import { INDUSTRY_LABELS } from '../src/domain/labels.ts';
import { buildTestApp, login, type Client, type TestApp } from './helpers/app.ts';
import { createUser, HIGH_TECH_ZONE, REGIONS } from './helpers/factories.ts';
import { setReport, setUpStatsExample } from './helpers/stats.ts';

let t: TestApp;
let city: Client;
let dcf: Client;
let gaotang: Client;
const P = {} as Record<'A' | 'B' | 'C' | 'D' | 'E' | 'F' | 'G' | 'H', string>;
const R: Record<string, string> = {};
let leader1 = '';
let unit1 = '';
let batchX = '';
let batchY = '';

beforeAll(async () => {
  t = await buildTestApp();
  const db = t.database.db;
  const ex = await setUpStatsExample(db);
  await createUser(db, { username: 'gaotang', role: 'office', regionCode: REGIONS.gaotang.code });
  Object.assign(P, ex.P);
  Object.assign(R, ex.reports);
  ({ leader1, unit1, batchX, batchY } = ex);
  city = await login(t.app, 'city');
  dcf = await login(t.app, 'dcf');
  gaotang = await login(t.app, 'gaotang');
});
afterAll(() => t.close());

type Row = Record<string, unknown> & { key: string; label: string; rank: number | null };
const get = async (c: Client, qs: string) => {
  const res = await c.get(`/api/v1/stats?${qs}`);
  expect(res.statusCode, res.body).toBe(200);
  // The answer goes out unchecked (sendShaped): it is its schema's shape, nothing to strip or refuse.
  expect(statsResult.parse(res.json()), qs).toEqual(res.json());
  return res.json() as { regionCode: string; regionName: string; year: number; month: number; tolerance: number; total: Row; rows: Row[] };
};
const byKey = (rows: Row[]) => Object.fromEntries(rows.map((r) => [r.key, r]));

describe('the city by region, 2024-09', () => {
  it('total: sums of approved reports only, monthly split in the time-elapsed progress', async () => {
    const s = await get(city, 'region=371500&year=2024&month=9');
    expect(s).toMatchObject({ regionCode: '371500', regionName: '聊城市', year: 2024, month: 9, tolerance: 0.15 });
    expect(s.total).toMatchObject({
      key: '371500', label: '聊城市', rank: null,
      projectCount: 5, // A B C E G
      totalInvestment: '46000',
      annualPlan: '5400',
      plannedToDate: '3750', // 900 + 600 (split) + 1800 + 0 + 450
      ytdInvestment: '2750', // 600 + 600 + 1500 + 50
      ytdFundsArrived: '1900', // 300 + 1000 + 600
      monthInvestment: '2100', // 300 + 300 + 1500
      cumulativeInvestment: '4300', // A 1000+150+400+600, B 600, C 1500, E 50
      cumulativeFundsArrived: '2800', // A 800+100+300, B 1000, C 600
      dueToStart: 1, started: 1,
      dueToComplete: 2, completedOnTime: 1,
      dueToProduce: 1, producing: 1,
      startRate: 1, onTimeCompletionRate: 0.5, productionRate: 1,
      reportedCount: 3,
      lastYear: null,
    });
    expect(s.total.timeElapsed).toBeCloseTo(3750 / 5400, 12);
    expect(s.total.annualCompletionRate).toBeCloseTo(2750 / 5400, 12);
    expect(s.total.fundArrivalRate).toBeCloseTo(1900 / 5400, 12);
    expect(s.total.cumulativeCompletionRate).toBeCloseTo(4300 / 46000, 12);
    expect(s.total.cumulativeFundArrivalRate).toBeCloseTo(2800 / 46000, 12);
    expect(s.total.gap).toBeCloseTo(2750 / 5400 - 3750 / 5400, 12);
    expect(s.total.progressStatus).toBe('lagging'); // −18.5 points, beyond 15
  });

  it('rows: every child region plus the city itself, ranked by completion rate, "—" where there is no plan', async () => {
    const s = await get(city, 'region=371500&year=2024&month=9');
    expect(s.rows.map((r) => [r.key, r.label, r.rank])).toEqual([
      ['371522', '莘县', 1], // 1500/2400 = 0.625
      ['371502', '东昌府区', 2], // 1200/2400 = 0.5
      ['371500', '聊城市本级', 3], // 0/600
      ['371526', '高唐县', null], // no plan
      ['371572', HIGH_TECH_ZONE.name, null], // nothing at all
    ]);
    const r = byKey(s.rows);
    // 东昌府区: 序时 (900 + 600) / 2400 = 0.625, not 9/12, because B's plan is split by month.
    expect(r['371502']).toMatchObject({ projectCount: 2, annualPlan: '2400', plannedToDate: '1500', timeElapsed: 0.625, annualCompletionRate: 0.5, gap: -0.125, progressStatus: 'on_schedule' });
    expect(r['371522']).toMatchObject({ projectCount: 1, annualCompletionRate: 0.625, timeElapsed: 0.75, productionRate: 1, startRate: null, progressStatus: 'on_schedule' });
    expect(r['371526']).toMatchObject({
      projectCount: 1, annualPlan: '0', ytdInvestment: '50', timeElapsed: null, annualCompletionRate: null, fundArrivalRate: null,
      gap: null, progressStatus: null, startRate: null, onTimeCompletionRate: null, productionRate: null, cumulativeCompletionRate: 50 / 3000,
    });
    expect(r['371572']).toMatchObject({ projectCount: 0, totalInvestment: '0', annualCompletionRate: null, cumulativeCompletionRate: null });
    expect(r['371500']).toMatchObject({ projectCount: 1, annualCompletionRate: 0, timeElapsed: 0.75, progressStatus: 'lagging' });
  });

  it('the rows add up to the total (no project twice, none missing)', async () => {
    const s = await get(city, 'region=371500&year=2024&month=9');
    const add = (k: string) => s.rows.reduce((sum, r) => sum + Number(r[k]), 0);
    for (const k of ['projectCount', 'totalInvestment', 'annualPlan', 'plannedToDate', 'ytdInvestment', 'ytdFundsArrived', 'monthInvestment',
      'cumulativeInvestment', 'cumulativeFundsArrived', 'dueToStart', 'started', 'dueToComplete', 'completedOnTime', 'dueToProduce', 'producing', 'reportedCount']) {
      expect(add(k), k).toBe(Number(s.total[k]));
    }
  });

  it('rolls up: a county row of the city equals the county asked for itself', async () => {
    const cityView = byKey((await get(city, 'region=371500&year=2024&month=9')).rows)['371502']!;
    const county = await get(city, 'region=371502&year=2024&month=9');
    const { key: _k, label: _l, rank: _r, ...figures } = cityView;
    const { key: _k2, label: _l2, rank: _r2, ...own } = county.total;
    expect(own).toEqual(figures);
    expect(county.rows).toEqual([expect.objectContaining({ key: '371502', label: '东昌府区本级', projectCount: 2 })]);
  });
});

describe('other groupings', () => {
  it('by county: every county-level region in scope ranked together, with its city; a county sees its own', async () => {
    const s = await get(city, 'region=371500&year=2024&month=9&groupBy=county');
    const byRegion = byKey((await get(city, 'region=371500&year=2024&month=9')).rows);
    expect(s.rows.length).toBeGreaterThan(3);
    for (const r of s.rows) {
      const { label: _l, code: _c, regionName: _n, ...figures } = r;
      const { label: _l2, code: _c2, regionName: _n2, ...same } = byRegion[r.key]!;
      expect(figures, r.key).toEqual(same);
      if (r.code) expect(r).toMatchObject({ code: r.key, regionName: '聊城市' });
    }
    expect(s.rows.map((r) => r.key).sort()).toEqual(Object.keys(byRegion).sort());
    // A county's office sees its own county only, also when it asks for the city; another county is 404.
    expect((await get(dcf, 'groupBy=county')).rows.map((r) => r.key)).toEqual(['371502']);
    expect((await get(dcf, 'region=371500&groupBy=county')).rows.map((r) => r.key)).toEqual(['371502']);
    expect((await dcf.get('/api/v1/stats?region=371522&groupBy=county')).statusCode).toBe(404);
  });

  it('by project: each project with its code and region, ranked', async () => {
    const s = await get(city, 'region=371500&year=2024&month=9&groupBy=project');
    const r = byKey(s.rows);
    expect(Object.keys(r).sort()).toEqual([P.A, P.B, P.C, P.E, P.G].sort());
    expect(r[P.A]).toMatchObject({ label: '甲项目', regionName: '东昌府区', ytdInvestment: '600', plannedToDate: '900', cumulativeInvestment: '2150', annualCompletionRate: 0.5, timeElapsed: 0.75, startRate: 1, onTimeCompletionRate: 0 });
    expect(r[P.B]).toMatchObject({ ytdInvestment: '600', plannedToDate: '600', timeElapsed: 0.5, annualCompletionRate: 0.5, progressStatus: 'on_schedule', startRate: null, onTimeCompletionRate: 1 });
    expect(r[P.A]!.code).toMatch(/^T\d+/);
    expect(s.rows.map((x) => x.rank)).toEqual([1, 2, 2, 4, null]); // C 0.625, A and B 0.5, G 0, E —
  });

  it('by industry, level and category: labels in Chinese, sums per group', async () => {
    const ind = byKey((await get(city, 'region=371500&year=2024&month=9&groupBy=industry')).rows);
    expect(Object.keys(ind).sort()).toEqual(['chemicals', 'equipment', 'food']);
    expect(ind.chemicals).toMatchObject({ projectCount: 2, annualPlan: '3600', ytdInvestment: '2100' }); // A + C
    expect(ind.food).toMatchObject({ projectCount: 2, annualPlan: '600', ytdInvestment: '50' }); // E + G
    expect(ind.chemicals!.label).toBe(INDUSTRY_LABELS.chemicals);
    const lvl = byKey((await get(city, 'region=371500&year=2024&month=9&groupBy=level')).rows);
    expect(lvl.provincial).toMatchObject({ projectCount: 1, ytdInvestment: '600' });
    expect(lvl.municipal).toMatchObject({ projectCount: 4 });
    const cat = byKey((await get(city, 'region=371500&year=2024&month=9&groupBy=category')).rows);
    expect(cat.infrastructure).toMatchObject({ projectCount: 1, annualCompletionRate: 0.625 });
    expect(cat.social).toMatchObject({ projectCount: 1, annualPlan: '600' });
    expect(cat.industrial).toMatchObject({ projectCount: 3 });
  });

  it('by leader and unit: names, and 未指定 for projects without one', async () => {
    const l = byKey((await get(city, 'region=371500&year=2024&month=9&groupBy=leader')).rows);
    expect(l[leader1]).toMatchObject({ label: '王立新', projectCount: 2, ytdInvestment: '2100' });
    expect(l.none).toMatchObject({ label: '未指定', projectCount: 2 });
    const u = byKey((await get(city, 'region=371500&year=2024&month=9&groupBy=unit')).rows);
    expect(u[unit1]).toMatchObject({ label: '东昌府区发改局', projectCount: 1 });
    expect(u.none).toMatchObject({ projectCount: 4 });
  });

  it('by batch: a project in two batches counts in each, the total only once', async () => {
    const s = await get(city, 'region=371500&year=2024&month=9&groupBy=batch');
    const b = byKey(s.rows);
    expect(b[batchX]).toMatchObject({ label: '春季集中开工', projectCount: 2, ytdInvestment: '1200' }); // A B
    expect(b[batchY]).toMatchObject({ label: '秋季集中开工', projectCount: 2, ytdInvestment: '2100' }); // B C
    expect(b.none).toMatchObject({ label: '未列入活动', projectCount: 2 }); // E G
    expect(s.total).toMatchObject({ projectCount: 5, ytdInvestment: '2750' });
  });

  it('drill-down filters narrow the population', async () => {
    const s = await get(city, `region=371500&year=2024&month=9&groupBy=project&batchId=${batchY}`);
    expect(s.rows.map((r) => r.key).sort()).toEqual([P.B, P.C].sort());
    const f = await get(city, `region=371500&year=2024&month=9&industry=chemicals&leaderId=${leader1}`);
    expect(f.total).toMatchObject({ projectCount: 2, ytdInvestment: '2100' });
  });

  it('month by month: the figures at each month end, 1..m, no rank', async () => {
    const s = await get(city, 'region=371500&year=2024&month=9&groupBy=month');
    expect(s.rows.map((r) => r.key)).toEqual(['2024-01', '2024-02', '2024-03', '2024-04', '2024-05', '2024-06', '2024-07', '2024-08', '2024-09']);
    expect(s.rows[0]!.label).toBe('2024年1月');
    expect(s.rows.every((r) => r.rank === null)).toBe(true);
    // January: A 100; planned A 100 + B 0 + C 200 + G 50; B's completion was due on 1 January and came on the 20th.
    expect(s.rows[0]).toMatchObject({ ytdInvestment: '100', monthInvestment: '100', plannedToDate: '350', dueToComplete: 1, completedOnTime: 1, reportedCount: 1 });
    expect(s.rows[2]).toMatchObject({ ytdInvestment: '350', monthInvestment: '200', cumulativeInvestment: '1900' }); // + E Feb 50; cum 1000+150+400+300+50
    // March: A's start is due (planned 03-15) but came in April.
    expect(s.rows[2]).toMatchObject({ dueToStart: 1, started: 0, startRate: 0 });
    expect(s.rows[3]).toMatchObject({ dueToStart: 1, started: 1 });
    expect(s.rows[7]).toMatchObject({ ytdInvestment: '650', monthInvestment: '200', dueToProduce: 1, producing: 0 }); // August: the submitted 999 does not count
    const { key: _k, label: _l, rank: _r, ...sep } = s.rows[8]!;
    const { key: _k2, label: _l2, rank: _r2, ...total } = s.total;
    expect(sep).toEqual(total);
  });

  it('against the same month last year', async () => {
    const s = await get(city, 'region=371500&year=2024&month=9&compare=lastYear');
    // 2023: only A had a plan (800); Jun 150 by September; cumulative 1000 + 150.
    expect(s.total.lastYear).toMatchObject({ projectCount: 1, annualPlan: '800', ytdInvestment: '150', cumulativeInvestment: '1150', annualCompletionRate: 0.1875 });
    const r = byKey(s.rows);
    expect(r['371502']!.lastYear).toMatchObject({ projectCount: 1, ytdInvestment: '150' });
    expect(r['371522']!.lastYear).toMatchObject({ projectCount: 0, annualCompletionRate: null });
    const m = await get(city, 'region=371500&year=2024&month=9&groupBy=month&compare=lastYear');
    expect(m.rows[5]!.lastYear).toMatchObject({ ytdInvestment: '150', monthInvestment: '150' }); // June 2023
  });
});

describe('defaults and access', () => {
  it('defaults: the caller\'s region and the latest period with approved reports in it', async () => {
    const s = await get(city, '');
    expect(s).toMatchObject({ regionCode: '371500', year: 2024, month: 10 }); // A's October report
    expect(s.total).toMatchObject({ ytdInvestment: '3250', monthInvestment: '500' });
    const g = await get(gaotang, '');
    expect(g).toMatchObject({ regionCode: '371526', year: 2024, month: 2, tolerance: 0.15 }); // only E's February report
    const y = await get(city, 'year=2023');
    expect(y).toMatchObject({ year: 2023, month: 12 });
  });

  it('defaults to the latest locked period: an open month with a few approvals is not yet the default', async () => {
    const db = t.database.db;
    await db.execute(sql`UPDATE reporting_periods SET status = 'open' WHERE region_code = '371500' AND year = 2024 AND month = 10`);
    try {
      expect(await get(city, '')).toMatchObject({ year: 2024, month: 9 });
      // Asked for explicitly, the open month still answers with its approved reports.
      expect((await get(city, 'year=2024&month=10')).total).toMatchObject({ monthInvestment: '500' });
    } finally {
      await db.execute(sql`UPDATE reporting_periods SET status = 'closed' WHERE region_code = '371500' AND year = 2024 AND month = 10`);
    }
  });

  it('a county user: their own county; the city answers for their county only; another county is 404', async () => {
    const own = await get(dcf, 'year=2024&month=9');
    expect(own).toMatchObject({ regionCode: '371502', regionName: '东昌府区' });
    expect(own.total).toMatchObject({ projectCount: 2, ytdInvestment: '1200' });
    const up = await get(dcf, 'region=371500&year=2024&month=9');
    expect(up).toMatchObject({ regionCode: '371502', regionName: '东昌府区' });
    expect(up.total).toEqual(own.total);
    for (const code of ['371522', '370481', '370400', '999999']) {
      const res = await dcf.get(`/api/v1/stats?region=${code}&year=2024&month=9`);
      expect(res.statusCode, code).toBe(404);
      expect(res.json().error.message).toContain('区域');
    }
    const bad = await dcf.get('/api/v1/stats?groupBy=owner');
    expect(bad.statusCode).toBe(400);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/stats' })).statusCode).toBe(401);
  });
});

describe('the figures follow the reports', () => {
  it('a corrected report changes the figures; a report no longer approved leaves them', async () => {
    const db = t.database.db;
    await setReport(db, R.A9!, { investment: '700', funds: '150', corrected: true });
    let s = await get(city, 'region=371500&year=2024&month=9');
    expect(s.total).toMatchObject({ ytdInvestment: '3150', monthInvestment: '2500', cumulativeInvestment: '4700' });
    await setReport(db, R.C9!, { status: 'returned' });
    s = await get(city, 'region=371500&year=2024&month=9');
    expect(s.total).toMatchObject({ ytdInvestment: '1650', ytdFundsArrived: '1300', reportedCount: 2 });
    expect(byKey(s.rows)['371522']).toMatchObject({ annualCompletionRate: 0, rank: 2 });
    await setReport(db, R.A9!, { investment: '300', corrected: false });
    await setReport(db, R.C9!, { status: 'approved' });
  });
});
