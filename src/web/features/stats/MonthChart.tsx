// Month by month: bars of the investment approved in each month, lines of the year-to-date
// completion rate against time-elapsed progress (and last year's rate when compared).
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { StatsRow } from '../../../contract/stats.ts';
import { formatAmount } from '../../components/Money.tsx';
import EChart, { type EChartOption } from '../../components/EChart.tsx';
import { formatRate } from './format.ts';
import { NS } from './i18n.ts';
import { monthLabel, monthName } from './rowLabel.ts';

/** Rates as percentages for the axis; null stays a gap in the line. */
const pct = (r: number | null | undefined) => (r == null ? null : Math.round(r * 10000) / 100);

export default function MonthChart({ rows, compare }: { rows: StatsRow[]; compare: boolean }) {
  const { t, i18n } = useTranslation(NS);
  const option = useMemo<EChartOption>(() => {
    const names = {
      money: t('chart.monthInvestment'), completion: t('chart.completion'), elapsed: t('chart.timeElapsed'), last: t('chart.lastYear'),
    };
    const byName: Record<string, (r: StatsRow) => string> = {
      [names.money]: (r) => formatAmount(r.monthInvestment),
      [names.completion]: (r) => formatRate(r.annualCompletionRate),
      [names.elapsed]: (r) => formatRate(r.timeElapsed),
      [names.last]: (r) => formatRate(r.lastYear?.annualCompletionRate ?? null),
    };
    return {
      grid: { left: 8, right: 8, top: 36, bottom: 56, containLabel: true },
      legend: { bottom: 0 },
      tooltip: {
        trigger: 'axis',
        // The tooltip shows the exact figures from the server, not the plotted floats.
        formatter: (params) => {
          const list = Array.isArray(params) ? params : [params];
          const row = rows[list[0]?.dataIndex ?? 0];
          if (!row) return '';
          const head = monthLabel(row, i18n.language);
          return [head, ...list.map((p) => `${p.marker ?? ''}${p.seriesName}：${byName[p.seriesName ?? '']?.(row) ?? ''}`)].join('<br/>');
        },
      },
      xAxis: { type: 'category', data: rows.map((r) => monthName(r.key, i18n.language)) },
      yAxis: [
        { type: 'value', name: t('chart.money'), axisLabel: { formatter: (v: number) => v.toLocaleString('zh-CN') } },
        {
          type: 'value', name: t('chart.rate'), min: 0, axisLabel: { formatter: '{value}%' }, splitLine: { show: false },
          max: (v: { max: number }) => Math.max(100, Math.ceil(v.max / 10) * 10),
        },
      ],
      series: [
        { name: names.money, type: 'bar', data: rows.map((r) => Number(r.monthInvestment)), itemStyle: { color: '#91caff' }, barMaxWidth: 32 },
        { name: names.completion, type: 'line', yAxisIndex: 1, data: rows.map((r) => pct(r.annualCompletionRate)), itemStyle: { color: '#1677ff' }, lineStyle: { width: 3 } },
        { name: names.elapsed, type: 'line', yAxisIndex: 1, data: rows.map((r) => pct(r.timeElapsed)), itemStyle: { color: '#8c8c8c' }, lineStyle: { type: 'dashed' } },
        ...(compare
          ? [{ name: names.last, type: 'line' as const, yAxisIndex: 1, data: rows.map((r) => pct(r.lastYear?.annualCompletionRate)), itemStyle: { color: '#fa8c16' } }]
          : []),
      ],
    };
  }, [rows, compare, t, i18n.language]);
  return <EChart option={option} height={300} aria-label={t('chart.monthTitle')} />;
}
