import { PlusOutlined } from '@ant-design/icons';
import { Button, Flex, Popconfirm, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApiError } from '../../../app/api/useApiError';
import { LoadMore } from '../../../app/layout/LoadMore';
import { QueryError } from '../../../app/layout/QueryError';
import { usePermission } from '../../auth/hooks/usePermission';
import { RegionName } from '../../regions/components/RegionName';
import { LeaderFormDrawer } from './LeaderFormDrawer';
import { responsibilityApi } from './responsibility.api';
import type { RegionLeader } from './responsibility.types';
import { useLabel } from './useLabel';
import { useRegionLeaders, useResponsibilityMutation } from './useResponsibility';

/** The leaders of each region in the ground and their posts (区长、分管安全生产副区长 …); phones masked. */
export function LeadersTab() {
  const { t } = useTranslation();
  const label = useLabel();
  const canManage = usePermission('responsibility:manage');
  const leaders = useRegionLeaders(undefined);
  const [editing, setEditing] = useState<RegionLeader | 'new' | null>(null);
  const remove = useResponsibilityMutation(({ id, version }: { id: string; version: number }) => responsibilityApi.deleteLeader(id, version));
  const showError = useApiError();

  return (
    <>
      <Flex justify="space-between" style={{ marginBottom: 12 }}>
        <Typography.Text type="secondary">{t('responsibility.leaders.hint')}</Typography.Text>
        {canManage && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')} data-testid="leader-new">
            {t('responsibility.leaders.new')}
          </Button>
        )}
      </Flex>
      <QueryError error={leaders.error} />
      <Table<RegionLeader>
        rowKey="id"
        size="small"
        pagination={false}
        loading={leaders.isLoading}
        dataSource={leaders.items}
        data-testid="leaders-table"
        columns={[
          { key: 'region', title: t('responsibility.unit.region'), render: (_, row) => <RegionName code={row.regionCode} /> },
          { key: 'post', title: t('responsibility.leaders.post'), dataIndex: 'postTitle' },
          { key: 'kind', title: t('responsibility.leaders.postKind'), render: (_, row) => label(row.postKindLabel) },
          { key: 'name', title: t('responsibility.leaders.name'), dataIndex: 'name' },
          { key: 'phone', title: t('responsibility.leaders.phone'), render: (_, row) => row.phone ?? t('common.empty') },
          ...(canManage
            ? [
                {
                  key: 'actions',
                  title: t('common.actions'),
                  render: (_: unknown, row: RegionLeader) => (
                    <Space size={4}>
                      <Button size="small" type="link" onClick={() => setEditing(row)}>
                        {t('common.edit')}
                      </Button>
                      <Popconfirm title={t('responsibility.leaders.deleteConfirm', { name: row.name })} onConfirm={() => remove.mutate({ id: row.id, version: row.version }, { onError: (error) => showError(error) })}>
                        <Button size="small" type="link" danger>
                          {t('responsibility.delete')}
                        </Button>
                      </Popconfirm>
                    </Space>
                  ),
                },
              ]
            : []),
        ]}
      />
      <LoadMore hasMore={leaders.hasMore} loading={leaders.isLoadingMore} onLoadMore={leaders.loadMore} testId="leaders-load-more" />
      {editing && <LeaderFormDrawer leader={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />}
    </>
  );
}
