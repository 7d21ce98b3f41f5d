import { useTranslation } from 'react-i18next';
import { Button, Form, Input, Space } from 'antd';
import { NS } from './i18n.ts';
import { generatePassword, passwordRules } from './passwords.ts';

/** A new password for someone else, with the server's rule checked in the form and a generator. */
export default function PasswordField({ label, onGenerate }: { label: string; onGenerate: (password: string) => void }) {
  const { t } = useTranslation(NS);
  return (
    <Form.Item label={label} extra={t('users.form.passwordHint')} required>
      <Space.Compact style={{ width: '100%' }}>
        <Form.Item
          name="password"
          noStyle
          rules={passwordRules({
            required: t('users.form.passwordRequired'), short: t('users.form.passwordShort'),
            lettersDigits: t('users.form.passwordLettersDigits'),
          })}
        >
          <Input autoComplete="new-password" />
        </Form.Item>
        <Button onClick={() => onGenerate(generatePassword())}>{t('users.form.generate')}</Button>
      </Space.Compact>
    </Form.Item>
  );
}
