// The figures as spreadsheets (GET /stats.xlsx, GET /stats/standard.xlsx) and on the command line
// (`tuijin stats`), on the hand-computed example of helpers/stats.ts.
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { displayWidth, runStatsCommand } from '../src/server/cli/stats.ts';
import { buildTestApp, login, type Client, type TestApp } from './helpers/app.ts';
import { buildProject, createUser, HIGH_TECH_ZONE, REGIONS } from './helpers/factories.ts';
import { report, setPlan, setUpStatsExample } from './helpers/stats.ts';

let t: TestApp;
let city: Client;
let dcf: Client;

beforeAll(async () => {
  t = await buildTestApp();
  const db = t.database.db;
  await setUpStatsExample(db);
  // A name that a spreadsheet would take for a formula.
  const evil = await buildProject(db, { name: '=HYPERLINK("http://x","点我")', code: '+T-EVIL', regionCode: HIGH_TECH_ZONE.code, totalInvestment: '100' });
  await setPlan(db, evil.id, 2024, { planned: '120' });
  await report(db, evil.id, { year: 2024, month: 9, investment: '90' });
  city = await login(t.app, 'city');
  dcf = await login(t.app, 'dcf');
});
afterAll(() => t.close());

async function workbook(c: Client, url: string) {
  const res = await c.get(url);
  expect(res.statusCode, res.body).toBe(200);
  expect(res.headers['content-type']).toContain('spreadsheetml');
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
  return { wb, disposition: String(res.headers['content-disposition']) };
}

const values = (ws: ExcelJS.Worksheet, row: number) => (ws.getRow(row).values as unknown[]).slice(1);

