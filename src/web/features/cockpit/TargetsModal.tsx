// The office's targets for the four gauges of a region and year (PUT /cockpit/targets).
import { App, Alert, Form, InputNumber, Modal, Typography } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { CockpitTargetsDto, CockpitTargetValuesDto } from '../../../contract/cockpit.ts';
import { chinaDateTime } from '../../../domain/dates.ts';
import ErrorAlert from '../../components/ErrorAlert.tsx';
import { applyFieldErrors } from '../../components/formErrors.ts';
import { useSaveTargets } from './cockpit.api.ts';
import { NS } from './i18n.ts';

const FIELDS = ['startRate', 'investmentRate', 'fundsRate', 'onTimeRate'] as const;

export default function TargetsModal({ targets, open, onClose }: { targets: CockpitTargetsDto; open: boolean; onClose: () => void }) {
  const { t } = useTranslation(NS);
  const { message } = App.useApp();
  const [form] = Form.useForm<CockpitTargetValuesDto>();
  const save = useSaveTargets();

  useEffect(() => {
    if (open) {
      form.setFieldsValue({ startRate: targets.startRate, investmentRate: targets.investmentRate, fundsRate: targets.fundsRate, onTimeRate: targets.onTimeRate });
      save.reset();
    }
    // Reset only when the modal opens or the targets change.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [open, targets]);

  const submit = async () => {
    const values = await form.validateFields().catch(() => null);
    if (!values) return;
    try {
      await save.mutateAsync({ region: targets.regionCode, year: targets.year, values });
      void message.success(t('targets.saved'));
      onClose();
    } catch (e) {
      applyFieldErrors(form, e);
    }
  };

  return (
    <Modal
      open={open}
      title={t('targets.title', { region: targets.regionName, year: targets.year })}
      onCancel={onClose}
      onOk={() => void submit()}
      confirmLoading={save.isPending}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary" style={{ fontSize: 13 }}>
        {t(`targets.source.${targets.source}`)}
        {targets.updatedBy && targets.updatedAt && `（${t('targets.updated', { who: targets.updatedBy, at: chinaDateTime(targets.updatedAt) })}）`}
      </Typography.Paragraph>
      <Form form={form} layout="horizontal" labelCol={{ span: 10 }} wrapperCol={{ span: 14 }}>
        {FIELDS.map((f) => (
          <Form.Item key={f} name={f} label={t(`targets.${f}`)} rules={[{ required: true, type: 'number', min: 0, max: 200 }]}>
            <InputNumber min={0} max={200} step={1} precision={2} suffix="%" style={{ width: 160 }} aria-label={t(`targets.${f}`)} />
          </Form.Item>
        ))}
      </Form>
      <Alert type="info" showIcon message={t('targets.help')} />
      {save.error && <ErrorAlert error={save.error} />}
    </Modal>
  );
}
