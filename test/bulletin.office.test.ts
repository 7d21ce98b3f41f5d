// A real office suite opens the bulletin: LibreOffice headless converts the Word document and the
// Excel annex of the demo city's November bulletin to PDF. LibreOffice must be installed (CI does it
// in .ci/run); without it this test fails and says so, it does not skip.
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../src/server/db/seed/demo.ts';
import { buildTestApp, login, type Client, type TestApp } from './helpers/app.ts';
import { soffice } from './helpers/office.ts';

const run = promisify(execFile);
let t: TestApp;
let office: Client;
let id: string;
const dir = mkdtempSync(join(tmpdir(), 'bulletin-office-'));


/** Converts a file to PDF in a fresh profile; returns the PDF's bytes. */
async function toPdf(file: string): Promise<Buffer> {
  const profile = mkdtempSync(join(tmpdir(), 'lo-profile-'));
  try {
    await run(soffice(), ['--headless', '--norestore', `-env:UserInstallation=file://${profile}`, '--convert-to', 'pdf', '--outdir', dir, file], { timeout: 60_000 });
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
  const pdf = file.replace(/\.(docx|xlsx)$/, '.pdf');
  expect(statSync(pdf, { throwIfNoEntry: false })?.size ?? 0, `${pdf} was not written`).toBeGreaterThan(1000);
  return readFileSync(pdf);
}

const pages = (pdf: Buffer) => (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;

beforeAll(async () => {
  t = await buildTestApp();
  await seedDemo(t.database.db);
  office = await login(t.app, 'office', 'Tuijin@2024');
  const [nov] = (await t.database.pool.query(`select id from reporting_periods where region_code = '371500' and year = 2024 and month = 11`)).rows;
  const res = await office.post('/api/v1/bulletins', { regionCode: '371500', periodId: nov.id });
  expect(res.statusCode, res.body).toBe(201);
  id = res.json().id;
}, 180_000);
afterAll(async () => {
  await t.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('LibreOffice opens the bulletin', () => {
  it('converts the Word document to a PDF of several pages', async () => {
    const file = join(dir, 'bulletin.docx');
    writeFileSync(file, (await office.get(`/api/v1/bulletins/${id}.docx`)).rawPayload);
    const pdf = await toPdf(file);
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pages(pdf)).toBeGreaterThanOrEqual(2);
  }, 90_000);

  it('converts the Excel annex to a PDF', async () => {
    const file = join(dir, 'annex.xlsx');
    writeFileSync(file, (await office.get(`/api/v1/bulletins/${id}.xlsx`)).rawPayload);
    const pdf = await toPdf(file);
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pages(pdf)).toBeGreaterThanOrEqual(1);
  }, 90_000);
});
