// 分布: card counts by county, responsible unit, industry or lead leader — a stacked bar chart and its table.
import { Flex, Segmented, Table, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { CARD_GROUPS, type CardGroup, type CardsSummary } from '../../../contract/cards.ts';
import { CARD_COLORS } from '../../../domain/cards.ts';
import ErrorAlert from '../../components/ErrorAlert.tsx';
import { useEnumLabel } from '../../i18n/labels.ts';
import EChart, { type EChartOption } from '../../components/EChart.tsx';
import { useCardsSummary } from './cards.api.ts';
import { NS } from './i18n.ts';
import { CARD_HEX } from './parts.tsx';

type Row = CardsSummary['rows'][number];
const CHART_MAX = 30;

export interface DistributionTabProps {
  periodId?: string;
  month?: string;
  region?: string;
  groupBy: CardGroup;
  onGroupBy: (g: CardGroup) => void;
}

export default function DistributionTab({ periodId, month, region, groupBy, onGroupBy }: DistributionTabProps) {
  const { t } = useTranslation(NS);
  const enumLabel = useEnumLabel();
  const summary = useCardsSummary({ periodId, month, region, groupBy });
  const rows = summary.data?.rows ?? [];
  // Industry keys are codes; the rest come named by the server.
  const name = (r: Row) => (groupBy === 'industry' && r.key ? enumLabel('industry', r.key) || r.label : r.label);

  // Most red (then yellow) on top: a horizontal chart draws its first category at the bottom.
  const shown = useMemo(
    () => [...rows].sort((a, b) => b.red - a.red || b.yellow - a.yellow || b.total - a.total).slice(0, CHART_MAX).reverse(),
    [rows],
  );
  const option = useMemo<EChartOption>(() => ({
    grid: { left: 8, right: 24, top: 32, bottom: 8, containLabel: true },
    legend: { top: 0, data: CARD_COLORS.map((c) => t(`color.${c}`)) },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    xAxis: { type: 'value', minInterval: 1 },
    yAxis: { type: 'category', data: shown.map(name), axisLabel: { width: 140, overflow: 'truncate' } },
    series: CARD_COLORS.map((c) => ({
      type: 'bar' as const,
      name: t(`color.${c}`),
      stack: 'cards',
      barMaxWidth: 20,
      itemStyle: { color: CARD_HEX[c] },
      label: { show: true, formatter: (p: { value: unknown }) => (Number(p.value) > 0 ? String(p.value) : '') },
      data: shown.map((r) => r[c]),
    })),
  }), [shown, t, groupBy, enumLabel]); // name() reads groupBy and enumLabel

  const columns: TableColumnsType<Row> = [
    { title: t(`groupBy.${groupBy}`), key: 'name', render: (_: unknown, r) => name(r) },
    ...CARD_COLORS.map((c) => ({
      title: t(`col.${c}`), dataIndex: c, width: 90, align: 'right' as const,
      sorter: (a: Row, b: Row) => a[c] - b[c],
      render: (v: number) => <span className="tj-num" style={{ color: v > 0 && c !== 'blue' ? CARD_HEX[c] : undefined, fontWeight: v > 0 && c === 'red' ? 600 : undefined }}>{v}</span>,
    })),
    { title: t('col.total'), dataIndex: 'total', width: 90, align: 'right', sorter: (a, b) => a.total - b.total, render: (v: number) => <span className="tj-num">{v}</span> },
    {
      title: t('col.avgScore'), dataIndex: 'avgScore', width: 100, align: 'right', sorter: (a, b) => (a.avgScore ?? -1) - (b.avgScore ?? -1),
      render: (v: number | null) => <span className="tj-num">{v == null ? '—' : v.toFixed(1)}</span>,
    },
  ];

  return (
    <Flex vertical gap={12}>
      <Flex gap={8} align="center" wrap>
        <Typography.Text type="secondary">{t('filter.groupBy')}</Typography.Text>
        <Segmented<CardGroup>
          value={groupBy}
          onChange={onGroupBy}
          options={CARD_GROUPS.map((g) => ({ value: g, label: t(`groupBy.${g}`) }))}
        />
      </Flex>
      {summary.error && <ErrorAlert error={summary.error} onRetry={() => void summary.refetch()} />}
      {shown.length > 0 ? (
        <EChart option={option} height={Math.max(200, shown.length * 28 + 60)} aria-label={t('cards.chartTitle', { group: t(`groupBy.${groupBy}`) })} />
      ) : (
        !summary.isLoading && <Typography.Text type="secondary">{t('cards.chartEmpty')}</Typography.Text>
      )}
      <Table<Row>
        rowKey={(r) => r.key}
        size="small"
        loading={summary.isFetching}
        columns={columns}
        dataSource={rows}
        pagination={rows.length > 50 ? { pageSize: 50, showSizeChanger: false } : false}
        summary={() =>
          summary.data && rows.length > 1 ? (
            <Table.Summary.Row>
              <Table.Summary.Cell index={0}><strong>{t('col.total')}</strong></Table.Summary.Cell>
              {CARD_COLORS.map((c, i) => (
                <Table.Summary.Cell key={c} index={i + 1} align="right"><strong className="tj-num">{summary.data.total[c]}</strong></Table.Summary.Cell>
              ))}
              <Table.Summary.Cell index={4} align="right"><strong className="tj-num">{summary.data.total.total}</strong></Table.Summary.Cell>
              <Table.Summary.Cell index={5} />
            </Table.Summary.Row>
          ) : null
        }
      />
    </Flex>
  );
}
