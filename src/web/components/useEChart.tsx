// The one ECharts host of the app: a hook (useEChart) and a box component on it (EChartBox).
// Tree-shaken: echarts/core with the canvas renderer and the tooltip, which every chart here shows;
// chart types and components are registered once by whoever draws them (`echarts.use`): the bar
// and line charts most pages draw by ./EChart.tsx, gauges, the map's geo and the Gantt's custom
// series beside their options, so a page loads only what it draws.
// The chart follows its box's size and is disposed with it.
import { useEffect, useImperativeHandle, useRef, useState, type CSSProperties, type Ref, type RefObject } from 'react';
import * as echarts from 'echarts/core';
import { TooltipComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';

echarts.use([TooltipComponent, CanvasRenderer]);

export { echarts };
export type ECharts = echarts.ECharts;
/** Any option, of whatever has been registered. */
export type AnyChartOption = echarts.EChartsCoreOption;
/** What a series event hands its handler (click, mouseover …). */
export type ChartEvent = echarts.ECElementEvent;

// ECharts events carry different params by name (a series click, a georoam, a zrender event).
export type ChartEventHandler = (params: any, chart: ECharts) => void;

export interface UseEChartOptions {
  /**
   * Each new option replaces the last one whole (ECharts' notMerge). The default, as pages compute
   * their options whole; false merges into what is drawn.
   */
  notMerge?: boolean;
  /**
   * Merge updates but replace these components (e.g. ['series']): whatever the option leaves out of
   * the rest stays as the user left it, such as a map's roam and zoom. Wins over notMerge.
   */
  replaceMerge?: string | string[];
  /** When this value changes the next option is set afresh (notMerge), e.g. other map shapes. */
  resetKey?: unknown;
  /**
   * Handlers by ECharts event name ('click', 'georoam' …); a 'zr:' name ('zr:click') listens on the
   * canvas itself, empty space included. The latest handlers always answer; a new set of names is
   * bound anew.
   */
  onEvents?: Record<string, ChartEventHandler | undefined>;
  /** After the box changed size and the chart followed. */
  onResize?: (chart: ECharts) => void;
  /** A registered theme's name ('dark') or a theme object; switching it redraws in place. */
  theme?: string | object;
}

/**
 * Draws `option` into the element of `ref` and keeps it there: returns the chart once it exists
 * (for PNG export, conversions between pixels and coordinates, and actions of its own).
 */
export function useEChart(ref: RefObject<HTMLElement | null>, option: AnyChartOption | null | undefined, opts: UseEChartOptions = {}): ECharts | null {
  const { notMerge = true, replaceMerge, resetKey, onEvents, onResize, theme } = opts;
  const [chart, setChart] = useState<ECharts | null>(null);
  const latest = useRef({ onEvents, onResize, theme });
  latest.current = { onEvents, onResize, theme };

  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const c = echarts.init(el, latest.current.theme, { renderer: 'canvas' });
    const ro = new ResizeObserver(() => {
      c.resize();
      latest.current.onResize?.(c);
    });
    ro.observe(el);
    setChart(c);
    return () => {
      ro.disconnect();
      c.dispose();
      setChart(null);
    };
  }, [ref]);

  // The theme it was made with stands until it changes; back to no theme is an empty one.
  const themed = useRef<{ chart: ECharts | null; theme: UseEChartOptions['theme'] }>({ chart: null, theme: undefined });
  useEffect(() => {
    if (!chart) return;
    if (themed.current.chart === chart && themed.current.theme !== theme) chart.setTheme(theme ?? {});
    themed.current = { chart, theme };
  }, [chart, theme]);

  // What was last set, so that the first option of a chart, or one after a reset, is set afresh.
  const drawn = useRef<{ chart: ECharts | null; resetKey: unknown }>({ chart: null, resetKey: undefined });
  const replace = Array.isArray(replaceMerge) ? replaceMerge.join(',') : replaceMerge;
  useEffect(() => {
    if (!chart || !option) return;
    const fresh = drawn.current.chart !== chart || !Object.is(drawn.current.resetKey, resetKey);
    drawn.current = { chart, resetKey };
    if (fresh || (notMerge && !replace)) chart.setOption(option, { notMerge: true });
    else chart.setOption(option, replace ? { replaceMerge: replace.split(',') } : { notMerge: false });
  }, [chart, option, notMerge, replace, resetKey]);

  const names = Object.keys(onEvents ?? {}).filter((n) => onEvents?.[n]).sort().join(' ');
  useEffect(() => {
    if (!chart || !names) return;
    const offs = names.split(' ').map((name) => {
      const handler = (params: unknown) => latest.current.onEvents?.[name]?.(params, chart);
      if (name.startsWith('zr:')) {
        const zr = chart.getZr();
        const event = name.slice(3) as Parameters<typeof zr.on>[0];
        zr.on(event, handler);
        return () => zr.off(event, handler);
      }
      chart.on(name, handler);
      return () => chart.off(name, handler);
    });
    return () => {
      if (!chart.isDisposed()) offs.forEach((off) => off());
    };
  }, [chart, names]);

  return chart;
}

export interface EChartBoxProps extends UseEChartOptions {
  option: AnyChartOption | null | undefined;
  /** CSS height of the box (pixels, '100%' …); the width is the container's. */
  height: number | string;
  /** A click on a series item (bar, point, slice …). */
  onClick?: (params: ChartEvent, chart: ECharts) => void;
  style?: CSSProperties;
  'aria-label'?: string;
  /** The ECharts instance, for PNG export and the like (null until drawn and after unmount). */
  ref?: Ref<ECharts | null>;
}

/** A chart in a box of the container's width: role img with its label, the instance through `ref`. */
export function EChartBox({ option, height, onClick, onEvents, style, 'aria-label': label, ref, ...opts }: EChartBoxProps) {
  const box = useRef<HTMLDivElement>(null);
  const chart = useEChart(box, option, { ...opts, onEvents: onClick ? { ...onEvents, click: onClick } : onEvents });
  useImperativeHandle(ref, () => chart as ECharts, [chart]);
  return <div ref={box} role="img" aria-label={label} style={{ width: '100%', height, ...style }} />;
}
