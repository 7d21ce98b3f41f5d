// The streamed sheet writer: its rows are the XML ExcelJS's streaming writer made for the same
// values (the ledger export used it before); the file reads back with ExcelJS and passes the
// upload zip guard; a slow reader holds the writer back; a reader that goes away stops it; and a
// sheet far larger than the heap it is given is written (memory flat with the row count).
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { PassThrough, Writable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { HEADER_STYLE, LEDGER_COLUMNS, neutralise, numFmtOf } from './ledger-sheet.ts';
import { createLedgerWriter, type LedgerRowOut } from './ledger-export.ts';
import { guardXlsxZip } from './zip-guard.ts';
import { createXlsxStreamWriter, type XlsxColumn, type XlsxValue } from './xlsx-stream.ts';

const base: LedgerRowOut = {
  code: 'P-001', name: '年产10万吨锂电池回收项目', region: '东昌府区', owner: '山东某某新能源科技有限公司', responsibleUnit: '东昌府区人民政府', leader: '李建国',
  level: '市级', category: '产业类', industry: '高端化工及新材料', constructionContent: '新建厂房 2 万平方米', totalInvestment: '52000.5', annualPlan: '12000',
  plannedStart: '2024-09-01', plannedCompletion: '2026-12-31', plannedProduction: null, stage: '开工', actualStart: '2024-09-20', batch: '2024年秋季集中开工',
  longitude: '115.985', latitude: '36.456', tags: '招商引资、新质生产力',
};

/** Values that test the escaping, the formula guard, empty cells and number forms. */
const ROWS: LedgerRowOut[] = [
  base,
  { ...base, code: 'P-002', name: '=HYPERLINK("http://evil.example","点击")', owner: '@某某 & <子公司> \'甲\'', constructionContent: '-新建\t厂房\r\n二期', totalInvestment: '12345.6789', annualPlan: null },
  { ...base, code: 'P-003', name: `控制符\u0001\u0008\u000b\u001f\u007f保留\u00a0与😀`, region: '370103', leader: null, tags: null, longitude: null, latitude: null, plannedStart: null, actualStart: null, batch: null },
  { ...base, code: 'P-004', name: '+智能灌装', totalInvestment: '0.0001', annualPlan: '98765.4321', plannedStart: '1999-12-31', plannedCompletion: '2100-02-28', latitude: '-33.868800' },
  { ...base, code: 'P-005', name: '', owner: '', constructionContent: ' 前后空格 ', totalInvestment: '100000000' },
];

/** The ledger export as ExcelJS's streaming writer made it (the code this writer replaced). */
async function exceljsLedger(rows: LedgerRowOut[]): Promise<Buffer> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (c: Buffer) => chunks.push(c));
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  const ws = wb.addWorksheet('重点项目台账', { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = LEDGER_COLUMNS.map((c) => ({ header: c.header, key: c.field, width: c.width, style: numFmtOf(c.kind) ? { numFmt: numFmtOf(c.kind) } : {} }));
  const header = ws.getRow(1);
  header.height = 30;
  header.eachCell((cell) => { cell.style = HEADER_STYLE as ExcelJS.Style; });
  header.commit();
  const styles = LEDGER_COLUMNS.map((c) => (numFmtOf(c.kind) ? { numFmt: numFmtOf(c.kind) } : {}) as Partial<ExcelJS.Style>);
  for (const row of rows) {
    const r = ws.addRow(LEDGER_COLUMNS.map((c) => {
      const v = row[c.field];
      if (v == null || v === '') return null;
      if (c.kind === 'money' || c.kind === 'coordinate') return Number(v);
      if (c.kind === 'date') {
        const [y, m, d] = v.split('-').map(Number);
        return new Date(Date.UTC(y!, m! - 1, d!));
      }
      return neutralise(v);
    }));
    r.eachCell({ includeEmpty: true }, (cell, col) => { cell.style = styles[col - 1]!; });
    r.commit();
  }
  ws.commit();
  await wb.commit();
  return Buffer.concat(chunks);
}

async function ours(rows: LedgerRowOut[], pageSize = 2): Promise<Buffer> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (c: Buffer) => chunks.push(c));
  const w = createLedgerWriter(out);
  for (let i = 0; i < rows.length; i += pageSize) await w.add(rows.slice(i, i + pageSize));
  await w.finish();
  return Buffer.concat(chunks);
}

