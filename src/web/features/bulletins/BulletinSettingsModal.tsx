// 通报设置: the issuing office, the number's prefix and automatic issue on close, per region.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert, App, Form, Input, Modal, Switch, Typography } from 'antd';
import type { BulletinSettingsPut } from '../../../contract/bulletins.ts';
import { bulletinNumber } from '../../../domain/bulletin.ts';
import { useCurrentUser } from '../../app/auth.tsx';
import { appYear } from '../../app/clock.ts';
import { useErrorMessage } from '../../components/ErrorAlert.tsx';
import { applyFieldErrors } from '../../components/formErrors.ts';
import RegionTreeSelect from '../../components/RegionTreeSelect.tsx';
import { useBulletinSettings, useSaveBulletinSettings } from './bulletins.api.ts';

export default function BulletinSettingsModal({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const user = useCurrentUser();
  const errorMessage = useErrorMessage();
  const [region, setRegion] = useState(user.regionCode);
  const [form] = Form.useForm<BulletinSettingsPut>();
  const settings = useBulletinSettings(region);
  const save = useSaveBulletinSettings();
  const prefix = Form.useWatch('numberPrefix', form);

  useEffect(() => {
    if (settings.data) form.setFieldsValue(settings.data);
  }, [settings.data, form]);

  const onFinish = async (v: BulletinSettingsPut) => {
    try {
      await save.mutateAsync({ ...v, regionCode: region });
      void message.success(t('bulletins.settings.saved'));
      onClose();
    } catch (e) {
      applyFieldErrors(form, e);
      void message.error(errorMessage(e));
    }
  };
  const required = (field: string) => [{ required: true, whitespace: true, message: t('bulletins.settings.required', { field }) }];

  return (
    <Modal
      open
      title={t('bulletins.settings.title')}
      okText={t('bulletins.action.save')}
      cancelText={t('bulletins.action.cancel')}
      confirmLoading={save.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form<BulletinSettingsPut> form={form} layout="vertical" onFinish={onFinish} disabled={settings.isLoading}>
        <Form.Item label={t('bulletins.settings.region')}>
          <RegionTreeSelect value={region} onChange={(c) => c && setRegion(c)} allowClear={false} />
        </Form.Item>
        {settings.data?.isDefault && <Alert type="info" showIcon title={t('bulletins.settings.isDefault')} style={{ marginBottom: 16 }} />}
        <Form.Item name="issuingOffice" label={t('bulletins.settings.issuingOffice')} rules={required(t('bulletins.settings.issuingOffice'))}>
          <Input maxLength={60} />
        </Form.Item>
        <Form.Item
          name="numberPrefix"
          label={t('bulletins.settings.numberPrefix')}
          rules={required(t('bulletins.settings.numberPrefix'))}
          extra={prefix ? <Typography.Text type="secondary">{t('bulletins.settings.numberPreview', { number: bulletinNumber(prefix, appYear(), 1) })}</Typography.Text> : null}
        >
          <Input maxLength={20} style={{ maxWidth: 200 }} />
        </Form.Item>
        <Form.Item name="autoOnClose" label={t('bulletins.settings.autoOnClose')} valuePropName="checked" extra={t('bulletins.settings.autoOnCloseHint')}>
          <Switch />
        </Form.Item>
      </Form>
    </Modal>
  );
}
