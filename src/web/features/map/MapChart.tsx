// The map itself: the county shapes (ECharts geo, registered from the API's GeoJSON) and the
// projects on top, coloured by card and sized by investment; dense places merge into numbered
// bubbles that split as the user zooms (cluster.ts). Roaming keeps its zoom when the data changes.
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ComposeOption } from 'echarts/core';
import { PieChart, ScatterChart, type PieSeriesOption, type ScatterSeriesOption } from 'echarts/charts';
import { GeoComponent, type GeoComponentOption, type TooltipComponentOption } from 'echarts/components';
import type { MapPoint } from '../../../contract/map.ts';
import { formatMoney } from '../../../domain/money.ts';
import { echarts, useEChart, type ECharts } from '../../components/useEChart.tsx';
import { cellDegrees, clusterPoints, clusterSize, labelPoint, pointSize, type Cluster } from './cluster.ts';
import { NS } from './i18n.ts';

echarts.use([PieChart, ScatterChart, GeoComponent]);

type Option = ComposeOption<PieSeriesOption | ScatterSeriesOption | GeoComponentOption | TooltipComponentOption>;

export const CARD_HEX = { blue: '#1677ff', yellow: '#faad14', red: '#f5222d', none: '#8c8c8c' } as const;
const hex = (c: MapPoint['color']) => CARD_HEX[c ?? 'none'];

/** A FeatureCollection with its name for registerMap. */
export interface MapShapes {
  name: string;
  geojson: { type: 'FeatureCollection'; features: unknown[] };
}

export interface MapChartProps {
  shapes: MapShapes;
  points: MapPoint[];
  selectedId: string | null;
  onSelect: (p: MapPoint | null) => void;
  height: number;
  /** Cell size of the clusters in pixels. */
  cellPx?: number;
}

const MAX_ZOOM = 40;

/** The cluster behind a clicked or hovered item: a lone point of the scatter, or a bubble's ring. */
function clusterOf(clusters: Cluster<MapPoint>[], seriesId: string | undefined, dataIndex: number): Cluster<MapPoint> | undefined {
  if (seriesId === 'projects') return clusters.filter((cl) => cl.count === 1)[dataIndex];
  if (seriesId?.startsWith('cluster:')) return clusters.find((cl) => `cluster:${cl.key}` === seriesId);
  return undefined;
}

function lngSpan(geojson: MapShapes['geojson']): number {
  let min = Infinity;
  let max = -Infinity;
  const walk = (c: unknown): void => {
    if (Array.isArray(c) && typeof c[0] === 'number') {
      min = Math.min(min, c[0]);
      max = Math.max(max, c[0]);
    } else if (Array.isArray(c)) c.forEach(walk);
  };
  for (const f of geojson.features as { geometry?: { coordinates?: unknown } }[]) walk(f.geometry?.coordinates);
  return max > min ? max - min : 1;
}

