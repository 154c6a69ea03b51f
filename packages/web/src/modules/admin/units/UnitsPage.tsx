import { PlusOutlined } from '@ant-design/icons';
import { App, Button, Card } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LoadMore } from '../../../app/layout/LoadMore';
import { PageHeader } from '../../../app/layout/PageHeader';
import { QueryError } from '../../../app/layout/QueryError';
import { UnitFormDrawer } from './UnitFormDrawer';
import { UnitsTable } from './UnitsTable';
import type { Unit } from './units.types';
import { useUnits } from './useUnits';

type Editing = { unit: Unit | null } | null;

export default function UnitsPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const units = useUnits();
  const [editing, setEditing] = useState<Editing>(null);

  const saved = (unit: Unit) => {
    void message.success(t('units.savedDone', { name: unit.name }));
    setEditing(null);
  };

  return (
    <>
      <PageHeader
        title={t('units.title')}
        description={t('units.description')}
        actions={
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing({ unit: null })} data-testid="unit-create">
            {t('units.create')}
          </Button>
        }
      />
      <Card>
        <QueryError error={units.error} />
        <UnitsTable units={units.items} loading={units.isLoading} onEdit={(unit) => setEditing({ unit })} />
        <LoadMore hasMore={units.hasMore} loading={units.isLoadingMore} onLoadMore={units.loadMore} testId="units-load-more" />
      </Card>
      {editing && <UnitFormDrawer unit={editing.unit} onClose={() => setEditing(null)} onSaved={saved} />}
    </>
  );
}