describe('GET /stats.xlsx', () => {
  it('the region table: title, unit line, header, rows ranked, 合计; rates as percentages and "—" without a denominator', async () => {
    const { wb, disposition } = await workbook(city, '/api/v1/stats.xlsx?region=371500&year=2024&month=9');
    expect(disposition).toContain("filename*=UTF-8''");
    expect(decodeURIComponent(disposition.split("''")[1]!)).toBe('关键指标-聊城市-2024年9月-按区域.xlsx');
    const ws = wb.worksheets[0]!;
    expect(ws.getCell(1, 1).value).toBe('聊城市重点项目关键指标（按区域）');
    expect(String(ws.getCell(2, 1).value)).toContain('单位：万元');
    expect(String(ws.getCell(2, 1).value)).toContain('2024年1—9月');
    const header = values(ws, 3) as string[];
    expect(header.slice(0, 8)).toEqual(['区域', '项目数', '总投资', '年度计划投资', '序时计划投资', '本月完成投资', '本年累计完成投资', '年度投资完成率']);
    expect(header[header.length - 1]).toBe('排名');
    const col = (h: string) => header.indexOf(h) + 1;
    // 莘县 first (62.5%), then 东昌府区 (50%); the park now has the extra project (90/120 = 75%) and leads.
    expect(ws.getCell(4, 1).value).toBe(HIGH_TECH_ZONE.name);
    expect(ws.getCell(5, 1).value).toBe('莘县');
    expect(ws.getCell(5, col('年度投资完成率')).value).toBe(0.625);
    expect(ws.getCell(5, col('年度投资完成率')).numFmt).toBe('0.0%');
    expect(ws.getCell(5, col('本年累计完成投资')).value).toBe(1500);
    expect(ws.getCell(5, col('排名')).value).toBe(2);
    const gaotang = [4, 5, 6, 7, 8].find((r) => ws.getCell(r, 1).value === '高唐县')!;
    expect(ws.getCell(gaotang, col('年度投资完成率')).value).toBe('—');
    expect(ws.getCell(gaotang, col('开工率')).value).toBe('—');
    expect(ws.getCell(9, 1).value).toBe('合计');
    expect(ws.getCell(9, col('项目数')).value).toBe(6);
    expect(ws.getCell(9, col('本年累计完成投资')).value).toBe(2840);
    expect(ws.getCell(9, col('年度计划投资')).value).toBe(5520);
    expect(ws.getCell(9, col('排名')).value).toBeNull();
  });

  it('the project table: code and region columns, formula-looking text neutralised', async () => {
    const { wb } = await workbook(city, '/api/v1/stats.xlsx?region=371500&year=2024&month=9&groupBy=project');
    const ws = wb.worksheets[0]!;
    expect((values(ws, 3) as string[]).slice(0, 3)).toEqual(['项目代码', '项目名称', '所在区域']);
    const names = ws.getColumn(2).values.slice(4) as string[];
    expect(names).toContain('甲项目');
    expect(names).toContain(`'=HYPERLINK("http://x","点我")`);
    expect(ws.getColumn(1).values).toContain("'+T-EVIL");
    for (const row of ws.getSheetValues()) for (const v of (row as unknown[] | undefined) ?? []) expect(typeof v === 'object' && v && 'formula' in v).toBeFalsy();
  });

  it('the county table: each county with its city, named in the file and the sheet', async () => {
    const { wb, disposition } = await workbook(city, '/api/v1/stats.xlsx?region=371500&year=2024&month=9&groupBy=county');
    expect(decodeURIComponent(disposition.split("''")[1]!)).toBe('关键指标-聊城市-2024年9月-按县区.xlsx');
    const ws = wb.worksheets[0]!;
    expect(ws.name).toBe('按县（市、区）');
    expect((values(ws, 3) as string[]).slice(0, 2)).toEqual(['县（市、区）', '所属市']);
    const dongchangfu = ws.getColumn(1).values.indexOf('东昌府区');
    expect(dongchangfu).toBeGreaterThan(3);
    expect(ws.getCell(dongchangfu, 2).value).toBe('聊城市');
  });

  it('the month series and last year: one row per month, the comparison columns', async () => {
    const { wb } = await workbook(city, '/api/v1/stats.xlsx?region=371500&year=2024&month=9&groupBy=month&compare=lastYear');
    const ws = wb.worksheets[0]!;
    const header = values(ws, 3) as string[];
    expect(header[0]).toBe('月份');
    expect(header).toContain('上年同期完成率');
    expect(header).not.toContain('排名');
    expect(ws.getCell(4, 1).value).toBe('2024年1月');
    expect(ws.getCell(12, 1).value).toBe('2024年9月');
    expect(ws.getCell(13, 1).value).toBe('合计');
    expect(ws.getCell(12, header.indexOf('上年同期累计完成投资') + 1).value).toBe(150);
  });

  it('follows the caller\'s scope like GET /stats', async () => {
    expect((await dcf.get('/api/v1/stats.xlsx?region=371522&year=2024&month=9')).statusCode).toBe(404);
    const { wb } = await workbook(dcf, '/api/v1/stats.xlsx?region=371500&year=2024&month=9');
    expect(wb.worksheets[0]!.getCell(1, 1).value).toBe('东昌府区重点项目关键指标（按区域）');
  });
});

describe('GET /stats/standard.xlsx', () => {
  it('sheet 1 by sub-region with 合计, sheet 2 one row per project with its status', async () => {
    const { wb, disposition } = await workbook(city, '/api/v1/stats/standard.xlsx?region=371500&year=2024&month=9');
    expect(decodeURIComponent(disposition.split("''")[1]!)).toBe('重点项目进展情况统计表-聊城市-2024年9月.xlsx');
    const [byRegion, projects] = wb.worksheets;
    expect(byRegion!.name).toBe('分区域统计');
    expect(byRegion!.getCell(1, 1).value).toBe('聊城市重点项目进展情况统计表');
    expect(values(byRegion!, 3)).toEqual(['区域', '项目个数', '总投资', '年度计划投资', '本年累计完成投资', '年度投资完成率', '序时进度', '与序时进度差距', '资金到位率', '开工率', '按期竣工率', '投产率', '排名']);
    const total = values(byRegion!, 9);
    expect(total.slice(0, 5)).toEqual(['合计', 6, 46100, 5520, 2840]);
    expect(total[5]).toBeCloseTo(2840 / 5520, 12);
    expect(total[9]).toBe(1); // 开工率
    expect(total[10]).toBe(0.5); // 按期竣工率
    expect(total[12] ?? null).toBeNull(); // no rank for the total
    expect(projects!.name).toBe('项目明细');
    expect(values(projects!, 3)).toEqual(['项目代码', '项目名称', '所在区域', '行业', '项目单位', '责任单位', '包靠领导', '建设阶段', '总投资', '年度计划投资', '本年累计完成投资', '年度投资完成率', '序时进度', '资金到位率', '进度状态']);
    const rows = Array.from({ length: 6 }, (_, i) => values(projects!, 4 + i));
    const a = rows.find((r) => r[1] === '甲项目')!;
    expect(a.slice(2, 11)).toEqual(['东昌府区', '高端化工及新材料', undefined, '东昌府区发改局', '王立新', '竣工', 10000, 1200, 600]);
    expect(a[11]).toBe(0.5);
    expect(a[14]).toBe('滞后'); // 50% against 75%, tolerance 15 points
    const b = rows.find((r) => r[1] === '乙项目')!;
    expect(b[14]).toBe('正常');
    const e = rows.find((r) => r[1] === '戊项目')!;
    expect(e[11]).toBe('—');
    expect(e[14]).toBe('—');
    expect(projects!.getCell(10, 1).value).toBeNull();
  });
});

