// The ECharts host of the Gantt chart: custom series on a time axis, resized with its box; the
// parent can take a PNG of it on a white background.
import { forwardRef, useEffect, useImperativeHandle, useRef } from 'react';
import * as echarts from 'echarts/core';
import { CustomChart } from 'echarts/charts';
import { GridComponent, LegendComponent, MarkLineComponent, TitleComponent, TooltipComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';
import type { GanttOption } from './ganttOption.ts';

echarts.use([CustomChart, GridComponent, LegendComponent, MarkLineComponent, TitleComponent, TooltipComponent, CanvasRenderer]);

export interface GanttChartHandle {
  /** The chart as a PNG data URL (white background, double resolution), with a title above it. */
  toPng(title: string, subtitle?: string): string | null;
}

interface Props {
  option: GanttOption;
  height: number;
  /** Called with the index of the clicked line. */
  onLineClick?: (index: number) => void;
  'aria-label'?: string;
}

const GanttChart = forwardRef<GanttChartHandle, Props>(function GanttChart({ option, height, onLineClick, ...rest }, ref) {
  const box = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);
  const clickRef = useRef(onLineClick);
  clickRef.current = onLineClick;
  const optionRef = useRef(option);
  optionRef.current = option;

  useImperativeHandle(ref, () => ({
    toPng: (title, subtitle) => {
      const c = chart.current;
      if (!c) return null;
      // The file stands on its own: the title goes into the picture for the moment it is taken.
      const grid = (optionRef.current.grid ?? {}) as { top?: number };
      c.setOption({
        title: { text: title, subtext: subtitle, left: 12, top: 8, textStyle: { fontSize: 16, color: '#1f2329' }, subtextStyle: { color: '#5c6470' } },
        grid: { top: (grid.top ?? 40) + 48 }, legend: { top: 52 },
      });
      const url = c.getDataURL({ type: 'png', pixelRatio: 2, backgroundColor: '#fff' });
      c.setOption(optionRef.current, true);
      return url;
    },
  }), []);

  useEffect(() => {
    const el = box.current;
    if (!el) return;
    const c = echarts.init(el, undefined, { renderer: 'canvas' });
    chart.current = c;
    c.on('click', (p) => {
      const v = p.value as number[] | undefined;
      if (Array.isArray(v)) clickRef.current?.(v[0]!);
    });
    const ro = new ResizeObserver(() => c.resize());
    ro.observe(el);
    return () => {
      ro.disconnect();
      c.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    chart.current?.setOption(option, true);
    chart.current?.resize();
  }, [option, height]);

  return <div ref={box} role="img" aria-label={rest['aria-label']} style={{ width: '100%', height, cursor: onLineClick ? 'pointer' : undefined }} />;
});

export default GanttChart;

/** Saves a data URL under a file name (the browser's download). */
export function downloadDataUrl(url: string, fileName: string) {
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.appendChild(a);
  a.click();
  a.remove();
}
