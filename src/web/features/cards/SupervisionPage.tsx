// 督办约谈: supervision orders opened by red cards (the unit responds in writing, the office accepts or
// rejects) and the accountability list (the office records the talk). Both export to .xlsx.
import { DownloadOutlined } from '@ant-design/icons';
import { Button, Card, Flex, Select, Switch, Table, Tabs, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import {
  ACCOUNTABILITY_STATUSES, ORDER_STATUSES, type AccountabilityEntryDto, type AccountabilityStatus, type OrderStatus, type SupervisionOrderDto,
} from '../../../contract/supervision.ts';
import { todayIso } from '../../../domain/dates.ts';
import DateText, { formatDate, formatDateTime } from '../../components/DateText.tsx';
import ErrorAlert from '../../components/ErrorAlert.tsx';
import RegionTreeSelect from '../../components/RegionTreeSelect.tsx';
import { accountabilityXlsxHref, ordersXlsxHref, useAccountability, useAccountabilityEntry, useSupervisionOrder, useSupervisionOrders } from './cards.api.ts';
import { NS } from './i18n.ts';
import { OrderDecisionModal, RecordTalkModal, RespondModal } from './SupervisionModals.tsx';

const PAGE_SIZE = 20;
const ORDER_TAG: Record<OrderStatus, string> = { open: 'processing', responded: 'gold', accepted: 'success', rejected: 'error' };

type OrderAction = { kind: 'respond' | 'accept' | 'reject'; order: SupervisionOrderDto };

function ProjectCell({ id, name, code }: { id: string; name: string; code: string }) {
  return (
    <Flex vertical gap={0}>
      <Link to={`/projects/${id}?tab=cards`}>{name}</Link>
      <Typography.Text type="secondary" className="tj-num" style={{ fontSize: 12 }}>{code}</Typography.Text>
    </Flex>
  );
}

/** Responsible unit over the lead leader, in one column. */
function UnitCell({ unit, leader }: { unit: string | null; leader: string | null }) {
  return (
    <Flex vertical gap={0}>
      <span>{unit ?? '—'}</span>
      {leader && <Typography.Text type="secondary" style={{ fontSize: 12 }}>{leader}</Typography.Text>}
    </Flex>
  );
}

function OrderDetail({ o }: { o: SupervisionOrderDto }) {
  const { t } = useTranslation(NS);
  const line = (label: string, text: string | null, meta?: string | null) => text && (
    <div style={{ marginBottom: 8 }}>
      <Typography.Text type="secondary">{label}：</Typography.Text>
      <span style={{ whiteSpace: 'pre-wrap' }}>{text}</span>
      {meta && <Typography.Text type="secondary" style={{ fontSize: 12, marginInlineStart: 8 }}>{meta}</Typography.Text>}
    </div>
  );
  return (
    <div style={{ paddingInlineStart: 8 }}>
      {line(t('supervision.col.reason'), o.reason)}
      {line(t('supervision.col.response'), o.response, [o.respondedByName, o.respondedAt && formatDateTime(o.respondedAt)].filter(Boolean).join(' '))}
      {line(t('supervision.col.decisionNote'), o.decisionNote, [o.decidedByName, o.decidedAt && formatDateTime(o.decidedAt)].filter(Boolean).join(' '))}
    </div>
  );
}

function OrdersTab({ region, focusId, onUnfocus }: { region?: string; focusId?: string; onUnfocus: () => void }) {
  const { t } = useTranslation(NS);
  const focused = useSupervisionOrder(focusId);
  const [status, setStatus] = useState<OrderStatus | undefined>();
  const [overdue, setOverdue] = useState(false);
  const [page, setPage] = useState(1);
  const [action, setAction] = useState<OrderAction | null>(null);
  const filters = { status, region, overdue: overdue || undefined };
  const orders = useSupervisionOrders({ ...filters, page, pageSize: PAGE_SIZE });
  const counts = orders.data?.counts;

  const columns: TableColumnsType<SupervisionOrderDto> = [
    {
      title: t('supervision.col.number'), dataIndex: 'number', width: 160,
      render: (n: string, o) => (
        <Flex vertical gap={0}>
          <span className="tj-num" style={{ whiteSpace: 'nowrap' }}>{n}</span>
          {o.periodLabel && <Typography.Text type="secondary" style={{ fontSize: 12 }}>{o.periodLabel}</Typography.Text>}
        </Flex>
      ),
    },
    { title: t('supervision.col.project'), key: 'project', width: 240, render: (_: unknown, o) => <ProjectCell id={o.projectId} name={o.projectName} code={o.projectCode} /> },
    { title: t('supervision.col.region'), dataIndex: 'regionName', width: 100, responsive: ['md'] },
    { title: t('supervision.col.unitLeader'), key: 'unit', width: 170, responsive: ['lg'], render: (_: unknown, o) => <UnitCell unit={o.responsibleOrgName} leader={o.leaderName} /> },
    {
      title: t('supervision.col.deadline'), dataIndex: 'deadline', width: 170,
      render: (d: string, o) => (
        <Flex vertical gap={0}>
          <span style={{ whiteSpace: 'nowrap' }}>
            <DateText value={d} />
            {o.overdue && <Tag color="red" style={{ marginInlineStart: 6 }}>{t('supervision.overdue')}</Tag>}
          </span>
          <Typography.Text type="secondary" style={{ fontSize: 12, whiteSpace: 'nowrap' }}>
            {t('supervision.issuedOn', { date: formatDate(todayIso(new Date(o.issuedAt))) })}
          </Typography.Text>
        </Flex>
      ),
    },
    { title: t('supervision.col.status'), dataIndex: 'status', width: 120, render: (s: OrderStatus) => <Tag color={ORDER_TAG[s]}>{t(`supervision.status.${s}`)}</Tag> },
    {
      title: t('supervision.col.actions'), key: 'actions', width: 150, fixed: 'right',
      render: (_: unknown, o) => (
        <Flex gap={4} wrap>
          {o.canRespond && <Button size="small" type="primary" onClick={() => setAction({ kind: 'respond', order: o })}>{t('supervision.respond')}</Button>}
          {o.canDecide && o.status === 'responded' && (
            <>
              <Button size="small" type="primary" onClick={() => setAction({ kind: 'accept', order: o })}>{t('supervision.accept')}</Button>
              <Button size="small" danger onClick={() => setAction({ kind: 'reject', order: o })}>{t('supervision.reject')}</Button>
            </>
          )}
        </Flex>
      ),
    },
  ];

  return (
    <Flex vertical gap={12}>
      <Flex wrap gap={12} align="center" justify="space-between">
        <Flex wrap gap={12} align="center">
          <Select
            aria-label={t('supervision.col.status')}
            style={{ width: 170 }}
            allowClear
            placeholder={t('supervision.allStatuses')}
            value={status}
            onChange={(s) => { setStatus(s); setPage(1); }}
            options={ORDER_STATUSES.map((s) => ({ value: s, label: `${t(`supervision.status.${s}`)}${counts ? `（${counts[s]}）` : ''}` }))}
          />
          <Flex gap={6} align="center">
            <Switch id="orders-overdue" size="small" checked={overdue} onChange={(v) => { setOverdue(v); setPage(1); }} />
            <label htmlFor="orders-overdue">{t('supervision.overdue')}{counts ? `（${counts.overdue}）` : ''}</label>
          </Flex>
        </Flex>
        <Button icon={<DownloadOutlined />} href={ordersXlsxHref(filters)}>{t('supervision.export')}</Button>
      </Flex>
      {focusId && (
        <Card
          size="small"
          title={t('supervision.focused')}
          extra={<Button size="small" type="link" onClick={onUnfocus}>{t('supervision.showAll')}</Button>}
        >
          {focused.error && <ErrorAlert error={focused.error} onRetry={() => void focused.refetch()} />}
          <Table<SupervisionOrderDto>
            rowKey="id"
            size="middle"
            loading={focused.isFetching}
            columns={columns}
            dataSource={focused.data ? [focused.data] : []}
            expandable={{ expandedRowRender: (o) => <OrderDetail o={o} />, expandedRowKeys: focused.data ? [focused.data.id] : [] }}
            pagination={false}
            scroll={{ x: 'max-content' }}
          />
        </Card>
      )}
      {orders.error && <ErrorAlert error={orders.error} onRetry={() => void orders.refetch()} />}
      <Table<SupervisionOrderDto>
        rowKey="id"
        size="middle"
        loading={orders.isFetching}
        columns={columns}
        dataSource={orders.data?.items ?? []}
        expandable={{ expandedRowRender: (o) => <OrderDetail o={o} /> }}
        rowClassName={(o) => (o.overdue ? 'tj-row-overdue' : '')}
        onChange={(p) => setPage(p.current ?? 1)}
        pagination={{ current: page, pageSize: PAGE_SIZE, total: orders.data?.total ?? 0, showSizeChanger: false, hideOnSinglePage: true }}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: t('supervision.emptyOrders') }}
      />
      {action?.kind === 'respond' && <RespondModal order={action.order} onClose={() => setAction(null)} />}
      {(action?.kind === 'accept' || action?.kind === 'reject') && <OrderDecisionModal order={action.order} accept={action.kind === 'accept'} onClose={() => setAction(null)} />}
    </Flex>
  );
}

