// Create or edit a batch event (office users).
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { App, Form, Input, Modal, Select } from 'antd';
import type { BatchKind, Level, Season } from '../../../domain/enums.ts';
import { useCurrentUser } from '../../app/auth.tsx';
import DateInput from '../../components/DateInput.tsx';
import { useErrorMessage } from '../../components/ErrorAlert.tsx';
import RegionTreeSelect from '../../components/RegionTreeSelect.tsx';
import { useEnumOptions } from '../../i18n/labels.ts';
import { NS } from './i18n.ts';
import { useSaveBatch } from './batches.api.ts';
import type { Batch, BatchInput } from './batches.types.ts';
import ProjectSearchSelect from './ProjectSearchSelect.tsx';
import { applyFieldErrors } from './formErrors.ts';

interface FormValues {
  name: string;
  kind: BatchKind;
  level: Level;
  season: Season;
  eventDate: string;
  regionCode: string;
  venue?: string;
  mainProjectId?: string | null;
}

/** Spring events are the March–May ones, autumn September–November: the season follows the date. */
function seasonOf(isoDate: string): Season {
  const m = Number(isoDate.slice(5, 7));
  if (m >= 3 && m <= 5) return 'spring';
  if (m >= 6 && m <= 8) return 'summer';
  if (m >= 9 && m <= 11) return 'autumn';
  return 'winter';
}

export default function BatchFormModal({ batch, onClose }: { batch: Batch | null; onClose: () => void }) {
  const { t } = useTranslation(NS);
  const { message } = App.useApp();
  const [form] = Form.useForm<FormValues>();
  const user = useCurrentUser();
  const errorMessage = useErrorMessage();
  const enumOptions = useEnumOptions();
  const save = useSaveBatch();
  const [seasonTouched, setSeasonTouched] = useState(!!batch);

  const initialValues: Partial<FormValues> = batch
    ? {
        name: batch.name, kind: batch.kind, level: batch.level, season: batch.season,
        eventDate: batch.eventDate, regionCode: batch.regionCode,
        venue: batch.venue ?? undefined, mainProjectId: batch.mainProjectId,
      }
    : { kind: 'groundbreaking', level: 'municipal', regionCode: user.regionCode };

  const onFinish = async (v: FormValues) => {
    const body: BatchInput = {
      name: v.name.trim(), kind: v.kind, level: v.level, season: v.season,
      eventDate: v.eventDate, regionCode: v.regionCode,
      venue: v.venue?.trim() || null, mainProjectId: v.mainProjectId ?? null,
    };
    try {
      await save.mutateAsync({ id: batch?.id, body });
      message.success(batch ? t('msg.updated') : t('msg.created'));
      onClose();
    } catch (e) {
      applyFieldErrors(form, e);
      message.error(errorMessage(e));
    }
  };

  const req = (field: string) => [{ required: true, message: t('form.required', { field }) }];
  const reqSel = (field: string) => [{ required: true, message: t('form.requiredSelect', { field }) }];

  return (
    <Modal
      open
      title={batch ? t('form.editTitle') : t('form.createTitle')}
      okText={t('action.save')}
      cancelText={t('action.cancel')}
      confirmLoading={save.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
      width={640}
    >
      <Form<FormValues>
        form={form}
        layout="vertical"
        initialValues={initialValues}
        onFinish={onFinish}
        onValuesChange={(changed: Partial<FormValues>) => {
          if (changed.season) setSeasonTouched(true);
          if (changed.eventDate && !seasonTouched) form.setFieldValue('season', seasonOf(changed.eventDate));
        }}
      >
        <Form.Item name="name" label={t('form.name')} rules={[...req(t('form.name')), { max: 200, message: t('form.nameTooLong') }]}>
          <Input placeholder={t('form.namePlaceholder')} maxLength={200} />
        </Form.Item>
        <div style={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(200px, 1fr))', columnGap: 16 }}>
          <Form.Item name="kind" label={t('form.kind')} rules={reqSel(t('form.kind'))}>
            <Select options={enumOptions('batchKind')} />
          </Form.Item>
          <Form.Item name="level" label={t('form.level')} rules={reqSel(t('form.level'))}>
            <Select options={enumOptions('level')} />
          </Form.Item>
          <Form.Item name="eventDate" label={t('form.eventDate')} rules={reqSel(t('form.eventDate'))}>
            <DateInput />
          </Form.Item>
          <Form.Item name="season" label={t('form.season')} rules={reqSel(t('form.season'))}>
            <Select options={enumOptions('season')} />
          </Form.Item>
        </div>
        <Form.Item name="regionCode" label={t('form.region')} rules={reqSel(t('form.region'))}>
          <RegionTreeSelect allowClear={false} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="venue" label={t('form.venue')}>
          <Input placeholder={t('form.venuePlaceholder')} maxLength={200} />
        </Form.Item>
        <Form.Item name="mainProjectId" label={t('form.mainProject')}>
          <ProjectSearchSelect initialLabel={batch?.mainProjectName} placeholder={t('form.mainProjectPlaceholder')} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