export default function MapChart({ shapes, points, selectedId, onSelect, height, cellPx = 44 }: MapChartProps) {
  const { t } = useTranslation(NS);
  const box = useRef<HTMLDivElement>(null);
  const [degPerPx, setDegPerPx] = useState(0);
  const clustersRef = useRef<Cluster<MapPoint>[]>([]);
  const tRef = useRef(t);
  tRef.current = t;

  /** Degrees per pixel at the current zoom, read from the chart itself. */
  const measure = (c: ECharts) => {
    try {
      const a = c.convertFromPixel({ geoIndex: 0 }, [0, 0]) as number[];
      const b = c.convertFromPixel({ geoIndex: 0 }, [100, 0]) as number[];
      const d = Math.abs((b[0] ?? 0) - (a[0] ?? 0)) / 100;
      if (d > 0) setDegPerPx(d);
    } catch {
      // Not laid out yet: the estimate from the shapes' span stands.
    }
  };

  // The shapes by name: the same borders under new filters keep the user's roam and zoom; other
  // borders are registered and laid out afresh (zoom back to the whole region).
  const frame = useMemo<Option>(() => {
    echarts.registerMap(shapes.name, shapes.geojson as Parameters<typeof echarts.registerMap>[1]);
    return {
      tooltip: {
        trigger: 'item', confine: true,
        formatter: (p) => {
          const x = p as { dataIndex: number; seriesId?: string };
          return tooltip(clusterOf(clustersRef.current, x.seriesId, x.dataIndex));
        },
      },
      geo: {
        map: shapes.name, roam: true, scaleLimit: { min: 0.8, max: MAX_ZOOM }, layoutCenter: ['50%', '50%'], layoutSize: '96%',
        itemStyle: { areaColor: '#eef3fa', borderColor: '#9db3d1', borderWidth: 1 },
        // The names are drawn by a series above the points and bubbles (below), so a bubble never hides one.
        emphasis: { itemStyle: { areaColor: '#e2ebf7' }, label: { show: false } },
        label: { show: false },
        select: { disabled: true },
        tooltip: { show: false },
      },
    };
    // The name stands for the shapes (MapPage names them by region, borders and their date).
  }, [shapes.name]);

  const names = useMemo<ScatterSeriesOption>(() => ({
    id: 'region-names', type: 'scatter', coordinateSystem: 'geo', geoIndex: 0, animation: false, z: 6, silent: true, symbolSize: 0,
    label: { show: true, formatter: '{b}', color: '#4f6384', fontSize: 12, textBorderColor: '#fff', textBorderWidth: 3 },
    data: (shapes.geojson.features as { properties?: { name?: string }; geometry?: { type: string; coordinates: unknown } }[])
      .map((f) => ({ name: f.properties?.name ?? '', value: labelPoint(f.geometry) }))
      .filter((d): d is { name: string; value: [number, number] } => !!d.name && !!d.value),
  }), [shapes.name]);

  const clusters = useMemo(() => clusterPoints(points, degPerPx * cellPx), [points, degPerPx, cellPx]);
  clustersRef.current = clusters;

  const option = useMemo<Option>(() => {
    // A bubble no wider than its cell, so neighbours seldom overlap.
    const bubble = (count: number) => Math.min(clusterSize(count), cellPx);
    const lone = clusters.filter((cl) => cl.count === 1).map((cl) => cl.members[0]!);
    const dots: ScatterSeriesOption = {
      id: 'projects', type: 'scatter', coordinateSystem: 'geo', geoIndex: 0, animation: false, z: 3,
      emphasis: { scale: 1.3 },
      data: lone.map((p) => {
        const selected = p.id === selectedId;
        return {
          value: [p.lng, p.lat], name: p.name,
          symbolSize: pointSize(p.investment) + (selected ? 4 : 0),
          itemStyle: { color: hex(p.color), opacity: 0.9, borderColor: selected ? '#1f1f1f' : '#fff', borderWidth: selected ? 2.5 : 1 },
        };
      }),
    };
    // A dense place: a small ring of its card colours with the count inside.
    const bubbles: PieSeriesOption[] = clusters.filter((cl) => cl.count > 1).map((cl) => ({
      id: `cluster:${cl.key}`, type: 'pie', coordinateSystem: 'geo', geoIndex: 0, center: [cl.lng, cl.lat],
      radius: [bubble(cl.count) * 0.3, bubble(cl.count) / 2], animation: false, z: 4, silent: false,
      label: { show: true, position: 'center', formatter: String(cl.count), color: '#1f2a3d', fontWeight: 700, fontSize: 12 },
      labelLine: { show: false },
      emphasis: { scale: true, scaleSize: 3, label: { show: true } },
      itemStyle: { borderColor: '#fff', borderWidth: 1 },
      data: (['red', 'yellow', 'blue', 'none'] as const).filter((k) => cl.colors[k]).map((k) => ({
        name: k, value: cl.colors[k], itemStyle: { color: CARD_HEX[k] },
      })),
    }));
    // White discs behind the rings, so the counts read on any shape.
    const discs: ScatterSeriesOption = {
      id: 'cluster-discs', type: 'scatter', coordinateSystem: 'geo', geoIndex: 0, animation: false, z: 3, silent: true,
      data: clusters.filter((cl) => cl.count > 1).map((cl) => ({ value: [cl.lng, cl.lat], symbolSize: bubble(cl.count) - 2 })),
      itemStyle: { color: '#fff', opacity: 0.95, shadowBlur: 4, shadowColor: 'rgba(0,0,0,0.2)' },
    };
    return { ...frame, series: [discs, dots, ...bubbles, names] };
  }, [frame, names, clusters, selectedId, cellPx]);

  // Only the series are replaced as points, zoom and selection change; the geo keeps its roam.
  const chart = useEChart(box, option, {
    replaceMerge: ['series'],
    resetKey: shapes.name,
    onResize: measure,
    onEvents: {
      georoam: (_p, c) => measure(c),
      click: (p: { seriesId?: string; dataIndex: number }, c) => {
        const cl = clusterOf(clustersRef.current, p.seriesId, p.dataIndex);
        if (!cl) return;
        if (cl.count === 1) {
          onSelect(cl.members[0]!);
          return;
        }
        // A bubble: zoom in on it until it splits.
        const geo = (c.getOption().geo as { zoom?: number }[] | undefined)?.[0];
        c.setOption({ geo: { center: [cl.lng, cl.lat], zoom: Math.min(MAX_ZOOM, (geo?.zoom ?? 1) * 2.5) } });
        measure(c);
      },
      'zr:click': (e: { target?: unknown }) => {
        if (!e.target) onSelect(null);
      },
    },
  });

  // New shapes (set afresh by the host just before): start from their span, then read the zoom.
  useEffect(() => {
    if (!chart) return;
    setDegPerPx(cellDegrees(lngSpan(shapes.geojson), chart.getWidth(), 1, 1));
    measure(chart);
  }, [chart, shapes.name]);

  const tooltip = (cl: Cluster<MapPoint> | undefined): string => {
    const tt = tRef.current;
    if (!cl) return '';
    const esc = (s: string) => s.replace(/[&<>"]/g, (ch) => `&#${ch.charCodeAt(0)};`);
    if (cl.count === 1) {
      const p = cl.members[0]!;
      return `<b>${esc(p.name)}</b><br/>${esc(p.code)} · ${esc(formatMoney(p.investment))}<br/>${esc(tt(`color.${p.color ?? 'none'}`))}`;
    }
    const parts = (['red', 'yellow', 'blue', 'none'] as const).filter((k) => cl.colors[k])
      .map((k) => `<span style="color:${CARD_HEX[k]}">●</span> ${esc(tt(`color.${k}`))} ${cl.colors[k]}`);
    return `<b>${esc(tt('cluster.title', { count: cl.count }))}</b><br/>${esc(tt('cluster.investment', { value: formatMoney(cl.investment) }))}<br/>${parts.join('<br/>')}<br/><i>${esc(tt('cluster.zoom'))}</i>`;
  };

  return <div ref={box} role="img" aria-label={t('title')} style={{ width: '100%', height }} />;
}
