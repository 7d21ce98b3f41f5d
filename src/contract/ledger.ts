// The ledger spreadsheet (台账) as a file format, and the import preview the web app shows.
// Field keys are the contract of the column `mapping`; the Chinese headers are the file's own words.
import { z } from 'zod';
import { projectListQuery } from './projects.ts';

export const LEDGER_FIELDS = [
  'code', 'name', 'region', 'owner', 'responsibleUnit', 'leader', 'level', 'category', 'industry',
  'constructionContent', 'totalInvestment', 'annualPlan', 'plannedStart', 'plannedCompletion',
  'plannedProduction', 'stage', 'actualStart', 'batch', 'longitude', 'latitude', 'tags',
] as const;
export type LedgerField = (typeof LEDGER_FIELDS)[number];

/** Headers of the template and of every export, in this order. */
export const LEDGER_HEADERS: Record<LedgerField, string> = {
  code: '项目编码',
  name: '项目名称',
  region: '所属区域',
  owner: '项目单位',
  responsibleUnit: '责任单位',
  leader: '包靠领导',
  level: '项目级别',
  category: '项目类别',
  industry: '所属行业',
  constructionContent: '建设内容',
  totalInvestment: '总投资(万元)',
  annualPlan: '年度计划投资(万元)',
  plannedStart: '计划开工日期',
  plannedCompletion: '计划竣工日期',
  plannedProduction: '计划投产日期',
  stage: '当前阶段',
  actualStart: '实际开工日期',
  batch: '集中开工批次',
  longitude: '经度',
  latitude: '纬度',
  tags: '标签',
};

/** Most data rows one import may carry; larger ledgers are split into several files. */
export const IMPORT_MAX_ROWS = 20_000;
/** Rows of the preview listed one by one; the counts cover every row. */
export const PREVIEW_ROW_LIMIT = 500;
export const PREVIEW_PROBLEM_LIMIT = 1000;

const booleanish = z
  .union([z.boolean(), z.enum(['true', 'false', '1', '0'])])
  .transform((v) => v === true || v === 'true' || v === '1');

export const importQuery = z.object({
  dryRun: booleanish.default(true).meta({ description: '仅预览（默认）；false 时正式导入' }),
  year: z.coerce.number().int().min(2000).max(2100).optional().meta({ description: '「年度计划投资」所属年份，默认表头中的年份或今年' }),
});
export type ImportQuery = z.infer<typeof importQuery>;

/** `mapping` multipart field: header text in the file → field key; '' ignores the column. */
export const importMapping = z.record(z.string(), z.union([z.enum(LEDGER_FIELDS), z.literal(''), z.null()]));
export type ImportMapping = z.infer<typeof importMapping>;

const ledgerFieldOrNull = z.enum(LEDGER_FIELDS).nullable();

export const importHeader = z.object({
  header: z.string(),
  /** Column letter in the sheet ("A", "B" …). */
  column: z.string(),
  field: ledgerFieldOrNull,
  recognized: z.boolean(),
  /** How the field was found: by the built-in header names, by this upload's mapping, or remembered. */
  source: z.enum(['auto', 'mapping', 'remembered']).nullable(),
});

export const importProblem = z.object({
  row: z.number().int(),
  column: z.string(),
  field: z.string(),
  message: z.string(),
});

export const importChange = z.object({
  field: z.enum(LEDGER_FIELDS),
  column: z.string(),
  before: z.string().nullable(),
  after: z.string().nullable(),
});

export const importRow = z.object({
  row: z.number().int(),
  code: z.string().nullable(),
  name: z.string().nullable(),
  action: z.enum(['create', 'update', 'unchanged', 'error']),
  changes: z.array(importChange).optional(),
});

export const importPreview = z
  .object({
    fileName: z.string(),
    sheet: z.string(),
    headerRow: z.number().int(),
    /** The year the 年度计划投资 column was read for. */
    year: z.number().int(),
    headers: z.array(importHeader),
    rowCount: z.number().int(),
    toCreate: z.number().int(),
    toUpdate: z.number().int(),
    unchanged: z.number().int(),
    errorRows: z.number().int(),
    newOrgs: z.array(z.object({ name: z.string(), kind: z.enum(['enterprise', 'government', 'department', 'park']), as: z.enum(['owner', 'responsibleUnit']) })),
    newPeople: z.array(z.object({ name: z.string() })),
    problems: z.array(importProblem),
    problemCount: z.number().int(),
    rows: z.array(importRow),
    committed: z.boolean(),
    importId: z.uuid().optional(),
  })
  .meta({ id: 'ImportPreview' });
export type ImportPreview = z.infer<typeof importPreview>;

/** The export takes the filters of the project list; it is never paged. */
export const exportQuery = projectListQuery.omit({ page: true, pageSize: true });
export type ExportQuery = z.infer<typeof exportQuery>;
