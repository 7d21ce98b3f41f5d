// 生成通报: a region of the caller's subtree and a locked period covering it; on success the bulletin opens.
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { App, Form, Modal, Select } from 'antd';
import type { BulletinCreate } from '../../../contract/bulletins.ts';
import { useCurrentUser } from '../../app/auth.tsx';
import { useErrorMessage } from '../../components/ErrorAlert.tsx';
import { applyFieldErrors } from '../../components/formErrors.ts';
import RegionTreeSelect from '../../components/RegionTreeSelect.tsx';
import { usePeriods } from '../reporting/reporting.api.ts';
import { useIssueBulletin } from './bulletins.api.ts';

export default function BulletinCreateModal({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const user = useCurrentUser();
  const errorMessage = useErrorMessage();
  const [form] = Form.useForm<BulletinCreate>();
  const periods = usePeriods({ status: 'closed' });
  const issue = useIssueBulletin();

  const onFinish = async (v: BulletinCreate) => {
    try {
      const b = await issue.mutateAsync(v);
      void message.success(t('bulletins.create.done', { number: b.number }));
      onClose();
      navigate(`/bulletins/${b.id}`);
    } catch (e) {
      applyFieldErrors(form, e);
      void message.error(errorMessage(e));
    }
  };

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
      <Form<BulletinCreate> form={form} layout="vertical" initialValues={{ regionCode: user.regionCode }} onFinish={onFinish}>
        <Form.Item name="regionCode" label={t('bulletins.create.region')} rules={[{ required: true, message: t('bulletins.create.required', { field: t('bulletins.create.region') }) }]}>
          <RegionTreeSelect allowClear={false} />
        </Form.Item>
        <Form.Item
          name="periodId"
          label={t('bulletins.create.period')}
          extra={t('bulletins.create.periodHint')}
          rules={[{ required: true, message: t('bulletins.create.required', { field: t('bulletins.create.period') }) }]}
        >
          <Select
            loading={periods.isLoading}
            notFoundContent={t('bulletins.create.noPeriods')}
            options={(periods.data ?? []).map((p) => ({ value: p.id, label: t('bulletins.create.periodOption', { region: p.regionName, label: p.label }) }))}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
