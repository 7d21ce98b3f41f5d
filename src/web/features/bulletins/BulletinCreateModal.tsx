// 生成通报: a region of the caller's subtree and a month. The months come from GET /bulletins/months:
// a city's month is its own period; a province's month is made of every city's period and can be
// issued only once all are locked — a month still open says which cities keep it back. On success
// the bulletin opens.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { useNavigate } from 'react-router-dom';
import { App, Flex, Form, Modal, Select, Typography } from 'antd';
import type { BulletinCreate, BulletinMonth } from '../../../contract/bulletins.ts';
import { appYear } from '../../app/clock.ts';
import { useCurrentUser } from '../../app/auth.tsx';
import { useErrorMessage } from '../../components/ErrorAlert.tsx';
import { applyFieldErrors } from '../../components/formErrors.ts';
import RegionTreeSelect from '../../components/RegionTreeSelect.tsx';
import { useBulletinMonths, useIssueBulletin } from './bulletins.api.ts';

type Values = { regionCode: string; year: number; month: string };

const YEARS = Array.from({ length: 6 }, (_, i) => appYear() - i);

/** Why a month cannot be issued yet, in a line. */
function blockers(m: BulletinMonth, t: TFunction): string {
  const parts: string[] = [];
  if (m.open.length) parts.push(t('bulletins.create.monthOpen', { names: m.open.join('、') }));
  if (m.missing.length) parts.push(t('bulletins.create.monthMissing', { names: m.missing.join('、') }));
  return parts.join('；');
}

export default function BulletinCreateModal({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const user = useCurrentUser();
  const errorMessage = useErrorMessage();
  const [form] = Form.useForm<Values>();
  const [region, setRegion] = useState<string>(user.regionCode);
  const [year, setYear] = useState<number>(appYear());
  const months = useBulletinMonths(region, year);
  const issue = useIssueBulletin();

  const onFinish = async (v: Values) => {
    const body: BulletinCreate = { regionCode: v.regionCode, month: v.month };
    try {
      const b = await issue.mutateAsync(body);
      void message.success(t('bulletins.create.done', { number: b.number }));
      onClose();
      navigate(`/bulletins/${b.id}`);
    } catch (e) {
      applyFieldErrors(form, e);
      void message.error(errorMessage(e));
    }
  };

  const options = (months.data?.items ?? []).map((m) => ({
    value: m.month,
    disabled: !m.ready,
    title: m.ready ? undefined : blockers(m, t),
    label: (
      <Flex vertical gap={0} style={{ whiteSpace: 'normal' }}>
        <span>{m.label}</span>
        <Typography.Text type={m.ready ? 'secondary' : 'warning'} style={{ fontSize: 12 }}>
          {m.ready
            ? (m.periodId ? t('bulletins.create.monthOwn') : t('bulletins.create.monthReady', { periods: m.periods, regions: m.regions }))
            : blockers(m, t)}
        </Typography.Text>
      </Flex>
    ),
    text: m.label,
  }));

  return (
    <Modal
      open
      title={t('bulletins.create.title')}
      okText={t('bulletins.create.ok')}
      cancelText={t('bulletins.action.cancel')}
      confirmLoading={issue.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={{ regionCode: user.regionCode, year: appYear() }}
        onFinish={onFinish}
        onValuesChange={(changed: Partial<Values>) => {
          if (changed.regionCode) setRegion(changed.regionCode);
          if (changed.year) setYear(changed.year);
          if (changed.regionCode || changed.year) form.setFieldValue('month', undefined);
        }}
      >
        <Form.Item name="regionCode" label={t('bulletins.create.region')} rules={[{ required: true, message: t('bulletins.create.required', { field: t('bulletins.create.region') }) }]}>
          <RegionTreeSelect allowClear={false} />
        </Form.Item>
        <Flex gap={12}>
          <Form.Item name="year" label={t('bulletins.create.year')} style={{ width: 120, flex: 'none' }}>
            <Select options={YEARS.map((y) => ({ value: y, label: String(y) }))} />
          </Form.Item>
          <Form.Item
            name="month"
            label={t('bulletins.create.month')}
            extra={t('bulletins.create.monthHint')}
            style={{ flex: 1, minWidth: 0 }}
            rules={[{ required: true, message: t('bulletins.create.required', { field: t('bulletins.create.month') }) }]}
          >
            <Select
              loading={months.isLoading}
              notFoundContent={t('bulletins.create.noMonths')}
              options={options}
              optionLabelProp="text"
              listHeight={320}
            />
          </Form.Item>
        </Flex>
      </Form>
    </Modal>
  );
}
