// The headline tiles and the four gauges against the office's targets.
import { Col, Flex, Row, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CockpitResult } from '../../../contract/cockpit.ts';
import type { CockpitGauge } from '../../../domain/cockpit.ts';
import Money, { formatAmount } from '../../components/Money.tsx';
import { STATUS_COLORS, STATUS_HEX, formatRate, signedPoints } from '../stats/format.ts';
import EChart from '../../components/EChart.tsx';
import { GAUGE_HEX, POINTER, gaugeOption, type Theme } from './charts.ts';
import { hrefs, type Drill } from './drill.ts';
import { NS } from './i18n.ts';
import Panel, { Figure } from './Panel.tsx';

interface Props {
  data: CockpitResult;
  theme: Theme;
  drill: Drill;
}

export function KpiTiles({ data, theme, drill }: Props) {
  const { t } = useTranslation(NS);
  const f = data.total;
  const links = hrefs(data);
  const status = f.progressStatus;
  const span = theme.dark ? { span: 4 } : { xs: 12, sm: 8, lg: 4 };
  const tile = (node: React.ReactNode, wide = false) => (
    <Col {...span} {...(wide && !theme.dark ? { xs: 24, sm: 16, lg: 8 } : {})} {...(wide && theme.dark ? { span: 8 } : {})}>
      <div style={{
        height: '100%', boxSizing: 'border-box', padding: theme.dark ? '14px 20px' : '12px 16px', borderRadius: 8,
        background: theme.dark ? theme.panel : '#fff', border: theme.dark ? '1px solid rgba(63,169,255,0.35)' : '1px solid #f0f0f0',
      }}>{node}</div>
    </Col>
  );
  return (
    <Row gutter={[12, 12]} data-testid="cockpit-kpis">
      {tile(<Figure theme={theme} label={t('kpi.projects')} value={`${f.projectCount}${t('kpi.projectsUnit')}`} onClick={() => drill.go(links.ledger)} testId="kpi-projects" />)}
      {tile(<Figure theme={theme} label={t('kpi.totalInvestment')} value={<Money value={f.totalInvestment} />} />)}
      {tile(<Figure theme={theme} label={t('kpi.annualPlan')} value={<Money value={f.annualPlan} />} />)}
      {tile(<Figure theme={theme} label={t('kpi.ytd')} value={<Money value={f.ytdInvestment} />} sub={t('kpi.month', { value: formatAmount(f.monthInvestment) })} testId="kpi-ytd" />)}
      {tile(
        <Flex justify="space-between" align="center" gap={8} wrap>
          <Figure
            theme={theme} label={t('kpi.completion')} value={formatRate(f.annualCompletionRate)}
            color={status ? STATUS_HEX[status] : undefined}
            sub={t('kpi.elapsed', { value: formatRate(f.timeElapsed) })}
            onClick={() => drill.go(links.stats)} testId="kpi-completion"
          />
          <Flex vertical align="flex-end" gap={4}>
            {status && <Tag color={STATUS_COLORS[status]} style={{ fontSize: 13 * theme.scale, padding: `${2 * theme.scale}px ${8 * theme.scale}px`, margin: 0 }}>{t(`status.${status}`)}</Tag>}
            {f.gap != null && (
              <span className="tj-num" style={{ color: theme.subtext, fontSize: 12 * theme.scale }}>
                {t('kpi.gap')} {t('kpi.gapValue', { value: signedPoints(f.gap) })}
              </span>
            )}
          </Flex>
        </Flex>,
        true,
      )}
    </Row>
  );
}

export function GaugesPanel({ data, theme, drill, onEditTargets }: Props & { onEditTargets?: () => void }) {
  const { t } = useTranslation(NS);
  const f = data.total;
  const counts: Partial<Record<CockpitGauge, string>> = {
    start: t('gauge.counts', { reached: f.started, due: f.dueToStart }),
    onTime: t('gauge.counts', { reached: f.completedOnTime, due: f.dueToComplete }),
  };
  const cell = (g: CockpitResult['gauges'][number]) => (
    <div key={g.key} style={{ display: 'flex', flexDirection: 'column', minHeight: 0, height: '100%' }} data-testid={`gauge-${g.key}`}>
      <div style={{ flex: 1, minHeight: theme.dark ? 0 : 150 }}>
        <EChart
          aria-label={`${t(`gauge.${g.key}`)} ${formatRate(g.rate)}`}
          height={theme.dark ? '100%' : 150}
          option={gaugeOption(g, t(`gauge.${g.key}`), theme)}
          theme={theme.echarts}
          style={POINTER}
          onClick={() => drill.go(hrefs(data).stats)}
        />
      </div>
      <div style={{ textAlign: 'center', color: theme.subtext, fontSize: 12 * theme.scale, lineHeight: 1.5 }}>
        <div>
          {t('gauge.target', { value: formatRate(g.target, 0) })}
          {g.targetToDate != null && g.targetToDate !== g.target && ` · ${t('gauge.toDate', { value: formatRate(g.targetToDate) })}`}
        </div>
        <div>
          {g.status
            ? <span style={{ color: GAUGE_HEX[g.status], fontWeight: 600 }}>{t(`gauge.${g.status}`)}</span>
            : <span>{t('gauge.none')}</span>}
          {counts[g.key] && <span className="tj-num" style={{ marginLeft: 8 }}>{counts[g.key]}</span>}
        </div>
      </div>
    </div>
  );
  return (
    <Panel
      theme={theme}
      title={t('gauge.title')}
      testId="cockpit-gauges"
      extra={onEditTargets && <a onClick={onEditTargets}>{t('editTargets')}</a>}
    >
      {theme.dark
        ? <div style={{ flex: 1, minHeight: 0, display: 'grid', gridTemplateColumns: '1fr 1fr', gridTemplateRows: 'minmax(0, 1fr) minmax(0, 1fr)', gap: 16 }}>{data.gauges.map(cell)}</div>
        : <Row gutter={[8, 12]}>{data.gauges.map((g) => <Col key={g.key} xs={12} md={6}>{cell(g)}</Col>)}</Row>}
    </Panel>
  );
}
