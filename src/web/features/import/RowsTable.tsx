// Row by row: what the import will do with each project, and which fields change.
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Card, Grid, Segmented, Table, Tag, Typography } from 'antd';
import type { ImportPreview } from '../../../contract/ledger.ts';
import { NS } from './i18n.ts';

type Row = ImportPreview['rows'][number];
type Action = Row['action'];

const ACTION_COLORS: Record<Action, string> = { create: 'green', update: 'blue', unchanged: 'default', error: 'red' };
const ACTIONS: Action[] = ['create', 'update', 'unchanged', 'error'];

export default function RowsTable({ preview }: { preview: ImportPreview }) {
  const { t } = useTranslation(NS);
  const [filter, setFilter] = useState<Action | 'all'>('all');
  const wide = Grid.useBreakpoint().md ?? true;
  const counts = useMemo(() => {
    const c: Record<Action, number> = { create: 0, update: 0, unchanged: 0, error: 0 };
    for (const r of preview.rows) c[r.action] += 1;
    return c;
  }, [preview.rows]);
  const shown = filter === 'all' ? preview.rows : preview.rows.filter((r) => r.action === filter);
  const empty = t('rows.empty');

  const renderChanges = (r: Row) => {
    if (!r.changes?.length) return r.action === 'create' ? <Typography.Text type="secondary">{t('rows.newProject')}</Typography.Text> : '—';
    return (
      <div style={{ display: 'grid', gap: 2 }}>
        {r.changes.map((c) => (
          <div key={c.field}>
            <Typography.Text type="secondary">{t(`fields.${c.field}`)}：</Typography.Text>
            {r.action === 'update' && (
              <>
                <Typography.Text delete={c.before != null}>{c.before ?? empty}</Typography.Text>
                {' → '}
              </>
            )}
            <Typography.Text strong>{c.after ?? empty}</Typography.Text>
          </div>
        ))}
      </div>
    );
  };

  return (
    <Card size="small" title={t('rows.title')}>
      <Segmented<Action | 'all'>
        style={{ marginBottom: 12, maxWidth: '100%', overflowX: 'auto' }}
        value={filter}
        onChange={setFilter}
        options={[
          { value: 'all', label: `${t('rows.filterAll')} ${preview.rows.length}` },
          ...ACTIONS.filter((a) => counts[a] > 0).map((a) => ({ value: a, label: `${t(`rows.action.${a}`)} ${counts[a]}` })),
        ]}
      />
      {preview.rowCount > preview.rows.length && (
        <Typography.Paragraph type="secondary">
          {t('rows.truncated', { shown: preview.rows.length, count: preview.rowCount })}
        </Typography.Paragraph>
      )}
      <Table<Row>
        rowKey="row"
        size="small"
        dataSource={shown}
        pagination={shown.length > 20 ? { pageSize: 20, showSizeChanger: true, size: 'small' } : false}
        scroll={wide ? { x: 'max-content' } : undefined}
        columns={[
          { title: t('rows.col.row'), dataIndex: 'row', width: 64 },
          { title: t('rows.col.code'), dataIndex: 'code', width: 130, responsive: ['md'], render: (v: string | null) => v ?? '—' },
          { title: t('rows.col.name'), dataIndex: 'name', width: wide ? 200 : undefined, render: (v: string | null) => v ?? '—' },
          {
            title: t('rows.col.action'), dataIndex: 'action', width: 90,
            render: (a: Action) => <Tag color={ACTION_COLORS[a]}>{t(`rows.action.${a}`)}</Tag>,
          },
          { title: t('rows.col.changes'), key: 'changes', render: (_: unknown, r) => renderChanges(r) },
        ]}
      />
    </Card>
  );
}
