// Server state of the batch pages (TanStack Query over the shared API client).
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { get, patch, post, put } from '../../api/client.ts';
import type { Project, ProjectList } from '../../api/types.ts';
import type { BatchKind } from '../../../domain/enums.ts';
import type { Batch, BatchDetail, BatchInput } from './batches.types.ts';
import { useCurrentUser } from '../../app/auth.tsx';
import { EDITOR_ROLES } from '../../app/permissions.ts';

export { useRegionTree } from '../../api/lookups.ts';

export function useBatches(year: number | null, kind: BatchKind | null) {
  return useQuery({
    queryKey: ['batches', 'list', { year, kind }],
    queryFn: ({ signal }) => get<{ items: Batch[] }>('/batches', { year, kind }, signal),
    placeholderData: keepPreviousData,
    select: (d) => d.items,
  });
}

export function useBatch(id: string) {
  return useQuery({
    queryKey: ['batches', 'detail', id],
    queryFn: ({ signal }) => get<BatchDetail>(`/batches/${encodeURIComponent(id)}`, undefined, signal),
    enabled: !!id,
  });
}

export function useSaveBatch() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id?: string; body: BatchInput }) =>
      id ? patch<Batch>(`/batches/${id}`, body) : post<Batch>('/batches', body),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['batches'] }),
  });
}

export function useSaveBatchProjects() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, projectIds }: { id: string; projectIds: string[] }) => put<unknown>(`/batches/${id}/projects`, { projectIds }),
    onSuccess: () => {
      // Batch membership shows on project cards and in the ledger's batch filter too.
      void qc.invalidateQueries({ queryKey: ['batches'] });
      void qc.invalidateQueries({ queryKey: ['projects'] });
    },
  });
}

/** Ledger search for the pickers; an empty query lists the largest projects first. */
export function useProjectSearch(q: string) {
  const text = q.trim();
  return useQuery({
    queryKey: ['projects', 'search', text],
    queryFn: ({ signal }) =>
      get<ProjectList>('/projects', { q: text || undefined, pageSize: 20, sort: 'totalInvestment', order: 'desc' }, signal),
    placeholderData: keepPreviousData,
    staleTime: 30_000,
    select: (d): Project[] => d.items,
  });
}

/** Creating events and choosing their projects is the project office's work. */
export function useCanManageBatches(): boolean {
  return EDITOR_ROLES.includes(useCurrentUser().role);
}
