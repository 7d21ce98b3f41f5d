// The cockpit (驾驶舱): what leaders look at — headline figures, the four rates against targets,
// the S-curve, the ranking with drill-down (city → county → project), cards, roadblocks and batch
// events for a region and period kept in the URL. ?screen=1 is the meeting-room screen.
import { Button, Col, Flex, Row, Select, Space, Typography } from 'antd';
import { ArrowUpOutlined, BarChartOutlined, FullscreenOutlined, UnorderedListOutlined } from '@ant-design/icons';
import { useCallback, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import { appYear } from '../../app/clock.ts';
import ErrorAlert from '../../components/ErrorAlert.tsx';
import RegionTreeSelect from '../../components/RegionTreeSelect.tsx';
import { LIGHT } from './charts.ts';
import { useCockpit } from './cockpit.api.ts';
import { useCockpitView } from './cockpitView.ts';
import { hrefs, type Drill } from './drill.ts';
import { NS } from './i18n.ts';
import { BatchesPanel, CardsPanel, RoadblocksPanel } from './Oversight.tsx';
import { GaugesPanel, KpiTiles } from './Overview.tsx';
import { CurvePanel, RankingPanel } from './Progress.tsx';
import ScreenMode from './ScreenMode.tsx';
import TargetsModal from './TargetsModal.tsx';

const MONTHS = Array.from({ length: 12 }, (_, i) => i + 1);

export default function CockpitPage() {
  const { t } = useTranslation(NS);
  const { view, update } = useCockpitView();
  const navigate = useNavigate();
  const cockpit = useCockpit(view, 10);
  const data = cockpit.data;
  const [editing, setEditing] = useState(false);

  const drill: Drill = useMemo(() => ({
    region: (code) => update({ region: code }),
    go: (href) => navigate(href),
  }), [update, navigate]);
  const exitScreen = useCallback(() => {
    if (document.fullscreenElement) void document.exitFullscreen().catch(() => undefined);
    update({ screen: undefined });
  }, [update]);
  const enterScreen = () => {
    void document.documentElement.requestFullscreen?.().catch(() => undefined);
    update({ screen: '1' });
  };

  const year = view.year ?? data?.year;
  const years = Array.from(new Set([...Array.from({ length: 6 }, (_, i) => appYear() - i), ...(year ? [year] : [])])).sort((a, b) => b - a);
  const label = (text: string) => <Typography.Text type="secondary">{text}</Typography.Text>;

  if (view.screen && data) return <ScreenMode data={data} drill={drill} onExit={exitScreen} />;

  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }}>
      <Flex wrap gap={12} justify="space-between" align="center">
        <Flex vertical gap={0}>
          <Typography.Title level={4} style={{ margin: 0 }}>{data ? t('title', { region: data.regionName }) : '\u00a0'}</Typography.Title>
          {data && <Typography.Text type="secondary">{t('period', { year: data.year, month: data.month })}</Typography.Text>}
        </Flex>
        <Flex wrap gap={8} align="center">
          {data?.parentCode && <Button icon={<ArrowUpOutlined />} onClick={() => update({ region: data.parentCode! })}>{t('up')}</Button>}
          {data && <Link to={hrefs(data).ledger}><Button icon={<UnorderedListOutlined />}>{t('toLedger')}</Button></Link>}
          {data && <Link to={hrefs(data).stats}><Button icon={<BarChartOutlined />}>{t('toStats')}</Button></Link>}
          <Button type="primary" icon={<FullscreenOutlined />} onClick={enterScreen} disabled={!data}>{t('screen')}</Button>
        </Flex>
      </Flex>
      <Flex wrap gap={12} align="center">
        <Flex gap={6} align="center">
          {label(t('filter.region'))}
          <RegionTreeSelect aria-label={t('filter.region')} allowClear={false} value={view.region ?? data?.regionCode} onChange={(code) => update({ region: code })} style={{ width: 200 }} />
        </Flex>
        <Flex gap={6} align="center">
          {label(t('filter.year'))}
          <Select aria-label={t('filter.year')} value={year} onChange={(y: number) => update({ year: String(y) })} style={{ width: 100 }}
            options={years.map((y) => ({ value: y, label: t('filter.yearValue', { year: y }) }))} />
        </Flex>
        <Flex gap={6} align="center">
          {label(t('filter.month'))}
          <Select aria-label={t('filter.month')} value={view.month ?? data?.month} onChange={(m: number) => update({ month: String(m) })} style={{ width: 96 }}
            options={MONTHS.map((m) => ({ value: m, label: t('filter.monthValue', { month: m }) }))} />
        </Flex>
      </Flex>

      {cockpit.error && <ErrorAlert error={cockpit.error} title={t('loadFailed')} onRetry={() => void cockpit.refetch()} />}
      {!data && cockpit.isLoading && <Row gutter={[12, 12]}>{[0, 1, 2].map((i) => <Col key={i} xs={24} lg={8}><div style={{ height: 160, background: '#fff', borderRadius: 8 }} /></Col>)}</Row>}

      {data && (
        <div style={{ opacity: cockpit.isFetching && cockpit.isPlaceholderData ? 0.6 : 1, transition: 'opacity 0.2s' }}>
          <Space orientation="vertical" size={12} style={{ width: '100%' }}>
            <KpiTiles data={data} theme={LIGHT} drill={drill} />
            <Row gutter={[12, 12]}>
              <Col xs={24} xl={10}><GaugesPanel data={data} theme={LIGHT} drill={drill} onEditTargets={data.targets.canEdit ? () => setEditing(true) : undefined} /></Col>
              <Col xs={24} xl={14}><CurvePanel data={data} theme={LIGHT} drill={drill} /></Col>
            </Row>
            <Row gutter={[12, 12]}>
              <Col xs={24} xl={12}><RankingPanel data={data} theme={LIGHT} drill={drill} /></Col>
              <Col xs={24} xl={12}><CardsPanel data={data} theme={LIGHT} drill={drill} listMax={8} /></Col>
            </Row>
            <Row gutter={[12, 12]}>
              <Col xs={24} lg={12}><RoadblocksPanel data={data} theme={LIGHT} drill={drill} /></Col>
              <Col xs={24} lg={12}><BatchesPanel data={data} theme={LIGHT} drill={drill} /></Col>
            </Row>
          </Space>
          <TargetsModal targets={data.targets} open={editing} onClose={() => setEditing(false)} />
        </div>
      )}
    </Space>
  );
}
