// 集中开工 / 集中签约: the events of a year, with their project counts and total investment.
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { Button, Card, Flex, Grid, Segmented, Select, Space, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import type { BatchKind } from '../../../domain/enums.ts';
import { formatDateZh } from '../../../domain/dates.ts';
import Money from '../../components/Money.tsx';
import ErrorAlert from '../../components/ErrorAlert.tsx';
import { useEnumLabel } from '../../i18n/labels.ts';
import { NS } from './i18n.ts';
import { useBatches, useCanManageBatches } from './batches.api.ts';
import type { Batch } from './batches.types.ts';
import BatchFormModal from './BatchFormModal.tsx';
import BatchMembersModal from './BatchMembersModal.tsx';
import { appYear } from '../../app/clock.ts';

const YEARS = Array.from({ length: 8 }, (_, i) => appYear() + 1 - i);

export default function BatchesPage() {
  const { t } = useTranslation(NS);
  const screens = Grid.useBreakpoint();
  const label = useEnumLabel();
  const canManage = useCanManageBatches();
  // Events are few (a handful a year): all years by default, so last autumn's is never hidden in January.
  const [year, setYear] = useState<number | null>(null);
  const [kind, setKind] = useState<BatchKind | 'all'>('all');
  const [editing, setEditing] = useState<Batch | 'new' | null>(null);
  const [membersOf, setMembersOf] = useState<Batch | null>(null);
  const { data, isLoading, error } = useBatches(year, kind === 'all' ? null : kind);

  const columns: TableColumnsType<Batch> = [
    {
      title: t('col.name'), dataIndex: 'name', fixed: screens.md ? 'left' : undefined, width: screens.md ? 220 : undefined,
      render: (name: string, b) => (
        <>
          <Link to={`/batches/${b.id}`}>{name}</Link>
          {/* On a phone the date and kind columns are hidden: say them under the name. */}
          {!screens.md && (
            <div><Typography.Text type="secondary">{formatDateZh(b.eventDate)} · {label('batchKind', b.kind)}</Typography.Text></div>
          )}
        </>
      ),
    },
    {
      title: t('col.kind'), dataIndex: 'kind', width: 90, responsive: ['md'],
      render: (k: BatchKind) => <Tag color={k === 'groundbreaking' ? 'orange' : 'blue'}>{label('batchKind', k)}</Tag>,
    },
    { title: t('col.eventDate'), dataIndex: 'eventDate', width: 120, responsive: ['md'], render: (d: string) => formatDateZh(d) },
    { title: t('col.level'), dataIndex: 'level', width: 70, responsive: ['md'], render: (l: string) => label('level', l) },
    { title: t('col.season'), dataIndex: 'season', width: 70, responsive: ['xxl'], render: (s: string) => label('season', s) },
    { title: t('col.region'), dataIndex: 'regionName', width: 110, responsive: ['xxl'] },
    { title: t('col.venue'), dataIndex: 'venue', width: 180, responsive: ['xxl'], render: (v: string | null) => v || '—' },
    {
      title: t('col.mainProject'), dataIndex: 'mainProjectName', width: 180, responsive: ['lg'],
      render: (name: string | null, b) => (b.mainProjectId ? <Link to={`/projects/${b.mainProjectId}`}>{name}</Link> : '—'),
    },
    { title: t('col.projectCount'), dataIndex: 'projectCount', width: 72, align: 'right' },
    {
      title: t('col.totalInvestment'), dataIndex: 'totalInvestment', width: 120, align: 'right',
      render: (v: string) => <Money value={v} unit="yi" />,
    },
  ];
  if (canManage) {
    columns.push({
      title: t('col.actions'), key: 'actions', width: 150, fixed: screens.md ? 'right' : undefined,
      render: (_: unknown, b) => (
        <Space size={4} wrap>
          <Button type="link" size="small" onClick={() => setEditing(b)}>{t('action.edit')}</Button>
          <Button type="link" size="small" onClick={() => setMembersOf(b)}>{t('action.members')}</Button>
        </Space>
      ),
    });
  }

  return (
    <Card
      title={t('title')}
      extra={canManage && (
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')}>{t('action.create')}</Button>
      )}
    >
      <Flex wrap gap={12} align="center" style={{ marginBottom: 16 }}>
        <Select<number | 'all'>
          aria-label={t('filter.year')}
          style={{ width: 130 }}
          value={year ?? 'all'}
          onChange={(v) => setYear(v === 'all' ? null : v)}
          options={[{ value: 'all', label: t('filter.allYears') }, ...YEARS.map((y) => ({ value: y, label: `${y}年` }))]}
        />
        <Segmented<BatchKind | 'all'>
          value={kind}
          onChange={setKind}
          options={[
            { value: 'all', label: t('filter.all') },
            { value: 'groundbreaking', label: label('batchKind', 'groundbreaking') },
            { value: 'signing', label: label('batchKind', 'signing') },
          ]}
        />
      </Flex>
      {error && <ErrorAlert error={error} style={{ marginBottom: 16 }} />}
      <Table<Batch>
        rowKey="id"
        size="middle"
        loading={isLoading}
        columns={columns}
        dataSource={data ?? []}
        pagination={false}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: t('msg.empty') }}
      />
      {editing && (
        <BatchFormModal batch={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />
      )}
      {membersOf && <BatchMembersModal batch={membersOf} onClose={() => setMembersOf(null)} />}
    </Card>
  );
}
