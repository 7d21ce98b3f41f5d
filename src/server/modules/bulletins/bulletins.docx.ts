// The bulletin as an editable Word document in the layout of GB/T 9704 (党政机关公文格式): A4, margins
// top 37 mm, bottom 35, left 28, right 26; the issuing office in red 小标宋 over the number and a
// red line; the title in 二号小标宋; the body in 三号仿宋 at a fixed 28-point line; headings in 黑体
// (一、) and 楷体 (（一）); page numbers "— 1 —" in 四号宋体, odd pages right, even pages left.
// Tables are real Word tables. Made from the frozen figures only.
//
// Fonts: the official faces (方正小标宋简体, 仿宋_GB2312, 楷体_GB2312) are named with fallbacks in the
// font table (w:altName: 小标宋 → 黑体/SimHei, 仿宋/FangSong, 楷体/KaiTi), so Word finds the
// Windows faces where the GB2312 ones are missing, and LibreOffice substitutes its own CJK face.
import {
  AlignmentType, BorderStyle, Document, Footer, HeightRule, LineRuleType, Packer, PageNumber, Paragraph, Table, TableCell,
  TableLayoutType, TableRow, TextRun, VerticalAlign, WidthType, type IFontAttributesProperties, type ParagraphChild,
} from 'docx';
import type { BulletinFigures } from '../../../contract/bulletins.ts';
import { gapCell, monthsText, openingOf, recipientsLine, subRegionWord, wanCell, wholeRegionWord } from '../../../domain/bulletin.ts';
import { BATCH_KIND_LABELS } from '../../../domain/labels.ts';
import { formatRate } from '../../../domain/kpi.ts';
import { formatDateZh } from '../../../domain/dates.ts';
import { formatYi } from '../../../domain/money.ts';
import type { BatchKind } from '../../../domain/enums.ts';

export interface BulletinDoc {
  number: string;
  title: string;
  issuingOffice: string;
  figures: Omit<BulletinFigures, 'projects'> & { projects?: unknown[] };
}

const face = (eastAsia: string, latin = 'Times New Roman'): IFontAttributesProperties => ({ ascii: latin, hAnsi: latin, eastAsia, cs: eastAsia });
const TITLE = face('方正小标宋简体');
const BODY = face('仿宋_GB2312');
const HEI = face('黑体');
const KAI = face('楷体_GB2312');
const SONG = face('宋体');

