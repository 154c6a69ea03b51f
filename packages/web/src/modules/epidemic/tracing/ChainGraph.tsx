import ReactEChartsCore from 'echarts-for-react/esm/core';
import { GraphChart } from 'echarts/charts';
import { LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useCategoryName } from '../persons/categories';
import type { ChainGraph as Chain } from './tracing.types';

echarts.use([GraphChart, TooltipComponent, LegendComponent, CanvasRenderer]);

/** Category colours, the hues of the persons module's tags; persons outside the ground are grey. */
const COLORS: Record<string, string> = {
  confirmed: '#cf1322',
  suspected: '#fa8c16',
  asymptomatic: '#d4380d',
  close_contact: '#d4b106',
  secondary_contact: '#1677ff',
  arrival_key_area: '#722ed1',
  other_key_group: '#2f54eb',
};
const OUTSIDE = '__outside__';
const OUTSIDE_COLOR = '#bfbfbf';

/** The index case is drawn largest; each generation after it smaller. */
function sizeOf(generation: number): number {
  return Math.max(12, 36 - generation * 7);
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

interface Props {
  chain: Chain;
  onSelect: (personId: string) => void;
}

/**
 * The chain of transmission as an ECharts force graph: colour by category, size by generation,
 * the person it was opened for outlined. A click selects a person (the page shows them beside the
 * graph), which leaves the layout as it is.
 */
export function ChainGraph({ chain, onSelect }: Props) {
  const { t } = useTranslation();
  const categoryName = useCategoryName();

  const option = useMemo(() => {
    const codes = [...new Set(chain.nodes.map((n) => (n.visible && n.category ? n.category : OUTSIDE)))];
    const label = (code: string) => (code === OUTSIDE ? t('epidemicOps.tracing.outsideGround') : categoryName(code));
    const nodes = new Map(chain.nodes.map((n) => [n.id, n]));
    const display = (id: string) => {
      const n = nodes.get(id);
      return n?.visible && n.name ? n.name : t('epidemicOps.tracing.outsideGround');
    };
    const large = chain.nodes.length > 300;
    return {
      color: codes.map((c) => COLORS[c] ?? (c === OUTSIDE ? OUTSIDE_COLOR : '#8c8c8c')),
      tooltip: {
        formatter: (params: { dataType?: string; data?: { id?: string; source?: string; target?: string; setting?: string; date?: string } }) => {
          const d = params.data ?? {};
          if (params.dataType === 'edge') {
            return [
              `${escapeHtml(display(d.source ?? ''))} → ${escapeHtml(display(d.target ?? ''))}`,
              `${t('epidemicOps.tracing.field.setting')}：${escapeHtml(t(`epidemicOps.setting.${d.setting}`, { defaultValue: d.setting ?? '' }))}`,
              `${t('epidemicOps.tracing.field.date')}：${escapeHtml(d.date ?? '')}`,
            ].join('<br/>');
          }
          const n = nodes.get(d.id ?? '');
          if (!n) return '';
          return [
            `<b>${escapeHtml(display(n.id))}</b>${n.isIndexCase ? ` · ${escapeHtml(t('epidemicOps.tracing.indexCase'))}` : ''}`,
            escapeHtml(label(n.visible && n.category ? n.category : OUTSIDE)),
            escapeHtml(t('epidemicOps.tracing.generationN', { n: n.generation })),
            n.firstDate ? `${escapeHtml(t('epidemicOps.tracing.firstDate'))}：${escapeHtml(n.firstDate)}` : '',
          ]
            .filter(Boolean)
            .join('<br/>');
        },
      },
      legend: [{ data: codes.map(label), top: 0, left: 0, right: 0 }],
      series: [
        {
          type: 'graph',
          layout: 'force',
          roam: true,
          draggable: !large,
          top: codes.length > 4 ? 64 : 40,
          force: { repulsion: large ? 30 : 160, edgeLength: large ? [10, 30] : [40, 90], gravity: large ? 0.2 : 0.08, layoutAnimation: !large },
          categories: codes.map((code) => ({ name: label(code) })),
          data: chain.nodes.map((n) => {
            const highlighted = n.id === chain.focusPersonId;
            return {
              id: n.id,
              name: display(n.id),
              category: codes.indexOf(n.visible && n.category ? n.category : OUTSIDE),
              value: n.generation,
              symbolSize: sizeOf(n.generation),
              itemStyle: highlighted ? { borderColor: '#000', borderWidth: 3 } : n.isIndexCase ? { borderColor: '#fff', borderWidth: 2, shadowBlur: 8, shadowColor: 'rgba(0,0,0,0.4)' } : {},
              label: { show: n.isIndexCase || highlighted || chain.nodes.length <= 40, position: 'right', formatter: '{b}' },
            };
          }),
          links: chain.edges.map((e) => ({ source: e.source, target: e.target, setting: e.setting, date: e.date })),
          edgeSymbol: ['none', 'arrow'],
          edgeSymbolSize: 7,
          lineStyle: { color: 'source', opacity: 0.55, curveness: 0.12 },
          emphasis: { focus: 'adjacency', lineStyle: { width: 3 } },
        },
      ],
    };
  }, [chain, t, categoryName]);

  return (
    <div data-testid="chain-graph" data-nodes={chain.nodes.length} data-edges={chain.edges.length}>
      <ReactEChartsCore
        echarts={echarts}
        option={option}
        notMerge
        style={{ height: 560, width: '100%' }}
        onEvents={{ click: (params: { dataType?: string; data?: { id?: string } }) => params.dataType === 'node' && params.data?.id && onSelect(params.data.id) }}
      />
    </div>
  );
}
