// Ledger import: every upload is first a dry run (what would be created, updated, left alone, and
// every problem by row and column); a commit re-checks inside ONE transaction and is all-or-nothing.
// The command line calls previewImport / commitImport directly.
import { createHash } from 'node:crypto';
import {
  IMPORT_MAX_ROWS, PREVIEW_PROBLEM_LIMIT, PREVIEW_ROW_LIMIT, type ImportMapping, type ImportPreview, type LedgerField,
} from '../../../contract/ledger.ts';
import { clockToday } from '../../clock.ts';
import type { Db, DbOrTx } from '../../db/client.ts';
import { AppError, conflict } from '../../errors.ts';
import { text } from '../../io/ledger-cells.ts';
import { normaliseHeader } from '../../io/ledger-columns.ts';
import { readXlsx, type Plain, type SheetRows } from '../../io/xlsx-read.ts';
import { requireOffice } from '../access/access.policy.ts';
import type { Principal } from '../access/principal.ts';
import { HEADER_SEARCH_ROWS, headerCandidates, locateHeader, type LocatedHeader } from './ledger.headers.ts';
import { loadLookups, type Lookups } from './ledger.lookups.ts';
import { isSkippableRow, planRow } from './ledger.plan.ts';
import { findRememberedMappings, rememberMapping } from './ledger.repo.ts';
import type { Problem, RowPlan } from './ledger.types.ts';
import { newNames, writePlans } from './ledger.write.ts';

export interface ImportOptions {
  /** Header in the file → field key ('' ignores the column). */
  mapping?: ImportMapping;
  /** Year of the 年度计划投资 column; default: the year in its header, else this year. */
  year?: number;
  /** Size limit for callers that do not enforce one themselves (the command line). */
  maxBytes?: number;
}

const DEFAULT_MAX_BYTES = 20 * 1024 * 1024;

interface ParsedFile {
  fileName: string;
  sha256: string;
  header: LocatedHeader;
  dataRows: [number, Plain[]][];
  year: number;
}

/** Reads and checks the file, and finds its header: no project data is touched. */
async function parseFile(db: Db, p: Principal, file: Buffer, fileName: string, opts: ImportOptions): Promise<ParsedFile> {
  requireOffice(p);
  const max = opts.maxBytes ?? DEFAULT_MAX_BYTES;
  if (file.length > max) throw new AppError('payload_too_large', `文件过大（上限 ${Math.round(max / 1024 / 1024)} MB），请拆分后再导入`);
  if (file.length === 0) throw new AppError('bad_file', '文件是空的');
  const sha256 = createHash('sha256').update(file).digest('hex');
  const sheets = await readWorkbook(file, sha256);
  if (sheets.every((s) => s.rows.size === 0)) throw new AppError('bad_file', '工作簿是空的，没有任何数据');

  const candidates = headerCandidates(sheets);
  const remembered = new Map(
    (await findRememberedMappings(db, [...new Set(candidates.map((c) => c.signature))])).map((r) => [r.signature, r.mapping]),
  );
  const header = locateHeader(candidates, opts.mapping ?? {}, remembered);
  const dataRows = [...header.sheet.rows].filter(([n, cells]) => n > header.headerRow && !isSkippableRow(cells, header.columns));
  if (dataRows.length === 0) {
    throw new AppError('bad_file', `工作表「${header.sheet.name}」第 ${header.headerRow} 行是表头，但下面没有数据行`);
  }
  if (header.sheet.truncated || dataRows.length > IMPORT_MAX_ROWS) {
    const count = header.sheet.truncated ? `多于 ${IMPORT_MAX_ROWS} 行` : `共 ${dataRows.length} 行`;
    throw new AppError('bad_file', `数据行${count}，超过单次导入上限 ${IMPORT_MAX_ROWS} 行，请拆分为多个文件`);
  }
  if (opts.mapping && Object.keys(opts.mapping).length) await remember(db, p, header, opts.mapping, remembered.get(header.signature));
  const year = opts.year ?? header.headerYear ?? Number(clockToday().slice(0, 4));
  return { fileName, sha256, header, dataRows, year };
}

/**
 * The workbooks this server read last, by content: an office previews a file and then imports the same
 * file, and reading a 10,000-row workbook is a third of the import's time. What is kept is only what
 * the bytes say (the cells), never what the database said about them; a few minutes, two files.
 */
const recentWorkbooks = new Map<string, { at: number; sheets: SheetRows[] }>();
const WORKBOOK_KEEP_MS = 10 * 60_000;
const WORKBOOKS_KEPT = 2;

async function readWorkbook(file: Buffer, sha256: string): Promise<SheetRows[]> {
  const now = Date.now();
  for (const [k, v] of recentWorkbooks) if (now - v.at > WORKBOOK_KEEP_MS) recentWorkbooks.delete(k);
  const kept = recentWorkbooks.get(sha256);
  if (kept) return kept.sheets;
  // A sheet is read no further than the limit (plus room for titles and totals).
  const sheets = await readXlsx(file, { maxRows: IMPORT_MAX_ROWS + HEADER_SEARCH_ROWS + 100 });
  recentWorkbooks.set(sha256, { at: now, sheets });
  while (recentWorkbooks.size > WORKBOOKS_KEPT) recentWorkbooks.delete(recentWorkbooks.keys().next().value!);
  return sheets;
}

