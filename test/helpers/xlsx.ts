// Builds real .xlsx files for ledger tests with ExcelJS, uploads them like a browser does
// (multipart/form-data), and crafts hostile zips by hand.
import { randomBytes } from 'node:crypto';
import { deflateRawSync } from 'node:zlib';
import ExcelJS from 'exceljs';
import type { LightMyRequestResponse } from 'fastify';
import { LEDGER_FIELDS, LEDGER_HEADERS, type LedgerField } from '../../src/contract/ledger.ts';
import type { Client } from './app.ts';

export type CellIn = string | number | Date | null | undefined | { formula: string; result?: unknown } | { richText: { text: string }[] };

export interface SheetSpec {
  name?: string;
  rows: CellIn[][];
  merges?: string[];
}

export async function buildXlsx(sheets: SheetSpec[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  sheets.forEach((s, i) => {
    const ws = wb.addWorksheet(s.name ?? `Sheet${i + 1}`);
    for (const row of s.rows) ws.addRow(row as unknown[]);
    for (const m of s.merges ?? []) ws.mergeCells(m);
  });
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export type LedgerRowIn = Partial<Record<LedgerField, CellIn>>;

/** A ledger sheet with the template's headers (or the given ones) and one row per object. */
export async function buildLedger(rows: LedgerRowIn[], opts: { fields?: LedgerField[]; titleRows?: CellIn[][] } = {}): Promise<Buffer> {
  const fields = opts.fields ?? [...LEDGER_FIELDS];
  return buildXlsx([{
    name: '台账',
    rows: [...(opts.titleRows ?? []), fields.map((f) => LEDGER_HEADERS[f]), ...rows.map((r) => fields.map((f) => r[f] ?? null))],
  }]);
}

/** A complete, valid row for a new project in 东昌府区. */
export function goodRow(code: string, o: LedgerRowIn = {}): LedgerRowIn {
  return {
    code, name: `测试导入项目${code}`, region: '东昌府区', owner: '聊城某某化工有限公司', responsibleUnit: '东昌府区人民政府',
    leader: '李建国', level: '市级', category: '产业类', industry: '高端化工及新材料', constructionContent: '新建生产线两条',
    totalInvestment: 52000.5, annualPlan: 12000, plannedStart: new Date(Date.UTC(2024, 8, 1)), plannedCompletion: new Date(Date.UTC(2025, 11, 31)),
    stage: '前期', tags: '招商引资、新质生产力', longitude: 115.985, latitude: 36.456,
    ...o,
  };
}

export interface UploadOptions {
  dryRun?: boolean;
  mapping?: Record<string, string>;
  fileName?: string;
  year?: number;
  contentType?: string;
}

export function multipart(file: Buffer, opts: UploadOptions = {}): { payload: Buffer; headers: Record<string, string> } {
  const boundary = `----tuijin${randomBytes(8).toString('hex')}`;
  const parts: Buffer[] = [];
  if (opts.mapping) {
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="mapping"\r\n\r\n${JSON.stringify(opts.mapping)}\r\n`));
  }
  const type = opts.contentType ?? 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
  parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${opts.fileName ?? '台账.xlsx'}"\r\nContent-Type: ${type}\r\n\r\n`));
  parts.push(file, Buffer.from(`\r\n--${boundary}--\r\n`));
  return { payload: Buffer.concat(parts), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

export function upload(c: Client, file: Buffer, opts: UploadOptions = {}): Promise<LightMyRequestResponse> {
  const { payload, headers } = multipart(file, opts);
  const q = new URLSearchParams({ dryRun: String(opts.dryRun ?? true) });
  if (opts.year) q.set('year', String(opts.year));
  return c.request({ method: 'POST', url: `/api/v1/ledger/import?${q}`, payload, headers });
}

/** Reads a workbook back: the first sheet's rows as plain values (1-based columns dropped). */
export async function readSheet(buf: Buffer, sheet = 0): Promise<unknown[][]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buf as unknown as ArrayBuffer);
  const ws = wb.worksheets[sheet]!;
  const out: unknown[][] = [];
  ws.eachRow({ includeEmpty: true }, (row, n) => {
    out[n - 1] = (row.values as unknown[]).slice(1);
  });
  return out;
}

interface RawEntry {
  name: string;
  data: Buffer;
  /** Size written into the headers; defaults to the real inflated size. */
  declaredSize?: number;
  realSize: number;
}

/** Writes a zip by hand, so a test can make its headers say whatever it likes. */
export function rawZip(entries: RawEntry[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name, 'utf8');
    const size = e.declaredSize ?? e.realSize;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(e.data.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(e.data.length, 20);
    central.writeUInt32LE(size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, e.data);
    centrals.push(central, name);
    offset += 30 + name.length + e.data.length;
  }
  const cd = Buffer.concat(centrals);
  const eocd = Buffer.alloc(22);
  eocd.writeUInt32LE(0x06054b50, 0);
  eocd.writeUInt16LE(entries.length, 8);
  eocd.writeUInt16LE(entries.length, 10);
  eocd.writeUInt32LE(cd.length, 12);
  eocd.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, eocd]);
}

const deflated = (s: string | Buffer) => {
  const raw = typeof s === 'string' ? Buffer.from(s) : s;
  return { data: deflateRawSync(raw), realSize: raw.length };
};

/** The parts of a workbook the guard looks for, plus one sheet entry shaped by the caller. */
function bombWith(sheet: RawEntry): Buffer {
  return rawZip([
    { name: '[Content_Types].xml', ...deflated('<?xml version="1.0"?><Types/>') },
    { name: 'xl/workbook.xml', ...deflated('<?xml version="1.0"?><workbook/>') },
    sheet,
  ]);
}

/** Declares a sheet of almost 4 GB: refused from the central directory alone. */
export const zipBombDeclaredHuge = () => bombWith({ name: 'xl/worksheets/sheet1.xml', ...deflated('<x/>'), declaredSize: 0xfffffff0 });

/** Honest headers, 30 MB of zeros in a few kilobytes: refused for its compression ratio. */
export const zipBombRatio = () => bombWith({ name: 'xl/worksheets/sheet1.xml', ...deflated(Buffer.alloc(30 * 1024 * 1024)) });

/** Headers that lie: they declare 1 KB, the entry inflates to 50 MB. */
export const zipBombLying = () => bombWith({ name: 'xl/worksheets/sheet1.xml', ...deflated(Buffer.alloc(50 * 1024 * 1024)), declaredSize: 1024 });
