// Plan versus actual month by month (the S-curve), and the ranking with the gap to time-elapsed
// progress: sub-regions re-open the cockpit, projects open their card.
import { Typography } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { CockpitResult } from '../../../contract/cockpit.ts';
import EChart from '../../components/EChart.tsx';
import { POINTER, curveOption, rankingOption, type Theme } from './charts.ts';
import { hrefs, type Drill } from './drill.ts';
import { NS } from './i18n.ts';
import Panel from './Panel.tsx';

interface Props {
  data: CockpitResult;
  theme: Theme;
  drill: Drill;
}

export function CurvePanel({ data, theme, drill }: Props) {
  const { t } = useTranslation(NS);
  const option = useMemo(() => curveOption(data.series, theme, {
    plan: (year) => t('curve.plan', { year }), actual: (year) => t('curve.actual', { year }),
    month: (month) => t('curve.monthLabel', { month }), unit: t('curve.unit'),
  }), [data.series, theme, t]);
  return (
    <Panel theme={theme} title={t('curve.title')} testId="cockpit-curve" extra={!theme.dark && <a onClick={() => drill.go(hrefs(data).stats)}>{t('toStats')}</a>}>
      <EChart aria-label={t('curve.title')} height={theme.dark ? '100%' : 300} option={option} theme={theme.echarts} style={POINTER} onClick={() => drill.go(hrefs(data).stats)} />
    </Panel>
  );
}

/** How many projects a county's ranking shows: the lowest by completion rate. */
const PROJECTS_SHOWN = 15;

export function RankingPanel({ data, theme, drill, fill = false }: Props & { fill?: boolean }) {
  const { t } = useTranslation(NS);
  const { kind } = data.ranking;
  const rows = useMemo(() => {
    if (kind === 'region') return data.ranking.rows;
    const rated = data.ranking.rows.filter((r) => r.annualCompletionRate != null);
    return rated.slice(-PROJECTS_SHOWN);
  }, [data.ranking, kind]);
  const option = useMemo(() => rankingOption(rows, theme, {
    elapsed: t('ranking.elapsed'), completion: t('ranking.completion'), gap: t('ranking.gap'),
  }), [rows, theme, t]);
  const onClick = ({ dataIndex }: { dataIndex: number }) => {
    const r = [...rows].reverse()[dataIndex];
    if (!r?.drill) return;
    if (r.drill === 'cockpit') drill.region(r.key);
    else drill.go(hrefs(data).project(r.key));
  };
  const rowPx = Math.round(26 * theme.scale);
  const hint = kind === 'region' ? t('ranking.hintRegion') : t('ranking.hintProject');
  return (
    <Panel
      theme={theme}
      testId="cockpit-ranking"
      title={kind === 'region' ? t('ranking.regionTitle') : t('ranking.projectTitle')}
      extra={kind === 'project' && data.ranking.rows.length > PROJECTS_SHOWN ? t('ranking.bottom', { count: PROJECTS_SHOWN }) : undefined}
    >
      <EChart
        aria-label={kind === 'region' ? t('ranking.regionTitle') : t('ranking.projectTitle')}
        height={fill ? '100%' : Math.max(360, rows.length * rowPx + 40)}
        option={option}
        theme={theme.echarts}
        style={POINTER}
        onClick={onClick}
      />
      {!theme.dark && <Typography.Text type="secondary" style={{ fontSize: 12 }}>{hint}</Typography.Text>}
    </Panel>
  );
}
