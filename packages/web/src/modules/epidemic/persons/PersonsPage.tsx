import { PlusOutlined, UploadOutlined } from '@ant-design/icons';
import { App, Button, Card, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { LoadMore } from '../../../app/layout/LoadMore';
import { PageHeader } from '../../../app/layout/PageHeader';
import { QueryError } from '../../../app/layout/QueryError';
import { useMayWrite } from '../../auth/hooks/useFieldRules';
import { ExportButton } from '../../exports/ExportButton';
import { PersonFilters } from './PersonFilters';
import { PersonImportModal } from './PersonImportModal';
import { PersonsTable } from './PersonsTable';
import type { PersonDetail, PersonFilter, PersonStatus } from './persons.types';
import { RegisterPersonDrawer } from './RegisterPersonDrawer';
import { usePersons } from './usePersons';

export default function PersonsPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  // A checkpoint officer holds persons:manage for arrivals but registers nobody here (field-level rules).
  const canManage = useMayWrite('person_registration', 'name', 'persons:manage');
  // Filters live in the URL so a dashboard figure can open its list; an ID number or phone never does.
  const [params, setParams] = useSearchParams();
  const [q, setQ] = useState<string | undefined>();
  const status = params.get('status');
  const filter: PersonFilter = {
    ...(params.get('category') ? { category: params.get('category')! } : {}),
    ...(status === 'managed' || status === 'released' ? { status: status as PersonStatus } : {}),
    ...(params.get('regionCode') ? { regionCode: params.get('regionCode')! } : {}),
    ...(params.get('registeredOn') ? { registeredOn: params.get('registeredOn')! } : {}),
    ...(q ? { q } : {}),
  };
  const persons = usePersons(filter);
  const applyFilter = ({ q: exact, ...rest }: PersonFilter) => {
    setQ(exact);
    setParams(Object.fromEntries(Object.entries(rest).filter(([, value]) => value !== undefined)) as Record<string, string>);
  };
  const [registering, setRegistering] = useState(false);
  const [importing, setImporting] = useState(false);

  const registered = (person: PersonDetail) => {
    void message.success(t('epidemic.persons.registeredDone', { name: person.name }));
    setRegistering(false);
    navigate(`/epidemic/persons/${person.id}`);
  };

  return (
    <>
      <PageHeader
        title={t('epidemic.persons.title')}
        description={t('epidemic.persons.description')}
        actions={
          <Space wrap>
            {/* An exact ID or phone search is never exported: the export takes the list's filters only. */}
            <ExportButton path="/persons/export" filter={{ category: filter.category, status: filter.status, regionCode: filter.regionCode, registeredOn: filter.registeredOn }} formats={['xlsx', 'csv', 'pdf']} unmaskPermission="persons:unmask" testId="persons-export" />
            {canManage && (
              <Button icon={<UploadOutlined />} onClick={() => setImporting(true)} data-testid="person-import">
                {t('epidemic.persons.import.open')}
              </Button>
            )}
            {canManage && (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setRegistering(true)} data-testid="person-register">
                {t('epidemic.persons.register')}
              </Button>
            )}
          </Space>
        }
      />
      <Card>
        <PersonFilters key={params.toString()} initial={filter} onChange={applyFilter} />
        <QueryError error={persons.error} />
        <PersonsTable persons={persons.items} loading={persons.isLoading} />
        <LoadMore hasMore={persons.hasMore} loading={persons.isLoadingMore} onLoadMore={persons.loadMore} testId="persons-load-more" />
      </Card>
      {registering && <RegisterPersonDrawer onClose={() => setRegistering(false)} onRegistered={registered} />}
      {importing && <PersonImportModal onClose={() => setImporting(false)} />}
    </>
  );
}
