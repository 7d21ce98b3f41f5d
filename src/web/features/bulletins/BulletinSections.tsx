// The frozen figures of a bulletin as on the Word document: the sub-region table, the red and yellow
// lists with their reasons, roadblocks overdue by department and the period's batch events.
import { useTranslation } from 'react-i18next';
import { Empty, Flex, Grid, Table, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import type { BulletinCard, BulletinCardRegion, BulletinDetail } from '../../../contract/bulletins.ts';
import type { StatsRow } from '../../../contract/stats.ts';
import { gapCell, subRegionWord, wanCell } from '../../../domain/bulletin.ts';
import { formatDateZh } from '../../../domain/dates.ts';
import { formatRate } from '../../../domain/kpi.ts';
import { formatYi } from '../../../domain/money.ts';
import Money from '../../components/Money.tsx';
import StatusTag from '../stats/StatusTag.tsx';

type Figures = BulletinDetail['figures'];

const Num = ({ children }: { children: React.ReactNode }) => <span className="tj-num">{children}</span>;

export function RegionsTable({ f }: { f: Figures }) {
  const { t } = useTranslation();
  const screens = Grid.useBreakpoint();
  const columns: TableColumnsType<StatsRow> = [
    { title: subRegionWord(f.region.level), dataIndex: 'label', width: 150, fixed: 'left' },
    { title: t('bulletins.fig.projectCount'), dataIndex: 'projectCount', width: 72, align: 'right' },
    { title: `${t('bulletins.fig.annualPlan')}${t('bulletins.fig.wan')}`, dataIndex: 'annualPlan', width: 130, align: 'right', responsive: ['md'], render: (v: string) => <Num>{wanCell(v)}</Num> },
    { title: `${t('bulletins.fig.ytdInvestment')}${t('bulletins.fig.wan')}`, dataIndex: 'ytdInvestment', width: 140, align: 'right', render: (v: string) => <Num>{wanCell(v)}</Num> },
    { title: t('bulletins.fig.rate'), dataIndex: 'annualCompletionRate', width: 90, align: 'right', render: (v: number | null) => <Num>{formatRate(v)}</Num> },
    {
      title: `${t('bulletins.fig.gap')}（${t('bulletins.fig.timeElapsed')} ${formatRate(f.total.timeElapsed)}）`, dataIndex: 'gap', width: 150, align: 'right',
      render: (v: number | null, r) => <Flex gap={6} justify="flex-end" align="center"><Num>{gapCell(v)}</Num><StatusTag status={r.progressStatus} /></Flex>,
    },
    { title: t('bulletins.fig.rank'), dataIndex: 'rank', width: 60, align: 'center', render: (v: number | null) => v ?? '—' },
  ];
  return (
    <Table<StatsRow>
      rowKey="key" size="small" pagination={false} columns={columns} dataSource={f.regions} scroll={{ x: 'max-content' }}
      summary={() => {
        const x = f.total;
        const cells = [t('bulletins.fig.total'), x.projectCount, <Num>{wanCell(x.annualPlan)}</Num>, <Num>{wanCell(x.ytdInvestment)}</Num>,
          <Num>{formatRate(x.annualCompletionRate)}</Num>, <Num>{gapCell(x.gap)}</Num>, ''];
        // The plan column is hidden on phones, like its header.
        const shown = cells.filter((_, i) => i !== 2 || screens.md);
        return (
          <Table.Summary.Row style={{ fontWeight: 600 }}>
            {shown.map((v, i) => <Table.Summary.Cell key={i} index={i} align={i === 0 ? 'left' : 'right'}>{v}</Table.Summary.Cell>)}
          </Table.Summary.Row>
        );
      }}
    />
  );
}

export function CardList({ cards }: { cards: BulletinCard[] }) {
  const { t } = useTranslation();
  const screens = Grid.useBreakpoint();
  if (!cards.length) return <Typography.Text type="secondary">{t('bulletins.detail.none')}</Typography.Text>;
  const reasons = (r: string[]) => r.map((x) => <div key={x}>{x}</div>);
  // On a phone the reasons go under the project, so nothing needs scrolling sideways.
  const columns: TableColumnsType<BulletinCard> = [
    {
      title: t('bulletins.fig.project'), key: 'project', width: screens.md ? 260 : undefined,
      render: (_: unknown, c) => (
        <Flex vertical gap={0}>
          <span>{c.name}</span>
          <Typography.Text type="secondary" className="tj-num" style={{ fontSize: 12 }}>{c.code}{screens.md ? '' : ` · ${c.regionName}`}</Typography.Text>
          {!screens.md && <Typography.Text style={{ fontSize: 12, marginTop: 4 }}>{reasons(c.reasons)}</Typography.Text>}
        </Flex>
      ),
    },
    { title: t('bulletins.col.region'), dataIndex: 'regionName', width: 110, responsive: ['md'] },
    { title: t('bulletins.fig.score'), dataIndex: 'score', width: 64, align: 'right', render: (v: number) => <Num>{v.toFixed(1)}</Num> },
    { title: t('bulletins.fig.reasons'), dataIndex: 'reasons', responsive: ['md'], render: reasons },
  ];
  return <Table<BulletinCard> rowKey="projectId" size="small" columns={columns} dataSource={cards} pagination={cards.length > 10 ? { pageSize: 10, size: 'small' } : false} scroll={screens.md ? { x: 'max-content' } : undefined} />;
}

/** Cards by sub-region: a month of several sub-regions' periods names its projects only in the annex. */
export function CardRegionsTable({ f }: { f: Figures }) {
  const { t } = useTranslation();
  const rows = f.cards.regions ?? [];
  const c = f.cards.counts;
  return (
    <Table<BulletinCardRegion>
      rowKey="key" size="small" pagination={false} dataSource={rows} scroll={{ x: 'max-content' }}
      columns={[
        { title: subRegionWord(f.region.level), dataIndex: 'label' },
        { title: t('bulletins.fig.carded'), dataIndex: 'total', width: 96, align: 'right' },
        { title: t('bulletins.fig.red'), dataIndex: 'red', width: 72, align: 'right', render: (v: number) => <Typography.Text type={v ? 'danger' : undefined}>{v}</Typography.Text> },
        { title: t('bulletins.fig.yellow'), dataIndex: 'yellow', width: 72, align: 'right' },
        { title: t('bulletins.fig.blue'), dataIndex: 'blue', width: 72, align: 'right' },
      ]}
      summary={() => (
        <Table.Summary.Row style={{ fontWeight: 600 }}>
          {[t('bulletins.fig.total'), c.total, c.red, c.yellow, c.blue].map((v, i) => (
            <Table.Summary.Cell key={i} index={i} align={i === 0 ? 'left' : 'right'}>{v}</Table.Summary.Cell>
          ))}
        </Table.Summary.Row>
      )}
    />
  );
}

export function ProblemsTable({ f }: { f: Figures }) {
  const { t } = useTranslation();
  const rows = f.problems.departments;
  if (!rows.length) return <Typography.Text type="secondary">{t('bulletins.detail.noOverdue')}</Typography.Text>;
  return (
    <Table
      rowKey="key" size="small" pagination={false} dataSource={rows} scroll={{ x: 'max-content' }}
      columns={[
        { title: t('bulletins.fig.department'), dataIndex: 'name' },
        { title: t('bulletins.fig.open'), dataIndex: 'open', width: 80, align: 'right' },
        { title: t('bulletins.fig.overdue'), dataIndex: 'overdue', width: 80, align: 'right', render: (v: number) => <Typography.Text type="danger">{v}</Typography.Text> },
        { title: t('bulletins.fig.avgDays'), dataIndex: 'avgDaysToSolve', width: 110, align: 'right', responsive: ['md'], render: (v: number | null) => (v == null ? '—' : v.toFixed(1)) },
      ]}
    />
  );
}

export function BatchesBlock({ f }: { f: Figures }) {
  const { t } = useTranslation();
  const { events, year } = f.batches;
  return (
    <Flex vertical gap={8}>
      {events.length ? (
        <Table
          rowKey="id" size="small" pagination={false} dataSource={events} scroll={{ x: 'max-content' }}
          columns={[
            { title: t('bulletins.fig.event'), dataIndex: 'name' },
            { title: t('bulletins.fig.date'), dataIndex: 'eventDate', width: 120, render: (d: string) => formatDateZh(d) },
            { title: t('bulletins.fig.mainProject'), dataIndex: 'mainProjectName', responsive: ['md'], render: (v: string | null) => v ?? '—' },
            { title: t('bulletins.fig.projectCount'), dataIndex: 'projectCount', width: 72, align: 'right' },
            { title: t('bulletins.fig.totalInvestment'), dataIndex: 'totalInvestment', width: 120, align: 'right', render: (v: string) => <Money value={v} unit="yi" /> },
          ]}
        />
      ) : <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('bulletins.detail.noBatches')} />}
      {year.count > 0 && (
        <Typography.Text type="secondary">
          {t('bulletins.detail.batchYear', { year: f.period.year, count: year.count, projects: year.projectCount, total: formatYi(year.totalInvestment) })}
        </Typography.Text>
      )}
    </Flex>
  );
}
