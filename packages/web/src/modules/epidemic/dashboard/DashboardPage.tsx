import { Card, Col, Flex, List, Row, Spin, Statistic, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import type { ReactNode } from 'react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PageHeader } from '../../../app/layout/PageHeader';
import { QueryError } from '../../../app/layout/QueryError';
import { RegionName } from '../../regions/components/RegionName';
import { RegionTreeSelect } from '../../regions/components/RegionTreeSelect';
import { AreaChart, CategoryChart, MeasureChart, NewPerDayChart } from './DashboardCharts';
import { useEpidemicDashboard } from './dashboard.api';
import type { EpidemicDashboard } from './dashboard.types';
import { dashboardLinks } from './links';

const LEVEL_COLORS = { high: 'red', medium: 'orange', low: 'green' } as const;

/** One figure: its number, and the list it stands for behind a link. */
function Figure({ title, value, to, testId, color }: { title: string; value: number; to: string; testId: string; color?: string }) {
  return (
    <Link to={to} data-testid={testId} data-value={value} style={{ display: 'block' }}>
      <Card size="small" hoverable>
        <Statistic title={title} value={value} styles={color ? { content: { color } } : {}} />
      </Card>
    </Link>
  );
}

function Figures({ board, regionCode }: { board: EpidemicDashboard; regionCode: string | undefined }) {
  const { t } = useTranslation();
  const tomorrow = dayjs(board.date).add(1, 'day').format('YYYY-MM-DD');
  const figures: Array<{ key: string; value: number; to: string; color?: string }> = [
    { key: 'managed', value: board.totals.managed, to: dashboardLinks.persons({ status: 'managed', regionCode }) },
    { key: 'followupsDue', value: board.followups.dueToday, to: dashboardLinks.followups({ tab: 'due', gridCode: regionCode }) },
    { key: 'followupsOutstanding', value: board.followups.outstandingToday, to: dashboardLinks.followups({ tab: 'due', pending: '1', gridCode: regionCode }), color: board.followups.outstandingToday > 0 ? '#d46b08' : undefined },
    { key: 'missedYesterday', value: board.followups.missedYesterday, to: dashboardLinks.followups({ tab: 'missed', gridCode: regionCode }), color: board.followups.missedYesterday > 0 ? '#cf1322' : undefined },
    { key: 'releaseToday', value: board.releases.dueToday, to: dashboardLinks.followups({ tab: 'release', gridCode: regionCode }) },
    { key: 'releaseTomorrow', value: board.releases.dueTomorrow, to: dashboardLinks.followups({ tab: 'release', date: tomorrow, gridCode: regionCode }) },
    { key: 'checksToday', value: board.travelChecks.total, to: dashboardLinks.travelChecks({ day: board.date }) },
    { key: 'deniedToday', value: board.travelChecks.denied, to: dashboardLinks.travelChecks({ day: board.date, decision: 'deny' }), color: board.travelChecks.denied > 0 ? '#cf1322' : undefined },
    { key: 'riskAreas', value: board.riskAreas.active, to: dashboardLinks.areas({ regionCode, active: '1' }), color: board.riskAreas.active > 0 ? '#d46b08' : undefined },
  ];
  return (
    <Row gutter={[12, 12]} style={{ marginBottom: 16 }}>
      {figures.map((f) => (
        <Col key={f.key} xs={12} md={8} xl={6} xxl={4}>
          <Figure title={t(`epidemicDashboard.figure.${f.key}`)} value={f.value} to={f.to} testId={`figure-${f.key}`} {...(f.color ? { color: f.color } : {})} />
        </Col>
      ))}
    </Row>
  );
}

function Panel({ title, testId, children, extra }: { title: string; testId: string; children: ReactNode; extra?: ReactNode }) {
  return (
    <Card size="small" title={title} extra={extra} data-testid={testId} style={{ height: '100%' }}>
      {children}
    </Card>
  );
}

function RiskAreas({ board }: { board: EpidemicDashboard }) {
  const { t } = useTranslation();
  const { byLevel, items } = board.riskAreas;
  return (
    <>
      <Flex gap={8} wrap style={{ marginBottom: 8 }}>
        {(['high', 'medium', 'low'] as const).map((level) => (
          <Tag key={level} color={LEVEL_COLORS[level]}>
            {t(`epidemicDashboard.level.${level}`)} {byLevel[level]}
          </Tag>
        ))}
      </Flex>
      <List
        size="small"
        dataSource={items}
        locale={{ emptyText: t('epidemicDashboard.noRiskAreas') }}
        renderItem={(area) => (
          <List.Item>
            <Flex justify="space-between" style={{ width: '100%' }} gap={8}>
              <span>
                {area.placeName ? `${area.placeName} · ` : ''}
                <RegionName code={area.regionCode} />
              </span>
              <Tag color={LEVEL_COLORS[area.level]}>{t(`epidemicDashboard.level.${area.level}`)}</Tag>
            </Flex>
          </List.Item>
        )}
      />
    </>
  );
}

/** 疫情防控驾驶舱: today's figures of the ground; each one opens the list it counts. */
export default function EpidemicDashboardPage() {
  const { t } = useTranslation();
  const [regionCode, setRegionCode] = useState<string | undefined>();
  const dashboard = useEpidemicDashboard(regionCode);
  const board = dashboard.data;

  return (
    <>
      <PageHeader
        title={t('epidemicDashboard.title')}
        description={t('epidemicDashboard.description', { date: board?.date ?? '' })}
        actions={
          <Flex align="center" gap={8} style={{ minWidth: 300 }}>
            <Typography.Text type="secondary">{t('epidemicDashboard.region')}</Typography.Text>
            <div style={{ flex: 1 }}>
              <RegionTreeSelect single value={regionCode} onChange={(code) => setRegionCode(code || undefined)} data-testid="dashboard-region" />
            </div>
          </Flex>
        }
      />
      <QueryError error={dashboard.error} />
      {!board ? (
        dashboard.isPending && <Spin />
      ) : (
        <div data-testid="epidemic-dashboard">
          <Figures board={board} regionCode={regionCode} />
          <Row gutter={[16, 16]}>
            <Col xs={24} xl={12}>
              <Panel title={t('epidemicDashboard.panel.category', { managed: board.totals.managed, released: board.totals.released })} testId="panel-category">
                <CategoryChart board={board} regionCode={regionCode} />
              </Panel>
            </Col>
            <Col xs={24} xl={12}>
              <Panel title={t('epidemicDashboard.panel.measure')} testId="panel-measure">
                <MeasureChart board={board} regionCode={regionCode} />
              </Panel>
            </Col>
            <Col xs={24} xl={12}>
              <Panel title={t(`epidemicDashboard.panel.area.${board.byArea.level}`)} testId="panel-area">
                <AreaChart board={board} regionCode={regionCode} />
              </Panel>
            </Col>
            <Col xs={24} xl={12}>
              <Panel title={t('epidemicDashboard.panel.newPerDay')} testId="panel-new-per-day">
                <NewPerDayChart board={board} regionCode={regionCode} />
              </Panel>
            </Col>
            <Col xs={24} xl={12}>
              <Panel title={t('epidemicDashboard.panel.riskAreas')} testId="panel-risk-areas" extra={<Link to={dashboardLinks.areas({ regionCode })}>{t('epidemicDashboard.open')}</Link>}>
                <RiskAreas board={board} />
              </Panel>
            </Col>
            <Col xs={24} xl={12}>
              <Panel title={t('epidemicDashboard.panel.travel')} testId="panel-travel" extra={<Link to={dashboardLinks.travelChecks({})}>{t('epidemicDashboard.open')}</Link>}>
                <List
                  size="small"
                  dataSource={[...board.travelChecks.byDay].reverse()}
                  renderItem={(day) => (
                    <List.Item>
                      <Link to={dashboardLinks.travelChecks({ day: day.date })}>{day.date}</Link>
                      <span>{t('epidemicDashboard.travelDay', { total: day.total, denied: day.denied, alerted: day.alerted })}</span>
                    </List.Item>
                  )}
                />
              </Panel>
            </Col>
          </Row>
        </div>
      )}
    </>
  );
}
