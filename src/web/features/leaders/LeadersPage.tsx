// 包靠领导: every leader who carries projects, with how many and how much investment.
import { useDeferredValue, useState } from 'react';
import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { Card, Input, Table } from 'antd';
import Decimal from 'decimal.js';
import ErrorAlert from '../../components/ErrorAlert.tsx';
import Money from '../../components/Money.tsx';
import { NS } from './i18n.ts';
import { useLeaders, type LeaderItem } from './leaders.api.ts';

export default function LeadersPage() {
  const { t } = useTranslation(NS);
  const [q, setQ] = useState('');
  const query = useDeferredValue(q.trim());
  const { data, isLoading, error } = useLeaders(query);

  return (
    <Card title={t('title')}>
      <Input.Search
        allowClear
        placeholder={t('searchPlaceholder')}
        value={q}
        onChange={(e) => setQ(e.target.value)}
        style={{ maxWidth: 320, marginBottom: 16 }}
      />
      {error && <ErrorAlert error={error} title={t('loadFailed')} style={{ marginBottom: 16 }} />}
      <Table<LeaderItem>
        rowKey="id"
        size="middle"
        loading={isLoading}
        dataSource={data ?? []}
        scroll={{ x: 'max-content' }}
        pagination={(data?.length ?? 0) > 50 ? { pageSize: 50, showSizeChanger: false } : false}
        locale={{ emptyText: t('empty.leaders') }}
        columns={[
          {
            title: t('col.name'), dataIndex: 'name', width: 120,
            render: (name: string, l) => <Link to={`/leaders/${l.id}`}>{name}</Link>,
          },
          { title: t('col.title'), dataIndex: 'title', render: (v: string | null) => v ?? '—' },
          { title: t('col.org'), dataIndex: 'orgName', responsive: ['md'], render: (v: string | null) => v ?? '—' },
          {
            title: t('col.projectCount'), dataIndex: 'projectCount', width: 100, align: 'right',
            sorter: (a, b) => a.projectCount - b.projectCount,
          },
          {
            title: t('col.totalInvestment'), dataIndex: 'totalInvestment', width: 150, align: 'right',
            render: (v: string) => <Money value={v} />,
            sorter: (a, b) => new Decimal(a.totalInvestment).comparedTo(b.totalInvestment),
            defaultSortOrder: 'descend',
          },
        ]}
      />
    </Card>
  );
}
