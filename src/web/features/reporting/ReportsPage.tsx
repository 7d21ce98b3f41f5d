// 调度填报: what the caller has to file (待我填报), what waits for their review (待我审核), and all
// reports in scope. The first tab is the one the role works in; the tab is kept in the URL (?view=).
import { Badge, Button, Card, Flex, Grid, Select, Table, Tabs, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import type { ReportListItem } from '../../../contract/reporting.ts';
import { REPORT_STATUSES, type ReportStatus } from '../../../domain/reporting.ts';
import { useCurrentUser } from '../../app/auth.tsx';
import DateText, { formatDateTime } from '../../components/DateText.tsx';
import ErrorAlert from '../../components/ErrorAlert.tsx';
import Money from '../../components/Money.tsx';
import { NS } from './i18n.ts';
import { FILER_ROLES, REVIEWER_ROLES, ReportStatusTag, reportHref, useUrlParams } from './parts.tsx';
import { usePeriods, useReportList, type ReportView } from './reporting.api.ts';

export default function ReportsPage() {
  const { t } = useTranslation(NS);
  const user = useCurrentUser();
  const [params, setParam] = useUrlParams();
  const canFile = FILER_ROLES.includes(user.role);
  const canReview = REVIEWER_ROLES.includes(user.role);
  // Owners start at what they must file; units and the office at what waits for their review.
  const views: ReportView[] = [...(canReview ? (['review'] as const) : []), ...(canFile ? (['due'] as const) : []), 'all'];
  const asked = params.get('view') as ReportView | null;
  const view: ReportView = asked && views.includes(asked) ? asked : views[0]!;
  const periodId = params.get('periodId') ?? undefined;
  const status = (params.get('status') as ReportStatus | null) ?? undefined;

  const due = useReportList('due', {}, canFile);
  const review = useReportList('review', {}, canReview);
  const all = useReportList('all', { periodId, status }, view === 'all');
  const current = view === 'due' ? due : view === 'review' ? review : all;


  const badge = (v: ReportView) => {
    const n = v === 'due' ? due.data?.length : v === 'review' ? review.data?.length : undefined;
    return (
      <span>
        {t(`reports.tabs.${v}`)}
        {n ? <Badge count={n} size="small" overflowCount={999} style={{ marginInlineStart: 6 }} color={v === 'due' ? 'red' : 'blue'} /> : null}
      </span>
    );
  };

  return (
    <Card title={t('reports.title')}>
      <Tabs
        activeKey={view}
        onChange={(k) => setParam('view', k)}
        items={views.map((v) => ({ key: v, label: badge(v) }))}
      />
      {view === 'all' && <AllFilters periodId={periodId} status={status} onChange={setParam} />}
      {current.error && <ErrorAlert error={current.error} onRetry={() => void current.refetch()} style={{ marginBottom: 16 }} />}
      <ReportTable view={view} items={current.data ?? []} loading={current.isLoading} />
    </Card>
  );
}

function AllFilters({ periodId, status, onChange }: { periodId?: string; status?: ReportStatus; onChange: (k: string, v: string | undefined) => void }) {
  const { t } = useTranslation(NS);
  const periods = usePeriods();
  return (
    <Flex wrap gap={12} style={{ marginBottom: 16 }}>
      <Select
        aria-label={t('reports.filter.period')}
        style={{ width: 220 }}
        allowClear
        placeholder={t('reports.filter.allPeriods')}
        value={periodId}
        onChange={(v: string | undefined) => onChange('periodId', v)}
        loading={periods.isLoading}
        options={(periods.data ?? []).map((p) => ({ value: p.id, label: `${p.label} · ${p.regionName}` }))}
      />
      <Select
        aria-label={t('reports.filter.status')}
        style={{ width: 160 }}
        allowClear
        placeholder={t('reports.filter.allStatuses')}
        value={status}
        onChange={(v: string | undefined) => onChange('status', v)}
        options={REPORT_STATUSES.map((s) => ({ value: s, label: t(`enum.reportStatus.${s}`) }))}
      />
    </Flex>
  );
}

function ReportTable({ view, items, loading }: { view: ReportView; items: ReportListItem[]; loading: boolean }) {
  const { t } = useTranslation(NS);
  const navigate = useNavigate();
  const screens = Grid.useBreakpoint();
  const action = view === 'due' ? t('reports.fill') : view === 'review' ? t('reports.review') : t('reports.view');

  const columns: TableColumnsType<ReportListItem> = [
    { title: t('col.period'), dataIndex: 'periodLabel', width: 130 },
    {
      title: t('col.project'), dataIndex: 'projectName', width: 300,
      render: (name: string, r) => (
        <>
          <Link to={`/projects/${r.projectId}`}>{name}</Link>
          <div><Typography.Text type="secondary" style={{ fontSize: 12 }}>{r.projectCode} · {r.regionName}</Typography.Text></div>
        </>
      ),
    },
    { title: t('col.owner'), dataIndex: 'owner', width: 180, responsive: ['lg'], render: (v: string | null) => v ?? '—' },
    {
      title: t('col.deadline'), dataIndex: 'deadline', width: 150,
      render: (d: string, r) => (
        <span style={{ whiteSpace: 'nowrap' }}>
          <DateText value={d} />
          {r.overdue && view !== 'review' && <Tag color="red" style={{ marginInlineStart: 6 }}>{t('reports.overdue')}</Tag>}
        </span>
      ),
    },
    { title: t('col.status'), dataIndex: 'status', width: 90, render: (s: ReportListItem['status']) => <ReportStatusTag status={s} /> },
  ];
  if (view === 'due') {
    columns.push({
      title: t('col.returnReason'), dataIndex: 'returnReason', width: 220, responsive: ['md'],
      render: (v: string | null) => (v ? <Typography.Text type="danger">{v}</Typography.Text> : '—'),
    });
  } else {
    columns.push(
      { title: t('col.investment'), dataIndex: 'investment', width: 130, align: 'right', render: (v: string | null) => <Money value={v} /> },
      { title: t('col.fundsArrived'), dataIndex: 'fundsArrived', width: 130, align: 'right', responsive: ['md'], render: (v: string | null) => <Money value={v} /> },
      { title: t('col.submittedAt'), dataIndex: 'submittedAt', width: 160, responsive: ['xxl'], render: (v: string | null) => formatDateTime(v) },
    );
  }
  columns.push({
    title: t('col.actions'), key: 'actions', width: 90, fixed: screens.md ? 'right' : undefined,
    render: (_: unknown, r) => (
      <Button type={view === 'all' ? 'link' : 'primary'} size="small" onClick={() => navigate(reportHref(r.projectId, r.periodId))}>
        {action}
      </Button>
    ),
  });

  return (
    <Table<ReportListItem>
      rowKey={(r) => `${r.projectId}/${r.periodId}`}
      size="middle"
      loading={loading}
      columns={columns}
      dataSource={items}
      pagination={items.length > 50 ? { pageSize: 50, showSizeChanger: false } : false}
      scroll={{ x: 'max-content' }}
      locale={{ emptyText: t(`reports.empty.${view}`) }}
    />
  );
}
