// The province's bulletin for a month its cities each report in periods of their own: refused while
// any city's period of the month is open (or a reporting city has not opened it), naming the cities;
// issued once all are locked, with the statistics' figures for the whole province, the cards of
// every city's period (counted by city, named in the annex), and its long lists stored compactly.
// A city's month is its own period, as before.
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, login, type Client, type TestApp } from './helpers/app.ts';
import { setUpCardsExample } from './helpers/cards.ts';
import { createUser, REGIONS } from './helpers/factories.ts';
import { period, report, setPlan } from './helpers/stats.ts';
import { unpackFigures } from '../src/server/modules/bulletins/bulletins.store.ts';

let t: TestApp;
let province: Client, city: Client, zaozhuang: Client, county: Client;
const ids: Record<string, string> = {};
const q = async <T = Record<string, unknown>>(text: string, params: unknown[] = []) => (await t.database.pool.query(text, params)).rows as T[];
const issue = (c: Client, body: object) => c.post('/api/v1/bulletins', body);

beforeAll(async () => {
  t = await buildTestApp();
  const db = t.database.db;
  // 聊城: May locked, June open (the cards example); 枣庄 reports in May (locked) and has not opened June yet.
  const { P, may, june } = await setUpCardsExample(db);
  Object.assign(ids, { may, june, zz: P.zz });
  await createUser(db, { username: 'sheng', role: 'office', regionCode: REGIONS.province.code });
  await setPlan(db, P.zz, 2024, { planned: '2400' });
  ids.zzMay = await period(db, 2024, 5, { regionCode: REGIONS.otherCity.code, status: 'closed' });
  await report(db, P.zz, { year: 2024, month: 5, investment: '300', regionCode: REGIONS.otherCity.code });
  [province, city, zaozhuang, county] = await Promise.all([login(t.app, 'sheng'), login(t.app, 'city'), login(t.app, 'zzoffice'), login(t.app, 'dcf')]);
}, 120_000);
afterAll(() => t.close());

