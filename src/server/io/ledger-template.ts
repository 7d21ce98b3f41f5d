// The blank ledger (台账模板) offices download, fill in and import: styled and frozen header,
// drop-down lists for the closed vocabularies, an example row, and a sheet of instructions.
import ExcelJS from 'exceljs';
import { LEDGER_HEADERS, type LedgerField } from '../../contract/ledger.ts';
import { CATEGORY_LABELS, INDUSTRY_LABELS, LEVEL_LABELS, STAGE_LABELS } from '../../domain/labels.ts';
import { columnLetter } from './xlsx-read.ts';
import { LEDGER_COLUMNS, numFmtOf, styleHeaderRow } from './ledger-sheet.ts';

export const TEMPLATE_SHEET = '重点项目台账';
const VALIDATED_ROWS = 5000;

const LISTS: Partial<Record<LedgerField, string[]>> = {
  level: Object.values(LEVEL_LABELS),
  category: Object.values(CATEGORY_LABELS),
  industry: Object.values(INDUSTRY_LABELS),
  stage: Object.values(STAGE_LABELS),
};

const EXAMPLE: Record<LedgerField, string | number | Date | null> = {
  code: '示例-2024-001',
  name: '年产10万吨锂电池回收及新型储能项目',
  region: '高新区',
  owner: '山东某某新能源科技有限公司',
  responsibleUnit: '聊城高新区管委会',
  leader: '张某某',
  level: '市级',
  category: '产业类',
  industry: '锂电池及新能源',
  constructionContent: '新建生产车间、仓库及配套设施，购置破碎分选、湿法冶金等设备',
  totalInvestment: 125000,
  annualPlan: 30000,
  plannedStart: new Date(Date.UTC(2024, 2, 1)),
  plannedCompletion: new Date(Date.UTC(2025, 11, 31)),
  plannedProduction: new Date(Date.UTC(2026, 2, 1)),
  stage: '开工',
  actualStart: new Date(Date.UTC(2024, 2, 18)),
  batch: '2024年春季集中开工',
  longitude: 115.98,
  latitude: 36.45,
  tags: '招商引资、新质生产力',
};

const NOTES: [LedgerField, string, string][] = [
  ['code', '必填', '项目唯一编码（如投资项目代码）。导入按编码新建或更新项目。以「示例」开头的行不会导入。'],
  ['name', '新建必填', '项目全称，2–200 字。'],
  ['region', '新建必填', '区县、园区名称（如 莘县、东昌府区、高新区）或 6 位行政区划代码；须在您的管辖范围内。'],
  ['owner', '选填', '项目单位（业主）全称；系统中没有的将自动新建。'],
  ['responsibleUnit', '选填', '责任单位全称，如「莘县人民政府」「市工业和信息化局」；没有的将自动新建。'],
  ['leader', '选填', '包靠领导姓名；没有的将自动新建为领导。'],
  ['level', '新建必填', `从下拉列表选择：${Object.values(LEVEL_LABELS).join('、')}（也可写「省重点」「市级重点项目」等）。`],
  ['category', '新建必填', `从下拉列表选择：${Object.values(CATEGORY_LABELS).join('、')}。`],
  ['industry', '新建必填', `从下拉列表选择：${Object.values(INDUSTRY_LABELS).join('、')}。`],
  ['constructionContent', '选填', '主要建设内容及规模。'],
  ['totalInvestment', '新建必填', '单位：万元，填数字；也可写「12亿」。列名写成「总投资(亿元)」时按亿元换算。'],
  ['annualPlan', '选填', '单位：万元。默认为今年的计划投资；列名可写「2025年计划投资」指定年份。'],
  ['plannedStart', '选填', '日期，如 2024-09-01、2024/9/1 或 2024年9月（按当月 1 日）。'],
  ['plannedCompletion', '选填', '日期，不得早于计划开工日期。'],
  ['plannedProduction', '选填', '日期。'],
  ['stage', '选填', `从下拉列表选择：${Object.values(STAGE_LABELS).join('、')}。新建默认为「前期」；已有项目的阶段变更须符合项目全周期流程。`],
  ['actualStart', '选填', '日期；仅已开工的项目填写。'],
  ['batch', '选填', '集中开工批次名称，须是系统中已建立的批次；多个用「、」分隔。'],
  ['longitude', '选填', '经度，73–136 之间的数字。'],
  ['latitude', '选填', '纬度，3–54 之间的数字。'],
  ['tags', '选填', '多个标签用「、」「，」或空格分隔，如：外资、招商引资。'],
];

export async function buildLedgerTemplate(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = '推进 · 重点项目推进平台';
  const ws = wb.addWorksheet(TEMPLATE_SHEET, { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = LEDGER_COLUMNS.map((c) => ({ header: c.header, key: c.field, width: c.width, style: numFmtOf(c.kind) ? { numFmt: numFmtOf(c.kind) } : {} }));
  styleHeaderRow(ws.getRow(1));

  const example = ws.addRow(LEDGER_COLUMNS.map((c) => EXAMPLE[c.field]));
  example.eachCell((cell) => {
    cell.font = { italic: true, color: { argb: 'FF808080' } };
  });

  // ExcelJS supports range validations but its type declarations omit them.
  const validations = (ws as unknown as { dataValidations: { add(range: string, v: ExcelJS.DataValidation): void } }).dataValidations;
  LEDGER_COLUMNS.forEach((c, i) => {
    const col = columnLetter(i + 1);
    const range = `${col}2:${col}${VALIDATED_ROWS + 1}`;
    const list = LISTS[c.field];
    if (list) {
      validations.add(range, {
        type: 'list', allowBlank: true, formulae: [`"${list.join(',')}"`],
        showErrorMessage: true, errorStyle: 'warning', errorTitle: LEDGER_HEADERS[c.field], error: `请从下拉列表中选择${LEDGER_HEADERS[c.field]}`,
      });
    } else if (c.kind === 'money') {
      validations.add(range, {
        type: 'decimal', operator: 'greaterThanOrEqual', allowBlank: true, formulae: [0],
        showErrorMessage: true, errorTitle: LEDGER_HEADERS[c.field], error: '请填写以万元计的非负数字',
      });
    }
  });

  const help = wb.addWorksheet('填写说明');
  help.columns = [{ width: 22 }, { width: 12 }, { width: 90 }];
  help.addRow(['重点项目台账填写说明']).font = { bold: true, size: 14 };
  help.addRow(['1. 表头须保留在第一行（前面可以有标题行），列的顺序可以调整；不认识的列可在导入时手动对应。']);
  help.addRow(['2. 导入先预览：列出将新建、更新、不变的项目及每处问题（行号 + 列名），确认无误后再正式导入；有问题时不会导入任何数据。']);
  help.addRow(['3. 已有项目的空白单元格不会清除系统中的已有数据。']);
  help.addRow([]);
  styleHeaderRow(help.addRow(['列名', '是否必填', '说明']));
  for (const [field, required, note] of NOTES) {
    const row = help.addRow([LEDGER_HEADERS[field], required, note]);
    row.alignment = { wrapText: true, vertical: 'top' };
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}
