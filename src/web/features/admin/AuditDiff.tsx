// The before → after of one audit entry, field by field, with the raw snapshots on demand.
import { useTranslation } from 'react-i18next';
import { Collapse, Table, Typography } from 'antd';
import { useEnumLabel, type EnumKind } from '../../i18n/labels.ts';
import { NS } from './i18n.ts';
import { diffSnapshots, type DiffRow } from './auditDiff.ts';
import type { AuditEntry } from './admin.api.ts';

/** Fields whose values are codes of a closed vocabulary, shown by their label. */
const ENUM_FIELDS: Record<string, EnumKind> = {
  stage: 'stage', fromStage: 'stage', toStage: 'stage', pausedFrom: 'stage', level: 'level', category: 'category',
  industry: 'industry', role: 'role', season: 'season', reserveGrade: 'reserveGrade',
};

export function useFieldLabel() {
  const { t } = useTranslation(NS);
  return (key: string) => t([`audit.fields.${key}`, `translation:field.${key}`], { defaultValue: key });
}

export default function AuditDiff({ entry }: { entry: AuditEntry }) {
  const { t } = useTranslation(NS);
  const enumLabel = useEnumLabel();
  const fieldLabel = useFieldLabel();
  const rows = diffSnapshots(entry.before, entry.after);
  const empty = <Typography.Text type="secondary">{t('audit.diff.empty')}</Typography.Text>;

  const show = (key: string, v: unknown) => {
    if (v === null || v === undefined || v === '') return empty;
    if (typeof v === 'boolean') return v ? t('translation:common.yes') : t('translation:common.no');
    if (typeof v === 'string' || typeof v === 'number') {
      const kind = key === 'kind' && entry.entityType === 'batch' ? 'batchKind' : ENUM_FIELDS[key];
      return kind ? enumLabel(kind, String(v)) : String(v);
    }
    if (Array.isArray(v) && v.every((x) => typeof x === 'string' || typeof x === 'number')) return v.join('、') || empty;
    if (Array.isArray(v)) return t('audit.diff.rows', { count: v.length });
    return <Typography.Text code style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-all' }}>{JSON.stringify(v)}</Typography.Text>;
  };

  return (
    <div style={{ maxWidth: 960 }}>
      {rows.length === 0 ? (
        <Typography.Text type="secondary">{t('audit.diff.none')}</Typography.Text>
      ) : (
        <Table<DiffRow>
          rowKey="key"
          size="small"
          pagination={false}
          dataSource={rows}
          scroll={{ x: 'max-content' }}
          columns={[
            { title: t('audit.diff.field'), dataIndex: 'key', width: 140, render: (k: string) => (k ? fieldLabel(k) : '—') },
            {
              title: t('audit.diff.before'), dataIndex: 'before',
              render: (v: unknown, r) => <Typography.Text delete={v != null && v !== ''} type="secondary">{show(r.key, v)}</Typography.Text>,
            },
            { title: t('audit.diff.after'), dataIndex: 'after', render: (v: unknown, r) => <Typography.Text strong>{show(r.key, v)}</Typography.Text> },
          ]}
        />
      )}
      <Collapse
        ghost
        size="small"
        items={[{
          key: 'raw',
          label: t('audit.diff.raw'),
          children: (
            <pre style={{ fontSize: 12, maxHeight: 320, overflow: 'auto', margin: 0, whiteSpace: 'pre-wrap', wordBreak: 'break-all' }}>
              {JSON.stringify({ before: entry.before ?? null, after: entry.after ?? null }, null, 2)}
            </pre>
          ),
        }]}
      />
    </div>
  );
}
