// The cockpit on the demo city: every figure equals the page it comes from — the statistics API for
// the same region and period (total, sub-regions or projects, the month series this year and last),
// the cards summary and red list, the roadblock statistics, the batch events — for the city and for
// one county; the targets' validation, audit, inheritance, scope and write rights.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../src/server/db/seed/demo.ts';
import { DEMO_PASSWORD } from '../src/server/db/seed/demo.users.ts';
import { cockpitResult, type CockpitResult } from '../src/contract/cockpit.ts';
import { statsResult, type StatsResult, type StatsRow } from '../src/contract/stats.ts';
import { buildTestApp, login, type Client, type TestApp } from './helpers/app.ts';

let t: TestApp;
let office: Client;
let viewer: Client;
let unit: Client;
let city: CockpitResult;

const ok = async <T>(c: Client, url: string): Promise<T> => {
  const res = await c.get(url);
  expect(res.statusCode, `${url}: ${res.body}`).toBe(200);
  // The cockpit and the statistics go out unchecked (sendShaped): each answer is its schema's shape.
  const schema = url.startsWith('/api/v1/cockpit?') || url === '/api/v1/cockpit' ? cockpitResult : url.startsWith('/api/v1/stats?') ? statsResult : null;
  if (schema) expect(schema.parse(res.json()), url).toEqual(res.json());
  return res.json() as T;
};
const cockpitOf = (c: Client, qs = '') => ok<CockpitResult>(c, `/api/v1/cockpit${qs ? `?${qs}` : ''}`);
const statsOf = (c: Client, qs: string) => ok<StatsResult>(c, `/api/v1/stats?${qs}`);
const figuresOf = ({ key: _k, label: _l, rank: _r, code: _c, regionName: _n, lastYear: _y, ...f }: StatsRow) => f;

beforeAll(async () => {
  t = await buildTestApp();
  await seedDemo(t.database.db);
  office = await login(t.app, 'office', DEMO_PASSWORD);
  viewer = await login(t.app, 'viewer', DEMO_PASSWORD);
  unit = await login(t.app, 'unit', DEMO_PASSWORD);
  city = await cockpitOf(office);
});
afterAll(() => t.close());

/** Every statistics figure of the cockpit against GET /stats for the same region and period. */
async function expectSameAsStats(c: CockpitResult) {
  const qs = `region=${c.regionCode}&year=${c.year}&month=${c.month}`;
  const groupBy = c.ranking.kind;
  const [byGroup, months, lastYear] = await Promise.all([
    statsOf(office, `${qs}&groupBy=${groupBy}`),
    statsOf(office, `${qs}&groupBy=month`),
    statsOf(office, `region=${c.regionCode}&year=${c.year - 1}&month=12&groupBy=month`),
  ]);
  expect(c.total).toEqual(figuresOf(byGroup.total));
  expect(c.tolerance).toBe(byGroup.tolerance);
  expect(c.ranking.rows.map(({ drill: _d, ...r }) => r)).toEqual(byGroup.rows);
  const rates = { start: c.total.startRate, investment: c.total.annualCompletionRate, funds: c.total.fundArrivalRate, onTime: c.total.onTimeCompletionRate };
  for (const g of c.gauges) expect(g.rate, g.key).toBe(rates[g.key]);

  expect(c.series.thisYear.year).toBe(c.year);
  expect(c.series.thisYear.points).toHaveLength(12);
  months.rows.forEach((m, i) => {
    expect(c.series.thisYear.points[i], m.label).toEqual({
      month: i + 1, annualPlan: m.annualPlan, plannedToDate: m.plannedToDate, ytdInvestment: m.ytdInvestment,
      timeElapsed: m.timeElapsed, annualCompletionRate: m.annualCompletionRate,
    });
  });
  for (const p of c.series.thisYear.points.slice(c.month)) expect(p.ytdInvestment).toBeNull();
  // The month shown closes the curve at the total.
  expect(c.series.thisYear.points[c.month - 1]!.ytdInvestment).toBe(c.total.ytdInvestment);
  expect(c.series.lastYear.points.map((p) => [p.plannedToDate, p.ytdInvestment])).toEqual(lastYear.rows.map((m) => [m.plannedToDate, m.ytdInvestment]));
}

