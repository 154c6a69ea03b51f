import { ArrowLeftOutlined, LogoutOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useCurrentUser } from '../hooks/useCurrentUser';
import { useLogout } from '../hooks/useLogout';
import { AuthScreen } from './AuthScreen';
import { ChangePasswordForm } from './ChangePasswordForm';

/** Reached from the user menu, or forced (and then the only page) while mustChangePassword is set. */
export default function ChangePasswordPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const me = useCurrentUser();
  const logout = useLogout();
  const forced = me.mustChangePassword;

  const changed = () => {
    void message.success(t('password.changed'));
    void navigate('/', { replace: true });
  };

  const extra = forced ? (
    <Button icon={<LogoutOutlined />} onClick={() => logout.mutate()} data-testid="logout">
      {t('header.logout')}
    </Button>
  ) : (
    <Button icon={<ArrowLeftOutlined />} onClick={() => void navigate(-1)}>
      {t('common.back')}
    </Button>
  );

  return (
    <AuthScreen extra={extra}>
      <Card title={t('password.title')} style={{ width: 400, maxWidth: '100%' }}>
        {forced && (
          <Alert type="warning" showIcon title={t('password.mustChange')} style={{ marginBottom: 16 }} data-testid="must-change-password" />
        )}
        <ChangePasswordForm onChanged={changed} />
      </Card>
    </AuthScreen>
  );
}
