// An administrator sets a new password for someone who lost theirs; their sessions and API tokens end.
import { useTranslation } from 'react-i18next';
import { Alert, App, Form, Input, Modal } from 'antd';
import { useErrorMessage } from '../../components/ErrorAlert.tsx';
import { NS } from './i18n.ts';
import { useUpdateUser, type User } from './admin.api.ts';
import PasswordField from './PasswordField.tsx';

export default function ResetPasswordModal({ user, onClose }: { user: User; onClose: () => void }) {
  const { t } = useTranslation(NS);
  const { message } = App.useApp();
  const errorMessage = useErrorMessage();
  const update = useUpdateUser();
  const [form] = Form.useForm<{ password: string; confirm: string }>();

  const onFinish = async ({ password }: { password: string }) => {
    try {
      await update.mutateAsync({ id: user.id, body: { resetPassword: password } });
      message.success(t('users.reset.done'));
      onClose();
    } catch (e) {
      message.error(errorMessage(e));
    }
  };

  return (
    <Modal
      open
      title={t('users.reset.title', { name: user.displayName })}
      okText={t('users.reset.submit')}
      cancelText={t('users.form.cancel')}
      okButtonProps={{ danger: true }}
      confirmLoading={update.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Alert type="warning" showIcon title={t('users.reset.intro')} style={{ marginBottom: 16 }} />
      <Form form={form} layout="vertical" onFinish={onFinish}>
        <PasswordField label={t('users.reset.password')} onGenerate={(p) => form.setFieldsValue({ password: p, confirm: p })} />
        <Form.Item
          name="confirm"
          label={t('users.reset.confirm')}
          dependencies={['password']}
          rules={[
            { required: true, message: t('users.reset.confirmRequired') },
            ({ getFieldValue }) => ({ validator: async (_, v: string | undefined) => {
              if (v && v !== getFieldValue('password')) throw new Error(t('users.reset.mismatch'));
            } }),
          ]}
        >
          <Input autoComplete="new-password" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
