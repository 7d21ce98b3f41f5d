// The key figures as spreadsheets: any table of the statistics page, and the standard statistical
// table (重点项目进展情况统计表: sub-regions with a 合计 row, then one row per project). Money in
// 万元 as numbers, rates as percentages, "—" where a rate has no denominator; text cells
// neutralised so nothing runs as a formula.
import ExcelJS from 'exceljs';
import type { StatsGroup, StatsResult, StatsRow } from '../../contract/stats.ts';
import { PROGRESS_STATUS_LABELS } from '../../domain/kpi.ts';
import { MONEY_FORMAT, neutralise, styleHeaderRow } from './ledger-sheet.ts';

type Kind = 'text' | 'money' | 'rate' | 'int';

export interface SheetColumn<T> {
  header: string;
  width: number;
  kind: Kind;
  value: (row: T) => string | number | null;
}

const RATE_FORMAT = '0.0%';
const NO_FIGURE = '—';

export const GROUP_HEADERS: Record<StatsGroup, string> = {
  region: '区域', county: '县（市、区）', industry: '行业', level: '项目级别', category: '项目类别', leader: '包靠领导', unit: '责任单位',
  batch: '集中开工活动', project: '项目名称', month: '月份',
};

function cellOf(kind: Kind, v: string | number | null): ExcelJS.CellValue {
  if (kind === 'rate') return v == null ? NO_FIGURE : Number(v);
  if (v == null || v === '') return null;
  // numeric(16,4) sums have at most ~17 significant digits; a double keeps them to the yuan.
  if (kind === 'money' || kind === 'int') return Number(v);
  return neutralise(String(v));
}

const THIN = { style: 'thin' as const, color: { argb: 'FFBFBFBF' } };
const BORDER: Partial<ExcelJS.Borders> = { top: THIN, bottom: THIN, left: THIN, right: THIN };

/**
 * One table on a sheet: a title row across all columns, a line with the unit and period, the
 * header, the rows, and an optional total row in bold. Works on a workbook in memory and on
 * ExcelJS's streaming writer alike: each row is committed as it is added (a no-op in memory), so a
 * streamed sheet of any length holds one row at a time; the caller commits the sheet.
 */
export function addTableSheet<T>(wb: ExcelJS.Workbook, o: {
  name: string; title: string; subtitle: string; columns: SheetColumn<T>[]; rows: T[]; total?: T;
}): ExcelJS.Worksheet {
  const ws = wb.addWorksheet(o.name, { views: [{ state: 'frozen', ySplit: 3 }] });
  const n = o.columns.length;
  ws.columns = o.columns.map((c) => ({ width: c.width }));
  ws.mergeCells(1, 1, 1, n);
  const title = ws.getCell(1, 1);
  title.value = neutralise(o.title);
  title.style = { font: { bold: true, size: 16, name: '宋体' }, alignment: { horizontal: 'center', vertical: 'middle' } };
  ws.getRow(1).height = 32;
  ws.mergeCells(2, 1, 2, n);
  ws.getCell(2, 1).value = neutralise(o.subtitle);
  ws.getCell(2, 1).style = { alignment: { horizontal: 'right' }, font: { size: 10, name: '宋体' } };
  const header = ws.getRow(3);
  header.values = o.columns.map((c) => c.header);
  styleHeaderRow(header);
  // One style object per column and variant: ExcelJS caches a style by object identity, so shared
  // objects are serialised once instead of once a cell.
  const variants = o.columns.map((c) => {
    const base: Partial<ExcelJS.Style> = {
      border: BORDER,
      numFmt: c.kind === 'money' ? MONEY_FORMAT : c.kind === 'rate' ? RATE_FORMAT : c.kind === 'int' ? '0' : undefined,
      alignment: c.kind === 'text' ? { vertical: 'middle', wrapText: true } : { horizontal: 'right', vertical: 'middle' },
    };
    const noFigure = { ...base, alignment: { horizontal: 'center', vertical: 'middle' } } as Partial<ExcelJS.Style>;
    const bold = { font: { bold: true } };
    return { base, noFigure, bold: { ...base, ...bold }, boldNoFigure: { ...noFigure, ...bold } } as Record<string, Partial<ExcelJS.Style>>;
  });
  const add = (r: T, bold: boolean) => {
    const row = ws.addRow(o.columns.map((c) => cellOf(c.kind, c.value(r))));
    row.eachCell({ includeEmpty: true }, (cell, col) => {
      const v = variants[col - 1]!;
      const noFigure = cell.value === NO_FIGURE;
      cell.style = bold ? (noFigure ? v.boldNoFigure! : v.bold!) : noFigure ? v.noFigure! : v.base!;
    });
    row.commit();
  };
  for (const r of o.rows) add(r, false);
  if (o.total) add(o.total, true);
  return ws;
}

