// Server state of the roadblock pages (TanStack Query over the shared API client).
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  ProblemAttachmentDto, ProblemCreate, ProblemDto, ProblemList, ProblemListQuery, ProblemStats,
} from '../../../contract/problems.ts';
import { api, API_BASE, get, post } from '../../api/client.ts';
import { useInvalidateNotifications } from './notifications.api.ts';

const enc = encodeURIComponent;
const ROOT = ['problems'] as const;

/** The list query as the page sends it (status as a list, booleans as flags). */
export type ProblemFilters = Partial<Omit<ProblemListQuery, 'status'>> & { status?: string[] };

function useInvalidateProblems() {
  const qc = useQueryClient();
  const notifications = useInvalidateNotifications();
  return () => {
    void qc.invalidateQueries({ queryKey: ROOT });
    // A roadblock past its deadline colours the project's card.
    void qc.invalidateQueries({ queryKey: ['cards'] });
    notifications();
  };
}

export function useProblemList(filters: ProblemFilters, enabled = true) {
  return useQuery({
    queryKey: [...ROOT, 'list', filters],
    queryFn: ({ signal }) =>
      get<ProblemList>('/problems', { ...filters, overdue: filters.overdue ? 'true' : undefined, mine: filters.mine ? 'true' : undefined }, signal),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function useProblem(id: string) {
  return useQuery({
    queryKey: [...ROOT, 'one', id],
    queryFn: ({ signal }) => get<ProblemDto>(`/problems/${enc(id)}`, undefined, signal),
    enabled: !!id,
    staleTime: 0,
  });
}

export function useProblemStats(filters: { region?: string; groupBy: 'department' | 'category' | 'region' }) {
  return useQuery({
    queryKey: [...ROOT, 'stats', filters],
    queryFn: ({ signal }) => get<ProblemStats>('/problems/stats', filters, signal),
    placeholderData: keepPreviousData,
  });
}

export function uploadAttachment(problemId: string, file: File) {
  const fd = new FormData();
  fd.append('file', file);
  return api<ProblemAttachmentDto>(`/problems/${enc(problemId)}/attachments`, { method: 'POST', body: fd });
}

export function useRaiseProblem() {
  const invalidate = useInvalidateProblems();
  return useMutation({ mutationFn: (b: ProblemCreate) => post<ProblemDto>('/problems', b), onSuccess: invalidate });
}

export type ProblemStepBody =
  | { step: 'accept'; dueDate: string; note?: string }
  | { step: 'progress'; note: string }
  | { step: 'solve'; solution: string }
  | { step: 'verify'; note?: string }
  | { step: 'reopen'; reason: string };

export function useProblemActions(id: string) {
  const invalidate = useInvalidateProblems();
  const qc = useQueryClient();
  const onSuccess = (p: ProblemDto | ProblemAttachmentDto) => {
    if ('permissions' in p) qc.setQueryData([...ROOT, 'one', id], p);
    invalidate();
  };
  return {
    step: useMutation({
      mutationFn: ({ step, ...body }: ProblemStepBody & { version?: number }) => post<ProblemDto>(`/problems/${enc(id)}/${step}`, body),
      onSuccess,
    }),
    upload: useMutation({ mutationFn: (file: File) => uploadAttachment(id, file), onSuccess }),
  };
}

/** Download address of the city dispatch meeting list. */
export const dispatchUrl = (ext: 'docx' | 'xlsx', region?: string) =>
  `${API_BASE}/problems/dispatch.${ext}${region ? `?region=${enc(region)}` : ''}`;
