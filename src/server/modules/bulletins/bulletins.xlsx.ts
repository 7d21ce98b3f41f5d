// The bulletin's Excel annex: the full project table of the period with a 合计 row (the region's
// total from the statistics), the sub-region table, and the red and yellow projects with their
// reasons (for a province's month the only place they are named). Made from the frozen figures
// only; text cells neutralised by the shared table writer so nothing runs as a formula.
import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import type { BulletinCard, BulletinFigures, BulletinProject } from '../../../contract/bulletins.ts';
import type { StatsRow } from '../../../contract/stats.ts';
import { monthsText, subRegionWord } from '../../../domain/bulletin.ts';
import { CARD_COLOR_LABELS } from '../../../domain/cards.ts';
import { PROGRESS_STATUS_LABELS } from '../../../domain/kpi.ts';
import { addTableSheet, type SheetColumn } from '../../io/stats.xlsx.ts';

type Line = BulletinProject & { seq: number | null };

const PROJECT_COLUMNS: SheetColumn<Line>[] = [
  { header: '序号', width: 6, kind: 'int', value: (p) => p.seq },
  { header: '项目代码', width: 18, kind: 'text', value: (p) => p.code },
  { header: '项目名称', width: 36, kind: 'text', value: (p) => p.name },
  { header: '所在区域', width: 12, kind: 'text', value: (p) => p.regionName },
  { header: '行业', width: 16, kind: 'text', value: (p) => p.industry },
  { header: '建设阶段', width: 9, kind: 'text', value: (p) => p.stage },
  { header: '责任单位', width: 20, kind: 'text', value: (p) => p.unit },
  { header: '包靠领导', width: 10, kind: 'text', value: (p) => p.leader },
  { header: '总投资', width: 14, kind: 'money', value: (p) => p.totalInvestment },
  { header: '年度计划投资', width: 14, kind: 'money', value: (p) => p.annualPlan },
  { header: '本年累计完成投资', width: 16, kind: 'money', value: (p) => p.ytdInvestment },
  { header: '年度投资完成率', width: 12, kind: 'rate', value: (p) => p.annualCompletionRate },
  { header: '序时进度', width: 10, kind: 'rate', value: (p) => p.timeElapsed },
  { header: '与序时进度差距', width: 12, kind: 'rate', value: (p) => p.gap },
  { header: '进度状态', width: 9, kind: 'text', value: (p) => (p.progressStatus ? PROGRESS_STATUS_LABELS[p.progressStatus] : '—') },
  { header: '本年到位资金', width: 14, kind: 'money', value: (p) => p.ytdFundsArrived },
  { header: '资金到位率', width: 10, kind: 'rate', value: (p) => p.fundArrivalRate },
  { header: '亮牌', width: 7, kind: 'text', value: (p) => (p.card ? CARD_COLOR_LABELS[p.card] : '—') },
];

const REGION_COLUMNS = (word: string): SheetColumn<StatsRow>[] => [
  { header: word, width: 18, kind: 'text', value: (r) => r.label },
  { header: '项目数', width: 8, kind: 'int', value: (r) => r.projectCount },
  { header: '年度计划投资', width: 14, kind: 'money', value: (r) => r.annualPlan },
  { header: '本年累计完成投资', width: 16, kind: 'money', value: (r) => r.ytdInvestment },
  { header: '年度投资完成率', width: 12, kind: 'rate', value: (r) => r.annualCompletionRate },
  { header: '序时进度', width: 10, kind: 'rate', value: (r) => r.timeElapsed },
  { header: '与序时进度差距', width: 12, kind: 'rate', value: (r) => r.gap },
  { header: '排名', width: 6, kind: 'int', value: (r) => r.rank },
];

const CARD_COLUMNS: SheetColumn<BulletinCard & { seq: number }>[] = [
  { header: '序号', width: 6, kind: 'int', value: (c) => c.seq },
  { header: '亮牌', width: 7, kind: 'text', value: (c) => CARD_COLOR_LABELS[c.color] },
  { header: '项目代码', width: 18, kind: 'text', value: (c) => c.code },
  { header: '项目名称', width: 36, kind: 'text', value: (c) => c.name },
  { header: '所在区域', width: 14, kind: 'text', value: (c) => c.regionName },
  { header: '得分', width: 8, kind: 'text', value: (c) => c.score.toFixed(1) },
  { header: '亮牌原因', width: 60, kind: 'text', value: (c) => c.reasons.join('；') || '—' },
];

/**
 * Written by ExcelJS's streaming writer, a row at a time, into the zip's bytes: a province's annex
 * (25,000 lines and 30,000 cards) held every cell with its own style in memory and took 1.2 GB and
 * half a minute; now only the finished file (a few MB) is kept.
 */
export async function buildBulletinXlsx(b: { number: string; figures: BulletinFigures }): Promise<Buffer> {
  const f = b.figures;
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (c: Buffer) => chunks.push(c));
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  wb.creator = '推进 · 重点项目推进平台';
  const subtitle = `${b.number}附件　统计期间：${f.period.year}年${monthsText(f.period.month)}　单位：万元`;
  const t = f.total;
  const sheets: ExcelJS.Worksheet[] = [];
  sheets.push(addTableSheet<Line>(wb, {
    name: '项目明细',
    title: `${f.period.year}年${monthsText(f.period.month)}${f.region.name}重点项目进展情况表`,
    subtitle,
    columns: PROJECT_COLUMNS,
    rows: f.projects.map((p, i) => ({ ...p, seq: i + 1 })),
    total: {
      seq: null, id: '', code: '', name: `合计（${t.projectCount}个项目）`, regionName: '', industry: '', stage: '', unit: null, leader: null, card: null,
      totalInvestment: t.totalInvestment, annualPlan: t.annualPlan, ytdInvestment: t.ytdInvestment, annualCompletionRate: t.annualCompletionRate,
      timeElapsed: t.timeElapsed, gap: t.gap, progressStatus: t.progressStatus, ytdFundsArrived: t.ytdFundsArrived, fundArrivalRate: t.fundArrivalRate,
    },
  }));
  const word = subRegionWord(f.region.level);
  sheets.push(addTableSheet<StatsRow>(wb, {
    name: `分${word.replace(/（.*）/, '')}`,
    title: `各${word}重点项目投资完成情况`,
    subtitle,
    columns: REGION_COLUMNS(word),
    rows: f.regions,
    total: { ...t, label: '合计', rank: null },
  }));
  sheets.push(addTableSheet(wb, {
    name: '红黄牌项目',
    title: `${f.period.label}${f.region.name}红牌、黄牌项目`,
    subtitle: `${b.number}附件　红牌${f.cards.counts.red}个、黄牌${f.cards.counts.yellow}个`,
    columns: CARD_COLUMNS,
    rows: [...f.cards.red, ...f.cards.yellow].map((c, i) => ({ ...c, seq: i + 1 })),
  }));
  for (const ws of sheets) ws.commit();
  await wb.commit();
  return Buffer.concat(chunks);
}