function AccountabilityTab({ region, focusId, onUnfocus }: { region?: string; focusId?: string; onUnfocus: () => void }) {
  const { t } = useTranslation(NS);
  const focused = useAccountabilityEntry(focusId);
  const [status, setStatus] = useState<AccountabilityStatus | undefined>();
  const [page, setPage] = useState(1);
  const [recording, setRecording] = useState<AccountabilityEntryDto | null>(null);
  const filters = { status, region };
  const list = useAccountability({ ...filters, page, pageSize: PAGE_SIZE });
  const counts = list.data?.counts;

  const columns: TableColumnsType<AccountabilityEntryDto> = [
    { title: t('supervision.col.project'), key: 'project', width: 240, render: (_: unknown, e) => <ProjectCell id={e.projectId} name={e.projectName} code={e.projectCode} /> },
    { title: t('supervision.col.region'), dataIndex: 'regionName', width: 100, responsive: ['md'] },
    { title: t('supervision.col.unitLeader'), key: 'unit', width: 170, responsive: ['lg'], render: (_: unknown, e) => <UnitCell unit={e.responsibleOrgName} leader={e.leaderName} /> },
    {
      title: t('supervision.col.cause'), key: 'cause', width: 200,
      render: (_: unknown, e) => (
        <Flex vertical gap={0}>
          <span>{t(`supervision.reason.${e.reason}`)}</span>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>{[e.periodLabel, e.orderNumber].filter(Boolean).join(' · ')}</Typography.Text>
        </Flex>
      ),
    },
    { title: t('supervision.col.createdAt'), dataIndex: 'createdAt', width: 130, responsive: ['xxl'], render: (d: string) => <DateText value={todayIso(new Date(d))} /> },
    {
      title: t('supervision.col.status'), dataIndex: 'status', width: 90,
      render: (s: AccountabilityStatus) => <Tag color={s === 'held' ? 'success' : 'warning'}>{t(`supervision.accountabilityStatus.${s}`)}</Tag>,
    },
    { title: t('supervision.col.talkDate'), dataIndex: 'talkDate', width: 130, render: (d: string | null) => (d ? <DateText value={d} /> : '—') },
    {
      title: t('supervision.col.outcome'), dataIndex: 'outcome', width: 260,
      render: (v: string | null, e) => (
        <Flex vertical gap={0}>
          <span style={{ whiteSpace: 'pre-wrap' }}>{v ?? '—'}</span>
          {e.participants && <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('supervision.col.participants')}：{e.participants}</Typography.Text>}
        </Flex>
      ),
    },
    {
      title: t('supervision.col.actions'), key: 'actions', width: 110, fixed: 'right',
      render: (_: unknown, e) => e.canRecord && (
        <Button size="small" type={e.status === 'pending' ? 'primary' : 'default'} onClick={() => setRecording(e)}>{t('supervision.record')}</Button>
      ),
    },
  ];

  return (
    <Flex vertical gap={12}>
      <Flex wrap gap={12} align="center" justify="space-between">
        <Select
          aria-label={t('supervision.col.status')}
          style={{ width: 160 }}
          allowClear
          placeholder={t('supervision.allStatuses')}
          value={status}
          onChange={(s) => { setStatus(s); setPage(1); }}
          options={ACCOUNTABILITY_STATUSES.map((s) => ({ value: s, label: `${t(`supervision.accountabilityStatus.${s}`)}${counts ? `（${counts[s]}）` : ''}` }))}
        />
        <Button icon={<DownloadOutlined />} href={accountabilityXlsxHref(filters)}>{t('supervision.export')}</Button>
      </Flex>
      {focusId && (
        <Card
          size="small"
          title={t('supervision.focusedEntry')}
          extra={<Button size="small" type="link" onClick={onUnfocus}>{t('supervision.showAll')}</Button>}
          data-testid="focused-entry"
        >
          {focused.error && <ErrorAlert error={focused.error} onRetry={() => void focused.refetch()} />}
          <Table<AccountabilityEntryDto>
            rowKey="id"
            size="middle"
            loading={focused.isFetching}
            columns={columns}
            dataSource={focused.data ? [focused.data] : []}
            pagination={false}
            scroll={{ x: 'max-content' }}
          />
        </Card>
      )}
      {list.error && <ErrorAlert error={list.error} onRetry={() => void list.refetch()} />}
      <Table<AccountabilityEntryDto>
        rowKey="id"
        size="middle"
        loading={list.isFetching}
        columns={columns}
        dataSource={list.data?.items ?? []}
        onChange={(p) => setPage(p.current ?? 1)}
        pagination={{ current: page, pageSize: PAGE_SIZE, total: list.data?.total ?? 0, showSizeChanger: false, hideOnSinglePage: true }}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: t('supervision.emptyAccountability') }}
      />
      {recording && <RecordTalkModal entry={recording} onClose={() => setRecording(null)} />}
    </Flex>
  );
}

