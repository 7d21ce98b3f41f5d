import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IMPORT_MAX_ROWS, LEDGER_FIELDS, LEDGER_HEADERS } from '../src/contract/ledger.ts';
import { buildTestApp, login, type Client, type TestApp } from './helpers/app.ts';
import { createUser, REGIONS, seedTestRegions } from './helpers/factories.ts';
import {
  buildLedger, buildXlsx, goodRow, rawZip, readSheet, upload, zipBombDeclaredHuge, zipBombLying, zipBombRatio,
} from './helpers/xlsx.ts';

let t: TestApp;
let office: Client;
const counts = async () =>
  (await t.database.pool.query(`select (select count(*) from projects)::int p, (select count(*) from organizations)::int o,
    (select count(*) from import_jobs)::int j, (select count(*) from import_mappings)::int m`)).rows[0];

beforeAll(async () => {
  t = await buildTestApp();
  await seedTestRegions(t.database.db);
  await createUser(t.database.db, { username: 'office1', role: 'office', regionCode: REGIONS.city.code });
  office = await login(t.app, 'office1');
});
afterAll(() => t.close());

describe('the template', () => {
  it('has the ledger headers in order, a frozen styled header, drop-down lists, an example row and instructions', async () => {
    const res = await office.get('/api/v1/ledger/template.xlsx');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    expect(res.headers['content-disposition']).toContain("filename*=UTF-8''%E9%87%8D%E7%82%B9%E9%A1%B9%E7%9B%AE%E5%8F%B0%E8%B4%A6%E6%A8%A1%E6%9D%BF.xlsx");
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['重点项目台账', '填写说明']);
    const ws = wb.worksheets[0]!;
    expect((ws.getRow(1).values as unknown[]).slice(1)).toEqual(LEDGER_FIELDS.map((f) => LEDGER_HEADERS[f]));
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(ws.getCell('A1').font?.bold).toBe(true);
    expect(ws.getColumn(2).width).toBeGreaterThan(20);
    const dv = (ws as unknown as { dataValidations: { model: Record<string, { type: string; formulae: string[] }> } }).dataValidations.model;
    const level = Object.entries(dv).find(([addr]) => addr.startsWith('G2'));
    expect(level?.[1]).toMatchObject({ type: 'list', formulae: ['"省级,市级,县级"'] });
    expect(Object.values(dv).find((v) => String(v.formulae[0]).includes('储备'))).toBeTruthy();
    expect(ws.getCell('A2').value).toMatch(/^示例/);
    const help = (await readSheet(res.rawPayload, 1)).flat().join(' ');
    expect(help).toContain('以「示例」开头的行不会导入');
  });

  it('imports once filled in: the example row is skipped', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await office.get('/api/v1/ledger/template.xlsx')).rawPayload as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    const untouched = await upload(office, Buffer.from(await wb.xlsx.writeBuffer()));
    expect(untouched.statusCode).toBe(400);
    expect(untouched.json().error.message).toContain('没有数据行');
    const row = goodRow('TPL-1');
    ws.addRow(LEDGER_FIELDS.map((f) => row[f] ?? null));
    const res = await upload(office, Buffer.from(await wb.xlsx.writeBuffer()));
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ sheet: '重点项目台账', rowCount: 1, toCreate: 1, problems: [] });
  });
});

describe('hostile and broken files change nothing', () => {
  const refusals: [string, () => Promise<Buffer> | Buffer, number, string, string][] = [
    ['a text file', () => Buffer.from('项目编码,项目名称\nA-1,某项目\n'), 415, 'unsupported_file', '不是 Excel 工作簿'],
    ['an old .xls file', () => Buffer.concat([Buffer.from('d0cf11e0a1b11ae1', 'hex'), Buffer.alloc(512)]), 415, 'unsupported_file', '另存为 .xlsx'],
    ['a zip that is not a workbook', () => rawZip([{ name: 'readme.txt', data: Buffer.from([3, 0]), realSize: 0 }]), 415, 'unsupported_file', '不是 Excel 工作簿'],
    ['a truncated workbook', async () => (await buildLedger([goodRow('X-1')])).subarray(0, 2000), 400, 'bad_file', '损坏'],
    ['an empty workbook', () => buildXlsx([{ rows: [] }]), 400, 'bad_file', '工作簿是空的'],
    ['a header without data rows', () => buildLedger([]), 400, 'bad_file', '没有数据行'],
    ['a sheet with no recognisable header', () => buildXlsx([{ rows: [['姓名', '电话'], ['张三', '123']] }]), 400, 'bad_file', '未找到表头行'],
    ['a zip bomb declaring a 4 GB sheet', zipBombDeclaredHuge, 400, 'bad_file', '压缩炸弹'],
    ['a zip bomb compressed 1000:1', zipBombRatio, 400, 'bad_file', '压缩比'],
    ['a zip bomb whose headers lie about the size', zipBombLying, 400, 'bad_file', '实际大小超过声明'],
  ];
  for (const [what, make, status, code, message] of refusals) {
    it(`refuses ${what}`, async () => {
      const before = await counts();
      for (const dryRun of [true, false]) {
        const res = await upload(office, await make(), { dryRun });
        expect(res.statusCode, res.body).toBe(status);
        expect(res.json().error).toMatchObject({ code, message: expect.stringContaining(message) });
      }
      expect(await counts()).toEqual(before);
    });
  }

  it(`refuses more than ${IMPORT_MAX_ROWS} data rows`, async () => {
    const rows = Array.from({ length: IMPORT_MAX_ROWS + 1 }, (_, i) => ({ code: `R-${i}`, name: `项目${i}` }));
    const res = await upload(office, await buildLedger(rows, { fields: ['code', 'name', 'region'] }));
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toMatchObject({ code: 'bad_file', message: expect.stringContaining(`超过单次导入上限 ${IMPORT_MAX_ROWS} 行`) });
  });

  it('refuses an upload over the size limit with 413', async () => {
    const before = await counts();
    const res = await upload(office, Buffer.alloc(21 * 1024 * 1024, 1));
    expect(res.statusCode).toBe(413);
    expect(res.json().error.code).toBe('payload_too_large');
    expect(await counts()).toEqual(before);
  });

  it('asks for a file when the request carries none', async () => {
    const json = await office.post('/api/v1/ledger/import', { file: 'x' });
    expect(json.statusCode).toBe(415);
    expect(json.json().error.code).toBe('unsupported_file');
  });
});
