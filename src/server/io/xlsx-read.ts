// Reads a guarded .xlsx into plain cell values: formulas give their cached result, rich text and
// hyperlinks their text. Nothing here knows about projects.
//
// ExcelJS's streaming reader is used, not `Workbook.load`: load() expands every merged range and
// data-validation range cell by cell, so a whole-column drop-down (common in county templates) or a
// crafted "A1:XFD1048576" would cost minutes and gigabytes. The streaming reader reads cell data only.
import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { AppError } from '../errors.ts';
import { guardXlsxZip } from './zip-guard.ts';

export type Plain = string | number | boolean | Date | { error: string } | null;

export interface SheetRows {
  name: string;
  /** Rows by their Excel row number; cells by 1-based column index. Empty rows are absent. */
  rows: Map<number, Plain[]>;
  /** Non-empty rows in the sheet, including any not kept in `rows` (see readXlsx's maxRows). */
  rowCount: number;
}

interface StreamedSheet extends AsyncIterable<ExcelJS.Row> {
  name: string;
  state?: string;
}

/** Reads every sheet; beyond `maxRows` non-empty rows a sheet's rows are only counted, not kept. */
export async function readXlsx(buf: Buffer, opts: { maxRows?: number } = {}): Promise<SheetRows[]> {
  guardXlsxZip(buf);
  const maxRows = opts.maxRows ?? Infinity;
  const visible: SheetRows[] = [];
  const hidden: SheetRows[] = [];
  try {
    const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from(buf), {
      sharedStrings: 'cache', styles: 'cache', hyperlinks: 'ignore', worksheets: 'emit', entries: 'ignore',
    });
    for await (const ws of reader as unknown as AsyncIterable<StreamedSheet>) {
      const sheet: SheetRows = { name: ws.name, rows: new Map(), rowCount: 0 };
      for await (const row of ws) {
        const values = row.values as (ExcelJS.CellValue | undefined)[];
        const cells: Plain[] = [];
        let any = false;
        for (let i = 1; i < values.length; i++) {
          const v = plain(values[i]);
          if (v === null) continue;
          if (!(typeof v === 'string' && v.trim() === '')) any = true;
          cells[i] = v;
        }
        if (!any) continue;
        sheet.rowCount += 1;
        if (sheet.rowCount <= maxRows) sheet.rows.set(row.number, cells);
      }
      // A hidden helper sheet should not win over the ledger the user sees.
      (ws.state && ws.state !== 'visible' ? hidden : visible).push(sheet);
    }
  } catch (err) {
    if (err instanceof AppError) throw err;
    throw new AppError('bad_file', '无法读取该 Excel 文件，文件可能已损坏，请用 Excel 打开后另存为 .xlsx 再上传');
  }
  return [...visible, ...hidden];
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
