// Reads a guarded .xlsx into plain cell values: formulas give their cached result, rich text and
// hyperlinks their text. Nothing here knows about projects.
//
// Why not ExcelJS's `Workbook.load`: it expands every merged range and data-validation range cell
// by cell, so a whole-column drop-down (common in county templates) or a crafted "A1:XFD1048576"
// costs minutes and gigabytes. Why not its streaming reader as is: it decodes each 16 KB inflate
// chunk on its own, so a Chinese character split across chunks turns into "��". So the zip is
// opened here (entries already checked by the guard), each part inflated as a stream and decoded
// with a proper UTF-8 decoder, and ExcelJS's streaming parsers read those parts (cell data only).
import { Readable } from 'node:stream';
import { createInflateRaw } from 'node:zlib';
import ExcelJS from 'exceljs';
import { AppError } from '../errors.ts';
import { guardXlsxZip, type ZipEntry } from './zip-guard.ts';

export type Plain = string | number | boolean | Date | { error: string } | null;

export interface SheetRows {
  name: string;
  /** Rows by their Excel row number; cells by 1-based column index. Empty rows are absent. */
  rows: Map<number, Plain[]>;
  /** Non-empty rows read: all of the sheet's, or `maxRows` + 1 where reading stopped (see readXlsx). */
  rowCount: number;
  /** The sheet has more than `maxRows` non-empty rows: reading stopped there. */
  truncated: boolean;
}

/** The parts of ExcelJS 4.4's WorkbookReader used here (not in its type declarations). */
interface ReaderInternals {
  model?: { sheets?: { name: string; rId: string; state?: string }[] };
  workbookRels?: { Id: string; Target: string }[];
  _parseRels(entry: Readable): Promise<void>;
  _parseWorkbook(entry: Readable): Promise<void>;
  _parseSharedStrings(entry: Readable): AsyncIterable<unknown>;
  _parseStyles(entry: Readable): Promise<void>;
  _parseWorksheet(iterator: AsyncIterable<string>, sheetNo: string): Iterable<{ value: AsyncIterable<ExcelJS.Row> }>;
}

/**
 * Reads every sheet in workbook order. A sheet with more than `maxRows` non-empty rows is read no
 * further (`truncated`): a million-row sheet costs what `maxRows` rows cost, not seconds of parsing.
 */
export async function readXlsx(buf: Buffer, opts: { maxRows?: number } = {}): Promise<SheetRows[]> {
  const entries = new Map((await guardXlsxZip(buf)).map((e) => [e.name, e]));
  const open = (name: string) => {
    const e = entries.get(name);
    return e ? entryStream(buf, e) : null;
  };
  const maxRows = opts.maxRows ?? Infinity;
  const visible: SheetRows[] = [];
  const hidden: SheetRows[] = [];
  try {
    const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from([]), {
      sharedStrings: 'cache', styles: 'cache', hyperlinks: 'ignore', worksheets: 'emit', entries: 'ignore',
    }) as unknown as ReaderInternals;
    const rels = open('xl/_rels/workbook.xml.rels');
    const workbook = open('xl/workbook.xml');
    if (!rels || !workbook) throw new AppError('bad_file', '工作簿结构不完整（缺少 workbook.xml），请用 Excel 打开后另存为 .xlsx 再上传');
    await reader._parseRels(rels);
    await reader._parseWorkbook(workbook);
    const strings = open('xl/sharedStrings.xml');
    if (strings) for await (const _ of reader._parseSharedStrings(strings));
    const styles = open('xl/styles.xml');
    if (styles) await reader._parseStyles(styles);

    const targets = new Map((reader.workbookRels ?? []).map((r) => [r.Id, r.Target]));
    for (const [i, s] of (reader.model?.sheets ?? []).entries()) {
      const target = targets.get(s.rId);
      const stream = target ? open(target.startsWith('/') ? target.slice(1) : `xl/${target.replace(/^\.\//, '')}`) : null;
      if (!stream) continue;
      const sheet: SheetRows = { name: s.name, rows: new Map(), rowCount: 0, truncated: false };
      read: for (const { value: rows } of reader._parseWorksheet(stream, String(i + 1))) {
        for await (const row of rows) {
          const cells = rowCells(row);
          if (!cells) continue;
          sheet.rowCount += 1;
          if (sheet.rowCount > maxRows) {
            sheet.truncated = true;
            break read;
          }
          sheet.rows.set(row.number, cells);
        }
      }
      if (sheet.truncated) stream.destroy();
      // A hidden helper sheet should not win over the ledger the user sees.
      (s.state && s.state !== 'visible' ? hidden : visible).push(sheet);
    }
  } catch (err) {
    if (err instanceof AppError) throw err;
    throw new AppError('bad_file', '无法读取该 Excel 文件，文件可能已损坏，请用 Excel 打开后另存为 .xlsx 再上传');
  }
  return [...visible, ...hidden];
}

/** One zip entry, inflated as it is read and decoded as UTF-8 across chunk boundaries. */
function entryStream(buf: Buffer, e: ZipEntry): Readable {
  const h = e.localHeaderOffset;
  const start = h + 30 + buf.readUInt16LE(h + 26) + buf.readUInt16LE(h + 28);
  const raw = Readable.from([buf.subarray(start, start + e.compressedSize)]);
  const out = e.method === 0 ? raw : raw.pipe(createInflateRaw());
  if (out !== raw) raw.on('error', (err) => out.destroy(err));
  out.setEncoding('utf8');
  return out;
}

function rowCells(row: ExcelJS.Row): Plain[] | null {
  const cells: Plain[] = [];
  let any = false;
  row.eachCell({ includeEmpty: false }, (cell, col) => {
    // `cell.value` of a formula drops a falsy result (0, ''), so its model is read instead.
    const v = cell.type === ExcelJS.ValueType.Formula ? formulaResult((cell.model as { result?: unknown }).result) : plain(cell.value);
    if (v === null) return;
    if (!(typeof v === 'string' && v.trim() === '')) any = true;
    cells[col] = v;
  });
  return any ? cells : null;
}

/** The cached result of a formula; an error result reaches us as NaN (its text is lost upstream). */
function formulaResult(r: unknown): Plain {
  if (typeof r === 'number' && Number.isNaN(r)) return { error: '公式计算出错' };
  return plain(r as ExcelJS.CellValue);
}

export function plain(v: ExcelJS.CellValue | undefined): Plain {
  if (v == null) return null;
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return v;
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? null : v;
  if (typeof v === 'object') {
    if ('formula' in v || 'sharedFormula' in v) return plain((v as ExcelJS.CellFormulaValue).result as ExcelJS.CellValue);
    if ('richText' in v) return (v as ExcelJS.CellRichTextValue).richText.map((t) => t.text ?? '').join('');
    if ('hyperlink' in v || 'text' in v) return plain((v as ExcelJS.CellHyperlinkValue).text as ExcelJS.CellValue);
    if ('error' in v) return { error: String((v as ExcelJS.CellErrorValue).error) };
  }
  return null;
}

/** Text of a cell as the user sees it (dates as YYYY-MM-DD), for headers and names. */
export function cellText(v: Plain): string {
  if (v == null) return '';
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === 'object') return v.error;
  return String(v).trim();
}

/** Column letters of a 1-based index: 1 → A, 27 → AA. */
export function columnLetter(n: number): string {
  let s = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}