/** Keeps the hand-made part of the mapping for files with the same header row. */
async function remember(db: Db, p: Principal, h: LocatedHeader, mapping: ImportMapping, before: Record<string, string> | undefined) {
  const inFile = new Set(h.headerTexts.map(normaliseHeader));
  const merged: Record<string, string> = { ...(before ?? {}) };
  for (const [k, v] of Object.entries(mapping)) if (inFile.has(normaliseHeader(k))) merged[k] = v ?? '';
  if (Object.keys(merged).length) await rememberMapping(db, h.signature, h.headerTexts, merged, p.id || null);
}

async function analyse(db: DbOrTx, p: Principal, f: ParsedFile): Promise<{ plans: RowPlan[]; lookups: Lookups }> {
  const cols = (field: LedgerField) => f.header.columns.filter((c) => c.field === field).slice(0, 1);
  const collect = (...fields: LedgerField[]) => {
    const out = new Set<string>();
    for (const field of fields) for (const c of cols(field)) for (const [, cells] of f.dataRows) {
      const t = text(cells[c.index] ?? null);
      if (t) out.add(t);
    }
    return [...out];
  };
  const lookups = await loadLookups(db, p, { codes: collect('code'), orgs: collect('owner', 'responsibleUnit'), leaders: collect('leader') }, f.year);
  const ctx = { principal: p, lookups, columns: f.header.columns, seenCodes: new Map<string, number>() };
  const plans = f.dataRows.map(([n, cells]) => planRow(n, cells, ctx));
  return { plans, lookups };
}

function toPreview(f: ParsedFile, plans: RowPlan[], lookups: Lookups, problems: Problem[], committed: boolean, importId?: string): ImportPreview {
  const count = (a: RowPlan['action']) => plans.filter((x) => x.action === a).length;
  const names = newNames(plans, lookups);
  return {
    fileName: f.fileName,
    sheet: f.header.sheet.name,
    headerRow: f.header.headerRow,
    year: f.year,
    headers: f.header.columns.map((c) => ({ header: c.header, column: c.letter, field: c.field, recognized: c.recognized, source: c.source })),
    rowCount: plans.length,
    toCreate: count('create'),
    toUpdate: count('update'),
    unchanged: count('unchanged'),
    errorRows: count('error'),
    newOrgs: names.orgs.map(({ name, kind, as }) => ({ name, kind, as })),
    newPeople: names.leaders.map((name) => ({ name })),
    problems: problems.slice(0, PREVIEW_PROBLEM_LIMIT),
    problemCount: problems.length,
    rows: plans.slice(0, PREVIEW_ROW_LIMIT).map((x) => ({
      row: x.row, code: x.code, name: x.name ?? x.existing?.name ?? null, action: x.action,
      ...(x.changes.length ? { changes: x.changes } : {}),
    })),
    committed,
    ...(importId ? { importId } : {}),
  };
}

const allProblems = (f: ParsedFile, plans: RowPlan[]) => [...f.header.problems, ...plans.flatMap((x) => x.problems)];

/** The dry run: what an import of this file would do. Writes nothing but a remembered mapping. */
export async function previewImport(db: Db, p: Principal, file: Buffer, fileName: string, opts: ImportOptions = {}): Promise<ImportPreview> {
  const f = await parseFile(db, p, file, fileName, opts);
  const { plans, lookups } = await analyse(db, p, f);
  return toPreview(f, plans, lookups, allProblems(f, plans), false);
}

/** The import itself, in one transaction; refused as a whole (400, nothing written) if any row has a problem. */
export async function commitImport(db: Db, p: Principal, file: Buffer, fileName: string, opts: ImportOptions = {}): Promise<ImportPreview> {
  const f = await parseFile(db, p, file, fileName, opts);
  try {
    return await db.transaction(async (tx) => {
      const { plans, lookups } = await analyse(tx, p, f);
      const problems = allProblems(f, plans);
      if (problems.length) {
        throw new AppError('validation_failed', `台账中有 ${problems.length} 处问题，未导入任何数据，请按提示修改后重新导入`,
          problems.slice(0, 200).map((x) => ({ field: x.field, message: x.message, row: x.row, column: x.column })));
      }
      const preview = toPreview(f, plans, lookups, [], true);
      const done = await writePlans(tx, p, plans, lookups, { year: f.year, fileName: f.fileName, sha256: f.sha256, sheet: f.header.sheet.name });
      return { ...preview, importId: done.importId };
    });
  } catch (err) {
    // Two imports racing for the same new code: the loser is told to look again, not a 500.
    if ((err as { code?: string }).code === '23505') throw conflict('导入期间项目数据已被他人修改，请重新预览后再导入');
    throw err;
  }
}
