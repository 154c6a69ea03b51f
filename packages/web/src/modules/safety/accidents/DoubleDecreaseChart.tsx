import ReactEChartsCore from 'echarts-for-react/esm/core';
import { BarChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useTranslation } from 'react-i18next';
import type { DoubleDecreaseReport } from './accidents.types';

// Only what this chart draws is registered, so the page's chunk stays small.
echarts.use([BarChart, LineChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

/** Month by month: accidents as bars and deaths as lines, this year against the same month last year. */
export function DoubleDecreaseChart({ monthly }: { monthly: DoubleDecreaseReport['monthly'] }) {
  const { t } = useTranslation();
  const names = {
    accidents: t('accidents.dd.chart.accidents'),
    accidentsLast: t('accidents.dd.chart.accidentsLastYear'),
    deaths: t('accidents.dd.chart.deaths'),
    deathsLast: t('accidents.dd.chart.deathsLastYear'),
  };
  const option = {
    tooltip: { trigger: 'axis' },
    legend: { top: 0, data: Object.values(names) },
    grid: { left: 48, right: 48, top: 64, bottom: 32 },
    xAxis: { type: 'category', data: monthly.map((m) => t('accidents.dd.chart.month', { year: m.month.slice(0, 4), month: Number(m.month.slice(5)) })) },
    yAxis: [
      { type: 'value', name: t('accidents.dd.chart.accidentsAxis'), minInterval: 1 },
      { type: 'value', name: t('accidents.dd.chart.deathsAxis'), minInterval: 1 },
    ],
    series: [
      { name: names.accidents, type: 'bar', data: monthly.map((m) => m.current.accidents), itemStyle: { color: '#1677ff' } },
      { name: names.accidentsLast, type: 'bar', data: monthly.map((m) => m.previous.accidents), itemStyle: { color: '#bfbfbf' } },
      { name: names.deaths, type: 'line', yAxisIndex: 1, data: monthly.map((m) => m.current.deaths), itemStyle: { color: '#cf1322' } },
      { name: names.deathsLast, type: 'line', yAxisIndex: 1, data: monthly.map((m) => m.previous.deaths), lineStyle: { type: 'dashed' }, itemStyle: { color: '#fa8c16' } },
    ],
  };
  return (
    <div data-testid="dd-chart">
      <ReactEChartsCore echarts={echarts} option={option} notMerge style={{ height: 340 }} />
    </div>
  );
}
