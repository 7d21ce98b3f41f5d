// Roadblock attachments (type by content, ≤ 20 MB, download only to those who see the roadblock),
// the office's working-day adjustments (which move the deadlines) and the per-region settings.
import { deflateRawSync } from 'node:zlib';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { clock } from '../src/server/clock.ts';
import { buildTestApp, login, type Client, type TestApp } from './helpers/app.ts';
import { buildProject, createOrg, createUser, REGIONS, seedTestRegions } from './helpers/factories.ts';
import { rawZip } from './helpers/xlsx.ts';

let t: TestApp;
let office: Client, countyOffice: Client, owner: Client, dept: Client, otherDept: Client;
const ids: Record<string, string> = {};
const realNow = clock.now;
const at = (date: string) => { clock.now = () => new Date(`${date}T10:00:00+08:00`); };

function multipart(file: Buffer, fileName: string) {
  const boundary = '----tuijin' + Math.random().toString(16).slice(2);
  const payload = Buffer.concat([
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: application/octet-stream\r\n\r\n`),
    file, Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { payload, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}
const upload = (cl: Client, file: Buffer, name: string, id = ids.problem) =>
  cl.request({ method: 'POST', url: `/api/v1/problems/${id}/attachments`, ...multipart(file, name) });

const PDF = Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(200, 0x20), Buffer.from('%%EOF\n')]);
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64'); // 1×1
/** The smallest Office container the server takes: the parts list and a document part. */
const part = (name: string, text: string) => ({ name, data: deflateRawSync(Buffer.from(text)), realSize: Buffer.byteLength(text) });
const ZIP = rawZip([part('[Content_Types].xml', '<Types/>'), part('word/document.xml', '<document/>')]);
const OLE = Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(64)]);

beforeAll(async () => {
  t = await buildTestApp();
  const db = t.database.db;
  await seedTestRegions(db);
  const company = await createOrg(db, { name: '聊城化工有限公司', regionCode: REGIONS.dongchangfu.code });
  const land = await createOrg(db, { name: '市自然资源和规划局', kind: 'department', regionCode: REGIONS.city.code });
  const tax = await createOrg(db, { name: '市税务局', kind: 'department', regionCode: REGIONS.city.code });
  const p = await buildProject(db, { stage: 'construction', ownerOrgId: company.id });
  await createUser(db, { username: 'office', role: 'office', regionCode: REGIONS.city.code });
  await createUser(db, { username: 'countyOffice', role: 'office', regionCode: REGIONS.dongchangfu.code });
  await createUser(db, { username: 'owner', role: 'owner', regionCode: REGIONS.dongchangfu.code, orgId: company.id });
  await createUser(db, { username: 'land', role: 'department', regionCode: REGIONS.city.code, orgId: land.id });
  await createUser(db, { username: 'tax', role: 'department', regionCode: REGIONS.city.code, orgId: tax.id });
  [office, countyOffice, owner, dept, otherDept] = (await Promise.all(['office', 'countyOffice', 'owner', 'land', 'tax'].map((u) => login(t.app, u)))) as Client[] as [Client, Client, Client, Client, Client];
  Object.assign(ids, { project: p.id, land: land.id });
  const res = await owner.post('/api/v1/problems', { projectId: p.id, category: 'approvals', severity: 'general', title: '环评批复', description: '等待批复', departmentId: land.id });
  ids.problem = res.json().id;
});
afterEach(() => { clock.now = realNow; });
afterAll(() => t.close());

describe('attachments', () => {
  it('PDF, images and Office documents by their content; the raiser and the department upload', async () => {
    const pdf = await upload(owner, PDF, '用地红线图.pdf');
    expect(pdf.statusCode, pdf.body).toBe(201);
    expect(pdf.json()).toMatchObject({ fileName: '用地红线图.pdf', mimeType: 'application/pdf', size: PDF.length, uploadedBy: 'owner' });
    ids.pdf = pdf.json().id;
    expect((await upload(dept, PNG, 'site.png')).json().mimeType).toBe('image/png');
    expect((await upload(dept, ZIP, '办理情况.docx')).json().mimeType).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    expect((await upload(dept, OLE, '台账.xls')).json().mimeType).toBe('application/vnd.ms-excel');
    const p = (await owner.get(`/api/v1/problems/${ids.problem}`)).json();
    expect(p.attachments.map((a: { fileName: string }) => a.fileName)).toEqual(['用地红线图.pdf', 'site.png', '办理情况.docx', '台账.xls']);
    expect(p.events.filter((e: { action: string }) => e.action === 'attached')).toHaveLength(4);
  });

  it('refuses other content whatever the name, and files over 20 MB', async () => {
    const exe = await upload(owner, Buffer.from('MZ\x90\x00 not a pdf'), 'report.pdf');
    expect(exe.statusCode).toBe(415);
    expect(exe.json().error.details[0]).toMatchObject({ field: 'file' });
    expect((await upload(owner, ZIP, 'archive.zip')).statusCode).toBe(415);
    const big = Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(20 * 1024 * 1024 + 1)]);
    expect((await upload(owner, big, 'big.pdf')).statusCode).toBe(413);
  });

  it('download is scoped: those who see the roadblock get the bytes, others 404', async () => {
    const url = `/api/v1/problems/${ids.problem}/attachments/${ids.pdf}`;
    const res = await dept.get(url);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['content-disposition']).toContain("filename*=UTF-8''%E7%94%A8%E5%9C%B0");
    expect(res.rawPayload.equals(PDF)).toBe(true);
    expect((await otherDept.get(url)).statusCode).toBe(404);
    expect((await otherDept.request({ method: 'POST', url: `/api/v1/problems/${ids.problem}/attachments`, ...multipart(PDF, 'x.pdf') })).statusCode).toBe(404);
  });
});

describe('working-day adjustments', () => {
  it('only the office reads and writes them', async () => {
    expect((await owner.get('/api/v1/workdays/adjustments')).statusCode).toBe(403);
    expect((await dept.put('/api/v1/workdays/adjustments', { items: [] })).statusCode).toBe(403);
    expect((await office.get('/api/v1/workdays/adjustments')).json()).toEqual({ items: [] });
  });

  it('names the bad rows', async () => {
    const res = await office.put('/api/v1/workdays/adjustments', {
      year: 2024, items: [{ date: '2024-10-08', isWorkday: false }, { date: '2024-10-08', isWorkday: true }, { date: '2025-01-02', isWorkday: false }],
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details).toEqual([
      { field: 'items.1.date', message: '日期 2024-10-08 重复' },
      { field: 'items.2.date', message: '日期 2025-01-02 不在 2024 年' },
    ]);
    const bad = await office.put('/api/v1/workdays/adjustments', { items: [{ date: '2024-02-30', isWorkday: 'yes' }] });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details.map((d: { field: string }) => d.field)).toEqual(expect.arrayContaining(['items.0.date', 'items.0.isWorkday']));
  });

  it('an extra day off moves a new roadblock’s accept-by date; replacing the year removes it', async () => {
    const res = await office.put('/api/v1/workdays/adjustments', { year: 2024, items: [{ date: '2024-10-08', isWorkday: false, note: '防汛调休' }] });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().items).toEqual([expect.objectContaining({ date: '2024-10-08', isWorkday: false, note: '防汛调休', updatedBy: 'office' })]);
    at('2024-09-27');
    const raised = await owner.post('/api/v1/problems', { projectId: ids.project, category: 'funding', severity: 'general', title: '资金', description: '说明', departmentId: ids.land });
    expect(raised.json().acceptDue).toBe('2024-10-09');
    await office.put('/api/v1/workdays/adjustments', { year: 2024, items: [] });
    const again = await owner.post('/api/v1/problems', { projectId: ids.project, category: 'funding', severity: 'general', title: '资金', description: '说明', departmentId: ids.land });
    expect(again.json().acceptDue).toBe('2024-10-08');
    const audit = await t.database.pool.query(`select count(*)::int as n from audit_log where action = 'workdays.adjusted'`);
    expect(audit.rows[0].n).toBe(2);
  });
});

describe('problem settings', () => {
  it('defaults, then a county of its own: accept days count from there; the city still has the defaults', async () => {
    expect((await owner.get(`/api/v1/problem-settings?regionCode=${REGIONS.dongchangfu.code}`)).json()).toEqual({
      regionCode: REGIONS.dongchangfu.code, regionName: '东昌府区', acceptDays: 3, escalationDays: [0, 5, 10], inheritedFrom: null,
    });
    expect((await owner.put('/api/v1/problem-settings', { regionCode: REGIONS.dongchangfu.code, acceptDays: 5, escalationDays: [0, 3, 6] })).statusCode).toBe(403);
    const bad = await countyOffice.put('/api/v1/problem-settings', { regionCode: REGIONS.dongchangfu.code, acceptDays: 0, escalationDays: [5, 3] });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details.map((d: { field: string }) => d.field)).toEqual(expect.arrayContaining(['acceptDays', 'escalationDays']));
    expect((await countyOffice.put('/api/v1/problem-settings', { regionCode: REGIONS.city.code, acceptDays: 5, escalationDays: [0, 3, 6] })).statusCode).toBe(403);
    const ok = await countyOffice.put('/api/v1/problem-settings', { regionCode: REGIONS.dongchangfu.code, acceptDays: 5, escalationDays: [0, 3, 6] });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({ acceptDays: 5, escalationDays: [0, 3, 6], inheritedFrom: REGIONS.dongchangfu.code });
    expect((await office.get('/api/v1/problem-settings')).json()).toMatchObject({ regionCode: REGIONS.city.code, acceptDays: 3, inheritedFrom: null });
    at('2024-09-27');
    const raised = await owner.post('/api/v1/problems', { projectId: ids.project, category: 'funding', severity: 'general', title: '资金', description: '说明', departmentId: ids.land });
    // 29 Sep, 30 Sep, 8, 9, 10 Oct.
    expect(raised.json().acceptDue).toBe('2024-10-10');
  });
});