describe('the city', () => {
  it('opens on the statistics’ default period and equals GET /stats to the 万元', async () => {
    const stats = await statsOf(office, 'groupBy=region');
    expect(city).toMatchObject({ regionCode: '371500', regionName: '聊城市', year: stats.year, month: stats.month, parentCode: null });
    expect(city.ranking.kind).toBe('region');
    expect(city.ranking.rows.length).toBeGreaterThan(5);
    expect(city.ranking.rows.every((r) => r.drill === 'cockpit')).toBe(true);
    expect(city.total.projectCount).toBeGreaterThan(100);
    expect(Number(city.total.ytdInvestment)).toBeGreaterThan(0);
    expect(city.series.lastYear.year).toBe(city.year - 1);
    await expectSameAsStats(city);
  });

  it('shows the cards summary and the red list of the period', async () => {
    expect(city.cards.periodId).not.toBeNull();
    const summary = await ok<{ total: unknown; periodLabel: string }>(office, `/api/v1/cards/summary?periodId=${city.cards.periodId}&region=371500`);
    expect(city.cards.total).toEqual(summary.total);
    // The month alone: the period's own name carries the city's, which in a county's cockpit would mislead.
    expect(summary.periodLabel).toBe(`聊城市${city.cards.periodLabel}`);
    expect(city.cards.periodLabel).toBe(`${city.year}年${city.month}月`);
    const red = await ok<{ items: { id: string }[]; total: number }>(office, `/api/v1/cards?periodId=${city.cards.periodId}&region=371500&color=red&sort=score&pageSize=10`);
    expect(city.cards.total.red).toBe(red.total);
    expect(city.cards.red.map((c) => c.cardId)).toEqual(red.items.map((c) => c.id));
    expect(city.cards.red.length).toBeGreaterThan(0);
    for (const c of city.cards.red) expect(c.reason, c.projectName).not.toBe('');
  });

  it('counts roadblocks as the roadblock statistics do, and the escalated ones by level', async () => {
    const stats = await ok<{ total: unknown; rows: unknown[] }>(office, '/api/v1/problems/stats?region=371500&groupBy=region');
    expect(city.roadblocks.total).toEqual(stats.total);
    expect(city.roadblocks.rows).toEqual(stats.rows);
    for (const l of city.roadblocks.byLevel) {
      const exact = await ok<{ total: number }>(office, `/api/v1/problems?region=371500&status=unsolved&minLevel=${l.level}&pageSize=1`);
      const above = l.level < 3 ? await ok<{ total: number }>(office, `/api/v1/problems?region=371500&status=unsolved&minLevel=${l.level + 1}&pageSize=1`) : { total: 0 };
      expect(l.open, l.label).toBe(exact.total - above.total);
    }
    const escalated = await ok<{ total: number }>(office, '/api/v1/problems?region=371500&status=unsolved&minLevel=1&pageSize=1');
    expect(city.roadblocks.escalated).toBe(escalated.total);
    expect(city.roadblocks.total.open).toBeGreaterThan(0);
  });

  it('lists the year’s batch events with the batches page’s totals', async () => {
    const { items } = await ok<{ items: { id: string; projectCount: number; totalInvestment: string; kind: string }[] }>(office, `/api/v1/batches?year=${city.year}`);
    expect(city.batches.items.length).toBe(items.length);
    expect(items.length).toBeGreaterThan(0);
    for (const b of items) {
      const mine = city.batches.items.find((x) => x.id === b.id)!;
      expect(mine).toMatchObject({ projectCount: b.projectCount, totalInvestment: b.totalInvestment, eventProjectCount: b.projectCount });
    }
    for (const total of city.batches.totals) expect(total.events).toBe(items.filter((b) => b.kind === total.kind).length);
  });
});

