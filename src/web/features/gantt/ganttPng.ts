// The Gantt chart as a PNG file that stands on its own: the title goes into the picture for the
// moment it is taken (white background, double resolution), then the chart is drawn as before.
import type { ECharts } from '../../components/useEChart.tsx';
import type { GanttOption } from './ganttOption.ts';

export interface GanttPng {
  title: string;
  subtitle?: string;
  fileName: string;
}

export function saveGanttPng(chart: ECharts | null, option: GanttOption, { title, subtitle, fileName }: GanttPng) {
  if (!chart) return;
  const grid = (option.grid ?? {}) as { top?: number };
  chart.setOption({
    title: { text: title, subtext: subtitle, left: 12, top: 8, textStyle: { fontSize: 16, color: '#1f2329' }, subtextStyle: { color: '#5c6470' } },
    grid: { top: (grid.top ?? 40) + 48 }, legend: { top: 52 },
  });
  const url = chart.getDataURL({ type: 'png', pixelRatio: 2, backgroundColor: '#fff' });
  chart.setOption(option, true);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.appendChild(a);
  a.click();
  a.remove();
}
