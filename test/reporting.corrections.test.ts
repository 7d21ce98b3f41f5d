// Corrections after a period is locked: a reason, office approval, the earlier figures kept in the
// correction and the events, the report changed (and so the figures read from approved reports);
// late filing through a correction; one pending correction at a time; negative write-backs.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, login, type Client, type TestApp } from './helpers/app.ts';
import { buildProject, createOrg, createUser, REGIONS, seedTestRegions } from './helpers/factories.ts';
import { approvedReport, insertPeriod, openPeriod, reportUrl } from './helpers/reporting.ts';

let t: TestApp;
let office: Client, unit: Client, owner: Client, shenOffice: Client;
const ids: Record<string, string> = {};
const Y = 2026;

beforeAll(async () => {
  t = await buildTestApp();
  const db = t.database.db;
  await seedTestRegions(db);
  const gov = await createOrg(db, { name: '东昌府区人民政府', kind: 'government', regionCode: REGIONS.dongchangfu.code });
  const company = await createOrg(db, { name: '聊城化工有限公司', regionCode: REGIONS.dongchangfu.code });
  const a = await buildProject(db, { code: 'C-A', name: '化工延链项目', stage: 'construction', totalInvestment: '5000', ownerOrgId: company.id, responsibleOrgId: gov.id });
  const b = await buildProject(db, { code: 'C-B', name: '迟报项目', stage: 'construction', totalInvestment: '5000', ownerOrgId: company.id, responsibleOrgId: gov.id });
  await createUser(db, { username: 'office', role: 'office', regionCode: REGIONS.city.code });
  await createUser(db, { username: 'shen', role: 'office', regionCode: REGIONS.shen.code });
  await createUser(db, { username: 'unit', role: 'unit', regionCode: REGIONS.dongchangfu.code, orgId: gov.id });
  await createUser(db, { username: 'owner', role: 'owner', regionCode: REGIONS.dongchangfu.code, orgId: company.id });
  [office, shenOffice, unit, owner] = (await Promise.all(['office', 'shen', 'unit', 'owner'].map((u) => login(t.app, u)))) as [Client, Client, Client, Client];
  const p = await openPeriod(office, { year: Y, month: 2 });
  await approvedReport(owner, unit, a.id, p.id, '1200', { government: '1000' });
  // A later approved period: a correction of February must still fit the total with it.
  const march = await insertPeriod(db, { regionCode: REGIONS.city.code, year: Y, month: 3, status: 'closed' });
  await approvedReport(owner, unit, a.id, (await openPeriod(office, { year: Y, month: 4 })).id, '3000');
  Object.assign(ids, { a: a.id, b: b.id, feb: p.id, march: march.id });
});
afterAll(() => t.close());

const ytd = async () => {
  const { rows } = await t.database.pool.query(`select coalesce(sum(investment), 0)::text as s from progress_reports where project_id = $1 and status = 'approved'`, [ids.a]);
  return rows[0].s as string;
};

describe('before the lock', () => {
  it('a correction of an open period is refused: edit the report instead', async () => {
    const res = await owner.post(reportUrl(ids.a!, ids.feb!, '/corrections'), { reason: '数字填错需要更正', investment: '1000' });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.message).toContain('请直接修改报告');
  });
});

