// Which column of the file feeds which ledger field; unrecognised ones can be mapped by hand.
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert, Button, Card, Grid, Select, Space, Table, Tag } from 'antd';
import { ReloadOutlined } from '@ant-design/icons';
import type { ImportMapping, ImportPreview, LedgerField } from '../../../contract/ledger.ts';
import { LEDGER_FIELD_KEYS, NS } from './i18n.ts';

type Header = ImportPreview['headers'][number];

interface Props {
  headers: Header[];
  mapping: ImportMapping;
  onChange: (mapping: ImportMapping) => void;
  dirty: boolean;
  checking: boolean;
  onRecheck: () => void;
}

/** The field a column ends up with: the user's choice if any, else what the server recognised. */
export function effectiveField(h: Header, mapping: ImportMapping): LedgerField | null {
  if (h.header in mapping) return mapping[h.header] || null;
  return h.field;
}

export default function HeaderMapping({ headers, mapping, onChange, dirty, checking, onRecheck }: Props) {
  const { t } = useTranslation(NS);
  const wide = Grid.useBreakpoint().sm ?? true;
  const unrecognized = headers.filter((h) => !effectiveField(h, mapping)).length;
  const recognized = headers.length - unrecognized;

  const duplicates = useMemo(() => {
    const byField = new Map<LedgerField, string[]>();
    for (const h of headers) {
      const f = effectiveField(h, mapping);
      if (f) byField.set(f, [...(byField.get(f) ?? []), h.header]);
    }
    return [...byField].filter(([, hs]) => hs.length > 1);
  }, [headers, mapping]);

  const options = [
    { value: '', label: t('headers.ignore') },
    ...LEDGER_FIELD_KEYS.map((f) => ({ value: f, label: t(`fields.${f}`) })),
  ];

  // Unrecognised columns first: they are the ones that need a decision.
  const sorted = [...headers].sort((a, b) => Number(!!a.field) - Number(!!b.field));

  return (
    <Card
      size="small"
      title={t('headers.title', { recognized, total: headers.length })}
    >
      <Space orientation="vertical" size={8} style={{ width: '100%' }}>
        {unrecognized > 0 && <Alert type="warning" showIcon title={t('headers.unrecognizedAlert', { count: unrecognized })} />}
        {duplicates.map(([f, hs]) => (
          <Alert key={f} type="error" showIcon title={t('headers.duplicate', { field: t(`fields.${f}`), headers: hs.join('、') })} />
        ))}
        {dirty && (
          <Alert
            type="info"
            showIcon
            title={t('headers.changed')}
            action={
              <Button icon={<ReloadOutlined />} type="primary" size="small" loading={checking} onClick={onRecheck}>
                {t('headers.recheck')}
              </Button>
            }
          />
        )}
        <Table<Header>
          rowKey={(h) => `${h.column}:${h.header}`}
          size="small"
          dataSource={sorted}
          pagination={false}
          scroll={{ x: 'max-content', y: 360 }}
          columns={[
            { title: t('headers.col.column'), dataIndex: 'column', width: 56, responsive: ['sm'] },
            { title: t('headers.col.header'), dataIndex: 'header', width: wide ? 200 : 120 },
            {
              title: t('headers.col.field'), key: 'field', width: wide ? 240 : 180,
              render: (_: unknown, h) => (
                <Select<string>
                  style={{ width: wide ? 220 : 170 }}
                  status={effectiveField(h, mapping) ? undefined : 'warning'}
                  placeholder={t('headers.selectPlaceholder')}
                  value={h.header in mapping ? (mapping[h.header] ?? '') : (h.field ?? undefined)}
                  options={options}
                  showSearch={{ optionFilterProp: 'label' }}
                  onChange={(v) => onChange({ ...mapping, [h.header]: (v || '') as LedgerField | '' })}
                />
              ),
            },
            {
              title: t('headers.col.source'), dataIndex: 'source', width: 100, responsive: ['md'],
              render: (s: Header['source']) => (s ? <Tag color={s === 'auto' ? 'green' : 'blue'}>{t(`headers.source.${s}`)}</Tag> : '—'),
            },
          ]}
        />
      </Space>
    </Card>
  );
}
