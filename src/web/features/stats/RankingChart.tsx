// The ranking as bars: each group's annual completion rate, coloured by progress status, against a
// marker line at the region's time-elapsed progress.
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { StatsRow } from '../../../contract/stats.ts';
import EChart, { type EChartOption } from '../../components/EChart.tsx';
import { STATUS_HEX, formatRate } from './format.ts';
import { NS } from './i18n.ts';

export const RANKING_CHART_MAX = 30;

export interface RankingChartProps {
  rows: StatsRow[];
  /** The rows' names in the current language. */
  name: (row: StatsRow) => string;
  timeElapsed: number | null;
  onClick?: (row: StatsRow) => void;
}

export default function RankingChart({ rows, name, timeElapsed, onClick }: RankingChartProps) {
  const { t } = useTranslation(NS);
  // Best on top: a horizontal chart draws its first category at the bottom.
  const shown = useMemo(() => rows.filter((r) => r.annualCompletionRate != null).slice(0, RANKING_CHART_MAX).reverse(), [rows]);
  const option = useMemo<EChartOption>(() => ({
    grid: { left: 8, right: 56, top: 24, bottom: 8, containLabel: true },
    tooltip: {
      trigger: 'axis',
      axisPointer: { type: 'shadow' },
      formatter: (params) => {
        const p = Array.isArray(params) ? params[0] : params;
        const row = shown[p?.dataIndex ?? -1];
        if (!row) return '';
        return `${name(row)}<br/>${t('chart.completion')}：${formatRate(row.annualCompletionRate)}<br/>${t('chart.timeElapsed')}：${formatRate(row.timeElapsed)}`;
      },
    },
    // Wide enough for the marker line and at least to 100%, so small rates do not look full.
    xAxis: {
      type: 'value', min: 0, axisLabel: { formatter: '{value}%', hideOverlap: true },
      max: (v: { max: number }) => Math.max(100, Math.ceil(Math.max(v.max, (timeElapsed ?? 0) * 100) / 10) * 10),
    },
    yAxis: {
      type: 'category',
      data: shown.map(name),
      axisLabel: { width: 120, overflow: 'truncate' },
    },
    series: [{
      type: 'bar',
      barMaxWidth: 18,
      data: shown.map((r) => ({
        value: Math.round((r.annualCompletionRate ?? 0) * 10000) / 100,
        itemStyle: { color: STATUS_HEX[r.progressStatus ?? 'on_schedule'] },
      })),
      label: { show: true, position: 'right', formatter: (p) => formatRate(shown[p.dataIndex]?.annualCompletionRate ?? null) },
      markLine: timeElapsed == null ? undefined : {
        symbol: 'none',
        lineStyle: { color: '#595959', type: 'dashed' },
        label: { formatter: `${t('chart.timeElapsed')} ${formatRate(timeElapsed)}`, position: 'end' },
        data: [{ xAxis: Math.round(timeElapsed * 10000) / 100 }],
      },
    }],
  }), [shown, name, timeElapsed, t]);
  if (shown.length === 0) return null;
  return (
    <EChart
      option={option}
      height={Math.max(160, shown.length * 26 + 48)}
      aria-label={t('chart.rankingTitle', { group: '' })}
      onClick={onClick ? (p) => { const r = shown[p.dataIndex]; if (r) onClick(r); } : undefined}
    />
  );
}
