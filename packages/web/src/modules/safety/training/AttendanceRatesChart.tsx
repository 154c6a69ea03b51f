import ReactEChartsCore from 'echarts-for-react/esm/core';
import { BarChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useTranslation } from 'react-i18next';
import type { AttendanceRates } from './training.types';

// Only what this chart draws is bundled (STACK.md: no chunk near the unsplit size).
echarts.use([BarChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

/** Per unit: the attendance rate (bars, %) with required and attended in the tooltip. */
export function AttendanceRatesChart({ rates }: { rates: AttendanceRates }) {
  const { t } = useTranslation();
  const items = rates.items;
  const option = {
    tooltip: {
      trigger: 'axis',
      axisPointer: { type: 'shadow' },
      formatter: (params: Array<{ dataIndex: number }>) => {
        const item = items[params[0]?.dataIndex ?? 0];
        if (!item) return '';
        return `${item.name ?? item.groupId}<br/>${t('training.tally.rate')}：${item.rate === null ? '—' : `${(item.rate * 100).toFixed(1)}%`}<br/>${t('training.tally.attended')} ${item.attended} / ${t('training.tally.required')} ${item.required}`;
      },
    },
    grid: { left: 48, right: 24, top: 24, bottom: 72 },
    xAxis: { type: 'category', data: items.map((i) => i.name ?? i.groupId), axisLabel: { interval: 0, width: 96, overflow: 'break' } },
    yAxis: { type: 'value', min: 0, max: 100, axisLabel: { formatter: '{value}%' } },
    series: [
      {
        name: t('training.tally.rate'),
        type: 'bar',
        barMaxWidth: 48,
        data: items.map((i) => ({ value: i.rate === null ? 0 : Math.round(i.rate * 1000) / 10, itemStyle: { color: i.rate !== null && i.rate >= 0.9 ? '#52c41a' : i.rate !== null && i.rate >= 0.6 ? '#faad14' : '#ff4d4f' } })),
      },
    ],
  };
  return (
    <div data-testid="attendance-chart">
      <ReactEChartsCore echarts={echarts} option={option} notMerge style={{ height: 340 }} />
    </div>
  );
}
