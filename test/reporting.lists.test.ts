// My reports due, the review queue, all reports; a project's month-by-month series (approved
// figures only, opening balance, plan split, progress status); opening balance on the project.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { annualPlans } from '../src/server/db/schema/index.ts';
import { buildTestApp, login, type Client, type TestApp } from './helpers/app.ts';
import { buildProject, createOrg, createUser, REGIONS, seedTestRegions } from './helpers/factories.ts';
import { fileReport, insertPeriod, insertReport, openPeriod, reportStep } from './helpers/reporting.ts';

let t: TestApp;
let office: Client, unit: Client, owner: Client, viewer: Client, shenOffice: Client;
const ids: Record<string, string> = {};
const Y = 2025; // a past year: all twelve months in the series

beforeAll(async () => {
  t = await buildTestApp();
  const db = t.database.db;
  await seedTestRegions(db);
  const gov = await createOrg(db, { name: '东昌府区人民政府', kind: 'government', regionCode: REGIONS.dongchangfu.code });
  const company = await createOrg(db, { name: '数字经济产业园公司', regionCode: REGIONS.dongchangfu.code });
  const a = await buildProject(db, { code: 'L-A', name: '大数据产业园', stage: 'construction', totalInvestment: '20000', openingInvestment: '1000', ownerOrgId: company.id, responsibleOrgId: gov.id });
  const b = await buildProject(db, { code: 'L-B', name: '冷链物流仓', stage: 'construction', ownerOrgId: company.id, responsibleOrgId: gov.id });
  await buildProject(db, { code: 'L-C', name: '别家项目', stage: 'construction' });
  await db.insert(annualPlans).values({ projectId: a.id, year: Y, plannedInvestment: '1200' });
  await createUser(db, { username: 'office', role: 'office', regionCode: REGIONS.city.code });
  await createUser(db, { username: 'shen', role: 'office', regionCode: REGIONS.shen.code });
  await createUser(db, { username: 'unit', role: 'unit', regionCode: REGIONS.dongchangfu.code, orgId: gov.id });
  await createUser(db, { username: 'owner', role: 'owner', regionCode: REGIONS.dongchangfu.code, orgId: company.id });
  await createUser(db, { username: 'viewer', role: 'viewer', regionCode: REGIONS.dongchangfu.code });
  [office, shenOffice, unit, owner, viewer] = (await Promise.all(['office', 'shen', 'unit', 'owner', 'viewer'].map((u) => login(t.app, u)))) as [Client, Client, Client, Client, Client];
  // January–March approved (100, 200, 50 + a draft in April that must not count); May closed with nothing.
  for (const [m, inv] of [[1, '100'], [2, '200'], [3, '50']] as const) {
    const per = await insertPeriod(db, { regionCode: REGIONS.city.code, year: Y, month: m, status: 'closed' });
    await insertReport(db, { projectId: a.id, period: per, investment: inv, fundsBySource: { government: inv }, progressText: `${m}月形象进度` });
  }
  const april = await insertPeriod(db, { regionCode: REGIONS.city.code, year: Y, month: 4, status: 'closed' });
  await insertReport(db, { projectId: a.id, period: april, investment: '999', status: 'draft' });
  await insertPeriod(db, { regionCode: REGIONS.city.code, year: Y, month: 5, status: 'closed' });
  const open = await openPeriod(office, { year: 2026, month: 6 });
  Object.assign(ids, { a: a.id, b: b.id, open: open.id });
});
afterAll(() => t.close());

describe('report lists', () => {
  it('due: the owner’s and the unit’s projects in open periods not yet submitted; read-only roles have none', async () => {
    const due = (await owner.get('/api/v1/reports?view=due')).json().items;
    expect(due.map((r: { projectCode: string; status: string; periodId: string }) => `${r.projectCode}:${r.status}`)).toEqual(['L-A:missing', 'L-B:missing']);
    expect(due[0]).toMatchObject({ periodLabel: '2026年6月', deadline: '2026-06-25', overdue: true, reportId: null });
    expect((await unit.get('/api/v1/reports?view=due')).json().items).toHaveLength(2);
    expect((await office.get('/api/v1/reports?view=due')).json().items).toHaveLength(3);
    expect((await viewer.get('/api/v1/reports?view=due')).json().items).toEqual([]);
    expect((await shenOffice.get('/api/v1/reports?view=due')).json().items).toEqual([]);
  });

  it('review: submitted reports the caller may approve; a submitted report leaves the due list', async () => {
    await fileReport(owner, ids.a!, ids.open!, { investment: '10' });
    await reportStep(owner, ids.a!, ids.open!, 'submit');
    expect((await owner.get('/api/v1/reports?view=due')).json().items.map((r: { projectCode: string }) => r.projectCode)).toEqual(['L-B']);
    expect((await owner.get('/api/v1/reports?view=review')).json().items).toEqual([]);
    const review = (await unit.get('/api/v1/reports?view=review')).json().items;
    expect(review.map((r: { projectCode: string; status: string }) => `${r.projectCode}:${r.status}`)).toEqual(['L-A:submitted']);
    expect((await office.get('/api/v1/reports?view=review')).json().items).toHaveLength(1);
  });

  it('all: stored reports in scope, filtered by period and status', async () => {
    const all = (await viewer.get('/api/v1/reports')).json().items;
    expect(all).toHaveLength(5);
    expect((await viewer.get(`/api/v1/reports?view=all&status=approved`)).json().items).toHaveLength(3);
    expect((await viewer.get(`/api/v1/reports?view=all&periodId=${ids.open}`)).json().items.map((r: { status: string }) => r.status)).toEqual(['submitted']);
    expect((await shenOffice.get('/api/v1/reports')).json().items).toEqual([]);
  });
});

