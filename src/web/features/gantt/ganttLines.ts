// From the API's rows to chart lines: a project's procedures and milestones one per line, or a
// portfolio's projects one per line with their milestones as diamonds. Tooltips in the reader's
// language.
import type { TFunction } from 'i18next';
import type { GanttRowDto, PortfolioItemDto } from '../../../contract/gantt.ts';
import { formatDate } from '../../components/DateText.tsx';
import type { ChartLine, SeriesNames } from './ganttOption.ts';

export const seriesNames = (t: TFunction): SeriesNames => ({
  baseline: t('gantt.series.baseline'), planned: t('gantt.series.planned'), overdue: t('gantt.series.overdue'),
  actual: t('gantt.series.actual'), late: t('gantt.series.late'), milestone: t('gantt.series.milestone'), today: t('gantt.series.today'),
});

export function statusText(t: TFunction, r: Pick<GanttRowDto, 'status' | 'lateDays'>): string {
  const s = t(`gantt.status.${r.status}`);
  return r.lateDays ? `${s}（${t('gantt.tip.late', { days: r.lateDays })}）` : s;
}

export function rowTooltip(t: TFunction, r: GanttRowDto): string[] {
  const lines = [r.name, `${t(`gantt.kind.${r.kind}`)} · ${statusText(t, r)}`, t('gantt.tip.planned', { date: formatDate(r.plannedDate) })];
  if (r.slipDays) lines.push(`${t('gantt.tip.baseline', { date: formatDate(r.baselineDate) })}（${t('gantt.tip.slip', { days: r.slipDays })}）`);
  if (r.actualDate) lines.push(t('gantt.tip.actual', { date: formatDate(r.actualDate) }));
  else if (r.bars.open) lines.push(t('gantt.tip.open'));
  if (r.responsible) lines.push(t('gantt.tip.responsible', { name: r.responsible }));
  return lines;
}

/** A project's rows; rows that are not required stay out of the chart (they stay in the table). */
export function rowLines(t: TFunction, rows: readonly GanttRowDto[]): ChartLine[] {
  return rows
    .filter((r) => r.status !== 'not_required')
    .map((r) => ({
      key: r.id,
      label: r.kind === 'milestone' ? `◆ ${r.name}` : r.name,
      overdue: r.status === 'overdue',
      status: r.status,
      planned: r.bars.planned,
      baseline: r.bars.baseline,
      actual: r.bars.actual,
      open: r.bars.open,
      points: r.kind === 'milestone' && r.plannedDate ? [{ date: r.plannedDate, status: r.status }] : [],
      tooltip: rowTooltip(t, r),
    }));
}

const span = (t: TFunction, s: { start: string; end: string } | null) => (s ? t('gantt.tip.span', { start: formatDate(s.start), end: formatDate(s.end) }) : '—');

export function projectLines(t: TFunction, items: readonly PortfolioItemDto[]): ChartLine[] {
  return items.map((it) => {
    const p = it.project;
    const tooltip = [
      p.name,
      [p.code, p.regionName, p.leaderName].filter(Boolean).join(' · '),
      `${t('gantt.series.planned')}：${span(t, it.bars.planned)}`,
    ];
    if (it.bars.baseline) tooltip.push(`${t('gantt.series.baseline')}：${span(t, it.bars.baseline)}`);
    tooltip.push(`${t('gantt.series.actual')}：${it.bars.open ? `${formatDate(it.bars.actual!.start)} — ${t('gantt.tip.open')}` : span(t, it.bars.actual)}`);
    if (it.overdueCount) tooltip.push(t('gantt.tip.overdueCount', { count: it.overdueCount }));
    tooltip.push(t('gantt.tip.clickToOpen'));
    return {
      key: p.id,
      label: p.name,
      overdue: it.status === 'overdue',
      status: 'project' as const,
      planned: it.bars.planned,
      baseline: it.bars.baseline,
      actual: it.bars.actual,
      open: it.bars.open,
      points: it.rows.filter((r) => r.kind === 'milestone' && r.plannedDate).map((r) => ({ date: r.plannedDate!, status: r.status })),
      tooltip,
    };
  });
}

/** The PNG's file name: 进度计划-<what>-2024年11月30日.png */
export const pngName = (t: TFunction, what: string, today: string) => `${t('gantt.title')}-${what.replace(/[\\/:*?"<>|\s]+/g, '')}-${formatDate(today)}.png`;

/** The line under the PNG's title: what it shows and the day it stands on. */
export const pngSubtitle = (t: TFunction, parts: (string | null)[], today: string) =>
  [...parts.filter(Boolean), `${t('gantt.series.today')} ${formatDate(today)}`].join(' · ');
