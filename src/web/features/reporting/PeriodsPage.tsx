// 填报期间: the periods the caller can see, how far reporting has come in each; for the office,
// opening and locking periods, the region's reporting settings and the corrections waiting for a decision.
import { LockOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, Flex, Select, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { PeriodDto } from '../../../contract/reporting.ts';
import { PERIOD_STATUSES, type PeriodStatus } from '../../../domain/reporting.ts';
import { useCurrentUser } from '../../app/auth.tsx';
import DateText from '../../components/DateText.tsx';
import ErrorAlert, { useErrorMessage } from '../../components/ErrorAlert.tsx';
import { NS } from './i18n.ts';
import OpenPeriodModal from './OpenPeriodModal.tsx';
import { OFFICE_ROLES, PeriodProgress, PeriodStatusTag } from './parts.tsx';
import { CorrectionsTable } from './ReportHistory.tsx';
import { useCorrections, usePeriodActions, usePeriods } from './reporting.api.ts';
import SettingsPanel from './SettingsPanel.tsx';
import { appToday, appYear } from '../../app/clock.ts';

const YEARS = Array.from({ length: 6 }, (_, i) => appYear() + 1 - i);

export default function PeriodsPage() {
  const { t } = useTranslation(NS);
  const user = useCurrentUser();
  const { message, modal } = App.useApp();
  const errorMessage = useErrorMessage();
  const isOffice = OFFICE_ROLES.includes(user.role);
  const [year, setYear] = useState<number | undefined>(undefined);
  const [status, setStatus] = useState<PeriodStatus | undefined>(undefined);
  const [opening, setOpening] = useState(false);
  const periods = usePeriods({ year, status });
  const { close } = usePeriodActions();
  const pending = useCorrections({ status: 'pending' }, isOffice);
  const today = appToday();

  const onClose = (p: PeriodDto) =>
    modal.confirm({
      title: t('periods.close'),
      content: t('periods.closeConfirm', { label: `${p.regionName} ${p.label}` }),
      okText: t('periods.close'), okButtonProps: { danger: true }, cancelText: t('common.cancel'),
      onOk: () => close.mutateAsync(p.id).then(
        () => void message.success(t('periods.closed', { label: p.label })),
        (e: unknown) => void message.error(errorMessage(e)),
      ),
    });

  const columns: TableColumnsType<PeriodDto> = [
    { title: t('col.label'), dataIndex: 'label', render: (l: string, p) => <Link to={`/periods/${p.id}`}>{l}</Link> },
    { title: t('col.region'), dataIndex: 'regionName', width: 120 },
    { title: t('col.cadence'), dataIndex: 'cadence', width: 80, responsive: ['lg'], render: (c: PeriodDto['cadence']) => t(`enum.cadence.${c}`) },
    {
      title: t('col.deadline'), dataIndex: 'deadline', width: 170,
      render: (d: string, p) => (
        <span style={{ whiteSpace: 'nowrap' }}>
          <DateText value={d} />
          {p.status === 'open' && today > d && p.counts.missing + p.counts.returned + p.counts.draft > 0 && (
            <Tag color="red" style={{ marginInlineStart: 6 }}>{t('reports.overdue')}</Tag>
          )}
        </span>
      ),
    },
    { title: t('col.status'), dataIndex: 'status', width: 90, render: (s: PeriodStatus) => <PeriodStatusTag status={s} /> },
    { title: t('col.progress'), key: 'progress', width: 200, render: (_: unknown, p) => <PeriodProgress p={p} /> },
    {
      title: t('col.counts'), key: 'counts', responsive: ['xxl'],
      render: (_: unknown, p) => <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('periods.countsLine', p.counts)}</Typography.Text>,
    },
  ];
  if (isOffice) {
    columns.push({
      title: t('col.actions'), key: 'actions', width: 90, fixed: 'right',
      render: (_: unknown, p) => p.status === 'open' && (
        <Button size="small" danger icon={<LockOutlined />} onClick={() => onClose(p)}>{t('periods.close')}</Button>
      ),
    });
  }

  return (
    <>
      <Card
        title={t('periods.title')}
        style={{ marginBottom: 12 }}
        extra={isOffice && <Button type="primary" icon={<PlusOutlined />} onClick={() => setOpening(true)}>{t('periods.open')}</Button>}
      >
        <Flex wrap gap={12} style={{ marginBottom: 16 }}>
          <Select
            aria-label={t('periods.filterYear')}
            style={{ width: 130 }}
            allowClear
            placeholder={t('periods.allYears')}
            value={year}
            onChange={setYear}
            options={YEARS.map((y) => ({ value: y, label: `${y}年` }))}
          />
          <Select
            aria-label={t('periods.filterStatus')}
            style={{ width: 130 }}
            allowClear
            placeholder={t('periods.allStatuses')}
            value={status}
            onChange={setStatus}
            options={PERIOD_STATUSES.map((s) => ({ value: s, label: t(`enum.periodStatus.${s}`) }))}
          />
        </Flex>
        {periods.error && <ErrorAlert error={periods.error} onRetry={() => void periods.refetch()} style={{ marginBottom: 16 }} />}
        <Table<PeriodDto>
          rowKey="id"
          size="middle"
          loading={periods.isLoading}
          columns={columns}
          dataSource={periods.data ?? []}
          pagination={(periods.data?.length ?? 0) > 24 ? { pageSize: 24, showSizeChanger: false } : false}
          scroll={{ x: 'max-content' }}
          locale={{ emptyText: t('periods.empty') }}
        />
      </Card>
      {isOffice && (
        <>
          <Card title={`${t('periods.pendingCorrections')}${pending.data?.length ? `（${pending.data.length}）` : ''}`} size="small" style={{ marginBottom: 12 }}>
            {pending.error ? <ErrorAlert error={pending.error} /> : <CorrectionsTable items={pending.data ?? []} canDecide showProject />}
          </Card>
          <SettingsPanel />
        </>
      )}
      {opening && <OpenPeriodModal onClose={() => setOpening(false)} />}
    </>
  );
}
