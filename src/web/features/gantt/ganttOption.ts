// The Gantt chart's ECharts option, from lines that know nothing of ECharts: each line (a
// procedure, a milestone, or a whole project) has a planned bar, a thin grey baseline above it
// where the plan moved, an actual bar below it, and diamonds for dated points. Today is a red line;
// overdue lines are red. Dates are local-midnight timestamps on a time axis. What it draws is
// registered here, the title for the PNG export too.
import { CustomChart, type CustomSeriesOption } from 'echarts/charts';
import {
  GridComponent, LegendComponent, MarkLineComponent, TitleComponent,
  type GridComponentOption, type LegendComponentOption, type MarkLineComponentOption, type TooltipComponentOption,
} from 'echarts/components';
import { format, graphic, type ComposeOption } from 'echarts/core';
import type { CustomSeriesRenderItemAPI, CustomSeriesRenderItemParams, CustomSeriesRenderItemReturn } from 'echarts';
import { addDaysIso, type GanttStatus, type Span } from '../../../domain/gantt.ts';
import { formatYearMonth } from '../../../domain/dates.ts';
import { echarts } from '../../components/useEChart.tsx';

echarts.use([CustomChart, GridComponent, LegendComponent, MarkLineComponent, TitleComponent]);

export type GanttOption = ComposeOption<CustomSeriesOption | GridComponentOption | LegendComponentOption | MarkLineComponentOption | TooltipComponentOption>;

export interface ChartPoint {
  date: string;
  status: GanttStatus;
}

export interface ChartLine {
  key: string;
  label: string;
  /** Overdue lines are drawn and labelled in red. */
  overdue: boolean;
  /** Colours the actual bar: on time, late, or open. */
  status: GanttStatus | 'project';
  planned: Span | null;
  baseline: Span | null;
  actual: Span | null;
  open: boolean;
  points: ChartPoint[];
  /** Tooltip lines, already in the reader's language (escaped here). */
  tooltip: string[];
}

export interface SeriesNames {
  baseline: string;
  planned: string;
  overdue: string;
  actual: string;
  late: string;
  milestone: string;
  today: string;
}

export const COLORS = {
  baseline: '#b8bec8',
  planned: '#7fb2f0',
  overdue: '#e5393b',
  actual: '#3ba55c',
  late: '#f08c2e',
  upcoming: '#1a5bb8',
  muted: '#a6adb7',
} as const;

export const pointColor = (s: GanttStatus): string =>
  s === 'overdue' ? COLORS.overdue : s === 'done_late' ? COLORS.late : s === 'done_on_time' || s === 'done' ? COLORS.actual : s === 'upcoming' ? COLORS.upcoming : COLORS.muted;

/** Which legend entry an actual bar belongs to: open past its date is overdue, done after it is late. */
function actualKind(l: ChartLine): 'overdue' | 'late' | 'actual' {
  if (l.open && l.overdue) return 'overdue';
  return l.status === 'done_late' ? 'late' : 'actual';
}

/** A calendar date as a local-midnight timestamp (what the time axis shows as that day). */
export const ts = (iso: string) => {
  const [y, m, d] = iso.split('-').map(Number);
  return new Date(y!, m! - 1, d!).getTime();
};
const iso = (t: number) => {
  const d = new Date(t);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
};

/** Where each part sits inside a row's band, as fractions of the band's height from its centre. */
const LAYOUT = { baseline: [-0.4, 0.1], planned: [-0.27, 0.3], actual: [0.07, 0.25] } as const;

function barRenderer(part: keyof typeof LAYOUT) {
  return (params: CustomSeriesRenderItemParams, api: CustomSeriesRenderItemAPI): CustomSeriesRenderItemReturn => {
    const row = api.value(0) as number;
    const start = api.coord([api.value(1), row]);
    const end = api.coord([api.value(2), row]);
    const band = (api.size!([0, 1]) as number[])[1]!;
    const [offset, height] = LAYOUT[part];
    const cs = params.coordSys as unknown as { x: number; y: number; width: number; height: number };
    const shape = graphic.clipRectByRect(
      { x: start[0]!, y: start[1]! + offset * band, width: Math.max(end[0]! - start[0]!, 3), height: Math.max(height * band, part === 'baseline' ? 3 : 6) },
      { x: cs.x, y: cs.y, width: cs.width, height: cs.height },
    );
    return shape ? { type: 'rect', shape: { ...shape, r: part === 'baseline' ? 1 : 3 }, style: { fill: api.visual('color') as string } } : null;
  };
}

function diamondRenderer(params: CustomSeriesRenderItemParams, api: CustomSeriesRenderItemAPI): CustomSeriesRenderItemReturn {
  const row = api.value(0) as number;
  const [x, y] = api.coord([api.value(1), row]) as [number, number];
  const band = (api.size!([0, 1]) as number[])[1]!;
  const cy = y + (LAYOUT.planned[0] + LAYOUT.planned[1] / 2) * band;
  const r = Math.min(7, Math.max(4, band * 0.22));
  const cs = params.coordSys as unknown as { x: number; width: number };
  if (x < cs.x || x > cs.x + cs.width) return null;
  return {
    type: 'polygon',
    shape: { points: [[x, cy - r], [x + r, cy], [x, cy + r], [x - r, cy]] },
    style: { fill: api.visual('color') as string, stroke: '#fff', lineWidth: 1 },
  };
}

