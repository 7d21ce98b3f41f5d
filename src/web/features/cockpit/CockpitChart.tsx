// The cockpit's charts go through the statistics' ECharts host; the cockpit also draws gauges and a
// donut with a centre label, registered here.
import * as echarts from 'echarts/core';
import { GaugeChart, PieChart } from 'echarts/charts';
import { GraphicComponent } from 'echarts/components';
import EChart from '../stats/EChart.tsx';

echarts.use([GaugeChart, PieChart, GraphicComponent]);

export type ChartOption = echarts.EChartsCoreOption;

export interface CockpitChartProps {
  option: ChartOption;
  height: number | string;
  onClick?: (p: { dataIndex: number }) => void;
  label: string;
}

export default function CockpitChart({ option, height, onClick, label }: CockpitChartProps) {
  return (
    <div style={{ height, cursor: onClick ? 'pointer' : undefined }}>
      <EChart option={option} height={height} onClick={onClick && ((dataIndex) => onClick({ dataIndex }))} aria-label={label} />
    </div>
  );
}
