// Roadblock statistics and the city dispatch meeting's list, on rows put straight in the tables:
// counts, on-time rate, average days to solve and ageing against hand-worked figures at a fixed
// day; slowest first; scope by region and, for department users, by routing; the Word and Excel
// exports.
import { inflateRawSync } from 'node:zlib';
import ExcelJS from 'exceljs';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../src/server/db/client.ts';
import { problemCoDepartments } from '../src/server/db/schema/index.ts';
import type { Principal } from '../src/server/modules/access/principal.ts';
import { getProblemStats } from '../src/server/modules/problems/problems.stats.ts';
import { buildTestApp, login, type Client, type TestApp } from './helpers/app.ts';
import { buildProject, createOrg, createPerson, createUser, REGIONS, seedTestRegions } from './helpers/factories.ts';
import { insertProblem } from './helpers/problem-rows.ts';

let t: TestApp;
let db: Db;
let city: Client;
let shen: Client;
let landDept: Client;
let viewer: Client;
const D: Record<string, string> = {};
const P: Record<string, { id: string; code: string }> = {};
const TODAY = '2024-12-31';

const cityOffice: Principal = {
  id: '00000000-0000-0000-0000-000000000000', username: 'x', displayName: 'x', role: 'office', regionCode: REGIONS.city.code,
  regionPath: REGIONS.city.path, orgId: null, personId: null, via: 'cli',
};

beforeAll(async () => {
  t = await buildTestApp();
  db = t.database.db;
  await seedTestRegions(db);
  D.land = (await createOrg(db, { name: '市自然资源和规划局', kind: 'department', regionCode: REGIONS.city.code })).id;
  D.dev = (await createOrg(db, { name: '市发展和改革委员会', kind: 'department', regionCode: REGIONS.city.code })).id;
  await createUser(db, { username: 'city', role: 'office', regionCode: REGIONS.city.code });
  await createUser(db, { username: 'shen', role: 'office', regionCode: REGIONS.shen.code });
  await createUser(db, { username: 'land', role: 'department', regionCode: REGIONS.city.code, orgId: D.land });
  await createUser(db, { username: 'viewer', role: 'viewer', regionCode: REGIONS.city.code });
  const leader = await createPerson(db, { name: '王副市长', regionCode: REGIONS.city.code });
  const shenProject = await buildProject(db, { name: '莘县调味品项目', regionCode: REGIONS.shen.code, leaderPersonId: leader.id });
  const gaotangProject = await buildProject(db, { name: '高唐板材项目', regionCode: REGIONS.gaotang.code });
  const tengzhouProject = await buildProject(db, { name: '滕州储能项目', regionCode: REGIONS.tengzhou.code });
  const add = async (k: string, o: Parameters<typeof insertProblem>[1]) => (P[k] = await insertProblem(db, o));
  const shenLand = { projectId: shenProject.id, departmentId: D.land };
  const gaotangDev = { projectId: gaotangProject.id, departmentId: D.dev };
  // 莘县, land department: solved in 10 days on time; in 20 days late; open 3 days; accepted, past its date, 30 days old.
  await add('p1', { ...shenLand, status: 'closed', category: 'land', raisedOn: '2024-10-01', acceptDue: '2024-10-09', dueDate: '2024-10-20', solvedOn: '2024-10-11' });
  await add('p2', { ...shenLand, status: 'solved', category: 'land', raisedOn: '2024-11-01', acceptDue: '2024-11-06', dueDate: '2024-11-10', solvedOn: '2024-11-21' });
  await add('p3', { ...shenLand, status: 'open', category: 'approvals', raisedOn: '2024-12-28', acceptDue: '2025-01-02' });
  await add('p4', { ...shenLand, status: 'accepted', category: 'land', raisedOn: '2024-12-01', acceptDue: '2024-12-04', dueDate: '2024-12-20' });
  // 高唐, development commission: solved in 3 days on time (land co-handles); reopened 121 days old; open 31 days; accepted 8 days, on time.
  await add('p5', { ...gaotangDev, status: 'closed', category: 'funding', raisedOn: '2024-06-01', acceptDue: '2024-06-05', dueDate: '2024-06-30', solvedOn: '2024-06-04' });
  await add('p6', { ...gaotangDev, status: 'reopened', category: 'funding', title: '专项债资金未拨付', raisedOn: '2024-09-01', acceptDue: '2024-12-10', escalationLevel: 3 });
  await add('p7', { ...gaotangDev, status: 'open', category: 'approvals', raisedOn: '2024-11-30', acceptDue: '2024-12-05' });
  await add('p8', { ...gaotangDev, status: 'accepted', category: 'other', raisedOn: '2024-12-23', acceptDue: '2024-12-26', dueDate: '2025-01-31' });
  // Another city: outside everyone's view here.
  await add('p9', { projectId: tengzhouProject.id, departmentId: D.land, status: 'open', raisedOn: '2024-12-01', acceptDue: '2024-12-04', escalationLevel: 3 });
  await db.insert(problemCoDepartments).values({ problemId: P.p5!.id, orgId: D.land });
  // Raised half an hour after midnight China time (the previous day in UTC): still Oct 1, so 10 days.
  await db.execute(sql`UPDATE problems SET raised_at = '2024-10-01T00:30:00+08:00' WHERE id = ${P.p1!.id}`);
  // Solved, then escalated earlier: not on the dispatch list. Escalated to the leader only: not either.
  await db.execute(sql`UPDATE problems SET escalation_level = 3 WHERE id = ${P.p2!.id}`);
  await db.execute(sql`UPDATE problems SET escalation_level = 2 WHERE id = ${P.p4!.id}`);
  // p4 reached level 3 too, accepted and past its date.
  await db.execute(sql`UPDATE problems SET escalation_level = 3 WHERE id = ${P.p4!.id}`);
  city = await login(t.app, 'city');
  shen = await login(t.app, 'shen');
  landDept = await login(t.app, 'land');
  viewer = await login(t.app, 'viewer');
});
afterAll(() => t.close());

