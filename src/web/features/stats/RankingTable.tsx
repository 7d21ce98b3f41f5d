// The groups of the current view ranked by annual completion rate, with last year beside them when
// compared. Rows drill down: a sub-region becomes the region, any other group lists its projects.
import { Flex, Grid, Table, Tooltip } from 'antd';
import type { ReactNode } from 'react';
import Decimal from 'decimal.js';
import type { TableColumnsType } from 'antd';
import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import type { StatsResult, StatsRow } from '../../../contract/stats.ts';
import Money from '../../components/Money.tsx';
import { compareMoney, compareRates, formatGrowth, formatRate, growth, rateDiff, signedPoints } from './format.ts';
import GapBar from './GapBar.tsx';
import { NS } from './i18n.ts';
import StatusTag from './StatusTag.tsx';
import { useRowLabel } from './rowLabel.ts';

export interface RankingTableProps {
  result: StatsResult;
  compare: boolean;
  /** Where a row leads (a sub-region, a group's projects, a project's card), or null. */
  drillTo: (row: StatsRow) => string | null;
  onDrill: (row: StatsRow) => void;
  loading?: boolean;
}

type Col = TableColumnsType<StatsRow>[number];

/** 1 亿元 in 万元. */
const YI = 10000;

export default function RankingTable({ result, compare, drillTo, onDrill, loading }: RankingTableProps) {
  const { t } = useTranslation(NS);
  const isProject = result.groupBy === 'project';
  // The month series is a time line, not a ranking: no rank column and no total (its last row is the period).
  const isMonth = result.groupBy === 'month';
  const isCounty = result.groupBy === 'county';
  const name = useRowLabel(result.groupBy);
  // One unit down a column so rows compare at a glance: 万元 for projects, 亿元 for large groups.
  const unit = isProject || new Decimal(result.total.annualPlan).lessThan(YI) ? 'wan' : 'yi';

  /** A column title with its definition on hover, as on the headline cards. */
  const defined = (title: string, definition: string) => (
    <Tooltip title={definition} styles={{ root: { maxWidth: 420 } }}><span style={{ cursor: 'help', borderBottom: '1px dotted currentColor' }}>{title}</span></Tooltip>
  );
  const rateCol = (key: string, title: ReactNode, pick: (r: StatsRow) => number | null, extra: Partial<Col> = {}): Col => ({
    key, title, align: 'right', width: 96,
    render: (_: unknown, r) => <span className="tj-num">{formatRate(pick(r))}</span>,
    sorter: (a, b, order) => compareRates(pick(a), pick(b), order),
    ...extra,
  });
  const moneyCol = (key: keyof StatsRow & string, title: string, extra: Partial<Col> = {}): Col => ({
    key, title, align: 'right', width: 130,
    render: (_: unknown, r) => <Money value={r[key] as string} unit={unit} />,
    sorter: (a, b) => compareMoney(a[key] as string, b[key] as string),
    ...extra,
  });

  const label = (r: StatsRow) => {
    const to = drillTo(r);
    // A real link, so the row opens in a new tab too; the row's own click does the same.
    if (to) return <Link to={to} onClick={(e) => e.stopPropagation()}>{name(r)}</Link>;
    if ((r.key === result.regionCode && result.groupBy === 'region') || (result.groupBy === 'county' && !r.code)) return <Tooltip title={t('ownLevel')}><span>{r.label}</span></Tooltip>;
    return <span>{name(r)}</span>;
  };

  const columns: TableColumnsType<StatsRow> = [
    ...(isMonth ? [] : [{
      key: 'rank', title: t('col.rank'), dataIndex: 'rank', width: 64, align: 'center', fixed: 'left',
      render: (v: number | null) => v ?? '—',
      sorter: (a: StatsRow, b: StatsRow, order: 'ascend' | 'descend' | null | undefined) => compareRates(a.rank, b.rank, order),
    } as Col]),
    ...(isProject ? [{ key: 'code', title: t('col.code'), dataIndex: 'code', width: 120, responsive: ['lg'] } as Col] : []),
    { key: 'label', title: t(isProject ? 'groupBy.project' : `groupBy.${result.groupBy}`), fixed: 'left', render: (_: unknown, r) => label(r), width: isProject ? 220 : 180 },
    ...(isProject || isCounty ? [{ key: 'region', title: t(isCounty ? 'col.city' : 'col.region'), dataIndex: 'regionName', width: 100, responsive: ['xl'] } as Col] : []),
    ...(isProject ? [] : [{
      key: 'projectCount', title: t('col.projectCount'), dataIndex: 'projectCount', width: 80, align: 'right',
      sorter: (a: StatsRow, b: StatsRow) => a.projectCount - b.projectCount,
    } as Col]),
    moneyCol('annualPlan', t('col.annualPlan'), { responsive: ['sm'] }),
    moneyCol('ytdInvestment', t('col.ytdInvestment'), { title: defined(t('col.ytdInvestment'), t('def.ytdInvestment')) }),
    moneyCol('monthInvestment', t('col.monthInvestment'), { responsive: ['xxl'] }),
    rateCol('completion', defined(t('col.completion'), t('def.completion')), (r) => r.annualCompletionRate),
    ...(compare
      ? [
          rateCol('lastYearCompletion', t('col.lastYearCompletion'), (r) => r.lastYear?.annualCompletionRate ?? null, { width: 110 }),
          {
            key: 'yoyCompletion', title: t('col.yoyCompletion'), width: 100, align: 'right',
            render: (_: unknown, r: StatsRow) => {
              const d = signedPoints(rateDiff(r.annualCompletionRate, r.lastYear?.annualCompletionRate));
              return <span className="tj-num">{d == null ? '—' : t('pp', { value: d })}</span>;
            },
            sorter: (a: StatsRow, b: StatsRow, order: 'ascend' | 'descend' | null | undefined) => compareRates(
              rateDiff(a.annualCompletionRate, a.lastYear?.annualCompletionRate), rateDiff(b.annualCompletionRate, b.lastYear?.annualCompletionRate), order),
          } as Col,
        ]
      : []),
    rateCol('timeElapsed', defined(t('col.timeElapsed'), t('def.timeElapsed')), (r) => r.timeElapsed, { responsive: ['md'] }),
    {
      // The bar and the tag say the same thing twice on purpose: colour at a glance, words for print and screen readers.
      key: 'gap', title: defined(t('col.gap'), t('def.gap', { tolerance: Math.round(result.tolerance * 1000) / 10 })), width: 200, align: 'right',
      render: (_: unknown, r) => (
        <Flex gap={8} align="center" justify="flex-end"><GapBar gap={r.gap} status={r.progressStatus} /><StatusTag status={r.progressStatus} /></Flex>
      ),
      sorter: (a, b, order) => compareRates(a.gap, b.gap, order),
    },
    ...(compare
      ? [
          {
            key: 'lastYearYtd', title: t('col.lastYearYtd'), width: 130, align: 'right',
            render: (_: unknown, r: StatsRow) => <Money value={r.lastYear?.ytdInvestment} unit={unit} />,
          } as Col,
          rateCol('yoyYtd', t('col.yoyYtd'), (r) => growth(r.ytdInvestment, r.lastYear?.ytdInvestment), {
            render: (_: unknown, r: StatsRow) => <span className="tj-num">{formatGrowth(growth(r.ytdInvestment, r.lastYear?.ytdInvestment))}</span>,
          }),
        ]
      : []),
    rateCol('fundArrival', defined(t('col.fundArrival'), t('def.fundArrival')), (r) => r.fundArrivalRate, { width: 100, responsive: ['md'] }),
    rateCol('startRate', defined(t('col.startRate'), t('def.startRate')), (r) => r.startRate, { responsive: ['lg'] }),
    rateCol('onTime', defined(t('col.onTimeCompletionRate'), t('def.onTimeCompletionRate')), (r) => r.onTimeCompletionRate, { width: 100, responsive: ['lg'] }),
    rateCol('production', defined(t('col.productionRate'), t('def.productionRate')), (r) => r.productionRate, { responsive: ['lg'] }),
  ];

  // Responsive columns are filtered here rather than by the table, so the total row stays aligned.
  const screens = Grid.useBreakpoint();
  const visible = columns
    .filter((c) => !c.responsive || c.responsive.some((bp) => screens[bp]))
    .map(({ responsive: _r, ...c }) => c as Col);

  return (
    <Table<StatsRow>
      // A new grouping starts from the server's ranking, not the last column sorted.
      key={result.groupBy}
      size="small"
      rowKey="key"
      loading={loading}
      columns={visible}
      // The sort hint stays on the arrows so it does not cover a title's definition.
      showSorterTooltip={{ target: 'sorter-icon' }}
      dataSource={result.rows}
      scroll={{ x: 'max-content' }}
      pagination={result.rows.length > 50 ? { pageSize: 50, showSizeChanger: false } : false}
      locale={{ emptyText: t('table.empty') }}
      onRow={(r) => (drillTo(r) ? { onClick: () => onDrill(r), style: { cursor: 'pointer' } } : {})}
      summary={() =>
        result.rows.length > 0 && !isMonth && (
          <Table.Summary>
            <Table.Summary.Row style={{ fontWeight: 600 }}>
              {/* The total reuses the columns' own renderers so it reads the same way. */}
              {visible.map((c, i) => {
                let node: ReactNode = null;
                if (c.key === 'label') node = t('total');
                else if (c.key === 'projectCount') node = result.total.projectCount;
                else if (c.key !== 'rank' && c.key !== 'code' && c.key !== 'region' && 'render' in c && c.render) {
                  node = c.render(undefined, result.total, -1) as ReactNode;
                }
                return <Table.Summary.Cell key={String(c.key)} index={i} align={c.align}>{node}</Table.Summary.Cell>;
              })}
            </Table.Summary.Row>
          </Table.Summary>
        )
      }
    />
  );
}
