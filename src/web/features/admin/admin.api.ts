// Server state of the administration pages.
import { keepPreviousData, useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { del, get, patch, post } from '../../api/client.ts';
import type { auditItem, auditList } from '../../../contract/audit.ts';
import type { tokenList } from '../../../contract/auth.ts';
import type { UserCreate, UserDto, UserPatch } from '../../../contract/users.ts';
import type { Role } from '../../../domain/enums.ts';

export type User = UserDto;
export type AuditEntry = z.infer<typeof auditItem>;
type AuditPage = z.infer<typeof auditList>;

export interface AuditFilters {
  entityType?: string;
  action?: string;
  username?: string;
}

const AUDIT_PAGE = 50;

export function useUsers(q: string, role: Role | undefined) {
  return useQuery({
    queryKey: ['users', 'list', q, role ?? ''],
    queryFn: ({ signal }) => get<{ items: User[] }>('/users', { q, role }, signal),
    placeholderData: keepPreviousData,
    select: (d) => d.items,
  });
}

export function useCreateUser() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: UserCreate) => post<User>('/users', body),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['users'] }),
  });
}

export function useUpdateUser() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: UserPatch }) => patch<User>(`/users/${id}`, body),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: ['users'] });
      void qc.invalidateQueries({ queryKey: ['audit'] });
    },
  });
}

export type UserToken = z.infer<typeof tokenList>['items'][number];

/** A user's API tokens (administrators). */
export function useUserTokens(userId: string) {
  return useQuery({
    queryKey: ['users', 'tokens', userId],
    queryFn: ({ signal }) => get<{ items: UserToken[] }>(`/users/${userId}/tokens`, undefined, signal),
    select: (d) => d.items,
  });
}

export function useRevokeUserToken(userId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (tokenId: string) => del<{ ok: true }>(`/users/${userId}/tokens/${tokenId}`),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: ['users', 'tokens', userId] });
      void qc.invalidateQueries({ queryKey: ['audit'] });
    },
  });
}

/** The log, newest first, a page at a time: each page asks for entries older than the last one seen. */
export function useAudit(filters: AuditFilters) {
  return useInfiniteQuery({
    queryKey: ['audit', filters],
    queryFn: ({ pageParam, signal }) =>
      get<AuditPage>('/audit', { ...filters, before: pageParam, limit: AUDIT_PAGE }, signal),
    initialPageParam: undefined as number | undefined,
    getNextPageParam: (last) => last.nextBefore ?? undefined,
  });
}
