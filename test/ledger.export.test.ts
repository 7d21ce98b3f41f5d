import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportQuery, LEDGER_FIELDS, LEDGER_HEADERS } from '../src/contract/ledger.ts';
import { todayIso } from '../src/domain/dates.ts';
import { commandPrincipal } from '../src/server/cli/principal.ts';
import { prepareExport } from '../src/server/modules/ledger/ledger.export.ts';
import { buildTestApp, login, type Client, type TestApp } from './helpers/app.ts';
import { buildProject, createUser, REGIONS, seedTestRegions } from './helpers/factories.ts';
import { buildLedger, goodRow, readSheet, upload } from './helpers/xlsx.ts';

let t: TestApp;
let office: Client;
const q = async (text: string, params: unknown[] = []) => (await t.database.pool.query(text, params)).rows;

beforeAll(async () => {
  t = await buildTestApp();
  const db = t.database.db;
  await seedTestRegions(db);
  await createUser(db, { username: 'office1', role: 'office', regionCode: REGIONS.city.code });
  await createUser(db, { username: 'shen-office', role: 'office', regionCode: REGIONS.shen.code });
  await createUser(db, { username: 'viewer1', role: 'viewer', regionCode: REGIONS.city.code });
  await q(`insert into batches (name, kind, level, season, event_date, region_code, region_path)
    values ('2024年秋季集中开工', 'groundbreaking', 'municipal', 'autumn', '2024-09-20', '371500', '370000/371500/')`);
  office = await login(t.app, 'office1');
  const file = await buildLedger([
    goodRow('E-001', { name: '=HYPERLINK("http://evil.example","点击")', stage: '开工', actualStart: '2024-09-20', batch: '2024年秋季集中开工' }),
    goodRow('E-002', { name: '+智能灌装生产线项目', owner: '@某某科技有限公司', constructionContent: '-新建厂房 2 万平方米', region: '莘县', totalInvestment: 12345.6789 }),
    goodRow('E-003', { name: '半导体湿法设备项目', region: '高新区', annualPlan: null, longitude: null, latitude: null, tags: null, leader: null }),
    goodRow('E-004', { name: 'OLED基板项目', level: '省级', plannedStart: '2024年9月', plannedProduction: '2026/3/1', stage: '储备' }),
  ]);
  const res = await upload(office, file, { dryRun: false });
  if (res.statusCode !== 200) throw new Error(res.body);
  // One project made through the API path rather than the import, with an amount of four decimals.
  await buildProject(db, { code: 'E-005', name: '大数据和5G新材料产业园', totalInvestment: '98765.4321', regionCode: REGIONS.gaotang.code, tags: ['数字经济'] });
  await q(`insert into annual_plans (project_id, year, planned_investment) select id, 2023, 777.5 from projects where code = 'E-001'`);
});
afterAll(() => t.close());

async function exportFile(c: Client, query = '') {
  const res = await c.get(`/api/v1/ledger/export.xlsx${query}`);
  expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
  return res;
}

