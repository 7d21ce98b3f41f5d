// Chart options of the cockpit, for the page (light) and the meeting-room screen (dark, large type).
// Money arrives in 万元 as decimal strings; charts plot 亿元 as numbers, for drawing only. Besides the
// host's bar and line charts the cockpit draws gauges, a donut with a centre label and ticks (scatter).
import Decimal from 'decimal.js';
import type { CSSProperties } from 'react';
import { GaugeChart, PieChart, ScatterChart } from 'echarts/charts';
import { GraphicComponent } from 'echarts/components';
import type { CockpitGaugeDto, CockpitRankingRow, CockpitResult } from '../../../contract/cockpit.ts';
import type { ColorCounts } from '../../../contract/cards.ts';
import { STATUS_HEX, formatRate, signedPoints } from '../stats/format.ts';
import { CARD_HEX } from '../cards/parts.tsx';
import { echarts, type AnyChartOption } from '../../components/EChart.tsx';

echarts.use([GaugeChart, PieChart, ScatterChart, GraphicComponent]);

export type ChartOption = AnyChartOption;

/** Every cockpit chart opens something when clicked. */
export const POINTER: CSSProperties = { cursor: 'pointer' };

export interface Theme {
  dark: boolean;
  /** Multiplies font sizes (screen mode reads from across a room). */
  scale: number;
  text: string;
  subtext: string;
  line: string;
  panel: string;
  accent: string;
  muted: string;
  /** The ECharts theme: dark tooltips and defaults on the screen (the options keep the panel showing through). */
  echarts?: 'dark';
}

export const LIGHT: Theme = { dark: false, scale: 1, text: '#1f1f1f', subtext: '#8c8c8c', line: '#f0f0f0', panel: '#ffffff', accent: '#1677ff', muted: '#d9d9d9' };
export const DARK: Theme = { dark: true, scale: 1.6, text: '#e6f4ff', subtext: '#8fb3d9', line: 'rgba(120,170,255,0.18)', panel: 'rgba(13,32,64,0.82)', accent: '#3fa9ff', muted: 'rgba(255,255,255,0.12)', echarts: 'dark' };

export const GAUGE_HEX = { met: '#52c41a', behind: '#fa8c16', none: '#bfbfbf' } as const;

const yi = (wan: string | null): number | null => (wan == null ? null : new Decimal(wan).dividedBy(10000).toDecimalPlaces(2).toNumber());
const pct = (r: number | null) => (r == null ? null : new Decimal(r).times(100).toDecimalPlaces(1).toNumber());
const font = (th: Theme, px: number) => Math.round(px * th.scale);

export function gaugeOption(g: CockpitGaugeDto, title: string, th: Theme): ChartOption {
  const rate = pct(g.rate);
  const toDate = pct(g.targetToDate);
  const max = Math.max(100, Math.ceil(Math.max(rate ?? 0, toDate ?? 0) / 20) * 20);
  const color = g.status ? GAUGE_HEX[g.status] : GAUGE_HEX.none;
  const geometry = { type: 'gauge', startAngle: 210, endAngle: -30, min: 0, max, radius: '92%', center: ['50%', '58%'] };
  return {
    backgroundColor: 'transparent',
    series: [
      {
        ...geometry,
        progress: { show: true, width: font(th, 12), roundCap: true, itemStyle: { color } },
        axisLine: { roundCap: true, lineStyle: { width: font(th, 12), color: [[1, th.muted]] } },
        pointer: { show: false },
        axisTick: { show: false },
        splitLine: { show: false },
        axisLabel: { show: false },
        anchor: { show: false },
        title: { show: true, offsetCenter: [0, '62%'], color: th.subtext, fontSize: font(th, 13) },
        detail: {
          valueAnimation: true, offsetCenter: [0, '8%'], fontSize: font(th, 22), fontWeight: 600, color: th.text,
          // 100% and above without the decimal, so the figure fits inside a narrow gauge.
          formatter: () => (rate == null ? '—' : `${rate >= 99.95 ? rate.toFixed(0) : rate.toFixed(1)}%`),
        },
        data: [{ value: rate ?? 0, name: title }],
      },
      // The bar for "now": a marker on the rim at the target due by this period.
      ...(toDate == null ? [] : [{
        ...geometry,
        axisLine: { show: false }, axisTick: { show: false }, splitLine: { show: false }, axisLabel: { show: false },
        progress: { show: false }, title: { show: false }, detail: { show: false }, anchor: { show: false },
        pointer: { icon: 'triangle', length: font(th, 14), width: font(th, 10), offsetCenter: [0, '-88%'], itemStyle: { color: th.text } },
        data: [{ value: Math.min(toDate, max) }],
        tooltip: { show: false },
      }]),
    ],
  };
}

export interface CurveLabels {
  plan: (y: number) => string;
  actual: (y: number) => string;
  month: (m: number) => string;
  unit: string;
}

const hasAny = (s: CockpitResult['series']['lastYear']) =>
  s.points.some((p) => !new Decimal(p.annualPlan).isZero() || (p.ytdInvestment != null && !new Decimal(p.ytdInvestment).isZero()));

