// The dialogs of a report: return with a reason, and a correction request after the period is locked.
import { Alert, App, Form, Input, Modal } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReportDto } from '../../../contract/reporting.ts';
import { applyFieldErrors } from '../../components/formErrors.ts';
import ErrorAlert from '../../components/ErrorAlert.tsx';
import FiguresFields from './FiguresFields.tsx';
import { NS } from './i18n.ts';
import { fundsOf, liveIssues, readMoney, toFormValues, type ReportFormValues } from './reportForm.ts';
import { useReportFieldLabel } from './parts.tsx';
import type { useReportActions } from './reporting.api.ts';

type Actions = ReturnType<typeof useReportActions>;

export function ReturnModal({ report, actions, onClose, onError }: { report: ReportDto; actions: Actions; onClose: () => void; onError: (e: unknown) => void }) {
  const { t } = useTranslation(NS);
  const { message } = App.useApp();
  const [form] = Form.useForm<{ reason: string }>();
  const onFinish = async ({ reason }: { reason: string }) => {
    try {
      await actions.giveBack.mutateAsync({ reason: reason.trim(), version: report.version });
      message.success(t('report.returned'));
      onClose();
    } catch (e) {
      applyFieldErrors(form, e);
      onError(e);
      onClose();
    }
  };
  return (
    <Modal
      open
      title={t('report.returnTitle')}
      okText={t('report.returnAction')}
      okButtonProps={{ danger: true }}
      cancelText={t('common.cancel')}
      confirmLoading={actions.giveBack.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" onFinish={onFinish}>
        <Form.Item name="reason" label={t('report.returnReason')} rules={[{ required: true, whitespace: true, min: 2, message: t('report.returnReasonRequired') }]}>
          <Input.TextArea rows={4} maxLength={1000} showCount placeholder={t('report.returnReasonPlaceholder')} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

interface CorrectionValues extends ReportFormValues {
  reason?: string;
}

export function CorrectionModal({ report, actions, onClose }: { report: ReportDto; actions: Actions; onClose: () => void }) {
  const { t } = useTranslation(NS);
  const { message } = App.useApp();
  const [form] = Form.useForm<CorrectionValues>();
  const [error, setError] = useState<unknown>(null);
  const fieldLabel = useReportFieldLabel();
  const values = Form.useWatch([], form) ?? {};
  const issues = liveIssues(values, report, { correction: true });
  const onFinish = async (v: CorrectionValues) => {
    setError(null);
    try {
      await actions.requestCorrection.mutateAsync({
        reason: (v.reason ?? '').trim(),
        investment: readMoney(v.investment) ?? (v.investment?.trim() || '0'),
        fundsBySource: fundsOf(v),
        progressText: v.progressText,
      });
      message.success(t('report.correctionRequested'));
      onClose();
    } catch (e) {
      applyFieldErrors(form, e);
      setError(e);
    }
  };
  return (
    <Modal
      open
      width={720}
      title={t('report.correctionTitle')}
      okText={t('report.requestCorrection')}
      cancelText={t('common.cancel')}
      confirmLoading={actions.requestCorrection.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Alert type="info" showIcon title={t('report.correctionHint')} style={{ marginBottom: 16 }} />
      {error ? <ErrorAlert error={error} fieldLabel={fieldLabel} style={{ marginBottom: 16 }} /> : null}
      <Form<CorrectionValues> form={form} layout="vertical" initialValues={{ ...toFormValues(report), investment: report.investment }} onFinish={onFinish}>
        <Form.Item name="reason" label={t('report.correctionReason')} rules={[{ required: true, whitespace: true, min: 4, message: t('report.correctionReasonPlaceholder') }]}>
          <Input.TextArea rows={2} maxLength={1000} placeholder={t('report.correctionReasonPlaceholder')} />
        </Form.Item>
        <FiguresFields issues={issues} />
        <Form.Item name="progressText" label={t('report.progressText')}>
          <Input.TextArea rows={3} maxLength={4000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