const status = (s: StatsRow['progressStatus']) => (s ? PROGRESS_STATUS_LABELS[s] : NO_FIGURE);

/** Every figure column, by the StatsRow field it shows; each table picks its own. */
const FIGURE: Record<string, SheetColumn<StatsRow>> = {
  projectCount: { header: '项目数', width: 8, kind: 'int', value: (r) => r.projectCount },
  totalInvestment: { header: '总投资', width: 14, kind: 'money', value: (r) => r.totalInvestment },
  annualPlan: { header: '年度计划投资', width: 14, kind: 'money', value: (r) => r.annualPlan },
  plannedToDate: { header: '序时计划投资', width: 14, kind: 'money', value: (r) => r.plannedToDate },
  monthInvestment: { header: '本月完成投资', width: 14, kind: 'money', value: (r) => r.monthInvestment },
  ytdInvestment: { header: '本年累计完成投资', width: 16, kind: 'money', value: (r) => r.ytdInvestment },
  annualCompletionRate: { header: '年度投资完成率', width: 12, kind: 'rate', value: (r) => r.annualCompletionRate },
  timeElapsed: { header: '序时进度', width: 10, kind: 'rate', value: (r) => r.timeElapsed },
  gap: { header: '与序时进度差距', width: 12, kind: 'rate', value: (r) => r.gap },
  progressStatus: { header: '进度状态', width: 9, kind: 'text', value: (r) => status(r.progressStatus) },
  ytdFundsArrived: { header: '本年到位资金', width: 14, kind: 'money', value: (r) => r.ytdFundsArrived },
  fundArrivalRate: { header: '资金到位率', width: 10, kind: 'rate', value: (r) => r.fundArrivalRate },
  cumulativeInvestment: { header: '累计完成投资', width: 14, kind: 'money', value: (r) => r.cumulativeInvestment },
  cumulativeCompletionRate: { header: '累计投资完成率', width: 12, kind: 'rate', value: (r) => r.cumulativeCompletionRate },
  startRate: { header: '开工率', width: 9, kind: 'rate', value: (r) => r.startRate },
  onTimeCompletionRate: { header: '按期竣工率', width: 10, kind: 'rate', value: (r) => r.onTimeCompletionRate },
  productionRate: { header: '投产率', width: 9, kind: 'rate', value: (r) => r.productionRate },
  lastYearYtd: { header: '上年同期累计完成投资', width: 16, kind: 'money', value: (r) => r.lastYear?.ytdInvestment ?? null },
  lastYearRate: { header: '上年同期完成率', width: 12, kind: 'rate', value: (r) => r.lastYear?.annualCompletionRate ?? null },
  rank: { header: '排名', width: 6, kind: 'int', value: (r) => r.rank },
};
const figureColumns = (keys: string[]) => keys.map((k) => FIGURE[k]!);

const PAGE_COLUMNS = [
  'projectCount', 'totalInvestment', 'annualPlan', 'plannedToDate', 'monthInvestment', 'ytdInvestment', 'annualCompletionRate', 'timeElapsed',
  'gap', 'progressStatus', 'ytdFundsArrived', 'fundArrivalRate', 'cumulativeInvestment', 'cumulativeCompletionRate', 'startRate',
  'onTimeCompletionRate', 'productionRate',
];

export const periodText = (year: number, month: number) => `${year}年1—${month}月`;

