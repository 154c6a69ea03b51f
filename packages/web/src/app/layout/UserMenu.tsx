import { KeyOutlined, UserOutlined } from '@ant-design/icons';
import { Button, Dropdown } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useCurrentUser } from '../../modules/auth/hooks/useCurrentUser';

export function UserMenu() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const navigate = useNavigate();
  return (
    <Dropdown
      menu={{
        items: [{ key: 'password', icon: <KeyOutlined />, label: t('header.changePassword') }],
        onClick: () => void navigate('/change-password'),
      }}
    >
      <Button type="text" icon={<UserOutlined />} data-testid="current-user">
        {me.displayName}
      </Button>
    </Dropdown>
  );
}