describe('npx tuijin stats', () => {
  async function run(args: string[]) {
    const out: string[] = [];
    const err: string[] = [];
    const log = vi.spyOn(console, 'log').mockImplementation((s: unknown) => void out.push(String(s)));
    const error = vi.spyOn(console, 'error').mockImplementation((s: unknown) => void err.push(String(s)));
    try {
      const code = await runStatsCommand(t.database.db, args);
      return { code, out: out.join('\n'), err: err.join('\n') };
    } finally {
      log.mockRestore();
      error.mockRestore();
    }
  }

  it('prints the table in Chinese, aligned, with the total last', async () => {
    const r = await run(['--year', '2024', '--month', '9', '--region', '371500', '--user', 'city']);
    expect(r.code).toBe(0);
    const lines = r.out.split('\n');
    expect(lines[0]).toBe('聊城市重点项目关键指标（按区域，2024年1—9月，进度容差 ±15.0 个百分点）');
    expect(lines[2]).toMatch(/^区域\s+项目数\s+年度计划\(万元\)\s+累计完成\(万元\)\s+完成率\s+序时进度/);
    const shen = lines.find((l) => l.startsWith('莘县'))!;
    expect(shen).toMatch(/莘县\s+1\s+2,400\.00\s+1,500\.00\s+62\.5%\s+75\.0%\s+-12\.5%\s+正常/);
    expect(lines[lines.length - 1]).toMatch(/^合计\s+6\s+5,520\.00\s+2,840\.00/);
    expect(lines.find((l) => l.startsWith('高唐县'))).toMatch(/—\s+—/);
    // Columns line up by display width (a Chinese character takes two cells).
    const end = (line: string, text: string) => displayWidth(line.slice(0, line.indexOf(text) + text.length));
    expect(end(shen, '62.5%')).toBe(end(lines[2]!, '完成率'));
    expect(end(lines[lines.length - 1]!, '2,840.00')).toBe(end(lines[2]!, '累计完成(万元)'));
  });

  it('--json gives the API result; --group-by and --last-year as on the page', async () => {
    const r = await run(['--year', '2024', '--month', '9', '--group-by', 'industry', '--last-year', '--json', '--user', 'city']);
    expect(r.code).toBe(0);
    const json = JSON.parse(r.out);
    const api = (await city.get('/api/v1/stats?year=2024&month=9&groupBy=industry&compare=lastYear')).json();
    expect(json).toEqual(api);
  });

  it('defaults to the first administrator; a county user is held to their county', async () => {
    await createUser(t.database.db, { username: 'root', role: 'admin', regionCode: REGIONS.city.code });
    const r = await run(['--group-by', 'month', '--json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out)).toMatchObject({ regionCode: '371500', year: 2024, month: 10, groupBy: 'month' });
    const other = await run(['--region', '371522', '--user', 'dcf']);
    expect(other.code).toBe(1);
    expect(other.err).toContain('区域不存在或无权查看');
  });

  it('usage errors name the option', async () => {
    const r = await run(['--group-by', 'owner']);
    expect(r.code).toBe(2);
    expect(r.err).toContain('--group-by');
    expect((await run(['--month', '13'])).err).toContain('月份应为 1–12');
    expect((await run(['--bogus'])).code).toBe(2);
  });
});
