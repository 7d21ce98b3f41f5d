// The ledger sheet's layout, shared by the template and the export: columns, widths, formats,
// the header style, and the rule that keeps text cells from ever running as formulas.
import type ExcelJS from 'exceljs';
import { LEDGER_FIELDS, LEDGER_HEADERS, type LedgerField } from '../../contract/ledger.ts';

export type ColumnKind = 'text' | 'money' | 'date' | 'coordinate';

export interface LedgerColumn {
  field: LedgerField;
  header: string;
  width: number;
  kind: ColumnKind;
}

const WIDTH: Partial<Record<LedgerField, number>> = {
  code: 18, name: 36, region: 14, owner: 28, responsibleUnit: 24, leader: 10, level: 10, category: 12, industry: 18,
  constructionContent: 48, totalInvestment: 16, annualPlan: 18, stage: 10, batch: 24, longitude: 12, latitude: 12, tags: 20,
};

const KIND: Partial<Record<LedgerField, ColumnKind>> = {
  totalInvestment: 'money', annualPlan: 'money', plannedStart: 'date', plannedCompletion: 'date', plannedProduction: 'date',
  actualStart: 'date', longitude: 'coordinate', latitude: 'coordinate',
};

export const LEDGER_COLUMNS: LedgerColumn[] = LEDGER_FIELDS.map((field) => ({
  field, header: LEDGER_HEADERS[field], width: WIDTH[field] ?? 14, kind: KIND[field] ?? 'text',
}));

/** 2 to 4 decimals: 12,500.00 and 12,500.1234 both show as written. */
export const MONEY_FORMAT = '#,##0.00##';
export const DATE_FORMAT = 'yyyy-mm-dd';
export const COORDINATE_FORMAT = '0.000000';

export const HEADER_STYLE: Partial<ExcelJS.Style> = {
  font: { bold: true, color: { argb: 'FFFFFFFF' }, name: '宋体', size: 11 },
  fill: { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FF1F4E79' } },
  alignment: { vertical: 'middle', horizontal: 'center', wrapText: true },
  border: {
    top: { style: 'thin', color: { argb: 'FF8EA9C1' } }, bottom: { style: 'thin', color: { argb: 'FF8EA9C1' } },
    left: { style: 'thin', color: { argb: 'FF8EA9C1' } }, right: { style: 'thin', color: { argb: 'FF8EA9C1' } },
  },
};

export function numFmtOf(kind: ColumnKind): string | undefined {
  return kind === 'money' ? MONEY_FORMAT : kind === 'date' ? DATE_FORMAT : kind === 'coordinate' ? COORDINATE_FORMAT : undefined;
}

/**
 * A text cell that begins with = + - @ (or a tab / carriage return) could be taken for a formula
 * by a spreadsheet or a CSV re-save; an apostrophe in front keeps it text. Import strips it again.
 */
export function neutralise(s: string): string {
  return /^[=+\-@\t\r]/.test(s) ? `'${s}` : s;
}

export function styleHeaderRow(row: ExcelJS.Row): void {
  row.height = 30;
  row.eachCell((cell) => {
    cell.style = HEADER_STYLE as ExcelJS.Style;
  });
}
