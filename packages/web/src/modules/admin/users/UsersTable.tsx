import { Table, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../app/formatDateTime';
import { RoleTags } from '../../auth/components/RoleTags';
import { RegionName } from '../../regions/components/RegionName';
import { UserActions } from './UserActions';
import { UserStatusTags } from './UserStatusTags';
import type { User } from './users.types';

interface Props {
  users: User[];
  loading: boolean;
  onEdit: (user: User) => void;
  onResetPassword: (user: User) => void;
}

export function UsersTable({ users, loading, onEdit, onResetPassword }: Props) {
  const { t } = useTranslation();
  const columns: TableColumnsType<User> = [
    { key: 'username', title: t('users.field.username'), dataIndex: 'username' },
    { key: 'displayName', title: t('users.field.displayName'), dataIndex: 'displayName' },
    { key: 'roles', title: t('users.field.roles'), render: (_, user) => <RoleTags roles={user.roles} /> },
    {
      key: 'ground',
      title: t('users.field.ground'),
      render: (_, user) =>
        user.ground.regionCodes.map((code) => (
          <div key={code}>
            <RegionName code={code} />
          </div>
        )),
    },
    { key: 'status', title: t('users.field.status'), render: (_, user) => <UserStatusTags user={user} /> },
    { key: 'createdAt', title: t('users.field.createdAt'), render: (_, user) => formatDateTime(user.createdAt) },
    {
      key: 'actions',
      title: t('common.actions'),
      render: (_, user) => <UserActions user={user} onEdit={onEdit} onResetPassword={onResetPassword} />,
    },
  ];
  return (
    <Table<User>
      rowKey="id"
      columns={columns}
      dataSource={users}
      loading={loading}
      pagination={false}
      scroll={{ x: 'max-content' }}
      data-testid="users-table"
    />
  );
}
