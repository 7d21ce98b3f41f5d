// The month-series chart of the project card: bars of the investment approved each month, the
// annual completion rate against time-elapsed progress.
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { ProjectSeriesDto } from '../../../../contract/reporting.ts';
import { formatRate } from '../../../../domain/kpi.ts';
import { formatAmount } from '../../../components/Money.tsx';
import EChart, { type EChartOption } from '../../../components/EChart.tsx';
import { NS } from '../../reporting/i18n.ts';

type Month = ProjectSeriesDto['months'][number];
const pct = (r: number | null) => (r == null ? null : Math.round(r * 10000) / 100);

export default function SeriesChart({ s }: { s: ProjectSeriesDto }) {
  const { t } = useTranslation(NS);
  const option = useMemo<EChartOption>(() => {
    const names = { money: t('series.chartInvestment'), rate: t('series.chartRate'), elapsed: t('series.chartElapsed') };
    const text: Record<string, (m: Month) => string> = {
      [names.money]: (m) => formatAmount(m.investment),
      [names.rate]: (m) => formatRate(m.annualCompletionRate),
      [names.elapsed]: (m) => formatRate(m.timeElapsed),
    };
    return {
      grid: { left: 56, right: 48, top: 40, bottom: 28 },
      legend: { top: 0 },
      tooltip: {
        trigger: 'axis',
        formatter: (params) => {
          const list = Array.isArray(params) ? params : [params];
          const m = s.months[list[0]?.dataIndex ?? 0];
          if (!m) return '';
          return [`${s.year}年${m.month}月`, ...list.map((p) => `${p.marker ?? ''}${p.seriesName}：${text[p.seriesName ?? '']?.(m) ?? ''}`)].join('<br/>');
        },
      },
      xAxis: { type: 'category', data: s.months.map((m) => `${m.month}月`) },
      yAxis: [
        { type: 'value', name: '万元', axisLabel: { formatter: (v: number) => v.toLocaleString('zh-CN') } },
        { type: 'value', name: '%', axisLabel: { formatter: '{value}%' }, splitLine: { show: false } },
      ],
      series: [
        { name: names.money, type: 'bar', data: s.months.map((m) => Number(m.investment)), itemStyle: { color: '#91caff' }, barMaxWidth: 28 },
        { name: names.rate, type: 'line', yAxisIndex: 1, data: s.months.map((m) => pct(m.annualCompletionRate)), itemStyle: { color: '#1677ff' }, lineStyle: { width: 3 } },
        { name: names.elapsed, type: 'line', yAxisIndex: 1, data: s.months.map((m) => pct(m.timeElapsed)), itemStyle: { color: '#8c8c8c' }, lineStyle: { type: 'dashed' } },
      ],
    };
  }, [s, t]);
  return <EChart option={option} height={280} aria-label={t('series.title')} />;
}

