// The map's view in the URL: region and filters, as the API takes them.
import { useCallback } from 'react';
import { useSearchParams } from 'react-router-dom';
import type { MapApiQuery } from './map.api.ts';

export interface MapView {
  region?: string;
  stage: string[];
  color: string[];
  industry: string[];
  leader?: string;
  batch?: string;
  periodId?: string;
}

const list = (v: string | null) => (v ? v.split(',').filter(Boolean) : []);

export function useMapView() {
  const [params, setParams] = useSearchParams();
  const view: MapView = {
    region: params.get('region') ?? undefined,
    stage: list(params.get('stage')),
    color: list(params.get('color')),
    industry: list(params.get('industry')),
    leader: params.get('leader') ?? undefined,
    batch: params.get('batch') ?? undefined,
    periodId: params.get('periodId') ?? undefined,
  };
  const update = useCallback((changes: Partial<Record<keyof MapView, string | string[] | undefined>>) => {
    setParams((prev) => {
      const n = new URLSearchParams(prev);
      for (const [k, v] of Object.entries(changes)) {
        const s = Array.isArray(v) ? v.join(',') : v;
        if (s) n.set(k, s);
        else n.delete(k);
      }
      return n;
    }, { replace: true });
  }, [setParams]);
  return { view, update };
}

export function apiQuery(v: MapView): MapApiQuery {
  return {
    region: v.region, stage: v.stage.length ? v.stage : undefined, color: v.color.length ? v.color : undefined,
    industry: v.industry.length ? v.industry : undefined, leader: v.leader, batch: v.batch, periodId: v.periodId,
  };
}
