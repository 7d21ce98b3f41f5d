// A real office suite opens the ledger export (written as SpreadsheetML by our own streaming writer,
// not by a spreadsheet library): LibreOffice headless converts it to CSV, and the text it shows is the
// ledger's — headers, Chinese names, money, dates in their yyyy-mm-dd format, empty cells, the
// formula guard's apostrophe. LibreOffice must be installed (CI does it in .ci/run); without it this
// test fails and says so, it does not skip.
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LEDGER_FIELDS, LEDGER_HEADERS } from '../src/contract/ledger.ts';
import { buildTestApp, login, type Client, type TestApp } from './helpers/app.ts';
import { soffice } from './helpers/office.ts';
import { buildProject, createUser, REGIONS, seedTestRegions } from './helpers/factories.ts';

const run = promisify(execFile);
let t: TestApp;
let office: Client;
const dir = mkdtempSync(join(tmpdir(), 'ledger-office-'));


beforeAll(async () => {
  t = await buildTestApp();
  const db = t.database.db;
  await seedTestRegions(db);
  await createUser(db, { username: 'office1', role: 'office', regionCode: REGIONS.city.code });
  await buildProject(db, {
    code: 'LO-001', name: '年产10万吨锂电池回收项目', totalInvestment: '12345.6789', plannedStart: '2024-09-01', plannedCompletion: '2026-12-31',
    constructionContent: '新建厂房，"二期" & <配套>', tags: ['招商引资', '新质生产力'], longitude: '115.985', latitude: '36.456',
  });
  await buildProject(db, { code: 'LO-002', name: '=HYPERLINK("http://evil.example")', totalInvestment: '500', regionCode: REGIONS.shen.code });
  office = await login(t.app, 'office1');
}, 120_000);
afterAll(async () => {
  await t.close();
  rmSync(dir, { recursive: true, force: true });
});

/** RFC 4180 lines of a small CSV (no line breaks inside cells here). */
const parse = (csv: string) => csv.trim().split('\n').map((line) => {
  const cells: string[] = [];
  for (let i = 0, cell = '', quoted = false; i <= line.length; i++) {
    const ch = line[i];
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') (cell += '"'), i++;
      else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',' || ch === undefined) (cells.push(cell), (cell = ''));
    else cell += ch;
  }
  return cells;
});

describe('LibreOffice opens the ledger export', () => {
  it('converts it to CSV with the ledger’s text', async () => {
    const res = await office.get('/api/v1/ledger/export.xlsx');
    expect(res.statusCode).toBe(200);
    const file = join(dir, 'ledger.xlsx');
    writeFileSync(file, res.rawPayload);
    const profile = mkdtempSync(join(tmpdir(), 'lo-profile-'));
    try {
      // Text CSV, UTF-8 (76), formatted as shown: dates come out as the column's yyyy-mm-dd.
      await run(soffice(), ['--headless', '--norestore', `-env:UserInstallation=file://${profile}`, '--convert-to',
        'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,true', '--outdir', dir, file], { timeout: 90_000 });
    } finally {
      rmSync(profile, { recursive: true, force: true });
    }
    const rows = parse(readFileSync(join(dir, 'ledger.csv'), 'utf8'));
    expect(rows[0]).toEqual(LEDGER_FIELDS.map((f) => LEDGER_HEADERS[f]));
    const col = (f: (typeof LEDGER_FIELDS)[number]) => LEDGER_FIELDS.indexOf(f);
    const first = rows[1]!;
    expect(first[col('code')]).toBe('LO-001');
    expect(first[col('name')]).toBe('年产10万吨锂电池回收项目');
    expect(first[col('region')]).toBe('东昌府区');
    expect(first[col('constructionContent')]).toBe('新建厂房，"二期" & <配套>');
    expect(first[col('totalInvestment')]).toBe('12,345.6789');
    expect(first[col('plannedStart')]).toBe('2024-09-01');
    expect(first[col('plannedCompletion')]).toBe('2026-12-31');
    expect(first[col('plannedProduction')]).toBe('');
    expect(first[col('longitude')]).toBe('115.985000');
    expect(first[col('tags')]).toBe('招商引资、新质生产力');
    expect(rows[2]![col('code')]).toBe('LO-002');
    expect(rows[2]![col('name')]).toBe(`'=HYPERLINK("http://evil.example")`);
    expect(rows[2]![col('region')]).toBe('莘县');
    expect(rows).toHaveLength(3);
  }, 120_000);
});
