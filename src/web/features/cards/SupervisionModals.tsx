// The dialogs of the supervision page: the unit's written response, the office's accept or reject,
// and the record of an accountability talk. Server field errors land on the fields.
import { App, Form, Input, Modal, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { AccountabilityEntryDto, AccountabilityRecord, SupervisionOrderDto } from '../../../contract/supervision.ts';
import DateInput from '../../components/DateInput.tsx';
import { useErrorMessage } from '../../components/ErrorAlert.tsx';
import { applyFieldErrors } from '../../components/formErrors.ts';
import { useSupervisionActions } from './cards.api.ts';
import { NS } from './i18n.ts';
import { appToday } from '../../app/clock.ts';

/** Submits a form's values; on failure the server's field errors go onto the form and the message shows. */
function useSubmit<V>(form: ReturnType<typeof Form.useForm<V>>[0], onClose: () => void) {
  const { message } = App.useApp();
  const errorMessage = useErrorMessage();
  return (run: (v: V) => Promise<unknown>, done: string) => async () => {
    let v: V;
    try {
      v = await form.validateFields();
    } catch {
      return;
    }
    try {
      await run(v);
      message.success(done);
      onClose();
    } catch (e) {
      applyFieldErrors(form, e);
      message.error(errorMessage(e));
    }
  };
}

export function RespondModal({ order, onClose }: { order: SupervisionOrderDto; onClose: () => void }) {
  const { t } = useTranslation(NS);
  const [form] = Form.useForm<{ response: string }>();
  const { respond } = useSupervisionActions();
  const submit = useSubmit(form, onClose);
  return (
    <Modal
      open
      title={t('supervision.respondTitle', { number: order.number })}
      okText={t('supervision.respond')}
      cancelText={t('common.cancel')}
      confirmLoading={respond.isPending}
      onCancel={onClose}
      onOk={submit((v) => respond.mutateAsync({ id: order.id, body: v }), t('supervision.responded'))}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">{order.projectName} · {order.reason}</Typography.Paragraph>
      {order.decisionNote && order.status === 'rejected' && (
        <Typography.Paragraph type="danger">{t('supervision.col.decisionNote')}：{order.decisionNote}</Typography.Paragraph>
      )}
      <Form form={form} layout="vertical" initialValues={{ response: order.response ?? '' }}>
        <Form.Item name="response" label={t('supervision.col.response')} rules={[{ required: true, whitespace: true, message: t('supervision.responseRequired') }]}>
          <Input.TextArea rows={6} maxLength={4000} showCount placeholder={t('supervision.responsePlaceholder')} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

export function OrderDecisionModal({ order, accept, onClose }: { order: SupervisionOrderDto; accept: boolean; onClose: () => void }) {
  const { t } = useTranslation(NS);
  const [form] = Form.useForm<{ note?: string }>();
  const actions = useSupervisionActions();
  const m = accept ? actions.accept : actions.reject;
  const submit = useSubmit(form, onClose);
  return (
    <Modal
      open
      title={`${t(accept ? 'supervision.acceptTitle' : 'supervision.rejectTitle')} · ${order.number}`}
      okText={t(accept ? 'supervision.accept' : 'supervision.reject')}
      okButtonProps={{ danger: !accept }}
      cancelText={t('common.cancel')}
      confirmLoading={m.isPending}
      onCancel={onClose}
      onOk={submit((v) => m.mutateAsync({ id: order.id, body: v.note?.trim() ? { note: v.note.trim() } : {} }), t(accept ? 'supervision.accepted' : 'supervision.rejected'))}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">{order.projectName}</Typography.Paragraph>
      <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', background: '#fafafa', padding: 8, borderRadius: 4 }}>{order.response}</Typography.Paragraph>
      <Form form={form} layout="vertical">
        <Form.Item name="note" label={t('supervision.note')} rules={accept ? [] : [{ required: true, whitespace: true, message: t('supervision.noteRequired') }]}>
          <Input.TextArea rows={3} maxLength={1000} placeholder={t('supervision.notePlaceholder')} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

export function RecordTalkModal({ entry, onClose }: { entry: AccountabilityEntryDto; onClose: () => void }) {
  const { t } = useTranslation(NS);
  const [form] = Form.useForm<AccountabilityRecord>();
  const { record } = useSupervisionActions();
  const submit = useSubmit(form, onClose);
  return (
    <Modal
      open
      title={t('supervision.recordTitle', { project: entry.projectName })}
      okText={t('supervision.record')}
      cancelText={t('common.cancel')}
      confirmLoading={record.isPending}
      onCancel={onClose}
      onOk={submit((v) => record.mutateAsync({ id: entry.id, body: v }), t('supervision.recorded'))}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">{t(`supervision.reason.${entry.reason}`)}{entry.periodLabel ? ` · ${entry.periodLabel}` : ''}</Typography.Paragraph>
      <Form
        form={form}
        layout="vertical"
        initialValues={{ talkDate: entry.talkDate ?? appToday(), participants: entry.participants ?? '', outcome: entry.outcome ?? '' }}
      >
        <Form.Item name="talkDate" label={t('supervision.col.talkDate')} rules={[{ required: true, message: t('supervision.talkDateRequired') }]}>
          <DateInput />
        </Form.Item>
        <Form.Item name="participants" label={t('supervision.col.participants')} rules={[{ required: true, whitespace: true, message: t('supervision.participantsRequired') }]}>
          <Input.TextArea rows={2} maxLength={1000} placeholder={t('supervision.participantsPlaceholder')} />
        </Form.Item>
        <Form.Item name="outcome" label={t('supervision.col.outcome')} rules={[{ required: true, whitespace: true, message: t('supervision.outcomeRequired') }]}>
          <Input.TextArea rows={4} maxLength={4000} placeholder={t('supervision.outcomePlaceholder')} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