describe('a county', () => {
  let county: CockpitResult;
  beforeAll(async () => {
    const code = [...city.ranking.rows].sort((a, b) => b.projectCount - a.projectCount)[0]!.key;
    county = await cockpitOf(office, `region=${code}&year=${city.year}&month=${city.month}`);
  });

  it('equals GET /stats for the county, its projects ranked and leading to their cards', async () => {
    expect(county.parentCode).toBe('371500');
    expect(county.ranking.kind).toBe('project');
    expect(county.ranking.rows.every((r) => r.drill === 'project')).toBe(true);
    expect(county.total.projectCount).toBe(county.ranking.rows.length);
    await expectSameAsStats(county);
    const { drill: _d, ...row } = city.ranking.rows.find((r) => r.key === county.regionCode)!;
    expect(county.total).toEqual(figuresOf(row));
  });

  it('counts the county’s cards and roadblocks', async () => {
    const summary = await ok<{ total: unknown }>(office, `/api/v1/cards/summary?periodId=${county.cards.periodId}&region=${county.regionCode}`);
    expect(county.cards.total).toEqual(summary.total);
    const problems = await ok<{ total: unknown }>(office, `/api/v1/problems/stats?region=${county.regionCode}&groupBy=region`);
    expect(county.roadblocks.total).toEqual(problems.total);
  });

  it('is what a county user sees by default, and another county is not found', async () => {
    const own = await cockpitOf(unit, `year=${city.year}&month=${city.month}`);
    const other = city.ranking.rows.find((r) => r.key !== own.regionCode)!.key;
    const res = await unit.get(`/api/v1/cockpit?region=${other}`);
    expect(res.statusCode).toBe(404);
    expect((await unit.get(`/api/v1/cockpit/targets?region=${other}`)).statusCode).toBe(404);
    // Asking for the city answers with the caller's own county, as the statistics do.
    const up = await cockpitOf(unit, `region=371500&year=${city.year}&month=${city.month}`);
    expect(up.regionCode).toBe(own.regionCode);
    expect(own.parentCode).toBeNull();
  });
});

describe('targets', () => {
  const url = (qs: string) => `/api/v1/cockpit/targets?${qs}`;

  it('defaults when none are set', async () => {
    expect(city.targets).toMatchObject({ source: 'default', startRate: 100, investmentRate: 100, fundsRate: 90, onTimeRate: 100, canEdit: true });
    const inv = city.gauges.find((g) => g.key === 'investment')!;
    expect(inv.target).toBe(1);
    expect(inv.targetToDate).toBeCloseTo(city.total.timeElapsed!, 10);
    const viewed = await ok<{ canEdit: boolean }>(viewer, url(`year=${city.year}`));
    expect(viewed.canEdit).toBe(false);
  });

  it('refuses bad values naming the field', async () => {
    const res = await office.put(url(`region=371500&year=${city.year}`), { startRate: -1, investmentRate: 'x', fundsRate: 90.123, onTimeRate: 250 });
    expect(res.statusCode).toBe(400);
    const fields = (res.json() as { error: { details: { field: string; message: string }[] } }).error.details;
    expect(fields.map((d) => d.field).sort()).toEqual(['fundsRate', 'investmentRate', 'onTimeRate', 'startRate']);
    expect(fields.find((d) => d.field === 'startRate')!.message).toContain('开工率目标');
    const noYear = await office.put(url('region=371500'), { startRate: 100, investmentRate: 100, fundsRate: 90, onTimeRate: 100 });
    expect(noYear.statusCode).toBe(400);
    expect(noYear.body).toContain('year');
  });

  it('lets the office set them (audited), counties inherit them, others may not write', async () => {
    const body = { startRate: 95, investmentRate: 110, fundsRate: 85.5, onTimeRate: 90 };
    expect((await viewer.put(url(`region=371500&year=${city.year}`), body)).statusCode).toBe(403);
    expect((await unit.put(url(`year=${city.year}`), body)).statusCode).toBe(403);
    const res = await office.put(url(`region=371500&year=${city.year}`), body);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ ...body, source: 'own', regionCode: '371500', year: city.year, updatedBy: '市发改委项目办' });
    const audit = await t.database.pool.query(`select before, after, note from audit_log where action = 'cockpit.targets_set'`);
    expect(audit.rows).toHaveLength(1);
    expect(audit.rows[0]).toMatchObject({ before: null, after: body });

    const again = await cockpitOf(office, `year=${city.year}&month=${city.month}`);
    const inv = again.gauges.find((g) => g.key === 'investment')!;
    expect(inv.target).toBeCloseTo(1.1, 10);
    expect(inv.targetToDate).toBeCloseTo(1.1 * city.total.timeElapsed!, 10);
    expect(again.gauges.find((g) => g.key === 'start')!.targetToDate).toBeCloseTo(0.95, 10);

    const county = await ok<{ source: string; fromRegionCode: string; startRate: number }>(unit, url(`year=${city.year}`));
    expect(county).toMatchObject({ source: 'inherited', fromRegionCode: '371500', startRate: 95 });
    const otherYear = await ok<{ source: string }>(office, url(`year=${city.year + 1}`));
    expect(otherYear.source).toBe('default');
  });
});
