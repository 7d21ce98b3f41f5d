// Sign-in: username and password; the server's message is shown as it is (wrong password with the
// attempts left, or the lock-out with its duration).
import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useNavigate, useSearchParams } from 'react-router-dom';
import { ApiError } from '../api/client.ts';
import { FullPageSpin, useLogin, useMe } from '../app/auth.tsx';
import { HOME_PATH } from '../app/routes.tsx';
import LanguageSwitch from '../components/LanguageSwitch.tsx';
import { useErrorMessage } from '../components/ErrorAlert.tsx';

/** Only same-app paths may be a redirect target. */
function safeNext(next: string | null): string {
  return next && next.startsWith('/') && !next.startsWith('//') && !next.startsWith('/login') ? next : HOME_PATH;
}

export default function LoginPage() {
  const { t } = useTranslation();
  const me = useMe();
  const login = useLogin();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const errorMessage = useErrorMessage();
  const next = safeNext(params.get('next'));

  useEffect(() => {
    document.title = `${t('auth.title')} · ${t('app.fullName')}`;
  }, [t]);

  if (me.isPending) return <FullPageSpin />;
  if (me.data) return <Navigate to={next} replace />;

  const locked = login.error instanceof ApiError && (login.error.code === 'locked' || login.error.status === 423);

  return (
    <div className="tj-login-bg">
      <div className="tj-login-top">
        <LanguageSwitch dark />
      </div>
      <Card className="tj-login-card" variant="borderless" styles={{ body: { padding: '32px 32px 24px' } }}>
        <div className="tj-login-title">
          <span className="tj-brand-mark" style={{ margin: '0 auto 12px', width: 44, height: 44, fontSize: 24 }} aria-hidden>推</span>
          <Typography.Title level={3} style={{ margin: 0, letterSpacing: 2 }}>{t('app.name')}</Typography.Title>
          <Typography.Text type="secondary">{t('auth.welcome')}</Typography.Text>
        </div>
        {login.error && (
          <Alert
            role="alert"
            type={locked ? 'warning' : 'error'}
            showIcon
            style={{ marginBottom: 16 }}
            title={locked ? t('auth.locked') : errorMessage(login.error)}
            description={locked ? errorMessage(login.error) : undefined}
          />
        )}
        <Form
          layout="vertical"
          requiredMark={false}
          onFinish={(v: { username: string; password: string }) =>
            login.mutate(v, { onSuccess: () => navigate(next, { replace: true }) })
          }
          onValuesChange={() => login.error && login.reset()}
        >
          <Form.Item label={t('auth.username')} name="username" rules={[{ required: true, whitespace: true, message: t('auth.usernameRequired') }]}>
            <Input size="large" prefix={<UserOutlined />} autoComplete="username" autoFocus />
          </Form.Item>
          <Form.Item label={t('auth.password')} name="password" rules={[{ required: true, message: t('auth.passwordRequired') }]}>
            <Input.Password size="large" prefix={<LockOutlined />} autoComplete="current-password" />
          </Form.Item>
          <Button type="primary" htmlType="submit" size="large" block loading={login.isPending}>
            {t('auth.login')}
          </Button>
        </Form>
      </Card>
      <div className="tj-login-footer">{t('auth.footer')}</div>
    </div>
  );
}
