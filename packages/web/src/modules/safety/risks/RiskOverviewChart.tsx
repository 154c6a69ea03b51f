import { RISK_LEVEL_LABELS, RISK_LEVELS } from '@shoutu/domain';
import ReactEChartsCore from 'echarts-for-react/esm/core';
import { BarChart, PieChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { Col, Row } from 'antd';
import { useTranslation } from 'react-i18next';
import { useLabel } from '../hazards/useLabel';
import { RISK_COLOURS } from './RiskLevelTag';
import type { RiskOverview } from './risks.types';

// Only what these charts draw is registered, so the page's chunk stays small.
echarts.use([PieChart, BarChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

/** The four colours of the subtree as a pie, and of each child region as stacked bars. */
export function RiskOverviewChart({ overview }: { overview: RiskOverview }) {
  const { t } = useTranslation();
  const label = useLabel();
  const name = (level: (typeof RISK_LEVELS)[number]) => label(RISK_LEVEL_LABELS[level]);
  const pie = {
    tooltip: { trigger: 'item', formatter: '{b}：{c}（{d}%）' },
    legend: { bottom: 0 },
    series: [
      {
        type: 'pie',
        radius: ['40%', '70%'],
        data: RISK_LEVELS.map((level) => ({ name: name(level), value: overview.total[level], itemStyle: { color: RISK_COLOURS[level] } })),
        label: { formatter: '{b}\n{c}' },
      },
    ],
  };
  const children = overview.children.filter((c) => RISK_LEVELS.some((level) => c[level] > 0));
  const bar = {
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    legend: { top: 0 },
    grid: { left: 48, right: 16, top: 40, bottom: 64 },
    xAxis: { type: 'category', data: children.map((c) => c.name), axisLabel: { interval: 0, rotate: children.length > 6 ? 30 : 0 } },
    yAxis: { type: 'value', minInterval: 1, name: t('hazards.risks.overview.points') },
    series: RISK_LEVELS.map((level) => ({ name: name(level), type: 'bar', stack: 'levels', data: children.map((c) => c[level]), itemStyle: { color: RISK_COLOURS[level] } })),
  };
  return (
    <Row gutter={16} data-testid="risk-overview-chart">
      <Col xs={24} lg={9}>
        <ReactEChartsCore echarts={echarts} option={pie} notMerge style={{ height: 300 }} />
      </Col>
      <Col xs={24} lg={15}>
        <ReactEChartsCore echarts={echarts} option={bar} notMerge style={{ height: 300 }} />
      </Col>
    </Row>
  );
}
