// The monthly bulletin on the demo city: its sub-region table is GET /stats's, the Word document
// carries that table, the Excel annex has every project and the statistics' totals; once issued it
// is frozen (a correction changes the statistics, not the bulletin, and the note names the change);
// who may issue and read; numbering per region and year; automatic issue when a period closes.
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gapCell, wanCell } from '../src/domain/bulletin.ts';
import { formatRate } from '../src/domain/kpi.ts';
import { formatWan } from '../src/domain/money.ts';
import { runBulletinCommand } from '../src/server/cli/bulletin.ts';
import { seedDemo } from '../src/server/db/seed/demo.ts';
import { buildTestApp, login, type Client, type TestApp } from './helpers/app.ts';
import { createUser, TEST_PASSWORD } from './helpers/factories.ts';
import { openPeriod, reportUrl } from './helpers/reporting.ts';

const DEMO_PASSWORD = 'Tuijin@2024';
const CITY = '371500';
const DONGCHANGFU = '371502';

let t: TestApp;
let office: Client, viewer: Client, shenOffice: Client;
const ids: Record<string, string> = {};
const q = async <T = Record<string, unknown>>(text: string, params: unknown[] = []) => (await t.database.pool.query(text, params)).rows as T[];

async function docXml(res: { rawPayload: Buffer }): Promise<string> {
  return (await JSZip.loadAsync(res.rawPayload)).file('word/document.xml')!.async('string');
}

beforeAll(async () => {
  t = await buildTestApp();
  await seedDemo(t.database.db);
  await createUser(t.database.db, { username: 'shen-office', role: 'office', regionCode: '371522' });
  [office, viewer] = await Promise.all([login(t.app, 'office', DEMO_PASSWORD), login(t.app, 'viewer', DEMO_PASSWORD)]);
  shenOffice = await login(t.app, 'shen-office', TEST_PASSWORD);
  const periods = await q<{ id: string; month: number }>(`select id, month from reporting_periods where region_code = $1 and year = 2024 and month in (11, 12)`, [CITY]);
  ids.nov = periods.find((p) => p.month === 11)!.id;
  ids.dec = periods.find((p) => p.month === 12)!.id;
}, 180_000);
afterAll(() => t.close());

