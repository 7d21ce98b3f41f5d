// The report workflow through the API: draft → submitted → returned (with a reason) → resubmitted →
// approved; optimistic versions; the checks and their field names; who may do what; the history.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, login, type Client, type TestApp } from './helpers/app.ts';
import { buildProject, createOrg, createUser, REGIONS, seedTestRegions } from './helpers/factories.ts';
import { fileReport, insertMilestone, openPeriod, reportStep, reportUrl } from './helpers/reporting.ts';

let t: TestApp;
let office: Client, unit: Client, owner: Client, viewer: Client, otherOwner: Client;
const ids: Record<string, string> = {};
const Y = 2026;

beforeAll(async () => {
  t = await buildTestApp();
  const db = t.database.db;
  await seedTestRegions(db);
  const gov = await createOrg(db, { name: '东昌府区人民政府', kind: 'government', regionCode: REGIONS.dongchangfu.code });
  const company = await createOrg(db, { name: '聊城锂电科技有限公司', regionCode: REGIONS.dongchangfu.code });
  const other = await createOrg(db, { name: '另一家公司', regionCode: REGIONS.dongchangfu.code });
  const p = await buildProject(db, { name: '锂电池回收项目', stage: 'construction', totalInvestment: '10000', openingInvestment: '2000', ownerOrgId: company.id, responsibleOrgId: gov.id });
  const done = await buildProject(db, { name: '已投产项目', stage: 'production', ownerOrgId: company.id, responsibleOrgId: gov.id });
  const start = await insertMilestone(db, { projectId: p.id, name: '主体开工', kind: 'start', plannedDate: `${Y}-03-01` });
  await createUser(db, { username: 'office', role: 'office', regionCode: REGIONS.city.code });
  await createUser(db, { username: 'unit', role: 'unit', regionCode: REGIONS.dongchangfu.code, orgId: gov.id });
  await createUser(db, { username: 'owner', role: 'owner', regionCode: REGIONS.dongchangfu.code, orgId: company.id });
  await createUser(db, { username: 'owner2', role: 'owner', regionCode: REGIONS.dongchangfu.code, orgId: other.id });
  await createUser(db, { username: 'viewer', role: 'viewer', regionCode: REGIONS.dongchangfu.code });
  [office, unit, owner, viewer, otherOwner] = (await Promise.all(['office', 'unit', 'owner', 'viewer', 'owner2'].map((u) => login(t.app, u)))) as [Client, Client, Client, Client, Client];
  const period = await openPeriod(office, { year: Y, month: 3 });
  Object.assign(ids, { project: p.id, done: done.id, milestone: start.id, period: period.id });
});
afterAll(() => t.close());

const url = (tail = '') => reportUrl(ids.project!, ids.period!, tail);

describe('a report before anything is saved', () => {
  it('reads as an empty draft at version 0 with its context and what the caller may do', async () => {
    const res = await owner.get(url());
    expect(res.statusCode).toBe(200);
    const r = res.json();
    expect(r).toMatchObject({ id: null, version: 0, status: 'draft', investment: '0', fundsArrived: '0', year: Y, month: 3, periodLabel: `${Y}年3月` });
    expect(r.context).toMatchObject({ projectName: '锂电池回收项目', totalInvestment: '10000', cumulativeBefore: '2000', ytdBefore: '0' });
    expect(r.context.milestones.map((m: { name: string }) => m.name)).toEqual(['主体开工']);
    expect(r.permissions).toMatchObject({ canEdit: true, canSubmit: false, canApprove: false });
    expect((await unit.get(url())).json().permissions).toMatchObject({ canEdit: true, canApprove: false });
    expect((await viewer.get(url())).json().permissions).toMatchObject({ canEdit: false, canApprove: false, canReturn: false });
  });
});

describe('saving', () => {
  it('creates the report at version 1; fundsArrived is the sum of the sources', async () => {
    const res = await owner.put(url(), { version: 0, investment: '500', fundsBySource: { government: '100', bankLoans: 200.5 }, progressText: '主体结构施工' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ version: 1, status: 'draft', investment: '500', fundsArrived: '300.5', fundsBySource: { government: '100', bankLoans: '200.5' } });
  });

  it('refuses a stale version with a clear conflict', async () => {
    const res = await owner.put(url(), { version: 0, investment: '600' });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.message).toBe('该报告已被他人修改（当前版本 1），请刷新后重试');
    expect(res.json().error.details[0].field).toBe('version');
  });

  it('two people saving version 1 at once: one wins, the other gets the conflict, nothing is lost silently', async () => {
    const [a, b] = await Promise.all([
      owner.put(url(), { version: 1, investment: '510', progressText: '业主填写' }),
      unit.put(url(), { version: 1, investment: '520', progressText: '责任单位代填' }),
    ]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([200, 409]);
    const winner = a.statusCode === 200 ? a.json() : b.json();
    const loser = a.statusCode === 409 ? a.json() : b.json();
    expect(loser.error.message).toContain('当前版本 2');
    const now = (await owner.get(url())).json();
    expect(now.version).toBe(2);
    expect(now.investment).toBe(winner.investment);
  });

  it('names the field of every failed check', async () => {
    const cases: [object, string, RegExp][] = [
      [{ investment: '-5' }, 'investment', /不能为负数/],
      [{ investment: '1', fundsBySource: { selfRaised: '-1' } }, 'fundsBySource.selfRaised', /不能为负数/],
      // 2000 opening + 8001 > 10000 total
      [{ investment: '8001' }, 'investment', /超过项目总投资/],
      [{ investment: '100', fundsBySource: { government: '301' } }, 'fundsBySource', /3 倍/],
      [{ investment: '1', milestoneDates: [{ milestoneId: ids.milestone, actualDate: '2099-01-01' }] }, 'milestoneDates.0.actualDate', /晚于今天/],
      [{ investment: '1', milestoneDates: [{ milestoneId: '00000000-0000-4000-8000-000000000000', actualDate: `${Y}-03-02` }] }, 'milestoneDates.0.milestoneId', /不属于本项目/],
    ];
    for (const [body, field, message] of cases) {
      const res = await owner.put(url(), { version: 2, ...body });
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      const err = res.json().error;
      expect(err.code).toBe('validation_failed');
      expect(err.details.map((d: { field: string }) => d.field)).toContain(field);
      expect(err.message).toMatch(message);
    }
    expect((await owner.get(url())).json().version).toBe(2);
  });

  it('refuses a report for a project that is not active, naming its stage', async () => {
    const res = await owner.put(reportUrl(ids.done!, ids.period!), { version: 0, investment: '1' });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.message).toBe('项目处于「投产」阶段，无需填报调度进度');
  });

  it('lets neither a viewer nor the owner of another project write', async () => {
    expect((await viewer.put(url(), { version: 2, investment: '1' })).statusCode).toBe(403);
    expect((await otherOwner.put(url(), { version: 2, investment: '1' })).statusCode).toBe(403);
    const submit = await viewer.post(url('/submit'));
    expect(submit.statusCode, submit.body).toBe(403);
  });
});

