// The city dispatch meeting's list as a Word document: A4 landscape (eleven columns), the title
// 市重点项目调度会问题清单 in 黑体, the date line and the table in 仿宋, as government papers are
// set. Latin letters and digits use Times New Roman; a reader without 仿宋/黑体 (a Linux or Mac
// office suite) substitutes its own Song/Hei face, so the text always shows.
import {
  AlignmentType, BorderStyle, Document, HeightRule, Packer, PageOrientation, Paragraph, Table, TableCell, TableLayoutType,
  TableRow, TextRun, VerticalAlign, WidthType, type IFontAttributesProperties,
} from 'docx';
import type { DispatchRow } from '../../contract/problems.ts';
import { chinaDateTime } from '../../domain/dates.ts';
import { PROBLEM_CATEGORY_LABELS } from '../../domain/problems.ts';

export const DISPATCH_TITLE = '市重点项目调度会问题清单';

const font = (eastAsia: string): IFontAttributesProperties => ({ ascii: 'Times New Roman', hAnsi: 'Times New Roman', eastAsia, cs: eastAsia });
const FANGSONG = font('仿宋');
const HEITI = font('黑体');

/** Columns: header, width in twentieths of a point (sums to the printable width of A4 landscape), value. */
export const DISPATCH_COLUMNS: { header: string; width: number; value: (r: DispatchRow, i: number) => string }[] = [
  { header: '序号', width: 560, value: (_r, i) => String(i + 1) },
  { header: '问题编号', width: 1300, value: (r) => r.code },
  { header: '项目名称', width: 1900, value: (r) => r.projectName },
  { header: '县（市、区）', width: 1100, value: (r) => r.regionName },
  { header: '问题类别', width: 900, value: (r) => PROBLEM_CATEGORY_LABELS[r.category] },
  { header: '问题描述', width: 3300, value: (r) => r.description },
  { header: '牵头部门', width: 1500, value: (r) => r.departmentName },
  { header: '提出日期', width: 1150, value: (r) => chinaDateTime(r.raisedAt)!.slice(0, 10) },
  { header: '时限', width: 1150, value: (r) => r.dueDate ?? '' },
  { header: '超期工作日', width: 800, value: (r) => String(r.overdueWorkdays) },
  { header: '包联领导', width: 1000, value: (r) => r.leaderName ?? '' },
];

const LINE = { style: BorderStyle.SINGLE, size: 4, color: '000000' };
const BORDERS = { top: LINE, bottom: LINE, left: LINE, right: LINE };

function cell(text: string, width: number, o: { header?: boolean; center?: boolean } = {}): TableCell {
  // Line breaks in a description stay line breaks.
  const lines = text.split(/\r?\n/);
  return new TableCell({
    width: { size: width, type: WidthType.DXA },
    borders: BORDERS,
    verticalAlign: VerticalAlign.CENTER,
    margins: { top: 40, bottom: 40, left: 80, right: 80 },
    children: lines.map((l) => new Paragraph({
      alignment: o.header || o.center ? AlignmentType.CENTER : AlignmentType.LEFT,
      children: [new TextRun({ text: l, font: o.header ? HEITI : FANGSONG, size: 21 /* 五号 */, bold: false })],
    })),
  });
}

const CENTERED = new Set(['序号', '县（市、区）', '问题类别', '提出日期', '时限', '超期工作日', '包联领导']);

/** `date` is the day the list is drawn up, already written in Chinese (2024年10月16日). */
export async function buildDispatchDocx(rows: readonly DispatchRow[], date: string): Promise<Buffer> {
  const header = new TableRow({
    tableHeader: true,
    height: { value: 520, rule: HeightRule.ATLEAST },
    children: DISPATCH_COLUMNS.map((c) => cell(c.header, c.width, { header: true })),
  });
  const body = rows.length
    ? rows.map((r, i) => new TableRow({ cantSplit: true, children: DISPATCH_COLUMNS.map((c) => cell(c.value(r, i), c.width, { center: CENTERED.has(c.header) })) }))
    : [new TableRow({ children: [new TableCell({
        columnSpan: DISPATCH_COLUMNS.length, borders: BORDERS,
        children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ text: '暂无提交市调度会的问题', font: FANGSONG, size: 21 })] })],
      })] })];
  const doc = new Document({
    creator: 'Tuijin 推进',
    title: DISPATCH_TITLE,
    styles: { default: { document: { run: { font: FANGSONG, size: 24 } } } },
    sections: [{
      properties: {
        page: {
          size: { width: 11906, height: 16838, orientation: PageOrientation.LANDSCAPE },
          margin: { top: 1134, bottom: 1134, left: 1021, right: 1021 },
        },
      },
      children: [
        new Paragraph({
          alignment: AlignmentType.CENTER,
          spacing: { after: 200 },
          children: [new TextRun({ text: DISPATCH_TITLE, font: HEITI, size: 44 /* 二号 */ })],
        }),
        new Paragraph({
          alignment: AlignmentType.RIGHT,
          spacing: { after: 160 },
          children: [new TextRun({ text: `截至${date}　共 ${rows.length} 个问题`, font: FANGSONG, size: 28 /* 四号 */ })],
        }),
        new Table({
          layout: TableLayoutType.FIXED,
          width: { size: DISPATCH_COLUMNS.reduce((s, c) => s + c.width, 0), type: WidthType.DXA },
          columnWidths: DISPATCH_COLUMNS.map((c) => c.width),
          rows: [header, ...body],
        }),
      ],
    }],
  });
  return Packer.toBuffer(doc);
}

