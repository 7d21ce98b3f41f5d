// Finds the header row of a ledger (not always row 1: county files open with a title such as
// "2024年聊城市重点项目台账") and decides which field each column holds.
import { LEDGER_HEADERS, type ImportMapping, type LedgerField } from '../../../contract/ledger.ts';
import { AppError } from '../../errors.ts';
import { headerSignature, normaliseHeader, recogniseHeader, type MoneyScale } from '../../io/ledger-columns.ts';
import { cellText, columnLetter, type SheetRows } from '../../io/xlsx-read.ts';
import type { Problem } from './ledger.types.ts';

/** How far down a header row may sit. */
export const HEADER_SEARCH_ROWS = 10;
/** A row is a header when this many of its cells name a field (two, if one is 项目编码: code + annual plan is a valid update file). */
const MIN_FIELDS = 3;

export interface Column {
  index: number;
  letter: string;
  header: string;
  field: LedgerField | null;
  source: 'auto' | 'mapping' | 'remembered' | null;
  /** False only for a header nobody has said anything about: the user should map it. */
  recognized: boolean;
  scale: MoneyScale;
}

export interface HeaderCandidate {
  sheet: SheetRows;
  row: number;
  headers: { index: number; text: string }[];
  signature: string;
}

export interface LocatedHeader {
  sheet: SheetRows;
  headerRow: number;
  columns: Column[];
  /** Year named in the annual-plan header, if any. */
  headerYear?: number;
  signature: string;
  headerTexts: string[];
  problems: Problem[];
}

/** The first rows of every sheet: each one could be the header. */
export function headerCandidates(sheets: SheetRows[]): HeaderCandidate[] {
  const out: HeaderCandidate[] = [];
  for (const sheet of sheets) {
    const rowNumbers = [...sheet.rows.keys()].filter((n) => n <= HEADER_SEARCH_ROWS);
    for (const n of rowNumbers) {
      const cells = sheet.rows.get(n)!;
      const headers: { index: number; text: string }[] = [];
      cells.forEach((v, i) => {
        const text = cellText(v);
        if (text) headers.push({ index: i, text });
      });
      if (headers.length) out.push({ sheet, row: n, headers, signature: headerSignature(headers.map((h) => h.text)) });
    }
  }
  return out;
}

/**
 * Picks the header row: in the first sheet that has one, the row naming the most fields, counting
 * the built-in names, this upload's mapping and mappings remembered for the row's exact headers.
 */
export function locateHeader(
  candidates: HeaderCandidate[], explicit: ImportMapping, remembered: Map<string, Record<string, string>>,
): LocatedHeader {
  const explicitNorm = normaliseMapping(explicit);
  let best: { c: HeaderCandidate; columns: Column[]; score: number } | null = null;
  for (const c of candidates) {
    if (best && c.sheet !== best.c.sheet) break;
    const columns = assign(c, explicitNorm, normaliseMapping(remembered.get(c.signature) ?? {}));
    const fields = new Set(columns.map((col) => col.field).filter(Boolean));
    const score = fields.size;
    const qualifies = score >= MIN_FIELDS || (fields.has('code') && score >= 2);
    if (qualifies && (!best || score > best.score)) best = { c, columns, score };
  }
  if (!best) {
    throw new AppError('bad_file', `未找到表头行：各工作表前 ${HEADER_SEARCH_ROWS} 行中没有可识别的列名（如 项目编码、项目名称、总投资(万元)），请使用台账模板或在映射中指定各列`);
  }
  const { c, columns } = best;
  const problems: Problem[] = [];
  const byField = new Map<LedgerField, Column>();
  for (const col of columns) {
    if (!col.field) continue;
    const first = byField.get(col.field);
    if (first) {
      problems.push({
        row: c.row, column: col.header, field: col.field,
        message: `「${col.header}」列与「${first.header}」列都对应「${LEDGER_HEADERS[col.field]}」，请在列映射中忽略其中一列`,
      });
    } else byField.set(col.field, col);
  }
  if (!byField.has('code')) {
    throw new AppError('bad_file', `第 ${c.row} 行是表头，但没有「项目编码」列：导入按项目编码新建或更新项目，请补充该列或在映射中指定`, [
      { field: 'code', message: '缺少项目编码列', row: c.row, column: LEDGER_HEADERS.code },
    ]);
  }
  const annual = columns.find((col) => col.field === 'annualPlan');
  const headerYear = annual ? (recogniseHeader(annual.header) as { year?: number } | null)?.year : undefined;
  return { sheet: c.sheet, headerRow: c.row, columns, headerYear, signature: c.signature, headerTexts: c.headers.map((h) => h.text), problems };
}

function assign(c: HeaderCandidate, explicit: Map<string, string>, remembered: Map<string, string>): Column[] {
  return c.headers.map(({ index, text }) => {
    const key = normaliseHeader(text);
    const auto = recogniseHeader(text);
    const scale = auto && auto !== 'ignore' ? auto.scale : 1;
    const base = { index, letter: columnLetter(index), header: text, scale };
    for (const [map, source] of [[explicit, 'mapping'], [remembered, 'remembered']] as const) {
      if (map.has(key)) {
        const f = map.get(key) as LedgerField | '';
        return { ...base, field: f || null, source, recognized: true };
      }
    }
    if (auto === 'ignore') return { ...base, field: null, source: 'auto' as const, recognized: true };
    if (auto) return { ...base, field: auto.field, source: 'auto' as const, recognized: true };
    return { ...base, field: null, source: null, recognized: false };
  });
}

function normaliseMapping(m: Record<string, string | null>): Map<string, string> {
  return new Map(Object.entries(m).map(([k, v]) => [normaliseHeader(k), v ?? '']));
}