const ageing = (d0_7: number, d8_30: number, d31_90: number, d90plus: number) => ({ d0_7, d8_30, d31_90, d90plus });

describe('roadblock statistics at a fixed day', () => {
  it('by lead department: hand-worked figures, slowest first, and a total counted (not added up)', async () => {
    const s = await getProblemStats(db, cityOffice, { groupBy: 'department' }, TODAY);
    expect(s.regionCode).toBe(REGIONS.city.code);
    expect(s.rows).toEqual([
      { key: D.land, name: '市自然资源和规划局', total: 4, open: 2, solved: 2, solvedOnTime: 1, onTimeRate: 0.5, avgDaysToSolve: 15, overdue: 1, ageing: ageing(1, 1, 0, 0) },
      { key: D.dev, name: '市发展和改革委员会', total: 4, open: 3, solved: 1, solvedOnTime: 1, onTimeRate: 1, avgDaysToSolve: 3, overdue: 2, ageing: ageing(0, 1, 1, 1) },
    ]);
    expect(s.total).toEqual({
      key: REGIONS.city.code, name: '聊城市合计', total: 8, open: 5, solved: 3, solvedOnTime: 2, onTimeRate: 2 / 3, avgDaysToSolve: 11, overdue: 3, ageing: ageing(1, 2, 1, 1),
    });
  });

  it('by category: Chinese names; groups with nothing solved come last, the more overdue first', async () => {
    const s = await getProblemStats(db, cityOffice, { groupBy: 'category' }, TODAY);
    expect(s.rows.map((r) => [r.key, r.name, r.total, r.avgDaysToSolve, r.onTimeRate, r.overdue])).toEqual([
      ['land', '用地', 3, 15, 0.5, 1],
      ['funding', '资金', 2, 3, 1, 1],
      ['approvals', '审批手续', 2, null, null, 1],
      ['other', '其他', 1, null, null, 0],
    ]);
  });

  it('by region: the sub-regions of the region asked for; a county without sub-regions is one row', async () => {
    const s = await getProblemStats(db, cityOffice, { groupBy: 'region' }, TODAY);
    expect(s.rows.map((r) => [r.key, r.name, r.total, r.open])).toEqual([
      [REGIONS.shen.code, '莘县', 4, 2],
      [REGIONS.gaotang.code, '高唐县', 4, 3],
    ]);
    const county = await getProblemStats(db, cityOffice, { groupBy: 'region', region: REGIONS.gaotang.code }, TODAY);
    expect(county.rows.map((r) => [r.key, r.total])).toEqual([[REGIONS.gaotang.code, 4]]);
    expect(county.total.total).toBe(4);
  });

  it('an empty region answers zeros and null rates', async () => {
    const s = await getProblemStats(db, cityOffice, { groupBy: 'department', region: REGIONS.dongchangfu.code }, TODAY);
    expect(s.rows).toEqual([]);
    expect(s.total).toMatchObject({ total: 0, open: 0, solved: 0, onTimeRate: null, avgDaysToSolve: null, ageing: ageing(0, 0, 0, 0) });
  });
});

describe('GET /problems/stats: scope', () => {
  it('the city office sees the city', async () => {
    const res = await city.get('/api/v1/problems/stats?groupBy=department');
    expect(res.statusCode).toBe(200);
    expect(res.json().rows.map((r: { name: string; total: number }) => [r.name, r.total])).toEqual([['市自然资源和规划局', 4], ['市发展和改革委员会', 4]]);
  });

  it('a county office sees its county; another county is 404', async () => {
    const res = await shen.get('/api/v1/problems/stats?groupBy=category');
    expect(res.json().regionCode).toBe(REGIONS.shen.code);
    expect(res.json().total.total).toBe(4);
    expect((await shen.get(`/api/v1/problems/stats?region=${REGIONS.gaotang.code}`)).statusCode).toBe(404);
  });

  it('a department user counts what is routed to it, lead or co-handling', async () => {
    const res = (await landDept.get('/api/v1/problems/stats?groupBy=department')).json();
    expect(res.rows.map((r: { name: string; total: number }) => [r.name, r.total])).toEqual([['市自然资源和规划局', 4], ['市发展和改革委员会', 1]]);
    expect(res.total.total).toBe(5);
  });

  it('an unknown grouping is refused', async () => {
    const res = await city.get('/api/v1/problems/stats?groupBy=colour');
    expect(res.statusCode).toBe(400);
  });
});

