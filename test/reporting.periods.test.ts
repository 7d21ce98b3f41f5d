// Periods through the API: opening rules (duplicate, overlap with an ancestor's or a descendant's
// period, too far ahead, cadence and seq), closing and the lock, list scoping and counts, the period
// page, reminders and the xlsx lists; region settings with inheritance.
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { todayIso } from '../src/domain/dates.ts';
import { projectTeamMembers } from '../src/server/db/schema/index.ts';
import { buildTestApp, login, type Client, type TestApp } from './helpers/app.ts';
import { buildProject, createOrg, createUser, REGIONS, seedTestRegions } from './helpers/factories.ts';
import { fileReport, openPeriod, reportStep, reportUrl } from './helpers/reporting.ts';

let t: TestApp;
let cityOffice: Client, dongOffice: Client, shenOffice: Client, unit: Client, owner: Client, viewer: Client;
const ids: Record<string, string> = {};
const Y = 2026;

beforeAll(async () => {
  t = await buildTestApp();
  const db = t.database.db;
  await seedTestRegions(db);
  const gov = await createOrg(db, { name: '东昌府区人民政府', kind: 'government', regionCode: REGIONS.dongchangfu.code });
  const company = await createOrg(db, { name: '=HYPERLINK("x")科技公司', regionCode: REGIONS.dongchangfu.code });
  const a = await buildProject(db, { code: 'DCF-A', name: '东昌府区在建项目', stage: 'construction', ownerOrgId: company.id, responsibleOrgId: gov.id });
  const b = await buildProject(db, { code: 'DCF-B', name: '东昌府区前期项目', stage: 'preparation', ownerOrgId: company.id, responsibleOrgId: gov.id });
  await buildProject(db, { code: 'DCF-R', name: '东昌府区储备项目', stage: 'reserve' });
  const s = await buildProject(db, { code: 'SX-A', name: '莘县在建项目', regionCode: REGIONS.shen.code, stage: 'construction' });
  await db.insert(projectTeamMembers).values({ projectId: a.id, name: '张联络', role: 'contact', phone: '13800000000' });
  await createUser(db, { username: 'city', role: 'office', regionCode: REGIONS.city.code });
  await createUser(db, { username: 'dong', role: 'office', regionCode: REGIONS.dongchangfu.code });
  await createUser(db, { username: 'shen', role: 'office', regionCode: REGIONS.shen.code });
  await createUser(db, { username: 'unit', role: 'unit', regionCode: REGIONS.dongchangfu.code, orgId: gov.id });
  await createUser(db, { username: 'owner', role: 'owner', regionCode: REGIONS.dongchangfu.code, orgId: company.id });
  await createUser(db, { username: 'viewer', role: 'viewer', regionCode: REGIONS.dongchangfu.code });
  [cityOffice, dongOffice, shenOffice, unit, owner, viewer] = (await Promise.all(['city', 'dong', 'shen', 'unit', 'owner', 'viewer'].map((u) => login(t.app, u)))) as Client[] as [Client, Client, Client, Client, Client, Client];
  Object.assign(ids, { a: a.id, b: b.id, s: s.id });
});
afterAll(() => t.close());

describe('settings', () => {
  it('defaults, then a city setting inherited by its counties, then a county of its own', async () => {
    expect((await viewer.get('/api/v1/reporting-settings')).json()).toMatchObject({ regionCode: '371502', cadence: 'monthly', deadlineDay: 25, progressTolerance: 0.05, fundsRatioLimit: 3, inheritedFrom: null });
    const put = await cityOffice.put('/api/v1/reporting-settings', { regionCode: '371500', cadence: 'monthly', deadlineDay: 20, progressTolerance: 0.08, fundsRatioLimit: 4 });
    expect(put.statusCode, put.body).toBe(200);
    expect((await viewer.get('/api/v1/reporting-settings')).json()).toMatchObject({ regionCode: '371502', deadlineDay: 20, progressTolerance: 0.08, inheritedFrom: '371500' });
    // A county reads its city's settings; it may not change them.
    expect((await viewer.get('/api/v1/reporting-settings?regionCode=371500')).statusCode).toBe(200);
    expect((await dongOffice.put('/api/v1/reporting-settings', { regionCode: '371500', cadence: 'weekly', deadlineDay: 20, progressTolerance: 0.05, fundsRatioLimit: 3 })).statusCode).toBe(403);
    expect((await viewer.put('/api/v1/reporting-settings', { regionCode: '371502', cadence: 'weekly', deadlineDay: 20, progressTolerance: 0.05, fundsRatioLimit: 3 })).statusCode).toBe(403);
    const bad = await shenOffice.put('/api/v1/reporting-settings', { regionCode: '371522', cadence: 'daily', deadlineDay: 40, progressTolerance: 0.05, fundsRatioLimit: 3 });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details.map((d: { field: string }) => d.field)).toEqual(expect.arrayContaining(['cadence', 'deadlineDay']));
    expect((await shenOffice.put('/api/v1/reporting-settings', { regionCode: '371522', cadence: 'semimonthly', deadlineDay: 25, progressTolerance: 0.05, fundsRatioLimit: 3 })).statusCode).toBe(200);
    expect((await shenOffice.get('/api/v1/reporting-settings')).json()).toMatchObject({ cadence: 'semimonthly', inheritedFrom: '371522' });
    const { rows } = await t.database.pool.query(`select count(*)::int as n from audit_log where action = 'reporting_settings.updated'`);
    expect(rows[0].n).toBe(2);
  });
});