describe('issuing', () => {
  it('issues the city bulletin of November: number, title, office; the sub-region table is GET /stats', async () => {
    const started = performance.now();
    const res = await office.post('/api/v1/bulletins', { regionCode: CITY, periodId: ids.nov });
    const ms = performance.now() - started;
    expect(res.statusCode, res.body).toBe(201);
    const b = res.json();
    console.log(`demo city bulletin issued in ${ms.toFixed(0)} ms (${b.projectLines} project lines)`);
    expect(b).toMatchObject({
      regionCode: CITY, periodId: ids.nov, year: 2024, month: 11, seq: 1, number: '聊重推办〔2024〕1号',
      title: '关于2024年11月全市重点项目推进情况的通报', issuingOffice: '聊城市重点项目推进工作领导小组办公室', trigger: 'manual',
      changes: { items: [], moreProjects: 0 },
    });
    ids.city = b.id;
    const stats = (await office.get(`/api/v1/stats?region=${CITY}&year=2024&month=11&groupBy=region`)).json();
    expect(b.figures.regions).toEqual(stats.rows);
    expect(b.figures.total).toEqual(stats.total);
    expect(b.figures.regions.length).toBeGreaterThanOrEqual(8);
    // Cards: red and yellow lists with the indicators that made the colour.
    const cards = b.figures.cards;
    expect(cards.counts.total).toBeGreaterThan(300);
    expect(cards.red.length).toBe(cards.counts.red);
    expect(cards.red.length + cards.yellow.length).toBeGreaterThan(0);
    for (const c of [...cards.red, ...cards.yellow]) expect(c.reasons.length, c.code).toBeGreaterThan(0);
    const dbRed = await q<{ n: number }>(`select count(*)::int as n from project_cards where period_id = $1 and coalesce(override_color, color) = 'red'`, [ids.nov]);
    expect(cards.counts.red).toBe(dbRed[0]!.n);
    // Roadblocks overdue by department, as the roadblock statistics give them on the day of issue.
    const problems = (await office.get(`/api/v1/problems/stats?region=${CITY}&groupBy=department`)).json();
    expect(b.figures.problems.overdue).toBe(problems.total.overdue);
    expect(b.figures.problems.departments.map((d: { key: string }) => d.key).sort())
      .toEqual(problems.rows.filter((r: { overdue: number }) => r.overdue > 0).map((r: { key: string }) => r.key).sort());
    const audit = await q(`select action, entity_id, note from audit_log where action = 'bulletin.issued'`);
    expect(audit).toEqual([{ action: 'bulletin.issued', entity_id: b.id, note: '印发聊重推办〔2024〕1号《关于2024年11月全市重点项目推进情况的通报》' }]);
  });

  it('refuses a period still open, and one that does not cover the region', async () => {
    const open = await office.post('/api/v1/bulletins', { regionCode: CITY, periodId: ids.dec });
    expect(open.statusCode).toBe(409);
    expect(open.json().error.message).toContain('尚未锁定');
    const bad = await office.post('/api/v1/bulletins', { regionCode: CITY });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details[0].field).toBe('periodId');
  });

  it('numbers per region and year: the city’s second is 2号, a county’s first is its own 1号', async () => {
    const again = await office.post('/api/v1/bulletins', { regionCode: CITY, periodId: ids.nov });
    expect(again.json()).toMatchObject({ seq: 2, number: '聊重推办〔2024〕2号' });
    const county = await office.post('/api/v1/bulletins', { regionCode: DONGCHANGFU, periodId: ids.nov });
    expect(county.statusCode, county.body).toBe(201);
    expect(county.json()).toMatchObject({ seq: 1, number: '东重推办〔2024〕1号', title: '关于2024年11月全区重点项目推进情况的通报' });
    ids.county = county.json().id;
    const list = (await office.get('/api/v1/bulletins?year=2024')).json().items;
    expect(list.map((x: { number: string }) => x.number).sort()).toEqual(['东重推办〔2024〕1号', '聊重推办〔2024〕1号', '聊重推办〔2024〕2号']);
    expect((await office.get(`/api/v1/bulletins?region=${DONGCHANGFU}`)).json().items.map((x: { id: string }) => x.id)).toEqual([ids.county]);
  });

  it('uses the office’s settings for the next number', async () => {
    const put = await office.put(`/api/v1/bulletin-settings?region=${CITY}`, { issuingOffice: '聊城市重点项目建设指挥部办公室', numberPrefix: '聊重指办', autoOnClose: false });
    expect(put.statusCode, put.body).toBe(200);
    expect(put.json()).toMatchObject({ regionCode: CITY, isDefault: false, numberPrefix: '聊重指办' });
    const b = (await office.post('/api/v1/bulletins', { regionCode: CITY, periodId: ids.nov })).json();
    expect(b).toMatchObject({ number: '聊重指办〔2024〕3号', issuingOffice: '聊城市重点项目建设指挥部办公室' });
    expect((await office.put('/api/v1/bulletin-settings', { issuingOffice: '办', numberPrefix: '聊〔', autoOnClose: false })).json().error.details.map((d: { field: string }) => d.field).sort())
      .toEqual(['issuingOffice', 'numberPrefix']);
  });
});