/** Font table with the fallbacks Word looks for when a face is missing (charset 86 = GB2312). */
const FONT_TABLE = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:fonts xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">${[
  ['方正小标宋简体', '小标宋,方正小标宋_GBK,黑体,SimHei', 'roman'],
  ['仿宋_GB2312', '仿宋,FangSong', 'modern'],
  ['楷体_GB2312', '楷体,KaiTi', 'modern'],
  ['黑体', 'SimHei', 'modern'],
  ['宋体', 'SimSun', 'auto'],
  ['Times New Roman', '', 'roman'],
].map(([name, alt, family]) => `<w:font w:name="${name}">${alt ? `<w:altName w:val="${alt}"/>` : ''}<w:charset w:val="${name === 'Times New Roman' ? '00' : '86'}"/><w:family w:val="${family}"/><w:pitch w:val="variable"/></w:font>`).join('')}</w:fonts>`;

const RED = 'FF0000';
const SIZE_3 = 32; // 三号, half-points
const SIZE_TABLE = 21; // 五号
/** Printable width: 210 mm − 28 − 26, in twentieths of a point. */
const WIDTH = 11906 - 1587 - 1474;
const LINE_28PT = { line: 560, lineRule: LineRuleType.EXACT };

const run = (text: string, font = BODY, o: { size?: number; bold?: boolean; color?: string } = {}) =>
  new TextRun({ text, font, size: o.size ?? SIZE_3, bold: o.bold, color: o.color });

/** A body paragraph: first line indented two characters, 28-point lines. */
const para = (children: ParagraphChild[] | string, o: { indent?: boolean; align?: (typeof AlignmentType)[keyof typeof AlignmentType] } = {}) =>
  new Paragraph({
    alignment: o.align ?? AlignmentType.JUSTIFIED,
    spacing: LINE_28PT,
    indent: o.indent === false ? undefined : { firstLine: 640 },
    children: typeof children === 'string' ? [run(children)] : children,
  });

const heading1 = (text: string) => para([run(text, HEI)]);
const heading2 = (text: string) => para([run(text, KAI)]);
const blank = () => new Paragraph({ spacing: LINE_28PT, children: [] });

const CELL_LINE = { style: BorderStyle.SINGLE, size: 4, color: '000000' };
const CELL_BORDERS = { top: CELL_LINE, bottom: CELL_LINE, left: CELL_LINE, right: CELL_LINE };

interface Column {
  header: string;
  /** Share of the printable width. */
  share: number;
  align?: 'left' | 'center' | 'right';
}

function cell(text: string, width: number, o: { header?: boolean; bold?: boolean; align?: Column['align'] }): TableCell {
  const align = o.header ? AlignmentType.CENTER : o.align === 'left' ? AlignmentType.LEFT : o.align === 'right' ? AlignmentType.RIGHT : AlignmentType.CENTER;
  return new TableCell({
    width: { size: width, type: WidthType.DXA },
    borders: CELL_BORDERS,
    verticalAlign: VerticalAlign.CENTER,
    margins: { top: 30, bottom: 30, left: 60, right: 60 },
    children: text.split('\n').map((l) => new Paragraph({
      alignment: align,
      spacing: { line: 280, lineRule: LineRuleType.AUTO },
      children: [run(l, o.header ? HEI : BODY, { size: SIZE_TABLE, bold: o.bold })],
    })),
  });
}

/** A table across the printable width: header row repeated on each page; rows never split. */
function table(columns: Column[], rows: string[][], total?: string[]): Table {
  const sum = columns.reduce((s, c) => s + c.share, 0);
  const widths = columns.map((c) => Math.floor((WIDTH * c.share) / sum));
  const line = (cells: string[], bold = false) => new TableRow({
    cantSplit: true,
    children: cells.map((t, i) => cell(t, widths[i]!, { bold, align: columns[i]!.align })),
  });
  return new Table({
    layout: TableLayoutType.FIXED,
    width: { size: widths.reduce((a, b) => a + b, 0), type: WidthType.DXA },
    columnWidths: widths,
    rows: [
      new TableRow({ tableHeader: true, height: { value: 480, rule: HeightRule.ATLEAST }, children: columns.map((c, i) => cell(c.header, widths[i]!, { header: true })) }),
      ...rows.map((r) => line(r)),
      ...(total ? [line(total, true)] : []),
    ],
  });
}

const caption = (text: string) => new Paragraph({ alignment: AlignmentType.CENTER, spacing: { before: 120, after: 120 }, children: [run(text, HEI, { size: 28 })] });

function regionsSection(f: BulletinDoc['figures']): (Paragraph | Table)[] {
  const word = subRegionWord(f.region.level);
  const rows = f.regions.map((r) => [r.label, String(r.projectCount), wanCell(r.annualPlan), wanCell(r.ytdInvestment), formatRate(r.annualCompletionRate), gapCell(r.gap), r.rank == null ? '—' : String(r.rank)]);
  const t = f.total;
  return [
    caption(`表1　各${word}重点项目投资完成情况（${monthsText(f.period.month)}）`),
    new Paragraph({ alignment: AlignmentType.RIGHT, children: [run('单位：万元', BODY, { size: SIZE_TABLE })] }),
    table(
      [
        { header: word, share: 17, align: 'left' }, { header: '项目数', share: 8 }, { header: '年度计划投资', share: 16, align: 'right' },
        { header: '本年累计完成投资', share: 17, align: 'right' }, { header: '年度完成率', share: 11 },
        { header: `与序时进度差距（个百分点，序时进度${formatRate(t.timeElapsed)}）`, share: 20 }, { header: '排名', share: 7 },
      ],
      rows,
      ['合计', String(t.projectCount), wanCell(t.annualPlan), wanCell(t.ytdInvestment), formatRate(t.annualCompletionRate), gapCell(t.gap), ''],
    ),
  ];
}

function cardsSection(f: BulletinDoc['figures']): (Paragraph | Table)[] {
  const { counts, red, yellow } = f.cards;
  const out: (Paragraph | Table)[] = [heading1('二、亮牌情况')];
  if (counts.total === 0) return [...out, para('本期尚无亮牌结果。')];
  const tally = `本期共评定${counts.total}个项目，其中红牌${counts.red}个、黄牌${counts.yellow}个、蓝牌${counts.blue}个。`;
  if (f.cards.named === false) {
    // A month of the sub-regions' periods: the cards by sub-region; the projects by name in the annex.
    const word = subRegionWord(f.region.level);
    const rows = (f.cards.regions ?? []).map((r) => [r.label, String(r.total), String(r.red), String(r.yellow), String(r.blue)]);
    out.push(para(`${tally}各${word}亮牌情况见表2，红牌、黄牌项目名单及亮牌原因见 Excel 附件「红黄牌项目」表。`));
    out.push(caption(`表2　各${word}重点项目亮牌情况（${f.period.label}）`));
    out.push(table(
      [{ header: word, share: 28, align: 'left' }, { header: '评定项目数', share: 18 }, { header: '红牌', share: 18 }, { header: '黄牌', share: 18 }, { header: '蓝牌', share: 18 }],
      rows,
      ['合计', String(counts.total), String(counts.red), String(counts.yellow), String(counts.blue)],
    ));
    return out;
  }
  out.push(para(`${tally}红牌、黄牌项目及原因如下：`));
  const list = (title: string, cards: typeof red) => {
    out.push(heading2(`${title}（${cards.length}个）`));
    if (!cards.length) {
      out.push(para('无。'));
      return;
    }
    out.push(table(
      [{ header: '序号', share: 7 }, { header: '项目名称', share: 29, align: 'left' }, { header: '所在区域', share: 13 }, { header: '得分', share: 8 }, { header: '亮牌原因', share: 43, align: 'left' }],
      cards.map((c, i) => [String(i + 1), `${c.name}\n${c.code}`, c.regionName, c.score.toFixed(1), c.reasons.join('\n') || '—']),
    ));
  };
  list('（一）红牌项目', red);
  list('（二）黄牌项目', yellow);
  return out;
}

function problemsSection(f: BulletinDoc['figures']): (Paragraph | Table)[] {
  const p = f.problems;
  const out: (Paragraph | Table)[] = [heading1('三、问题办理情况')];
  const head = `截至${formatDateZh(p.asOf)}，${wholeRegionWord(f.region)}未办结问题${p.open}个`;
  if (!p.overdue) return [...out, para(`${head}，无逾期未办结问题。`)];
  out.push(para(`${head}，其中逾期未受理或未办结${p.overdue}个，涉及${p.departments.length}个牵头部门：`));
  out.push(table(
    [{ header: '序号', share: 8 }, { header: '牵头部门', share: 44, align: 'left' }, { header: '未办结', share: 14 }, { header: '其中逾期', share: 14 }, { header: '平均办结天数', share: 20 }],
    p.departments.map((d, i) => [String(i + 1), d.name, String(d.open), String(d.overdue), d.avgDaysToSolve == null ? '—' : d.avgDaysToSolve.toFixed(1)]),
  ));
  return out;
}

function batchesSection(f: BulletinDoc['figures']): (Paragraph | Table)[] {
  const { events, year } = f.batches;
  const out: (Paragraph | Table)[] = [heading1('四、集中开工（签约）活动')];
  const yearLine = year.count
    ? `${f.period.year}年以来共举办集中开工（签约）活动${year.count}次，涉及项目${year.projectCount}个次，总投资${formatYi(year.totalInvestment)}。`
    : `${f.period.year}年以来尚未举办集中开工（签约）活动。`;
  if (!events.length) return [...out, para(`本期未举办集中开工（签约）活动。${yearLine}`)];
  out.push(para(`本期举办集中开工（签约）活动${events.length}次。${yearLine}`));
  out.push(table(
    [{ header: '活动名称', share: 34, align: 'left' }, { header: '类型', share: 10 }, { header: '日期', share: 15 }, { header: '主会场项目', share: 21, align: 'left' }, { header: '项目数', share: 8 }, { header: '总投资', share: 12, align: 'right' }],
    events.map((b) => [b.name, BATCH_KIND_LABELS[b.kind as BatchKind] ?? b.kind, formatDateZh(b.eventDate), b.mainProjectName ?? '—', String(b.projectCount), formatYi(b.totalInvestment)]),
  ));
  return out;
}

/** A long title breaks before 推进情况的通报, so no line holds a lone character (二号: about 20 a line). */
function titleRuns(title: string): TextRun[] {
  const at = title.length > 19 ? title.lastIndexOf('推进情况') : -1;
  if (at <= 0) return [run(title, TITLE, { size: 44 })];
  return [run(title.slice(0, at), TITLE, { size: 44 }), new TextRun({ text: title.slice(at), font: TITLE, size: 44, break: 1 })];
}

/** Width in characters: digits and Latin letters are half a character. */
const charWidth = (s: string) => [...s].reduce((w, ch) => w + (/[\x20-\x7e]/.test(ch) ? 0.5 : 1), 0);

/**
 * The issuing office over the date (GB/T 9704 7.3.5): the date right-aligned four characters from
 * the margin, the office centred over it; an office longer than the date two characters from the
 * margin, with the date centred under it.
 */
function signature(office: string, date: string): Paragraph[] {
  const CH = 320;
  const o = charWidth(office);
  const d = charWidth(date);
  const officeRight = o > d + 4 ? 2 * CH : Math.round((4 + (d - o) / 2) * CH);
  const dateRight = o > d + 4 ? Math.round((2 + (o - d) / 2) * CH) : 4 * CH;
  const line = (text: string, right: number) => new Paragraph({ alignment: AlignmentType.RIGHT, spacing: LINE_28PT, indent: { right }, children: [run(text)] });
  return [line(office, officeRight), line(date, dateRight)];
}

function pageNumber(align: 'left' | 'right'): Footer {
  return new Footer({
    children: [new Paragraph({
      alignment: align === 'right' ? AlignmentType.RIGHT : AlignmentType.LEFT,
      indent: align === 'right' ? { right: 280 } : { left: 280 },
      children: [new TextRun({ font: SONG, size: 28, children: ['— ', PageNumber.CURRENT, ' —'] })],
    })],
  });
}

export async function buildBulletinDocx(b: BulletinDoc): Promise<Buffer> {
  const f = b.figures;
  const opening = openingOf(f);
  const officeSize = Math.min(72, Math.floor(((WIDTH / 20) * 0.96) / Math.max(b.issuingOffice.length, 1)) * 2);
  const whole = wholeRegionWord(f.region);
  const children: (Paragraph | Table)[] = [
    new Paragraph({ alignment: AlignmentType.CENTER, spacing: { before: 0, after: 240 }, children: [run(b.issuingOffice, TITLE, { size: officeSize, color: RED })] }),
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { after: 480 },
      border: { bottom: { style: BorderStyle.SINGLE, size: 18, color: RED, space: 12 } },
      children: [run(b.number)],
    }),
    new Paragraph({ alignment: AlignmentType.CENTER, spacing: { before: 240, after: 240, line: 700, lineRule: LineRuleType.EXACT }, children: titleRuns(b.title) }),
    para(recipientsLine(f.region), { indent: false }),
    para(`现将${f.period.year}年${monthsText(f.period.month)}${whole}重点项目推进情况通报如下：`),
    heading1('一、总体推进情况'),
    para(opening),
    ...regionsSection(f),
    ...cardsSection(f),
    ...problemsSection(f),
    ...batchesSection(f),
    heading1('五、下步工作要求'),
    para(`各地各部门要对照通报，逐项目查找差距，红牌、黄牌项目的责任单位要制定整改措施、明确完成时限；逾期问题的牵头部门要加快办理、按时办结，确保${whole}重点项目加快推进、全年目标任务圆满完成。`),
    blank(),
    para(`附件：${f.period.year}年${monthsText(f.period.month)}${f.region.name}重点项目进展情况表（见 Excel 附件）`),
    blank(),
    blank(),
    ...signature(b.issuingOffice, formatDateZh(f.issuedOn)),
  ];
  const doc = new Document({
    creator: b.issuingOffice,
    title: b.title,
    description: b.number,
    evenAndOddHeaderAndFooters: true,
    styles: { default: { document: { run: { font: BODY, size: SIZE_3 } } } },
    sections: [{
      properties: { page: { size: { width: 11906, height: 16838 }, margin: { top: 2098, bottom: 1984, left: 1587, right: 1474, footer: 1134 } } },
      footers: { default: pageNumber('right'), even: pageNumber('left') },
      children,
    }],
  });
  return Packer.toBuffer(doc, false, [{ path: 'word/fontTable.xml', data: FONT_TABLE }]);
}
