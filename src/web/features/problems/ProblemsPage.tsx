// 问题直通车: the roadblocks in the caller's view. A department user starts at what waits for its
// acceptance (待我受理), then what it has in hand (办理中), then all. Filters and tab live in the URL.
import { BarChartOutlined, FileExcelOutlined, SettingOutlined, FileWordOutlined, PlusOutlined } from '@ant-design/icons';
import { Badge, Button, Card, Checkbox, Flex, Input, Select, Space, Tabs } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { ESCALATION_LEVELS, PROBLEM_CATEGORIES, PROBLEM_SEVERITIES, PROBLEM_STATUSES, type ProblemCategory, type ProblemSeverity } from '../../../domain/problems.ts';
import { useCurrentUser } from '../../app/auth.tsx';
import { EDITOR_ROLES } from '../../app/permissions.ts';
import ErrorAlert from '../../components/ErrorAlert.tsx';
import OrgSelect from '../../components/OrgSelect.tsx';
import RegionTreeSelect from '../../components/RegionTreeSelect.tsx';
import { useUrlParams } from '../reporting/parts.tsx';
import { NS } from './i18n.ts';
import { OFFICE_ROLES, READ_ONLY_ROLES } from './parts.tsx';
import { dispatchUrl, useProblemList, type ProblemFilters } from './problems.api.ts';
import ProblemTable, { PAGE_SIZE } from './ProblemTable.tsx';
import RaiseProblemModal from './RaiseProblemModal.tsx';

type View = 'mine' | 'handling' | 'all';

export default function ProblemsPage() {
  const { t } = useTranslation(NS);
  const user = useCurrentUser();
  const [params, setParam] = useUrlParams();
  const [raising, setRaising] = useState(false);
  const dept = user.role === 'department' && user.orgId ? user.orgId : null;
  const views: View[] = dept ? ['mine', 'handling', 'all'] : ['all'];
  const asked = params.get('view') as View | null;
  const view: View = asked && views.includes(asked) ? asked : views[0]!;
  const page = Number(params.get('page') ?? 1) || 1;
  const office = OFFICE_ROLES.includes(user.role);

  const filters: ProblemFilters = {
    status: params.get('status')?.split(',').filter(Boolean),
    category: (params.get('category') as ProblemCategory | null) ?? undefined,
    severity: (params.get('severity') as ProblemSeverity | null) ?? undefined,
    departmentId: params.get('departmentId') ?? undefined,
    minLevel: params.get('minLevel') ? Number(params.get('minLevel')) : undefined,
    overdue: params.get('overdue') === 'true' || undefined,
    region: params.get('region') ?? undefined,
    q: params.get('q') ?? undefined,
    page,
    pageSize: PAGE_SIZE,
  };
  const mineQ: ProblemFilters = { departmentId: dept ?? undefined, status: ['open', 'reopened'], pageSize: PAGE_SIZE, page: view === 'mine' ? page : 1, sort: 'dueDate' };
  const handlingQ: ProblemFilters = { departmentId: dept ?? undefined, status: ['accepted'], pageSize: PAGE_SIZE, page: view === 'handling' ? page : 1, sort: 'dueDate' };
  const mine = useProblemList(mineQ, !!dept);
  const handling = useProblemList(handlingQ, !!dept);
  const all = useProblemList(filters, view === 'all');
  const current = view === 'mine' ? mine : view === 'handling' ? handling : all;

  const setFilter = (k: string, v: string | undefined) => {
    setParam(k, v);
    if (k !== 'page') setParam('page', undefined);
  };
  const tabLabel = (v: View) => {
    const n = v === 'mine' ? mine.data?.total : v === 'handling' ? handling.data?.total : undefined;
    return (
      <span>
        {t(`tabs.${v}`)}
        {n ? <Badge count={n} size="small" overflowCount={999} style={{ marginInlineStart: 6 }} color={v === 'mine' ? 'red' : 'blue'} /> : null}
      </span>
    );
  };

  return (
    <Card
      title={t('title')}
      extra={
        <Space wrap>
          <Link to="/problems/stats"><Button icon={<BarChartOutlined />}>{t('statsLink')}</Button></Link>
          {EDITOR_ROLES.includes(user.role) && (
            <Link to="/problems/settings"><Button icon={<SettingOutlined />}>{t('settingsLink')}</Button></Link>
          )}
          {office && (
            <>
              <Button icon={<FileWordOutlined />} href={dispatchUrl('docx', filters.region)}>{t('dispatchDocx')}</Button>
              <Button icon={<FileExcelOutlined />} href={dispatchUrl('xlsx', filters.region)}>{t('dispatchXlsx')}</Button>
            </>
          )}
          {!READ_ONLY_ROLES.includes(user.role) && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setRaising(true)}>{t('raise')}</Button>
          )}
        </Space>
      }
    >
      {views.length > 1 && (
        <Tabs activeKey={view} onChange={(k) => { setParam('view', k); setParam('page', undefined); }} items={views.map((v) => ({ key: v, label: tabLabel(v) }))} />
      )}
      {view === 'all' && <Filters params={params} onChange={setFilter} />}
      {current.error && <ErrorAlert error={current.error} onRetry={() => void current.refetch()} style={{ marginBottom: 16 }} />}
      <ProblemTable
        items={current.data?.items ?? []}
        loading={current.isLoading}
        empty={t(`empty.${view}`)}
        pagination={{ current: page, total: current.data?.total ?? 0, onChange: (p) => setParam('page', p > 1 ? String(p) : undefined) }}
      />
      <RaiseProblemModal open={raising} onClose={() => setRaising(false)} />
    </Card>
  );
}

