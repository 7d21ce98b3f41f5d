// 问题办理设置 (office): the acceptance limit and the escalation ladder of a region, and the office's
// working-day adjustments of a year, which override the built-in national calendar (chinese-days).
import { ArrowLeftOutlined, DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Flex, Form, Input, InputNumber, Select, Table, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { z } from 'zod';
import type {
  ProblemSettingsDto, ProblemSettingsPut, WorkdayAdjustmentDto, WorkdayAdjustmentsPut, workdayAdjustmentList,
} from '../../../contract/problems.ts';
import { ApiError, get, put } from '../../api/client.ts';
import { useRegionTree } from '../../api/lookups.ts';
import type { RegionNode } from '../../api/types.ts';
import { useCurrentUser } from '../../app/auth.tsx';
import DateInput from '../../components/DateInput.tsx';
import ErrorAlert, { useErrorMessage } from '../../components/ErrorAlert.tsx';
import { applyFieldErrors } from '../../components/formErrors.ts';
import RegionTreeSelect from '../../components/RegionTreeSelect.tsx';
import { NS } from './i18n.ts';
import { appYear } from '../../app/clock.ts';

type AdjustmentList = z.infer<typeof workdayAdjustmentList>;
const KEY = ['problems', 'settings'] as const;
const YEARS = Array.from({ length: 5 }, (_, i) => appYear() + 1 - i);

/** The name of a region anywhere in the tree, walking it breadth-first. */
function nameIn(tree: RegionNode[], code: string): string | undefined {
  const queue = [...tree];
  for (let n = queue.shift(); n; n = queue.shift()) {
    if (n.code === code) return n.name;
    queue.push(...n.children);
  }
  return undefined;
}

function useProblemSettings(regionCode: string) {
  return useQuery({
    queryKey: [...KEY, 'region', regionCode],
    queryFn: ({ signal }) => get<ProblemSettingsDto>('/problem-settings', { regionCode }, signal),
  });
}

function useAdjustments(year: number) {
  return useQuery({
    queryKey: [...KEY, 'workdays', year],
    queryFn: ({ signal }) => get<AdjustmentList>('/workdays/adjustments', { year }, signal),
  });
}

function useSave<B, R>(path: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: B) => put<R>(path, body),
    // Due dates and overdue counts of the roadblocks follow these settings.
    onSuccess: () => void qc.invalidateQueries({ queryKey: ['problems'] }),
  });
}

export default function ProblemSettingsPage() {
  const { t } = useTranslation(NS);
  return (
    <>
      <Card
        title={t('settings.title')}
        style={{ marginBottom: 12 }}
        extra={<Link to="/problems"><Button icon={<ArrowLeftOutlined />}>{t('settings.back')}</Button></Link>}
      >
        <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>{t('settings.intro')}</Typography.Paragraph>
      </Card>
      <HandlingPanel />
      <WorkdaysPanel />
    </>
  );
}

interface HandlingValues {
  acceptDays: number;
  escalationDays: [number, number, number];
}

function HandlingPanel() {
  const { t } = useTranslation(NS);
  const { message } = App.useApp();
  const errorMessage = useErrorMessage();
  const user = useCurrentUser();
  const [regionCode, setRegionCode] = useState(user.regionCode);
  const settings = useProblemSettings(regionCode);
  const save = useSave<ProblemSettingsPut, ProblemSettingsDto>('/problem-settings');
  const [form] = Form.useForm<HandlingValues>();
  const s = settings.data;
  const tree = useRegionTree();

  useEffect(() => {
    if (s) form.setFieldsValue({ acceptDays: s.acceptDays, escalationDays: [s.escalationDays[0]!, s.escalationDays[1]!, s.escalationDays[2]!] });
  }, [s, form]);

  const [ladderError, setLadderError] = useState<string | null>(null);

  const onFinish = async (v: HandlingValues) => {
    setLadderError(null);
    try {
      await save.mutateAsync({ regionCode, acceptDays: v.acceptDays, escalationDays: v.escalationDays });
      message.success(t('settings.saved'));
    } catch (e) {
      applyFieldErrors(form, e);
      if (e instanceof ApiError) setLadderError(e.details.filter((d) => d.field === 'escalationDays').map((d) => d.message).join('；') || null);
      message.error(errorMessage(e));
    }
  };

  const levels = [1, 2, 3] as const;
  return (
    <Card size="small" title={t('settings.handling')} style={{ marginBottom: 12 }}>
      <RegionTreeSelect value={regionCode} onChange={(c) => c && setRegionCode(c)} allowClear={false} style={{ width: 260, marginBottom: 8 }} />
      {settings.error && <ErrorAlert error={settings.error} onRetry={() => void settings.refetch()} style={{ marginBottom: 12 }} />}
      {s && (
        <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
          {s.inheritedFrom == null
            ? t('settings.defaults')
            : s.inheritedFrom !== s.regionCode ? t('settings.inherited', { region: nameIn(tree.data ?? [], s.inheritedFrom) ?? s.inheritedFrom }) : t('settings.own', { region: s.regionName })}
        </Typography.Paragraph>
      )}
      <Form<HandlingValues> form={form} layout="vertical" onFinish={onFinish} disabled={!s}>
        <div style={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(200px, 1fr))', columnGap: 16 }}>
          <Form.Item name="acceptDays" label={t('settings.acceptDays')} extra={t('settings.acceptDaysHint')} rules={[{ required: true, message: t('settings.required') }]}>
            <InputNumber min={1} max={30} precision={0} suffix={t('settings.workdays')} style={{ width: '100%' }} />
          </Form.Item>
          {levels.map((lvl, i) => (
            <Form.Item
              key={lvl}
              name={['escalationDays', i]}
              label={t('settings.escalateTo', { level: t(`enum.level.${lvl}`) })}
              extra={t('settings.escalateHint')}
              dependencies={i > 0 ? [['escalationDays', i - 1]] : []}
              rules={[
                { required: true, message: t('settings.required') },
                ({ getFieldValue }) => ({
                  validator: (_, v: number | null) =>
                    i === 0 || v == null || getFieldValue(['escalationDays', i - 1]) == null || v >= getFieldValue(['escalationDays', i - 1])
                      ? Promise.resolve()
                      : Promise.reject(new Error(t('settings.notDecreasing'))),
                }),
              ]}
            >
              <InputNumber min={0} max={365} precision={0} suffix={t('settings.workdays')} style={{ width: '100%' }} />
            </Form.Item>
          ))}
        </div>
        {/* The server reports the ladder as a whole (逐级不减) under "escalationDays". */}
        {ladderError && <Typography.Text type="danger" style={{ display: 'block', marginBottom: 12 }}>{ladderError}</Typography.Text>}
        <Button type="primary" htmlType="submit" loading={save.isPending}>{t('settings.save')}</Button>
      </Form>
    </Card>
  );
}

