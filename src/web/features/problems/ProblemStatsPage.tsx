// 问题统计: open and solved roadblocks, on-time rate, average days to solve and the age of open
// ones, by department, category or county (tabs); slowest first, as the server sorts them.
import { Card, Col, Flex, Row, Statistic, Table, Tabs, Tooltip, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { useCallback, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { ProblemStatsRow } from '../../../contract/problems.ts';
import { formatRate } from '../../../domain/kpi.ts';
import RegionTreeSelect from '../../components/RegionTreeSelect.tsx';
import ErrorAlert from '../../components/ErrorAlert.tsx';
import { useUrlParams } from '../reporting/parts.tsx';
import EChart, { type EChartOption } from '../../components/EChart.tsx';
import { NS } from './i18n.ts';
import { useProblemStats } from './problems.api.ts';

type GroupBy = 'department' | 'category' | 'region';
const GROUPS: GroupBy[] = ['department', 'category', 'region'];
const CHART_MAX = 20;

const days = (n: number | null) => (n == null ? '—' : n.toFixed(1));

export default function ProblemStatsPage() {
  const { t } = useTranslation(NS);
  const [params, setParam] = useUrlParams();
  const groupBy: GroupBy = GROUPS.includes(params.get('groupBy') as GroupBy) ? (params.get('groupBy') as GroupBy) : 'department';
  const region = params.get('region') ?? undefined;
  const q = useProblemStats({ region, groupBy });
  const rows = q.data?.rows ?? [];
  const total = q.data?.total;
  // Category rows carry the code as their key; show them in the current language.
  const name = useCallback((r: ProblemStatsRow) => (groupBy === 'category' ? t(`enum.category.${r.key}`, { defaultValue: r.name }) : r.name), [groupBy, t]);

  const columns: TableColumnsType<ProblemStatsRow> = [
    { title: '#', key: 'rank', width: 48, render: (_: unknown, __, i) => i + 1 },
    {
      title: t('stats.col.name'), dataIndex: 'name', width: 200,
      render: (_: string, r) => {
        const filter = groupBy === 'department' ? `departmentId=${r.key}` : groupBy === 'category' ? `category=${r.key}` : `region=${r.key}`;
        return <Link to={`/problems?${filter}`}>{name(r)}</Link>;
      },
    },
    { title: t('stats.col.open'), dataIndex: 'open', align: 'right', width: 80 },
    { title: t('stats.col.solved'), dataIndex: 'solved', align: 'right', width: 80 },
    { title: t('overdue'), dataIndex: 'overdue', align: 'right', width: 70, render: (n: number) => (n ? <Typography.Text type="danger">{n}</Typography.Text> : 0) },
    { title: <Tooltip title={t('stats.tipOnTime')}>{t('stats.col.onTimeRate')}</Tooltip>, dataIndex: 'onTimeRate', align: 'right', width: 100, render: (v: number | null) => formatRate(v) },
    { title: <Tooltip title={t('stats.tipAvg')}>{t('stats.col.avgDays')}</Tooltip>, dataIndex: 'avgDaysToSolve', align: 'right', width: 110, render: days },
    { title: t('stats.col.b7'), key: 'b7', align: 'right', width: 70, render: (_: unknown, r) => r.ageing.d0_7 },
    { title: t('stats.col.b30'), key: 'b30', align: 'right', width: 80, render: (_: unknown, r) => r.ageing.d8_30 },
    { title: t('stats.col.b90'), key: 'b90', align: 'right', width: 80, render: (_: unknown, r) => r.ageing.d31_90 },
    { title: t('stats.col.b90plus'), key: 'b90plus', align: 'right', width: 70, render: (_: unknown, r) => (r.ageing.d90plus ? <Typography.Text type="danger">{r.ageing.d90plus}</Typography.Text> : 0) },
  ];

  return (
    <Card
      title={t('statsTitle')}
      extra={<RegionTreeSelect aria-label={t('filter.region')} placeholder={t('filter.region')} style={{ width: 200 }} value={region} onChange={(c) => setParam('region', c)} />}
    >
      {q.error && <ErrorAlert error={q.error} onRetry={() => void q.refetch()} style={{ marginBottom: 12 }} />}
      <Row gutter={[12, 12]} style={{ marginBottom: 12 }}>
        <Col xs={12} md={6}><Card size="small"><Statistic title={t('stats.open')} value={total?.open ?? '—'} /></Card></Col>
        <Col xs={12} md={6}><Card size="small"><Statistic title={t('stats.solved')} value={total?.solved ?? '—'} /></Card></Col>
        <Col xs={12} md={6}>
          <Card size="small"><Statistic title={<Tooltip title={t('stats.tipOnTime')}>{t('stats.onTimeRate')}</Tooltip>} value={formatRate(total?.onTimeRate ?? null)} /></Card>
        </Col>
        <Col xs={12} md={6}>
          <Card size="small"><Statistic title={<Tooltip title={t('stats.tipAvg')}>{t('stats.avgDays')}</Tooltip>} value={days(total?.avgDaysToSolve ?? null)} /></Card>
        </Col>
      </Row>
      {total && (
        <Flex wrap gap={16} style={{ marginBottom: 12 }}>
          <Typography.Text type="secondary">{t('stats.ageing')}：</Typography.Text>
          <span>{t('stats.col.b7')} <strong>{total.ageing.d0_7}</strong></span>
          <span>{t('stats.col.b30')} <strong>{total.ageing.d8_30}</strong></span>
          <span>{t('stats.col.b90')} <strong>{total.ageing.d31_90}</strong></span>
          <span>{t('stats.col.b90plus')} <strong style={{ color: total.ageing.d90plus ? '#cf1322' : undefined }}>{total.ageing.d90plus}</strong></span>
        </Flex>
      )}
      <Tabs activeKey={groupBy} onChange={(k) => setParam('groupBy', k === 'department' ? undefined : k)} items={GROUPS.map((g) => ({ key: g, label: t(`stats.by.${g}`) }))} />
      {rows.length > 0 && <StatsChart rows={rows} name={name} />}
      {groupBy === 'department' && <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>{t('stats.slowestFirst')}</Typography.Paragraph>}
      <Table<ProblemStatsRow>
        rowKey="key"
        size="middle"
        loading={q.isLoading}
        columns={columns}
        dataSource={rows}
        pagination={rows.length > 50 ? { pageSize: 50, showSizeChanger: false } : false}
        scroll={{ x: 'max-content' }}
      />
    </Card>
  );
}

function StatsChart({ rows, name }: { rows: ProblemStatsRow[]; name: (r: ProblemStatsRow) => string }) {
  const { t } = useTranslation(NS);
  // The server sorts slowest first; a horizontal chart draws its first category at the bottom.
  const shown = useMemo(() => rows.slice(0, CHART_MAX).reverse(), [rows]);
  const option = useMemo<EChartOption>(() => ({
    grid: { left: 8, right: 24, top: 32, bottom: 8, containLabel: true },
    legend: { top: 0 },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    xAxis: { type: 'value', minInterval: 1 },
    yAxis: { type: 'category', data: shown.map(name), axisLabel: { width: 140, overflow: 'truncate' } },
    series: [
      { type: 'bar', name: t('stats.open'), stack: 'n', barMaxWidth: 18, itemStyle: { color: '#fa8c16' }, data: shown.map((r) => r.open) },
      { type: 'bar', name: t('stats.solved'), stack: 'n', barMaxWidth: 18, itemStyle: { color: '#52c41a' }, data: shown.map((r) => r.solved) },
    ],
  }), [shown, name, t]);
  return <EChart option={option} height={Math.max(160, shown.length * 28 + 60)} aria-label={t('stats.chart')} />;
}
