import { Flex, Form, Spin, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Navigate, useNavigate, useSearchParams } from 'react-router';
import type { Credentials, DemoAccount, Me } from '../api/auth.types';
import { useMe } from '../hooks/useMe';
import { useSystemInfo } from '../hooks/useSystemInfo';
import { landingPath } from '../landingPath';
import { safeNext } from '../safeNext';
import { AuthScreen } from './AuthScreen';
import { DemoAccountsCard } from './DemoAccountsCard';
import { LoginForm } from './LoginForm';

export default function LoginPage() {
  const { t } = useTranslation();
  const [form] = Form.useForm<Credentials>();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const next = safeNext(params.get('next'));
  const { me, isLoading } = useMe();
  const info = useSystemInfo();

  if (isLoading) return <Spin fullscreen />;
  if (me) return <Navigate to={landingPath(me, next)} replace />;

  const signedIn = (signedInAs: Me) => {
    void navigate(landingPath(signedInAs, next), { replace: true });
  };
  const pick = (account: DemoAccount) => {
    form.setFieldsValue({ username: account.username, password: info.data?.demoPassword ?? '' });
    form.setFields([
      { name: 'username', errors: [] },
      { name: 'password', errors: [] },
    ]);
  };

  return (
    <AuthScreen>
      <Flex gap={24} wrap justify="center" align="flex-start">
        <LoginForm form={form} onSignedIn={signedIn} />
        {info.data?.demo && (
          <DemoAccountsCard accounts={info.data.demoAccounts ?? []} password={info.data.demoPassword} adminTotp={info.data.adminTotp} onPick={pick} />
        )}
      </Flex>
      {info.data && (
        <Typography.Text type="secondary" style={{ marginTop: 24 }} data-testid="app-version">
          {t('login.version', { version: info.data.version })}
        </Typography.Text>
      )}
    </AuthScreen>
  );
}