interface AdjustmentRow {
  date: string | null;
  isWorkday: boolean;
  note?: string | null;
}

function WorkdaysPanel() {
  const { t } = useTranslation(NS);
  const { message } = App.useApp();
  const errorMessage = useErrorMessage();
  const [year, setYear] = useState(appYear());
  const list = useAdjustments(year);
  const save = useSave<WorkdayAdjustmentsPut, AdjustmentList>('/workdays/adjustments');
  const [form] = Form.useForm<{ items: AdjustmentRow[] }>();

  useEffect(() => {
    if (list.data) form.setFieldsValue({ items: list.data.items.map(({ date, isWorkday, note }) => ({ date, isWorkday, note })) });
  }, [list.data, form]);

  const onFinish = async (v: { items?: AdjustmentRow[] }) => {
    const items: WorkdayAdjustmentDto[] = (v.items ?? [])
      .map((r) => ({ date: r.date!, isWorkday: r.isWorkday, note: r.note?.trim() ? r.note.trim() : null }));
    try {
      await save.mutateAsync({ year, items });
      message.success(t('workdays.saved', { year, count: items.length }));
    } catch (e) {
      applyFieldErrors(form, e);
      message.error(errorMessage(e));
    }
  };

  return (
    <Card
      size="small"
      title={t('workdays.title')}
      extra={
        <Select
          aria-label={t('workdays.year')}
          style={{ width: 110 }}
          value={year}
          onChange={setYear}
          options={YEARS.map((y) => ({ value: y, label: t('workdays.yearLabel', { year: y }) }))}
        />
      }
    >
      <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>{t('workdays.intro')}</Typography.Paragraph>
      {list.error && <ErrorAlert error={list.error} onRetry={() => void list.refetch()} style={{ marginBottom: 12 }} />}
      <Form form={form} onFinish={onFinish} disabled={!list.data}>
        <Form.List name="items">
          {(fields, { add, remove }) => (
            <>
              <Table
                rowKey="key"
                size="small"
                loading={list.isLoading}
                dataSource={fields}
                pagination={false}
                locale={{ emptyText: t('workdays.empty') }}
                columns={[
                  {
                    title: t('workdays.date'), key: 'date', width: 200,
                    render: (_: unknown, f) => (
                      <Form.Item name={[f.name, 'date']} style={{ margin: 0 }} rules={[{ required: true, message: t('workdays.dateRequired') }]}>
                        <DateInput aria-label={t('workdays.date')} minDate={`${year}-01-01`} />
                      </Form.Item>
                    ),
                  },
                  {
                    title: t('workdays.kind'), key: 'isWorkday', width: 140,
                    render: (_: unknown, f) => (
                      <Form.Item name={[f.name, 'isWorkday']} style={{ margin: 0 }}>
                        <Select
                          aria-label={t('workdays.kind')}
                          options={[{ value: true, label: t('workdays.workday') }, { value: false, label: t('workdays.restday') }]}
                        />
                      </Form.Item>
                    ),
                  },
                  {
                    title: t('workdays.note'), key: 'note',
                    render: (_: unknown, f) => (
                      <Form.Item name={[f.name, 'note']} style={{ margin: 0 }} rules={[{ max: 200, message: t('workdays.noteTooLong') }]}>
                        <Input aria-label={t('workdays.note')} placeholder={t('workdays.notePlaceholder')} maxLength={200} />
                      </Form.Item>
                    ),
                  },
                  {
                    title: t('col.actions'), key: 'remove', width: 80,
                    render: (_: unknown, f) => (
                      <Button size="small" danger icon={<DeleteOutlined />} aria-label={t('workdays.remove')} onClick={() => remove(f.name)} />
                    ),
                  },
                ]}
              />
              <Flex gap={8} style={{ marginTop: 12 }}>
                <Button icon={<PlusOutlined />} onClick={() => add({ date: null, isWorkday: false, note: null })}>{t('workdays.add')}</Button>
                <Button type="primary" htmlType="submit" loading={save.isPending}>{t('workdays.save', { year })}</Button>
              </Flex>
            </>
          )}
        </Form.List>
      </Form>
    </Card>
  );
}
