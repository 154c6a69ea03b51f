import { Card, Col, Progress, Row, Space, Statistic, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { DoubleDecreaseReport } from './accidents.types';
import { DoubleDecreaseTag } from './DoubleDecreaseTag';
import { formatRatio } from './format';

function Measure({ label, current, previous, delta, ratio, max, testId }: { label: string; current: number; previous: number; delta: number; ratio: number | null; max: number | null; testId: string }) {
  const { t } = useTranslation();
  return (
    <Space orientation="vertical" size={4} data-testid={testId}>
      <Statistic title={label} value={current} suffix={<Typography.Text type="secondary">{t('accidents.dd.lastYear', { value: previous })}</Typography.Text>} />
      <Typography.Text type={delta < 0 ? 'success' : delta > 0 ? 'danger' : 'secondary'}>
        {t('accidents.dd.change', { delta: `${delta > 0 ? '+' : ''}${delta}`, ratio: formatRatio(ratio) })}
      </Typography.Text>
      {max !== null && (
        <div style={{ width: 200 }}>
          <Progress percent={max === 0 ? (current > 0 ? 100 : 0) : Math.round((current / max) * 100)} status={current > max ? 'exception' : 'normal'} size="small" />
          <Typography.Text type="secondary">{t('accidents.dd.targetOf', { max })}</Typography.Text>
        </div>
      )}
    </Space>
  );
}

/** 双下降 / 单下降 / 未下降 for the period and region, with both figures against last year and the target. */
export function StatusCard({ report }: { report: DoubleDecreaseReport }) {
  const { t } = useTranslation();
  return (
    <Card data-testid="dd-status-card">
      <Row gutter={[24, 16]} align="middle">
        <Col xs={24} md={6}>
          <Space orientation="vertical" size={4}>
            <Typography.Text type="secondary">{report.regionName ?? report.regionCode}</Typography.Text>
            <DoubleDecreaseTag status={report.status} testId="dd-status" large />
            <Typography.Text type="secondary">
              {t('accidents.dd.periods', { from: report.period.from, to: report.period.to, lastFrom: report.previousPeriod.from, lastTo: report.previousPeriod.to })}
            </Typography.Text>
            {report.asOf && <Typography.Text type="warning" data-testid="dd-asof-note">{t('accidents.dd.asOfNote', { asOf: report.asOf })}</Typography.Text>}
          </Space>
        </Col>
        <Col xs={12} md={9}>
          <Measure
            label={t('accidents.dd.accidents')}
            current={report.current.accidents}
            previous={report.previous.accidents}
            delta={report.change.accidents.delta}
            ratio={report.change.accidents.ratio}
            max={report.target?.maxAccidents ?? null}
            testId="dd-accidents"
          />
        </Col>
        <Col xs={12} md={9}>
          <Measure label={t('accidents.dd.deaths')} current={report.current.deaths} previous={report.previous.deaths} delta={report.change.deaths.delta} ratio={report.change.deaths.ratio} max={report.target?.maxDeaths ?? null} testId="dd-deaths" />
        </Col>
      </Row>
    </Card>
  );
}