describe('access', () => {
  it('viewers read but may not issue or change settings; another county sees nothing of the city', async () => {
    expect((await viewer.post('/api/v1/bulletins', { regionCode: CITY, periodId: ids.nov })).statusCode).toBe(403);
    expect((await viewer.put('/api/v1/bulletin-settings', { issuingOffice: '某办公室', numberPrefix: '某', autoOnClose: true })).statusCode).toBe(403);
    expect((await viewer.get(`/api/v1/bulletins/${ids.city}`)).statusCode).toBe(200);
    expect((await viewer.get(`/api/v1/bulletins/${ids.city}.docx`)).statusCode).toBe(200);
    for (const url of [`/api/v1/bulletins/${ids.city}`, `/api/v1/bulletins/${ids.city}.docx`, `/api/v1/bulletins/${ids.city}.xlsx`, `/api/v1/bulletins/${ids.county}`]) {
      expect((await shenOffice.get(url)).statusCode, url).toBe(404);
    }
    expect((await shenOffice.post('/api/v1/bulletins', { regionCode: DONGCHANGFU, periodId: ids.nov })).statusCode).toBe(404);
    expect((await shenOffice.get('/api/v1/bulletins')).json().items).toEqual([]);
    expect((await shenOffice.get(`/api/v1/bulletin-settings?region=${CITY}`)).statusCode).toBe(404);
  });
});

