import { DownloadOutlined, PlusOutlined, UploadOutlined } from '@ant-design/icons';
import { useMutation } from '@tanstack/react-query';
import { App, Button, Card, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useApiError } from '../../../app/api/useApiError';
import { LoadMore } from '../../../app/layout/LoadMore';
import { PageHeader } from '../../../app/layout/PageHeader';
import { QueryError } from '../../../app/layout/QueryError';
import { usePermission } from '../../auth/hooks/usePermission';
import { enterprisesApi } from './enterprises.api';
import type { Enterprise, EnterpriseFilter } from './enterprises.types';
import { EnterpriseFilters } from './EnterpriseFilters';
import { EnterpriseFormDrawer } from './EnterpriseFormDrawer';
import { EnterpriseImportModal } from './EnterpriseImportModal';
import { EnterprisesTable } from './EnterprisesTable';
import { useEnterprises } from './useEnterprises';

type Editing = { enterprise: Enterprise | null } | null;

export default function EnterprisesPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const showError = useApiError();
  const canManage = usePermission('enterprises:manage');
  const canExport = usePermission('data:export');
  const [filter, setFilter] = useState<EnterpriseFilter>({});
  const enterprises = useEnterprises(filter);
  const [editing, setEditing] = useState<Editing>(null);
  const [importing, setImporting] = useState(false);
  const exporting = useMutation({
    mutationFn: () => enterprisesApi.export(filter),
    onSuccess: () => void message.success(t('safety.enterprises.exported')),
    onError: (error) => showError(error),
  });

  const saved = (enterprise: Enterprise) => {
    const created = editing?.enterprise === null;
    void message.success(t('safety.enterprises.savedDone', { name: enterprise.name }));
    setEditing(null);
    if (created) navigate(`/safety/enterprises/${enterprise.id}`);
  };

  return (
    <>
      <PageHeader
        title={t('safety.enterprises.title')}
        description={t('safety.enterprises.description')}
        actions={
          <Space wrap>
            {canExport && (
              <Button icon={<DownloadOutlined />} loading={exporting.isPending} onClick={() => exporting.mutate()} data-testid="enterprises-export">
                {t('safety.enterprises.export')}
              </Button>
            )}
            {canManage && (
              <Button icon={<UploadOutlined />} onClick={() => setImporting(true)} data-testid="enterprises-import">
                {t('safety.enterprises.import.open')}
              </Button>
            )}
            {canManage && (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing({ enterprise: null })} data-testid="enterprise-create">
                {t('safety.enterprises.create')}
              </Button>
            )}
          </Space>
        }
      />
      <Card>
        <EnterpriseFilters onChange={setFilter} />
        <QueryError error={enterprises.error} />
        <EnterprisesTable enterprises={enterprises.items} loading={enterprises.isLoading} {...(canManage ? { onEdit: (enterprise: Enterprise) => setEditing({ enterprise }) } : {})} />
        <LoadMore hasMore={enterprises.hasMore} loading={enterprises.isLoadingMore} onLoadMore={enterprises.loadMore} testId="enterprises-load-more" />
      </Card>
      {editing && <EnterpriseFormDrawer enterprise={editing.enterprise} onClose={() => setEditing(null)} onSaved={saved} />}
      {importing && <EnterpriseImportModal onClose={() => setImporting(false)} />}
    </>
  );
}
