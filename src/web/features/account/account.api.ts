// Server calls of the account pages.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { del, get, post, rememberCsrf } from '../../api/client.ts';
import { ME_KEY } from '../../app/auth.tsx';
import type { tokenCreated, tokenItem } from '../../../contract/auth.ts';

export type TokenItem = z.infer<typeof tokenItem>;
export type TokenCreated = z.infer<typeof tokenCreated>;

const TOKENS_KEY = ['auth', 'tokens'] as const;

export function useChangePassword() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: { currentPassword: string; newPassword: string }) => post<{ ok: true }>('/auth/password', body),
    onSuccess: () => {
      // The server has ended every session, this one included: forget the user and their data.
      rememberCsrf(null);
      qc.clear();
      qc.setQueryData(ME_KEY, null);
    },
  });
}

export function useTokens() {
  return useQuery({
    queryKey: TOKENS_KEY,
    queryFn: ({ signal }) => get<{ items: TokenItem[] }>('/auth/tokens', undefined, signal),
    select: (d) => d.items,
  });
}

export function useCreateToken() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (name: string) => post<TokenCreated>('/auth/tokens', { name }),
    onSuccess: () => qc.invalidateQueries({ queryKey: TOKENS_KEY }),
  });
}

export function useRevokeToken() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => del<{ ok: true }>(`/auth/tokens/${id}`),
    onSuccess: () => qc.invalidateQueries({ queryKey: TOKENS_KEY }),
  });
}
