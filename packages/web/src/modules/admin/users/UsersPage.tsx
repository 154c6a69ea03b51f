import { PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, Input, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LoadMore } from '../../../app/layout/LoadMore';
import { PageHeader } from '../../../app/layout/PageHeader';
import { QueryError } from '../../../app/layout/QueryError';
import { ResetPasswordModal } from './ResetPasswordModal';
import { UserFormDrawer } from './UserFormDrawer';
import { UsersTable } from './UsersTable';
import type { User } from './users.types';
import { useUsers } from './useUsers';

type Editing = { user: User | null } | null;

export default function UsersPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [q, setQ] = useState('');
  const users = useUsers(q);
  const [editing, setEditing] = useState<Editing>(null);
  const [resetting, setResetting] = useState<User | null>(null);

  const saved = (user: User) => {
    void message.success(t('users.savedDone', { username: user.username }));
    setEditing(null);
  };

  return (
    <>
      <PageHeader
        title={t('users.title')}
        description={t('users.description')}
        actions={
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing({ user: null })} data-testid="user-create">
            {t('users.create')}
          </Button>
        }
      />
      <Card>
        <Space style={{ marginBottom: 16 }}>
          <Input.Search
            allowClear
            placeholder={t('users.searchPlaceholder')}
            onSearch={(value) => setQ(value.trim())}
            style={{ width: 280 }}
            data-testid="users-search"
          />
        </Space>
        <QueryError error={users.error} />
        <UsersTable
          users={users.items}
          loading={users.isLoading}
          onEdit={(user) => setEditing({ user })}
          onResetPassword={setResetting}
        />
        <LoadMore hasMore={users.hasMore} loading={users.isLoadingMore} onLoadMore={users.loadMore} testId="users-load-more" />
      </Card>
      {editing && <UserFormDrawer user={editing.user} onClose={() => setEditing(null)} onSaved={saved} />}
      {resetting && <ResetPasswordModal user={resetting} onClose={() => setResetting(null)} />}
    </>
  );
}
