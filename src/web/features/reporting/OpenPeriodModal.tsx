// 开启期间: the office opens a reporting period for its region (or a region below it). The cadence
// comes from the region's settings, so the part of the month (half, week) is asked only where needed.
import { App, Form, Modal, Select, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { PeriodOpen } from '../../../contract/reporting.ts';
import { periodsPerMonth } from '../../../domain/reporting.ts';
import { useCurrentUser } from '../../app/auth.tsx';
import DateInput from '../../components/DateInput.tsx';
import { useErrorMessage } from '../../components/ErrorAlert.tsx';
import { applyFieldErrors } from '../../components/formErrors.ts';
import RegionTreeSelect from '../../components/RegionTreeSelect.tsx';
import { NS } from './i18n.ts';
import { usePeriodActions, useReportingSettings } from './reporting.api.ts';
import { appNow } from '../../app/clock.ts';

interface Values {
  regionCode: string;
  year: number;
  month: number;
  seq?: number;
  deadline?: string | null;
}

export default function OpenPeriodModal({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation(NS);
  const { message } = App.useApp();
  const errorMessage = useErrorMessage();
  const user = useCurrentUser();
  const [form] = Form.useForm<Values>();
  const regionCode = Form.useWatch('regionCode', form) ?? user.regionCode;
  const settings = useReportingSettings(regionCode);
  const { open } = usePeriodActions();
  const cadence = settings.data?.cadence ?? 'monthly';
  const parts = periodsPerMonth(cadence);
  const now = appNow();
  const seqOptions = Array.from({ length: parts }, (_, i) => ({
    value: i + 1,
    label: cadence === 'semimonthly' ? t(`periods.seqOptions.semimonthly${i + 1}`) : t('periods.seqOptions.week', { n: i + 1 }),
  }));

  const onFinish = async (v: Values) => {
    const body: PeriodOpen = { year: v.year, month: v.month, regionCode: v.regionCode };
    if (parts > 1) body.seq = v.seq ?? 1;
    if (v.deadline) body.deadline = v.deadline;
    try {
      const p = await open.mutateAsync(body);
      message.success(t('periods.opened', { label: `${p.regionName} ${p.label}` }));
      onClose();
    } catch (e) {
      applyFieldErrors(form, e);
      message.error(errorMessage(e));
    }
  };

  return (
    <Modal
      open
      title={t('periods.open')}
      okText={t('periods.open')}
      cancelText={t('common.cancel')}
      confirmLoading={open.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={{ regionCode: user.regionCode, year: now.getFullYear(), month: now.getMonth() + 1, seq: 1 }}
        onFinish={onFinish}
      >
        <Form.Item name="regionCode" label={t('periods.region')} rules={[{ required: true }]}>
          <RegionTreeSelect allowClear={false} style={{ width: '100%' }} />
        </Form.Item>
        {settings.data && (
          <Typography.Paragraph type="secondary" style={{ marginTop: -12 }}>
            {t('periods.cadenceNote', { cadence: t(`enum.cadence.${cadence}`), day: settings.data.deadlineDay })}
          </Typography.Paragraph>
        )}
        <div style={{ display: 'grid', gridTemplateColumns: parts > 1 ? '1fr 1fr 1fr' : '1fr 1fr', columnGap: 12 }}>
          <Form.Item name="year" label={t('periods.year')} rules={[{ required: true }]}>
            <Select options={Array.from({ length: 4 }, (_, i) => now.getFullYear() + 1 - i).map((y) => ({ value: y, label: `${y}年` }))} />
          </Form.Item>
          <Form.Item name="month" label={t('periods.month')} rules={[{ required: true }]}>
            <Select options={Array.from({ length: 12 }, (_, i) => ({ value: i + 1, label: `${i + 1}月` }))} />
          </Form.Item>
          {parts > 1 && (
            <Form.Item name="seq" label={t('periods.seq')} rules={[{ required: true }]}>
              <Select options={seqOptions} />
            </Form.Item>
          )}
        </div>
        <Form.Item name="deadline" label={t('periods.deadline')} extra={t('periods.deadlineHint')}>
          <DateInput />
        </Form.Item>
      </Form>
    </Modal>
  );
}
