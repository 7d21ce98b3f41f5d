// 台账: the filtered, sorted, paged list of key projects with the totals of the filtered set.
import { DownloadOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Card, Empty, Grid, Pagination, Space, Table, Typography } from 'antd';
import type { TableProps } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import type { Project } from '../../api/types.ts';
import { useCurrentUser } from '../../app/auth.tsx';
import { canCreateProjects } from '../../app/permissions.ts';
import DateText from '../../components/DateText.tsx';
import ErrorAlert from '../../components/ErrorAlert.tsx';
import Money from '../../components/Money.tsx';
import StageTag from '../../components/StageTag.tsx';
import { useEnumLabel } from '../../i18n/labels.ts';
import LedgerFilters from './LedgerFilters.tsx';
import { ColumnChooser, useLedgerColumns, useVisibleColumns } from './ledgerColumns.tsx';
import { apiParams, exportHref, useLedgerView, type SortField } from './ledgerQuery.ts';
import { useProjectList } from './projects.api.ts';

function TotalsBar({ count, totalInvestment, annualPlan, year }: { count: number; totalInvestment: string; annualPlan: string; year: number }) {
  const { t } = useTranslation();
  return (
    <div className="tj-totals" role="status" aria-live="polite">
      <span className="tj-totals-item">
        <span className="tj-totals-label">{t('ledger.totalsCount')}</span>
        <span className="tj-totals-value tj-num">{t('ledger.countValue', { count })}</span>
      </span>
      <span className="tj-totals-item">
        <span className="tj-totals-label">{t('ledger.totalsInvestment')}</span>
        <span className="tj-totals-value"><Money value={totalInvestment} /></span>
      </span>
      <span className="tj-totals-item">
        <span className="tj-totals-label">{t('ledger.totalsAnnual', { year })}</span>
        <span className="tj-totals-value"><Money value={annualPlan} /></span>
      </span>
    </div>
  );
}

/** Phones get cards instead of the wide table. */
function ProjectCards({ items, onOpen }: { items: Project[]; onOpen: (p: Project) => void }) {
  const { t } = useTranslation();
  const label = useEnumLabel();
  return (
    <Space orientation="vertical" size={8} style={{ width: '100%' }}>
      {items.map((p) => (
        <Card key={p.id} size="small" hoverable onClick={() => onOpen(p)} styles={{ body: { padding: 12 } }}>
          <div style={{ display: 'flex', justifyContent: 'space-between', gap: 8 }}>
            <Link to={`/projects/${p.id}`} style={{ fontWeight: 600, lineHeight: 1.4 }} onClick={(e) => e.stopPropagation()}>
              {p.name}
            </Link>
            <StageTag stage={p.stage} />
          </div>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {p.code} · {p.regionName} · {label('level', p.level)} · {label('industry', p.industry)}
          </Typography.Text>
          <div style={{ display: 'flex', flexWrap: 'wrap', gap: '2px 16px', marginTop: 6, fontSize: 13 }}>
            <span>{t('field.totalInvestment')}：<Money value={p.totalInvestment} exactTip={false} /></span>
            <span>{t('field.annualPlan')}：<Money value={p.annualPlan} exactTip={false} /></span>
            <span>{t('field.leaderName')}：{p.leaderName ?? '—'}</span>
            <span>{t('field.plannedStart')}：<DateText value={p.plannedStart} month /></span>
          </div>
        </Card>
      ))}
    </Space>
  );
}

export default function LedgerPage() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const navigate = useNavigate();
  const screens = Grid.useBreakpoint();
  const phone = screens.md === false;
  const { view, update, clearFilters } = useLedgerView();
  const list = useProjectList(apiParams(view.params, true));
  const columns = useLedgerColumns(view.year);
  const { visible, keys, save } = useVisibleColumns(columns);

  useEffect(() => {
    document.title = `${t('menu.ledger')} · ${t('app.fullName')}`;
  }, [t]);

  const open = (p: Project) => navigate(`/projects/${p.id}`);

  const tableColumns: TableProps<Project>['columns'] = visible.map((c) => ({
    key: c.key,
    title: c.title,
    width: c.width,
    align: c.align,
    fixed: c.key === 'name' && !phone ? 'start' : undefined,
    sorter: c.sortField ? true : undefined,
    sortOrder: c.sortField && view.sort === c.sortField ? (view.order === 'desc' ? 'descend' : 'ascend') : null,
    render: (_: unknown, p: Project) => c.render(p),
    ellipsis: c.key === 'responsibleUnit' || c.key === 'owner' || c.key === 'industry' ? { showTitle: true } : undefined,
  }));

  const onTableChange: TableProps<Project>['onChange'] = (pagination, _filters, sorter) => {
    const s = Array.isArray(sorter) ? sorter[0] : sorter;
    const col = visible.find((c) => c.key === s?.columnKey);
    const sortField: SortField | undefined = s?.order && col?.sortField ? col.sortField : undefined;
    const sortChanged = sortField !== view.sort || (s?.order === 'descend' ? 'desc' : 'asc') !== (view.order ?? 'asc');
    update(
      {
        sort: sortField,
        order: sortField ? (s?.order === 'descend' ? 'desc' : 'asc') : undefined,
        page: sortChanged ? undefined : String(pagination.current ?? 1),
        pageSize: pagination.pageSize && pagination.pageSize !== 20 ? String(pagination.pageSize) : undefined,
      },
      true,
    );
  };

  const data = list.data;
  return (
    <div>
      <div className="tj-page-head">
        <Typography.Title level={4}>{t('ledger.title')}</Typography.Title>
        <Space wrap>
          {!phone && <ColumnChooser columns={columns} keys={keys} onChange={save} />}
          <Button icon={<DownloadOutlined />} href={exportHref(view.params)}>
            {t('ledger.export')}
          </Button>
          {canCreateProjects(user.role) && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => navigate('/projects/new')}>
              {t('ledger.create')}
            </Button>
          )}
        </Space>
      </div>
      <LedgerFilters view={view} update={update} clearFilters={clearFilters} compact={phone} />
      {list.error && <ErrorAlert error={list.error} onRetry={() => void list.refetch()} style={{ marginBottom: 12 }} />}
      {data && <TotalsBar {...data.totals} year={view.year} />}
      {phone ? (
        <>
          {data && data.items.length === 0 && <Empty description={t('ledger.empty')} />}
          {data && <ProjectCards items={data.items} onOpen={open} />}
          {data && data.total > data.pageSize && (
            <Pagination
              simple
              style={{ marginTop: 12, textAlign: 'center' }}
              current={view.page}
              pageSize={view.pageSize}
              total={data.total}
              onChange={(page) => update({ page: String(page) }, true)}
            />
          )}
        </>
      ) : (
        <Table<Project>
          rowKey="id"
          size="small"
          bordered
          loading={list.isFetching}
          columns={tableColumns}
          dataSource={data?.items ?? []}
          onChange={onTableChange}
          onRow={(p) => ({ onClick: () => open(p), className: 'tj-clickable-row' })}
          scroll={{ x: visible.reduce((sum, c) => sum + (c.width ?? 120), 0) }}
          sticky={{ offsetHeader: 56 }}
          locale={{ emptyText: <Empty description={t('ledger.empty')} /> }}
          pagination={{
            current: view.page,
            pageSize: view.pageSize,
            total: data?.total ?? 0,
            showSizeChanger: true,
            pageSizeOptions: [20, 50, 100, 200],
            showTotal: (total) => t('ledger.pageTotal', { total }),
          }}
        />
      )}
    </div>
  );
}
