// Server state of the ledger and the file card.
import { keepPreviousData, useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ApiError, get, patch, post, put } from '../../api/client.ts';
import type {
  AnnualPlan, AnnualPlanInput, HistoryList, Project, ProjectCard, ProjectCreateInput, ProjectList, ProjectPatchInput,
  StageChangeInput,
} from '../../api/types.ts';

export const projectKeys = {
  all: ['projects'] as const,
  list: (qs: string) => ['projects', 'list', qs] as const,
  card: (id: string) => ['projects', 'card', id] as const,
  one: (id: string) => ['projects', 'one', id] as const,
  history: (id: string) => ['projects', 'history', id] as const,
  annual: (id: string, year: number) => ['projects', 'annual', id, year] as const,
};

export function useProjectList(query: URLSearchParams) {
  const qs = query.toString();
  return useQuery({
    queryKey: projectKeys.list(qs),
    queryFn: ({ signal }) => get<ProjectList>('/projects', query, signal),
    placeholderData: keepPreviousData,
  });
}

export function useProjectCard(id: string) {
  return useQuery({
    queryKey: projectKeys.card(id),
    queryFn: ({ signal }) => get<ProjectCard>(`/projects/${encodeURIComponent(id)}/card`, undefined, signal),
    enabled: !!id,
  });
}

export function useProject(id: string | undefined) {
  return useQuery({
    queryKey: projectKeys.one(id ?? ''),
    queryFn: ({ signal }) => get<Project>(`/projects/${encodeURIComponent(id!)}`, undefined, signal),
    enabled: !!id,
  });
}

/** After any write the ledger, the card and the history may all have changed. */
function useInvalidateProject() {
  const qc = useQueryClient();
  return (id?: string) => {
    void qc.invalidateQueries({ queryKey: ['projects', 'list'] });
    if (id) {
      void qc.invalidateQueries({ queryKey: projectKeys.card(id) });
      void qc.invalidateQueries({ queryKey: projectKeys.one(id) });
      void qc.invalidateQueries({ queryKey: projectKeys.history(id) });
      void qc.invalidateQueries({ queryKey: ['projects', 'annual', id] });
    }
  };
}

export function useCreateProject() {
  const invalidate = useInvalidateProject();
  return useMutation({
    mutationFn: (body: ProjectCreateInput) => post<Project>('/projects', body),
    onSuccess: (p) => invalidate(p.id),
  });
}

export function usePatchProject(id: string) {
  const invalidate = useInvalidateProject();
  return useMutation({
    mutationFn: (body: ProjectPatchInput) => patch<Project>(`/projects/${id}`, body),
    onSuccess: () => invalidate(id),
  });
}

export function useChangeStage(id: string) {
  const invalidate = useInvalidateProject();
  return useMutation({
    mutationFn: (body: StageChangeInput) => post<Project>(`/projects/${id}/stage`, body),
    onSuccess: () => invalidate(id),
  });
}

export type RowsTab = 'team' | 'procedures' | 'factor-needs' | 'milestones';

export function useReplaceRows<T>(id: string, tab: RowsTab) {
  const invalidate = useInvalidateProject();
  return useMutation({
    mutationFn: (items: T[]) => put<{ items: T[] }>(`/projects/${id}/${tab}`, { items }),
    onSuccess: () => invalidate(id),
  });
}

/** The plan of one year; null when none has been set yet. */
export function useAnnualPlan(id: string, year: number) {
  return useQuery({
    queryKey: projectKeys.annual(id, year),
    queryFn: async ({ signal }) => {
      try {
        return await get<AnnualPlan>(`/projects/${id}/annual-plans/${year}`, undefined, signal);
      } catch (e) {
        if (e instanceof ApiError && e.status === 404) return null;
        throw e;
      }
    },
  });
}

export function useSaveAnnualPlan(id: string, year: number) {
  const invalidate = useInvalidateProject();
  return useMutation({
    mutationFn: (body: AnnualPlanInput) => put<AnnualPlan>(`/projects/${id}/annual-plans/${year}`, body),
    onSuccess: () => invalidate(id),
  });
}

const HISTORY_PAGE = 100;

export function useProjectHistory(id: string, enabled: boolean) {
  return useInfiniteQuery({
    queryKey: projectKeys.history(id),
    queryFn: ({ pageParam, signal }) =>
      get<HistoryList>(`/projects/${id}/history`, { before: pageParam ?? undefined }, signal),
    initialPageParam: null as number | null,
    // The server sends up to HISTORY_PAGE entries a page; a shorter page is the last one.
    getNextPageParam: (last) => (last.items.length >= HISTORY_PAGE ? last.items[last.items.length - 1]!.id : undefined),
    enabled,
  });
}
