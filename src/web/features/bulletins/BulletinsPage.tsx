// 月度通报: the bulletins issued in the caller's region, newest first; the office issues new ones and
// sets the issuing office, the number's prefix and automatic issue on close.
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { Button, Card, Flex, Grid, Select, Space, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { PlusOutlined, SettingOutlined } from '@ant-design/icons';
import type { BulletinSummary } from '../../../contract/bulletins.ts';
import { chinaDateTime } from '../../../domain/dates.ts';
import { appYear } from '../../app/clock.ts';
import ErrorAlert from '../../components/ErrorAlert.tsx';
import { useBulletins, useCanIssue } from './bulletins.api.ts';
import Downloads from './Downloads.tsx';
import BulletinCreateModal from './BulletinCreateModal.tsx';
import BulletinSettingsModal from './BulletinSettingsModal.tsx';
import './i18n.ts';

const YEARS = Array.from({ length: 6 }, (_, i) => appYear() - i);

export default function BulletinsPage() {
  const { t } = useTranslation();
  const screens = Grid.useBreakpoint();
  const canIssue = useCanIssue();
  const [year, setYear] = useState<number | null>(null);
  const [dialog, setDialog] = useState<'create' | 'settings' | null>(null);
  const { data, isLoading, error } = useBulletins(year);

  const columns: TableColumnsType<BulletinSummary> = [
    {
      title: t('bulletins.col.number'), dataIndex: 'number', width: screens.md ? 190 : undefined,
      render: (n: string, b) => (
        <Flex vertical gap={2}>
          <Link to={`/bulletins/${b.id}`} className="tj-num">{n}</Link>
          {!screens.xxl && b.trigger === 'period_close' && <span><Tag color="purple">{t('bulletins.trigger.period_close')}</Tag></span>}
          {!screens.lg && <Typography.Text style={{ fontSize: 13 }}>{b.title}</Typography.Text>}
          {!screens.md && <Typography.Text type="secondary" style={{ fontSize: 12 }}>{b.regionName} · {b.periodLabel} · {chinaDateTime(b.createdAt)}</Typography.Text>}
        </Flex>
      ),
    },
    { title: t('bulletins.col.title'), dataIndex: 'title', responsive: ['lg'], render: (s: string, b) => <Link to={`/bulletins/${b.id}`}>{s}</Link> },
    { title: t('bulletins.col.region'), dataIndex: 'regionName', width: 110, responsive: ['md'] },
    { title: t('bulletins.col.period'), dataIndex: 'periodLabel', width: 110, responsive: ['md'] },
    {
      title: t('bulletins.col.trigger'), dataIndex: 'trigger', width: 120, responsive: ['xxl'],
      render: (v: BulletinSummary['trigger']) => <Tag color={v === 'period_close' ? 'purple' : 'default'}>{t(`bulletins.trigger.${v}`)}</Tag>,
    },
    {
      title: t('bulletins.col.createdAt'), dataIndex: 'createdAt', width: 150, responsive: ['md'],
      render: (v: string, b) => (
        <Flex vertical gap={0}>
          <span className="tj-num">{chinaDateTime(v)}</span>
          {b.createdBy && <Typography.Text type="secondary" style={{ fontSize: 12 }}>{b.createdBy}</Typography.Text>}
        </Flex>
      ),
    },
    { title: t('bulletins.col.download'), key: 'download', width: screens.md ? 180 : 80, render: (_: unknown, b) => <Downloads id={b.id} iconOnly={!screens.md} short /> },
  ];

  return (
    <Card
      title={t('bulletins.title')}
      extra={canIssue && (
        <Space wrap>
          <Button icon={<SettingOutlined />} onClick={() => setDialog('settings')}>{t('bulletins.action.settings')}</Button>
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setDialog('create')}>{t('bulletins.action.create')}</Button>
        </Space>
      )}
    >
      <Flex wrap gap={12} align="center" justify="space-between" style={{ marginBottom: 16 }}>
        <Typography.Text type="secondary">{t('bulletins.subtitle')}</Typography.Text>
        <Select<number | 'all'>
          aria-label={t('bulletins.filter.year')}
          style={{ width: 130 }}
          value={year ?? 'all'}
          onChange={(v) => setYear(v === 'all' ? null : v)}
          options={[{ value: 'all', label: t('bulletins.filter.allYears') }, ...YEARS.map((y) => ({ value: y, label: `${y}年` }))]}
        />
      </Flex>
      {error && <ErrorAlert error={error} style={{ marginBottom: 16 }} />}
      <Table<BulletinSummary>
        rowKey="id"
        size="middle"
        loading={isLoading}
        columns={columns}
        dataSource={data ?? []}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: t('bulletins.empty') }}
      />
      {dialog === 'create' && <BulletinCreateModal onClose={() => setDialog(null)} />}
      {dialog === 'settings' && <BulletinSettingsModal onClose={() => setDialog(null)} />}
    </Card>
  );
}
