// 修改密码. The server ends every session on success, so the user signs in again.
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { Alert, App, Button, Card, Form, Input } from 'antd';
import type { Rule } from 'antd/es/form';
import { ApiError, detailsToFormFields } from '../../api/client.ts';
import { useCurrentUser } from '../../app/auth.tsx';
import { useErrorMessage } from '../../components/ErrorAlert.tsx';
import { NS } from './i18n.ts';
import { useChangePassword } from './account.api.ts';

interface Values {
  currentPassword: string;
  newPassword: string;
  confirm: string;
}

export default function ChangePasswordPage() {
  const { t } = useTranslation(NS);
  const { message } = App.useApp();
  const navigate = useNavigate();
  const user = useCurrentUser();
  const errorMessage = useErrorMessage();
  const change = useChangePassword();
  const [form] = Form.useForm<Values>();

  // The same rule the server applies (src/contract/auth.ts), checked here to save a round trip.
  const newRules: Rule[] = [
    { required: true, message: t('password.nextRequired') },
    { min: 10, message: t('password.tooShort') },
    { max: 256, message: t('password.tooLong') },
    { validator: async (_, v: string | undefined) => {
      if (v && !(/[A-Za-z]/.test(v) && /\d/.test(v))) throw new Error(t('password.lettersDigits'));
    } },
    ({ getFieldValue }) => ({ validator: async (_, v: string | undefined) => {
      if (v && v === getFieldValue('currentPassword')) throw new Error(t('password.sameAsCurrent'));
    } }),
  ];

  const onFinish = async (v: Values) => {
    try {
      await change.mutateAsync({ currentPassword: v.currentPassword, newPassword: v.newPassword });
      message.success(t('password.done'));
      navigate('/login', { replace: true });
    } catch (e) {
      if (e instanceof ApiError && e.details.length) {
        const fields = detailsToFormFields(e.details).filter((f) => f.name[0] === 'currentPassword' || f.name[0] === 'newPassword');
        form.setFields(fields as Parameters<typeof form.setFields>[0]);
      }
      message.error(errorMessage(e));
    }
  };

  return (
    <Card title={t('password.title')} style={{ maxWidth: 560 }}>
      <Alert type="info" showIcon title={t('password.intro')} style={{ marginBottom: 24 }} />
      <Form<Values> form={form} layout="vertical" onFinish={onFinish} requiredMark={false}>
        {/* Lets password managers tie the new password to this account. */}
        <input type="text" name="username" autoComplete="username" value={user.username} readOnly hidden />
        <Form.Item name="currentPassword" label={t('password.current')} rules={[{ required: true, message: t('password.currentRequired') }]}>
          <Input.Password autoComplete="current-password" />
        </Form.Item>
        <Form.Item name="newPassword" label={t('password.next')} rules={newRules} extra={t('password.rule')} dependencies={['currentPassword']}>
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Form.Item
          name="confirm"
          label={t('password.confirm')}
          dependencies={['newPassword']}
          rules={[
            { required: true, message: t('password.confirmRequired') },
            ({ getFieldValue }) => ({ validator: async (_, v: string | undefined) => {
              if (v && v !== getFieldValue('newPassword')) throw new Error(t('password.mismatch'));
            } }),
          ]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={change.isPending}>{t('password.submit')}</Button>
      </Form>
    </Card>
  );
}
