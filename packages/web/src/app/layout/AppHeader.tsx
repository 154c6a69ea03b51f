import { EnvironmentOutlined, LogoutOutlined } from '@ant-design/icons';
import { Button, Flex, Layout, Space, Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { LanguageSwitch } from '../../i18n/LanguageSwitch';
import { useCurrentUser } from '../../modules/auth/hooks/useCurrentUser';
import { useLogout } from '../../modules/auth/hooks/useLogout';
import { UserMenu } from './UserMenu';

export function AppHeader() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const logout = useLogout();
  const ground = me.ground.regions.map((region) => region.name).join(t('common.listSeparator'));

  return (
    <Layout.Header style={{ background: '#fff', padding: '0 24px', borderBottom: '1px solid #f0f0f0' }}>
      <Flex justify="flex-end" align="center" gap={8} style={{ height: '100%' }}>
        {ground && (
          <Tooltip title={t('header.ground')}>
            <Space size={4} data-testid="current-ground">
              <EnvironmentOutlined />
              <Typography.Text>{ground}</Typography.Text>
            </Space>
          </Tooltip>
        )}
        <UserMenu />
        <LanguageSwitch />
        <Button type="text" icon={<LogoutOutlined />} loading={logout.isPending} onClick={() => logout.mutate()} data-testid="logout">
          {t('header.logout')}
        </Button>
      </Flex>
    </Layout.Header>
  );
}
