// The projects that have no coordinates: listed under the map (never silently dropped), with links.
import { Table, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { MapUnplaced } from '../../../contract/map.ts';
import { compareMoney } from '../stats/format.ts';
import Money from '../../components/Money.tsx';
import StageTag from '../../components/StageTag.tsx';
import { NS } from './i18n.ts';
import { CardBadge } from './ProjectPanel.tsx';

export default function UnplacedTable({ items, leaderName, regionName, compact }: {
  items: MapUnplaced[];
  leaderName: (id: string | null) => string | null;
  regionName: (code: string) => string | null;
  compact: boolean;
}) {
  const { t } = useTranslation(NS);
  const columns: TableColumnsType<MapUnplaced> = [
    { key: 'code', title: t('unplaced.code'), dataIndex: 'code', width: 150, responsive: ['md'], render: (v: string) => <span className="tj-num">{v}</span> },
    { key: 'name', title: t('unplaced.name'), dataIndex: 'name', render: (v: string, r) => <Link to={`/projects/${r.id}`}>{v}</Link> },
    { key: 'region', title: t('unplaced.region'), width: 130, responsive: ['sm'], render: (_, r) => regionName(r.regionCode) ?? r.regionCode },
    { key: 'stage', title: t('unplaced.stage'), width: 90, render: (_, r) => <StageTag stage={r.stage} /> },
    {
      key: 'investment', title: t('unplaced.investment'), dataIndex: 'investment', width: 120, align: 'right', responsive: ['sm'],
      sorter: (a, b) => compareMoney(a.investment, b.investment), render: (v: string) => <Money value={v} />,
    },
    { key: 'card', title: t('unplaced.card'), width: 90, render: (_, r) => <CardBadge color={r.color} /> },
    { key: 'leader', title: t('unplaced.leader'), width: 110, responsive: ['lg'], render: (_, r) => leaderName(r.leaderId) ?? '—' },
  ];
  if (!items.length) return <Typography.Text type="secondary">{t('unplaced.none')}</Typography.Text>;
  return (
    <Table<MapUnplaced>
      rowKey="id"
      size="small"
      columns={columns}
      dataSource={items}
      pagination={items.length > 10 ? { pageSize: 10, size: 'small', showSizeChanger: false, simple: compact } : false}
    />
  );
}
