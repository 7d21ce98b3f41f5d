// Server state of the timeline: a project's Gantt rows, a portfolio, and their .xlsx links.
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { API_BASE, get, toQueryString } from '../../api/client.ts';
import type { PortfolioGanttDto, ProjectGanttDto } from '../../../contract/gantt.ts';

export interface PortfolioParams {
  leader?: string;
  region?: string;
  batch?: string;
  stage?: string[];
  page?: number;
  pageSize?: number;
}

export function useProjectGantt(id: string) {
  return useQuery({
    queryKey: ['gantt', 'project', id],
    queryFn: ({ signal }) => get<ProjectGanttDto>(`/projects/${encodeURIComponent(id)}/gantt`, undefined, signal),
    enabled: !!id,
  });
}

export function usePortfolioGantt(params: PortfolioParams, enabled = true) {
  return useQuery({
    queryKey: ['gantt', 'portfolio', params],
    queryFn: ({ signal }) => get<PortfolioGanttDto>('/gantt', { ...params }, signal),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export const projectGanttXlsxHref = (id: string) => `${API_BASE}/projects/${encodeURIComponent(id)}/gantt.xlsx`;

export function portfolioXlsxHref(params: PortfolioParams): string {
  const { page: _p, pageSize: _s, ...rest } = params;
  return `${API_BASE}/gantt.xlsx${toQueryString({ ...rest })}`;
}