const sheetXml = async (file: Buffer) => (await JSZip.loadAsync(file)).file('xl/worksheets/sheet1.xml')!.async('string');
const between = (xml: string, from: string, to: string) => xml.slice(xml.indexOf(from), xml.indexOf(to) + to.length);

describe('streamed xlsx writer', () => {
  it('writes the same sheet rows, columns and frozen header as ExcelJS’s streaming writer', async () => {
    const [theirs, mine] = await Promise.all([exceljsLedger(ROWS), ours(ROWS)]);
    const [a, b] = await Promise.all([sheetXml(theirs), sheetXml(mine)]);
    // Every data row byte for byte (the header row's style index differs: ExcelJS numbers styles as met).
    expect(between(b, '<row r="2"', '</sheetData>')).toBe(between(a, '<row r="2"', '</sheetData>'));
    expect(between(b, '<sheetViews>', '</sheetViews>')).toBe(between(a, '<sheetViews>', '</sheetViews>'));
    expect(b.match(/<c r="[A-Z]+1" s="\d+" t="str"><v>[^<]*<\/v><\/c>/g)!.map((c) => c.replace(/ s="\d+"/, '')))
      .toEqual(a.match(/<c r="[A-Z]+1" s="\d+" t="str"><v>[^<]*<\/v><\/c>/g)!.map((c) => c.replace(/ s="\d+"/, '')));
    // The same columns: widths and number formats (by format code, not style number).
    const colsOf = async (file: Buffer) => {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(file as unknown as ArrayBuffer);
      const ws = wb.worksheets[0]!;
      return { name: ws.name, views: ws.views, cols: ws.columns.map((c) => [c.width, c.numFmt ?? null]), header: ws.getRow(1).height, style: ws.getCell('A1').style };
    };
    expect(await colsOf(mine)).toEqual(await colsOf(theirs));
  });

  it('reads back with ExcelJS value for value, and passes the upload zip guard', async () => {
    const file = await ours(ROWS, 3);
    await guardXlsxZip(file);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(file as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    expect(ws.rowCount).toBe(ROWS.length + 1);
    expect(ws.getCell('B3').value).toBe(`'=HYPERLINK("http://evil.example","点击")`);
    expect(ws.getCell('D3').value).toBe(`'@某某 & <子公司> '甲'`);
    expect(ws.getCell('K3').value).toBe(12345.6789);
    expect(ws.getCell('K3').numFmt).toBe('#,##0.00##');
    expect(ws.getCell('L3').value).toBeNull();
    expect(ws.getCell('L3').numFmt).toBe('#,##0.00##');
    expect(ws.getCell('B4').value).toBe('控制符保留\u00a0与😀');
    expect(ws.getCell('M5').value).toEqual(new Date(Date.UTC(1999, 11, 31)));
    expect(ws.getCell('N5').value).toEqual(new Date(Date.UTC(2100, 1, 28)));
    expect(ws.getCell('T5').value).toBe(-33.8688);
    expect(ws.getCell('K6').value).toBe(100000000);
    expect(ws.getCell('B6').value).toBeNull();
  });

  it('waits for a slow reader instead of buffering the sheet, then finishes', async () => {
    let received = 0;
    let release: (() => void) | null = null;
    // A reader that takes 256 KB and then stops reading until released.
    const slow = new Writable({
      highWaterMark: 64 * 1024,
      write(chunk: Buffer, _enc, cb) {
        received += chunk.length;
        if (received > 256 * 1024 && !release) release = cb;
        else cb();
      },
    });
    const columns: XlsxColumn[] = [{ header: '名称', width: 40, kind: 'text' }, { header: '金额', width: 12, kind: 'number', numFmt: '0.00' }];
    const w = createXlsxStreamWriter(slow, { sheetName: '表', creator: '测试', header: { height: 20, style: HEADER_STYLE as never }, columns, level: 1 });
    // Pages of random text (deflate cannot shrink it much): 2,000 pages ≈ 25 MB if nothing held it back.
    const page = (k: number): XlsxValue[][] => Array.from({ length: 100 }, (_, i) => [randomBytes(90).toString('base64'), k * 100 + i]);
    let accepted = 0;
    const producing = (async () => {
      for (let k = 0; k < 2000; k++) {
        await w.addRows(page(k));
        accepted++;
      }
      await w.finish();
    })();
    while (!release) await new Promise((r) => setTimeout(r, 5));
    await new Promise((r) => setTimeout(r, 300));
    // Stalled: the writer took only a few pages beyond what the reader and the deflater hold.
    const stalledAt = accepted;
    expect(stalledAt).toBeLessThan(60);
    await new Promise((r) => setTimeout(r, 300));
    expect(accepted).toBe(stalledAt);
    const resume = release as unknown as () => void;
    slow._write = (chunk: Buffer, _enc, cb) => { received += chunk.length; cb(); };
    resume();
    await producing;
    expect(accepted).toBe(2000);
  }, 60_000);

  it('stops with an error when the reader goes away mid-sheet', async () => {
    const out = new PassThrough({ highWaterMark: 16 * 1024 });
    let read = 0;
    out.on('data', (c: Buffer) => {
      read += c.length;
      if (read > 100_000) out.destroy();
    });
    const w = createLedgerWriter(out);
    const rows = Array.from({ length: 500 }, (_, i) => ({ ...base, code: `P-${i}`, name: `${Math.random().toString(36).repeat(8)}` }));
    const run = (async () => {
      for (let k = 0; k < 1000; k++) await w.add(rows);
      await w.finish();
    })();
    await expect(run).rejects.toThrow();
  }, 60_000);

  it('writes 80,000 rows (~75 MB of sheet XML) within a 48 MB heap', () => {
    const writer = fileURLToPath(new URL('./ledger-export.ts', import.meta.url));
    const script = `
      const { Writable } = await import('node:stream');
      const { createLedgerWriter } = await import(${JSON.stringify(writer)});
      let bytes = 0;
      const sink = new Writable({ write(c, _e, cb) { bytes += c.length; cb(); } });
      const w = createLedgerWriter(sink);
      const base = ${JSON.stringify(base)};
      for (let k = 0; k < 80; k++) {
        await w.add(Array.from({ length: 1000 }, (_, i) => ({ ...base, code: 'P-' + (k * 1000 + i), name: base.name + (k * 1000 + i) })));
      }
      await w.finish();
      const hwm = Number(/VmHWM:\\s+(\\d+)/.exec((await import('node:fs')).readFileSync('/proc/self/status', 'utf8'))[1]) * 1024;
      console.log(JSON.stringify({ bytes, hwm }));`;
    const r = spawnSync(process.execPath, ['--import', 'tsx', '--max-old-space-size=48', '--input-type=module', '-e', script], { encoding: 'utf8', timeout: 120_000 });
    expect(r.status, r.stderr).toBe(0);
    const { bytes, hwm } = JSON.parse(r.stdout.trim().split('\n').at(-1)!);
    console.log(`80,000 rows: ${(bytes / 1e6).toFixed(1)} MB written, peak RSS ${(hwm / 1e6).toFixed(0)} MB`);
    expect(bytes).toBeGreaterThan(5_000_000);
    // Buffers live outside the heap: the process as a whole must stay small too (node + tsx ≈ 100 MB).
    expect(hwm).toBeLessThan(200e6);
  }, 150_000);
});