describe('a province’s month', () => {
  it('is refused while a city has not opened the month or has not locked it, naming the cities', async () => {
    const res = await issue(province, { regionCode: '370000', month: '2024-06' });
    expect(res.statusCode, res.body).toBe(409);
    const { message, details } = res.json().error;
    expect(message).toBe('2024年6月的填报期间尚未锁定：聊城市2024年6月；尚未开启2024年6月的填报期间：枣庄市。全部锁定后才能印发全省2024年6月的通报');
    expect(details).toEqual([{ field: 'month', message }]);

    ids.zzJune = await period(db(), 2024, 6, { regionCode: REGIONS.otherCity.code, status: 'open' });
    await report(db(), ids.zz!, { year: 2024, month: 6, investment: '500', regionCode: REGIONS.otherCity.code });
    const both = (await issue(province, { regionCode: '370000', month: '2024-06' })).json().error.message;
    expect(both).toBe('2024年6月的填报期间尚未锁定：枣庄市2024年6月、聊城市2024年6月。全部锁定后才能印发全省2024年6月的通报');

    const closed = await city.post(`/api/v1/periods/${ids.june}/close`);
    expect(closed.statusCode, closed.body).toBe(200);
    expect(closed.json().status, closed.body).toBe('closed');
    const one = await issue(province, { regionCode: '370000', month: '2024-06' });
    expect(one.statusCode).toBe(409);
    expect(one.json().error.message).toBe('2024年6月的填报期间尚未锁定：枣庄市2024年6月。全部锁定后才能印发全省2024年6月的通报');
    expect(await q(`select count(*)::int as n from bulletins`)).toEqual([{ n: 0 }]);
  });

  it('lists the months with what keeps each back', async () => {
    const res = await province.get('/api/v1/bulletins/months?region=370000&year=2024');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({
      regionCode: '370000', regionName: '山东省',
      items: [
        { month: '2024-06', year: 2024, label: '2024年6月', periodId: null, periods: 2, regions: 2, ready: false, open: ['枣庄市2024年6月'], missing: [] },
        { month: '2024-05', year: 2024, label: '2024年5月', periodId: null, periods: 2, regions: 2, ready: true, open: [], missing: [] },
      ],
    });
    // A city's months are its own periods.
    const cityMonths = (await city.get('/api/v1/bulletins/months?year=2024')).json();
    expect(cityMonths.items.map((m: { month: string; periodId: string; ready: boolean }) => [m.month, m.periodId, m.ready]))
      .toEqual([['2024-06', ids.june, true], ['2024-05', ids.may, true]]);
    expect((await county.get('/api/v1/bulletins/months?region=370000')).statusCode).toBe(404);
  });

  it('is issued once every city’s period is locked: the statistics for the province, the cards of every city by city', async () => {
    expect((await zaozhuang.post(`/api/v1/periods/${ids.zzJune}/close`)).statusCode).toBe(200);
    const res = await issue(province, { regionCode: '370000', month: '2024-06' });
    expect(res.statusCode, res.body).toBe(201);
    const b = res.json();
    ids.bulletin = b.id;
    expect(b).toMatchObject({
      regionCode: '370000', periodId: null, periodLabel: '2024年6月', year: 2024, month: 6, seq: 1, number: '山重推办〔2024〕1号',
      title: '关于2024年6月全省重点项目推进情况的通报', changes: { items: [], moreProjects: 0 },
    });
    expect(b.figures.period).toMatchObject({ id: null, label: '2024年6月', startsOn: '2024-06-01', endsOn: '2024-06-30', status: 'closed' });
    expect(b.figures.periods.map((p: { id: string; regionName: string }) => [p.id, p.regionName]).sort())
      .toEqual([[ids.june, '聊城市'], [ids.zzJune, '枣庄市']].sort());

    const stats = (await province.get('/api/v1/stats?region=370000&year=2024&month=6&groupBy=region')).json();
    expect(b.figures.regions).toEqual(stats.rows);
    expect(b.figures.total).toEqual(stats.total);
    expect(b.projectLines).toBe(stats.total.projectCount);

    // Cards: every card of both cities' June, counted by city; the detail names none (the annex does).
    const db = await q<{ city: string; color: string; n: number }>(`
      select split_part(region_path, '/', 2) as city, coalesce(override_color, color) as color, count(*)::int as n
        from project_cards where period_id = any($1::uuid[]) group by 1, 2`, [[ids.june, ids.zzJune]]);
    const count = (cityCode: string | null, color: string) => db.filter((r) => (cityCode == null || r.city === cityCode) && r.color === color).reduce((s, r) => s + r.n, 0);
    expect(count(REGIONS.otherCity.code, 'red') + count(REGIONS.otherCity.code, 'yellow') + count(REGIONS.otherCity.code, 'blue')).toBeGreaterThan(0);
    const cards = b.figures.cards;
    expect(cards.counts).toEqual({ red: count(null, 'red'), yellow: count(null, 'yellow'), blue: count(null, 'blue'), total: db.reduce((s, r) => s + r.n, 0) });
    expect(cards.named).toBe(false);
    expect(cards.red).toEqual([]);
    expect(cards.yellow).toEqual([]);
    for (const c of [REGIONS.city, REGIONS.otherCity]) {
      expect(cards.regions.find((r: { key: string }) => r.key === c.code)).toEqual({
        key: c.code, label: c.name, red: count(c.code, 'red'), yellow: count(c.code, 'yellow'), blue: count(c.code, 'blue'),
        total: count(c.code, 'red') + count(c.code, 'yellow') + count(c.code, 'blue'),
      });
    }
  });

  it('stores the long lists as gzip’d columns, the summary as small jsonb', async () => {
    const [row] = await q<{ figures: Record<string, unknown>; lines: Buffer; period_id: string | null; month: number }>(
      `select figures, lines, period_id, month from bulletins where id = $1`, [ids.bulletin]);
    expect(row!.period_id).toBeNull();
    expect(row!.month).toBe(6);
    expect(row!.lines.subarray(0, 2).toString('hex')).toBe('1f8b');
    expect(Object.keys(row!.figures)).not.toContain('projects');
    expect(Object.keys(row!.figures.cards as object).sort()).toEqual(['counts', 'named', 'regions']);
    // Reading it back gives the lines the annex is made of.
    const again = (await province.get(`/api/v1/bulletins/${ids.bulletin}`)).json();
    expect(again.projectLines).toBeGreaterThan(0);
    expect(again.changes).toMatchObject({ items: [], moreProjects: 0 });
    // The page reads the frozen bulletin alone, then the comparison, which gathers the province again.
    const frozen = (await province.get(`/api/v1/bulletins/${ids.bulletin}?changes=false`)).json();
    expect(frozen).toEqual({ ...again, changes: null });
    const changes = await province.get(`/api/v1/bulletins/${ids.bulletin}/changes`);
    expect(changes.statusCode, changes.body).toBe(200);
    expect(changes.json()).toMatchObject({ items: [], moreProjects: 0 });
    expect((await province.get(`/api/v1/bulletins/${ids.bulletin}?changes=maybe`)).json().error.details[0].field).toBe('changes');
    expect((await county.get(`/api/v1/bulletins/${ids.bulletin}/changes`)).statusCode).toBe(404);
  });

  it('the Word document counts the cards by city; the annex names every red and yellow project', async () => {
    const docx = await province.get(`/api/v1/bulletins/${ids.bulletin}.docx`);
    expect(docx.statusCode).toBe(200);
    const xml = await (await JSZip.loadAsync(docx.rawPayload)).file('word/document.xml')!.async('string');
    const b = (await province.get(`/api/v1/bulletins/${ids.bulletin}`)).json();
    for (const text of ['山东省重点项目推进工作领导小组办公室', '山重推办〔2024〕1号', '关于2024年6月全省重点项目', '表2　各市重点项目亮牌情况（2024年6月）', '各市人民政府，省直有关部门：']) {
      expect(xml, text).toContain(text);
    }
    for (const r of b.figures.cards.regions) for (const v of [r.label, String(r.red), String(r.yellow)]) expect(xml, `${r.label} ${v}`).toContain(`>${v}<`);

    const xlsx = await province.get(`/api/v1/bulletins/${ids.bulletin}.xlsx`);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const named = wb.getWorksheet('红黄牌项目')!;
    const rows: string[][] = [];
    for (let i = 4; i <= named.rowCount; i++) rows.push([String(named.getRow(i).getCell(2).value), String(named.getRow(i).getCell(3).value)]);
    const expected = await q<{ color: string; code: string }>(`
      select coalesce(c.override_color, c.color) as color, p.code from project_cards c join projects p on p.id = c.project_id
       where c.period_id = any($1::uuid[]) and coalesce(c.override_color, c.color) <> 'blue'`, [[ids.june, ids.zzJune]]);
    expect(rows.map(([c, code]) => `${c}${code}`).sort()).toEqual(expected.map((e) => `${e.color === 'red' ? '红牌' : '黄牌'}${e.code}`).sort());
    // Both cities' periods are in it: 枣庄's project (a third of its plan by June) is carded too.
    expect(expected.map((e) => e.code)).toContain('C-zz');
    const lines = wb.getWorksheet('项目明细')!;
    expect(lines.rowCount - 4).toBe(b.projectLines);
  });

  it('a city’s month is its own period; the bulletin names its cards as before', async () => {
    const res = await issue(city, { regionCode: REGIONS.city.code, month: '2024-06' });
    expect(res.statusCode, res.body).toBe(201);
    const b = res.json();
    expect(b).toMatchObject({ periodId: ids.june, periodLabel: '2024年6月', number: '聊重推办〔2024〕1号' });
    expect(b.figures.cards.named).toBe(true);
    expect(b.figures.cards.red.length).toBe(b.figures.cards.counts.red);
    expect(b.figures.periods).toEqual([expect.objectContaining({ id: ids.june, regionName: '聊城市' })]);
    const list = (await province.get('/api/v1/bulletins?year=2024')).json().items;
    expect(list.map((x: { number: string; periodLabel: string }) => `${x.number} ${x.periodLabel}`).sort()).toEqual(['山重推办〔2024〕1号 2024年6月', '聊重推办〔2024〕1号 2024年6月']);
  });

  it('reads a bulletin stored before the lists were packed (all in figures, no lines) the same', async () => {
    const id = (await province.get('/api/v1/bulletins?region=371500')).json().items[0].id;
    const before = { detail: (await city.get(`/api/v1/bulletins/${id}`)).json(), xlsx: await sheetsOf((await city.get(`/api/v1/bulletins/${id}.xlsx`)).rawPayload) };
    const [row] = await q<{ figures: Record<string, unknown>; lines: Buffer }>(`select figures, lines from bulletins where id = $1`, [id]);
    const whole = await unpackFigures(row!.figures, row!.lines);
    await q(`update bulletins set figures = $2::jsonb, lines = null where id = $1`, [id, JSON.stringify({ ...whole, version: 1 })]);
    const after = { detail: (await city.get(`/api/v1/bulletins/${id}`)).json(), xlsx: await sheetsOf((await city.get(`/api/v1/bulletins/${id}.xlsx`)).rawPayload) };
    expect({ ...after.detail, changes: null, figures: { ...after.detail.figures, version: 2 } }).toEqual({ ...before.detail, changes: null });
    expect(after.xlsx).toEqual(before.xlsx);
  });

  it('refuses a month without periods, a month and a period together, a bad month, and a county office', async () => {
    const none = await issue(province, { regionCode: '370000', month: '2023-01' });
    expect(none.statusCode).toBe(400);
    expect(none.json().error).toMatchObject({ message: '「山东省」及其下级区域没有2023年1月的填报期间', details: [{ field: 'month' }] });
    const both = await issue(province, { regionCode: '370000', month: '2024-06', periodId: ids.june });
    expect(both.statusCode).toBe(400);
    expect(both.json().error.details.map((d: { field: string }) => d.field)).toEqual(['month']);
    const bad = await issue(province, { regionCode: '370000', month: '2024-13' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details[0]).toMatchObject({ field: 'month', message: '统计月份应为 YYYY-MM，如 2024-11' });
    // A city's period does not cover the province: the refusal points to the month.
    const cityPeriod = await issue(province, { regionCode: '370000', periodId: ids.june });
    expect(cityPeriod.statusCode).toBe(400);
    expect(cityPeriod.json().error.message).toContain('按统计月份（month）生成');
    expect((await issue(county, { regionCode: '370000', month: '2024-06' })).statusCode).toBe(404);
  });
});

const db = () => t.database.db;

async function sheetsOf(file: Buffer): Promise<unknown[][]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(file as unknown as ArrayBuffer);
  return wb.worksheets.map((ws) => ws.getSheetValues());
}
