import { Card } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LoadMore } from '../../app/layout/LoadMore';
import { PageHeader } from '../../app/layout/PageHeader';
import { QueryError } from '../../app/layout/QueryError';
import { AuditFilters } from './AuditFilters';
import { AuditTable } from './AuditTable';
import type { AuditFilter } from './audit.types';
import { AuditVerify } from './AuditVerify';
import { useAuditEntries } from './useAuditEntries';

export default function AuditPage() {
  const { t } = useTranslation();
  const [filter, setFilter] = useState<AuditFilter>({});
  const entries = useAuditEntries(filter);
  return (
    <>
      <PageHeader title={t('audit.title')} description={t('audit.description')} actions={<AuditVerify />} />
      <Card>
        <AuditFilters onChange={setFilter} />
        <QueryError error={entries.error} />
        <AuditTable entries={entries.items} loading={entries.isLoading} />
        <LoadMore hasMore={entries.hasMore} loading={entries.isLoadingMore} onLoadMore={entries.loadMore} testId="audit-load-more" />
      </Card>
    </>
  );
}