describe('opening', () => {
  it('opens a monthly city period with the deadline from the settings', async () => {
    const p = await openPeriod(cityOffice, { year: Y, month: 3 });
    expect(p).toMatchObject({ year: Y, month: 3, status: 'open', startsOn: `${Y}-03-01`, endsOn: `${Y}-03-31`, deadline: `${Y}-03-20` });
    ids.march = p.id;
  });

  it('refuses the same period twice, and overlaps with an ancestor’s or a descendant’s period', async () => {
    const dup = await cityOffice.post('/api/v1/periods', { year: Y, month: 3 });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().error.message).toContain('已存在');
    const child = await dongOffice.post('/api/v1/periods', { year: Y, month: 3 });
    expect(child.statusCode).toBe(409);
    expect(child.json().error.message).toContain('上级区域「聊城市」');
    const p = await openPeriod(dongOffice, { year: Y, month: 4 });
    ids.dongApril = p.id;
    const parent = await cityOffice.post('/api/v1/periods', { year: Y, month: 4 });
    expect(parent.statusCode).toBe(409);
    expect(parent.json().error.message).toContain('下级区域「东昌府区」');
    // 莘县 is a sibling: no overlap. It reports half-monthly (its own settings).
    const half = await openPeriod(shenOffice, { year: Y, month: 4, seq: 2 });
    expect(half).toMatchObject({ startsOn: `${Y}-04-16`, endsOn: `${Y}-04-30`, deadline: `${Y}-04-30` });
    const tooMany = await shenOffice.post('/api/v1/periods', { year: Y, month: 4, seq: 3 });
    expect(tooMany.statusCode).toBe(400);
    expect(tooMany.json().error.details[0].field).toBe('seq');
  });

  it('refuses a period starting more than a month ahead, and callers who may not open it', async () => {
    const [y, m] = todayIso().split('-').map(Number) as [number, number];
    const ahead = m >= 11 ? { year: y + 1, month: m - 10 } : { year: y, month: m + 2 };
    const res = await cityOffice.post('/api/v1/periods', ahead);
    expect(res.statusCode).toBe(400);
    expect(res.json().error.message).toContain('超过一个月');
    expect((await viewer.post('/api/v1/periods', { year: Y, month: 5 })).statusCode).toBe(403);
    expect((await dongOffice.post('/api/v1/periods', { year: Y, month: 5, regionCode: '371522' })).statusCode).toBe(403);
    const bad = await cityOffice.post('/api/v1/periods', { year: Y, month: 13 });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details[0].field).toBe('month');
  });
});

describe('lists and counts', () => {
  it('a county sees its city’s periods and its own; not a sibling’s', async () => {
    const dong = (await viewer.get(`/api/v1/periods?year=${Y}`)).json().items.map((p: { regionCode: string; month: number }) => `${p.regionCode}-${p.month}`);
    expect(dong.sort()).toEqual(['371500-3', '371502-4']);
    const city = (await cityOffice.get(`/api/v1/periods?year=${Y}`)).json().items;
    expect(city).toHaveLength(3);
    expect((await viewer.get(`/api/v1/periods/${(city as { regionCode: string; id: string }[]).find((p) => p.regionCode === '371522')!.id}`)).statusCode).toBe(404);
  });

  it('counts the active projects the caller can see, with their report status', async () => {
    await fileReport(owner, ids.a!, ids.march!, { investment: '100' });
    await reportStep(owner, ids.a!, ids.march!, 'submit');
    const city = (await cityOffice.get(`/api/v1/periods/${ids.march}`)).json();
    expect(city.counts).toEqual({ expected: 3, draft: 0, submitted: 1, approved: 0, returned: 0, missing: 2 });
    const dong = (await viewer.get(`/api/v1/periods/${ids.march}`)).json();
    expect(dong.counts).toEqual({ expected: 2, draft: 0, submitted: 1, approved: 0, returned: 0, missing: 1 });
  });

  it('the period page lists the expected projects with status and contact, filtered', async () => {
    const page = (await viewer.get(`/api/v1/periods/${ids.march}/projects`)).json();
    expect(page.period.id).toBe(ids.march);
    expect(page.items.map((r: { code: string; status: string }) => `${r.code}:${r.status}`)).toEqual(['DCF-A:submitted', 'DCF-B:missing']);
    expect(page.items[0]).toMatchObject({ contactName: '张联络', contactPhone: '13800000000', investment: '100', responsibleUnit: '东昌府区人民政府' });
    const notReported = (await cityOffice.get(`/api/v1/periods/${ids.march}/projects?status=notReported`)).json();
    expect(notReported.items.map((r: { code: string }) => r.code)).toEqual(['DCF-B', 'SX-A']);
    expect((await cityOffice.get(`/api/v1/periods/${ids.march}/projects?q=莘县`)).json().items.map((r: { code: string }) => r.code)).toEqual(['SX-A']);
  });
});

