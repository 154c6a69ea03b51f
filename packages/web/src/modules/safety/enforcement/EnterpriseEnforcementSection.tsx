import { PlusOutlined } from '@ant-design/icons';
import { App, Button, Card } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { LoadMore } from '../../../app/layout/LoadMore';
import { QueryError } from '../../../app/layout/QueryError';
import { usePermission } from '../../auth/hooks/usePermission';
import { EnforcementFormDrawer } from './EnforcementFormDrawer';
import { EnforcementTable } from './EnforcementTable';
import { useEnforcementCases } from './useEnforcement';

/** An enterprise's enforcement cases, on its page; regulators open a new one from here. */
export function EnterpriseEnforcementSection({ enterpriseId }: { enterpriseId: string }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const canWrite = usePermission('enforcement:manage');
  const cases = useEnforcementCases({ enterpriseId });
  const [creating, setCreating] = useState(false);
  return (
    <Card
      title={t('enforcement.enterpriseSection')}
      extra={
        canWrite && (
          <Button size="small" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="enterprise-enforcement-new">
            {t('enforcement.create')}
          </Button>
        )
      }
      data-testid="enterprise-detail-enforcement"
    >
      <QueryError error={cases.error} />
      <EnforcementTable cases={cases.items} loading={cases.isLoading} withEnterprise={false} size="small" />
      <LoadMore hasMore={cases.hasMore} loading={cases.isLoadingMore} onLoadMore={cases.loadMore} testId="enterprise-enforcement-load-more" />
      {creating && (
        <EnforcementFormDrawer
          record={null}
          enterpriseId={enterpriseId}
          onClose={() => setCreating(false)}
          onSaved={(record) => {
            void message.success(t('enforcement.saved'));
            setCreating(false);
            navigate(`/safety/enforcement/${record.id}`);
          }}
        />
      )}
    </Card>
  );
}
