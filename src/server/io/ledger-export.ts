// Streams a ledger export to any writable (an HTTP reply, a file): the template's columns, money as
// numbers, dates as real dates, vocabularies as Chinese labels, so the file imports back unchanged.
// Written by the streamed SpreadsheetML writer (xlsx-stream.ts) page by page, with backpressure.
import type { Writable } from 'node:stream';
import type { LedgerField } from '../../contract/ledger.ts';
import { HEADER_STYLE, LEDGER_COLUMNS, neutralise, numFmtOf } from './ledger-sheet.ts';
import { TEMPLATE_SHEET } from './ledger-template.ts';
import { createXlsxStreamWriter, type XlsxHeaderStyle, type XlsxValue } from './xlsx-stream.ts';

/** One row as text; money, dates and coordinates as their canonical strings ('12500.5', '2024-09-01'). */
export type LedgerRowOut = Record<LedgerField, string | null>;

export interface LedgerWriter {
  /** Writes a page of rows; resolves when the destination can take the next page. */
  add(rows: LedgerRowOut[]): Promise<void>;
  /** Closes the workbook and ends the stream. */
  finish(): Promise<void>;
}

export function createLedgerWriter(stream: Writable, opts: { annualPlanHeader?: string } = {}): LedgerWriter {
  const writer = createXlsxStreamWriter(stream, {
    sheetName: TEMPLATE_SHEET,
    creator: '推进 · 重点项目推进平台',
    freezeHeader: true,
    header: { height: 30, style: HEADER_STYLE as XlsxHeaderStyle },
    columns: LEDGER_COLUMNS.map((c) => ({
      header: c.field === 'annualPlan' && opts.annualPlanHeader ? opts.annualPlanHeader : c.header,
      width: c.width,
      // numeric(16,4) has at most 15 significant digits: a double holds it exactly enough to round-trip.
      kind: c.kind === 'money' || c.kind === 'coordinate' ? 'number' : c.kind === 'date' ? 'date' : 'text',
      numFmt: numFmtOf(c.kind),
    })),
  });
  const cells = (row: LedgerRowOut): XlsxValue[] =>
    LEDGER_COLUMNS.map((c) => {
      const v = row[c.field];
      return v == null || v === '' ? null : c.kind === 'text' ? neutralise(v) : v;
    });
  return {
    add: (rows) => writer.addRows(rows.map(cells)),
    finish: () => writer.finish(),
  };
}

/** Content-Disposition with an ASCII fallback and the Chinese name per RFC 5987. */
export function attachmentHeader(fileName: string, asciiFallback: string): string {
  const encoded = encodeURIComponent(fileName).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${asciiFallback}"; filename*=UTF-8''${encoded}`;
}