describe('after the lock', () => {
  beforeAll(async () => {
    expect((await office.post(`/api/v1/periods/${ids.feb}/close`)).statusCode).toBe(200);
  });

  it('needs a reason; checks still apply (total investment with the later periods)', async () => {
    const noReason = await owner.post(reportUrl(ids.a!, ids.feb!, '/corrections'), { reason: '错', investment: '1000' });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().error.details[0].field).toBe('reason');
    // 2500 + 3000 (April) > 5000
    const tooMuch = await owner.post(reportUrl(ids.a!, ids.feb!, '/corrections'), { reason: '补录漏报的设备投资', investment: '2500' });
    expect(tooMuch.statusCode).toBe(400);
    expect(tooMuch.json().error.details[0].field).toBe('investment');
  });

  it('a write-back may be negative; the request leaves the report unchanged until approved', async () => {
    const res = await owner.post(reportUrl(ids.a!, ids.feb!, '/corrections'), { reason: '统计口径调整，冲减重复计入的设备款', investment: '-200', fundsBySource: { government: '80' } });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ status: 'pending', reason: '统计口径调整，冲减重复计入的设备款', before: { investment: '1200', fundsArrived: '1000' }, proposed: { investment: '-200', fundsArrived: '80' } });
    const r = (await owner.get(reportUrl(ids.a!, ids.feb!))).json();
    expect(r).toMatchObject({ status: 'approved', investment: '1200', corrected: false });
    expect(r.corrections.map((c: { id: string }) => c.id)).toEqual([res.json().id]);
    expect(r.permissions).toMatchObject({ canRequestCorrection: false, canDecideCorrection: false });
    expect((await office.get(reportUrl(ids.a!, ids.feb!))).json().permissions.canDecideCorrection).toBe(true);
    ids.c1 = res.json().id;
    expect(await ytd()).toBe('4200.0000');
  });

  it('one pending correction at a time', async () => {
    const res = await unit.post(reportUrl(ids.a!, ids.feb!, '/corrections'), { reason: '再次更正一下数字', investment: '100' });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.message).toContain('待审批');
  });

  it('only the office in scope decides: not the unit, not the owner, not another county', async () => {
    expect((await unit.post(`/api/v1/report-corrections/${ids.c1}/approve`, {})).statusCode).toBe(403);
    expect((await owner.post(`/api/v1/report-corrections/${ids.c1}/approve`, {})).statusCode).toBe(403);
    expect((await shenOffice.post(`/api/v1/report-corrections/${ids.c1}/approve`, {})).statusCode).toBe(404);
    expect((await shenOffice.get('/api/v1/report-corrections')).json().items).toEqual([]);
    const pending = (await office.get('/api/v1/report-corrections?status=pending')).json().items;
    expect(pending.map((c: { id: string; periodLabel: string; projectCode: string }) => [c.id, c.periodLabel, c.projectCode])).toEqual([[ids.c1, `${Y}年2月`, 'C-A']]);
  });

  it('approval changes the report; the earlier figures stay in the correction and the events', async () => {
    const res = await office.post(`/api/v1/report-corrections/${ids.c1}/approve`, { note: '同意' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ status: 'approved', decisionNote: '同意', before: { investment: '1200' }, proposed: { investment: '-200' } });
    const r = (await owner.get(reportUrl(ids.a!, ids.feb!))).json();
    expect(r).toMatchObject({ status: 'approved', investment: '-200', fundsArrived: '80', corrected: true });
    expect(r.events.slice(-2).map((e: { action: string; investment: string }) => [e.action, e.investment])).toEqual([
      ['correction_requested', '1200'], ['correction_approved', '-200'],
    ]);
    expect(r.events.find((e: { action: string }) => e.action === 'approved').investment).toBe('1200');
    // Statistics read approved reports: the sum follows the correction.
    expect(await ytd()).toBe('2800.0000');
    const { rows } = await t.database.pool.query(`select before->>'investment' as b, after->>'investment' as a from audit_log where action = 'report.correction_approved'`);
    expect(rows).toEqual([{ b: '1200', a: '-200' }]);
    expect((await office.post(`/api/v1/report-corrections/${ids.c1}/approve`, {})).statusCode).toBe(409);
  });

  it('a rejection needs a reason and changes nothing', async () => {
    const c = (await owner.post(reportUrl(ids.a!, ids.feb!, '/corrections'), { reason: '再次核对后调整', investment: '50' })).json();
    expect((await office.post(`/api/v1/report-corrections/${c.id}/reject`, { note: '' })).statusCode).toBe(400);
    const res = await office.post(`/api/v1/report-corrections/${c.id}/reject`, { note: '依据不足' });
    expect(res.json()).toMatchObject({ status: 'rejected', decisionNote: '依据不足' });
    expect((await owner.get(reportUrl(ids.a!, ids.feb!))).json().investment).toBe('-200');
  });

  it('a project that never reported files late through a correction, approved by the office', async () => {
    const res = await owner.post(reportUrl(ids.b!, ids.march!, '/corrections'), { reason: '3月漏报，现补报', investment: '300', progressText: '补报：场地平整完成' });
    expect(res.statusCode, res.body).toBe(201);
    expect((await owner.get(reportUrl(ids.b!, ids.march!))).json()).toMatchObject({ status: 'draft', version: 0, investment: '0' });
    const c = res.json();
    await office.post(`/api/v1/report-corrections/${c.id}/approve`, {});
    const r = (await owner.get(reportUrl(ids.b!, ids.march!))).json();
    expect(r).toMatchObject({ status: 'approved', investment: '300', corrected: true, progressText: '补报：场地平整完成', version: 1 });
  });
});
