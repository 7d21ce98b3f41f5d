// The statistics view lives in the URL with the API's own parameter names, so a link or the back
// button brings back the same figures; `dl` only carries the readable name of a drill-down filter.
import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router-dom';
import { STATS_GROUPS, type StatsGroup } from '../../../contract/stats.ts';

/** Groups a user picks for the ranking table (month is the series chart's). */
export const TABLE_GROUPS = STATS_GROUPS.filter((g) => g !== 'month') as Exclude<StatsGroup, 'month'>[];
export type TableGroup = (typeof TABLE_GROUPS)[number];

/** Drill-down filters of GET /stats, and the group each comes from. */
export const DRILL_KEYS = ['industry', 'level', 'category', 'leaderId', 'unitId', 'batchId'] as const;
export type DrillKey = (typeof DRILL_KEYS)[number];
export const DRILL_OF_GROUP: Partial<Record<StatsGroup, DrillKey>> = {
  industry: 'industry', level: 'level', category: 'category', leader: 'leaderId', unit: 'unitId', batch: 'batchId',
};
const DRILL_LABEL = 'dl';

export interface StatsView {
  region?: string;
  year?: number;
  month?: number;
  groupBy: TableGroup;
  compare: boolean;
  drill?: { key: DrillKey; value: string; label: string };
}

export type StatsApiQuery = Record<string, string | number | undefined>;

/** The query of GET /stats (and its .xlsx) for a view, optionally with another grouping or a fixed period. */
export function apiQuery(view: StatsView, over: { groupBy?: StatsGroup; year?: number; month?: number } = {}): StatsApiQuery {
  const q: StatsApiQuery = {
    region: view.region,
    year: over.year ?? view.year,
    month: over.month ?? view.month,
    groupBy: over.groupBy ?? view.groupBy,
    compare: view.compare ? 'lastYear' : undefined,
  };
  if (view.drill) q[view.drill.key] = view.drill.value;
  return q;
}

function parseInt10(s: string | null, min: number, max: number): number | undefined {
  const n = Number(s);
  return s && Number.isInteger(n) && n >= min && n <= max ? n : undefined;
}

type Changes = Partial<Record<'region' | 'year' | 'month' | 'groupBy' | 'compare' | DrillKey | typeof DRILL_LABEL, string | undefined>>;

/** The query string after some keys are set (or cleared, with undefined). */
export function withChanges(prev: URLSearchParams, changes: Changes): URLSearchParams {
  const next = new URLSearchParams(prev);
  for (const [k, v] of Object.entries(changes)) {
    if (v) next.set(k, v);
    else next.delete(k);
  }
  return next;
}

/** Changes that replace any drill-down filter by one (or none). */
export function drillChanges(drill: { key: DrillKey; value: string; label: string } | undefined, more: Changes = {}): Changes {
  const changes: Changes = { ...more, [DRILL_LABEL]: drill?.label };
  for (const k of DRILL_KEYS) changes[k] = drill?.key === k ? drill.value : undefined;
  return changes;
}

export function useStatsView() {
  const [params, setParams] = useSearchParams();

  const view: StatsView = useMemo(() => {
    const g = params.get('groupBy') as TableGroup | null;
    const drillKey = DRILL_KEYS.find((k) => params.get(k));
    return {
      region: params.get('region') || undefined,
      year: parseInt10(params.get('year'), 2000, 2100),
      month: parseInt10(params.get('month'), 1, 12),
      groupBy: g && TABLE_GROUPS.includes(g) ? g : 'region',
      compare: params.get('compare') === 'lastYear',
      drill: drillKey
        ? { key: drillKey, value: params.get(drillKey)!, label: params.get(DRILL_LABEL) || params.get(drillKey)! }
        : undefined,
    };
  }, [params]);

  /** Sets (or clears, with undefined) some keys; each change is a history entry so back works. */
  const update = useCallback((changes: Changes) => setParams((prev) => withChanges(prev, changes)), [setParams]);

  /** The link of the same page with some keys changed (for drill-down rows). */
  const hrefWith = useCallback((changes: Changes) => `?${withChanges(params, changes).toString()}`, [params]);

  return { view, update, hrefWith };
}