const TABS = ['orders', 'accountability'] as const;

export default function SupervisionPage() {
  const { t } = useTranslation(NS);
  const [params, setParams] = useSearchParams();
  const tab = (TABS as readonly string[]).includes(params.get('tab') ?? '') ? (params.get('tab') as (typeof TABS)[number]) : 'orders';
  const region = params.get('region') ?? undefined;
  const set = (k: string, v: string | undefined) =>
    setParams((prev) => { const n = new URLSearchParams(prev); if (v) n.set(k, v); else n.delete(k); return n; }, { replace: true });

  return (
    <Card
      title={t('supervision.title')}
      extra={<RegionTreeSelect aria-label={t('filter.region')} value={region} onChange={(c) => set('region', c)} style={{ width: 180 }} />}
      styles={{ body: { paddingTop: 0 } }}
    >
      <Tabs
        activeKey={tab}
        onChange={(k) => set('tab', k === 'orders' ? undefined : k)}
        items={TABS.map((k) => ({
          key: k,
          label: t(`supervision.tabs.${k}`),
          children: k === 'orders' ? <OrdersTab region={region} focusId={params.get('order') ?? undefined} onUnfocus={() => set('order', undefined)} /> : <AccountabilityTab region={region} focusId={params.get('entry') ?? undefined} onUnfocus={() => set('entry', undefined)} />,
        }))}
        destroyOnHidden
      />
    </Card>
  );
}
