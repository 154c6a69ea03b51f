import ReactEChartsCore from 'echarts-for-react/esm/core';
import { BarChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useTranslation } from 'react-i18next';
import type { CoverageRegion } from './coverage.types';

// Only what this chart draws is bundled (STACK.md: no chunk near the unsplit size).
echarts.use([BarChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

/** Per county-level region: enterprises, those no department supervises, those not inspected within N months. */
export function CoverageChart({ regions, months }: { regions: CoverageRegion[]; months: number }) {
  const { t } = useTranslation();
  const option = {
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    legend: { top: 0 },
    grid: { left: 48, right: 24, top: 40, bottom: 56 },
    xAxis: { type: 'category', data: regions.map((region) => region.regionName ?? region.regionCode), axisLabel: { interval: 0, width: 84, overflow: 'break' } },
    yAxis: { type: 'value', minInterval: 1 },
    series: [
      { name: t('safety.coverage.enterprises'), type: 'bar', barMaxWidth: 48, data: regions.map((r) => r.enterprises), itemStyle: { color: '#91caff' } },
      { name: t('safety.coverage.unsupervised'), type: 'bar', barMaxWidth: 48, data: regions.map((r) => r.unsupervised), itemStyle: { color: '#ff4d4f' } },
      { name: t('safety.coverage.notInspected', { months }), type: 'bar', barMaxWidth: 48, data: regions.map((r) => r.notInspected), itemStyle: { color: '#faad14' } },
    ],
  };
  return (
    <div data-testid="coverage-chart">
      <ReactEChartsCore echarts={echarts} option={option} notMerge style={{ height: 340 }} />
    </div>
  );
}
