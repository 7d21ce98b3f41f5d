// Server state of the statistics page: GET /stats for the ranking and for the month series.
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { API_BASE, get, toQueryString } from '../../api/client.ts';
import type { StatsResult } from '../../../contract/stats.ts';
import type { StatsApiQuery } from './statsQuery.ts';

export function useStats(query: StatsApiQuery, enabled = true) {
  return useQuery({
    queryKey: ['stats', query],
    queryFn: ({ signal }) => get<StatsResult>('/stats', query, signal),
    placeholderData: keepPreviousData,
    enabled,
  });
}

/** The table as .xlsx, with the same query as on screen. */
export function statsXlsxHref(query: StatsApiQuery): string {
  return `${API_BASE}/stats.xlsx${toQueryString(query)}`;
}

/** The standard statistical table (重点项目进展情况统计表) of a region and period. */
export function standardXlsxHref(query: StatsApiQuery): string {
  const { region, year, month } = query;
  return `${API_BASE}/stats/standard.xlsx${toQueryString({ region, year, month })}`;
}