export function curveOption(series: CockpitResult['series'], th: Theme, l: CurveLabels): ChartOption {
  const { thisYear, lastYear } = series;
  const months = Array.from({ length: 12 }, (_, i) => l.month(i + 1));
  const faded = th.dark ? 'rgba(180,200,230,0.45)' : '#bfbfbf';
  const line = (name: string, data: (number | null)[], color: string, o: { dashed?: boolean; area?: boolean; width?: number } = {}) => ({
    type: 'line', name, data, smooth: true, symbol: 'circle', symbolSize: font(th, 5), connectNulls: false,
    lineStyle: { color, width: (o.width ?? 2) * th.scale, type: o.dashed ? 'dashed' : 'solid' }, itemStyle: { color },
    ...(o.area ? { areaStyle: { color: th.dark ? 'rgba(63,169,255,0.18)' : 'rgba(22,119,255,0.10)' } } : {}),
  });
  return {
    backgroundColor: 'transparent',
    tooltip: { trigger: 'axis', valueFormatter: (v: unknown) => (v == null ? '—' : `${v} ${l.unit}`) },
    legend: { top: 0, textStyle: { color: th.subtext, fontSize: font(th, 12) }, itemWidth: font(th, 18), itemHeight: font(th, 10) },
    grid: { left: 8, right: 16, top: font(th, 36), bottom: 4, containLabel: true },
    xAxis: { type: 'category', data: months, boundaryGap: false, axisLabel: { color: th.subtext, fontSize: font(th, 11) }, axisLine: { lineStyle: { color: th.line } } },
    yAxis: { type: 'value', name: l.unit, nameTextStyle: { color: th.subtext, fontSize: font(th, 11) }, axisLabel: { color: th.subtext, fontSize: font(th, 11) }, splitLine: { lineStyle: { color: th.line } } },
    series: [
      line(l.plan(thisYear.year), thisYear.points.map((p) => yi(p.plannedToDate)), th.dark ? '#ffd666' : '#fa8c16', { dashed: true }),
      line(l.actual(thisYear.year), thisYear.points.map((p) => yi(p.ytdInvestment)), th.accent, { area: true, width: 3 }),
      // Last year only where there was one (a city's first year on the platform has none).
      ...(hasAny(lastYear) ? [
        line(l.plan(lastYear.year), lastYear.points.map((p) => yi(p.plannedToDate)), faded, { dashed: true, width: 1.5 }),
        line(l.actual(lastYear.year), lastYear.points.map((p) => yi(p.ytdInvestment)), faded, { width: 1.5 }),
      ] : []),
    ],
  };
}

export interface RankingLabels {
  elapsed: string;
  completion: string;
  gap: string;
}

/** Rows as drawn: best at the top. */
export function rankingOption(rows: CockpitRankingRow[], th: Theme, l: RankingLabels): ChartOption {
  const shown = [...rows].reverse();
  return {
    backgroundColor: 'transparent',
    legend: { data: [{ name: l.elapsed, icon: 'rect' }], right: 0, top: 0, itemWidth: 3, itemHeight: 12, textStyle: { color: th.subtext, fontSize: font(th, 11) } },
    tooltip: {
      trigger: 'axis', axisPointer: { type: 'shadow' },
      formatter: (ps: { dataIndex: number }[]) => {
        const r = shown[ps[0]!.dataIndex]!;
        return `${r.label}<br/>${l.completion}：${formatRate(r.annualCompletionRate)}<br/>${l.elapsed}：${formatRate(r.timeElapsed)}<br/>${l.gap}：${signedPoints(r.gap) ?? '—'}`;
      },
    },
    grid: { left: 4, right: font(th, 90), top: font(th, 22), bottom: 4, containLabel: true },
    xAxis: { type: 'value', splitNumber: 4, max: (v: { max: number }) => Math.max(100, Math.ceil(v.max / 10) * 10), axisLabel: { color: th.subtext, formatter: '{value}%', fontSize: font(th, 11) }, splitLine: { lineStyle: { color: th.line } } },
    yAxis: {
      type: 'category', data: shown.map((r) => r.label),
      axisLabel: { color: th.text, fontSize: font(th, 12), width: font(th, 120), overflow: 'truncate' }, axisLine: { lineStyle: { color: th.line } }, axisTick: { show: false },
    },
    series: [{
      type: 'bar', barMaxWidth: font(th, 16),
      data: shown.map((r) => ({ value: pct(r.annualCompletionRate) ?? 0, itemStyle: { color: r.progressStatus ? STATUS_HEX[r.progressStatus] : th.muted, borderRadius: [0, 4, 4, 0] } })),
      label: {
        show: true, position: 'right', color: th.text, fontSize: font(th, 11),
        formatter: (p: { dataIndex: number }) => {
          const r = shown[p.dataIndex]!;
          const gap = signedPoints(r.gap);
          return `${formatRate(r.annualCompletionRate)}${gap ? `（${gap}）` : ''}`;
        },
      },
    }, {
      // Each row's own time-elapsed progress (its plan's months to date), as a tick across its bar.
      type: 'scatter', name: l.elapsed, symbol: 'rect', symbolSize: [3, font(th, 16) + 8], z: 3,
      itemStyle: { color: th.dark ? '#ffd666' : '#d46b08' },
      data: shown.map((r) => pct(r.timeElapsed)),
    }],
  };
}

export function cardsOption(total: ColorCounts, th: Theme, names: Record<'blue' | 'yellow' | 'red', string>): ChartOption {
  const colors = ['blue', 'yellow', 'red'] as const;
  return {
    backgroundColor: 'transparent',
    tooltip: { trigger: 'item', formatter: '{b}：{c}（{d}%）' },
    series: [{
      type: 'pie', radius: ['58%', '82%'], center: ['50%', '50%'], avoidLabelOverlap: true,
      itemStyle: { borderColor: th.dark ? '#0b1a33' : '#fff', borderWidth: 2 },
      label: { show: false },
      data: colors.map((c) => ({ name: names[c], value: total[c], itemStyle: { color: CARD_HEX[c] } })),
    }],
    graphic: [{
      type: 'text', left: 'center', top: 'middle',
      style: { text: String(total.total), fill: th.text, fontSize: font(th, 26), fontWeight: 600 },
    }],
  };
}