describe('the workflow', () => {
  it('submit → the owner can no longer edit and may not approve', async () => {
    await fileReport(owner, ids.project!, ids.period!, {
      investment: '800', fundsBySource: { government: '300' }, progressText: '主体结构封顶',
      milestoneDates: [{ milestoneId: ids.milestone!, actualDate: `${Y}-03-05` }],
    });
    const r = await reportStep(owner, ids.project!, ids.period!, 'submit');
    expect(r.status).toBe('submitted');
    expect(r.submittedAt).toBeTruthy();
    const edit = await owner.put(url(), { version: r.version, investment: '1' });
    expect(edit.statusCode).toBe(409);
    expect(edit.json().error.message).toContain('待审核');
    const approve = await owner.post(url('/approve'), {});
    expect(approve.statusCode).toBe(403);
    expect(approve.json().error.message).toBe('仅责任单位或项目办可审核进度报告');
  });

  it('return needs a reason; the owner fixes and resubmits; the unit approves', async () => {
    expect((await unit.post(url('/return'), { reason: '' })).statusCode).toBe(400);
    const returned = await reportStep(unit, ids.project!, ids.period!, 'return', { reason: '到位资金来源需补充银行贷款' });
    expect(returned).toMatchObject({ status: 'returned', returnReason: '到位资金来源需补充银行贷款' });
    // The unit may file on the owner's behalf, so it may edit a returned report as well.
    expect(returned.permissions).toMatchObject({ canEdit: true, canApprove: false, canReturn: false });
    const ownerView = (await owner.get(url())).json();
    expect(ownerView.permissions.canEdit).toBe(true);
    await fileReport(owner, ids.project!, ids.period!, {
      investment: '800', fundsBySource: { government: '300', bankLoans: '200' }, progressText: '主体结构封顶',
      milestoneDates: [{ milestoneId: ids.milestone!, actualDate: `${Y}-03-05` }],
    });
    // A stale version on submit is refused too.
    expect((await owner.post(url('/submit'), { version: 1 })).statusCode).toBe(409);
    await reportStep(owner, ids.project!, ids.period!, 'submit');
    const approved = await reportStep(unit, ids.project!, ids.period!, 'approve');
    expect(approved).toMatchObject({ status: 'approved', returnReason: null, fundsArrived: '500' });
    expect((await unit.post(url('/approve'), {})).statusCode).toBe(409);
  });

  it('approval writes the milestone date and the project’s actual start', async () => {
    const { rows } = await t.database.pool.query('select actual_date::text from project_milestones where id = $1', [ids.milestone]);
    expect(rows[0].actual_date).toBe(`${Y}-03-05`);
    const proj = (await office.get(`/api/v1/projects/${ids.project}`)).json();
    expect(proj.actualStart).toBe(`${Y}-03-05`);
  });

  it('keeps who did what and when, with the figures at each step, and audits every step', async () => {
    const r = (await viewer.get(url())).json();
    expect(r.events.map((e: { action: string }) => e.action)).toEqual([
      'saved', 'saved', 'saved', 'submitted', 'returned', 'saved', 'submitted', 'approved',
    ]);
    const returned = r.events.find((e: { action: string }) => e.action === 'returned');
    expect(returned).toMatchObject({ username: 'unit', reason: '到位资金来源需补充银行贷款', investment: '800', fundsArrived: '300' });
    expect(r.events.at(-1)).toMatchObject({ username: 'unit', fundsArrived: '500' });
    const { rows } = await t.database.pool.query(`select action, username from audit_log where entity_type = 'report' order by id`);
    expect(rows.map((x: { action: string }) => x.action)).toEqual([
      'report.saved', 'report.saved', 'report.saved', 'report.submitted', 'report.returned', 'report.saved', 'report.submitted', 'report.approved',
    ]);
  });

  it('an approved report can still be returned while the period is open', async () => {
    const r = await reportStep(office, ids.project!, ids.period!, 'return', { reason: '复核发现投资口径有误' });
    expect(r.status).toBe('returned');
  });
});
