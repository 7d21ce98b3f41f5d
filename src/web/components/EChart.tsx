// The chart box with the bar and line charts on a grid (legend, mark lines) registered: what the
// statistics, cards, problems, reports and cockpit pages draw. Pages that draw other kinds only
// (the map, the Gantt chart) use ./useEChart.tsx directly and do not load these.
import type { BarSeriesOption, LineSeriesOption } from 'echarts/charts';
import { BarChart, LineChart } from 'echarts/charts';
import type { GridComponentOption, LegendComponentOption, MarkLineComponentOption, TooltipComponentOption } from 'echarts/components';
import { GridComponent, LegendComponent, MarkLineComponent } from 'echarts/components';
import type { ComposeOption } from 'echarts/core';
import { EChartBox, echarts } from './useEChart.tsx';

echarts.use([BarChart, LineChart, GridComponent, LegendComponent, MarkLineComponent]);

export type { AnyChartOption, ChartEvent, ECharts, EChartBoxProps as EChartProps } from './useEChart.tsx';
export { echarts };

/** The option of the charts registered here, typed. */
export type EChartOption = ComposeOption<
  BarSeriesOption | LineSeriesOption | GridComponentOption | LegendComponentOption | MarkLineComponentOption | TooltipComponentOption
>;

const EChart = EChartBox;
export default EChart;
