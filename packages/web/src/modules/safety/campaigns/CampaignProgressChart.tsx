import ReactEChartsCore from 'echarts-for-react/esm/core';
import { BarChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useTranslation } from 'react-i18next';
import type { CampaignProgress } from './campaigns.types';

// Only what this chart draws is bundled (STACK.md: no chunk near the unsplit size).
echarts.use([BarChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

/** Per child region: enterprises in scope and inspected, hazards found, closed and overdue. */
export function CampaignProgressChart({ progress, onRegion }: { progress: CampaignProgress; onRegion?: (code: string) => void }) {
  const { t } = useTranslation();
  const rows = progress.rows;
  const bar = (name: string, color: string, values: number[], stack?: string) => ({ name, type: 'bar', barMaxWidth: 36, data: values, itemStyle: { color }, ...(stack ? { stack } : {}) });
  const option = {
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    legend: { top: 0 },
    grid: { left: 48, right: 24, top: 40, bottom: rows.length > 10 ? 96 : 56 },
    // Many towns side by side: their names are turned so that each stays readable.
    xAxis: { type: 'category', data: rows.map((row) => row.name), axisLabel: rows.length > 10 ? { interval: 0, rotate: 40 } : { interval: 0, width: 84, overflow: 'break' } },
    yAxis: { type: 'value', minInterval: 1 },
    series: [
      bar(t('campaigns.progress.inScope'), '#91caff', rows.map((r) => r.inScope)),
      bar(t('campaigns.progress.inspected'), '#1677ff', rows.map((r) => r.inspected)),
      bar(t('campaigns.progress.hazardsClosed'), '#52c41a', rows.map((r) => r.hazardsClosed), 'hazards'),
      bar(t('campaigns.progress.hazardsOpen'), '#faad14', rows.map((r) => r.hazardsFound - r.hazardsClosed - r.hazardsOverdue), 'hazards'),
      bar(t('campaigns.progress.hazardsOverdue'), '#ff4d4f', rows.map((r) => r.hazardsOverdue), 'hazards'),
    ],
  };
  return (
    <div data-testid="campaign-progress-chart">
      <ReactEChartsCore
        echarts={echarts}
        option={option}
        notMerge
        style={{ height: 320 }}
        onEvents={onRegion ? { click: (event: { dataIndex: number }) => rows[event.dataIndex] && onRegion(rows[event.dataIndex]!.regionCode) } : {}}
      />
    </div>
  );
}
