import ReactEChartsCore from 'echarts-for-react/esm/core';
import { BarChart, LineChart, PieChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { Empty } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useCategoryName } from '../persons/categories';
import type { EpidemicDashboard } from './dashboard.types';
import { dashboardLinks } from './links';
import { useChildNames } from './useChildNames';

// Only what these charts draw is registered, so the page's chunk stays small.
echarts.use([BarChart, LineChart, PieChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

const HEIGHT = 280;
/** A command screen refreshes every minute: the charts redraw without replaying their animation. */
const STILL = { animation: false } as const;

interface ChartProps {
  board: EpidemicDashboard;
  /** The region the dashboard is narrowed to, carried into the lists. */
  regionCode: string | undefined;
}

/** Persons under management by category; a bar opens the list of that category. */
export function CategoryChart({ board, regionCode }: ChartProps) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const name = useCategoryName();
  const rows = board.byCategory.filter((c) => c.managed > 0);
  if (rows.length === 0) return <Empty description={t('epidemicDashboard.empty')} />;
  const option = {
    ...STILL,
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    grid: { left: 120, right: 24, top: 8, bottom: 24 },
    xAxis: { type: 'value', minInterval: 1 },
    yAxis: { type: 'category', inverse: true, data: rows.map((c) => name(c.category)) },
    series: [{ type: 'bar', data: rows.map((c) => c.managed), itemStyle: { color: '#1677ff' }, label: { show: true, position: 'right' } }],
  };
  const onEvents = { click: (e: { dataIndex: number }) => navigate(dashboardLinks.persons({ category: rows[e.dataIndex]?.category, status: 'managed', regionCode })) };
  return <ReactEChartsCore echarts={echarts} option={option} notMerge onEvents={onEvents} style={{ height: HEIGHT, cursor: 'pointer' }} data-testid="chart-category" data-bars={rows.length} />;
}

/** Persons under each measure today; a slice opens today's follow-up list for that measure. */
export function MeasureChart({ board, regionCode }: ChartProps) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  if (board.byMeasure.length === 0) return <Empty description={t('epidemicDashboard.noMeasures')} />;
  const option = {
    ...STILL,
    tooltip: { trigger: 'item', formatter: '{b}：{c}（{d}%）' },
    legend: { bottom: 0 },
    series: [{ type: 'pie', radius: ['40%', '68%'], data: board.byMeasure.map((m) => ({ name: t(`epidemic.measure.${m.measure}`, { defaultValue: m.measure }), value: m.count })), label: { formatter: '{b}\n{c}' } }],
  };
  const onEvents = { click: (e: { dataIndex: number }) => navigate(dashboardLinks.followups({ tab: 'due', measure: board.byMeasure[e.dataIndex]?.measure, gridCode: regionCode })) };
  return <ReactEChartsCore echarts={echarts} option={option} notMerge onEvents={onEvents} style={{ height: HEIGHT, cursor: 'pointer' }} data-testid="chart-measure" />;
}

/** Persons under management per county (or town, or community), stacked by category; a bar opens that area's list. */
export function AreaChart({ board }: ChartProps) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const category = useCategoryName();
  const items = board.byArea.items;
  const names = useChildNames(board.regionCode, board.byArea.level);
  if (items.length === 0) return <Empty description={t('epidemicDashboard.empty')} />;
  const categories = board.byCategory.filter((c) => c.managed > 0).map((c) => c.category);
  const option = {
    ...STILL,
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    legend: { top: 0, type: 'scroll' },
    grid: { left: 48, right: 16, top: 36, bottom: 64 },
    xAxis: { type: 'category', data: items.map((a) => names.get(a.regionCode) ?? a.regionCode), axisLabel: { interval: 0, rotate: items.length > 6 ? 30 : 0 } },
    yAxis: { type: 'value', minInterval: 1 },
    series: categories.map((code) => ({ name: category(code), type: 'bar', stack: 'categories', data: items.map((a) => a.byCategory[code] ?? 0) })),
  };
  const onEvents = { click: (e: { dataIndex: number }) => navigate(dashboardLinks.persons({ regionCode: items[e.dataIndex]?.regionCode, status: 'managed' })) };
  return <ReactEChartsCore echarts={echarts} option={option} notMerge onEvents={onEvents} style={{ height: HEIGHT + 40, cursor: 'pointer' }} data-testid="chart-area" data-bars={items.length} />;
}

/** Registrations per day over the last 30 days; a day opens the persons registered that day. */
export function NewPerDayChart({ board, regionCode }: ChartProps) {
  const navigate = useNavigate();
  const option = {
    ...STILL,
    tooltip: { trigger: 'axis' },
    grid: { left: 48, right: 16, top: 16, bottom: 32 },
    xAxis: { type: 'category', data: board.newPerDay.map((d) => d.date.slice(5)) },
    yAxis: { type: 'value', minInterval: 1 },
    series: [{ type: 'bar', data: board.newPerDay.map((d) => d.count), itemStyle: { color: '#fa8c16' } }],
  };
  const onEvents = { click: (e: { dataIndex: number }) => navigate(dashboardLinks.persons({ registeredOn: board.newPerDay[e.dataIndex]?.date, regionCode })) };
  return <ReactEChartsCore echarts={echarts} option={option} notMerge onEvents={onEvents} style={{ height: HEIGHT + 40, cursor: 'pointer' }} data-testid="chart-new-per-day" />;
}