describe('a project’s series', () => {
  it('sums approved reports month by month, with the opening balance and time-elapsed progress', async () => {
    const res = await viewer.get(`/api/v1/projects/${ids.a}/reports?year=${Y}`);
    expect(res.statusCode, res.body).toBe(200);
    const s = res.json();
    expect(s).toMatchObject({ year: Y, annualPlan: '1200', totalInvestment: '20000', openingInvestment: '1000', monthlyPlan: null });
    expect(s.months).toHaveLength(12);
    const [jan, feb, mar, apr, may] = s.months;
    expect(jan).toMatchObject({ month: 1, investment: '100', ytdInvestment: '100', cumulativeInvestment: '1100', plannedToDate: '100', reportStatus: 'approved', progressText: '1月形象进度' });
    expect(jan.timeElapsed).toBeCloseTo(1 / 12);
    expect(jan.annualCompletionRate).toBeCloseTo(100 / 1200);
    expect(jan.progressStatus).toBe('on_schedule');
    expect(feb).toMatchObject({ ytdInvestment: '300', fundsArrived: '200', ytdFundsArrived: '300', progressStatus: 'ahead' });
    expect(mar).toMatchObject({ ytdInvestment: '350', cumulativeInvestment: '1350' });
    // April's draft does not count; May had a period and no report.
    expect(apr).toMatchObject({ investment: '0', ytdInvestment: '350', reportStatus: 'draft' });
    expect(may).toMatchObject({ reportStatus: 'missing', progressText: null });
    expect(s.months[11]).toMatchObject({ month: 12, ytdInvestment: '350', reportStatus: null, progressStatus: 'lagging' });
    expect(s.reports.map((r: { periodLabel: string; status: string }) => `${r.periodLabel}:${r.status}`)).toEqual([
      `${Y}年1月:approved`, `${Y}年2月:approved`, `${Y}年3月:approved`, `${Y}年4月:draft`, `${Y}年5月:missing`,
    ]);
  });

  it('a monthly plan split sets time-elapsed progress; no plan gives no rate', async () => {
    await t.database.pool.query(`update annual_plans set monthly = $2 where project_id = $1`, [ids.a, ['300', '300', '300', '300', '0', '0', '0', '0', '0', '0', '0', '0']]);
    const s = (await viewer.get(`/api/v1/projects/${ids.a}/reports?year=${Y}`)).json();
    expect(s.monthlyPlan[0]).toBe('300');
    expect(s.months[0]).toMatchObject({ plannedToDate: '300', timeElapsed: 0.25, progressStatus: 'lagging' });
    const b = (await viewer.get(`/api/v1/projects/${ids.b}/reports?year=${Y}`)).json();
    expect(b.annualPlan).toBeNull();
    expect(b.months[0]).toMatchObject({ annualCompletionRate: null, progressStatus: null, plannedToDate: null });
  });

  it('without a year opens the latest year the project reported in, else this year', async () => {
    const db = t.database.db;
    const old = await buildProject(db, { code: 'L-O', name: '老项目', stage: 'construction', regionCode: REGIONS.dongchangfu.code });
    const p2023 = await insertPeriod(db, { regionCode: REGIONS.city.code, year: 2023, month: 6, status: 'closed' });
    await insertReport(db, { projectId: old.id, period: p2023, investment: '10', status: 'approved' });
    expect((await viewer.get(`/api/v1/projects/${old.id}/reports`)).json()).toMatchObject({ year: 2023 });
    const fresh = await buildProject(db, { code: 'L-N', name: '新入库项目', stage: 'construction', regionCode: REGIONS.dongchangfu.code });
    const thisYear = Number(new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 4));
    expect((await viewer.get(`/api/v1/projects/${fresh.id}/reports`)).json().year).toBe(thisYear);
  });

  it('is scoped like the project', async () => {
    expect((await shenOffice.get(`/api/v1/projects/${ids.a}/reports`)).statusCode).toBe(404);
  });
});

describe('opening balance on the project', () => {
  it('is part of the Project contract and can be set on create and update', async () => {
    expect((await viewer.get(`/api/v1/projects/${ids.a}`)).json()).toMatchObject({ openingInvestment: '1000', openingFundsArrived: '0' });
    const created = await office.post('/api/v1/projects', {
      code: 'L-NEW', name: '中途纳入项目', regionCode: REGIONS.dongchangfu.code, level: 'municipal', category: 'industrial', industry: 'digital',
      totalInvestment: 5000, openingInvestment: '1500.5', openingFundsArrived: 1200,
    });
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json()).toMatchObject({ openingInvestment: '1500.5', openingFundsArrived: '1200' });
    const patched = await office.patch(`/api/v1/projects/${created.json().id}`, { openingInvestment: '1600' });
    expect(patched.json().openingInvestment).toBe('1600');
    expect((await office.patch(`/api/v1/projects/${created.json().id}`, { openingInvestment: '-1' })).statusCode).toBe(400);
  });
});
