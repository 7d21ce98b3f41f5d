// One period: how many have reported, who has not (the default view), a one-click reminder list
// with a ready-to-paste notice, and the period table as .xlsx. Each row opens its report.
import { ArrowLeftOutlined, CopyOutlined, DownloadOutlined, NotificationOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Flex, Input, Modal, Result, Segmented, Space, Statistic, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router-dom';
import type { PeriodDto, PeriodProjectRow } from '../../../contract/reporting.ts';
import { REPORT_STATUSES } from '../../../domain/reporting.ts';
import { ApiError } from '../../api/client.ts';
import { useCurrentUser } from '../../app/auth.tsx';
import DateText, { formatDateTime } from '../../components/DateText.tsx';
import ErrorAlert, { useErrorMessage } from '../../components/ErrorAlert.tsx';
import Money from '../../components/Money.tsx';
import StageTag from '../../components/StageTag.tsx';
import { NS } from './i18n.ts';
import { PeriodProgress, PeriodStatusTag, ReportStatusTag, REVIEWER_ROLES, reportHref, type ListStatus, useUrlParams } from './parts.tsx';
import { periodFileUrl, usePeriodActions, usePeriodProjects, type ReminderResult } from './reporting.api.ts';
import { appToday } from '../../app/clock.ts';

const DAY = 86_400_000;

function Summary({ p }: { p: PeriodDto }) {
  const { t } = useTranslation(NS);
  const today = appToday();
  const days = Math.round((Date.parse(p.deadline) - Date.parse(today)) / DAY);
  const c = p.counts;
  return (
    <Flex wrap gap={32} align="center">
      <Statistic title={t('period.expected')} value={c.expected} />
      <Statistic title={t('period.approved')} value={c.approved} valueStyle={{ color: '#389e0d' }} />
      <Statistic title={t('period.submitted')} value={c.submitted} valueStyle={{ color: '#1677ff' }} />
      <Statistic title={t('period.returned')} value={c.returned} valueStyle={{ color: c.returned ? '#cf1322' : undefined }} />
      <Statistic title={t('period.missing')} value={c.missing} valueStyle={{ color: c.missing ? '#d46b08' : undefined }} />
      <div>
        <div style={{ color: 'rgba(0,0,0,0.45)', marginBottom: 4 }}>{t('col.deadline')}</div>
        <DateText value={p.deadline} />{' '}
        {p.status === 'open' && (days < 0
          ? <Tag color="red">{t('period.overdue')}</Tag>
          : <Tag color={days <= 3 ? 'orange' : 'default'}>{days === 0 ? t('period.dueToday') : t('period.daysLeft', { days })}</Tag>)}
      </div>
      <div style={{ width: 220 }}><PeriodProgress p={p} /></div>
    </Flex>
  );
}

function ReminderModal({ result, onClose }: { result: ReminderResult; onClose: () => void }) {
  const { t } = useTranslation(NS);
  const { message } = App.useApp();
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(result.message);
      message.success(t('period.copied'));
    } catch {
      message.warning(t('period.copyFailed'));
    }
  };
  return (
    <Modal
      open
      width={680}
      title={`${t('period.remindTitle')}（${result.count}）`}
      onCancel={onClose}
      footer={[
        <Button key="close" onClick={onClose}>{t('common.cancel')}</Button>,
        <Button key="copy" type="primary" icon={<CopyOutlined />} onClick={() => void copy()}>{t('period.copy')}</Button>,
      ]}
    >
      <Input.TextArea aria-label={t('period.remindTitle')} value={result.message} readOnly autoSize={{ minRows: 8, maxRows: 20 }} />
    </Modal>
  );
}

