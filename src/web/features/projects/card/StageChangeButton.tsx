// 阶段变更: offers only the stages the lifecycle allows from here, with a date and a note.
import { SwapOutlined } from '@ant-design/icons';
import { App as AntApp, Button, Form, Input, Modal, Radio, Tooltip } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Stage } from '../../../../domain/enums.ts';
import { ApiError } from '../../../api/client.ts';
import { applyFieldErrors } from '../../../components/formErrors.ts';
import type { ProjectCard } from '../../../api/types.ts';
import DateInput from '../../../components/DateInput.tsx';
import ErrorAlert from '../../../components/ErrorAlert.tsx';
import { STAGE_COLORS } from '../../../components/StageTag.tsx';
import { useEnumLabel } from '../../../i18n/labels.ts';
import { useChangeStage } from '../projects.api.ts';
import { appToday } from '../../../app/clock.ts';

interface Values {
  to: Stage;
  date: string;
  note: string;
}

export default function StageChangeButton({ card }: { card: ProjectCard }) {
  const { t } = useTranslation();
  const label = useEnumLabel();
  const { message } = AntApp.useApp();
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<Values>();
  const change = useChangeStage(card.project.id);
  const allowed = card.allowedStages;

  if (!card.canChangeStage) return null;
  const button = (
    <Button icon={<SwapOutlined />} disabled={allowed.length === 0} onClick={() => { change.reset(); setOpen(true); }}>
      {t('card.stageChange')}
    </Button>
  );

  const submit = (v: Values) =>
    change.mutate(
      { ...v, note: v.note.trim(), version: card.project.version },
      {
        onSuccess: () => {
          void message.success(t('card.stageChanged', { stage: label('stage', v.to) }));
          setOpen(false);
          form.resetFields();
        },
        onError: (e) => {
          applyFieldErrors(form, e);
        },
      },
    );

  return (
    <>
      {allowed.length === 0 ? <Tooltip title={t('card.noAllowedStages')}>{button}</Tooltip> : button}
      <Modal
        open={open}
        title={t('card.stageChangeTitle', { name: card.project.name })}
        okText={t('common.confirm')}
        cancelText={t('common.cancel')}
        confirmLoading={change.isPending}
        onOk={() => form.submit()}
        onCancel={() => setOpen(false)}
        destroyOnHidden
      >
        {change.error && (
          <ErrorAlert
            error={change.error}
            title={change.error instanceof ApiError && change.error.isConflict ? t('errors.conflict') : undefined}
            style={{ marginBottom: 12 }}
          />
        )}
        <Form form={form} layout="vertical" onFinish={submit} initialValues={{ date: appToday(), to: allowed[0] }} preserve={false}>
          <Form.Item name="to" label={t('card.stageTo')} rules={[{ required: true, message: t('common.selectRequired', { field: t('card.stageTo') }) }]}>
            <Radio.Group
              optionType="button"
              options={allowed.map((s) => ({
                value: s,
                label: <span style={{ color: STAGE_COLORS[s] === 'red' ? '#c8271e' : undefined }}>{label('stage', s)}</span>,
              }))}
            />
          </Form.Item>
          <Form.Item name="date" label={t('card.stageDate')} rules={[{ required: true, message: t('common.selectRequired', { field: t('card.stageDate') }) }]}>
            <DateInput aria-label={t('card.stageDate')} />
          </Form.Item>
          <Form.Item
            name="note"
            label={t('card.stageNote')}
            rules={[{ required: true, whitespace: true, message: t('card.stageNoteRequired') }, { max: 1000 }]}
          >
            <Input.TextArea rows={3} maxLength={1000} showCount />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