describe('ledger export', () => {
  it('streams the template columns with a Chinese file name, and imports back with zero changes', async () => {
    const res = await exportFile(office);
    expect(res.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    const day = todayIso().replace(/-/g, '');
    expect(res.headers['content-disposition']).toBe(
      `attachment; filename="ledger-export-${day}.xlsx"; filename*=UTF-8''%E5%8F%B0%E8%B4%A6%E5%AF%BC%E5%87%BA-${day}.xlsx`,
    );
    const rows = await readSheet(res.rawPayload);
    expect(rows[0]).toEqual(LEDGER_FIELDS.map((f) => LEDGER_HEADERS[f]));
    expect(rows.slice(1).map((r) => r[0])).toEqual(['E-001', 'E-002', 'E-003', 'E-004', 'E-005']);
    const e1 = Object.fromEntries(LEDGER_FIELDS.map((f, i) => [f, rows[1]![i]]));
    expect(e1).toMatchObject({
      region: '东昌府区', level: '市级', category: '产业类', industry: '高端化工及新材料', stage: '开工', totalInvestment: 52000.5, annualPlan: 12000,
      plannedStart: new Date(Date.UTC(2024, 8, 1)), actualStart: new Date(Date.UTC(2024, 8, 20)), batch: '2024年秋季集中开工',
      longitude: 115.985, latitude: 36.456, tags: '招商引资、新质生产力', leader: '李建国', responsibleUnit: '东昌府区人民政府',
    });
    expect(rows[3]![2]).toBe('聊城高新技术产业开发区');
    expect(rows[5]![10]).toBe(98765.4321);

    const again = await upload(office, res.rawPayload, { fileName: '台账导出.xlsx' });
    expect(again.statusCode, again.body).toBe(200);
    expect(again.json()).toMatchObject({ rowCount: 5, toCreate: 0, toUpdate: 0, unchanged: 5, errorRows: 0, problems: [], newOrgs: [], newPeople: [] });
  });

  it('neutralises text that a spreadsheet could run as a formula, and only text', async () => {
    const res = await exportFile(office);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    const formulas: string[] = [];
    ws.eachRow((row) => row.eachCell((cell) => {
      if (cell.type === ExcelJS.ValueType.Formula) formulas.push(cell.address);
    }));
    expect(formulas).toEqual([]);
    expect(ws.getCell('B2').value).toBe(`'=HYPERLINK("http://evil.example","点击")`);
    expect(ws.getCell('B3').value).toBe(`'+智能灌装生产线项目`);
    expect(ws.getCell('D3').value).toBe(`'@某某科技有限公司`);
    expect(ws.getCell('J3').value).toBe(`'-新建厂房 2 万平方米`);
    expect(ws.getCell('K3').value).toBe(12345.6789);
    expect(ws.getCell('K3').numFmt).toBe('#,##0.00##');
    expect(ws.getCell('M2').numFmt).toBe('yyyy-mm-dd');
    // And the stored names are untouched by the round trip.
    expect(await q(`select name from projects where code in ('E-001', 'E-002') order by code`)).toEqual([
      { name: '=HYPERLINK("http://evil.example","点击")' }, { name: '+智能灌装生产线项目' },
    ]);
  });

  it('applies the project list filters and the caller’s region', async () => {
    const started = await readSheet((await exportFile(office, '?stage=started')).rawPayload);
    expect(started.slice(1).map((r) => r[0])).toEqual(['E-001']);
    const shenRegion = await readSheet((await exportFile(office, `?region=${REGIONS.shen.code}`)).rawPayload);
    expect(shenRegion.slice(1).map((r) => r[0])).toEqual(['E-002']);
    const sorted = await readSheet((await exportFile(office, '?sort=totalInvestment&order=desc&level=municipal')).rawPayload);
    expect(sorted.slice(1).map((r) => r[0])).toEqual(['E-005', 'E-001', 'E-003', 'E-002']);
    const shen = await login(t.app, 'shen-office');
    const own = await readSheet((await exportFile(shen)).rawPayload);
    expect(own.slice(1).map((r) => r[0])).toEqual(['E-002']);
    const viewer = await login(t.app, 'viewer1');
    expect((await readSheet((await exportFile(viewer)).rawPayload)).length).toBe(6);
  });

  it('names another year in the plan header, so the file imports back into that year', async () => {
    const res = await exportFile(office, '?year=2023');
    const rows = await readSheet(res.rawPayload);
    expect(rows[0]![11]).toBe('2023年计划投资(万元)');
    expect(rows[1]![11]).toBe(777.5);
    expect(rows[2]![11] ?? null).toBeNull();
    const again = (await upload(office, res.rawPayload)).json();
    expect(again).toMatchObject({ year: 2023, unchanged: 5, toUpdate: 0 });
  });

  it('reads page by page: the same rows for any page size, in the list’s order, no query answering more than a page', async () => {
    const p = await commandPrincipal(t.database.db, 'office1');
    const pool = t.database.pool;
    const original = pool.query.bind(pool);
    let largest = 0;
    let queries = 0;
    (pool as { query: unknown }).query = async (...args: unknown[]) => {
      const res = await (original as (...a: unknown[]) => Promise<{ rows?: unknown[] }>)(...args);
      queries++;
      largest = Math.max(largest, res.rows?.length ?? 0);
      return res;
    };
    const file = async (query: Record<string, string>, pageSize?: number) => {
      const out = new PassThrough();
      const chunks: Buffer[] = [];
      out.on('data', (c: Buffer) => chunks.push(c));
      const job = await prepareExport(t.database.db, p, exportQuery.parse(query), { pageSize });
      largest = 0;
      queries = 0;
      const n = await job.write(out);
      return { n, rows: await readSheet(Buffer.concat(chunks)) };
    };
    try {
      for (const sort of ['code', 'name', 'totalInvestment', 'annualPlan', 'plannedStart', 'plannedCompletion', 'stage', 'regionCode', 'level']) {
        for (const order of ['asc', 'desc']) {
          const whole = await file({ sort, order });
          const paged = await file({ sort, order }, 2);
          expect(paged, `${sort} ${order}`).toEqual(whole);
          expect(paged.n).toBe(5);
          expect(largest, `${sort} ${order}: rows in one answer`).toBeLessThanOrEqual(2);
          expect(queries).toBe(4); // the order, then three pages
          const res = await office.get(`/api/v1/projects?sort=${sort}&order=${order}&pageSize=100`);
          expect(res.statusCode, `${sort} ${order}: ${res.body}`).toBe(200);
          const list = res.json();
          expect(whole.rows.slice(1).map((r) => r[0]), `${sort} ${order}`).toEqual(list.items.map((x: { code: string }) => x.code));
        }
      }
    } finally {
      (pool as { query: unknown }).query = original;
    }
  });

  it('refuses filters that do not validate', async () => {
    const res = await office.get('/api/v1/ledger/export.xlsx?stage=flying');
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('validation_failed');
  });
});
