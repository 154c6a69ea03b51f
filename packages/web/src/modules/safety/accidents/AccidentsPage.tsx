import { PlusOutlined } from '@ant-design/icons';
import { App, Button, Card } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { LoadMore } from '../../../app/layout/LoadMore';
import { PageHeader } from '../../../app/layout/PageHeader';
import { QueryError } from '../../../app/layout/QueryError';
import { usePermission } from '../../auth/hooks/usePermission';
import { AccidentFilters } from './AccidentFilters';
import type { AccidentDetail, AccidentFilter } from './accidents.types';
import { AccidentsTable } from './AccidentsTable';
import { ObligationsCard } from './ObligationsCard';
import { ReportAccidentDrawer } from './ReportAccidentDrawer';
import { useAccidents } from './useAccidents';
import { useLocalized } from './useLocalized';

export default function AccidentsPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const localized = useLocalized();
  const navigate = useNavigate();
  const canReport = usePermission('accidents:report');
  const [filter, setFilter] = useState<AccidentFilter>({});
  const accidents = useAccidents(filter);
  const [reporting, setReporting] = useState(false);

  const reported = (accident: AccidentDetail) => {
    void message.success(t('accidents.form.done', { grade: localized(accident.gradeLabel) }));
    setReporting(false);
    navigate(`/safety/accidents/${accident.id}`);
  };

  return (
    <>
      <PageHeader
        title={t('accidents.list.title')}
        description={t('accidents.list.description')}
        actions={
          canReport && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setReporting(true)} data-testid="accident-report">
              {t('accidents.list.report')}
            </Button>
          )
        }
      />
      <ObligationsCard />
      <Card>
        <AccidentFilters onChange={setFilter} />
        <QueryError error={accidents.error} />
        <AccidentsTable accidents={accidents.items} loading={accidents.isLoading} />
        <LoadMore hasMore={accidents.hasMore} loading={accidents.isLoadingMore} onLoadMore={accidents.loadMore} testId="accidents-load-more" />
      </Card>
      {reporting && <ReportAccidentDrawer onClose={() => setReporting(false)} onReported={reported} />}
    </>
  );
}
