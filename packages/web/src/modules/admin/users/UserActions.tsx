import { Button, Popconfirm, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import type { User } from './users.types';
import { useToggleUserDisabled } from './useToggleUserDisabled';

interface Props {
  user: User;
  onEdit: (user: User) => void;
  onResetPassword: (user: User) => void;
}

export function UserActions({ user, onEdit, onResetPassword }: Props) {
  const { t } = useTranslation();
  const toggle = useToggleUserDisabled();
  return (
    <Space size={0} wrap>
      <Button type="link" size="small" onClick={() => onEdit(user)} data-testid={`user-edit-${user.username}`}>
        {t('common.edit')}
      </Button>
      <Button type="link" size="small" onClick={() => onResetPassword(user)} data-testid={`user-reset-${user.username}`}>
        {t('users.resetPassword')}
      </Button>
      <Popconfirm
        title={t(user.disabled ? 'users.enableConfirm' : 'users.disableConfirm', { username: user.username })}
        okText={t('common.confirm')}
        cancelText={t('common.cancel')}
        onConfirm={() => toggle(user)}
      >
        <Button type="link" size="small" danger={!user.disabled} data-testid={`user-toggle-${user.username}`}>
          {user.disabled ? t('users.enable') : t('users.disable')}
        </Button>
      </Popconfirm>
    </Space>
  );
}
