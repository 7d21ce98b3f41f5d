// One card tab made of rows (team, procedures, factor needs, milestones): a read-only table, and
// an edit mode where the whole tab is edited and saved at once (PUT replaces the tab's rows).
import { DeleteOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import { App as AntApp, Button, Empty, Form, Input, Select, Space, Table, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { applyFieldErrors } from '../../../components/formErrors.ts';
import DateInput from '../../../components/DateInput.tsx';
import ErrorAlert from '../../../components/ErrorAlert.tsx';
import { useReplaceRows, type RowsTab } from '../projects.api.ts';

type Row = Record<string, unknown> & { id?: string };

export interface RowField<T extends Row> {
  key: keyof T & string;
  /** Header (already translated). */
  title: string;
  input: 'text' | 'select' | 'date' | 'number';
  options?: { value: string; label: string }[];
  required?: boolean;
  width?: number;
  placeholder?: (row: T | undefined) => string | undefined;
  /** Read-only rendering; defaults to the raw value. */
  render?: (row: T) => ReactNode;
}

export interface RowsEditorProps<T extends Row> {
  projectId: string;
  tab: RowsTab;
  tabLabel: string;
  rows: T[];
  fields: RowField<T>[];
  canEdit: boolean;
  newRow: () => Partial<T>;
  /** Rows that can be added in one click in edit mode (e.g. the usual procedures). */
  presets?: { label: string; rows: () => Partial<T>[] };
  /** Cleans a row before it is sent. */
  toPayload?: (row: T) => Record<string, unknown>;
  rowClassName?: (row: T) => string;
  header?: ReactNode;
}

const emptyToNull = (row: Row): Row =>
  Object.fromEntries(Object.entries(row).map(([k, v]) => [k, typeof v === 'string' && v.trim() === '' ? null : v]));

export default function RowsEditor<T extends Row>(props: RowsEditorProps<T>) {
  const { projectId, tab, tabLabel, rows, fields, canEdit } = props;
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const [editing, setEditing] = useState(false);
  const [form] = Form.useForm<{ items: T[] }>();
  const save = useReplaceRows<Record<string, unknown>>(projectId, tab);

  const start = () => {
    save.reset();
    form.setFieldsValue({ items: rows.map((r) => ({ ...r })) });
    setEditing(true);
  };

  const submit = async () => {
    try {
      await form.validateFields();
    } catch {
      return;
    }
    // getFieldsValue(true) keeps unregistered keys such as the row id, so rows keep their identity.
    const all = form.getFieldsValue(true) as { items?: T[] };
    const items = (all.items ?? []).map((r) => {
      const clean = emptyToNull(r) as T;
      return props.toPayload ? props.toPayload(clean) : clean;
    });
    save.mutate(items, {
      onSuccess: () => {
        void message.success(t('card.rows.saved', { tab: tabLabel }));
        setEditing(false);
      },
      onError: (e) => {
        applyFieldErrors(form, e);
      },
    });
  };

  const viewColumns: TableColumnsType<T> = fields.map((f) => ({
    key: f.key,
    title: f.title,
    width: f.width,
    render: (_: unknown, row: T) => (f.render ? f.render(row) : ((row[f.key] as ReactNode) ?? '—')),
  }));

  if (!editing) {
    return (
      <div>
        <div className="tj-page-head" style={{ marginBottom: 8 }}>
          <div>{props.header}</div>
          {canEdit && (
            <Button icon={<EditOutlined />} onClick={start}>
              {t('common.edit')}
            </Button>
          )}
        </div>
        <Table<T>
          rowKey={(r) => r.id ?? JSON.stringify(r)}
          size="small"
          bordered
          columns={viewColumns}
          dataSource={rows}
          pagination={false}
          scroll={{ x: 'max-content' }}
          rowClassName={props.rowClassName}
          locale={{ emptyText: <Empty description={canEdit ? t('card.rows.empty') : t('common.none')} /> }}
        />
      </div>
    );
  }

  return (
    <Form form={form} component={false}>
      <Form.List name="items">
        {(listFields, { add, remove }) => {
          const editColumns: TableColumnsType<(typeof listFields)[number]> = [
            ...fields.map((f) => ({
              key: f.key,
              title: f.required ? <span><span style={{ color: '#c8271e' }}>* </span>{f.title}</span> : f.title,
              width: f.width,
              render: (_: unknown, lf: (typeof listFields)[number]) => {
                const row = form.getFieldValue(['items', lf.name]) as T | undefined;
                const rules = f.required ? [{ required: true, message: t(f.input === 'select' ? 'common.selectRequired' : 'common.required', { field: f.title }) }] : [];
                const placeholder = f.placeholder?.(row);
                return (
                  <Form.Item name={[lf.name, f.key]} rules={rules} style={{ margin: 0 }}>
                    {f.input === 'select' ? (
                      <Select options={f.options} aria-label={f.title} style={{ minWidth: 110 }} popupMatchSelectWidth={false} />
                    ) : f.input === 'date' ? (
                      <DateInput aria-label={f.title} />
                    ) : (
                      <Input aria-label={f.title} placeholder={placeholder} inputMode={f.input === 'number' ? 'decimal' : undefined} />
                    )}
                  </Form.Item>
                );
              },
            })),
            {
              key: 'remove',
              title: t('common.actions'),
              width: 64,
              render: (_: unknown, lf: (typeof listFields)[number]) => (
                <Button type="text" danger icon={<DeleteOutlined />} aria-label={t('common.remove')} onClick={() => remove(lf.name)} />
              ),
            },
          ];
          return (
            <div>
              {save.error && <ErrorAlert error={save.error} style={{ marginBottom: 8 }} fieldLabel={(k) => fields.find((f) => f.key === k)?.title} />}
              <Table
                rowKey="key"
                size="small"
                bordered
                columns={editColumns}
                dataSource={listFields}
                pagination={false}
                scroll={{ x: 'max-content' }}
              />
              <div className="tj-page-head" style={{ marginTop: 12 }}>
                <Space wrap>
                  <Button icon={<PlusOutlined />} onClick={() => add(props.newRow())}>
                    {t('card.rows.addRow')}
                  </Button>
                  {props.presets && (
                    <Button onClick={() => props.presets!.rows().forEach((r) => add(r))}>{props.presets.label}</Button>
                  )}
                  <Typography.Text type="secondary">{t('card.rows.count', { count: listFields.length })}</Typography.Text>
                </Space>
                <Space>
                  <Button onClick={() => setEditing(false)}>{t('common.cancel')}</Button>
                  <Button type="primary" loading={save.isPending} onClick={() => void submit()}>
                    {t('common.save')}
                  </Button>
                </Space>
              </div>
            </div>
          );
        }}
      </Form.List>
    </Form>
  );
}