/** One part of a zip (a .docx), read through the central directory. */
function zipPart(buf: Buffer, name: string): string {
  const eocd = buf.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  let at = buf.readUInt32LE(eocd + 16);
  for (let i = 0; i < buf.readUInt16LE(eocd + 10); i++) {
    const method = buf.readUInt16LE(at + 10);
    const size = buf.readUInt32LE(at + 20);
    const nameLen = buf.readUInt16LE(at + 28);
    const skip = nameLen + buf.readUInt16LE(at + 30) + buf.readUInt16LE(at + 32);
    const local = buf.readUInt32LE(at + 42);
    if (buf.toString('utf8', at + 46, at + 46 + nameLen) === name) {
      const start = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
      const data = buf.subarray(start, start + size);
      return (method === 0 ? data : inflateRawSync(data)).toString('utf8');
    }
    at += 46 + skip;
  }
  throw new Error(`${name} not in zip`);
}

describe('city dispatch meeting list', () => {
  it('lists level-3 roadblocks still unsolved in view, most overdue first', async () => {
    const res = await city.get('/api/v1/problems/dispatch');
    expect(res.statusCode).toBe(200);
    const { items } = res.json();
    expect(items.map((r: { code: string }) => r.code)).toEqual([P.p6!.code, P.p4!.code]);
    expect(items[0]).toMatchObject({
      projectName: '高唐板材项目', regionName: '高唐县', category: 'funding', description: expect.stringContaining('描述'),
      departmentName: '市发展和改革委员会', dueDate: '2024-12-10', leaderName: null,
    });
    expect(items[1]).toMatchObject({ projectName: '莘县调味品项目', regionName: '莘县', dueDate: '2024-12-20', leaderName: '王副市长' });
    expect(items[0].overdueWorkdays).toBeGreaterThan(items[1].overdueWorkdays);
    // A county office sees its own only; the land department what is routed to it, wherever it is (as in the list).
    expect((await shen.get('/api/v1/problems/dispatch')).json().items.map((r: { code: string }) => r.code)).toEqual([P.p4!.code]);
    expect((await landDept.get('/api/v1/problems/dispatch')).json().items.map((r: { code: string }) => r.code)).toEqual([P.p9!.code, P.p4!.code]);
  });

  it('exports to Word: A4 landscape, the title in 黑体, the table in 仿宋', async () => {
    const res = await viewer.get('/api/v1/problems/dispatch.docx');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('wordprocessingml');
    expect(res.headers['content-disposition']).toContain('.docx');
    const xml = zipPart(res.rawPayload, 'word/document.xml');
    expect(xml).toContain('市重点项目调度会问题清单');
    expect(xml).toContain('w:eastAsia="黑体"');
    expect(xml).toContain('w:eastAsia="仿宋"');
    expect(xml).toMatch(/<w:pgSz w:w="16838" w:h="11906" w:orient="landscape"\/>/);
    expect(xml).toContain('截至');
    for (const text of [P.p6!.code, P.p4!.code, '高唐板材项目', '市发展和改革委员会', '资金', '王副市长', '超期工作日']) expect(xml).toContain(text);
    expect(xml).not.toContain(P.p2!.code);
  });

  it('exports to Excel with the same rows', async () => {
    const res = await city.get('/api/v1/problems/dispatch.xlsx');
    expect(res.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    const row = (n: number) => (ws.getRow(n).values as unknown[]).slice(1);
    expect(row(1)[0]).toBe('市重点项目调度会问题清单');
    expect(row(2)[0]).toMatch(/^截至\d{4}年\d{1,2}月\d{1,2}日　共 2 个问题$/);
    expect(row(3)).toEqual(['序号', '问题编号', '项目名称', '县（市、区）', '问题类别', '问题描述', '牵头部门', '提出日期', '时限', '超期工作日', '包联领导']);
    expect(row(4).slice(0, 5)).toEqual([1, P.p6!.code, '高唐板材项目', '高唐县', '资金']);
    expect(row(4).slice(7, 9)).toEqual(['2024-09-01', '2024-12-10']);
    expect(row(5).slice(0, 3)).toEqual([2, P.p4!.code, '莘县调味品项目']);
    expect(ws.rowCount).toBe(5);
  });
});
