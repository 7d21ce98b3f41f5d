// The ledger's view lives in the URL query string, with the same names as GET /projects, so a
// view can be bookmarked, shared and exported as it is.
import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router-dom';
import type { SORT_FIELDS } from '../../../contract/projects.ts';
import { appYear } from '../../app/clock.ts';

export type SortField = (typeof SORT_FIELDS)[number];

export const MULTI_KEYS = ['level', 'category', 'industry', 'stage', 'tag'] as const;
export const SINGLE_KEYS = ['region', 'leaderId', 'responsibleUnitId', 'batchId', 'minInvestment', 'maxInvestment', 'q', 'year'] as const;
/** Labels of picked ids, so a shared link can show 张三 rather than an id; never sent to the API. */
export const LABEL_KEYS = { leaderId: 'leaderLabel', responsibleUnitId: 'unitLabel' } as const;
const VIEW_KEYS = ['sort', 'order', 'page', 'pageSize'] as const;

export type MultiKey = (typeof MULTI_KEYS)[number];
export type SingleKey = (typeof SINGLE_KEYS)[number];

export const DEFAULT_PAGE_SIZE = 20;

export interface LedgerView {
  params: URLSearchParams;
  multi: (k: MultiKey) => string[];
  single: (k: SingleKey) => string | undefined;
  label: (k: keyof typeof LABEL_KEYS) => string | undefined;
  sort: SortField | undefined;
  order: 'asc' | 'desc' | undefined;
  page: number;
  pageSize: number;
  year: number;
  activeFilterCount: number;
}

/** Only the API's own parameters, for GET /projects and the export link. */
export function apiParams(params: URLSearchParams, withPaging: boolean): URLSearchParams {
  const out = new URLSearchParams();
  for (const k of [...MULTI_KEYS, ...SINGLE_KEYS, ...(withPaging ? VIEW_KEYS : (['sort', 'order'] as const))]) {
    const v = params.get(k);
    if (v) out.set(k, v);
  }
  if (withPaging && !out.has('pageSize')) out.set('pageSize', String(DEFAULT_PAGE_SIZE));
  return out;
}

export function exportHref(params: URLSearchParams): string {
  const qs = apiParams(params, false).toString();
  return `/api/v1/ledger/export.xlsx${qs ? `?${qs}` : ''}`;
}

export function useLedgerView() {
  const [params, setParams] = useSearchParams();

  const view: LedgerView = useMemo(() => {
    const multi = (k: MultiKey) => (params.get(k) ?? '').split(',').filter(Boolean);
    const single = (k: SingleKey) => params.get(k) || undefined;
    const activeFilterCount = [...MULTI_KEYS, ...SINGLE_KEYS].filter((k) => k !== 'year' && params.get(k)).length;
    const sort = (params.get('sort') || undefined) as SortField | undefined;
    const order = params.get('order') === 'desc' ? 'desc' : params.get('order') === 'asc' ? 'asc' : undefined;
    return {
      params,
      multi,
      single,
      label: (k) => params.get(LABEL_KEYS[k]) || undefined,
      sort,
      order,
      page: Math.max(1, Number(params.get('page')) || 1),
      pageSize: Number(params.get('pageSize')) || DEFAULT_PAGE_SIZE,
      year: Number(params.get('year')) || appYear(),
      activeFilterCount,
    };
  }, [params]);

  /** Sets (or clears, with undefined/empty) some keys; any filter change goes back to page 1. */
  const update = useCallback(
    (changes: Record<string, string | string[] | undefined>, keepPage = false) => {
      setParams(
        (prev) => {
          const next = new URLSearchParams(prev);
          for (const [k, v] of Object.entries(changes)) {
            const s = Array.isArray(v) ? v.join(',') : v;
            if (s) next.set(k, s);
            else next.delete(k);
          }
          if (!keepPage) next.delete('page');
          return next;
        },
        { replace: true },
      );
    },
    [setParams],
  );

  const clearFilters = useCallback(() => {
    setParams(
      (prev) => {
        const next = new URLSearchParams();
        for (const k of ['sort', 'order', 'pageSize', 'year']) {
          const v = prev.get(k);
          if (v) next.set(k, v);
        }
        return next;
      },
      { replace: true },
    );
  }, [setParams]);

  return { view, update, clearFilters };
}