describe('reminders', () => {
  it('records one reminder per project not yet submitted and returns a message to paste', async () => {
    const res = await cityOffice.post(`/api/v1/periods/${ids.march}/reminders`, {});
    expect(res.statusCode, res.body).toBe(200);
    const r = res.json();
    expect(r.count).toBe(2);
    expect(r.items.map((i: { code: string; remindCount: number }) => `${i.code}:${i.remindCount}`)).toEqual(['DCF-B:1', 'SX-A:1']);
    expect(r.message).toContain('【催报通知】聊城市');
    expect(r.message).toContain('东昌府区前期项目（DCF-B，未填报）');
    expect(r.message).toContain(`截止日期为${Y}年3月20日，`);
    // The unit reminds only its own projects.
    const u = (await unit.post(`/api/v1/periods/${ids.march}/reminders`, {})).json();
    expect(u.items.map((i: { code: string; remindCount: number }) => `${i.code}:${i.remindCount}`)).toEqual(['DCF-B:2']);
    expect((await owner.post(`/api/v1/periods/${ids.march}/reminders`, {})).statusCode).toBe(403);
    expect((await viewer.post(`/api/v1/periods/${ids.march}/reminders`, {})).statusCode).toBe(403);
    const { rows } = await t.database.pool.query('select count(*)::int as n from report_reminders');
    expect(rows[0].n).toBe(3);
  });

  it('exports the reminder list and the period table; text that looks like a formula stays text', async () => {
    const res = await cityOffice.get(`/api/v1/periods/${ids.march}/reminders.xlsx`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    expect(ws.getRow(1).values).toEqual([undefined, '项目编码', '项目名称', '项目单位', '责任单位', '联系人', '联系电话', '填报状态', '已催报次数']);
    const rows = ws.getSheetValues().slice(2).map((r) => (r as unknown[]).slice(1));
    expect(rows.map((r) => [r[0], r[6], r[7]])).toEqual([['DCF-B', '未填报', 2], ['SX-A', '未填报', 1]]);
    expect(rows[0]![2]).toBe(`'=HYPERLINK("x")科技公司`);
    const table = await viewer.get(`/api/v1/periods/${ids.march}/projects.xlsx`);
    expect(table.statusCode).toBe(200);
    const wb2 = new ExcelJS.Workbook();
    await wb2.xlsx.load(table.rawPayload as unknown as ArrayBuffer);
    const codes = wb2.worksheets[0]!.getColumn(1).values.slice(2);
    expect(codes).toEqual(['DCF-A', 'DCF-B']);
    expect(wb2.worksheets[0]!.getRow(2).getCell(9).value).toBe(100);
    // The submission time is China time (UTC+8) to the minute, as an office reads it, not an ISO instant.
    const { rows: sub } = await t.database.pool.query(`select submitted_at from progress_reports where project_id = $1`, [ids.a]);
    const at = new Date(new Date(sub[0].submitted_at).getTime() + 8 * 3600_000).toISOString();
    expect(wb2.worksheets[0]!.getRow(2).getCell(11).value).toBe(`${at.slice(0, 10)} ${at.slice(11, 16)}`);
    expect(wb2.worksheets[0]!.getRow(3).getCell(11).value).toBeNull();
  });
});

describe('closing', () => {
  it('only the office whose scope holds the period closes it, once', async () => {
    expect((await dongOffice.post(`/api/v1/periods/${ids.march}/close`)).statusCode).toBe(403);
    const res = await cityOffice.post(`/api/v1/periods/${ids.march}/close`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ status: 'closed' });
    expect(res.json().closedAt).toBeTruthy();
    const again = await cityOffice.post(`/api/v1/periods/${ids.march}/close`);
    expect(again.statusCode).toBe(409);
    expect(again.json().error.message).toContain('不能重复锁定');
  });

  it('a closed period is locked: no save, submit, approve or return; reminders too', async () => {
    const r = (await owner.get(reportUrl(ids.a!, ids.march!))).json();
    expect(r.permissions).toMatchObject({ canEdit: false, canApprove: false, canRequestCorrection: true });
    for (const [c, tail, body] of [
      [owner, '', { version: r.version, investment: '1' }], [owner, '/submit', {}], [unit, '/approve', {}], [unit, '/return', { reason: '锁定后退回' }],
    ] as const) {
      const res = tail ? await c.post(reportUrl(ids.a!, ids.march!, tail), body) : await c.put(reportUrl(ids.a!, ids.march!), body);
      expect(res.statusCode, `${tail} ${res.body}`).toBe(409);
      expect(res.json().error.message).toContain('已锁定');
    }
    expect((await cityOffice.post(`/api/v1/periods/${ids.march}/reminders`, {})).statusCode).toBe(409);
    expect((await cityOffice.get(`/api/v1/periods?status=closed`)).json().items.map((p: { id: string }) => p.id)).toEqual([ids.march]);
  });
});
