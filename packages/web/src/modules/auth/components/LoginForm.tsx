import { LockOutlined, SafetyOutlined, UserOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Form, Input } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { applyFieldErrors } from '../../../app/api/fieldErrors';
import { isApiError } from '../../../app/api/problem';
import { problemText } from '../../../app/api/problemText';
import { useLang } from '../../../i18n/useLang';
import type { Credentials, Me } from '../api/auth.types';
import { useLogin } from '../hooks/useLogin';

interface Props {
  form: ReturnType<typeof Form.useForm<Credentials>>[0];
  onSignedIn: (me: Me) => void;
}

export function LoginForm({ form, onSignedIn }: Props) {
  const { t } = useTranslation();
  const lang = useLang();
  const login = useLogin();
  const [failure, setFailure] = useState<unknown>(null);
  // Shown once the server answers that this account signs in with an authenticator code.
  const [askCode, setAskCode] = useState(false);

  const submit = ({ username, password, totp }: Credentials) => {
    setFailure(null);
    login.mutate(
      { username, password, ...(askCode && totp ? { totp } : {}) },
      {
        onSuccess: onSignedIn,
        onError: (error) => {
          if (isApiError(error) && error.code === 'totp_required') {
            setAskCode(true);
            return;
          }
          applyFieldErrors(form, error, lang);
          setFailure(error);
          if (isApiError(error) && error.code === 'totp_invalid') form.setFieldValue('totp', '');
        },
      },
    );
  };

  return (
    <Card title={t('login.title')} style={{ width: 400, maxWidth: '100%' }}>
      {failure !== null && (
        <Alert type="error" showIcon title={problemText(failure, lang, t)} style={{ marginBottom: 16 }} data-testid="login-error" />
      )}
      <Form form={form} layout="vertical" onFinish={submit} requiredMark={false}>
        <Form.Item name="username" label={t('login.username')} rules={[{ required: true, message: t('login.usernameRequired') }]}>
          <Input prefix={<UserOutlined />} autoComplete="username" autoFocus data-testid="login-username" />
        </Form.Item>
        <Form.Item name="password" label={t('login.password')} rules={[{ required: true, message: t('login.passwordRequired') }]}>
          <Input.Password prefix={<LockOutlined />} autoComplete="current-password" data-testid="login-password" />
        </Form.Item>
        {askCode && (
          <Form.Item
            name="totp"
            label={t('login.totp')}
            extra={t('login.totpPrompt')}
            rules={[
              { required: true, message: t('login.totpRequired') },
              { pattern: /^\d{6}$/, message: t('login.totpFormat') },
            ]}
          >
            <Input prefix={<SafetyOutlined />} inputMode="numeric" autoComplete="one-time-code" maxLength={6} autoFocus data-testid="login-totp" />
          </Form.Item>
        )}
        <Button type="primary" htmlType="submit" block loading={login.isPending} data-testid="login-submit">
          {t('login.submit')}
        </Button>
      </Form>
    </Card>
  );
}