const truncate = (s: string, n: number) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

/** The axis range: every date drawn plus today, with a little room either side. */
export function dateRange(lines: readonly ChartLine[], today: string): [string, string] {
  const dates = [today];
  for (const l of lines) {
    for (const s of [l.planned, l.baseline, l.actual]) if (s) dates.push(s.start, s.end);
    for (const p of l.points) dates.push(p.date);
  }
  dates.sort();
  return [addDaysIso(dates[0]!, -20), addDaysIso(dates[dates.length - 1]!, 20)];
}

export function ganttOption(lines: readonly ChartLine[], today: string, names: SeriesNames, o: { labelWidth: number; english: boolean; compact?: boolean }): GanttOption {
  const [min, max] = dateRange(lines, today);
  const bars = (pick: (l: ChartLine) => Span | null, color: (l: ChartLine) => string, only: (l: ChartLine) => boolean = () => true) =>
    lines.flatMap((l, i) => {
      const s = pick(l);
      return s && only(l) ? [{ value: [i, ts(s.start), ts(s.end)], itemStyle: { color: color(l) } }] : [];
    });
  const chars = Math.max(6, Math.floor(o.labelWidth / 13));
  const common = { type: 'custom' as const, encode: { x: [1, 2], y: 0 }, clip: true };
  return {
    animation: false,
    // On a phone the legend takes two lines.
    grid: { left: 8, right: o.compact ? 12 : 24, top: o.compact ? 62 : 40, bottom: 30, containLabel: true },
    legend: { top: 4, left: 'center', itemWidth: 18, itemHeight: 8, itemGap: o.compact ? 8 : 10, data: [names.planned, names.baseline, names.actual, names.late, names.overdue, names.milestone] },
    tooltip: {
      trigger: 'item',
      confine: true,
      formatter: (p) => {
        const v = (p as { value?: unknown }).value as number[] | undefined;
        const line = v ? lines[v[0]!] : undefined;
        return line ? line.tooltip.map((s, i) => (i === 0 ? `<b>${format.encodeHTML(s)}</b>` : format.encodeHTML(s))).join('<br/>') : '';
      },
    },
    xAxis: {
      type: 'time',
      min: ts(min),
      max: ts(max),
      position: 'top',
      axisLabel: { formatter: (v: number) => (o.english ? iso(v).slice(0, 7) : formatYearMonth(iso(v))), hideOverlap: true, color: '#5c6470' },
      splitLine: { show: true, lineStyle: { color: '#eef0f3' } },
    },
    yAxis: {
      type: 'category',
      inverse: true,
      data: lines.map((l) => l.label),
      axisTick: { show: false },
      axisLine: { lineStyle: { color: '#d9dde3' } },
      splitLine: { show: true, lineStyle: { color: '#f3f4f6' } },
      axisLabel: {
        width: o.labelWidth,
        overflow: 'truncate',
        formatter: (value: string, index: number) => {
          const text = truncate(value, chars);
          return lines[index]?.overdue ? `{red|${text}}` : text;
        },
        rich: { red: { color: COLORS.overdue, fontWeight: 'bold' } },
      },
    },
    series: [
      { ...common, name: names.baseline, itemStyle: { color: COLORS.baseline }, renderItem: barRenderer('baseline'), data: bars((l) => l.baseline, () => COLORS.baseline) },
      {
        ...common, name: names.planned, itemStyle: { color: COLORS.planned }, renderItem: barRenderer('planned'),
        data: bars((l) => l.planned, () => COLORS.planned, (l) => !l.overdue),
        markLine: {
          silent: true, symbol: 'none', animation: false,
          lineStyle: { color: COLORS.overdue, type: 'dashed', width: 1.5 },
          label: { formatter: names.today, position: 'end', color: COLORS.overdue },
          data: [{ xAxis: ts(today) }],
        },
      },
      { ...common, name: names.overdue, itemStyle: { color: COLORS.overdue }, renderItem: barRenderer('planned'), data: bars((l) => l.planned, () => COLORS.overdue, (l) => l.overdue) },
      // Series of the same name share one legend entry: open work past its date is red with the overdue plans.
      { ...common, name: names.overdue, itemStyle: { color: COLORS.overdue }, renderItem: barRenderer('actual'), data: bars((l) => l.actual, () => COLORS.overdue, (l) => actualKind(l) === 'overdue') },
      { ...common, name: names.actual, itemStyle: { color: COLORS.actual }, renderItem: barRenderer('actual'), data: bars((l) => l.actual, () => COLORS.actual, (l) => actualKind(l) === 'actual') },
      { ...common, name: names.late, itemStyle: { color: COLORS.late }, renderItem: barRenderer('actual'), data: bars((l) => l.actual, () => COLORS.late, (l) => actualKind(l) === 'late') },
      {
        ...common, name: names.milestone, encode: { x: 1, y: 0 }, itemStyle: { color: COLORS.upcoming }, renderItem: diamondRenderer,
        data: lines.flatMap((l, i) => l.points.map((p) => ({ value: [i, ts(p.date)], itemStyle: { color: pointColor(p.status) } }))),
      },
    ],
  };
}

/** Height in pixels for a number of lines. */
export const chartHeight = (n: number, rowHeight = 34) => Math.max(160, n * rowHeight + 80);
