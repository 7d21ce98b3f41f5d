// Streams a ledger export to any writable (an HTTP reply, a file): the template's columns, money as
// numbers, dates as real dates, vocabularies as Chinese labels, so the file imports back unchanged.
import type { Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import type { LedgerField } from '../../contract/ledger.ts';
import { LEDGER_COLUMNS, neutralise, numFmtOf, styleHeaderRow } from './ledger-sheet.ts';
import { TEMPLATE_SHEET } from './ledger-template.ts';

/** One row as text; money, dates and coordinates as their canonical strings ('12500.5', '2024-09-01'). */
export type LedgerRowOut = Record<LedgerField, string | null>;

export interface LedgerWriter {
  add(row: LedgerRowOut): void;
  finish(): Promise<void>;
}

export function createLedgerWriter(stream: Writable, opts: { annualPlanHeader?: string } = {}): LedgerWriter {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream, useStyles: true, useSharedStrings: false });
  wb.creator = '推进 · 重点项目推进平台';
  const ws = wb.addWorksheet(TEMPLATE_SHEET, { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = LEDGER_COLUMNS.map((c) => ({ header: c.field === 'annualPlan' && opts.annualPlanHeader ? opts.annualPlanHeader : c.header, key: c.field, width: c.width, style: numFmtOf(c.kind) ? { numFmt: numFmtOf(c.kind) } : {} }));
  styleHeaderRow(ws.getRow(1));
  ws.getRow(1).commit();
  // ExcelJS caches a cell style by object identity: one shared object per column turns 200,000
  // style serialisations (the bulk of an export's time) into 21.
  const styles = LEDGER_COLUMNS.map((c) => (numFmtOf(c.kind) ? { numFmt: numFmtOf(c.kind) } : {}) as Partial<ExcelJS.Style>);
  return {
    add(row) {
      const r = ws.addRow(LEDGER_COLUMNS.map((c) => cellValue(c.kind, row[c.field])));
      r.eachCell({ includeEmpty: true }, (cell, col) => {
        cell.style = styles[col - 1]!;
      });
      r.commit();
    },
    async finish() {
      ws.commit();
      await wb.commit();
    },
  };
}

function cellValue(kind: (typeof LEDGER_COLUMNS)[number]['kind'], v: string | null): ExcelJS.CellValue {
  if (v == null || v === '') return null;
  switch (kind) {
    case 'money':
    case 'coordinate':
      // numeric(16,4) has at most 15 significant digits: a double holds it exactly enough to round-trip.
      return Number(v);
    case 'date': {
      const [y, m, d] = v.split('-').map(Number);
      return new Date(Date.UTC(y!, m! - 1, d!));
    }
    default:
      return neutralise(v);
  }
}

/** Content-Disposition with an ASCII fallback and the Chinese name per RFC 5987. */
export function attachmentHeader(fileName: string, asciiFallback: string): string {
  const encoded = encodeURIComponent(fileName).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${asciiFallback}"; filename*=UTF-8''${encoded}`;
}