function Filters({ params, onChange }: { params: URLSearchParams; onChange: (k: string, v: string | undefined) => void }) {
  const { t } = useTranslation(NS);
  const [q, setQ] = useState(params.get('q') ?? '');
  const hasAny = ['status', 'category', 'severity', 'departmentId', 'minLevel', 'overdue', 'region', 'q'].some((k) => params.get(k));
  return (
    <Flex wrap gap={8} style={{ marginBottom: 16 }}>
      <Input.Search
        aria-label={t('filter.q')}
        placeholder={t('filter.q')}
        style={{ width: 240 }}
        allowClear
        value={q}
        onChange={(e) => setQ(e.target.value)}
        onSearch={(v) => onChange('q', v.trim() || undefined)}
      />
      <Select
        aria-label={t('filter.status')}
        mode="multiple"
        style={{ minWidth: 160 }}
        placeholder={t('filter.status')}
        allowClear
        value={params.get('status')?.split(',').filter(Boolean) ?? []}
        onChange={(v: string[]) => onChange('status', v.length ? v.join(',') : undefined)}
        options={PROBLEM_STATUSES.map((s) => ({ value: s, label: t(`enum.status.${s}`) }))}
      />
      <Select
        aria-label={t('filter.category')}
        style={{ width: 130 }}
        placeholder={t('filter.category')}
        allowClear
        value={params.get('category') ?? undefined}
        onChange={(v: string | undefined) => onChange('category', v)}
        options={PROBLEM_CATEGORIES.map((c) => ({ value: c, label: t(`enum.category.${c}`) }))}
      />
      <Select
        aria-label={t('filter.severity')}
        style={{ width: 110 }}
        placeholder={t('filter.severity')}
        allowClear
        value={params.get('severity') ?? undefined}
        onChange={(v: string | undefined) => onChange('severity', v)}
        options={PROBLEM_SEVERITIES.map((s) => ({ value: s, label: t(`enum.severity.${s}`) }))}
      />
      <OrgSelect
        kind="department"
        aria-label={t('filter.department')}
        placeholder={t('filter.department')}
        style={{ width: 200 }}
        value={params.get('departmentId')}
        onChange={(id) => onChange('departmentId', id)}
      />
      <Select
        aria-label={t('filter.level')}
        style={{ width: 170 }}
        placeholder={t('filter.level')}
        allowClear
        value={params.get('minLevel') ?? undefined}
        onChange={(v: string | undefined) => onChange('minLevel', v)}
        options={ESCALATION_LEVELS.filter((l) => l > 0).map((l) => ({ value: String(l), label: `≥ ${l} · ${t(`enum.level.${l}`)}` }))}
      />
      <RegionTreeSelect
        aria-label={t('filter.region')}
        placeholder={t('filter.region')}
        style={{ width: 180 }}
        value={params.get('region')}
        onChange={(code) => onChange('region', code)}
      />
      <Checkbox checked={params.get('overdue') === 'true'} onChange={(e) => onChange('overdue', e.target.checked ? 'true' : undefined)} style={{ alignSelf: 'center' }}>
        {t('filter.overdueOnly')}
      </Checkbox>
      {hasAny && (
        <Button type="link" onClick={() => { for (const k of ['status', 'category', 'severity', 'departmentId', 'minLevel', 'overdue', 'region', 'q']) onChange(k, undefined); setQ(''); }}>
          {t('filter.reset')}
        </Button>
      )}
    </Flex>
  );
}