export default function PeriodPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation(NS);
  const navigate = useNavigate();
  const user = useCurrentUser();
  const { message } = App.useApp();
  const errorMessage = useErrorMessage();
  const [params, setParam] = useUrlParams();
  const status = params.get('status') ?? 'notReported';
  const [q, setQ] = useState(params.get('q') ?? '');
  const data = usePeriodProjects(id, { status: status === 'all' ? undefined : status, q: params.get('q') || undefined });
  const { remind } = usePeriodActions();
  const [reminder, setReminder] = useState<ReminderResult | null>(null);
  const canRemind = REVIEWER_ROLES.includes(user.role);


  if (data.error && !data.data) {
    if (data.error instanceof ApiError && data.error.status === 404) {
      return <Result status="404" title={errorMessage(data.error)} extra={<Link to="/periods">{t('period.back')}</Link>} />;
    }
    return <ErrorAlert error={data.error} onRetry={() => void data.refetch()} />;
  }
  const p = data.data?.period;

  const onRemind = async () => {
    try {
      const r = await remind.mutateAsync({ periodId: id });
      if (r.count === 0) message.info(t('period.remindNone'));
      else {
        message.success(t('period.remindDone', { count: r.count }));
        setReminder(r);
      }
    } catch (e) {
      message.error(errorMessage(e));
    }
  };

  const columns: TableColumnsType<PeriodProjectRow> = [
    {
      title: t('col.project'), dataIndex: 'name',
      render: (name: string, r) => (
        <>
          <Link to={reportHref(r.projectId, id)}>{name}</Link>
          <div><Typography.Text type="secondary" style={{ fontSize: 12 }}>{r.code} · {r.regionName}</Typography.Text></div>
        </>
      ),
    },
    { title: t('col.stage'), dataIndex: 'stage', width: 80, responsive: ['lg'], render: (s: PeriodProjectRow['stage']) => <StageTag stage={s} /> },
    { title: t('col.owner'), dataIndex: 'owner', width: 180, responsive: ['md'], render: (v: string | null) => v ?? '—' },
    { title: t('col.unit'), dataIndex: 'responsibleUnit', width: 150, responsive: ['xxl'], render: (v: string | null) => v ?? '—' },
    {
      title: t('col.contact'), key: 'contact', width: 140, responsive: ['lg'],
      render: (_: unknown, r) => (r.contactName ? <>{r.contactName}<div className="tj-num" style={{ fontSize: 12 }}>{r.contactPhone}</div></> : '—'),
    },
    { title: t('col.status'), dataIndex: 'status', width: 90, render: (s: ListStatus) => <ReportStatusTag status={s} /> },
    { title: t('col.investment'), dataIndex: 'investment', width: 120, align: 'right', responsive: ['md'], render: (v: string | null) => <Money value={v} /> },
    { title: t('col.submittedAt'), dataIndex: 'submittedAt', width: 150, responsive: ['xxl'], render: (v: string | null) => formatDateTime(v) },
    {
      title: t('col.remind'), key: 'remind', width: 130, responsive: ['lg'],
      render: (_: unknown, r) => (r.remindCount
        ? <>{t('period.remindCount', { count: r.remindCount })}<div style={{ fontSize: 12, color: 'rgba(0,0,0,0.45)' }}>{t('period.lastReminded', { time: formatDateTime(r.lastRemindedAt) })}</div></>
        : <Typography.Text type="secondary">{t('period.neverReminded')}</Typography.Text>),
    },
  ];

  return (
    <div>
      <Card size="small" style={{ marginBottom: 12 }}>
        <div className="tj-page-head" style={{ marginBottom: 12 }}>
          <Space align="center" wrap>
            <Button type="text" icon={<ArrowLeftOutlined />} aria-label={t('period.back')} onClick={() => navigate('/periods')} />
            <Typography.Title level={4} style={{ margin: 0 }}>{p ? `${p.regionName} ${p.label}` : '…'}</Typography.Title>
            {p && <PeriodStatusTag status={p.status} />}
          </Space>
          <Space wrap>
            {canRemind && p?.status === 'open' && (
              <Button type="primary" icon={<NotificationOutlined />} loading={remind.isPending} onClick={() => void onRemind()}>{t('period.remind')}</Button>
            )}
            <Button icon={<DownloadOutlined />} href={periodFileUrl(id, 'reminders.xlsx')}>{t('period.downloadReminders')}</Button>
            <Button icon={<DownloadOutlined />} href={periodFileUrl(id, 'projects.xlsx')}>{t('period.downloadProjects')}</Button>
          </Space>
        </div>
        {p && <Summary p={p} />}
      </Card>
      <Card size="small">
        <Flex wrap gap={12} style={{ marginBottom: 12 }}>
          <Segmented
            value={status}
            onChange={(v) => setParam('status', v === 'notReported' ? undefined : v)}
            options={[
              { value: 'notReported', label: t('period.missing') },
              ...(['missing', ...REPORT_STATUSES] as const).map((s) => ({ value: s, label: t(`enum.reportStatus.${s}`) })),
              { value: 'all', label: t('period.filterAll') },
            ]}
          />
          <Input.Search
            allowClear
            style={{ width: 280 }}
            placeholder={t('period.search')}
            aria-label={t('period.search')}
            value={q}
            onChange={(e) => setQ(e.target.value)}
            onSearch={(v) => setParam('q', v.trim() || undefined)}
          />
        </Flex>
        {status === 'notReported' && <Alert type="info" showIcon title={t('period.filterNotReported')} style={{ marginBottom: 12 }} banner />}
        {data.error && <ErrorAlert error={data.error} style={{ marginBottom: 12 }} />}
        <Table<PeriodProjectRow>
          rowKey="projectId"
          size="middle"
          loading={data.isLoading || data.isFetching}
          columns={columns}
          dataSource={data.data?.items ?? []}
          pagination={{ pageSize: 50, showSizeChanger: false, hideOnSinglePage: true }}
          scroll={{ x: 'max-content' }}
          locale={{ emptyText: t('period.empty') }}
        />
      </Card>
      {reminder && <ReminderModal result={reminder} onClose={() => setReminder(null)} />}
    </div>
  );
}
