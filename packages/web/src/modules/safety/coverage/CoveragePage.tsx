import { Card, Col, Flex, Row, Segmented, Statistic, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../../app/layout/PageHeader';
import { QueryError } from '../../../app/layout/QueryError';
import { CoverageChart } from './CoverageChart';
import { CoverageTable } from './CoverageTable';
import { IndustrySupervisionCard } from './IndustrySupervisionCard';
import { useCoverage } from './useCoverage';

const MONTHS = [3, 6, 12, 24];

/** 三个必须: which enterprises of the ground no department supervises, and which were not inspected lately. */
export default function CoveragePage() {
  const { t } = useTranslation();
  const [months, setMonths] = useState(12);
  const report = useCoverage(months);
  const totals = report.data?.totals;
  return (
    <>
      <PageHeader
        title={t('safety.coverage.title')}
        description={t('safety.coverage.description')}
        actions={
          <Flex align="center" gap={8}>
            <Typography.Text>{t('safety.coverage.period')}</Typography.Text>
            <Segmented<number>
              value={months}
              onChange={setMonths}
              options={MONTHS.map((value) => ({ value, label: t('safety.coverage.monthsOption', { count: value }) }))}
              data-testid="coverage-months"
            />
          </Flex>
        }
      />
      <QueryError error={report.error} />
      <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
        <Col xs={24} md={8}>
          <Card>
            <Statistic title={t('safety.coverage.enterprises')} value={totals?.enterprises ?? '—'} loading={report.isLoading} data-testid="coverage-total" />
          </Card>
        </Col>
        <Col xs={24} md={8}>
          <Card>
            <Statistic title={t('safety.coverage.unsupervised')} value={totals?.unsupervised ?? '—'} loading={report.isLoading} styles={{ content: { color: totals?.unsupervised ? '#cf1322' : undefined } }} data-testid="coverage-unsupervised" />
          </Card>
        </Col>
        <Col xs={24} md={8}>
          <Card>
            <Statistic title={t('safety.coverage.notInspected', { months })} value={totals?.notInspected ?? '—'} loading={report.isLoading} styles={{ content: { color: totals?.notInspected ? '#d48806' : undefined } }} data-testid="coverage-not-inspected" />
          </Card>
        </Col>
      </Row>
      <Card title={t('safety.coverage.byRegion')} style={{ marginBottom: 16 }}>
        {report.data && report.data.regions.length > 0 && <CoverageChart regions={report.data.regions} months={months} />}
        <CoverageTable regions={report.data?.regions ?? []} months={months} loading={report.isLoading} />
      </Card>
      <IndustrySupervisionCard />
    </>
  );
}