describe('documents', () => {
  it('Word: GB/T 9704 page, official fonts with fallbacks, page numbers, and the sub-region table with the statistics’ figures', async () => {
    const res = await office.get(`/api/v1/bulletins/${ids.city}.docx`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('wordprocessingml');
    expect(res.headers['content-disposition']).toContain('bulletin-371500-2024-001.docx');
    const xml = await docXml(res);
    const b = (await office.get(`/api/v1/bulletins/${ids.city}`)).json();
    for (const text of ['聊城市重点项目推进工作领导小组办公室', '聊重推办〔2024〕1号', '关于2024年11月全市重点项目', '推进情况的通报', '一、总体推进情况', '（一）红牌项目', '三、问题办理情况', '四、集中开工（签约）活动']) {
      expect(xml, text).toContain(text);
    }
    // The table: every sub-region's row of figures, as GET /stats gives them.
    for (const r of b.figures.regions) {
      for (const text of [r.label, wanCell(r.annualPlan), wanCell(r.ytdInvestment), formatRate(r.annualCompletionRate), gapCell(r.gap)]) expect(xml, `${r.label} ${text}`).toContain(`>${text}<`);
    }
    expect(xml).toContain(`>${wanCell(b.figures.total.ytdInvestment)}<`);
    expect(xml).toMatch(/1—11月，全市\d+个重点项目完成投资[\d,.]+亿元，占年度计划的\d+\.\d%，(高于|低于)序时进度\d+\.\d个百分点/);
    for (const c of b.figures.cards.red) expect(xml).toContain(c.name);
    expect(xml).toContain('w:eastAsia="仿宋_GB2312"');
    expect(xml).toContain('w:eastAsia="黑体"');
    expect(xml).toContain('w:color="FF0000"');
    expect(xml).toMatch(/<w:pgSz w:w="11906" w:h="16838"[^>]*\/>/);
    expect(xml).toMatch(/<w:pgMar w:top="2098" w:right="1474" w:bottom="1984" w:left="1587"/);
    expect(xml).toContain('<w:tbl>');
    const zip = await JSZip.loadAsync(res.rawPayload);
    expect(await zip.file('word/fontTable.xml')!.async('string')).toContain('<w:font w:name="仿宋_GB2312"><w:altName w:val="仿宋,FangSong"/>');
    const footers = await Promise.all(Object.keys(zip.files).filter((n) => /word\/footer\d+\.xml/.test(n)).map((n) => zip.file(n)!.async('string')));
    expect(footers.length).toBe(2);
    for (const f of footers) expect(f).toMatch(/— <\/w:t>.*PAGE.*<w:t xml:space="preserve"> —/s);
    expect(await zip.file('word/settings.xml')!.async('string')).toContain('<w:evenAndOddHeaders/>');
  });

  it('Excel annex: one row per project of the statistics, and the statistics’ totals', async () => {
    const res = await office.get(`/api/v1/bulletins/${ids.city}.xlsx`);
    expect(res.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('项目明细')!;
    const header = (ws.getRow(3).values as unknown[]).slice(1);
    const col = (h: string) => header.indexOf(h) + 1;
    const lines = [];
    for (let i = 4; i <= ws.rowCount; i++) lines.push(ws.getRow(i));
    const total = lines.pop()!;
    const byProject = (await office.get(`/api/v1/stats?region=${CITY}&year=2024&month=11&groupBy=project`)).json();
    const stats = (await office.get(`/api/v1/stats?region=${CITY}&year=2024&month=11&groupBy=region`)).json();
    expect(lines.length).toBe(byProject.rows.length);
    expect(lines.length).toBe(stats.total.projectCount);
    expect(lines.map((r) => r.getCell(col('项目代码')).value).sort()).toEqual(byProject.rows.map((r: { code: string }) => r.code).sort());
    expect(total.getCell(col('项目名称')).value).toBe(`合计（${stats.total.projectCount}个项目）`);
    for (const [h, k] of [['年度计划投资', 'annualPlan'], ['本年累计完成投资', 'ytdInvestment'], ['总投资', 'totalInvestment'], ['本年到位资金', 'ytdFundsArrived']] as const) {
      expect(total.getCell(col(h)).value, h).toBe(Number(stats.total[k]));
      const sum = lines.reduce((s, r) => s + Number(r.getCell(col(h)).value), 0);
      expect(Math.abs(sum - Number(stats.total[k])), h).toBeLessThan(0.01);
    }
    expect(total.getCell(col('年度投资完成率')).value).toBe(stats.total.annualCompletionRate);
    const cards = lines.map((r) => r.getCell(col('亮牌')).value);
    expect(cards.filter((c) => c === '红牌').length).toBe((await office.get(`/api/v1/bulletins/${ids.city}`)).json().figures.cards.counts.red);
    expect(wb.getWorksheet('分县')!.rowCount).toBe(3 + stats.rows.length + 1);
  });
});

describe('frozen', () => {
  it('a correction changes the statistics, not the bulletin; the note names what changed', async () => {
    const before = (await office.get(`/api/v1/bulletins/${ids.city}`)).json();
    const beforeDoc = await docXml(await office.get(`/api/v1/bulletins/${ids.city}.docx`));
    expect(before.changes.items).toEqual([]);
    // An approved November report in 东昌府区 with room under its project's total investment.
    const [r] = await q<{ project_id: string; investment: string; name: string; code: string }>(`
      select r.project_id, r.investment::text as investment, p.name, p.code from progress_reports r join projects p on p.id = r.project_id
       where r.period_id = $1 and r.status = 'approved' and p.region_code = $2
         and not exists (select 1 from report_corrections c where c.report_id = r.id and c.status = 'pending')
         and p.total_investment - p.opening_investment - (select sum(x.investment) from progress_reports x where x.project_id = p.id) > 5000
       order by p.code limit 1`, [ids.nov, DONGCHANGFU]);
    const raised = String(Number(r!.investment) + 3000);
    const c = await office.post(reportUrl(r!.project_id, ids.nov!, '/corrections'), { reason: '补录漏报的设备购置投资', investment: raised });
    expect(c.statusCode, c.body).toBe(201);
    expect((await office.post(`/api/v1/report-corrections/${c.json().id}/approve`, { note: '同意' })).statusCode).toBe(200);

    const statsNow = (await office.get(`/api/v1/stats?region=${CITY}&year=2024&month=11&groupBy=region`)).json();
    const rowWas = before.figures.regions.find((x: { key: string }) => x.key === DONGCHANGFU);
    const rowNow = statsNow.rows.find((x: { key: string }) => x.key === DONGCHANGFU);
    expect(rowNow.ytdInvestment).not.toBe(rowWas.ytdInvestment);

    const after = (await office.get(`/api/v1/bulletins/${ids.city}`)).json();
    expect(after.figures).toEqual(before.figures);
    expect(after.number).toBe(before.number);
    expect(await docXml(await office.get(`/api/v1/bulletins/${ids.city}.docx`))).toBe(beforeDoc);
    const texts = after.changes.items.map((i: { text: string }) => i.text);
    expect(texts).toContain(`东昌府区 本年累计完成投资 由 ${formatWan(rowWas.ytdInvestment)} 变为 ${formatWan(rowNow.ytdInvestment)}`);
    expect(texts).toContain(`聊城市 本年累计完成投资 由 ${formatWan(before.figures.total.ytdInvestment)} 变为 ${formatWan(statsNow.total.ytdInvestment)}`);
    expect(texts.some((x: string) => x.startsWith(`${r!.name}（${r!.code}） 本年累计完成投资 由`))).toBe(true);
    if (formatRate(rowWas.annualCompletionRate) !== formatRate(rowNow.annualCompletionRate)) {
      expect(texts).toContain(`东昌府区 年度完成率 由 ${formatRate(rowWas.annualCompletionRate)} 变为 ${formatRate(rowNow.annualCompletionRate)}`);
    }
  });
});

describe('command line', () => {
  it('issues as the named user and writes the Word document and the Excel annex beside it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'bulletin-cli-'));
    try {
      const out = join(dir, '通报.docx');
      expect(await runBulletinCommand(t.database.db, ['--region', DONGCHANGFU, '--period', ids.nov!, '--out', out, '--user', 'office'])).toBe(0);
      expect(readFileSync(out).subarray(0, 2).toString()).toBe('PK');
      expect(existsSync(join(dir, '通报.xlsx'))).toBe(true);
      const [row] = await q<{ number: string; created_by: string }>(`select b.number, u.username as created_by from bulletins b join users u on u.id = b.created_by order by b.created_at desc limit 1`);
      expect(row).toEqual({ number: '东重推办〔2024〕2号', created_by: 'office' });
      expect(await runBulletinCommand(t.database.db, ['--region', CITY, '--period', ids.dec!, '--out', out, '--user', 'office'])).toBe(1);
      expect(await runBulletinCommand(t.database.db, ['--region', CITY, '--period', ids.nov!, '--user', 'viewer', '--out', out])).toBe(1);
      expect(await runBulletinCommand(t.database.db, ['--region', CITY, '--out', out])).toBe(2);
      expect(await runBulletinCommand(t.database.db, ['--region', CITY, '--period', ids.nov!, '--out', join(dir, 'x.pdf')])).toBe(2);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('automatic issue when a period closes', () => {
  it('none while the setting is off; one when it is on', async () => {
    const count = async () => (await q<{ n: number }>(`select count(*)::int as n from bulletins where trigger = 'period_close'`))[0]!.n;
    expect((await office.post(`/api/v1/periods/${ids.dec}/close`)).statusCode).toBe(200);
    expect(await count()).toBe(0);

    const put = await office.put('/api/v1/bulletin-settings', { issuingOffice: '聊城市重点项目推进工作领导小组办公室', numberPrefix: '聊重推办', autoOnClose: true });
    expect(put.json()).toMatchObject({ regionCode: CITY, autoOnClose: true });
    const jan = await openPeriod(office, { year: 2025, month: 1 });
    const closed = await office.post(`/api/v1/periods/${jan.id}/close`);
    expect(closed.statusCode, closed.body).toBe(200);
    expect(closed.json().status).toBe('closed');
    const made = await q<{ id: string; number: string; trigger: string; period_id: string }>(`select id, number, trigger, period_id from bulletins where trigger = 'period_close'`);
    expect(made).toEqual([{ id: made[0]!.id, number: '聊重推办〔2025〕1号', trigger: 'period_close', period_id: jan.id }]);
    const b = (await office.get(`/api/v1/bulletins/${made[0]!.id}`)).json();
    expect(b).toMatchObject({ trigger: 'period_close', title: '关于2025年1月全市重点项目推进情况的通报', createdBy: '市发改委项目办' });
  });
});
