// 操作日志: every change, who made it and when; filters live in the URL so a view can be shared.
import { useMemo, useState } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { Button, Card, Flex, Input, Select, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { formatDateTime } from '../../components/DateText.tsx';
import ErrorAlert from '../../components/ErrorAlert.tsx';
import { AUDIT_ACTIONS, AUDIT_ENTITIES, NS } from './i18n.ts';
import { useAudit, type AuditEntry, type AuditFilters } from './admin.api.ts';
import AuditDiff, { useFieldLabel } from './AuditDiff.tsx';
import { diffSnapshots } from './auditDiff.ts';

/** A bare record id tells a reader nothing; names (in `note`) and project links do. */
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-/i;

const ACTION_COLORS: Record<string, string> = { created: 'green', imported: 'green', deleted: 'red', disabled: 'red', revoked: 'red', login_failed: 'orange' };

export default function AuditPage() {
  const { t } = useTranslation(NS);
  const fieldLabel = useFieldLabel();
  const [params, setParams] = useSearchParams();
  const filters: AuditFilters = {
    entityType: params.get('entityType') || undefined,
    action: params.get('action') || undefined,
    username: params.get('username') || undefined,
  };
  const [username, setUsername] = useState(filters.username ?? '');
  const audit = useAudit(filters);
  const entries = useMemo(() => audit.data?.pages.flatMap((p) => p.items) ?? [], [audit.data]);

  const setFilter = (key: keyof AuditFilters, value: string | undefined) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next, { replace: true });
  };

  const actionLabel = (a: string) => t(`audit.action.${a}`, { defaultValue: a });
  const entityLabel = (e: string) => t(`audit.entity.${e}`, { defaultValue: e });
  const actionOptions = AUDIT_ACTIONS.map((a) => ({ value: a, label: actionLabel(a) }));

  const columns: TableColumnsType<AuditEntry> = [
    { title: t('audit.col.at'), dataIndex: 'at', width: 170, render: (v: string) => <span className="tj-num">{formatDateTime(v)}</span> },
    { title: t('audit.col.username'), dataIndex: 'username', width: 110, render: (v: string | null) => v ?? '—' },
    {
      title: t('audit.col.action'), dataIndex: 'action', width: 140,
      render: (a: string) => <Tag color={ACTION_COLORS[a.split('.')[1] ?? '']}>{actionLabel(a)}</Tag>,
    },
    {
      title: t('audit.col.object'), key: 'object', width: 260,
      render: (_: unknown, e) => (
        <span>
          <Typography.Text type="secondary">{entityLabel(e.entityType)} </Typography.Text>
          {e.entityType === 'batch' && e.entityId && !e.projectId && <Link to={`/batches/${e.entityId}`}>{t('audit.openBatch')} </Link>}
          {e.projectId
            ? <Link to={`/projects/${e.projectId}`}>{[e.projectCode, e.projectName].filter(Boolean).join(' ') || e.projectId}</Link>
            : e.note ?? (e.entityId && !UUID.test(e.entityId) ? e.entityId : '')}
        </span>
      ),
    },
    {
      title: t('audit.col.changes'), key: 'changes', responsive: ['md'],
      render: (_: unknown, e) => {
        const keys = diffSnapshots(e.before, e.after).map((r) => (r.key ? fieldLabel(r.key) : ''));
        const named = keys.filter(Boolean);
        return named.length ? <Typography.Text ellipsis style={{ maxWidth: 360 }}>{named.join('、')}</Typography.Text> : '—';
      },
    },
    {
      title: t('audit.col.note'), dataIndex: 'note', responsive: ['lg'],
      render: (v: string | null, e) => (e.projectId && v ? <Typography.Text ellipsis style={{ maxWidth: 240 }}>{v}</Typography.Text> : '—'),
    },
  ];

  return (
    <Card title={t('audit.title')}>
      <Flex wrap gap={12} style={{ marginBottom: 16 }}>
        <Select<string>
          allowClear
          aria-label={t('audit.filter.entityType')}
          placeholder={t('audit.filter.entityType')}
          value={filters.entityType}
          onChange={(v) => setFilter('entityType', v)}
          options={AUDIT_ENTITIES.map((e) => ({ value: e, label: entityLabel(e) }))}
          style={{ width: 160 }}
        />
        <Select<string>
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          aria-label={t('audit.filter.action')}
          placeholder={t('audit.filter.action')}
          value={filters.action}
          onChange={(v) => setFilter('action', v)}
          options={actionOptions}
          style={{ width: 200 }}
        />
        <Input.Search
          allowClear
          aria-label={t('audit.filter.username')}
          placeholder={t('audit.filter.usernamePlaceholder')}
          value={username}
          onChange={(e) => {
            setUsername(e.target.value);
            if (!e.target.value) setFilter('username', undefined);
          }}
          onSearch={(v) => setFilter('username', v.trim() || undefined)}
          style={{ width: 200 }}
        />
        {(filters.entityType || filters.action || filters.username) && (
          <Button onClick={() => { setUsername(''); setParams(new URLSearchParams(), { replace: true }); }}>{t('audit.filter.reset')}</Button>
        )}
      </Flex>
      {audit.error && <ErrorAlert error={audit.error} onRetry={() => void audit.refetch()} style={{ marginBottom: 16 }} />}
      <Table<AuditEntry>
        rowKey="id"
        size="small"
        loading={audit.isLoading}
        columns={columns}
        dataSource={entries}
        pagination={false}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: t('audit.empty') }}
        expandable={{
          expandedRowRender: (e) => <AuditDiff entry={e} />,
          rowExpandable: (e) => e.before != null || e.after != null,
        }}
      />
      <Flex justify="center" align="center" gap={12} style={{ marginTop: 16 }}>
        {entries.length > 0 && <Typography.Text type="secondary">{t('audit.count', { count: entries.length })}</Typography.Text>}
        {audit.hasNextPage ? (
          <Button loading={audit.isFetchingNextPage} onClick={() => void audit.fetchNextPage()}>{t('audit.loadMore')}</Button>
        ) : entries.length > 0 && <Typography.Text type="secondary">{t('audit.noMore')}</Typography.Text>}
      </Flex>
    </Card>
  );
}