/** Any table of the statistics page: the rows of one groupBy with their total. */
export async function buildStatsXlsx(s: StatsResult): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = '推进 · 重点项目推进平台';
  const lead: SheetColumn<StatsRow>[] = [{ header: GROUP_HEADERS[s.groupBy], width: s.groupBy === 'project' ? 36 : 18, kind: 'text', value: (r) => r.label }];
  if (s.groupBy === 'project') {
    lead.unshift({ header: '项目代码', width: 18, kind: 'text', value: (r) => r.code });
    lead.push({ header: '所在区域', width: 12, kind: 'text', value: (r) => r.regionName });
  }
  if (s.groupBy === 'county') lead.push({ header: '所属市', width: 12, kind: 'text', value: (r) => r.regionName });
  const columns = [
    ...lead,
    ...figureColumns([...PAGE_COLUMNS, ...(s.total.lastYear ? ['lastYearYtd', 'lastYearRate'] : []), ...(s.groupBy === 'month' ? [] : ['rank'])]),
  ];
  addTableSheet(wb, {
    name: `按${GROUP_HEADERS[s.groupBy].replace('项目名称', '项目')}`,
    title: `${s.regionName}重点项目关键指标（按${GROUP_HEADERS[s.groupBy].replace('项目名称', '项目')}）`,
    subtitle: `统计期间：${periodText(s.year, s.month)}　单位：万元　进度容差：±${(s.tolerance * 100).toFixed(1)}个百分点`,
    columns,
    rows: s.rows,
    total: { ...s.total, label: '合计', rank: null, code: null, regionName: null },
  });
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** Who and what a project is, as the standard table names it. */
export interface ProjectNames {
  code: string;
  name: string;
  regionName: string;
  industry: string;
  owner: string | null;
  unit: string | null;
  leader: string | null;
  stage: string;
}

/** One project line of the standard table's second sheet. */
export interface StandardProjectLine extends ProjectNames {
  figures: StatsRow;
}

/** 重点项目进展情况统计表: sheet 1 by sub-region with a 合计 row, sheet 2 one row per project. */
export async function buildStandardXlsx(byRegion: StatsResult, projects: StandardProjectLine[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = '推进 · 重点项目推进平台';
  const title = `${byRegion.regionName}重点项目进展情况统计表`;
  const subtitle = `统计期间：${periodText(byRegion.year, byRegion.month)}　单位：万元`;
  addTableSheet<StatsRow>(wb, {
    name: '分区域统计',
    title,
    subtitle,
    columns: [
      { header: '区域', width: 18, kind: 'text', value: (r) => r.label },
      { ...FIGURE.projectCount!, header: '项目个数' },
      ...figureColumns(['totalInvestment', 'annualPlan', 'ytdInvestment', 'annualCompletionRate', 'timeElapsed', 'gap', 'fundArrivalRate',
        'startRate', 'onTimeCompletionRate', 'productionRate', 'rank']),
    ],
    rows: byRegion.rows,
    total: { ...byRegion.total, label: '合计', rank: null },
  });
  addTableSheet<StandardProjectLine>(wb, {
    name: '项目明细',
    title: `${title}（项目明细）`,
    subtitle,
    columns: [
      { header: '项目代码', width: 18, kind: 'text', value: (p) => p.code },
      { header: '项目名称', width: 36, kind: 'text', value: (p) => p.name },
      { header: '所在区域', width: 12, kind: 'text', value: (p) => p.regionName },
      { header: '行业', width: 16, kind: 'text', value: (p) => p.industry },
      { header: '项目单位', width: 24, kind: 'text', value: (p) => p.owner },
      { header: '责任单位', width: 20, kind: 'text', value: (p) => p.unit },
      { header: '包靠领导', width: 10, kind: 'text', value: (p) => p.leader },
      { header: '建设阶段', width: 9, kind: 'text', value: (p) => p.stage },
      // The project's figures, read through its StatsRow.
      ...figureColumns(['totalInvestment', 'annualPlan', 'ytdInvestment', 'annualCompletionRate', 'timeElapsed', 'fundArrivalRate', 'progressStatus'])
        .map((c): SheetColumn<StandardProjectLine> => ({ ...c, value: (p) => c.value(p.figures) })),
    ],
    rows: projects,
  });
  return Buffer.from(await wb.xlsx.writeBuffer());
}
