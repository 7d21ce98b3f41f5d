// Server state of the bulletin pages (TanStack Query over the shared API client).
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { API_BASE, get, post, put } from '../../api/client.ts';
import type {
  BulletinChanges, BulletinCreate, BulletinDetail, BulletinMonths, BulletinSettingsDto, BulletinSettingsPut, BulletinSummary,
} from '../../../contract/bulletins.ts';
import { useCurrentUser } from '../../app/auth.tsx';
import { EDITOR_ROLES } from '../../app/permissions.ts';

const ROOT = ['bulletins'] as const;
const enc = encodeURIComponent;

export function useBulletins(year: number | null) {
  return useQuery({
    queryKey: [...ROOT, 'list', { year }],
    queryFn: ({ signal }) => get<{ items: BulletinSummary[] }>('/bulletins', { year }, signal),
    placeholderData: keepPreviousData,
    select: (d) => d.items,
  });
}

/** The frozen bulletin, without the comparison with today's figures (useBulletinChanges: slower, a region gathered again). */
export function useBulletin(id: string) {
  return useQuery({
    queryKey: [...ROOT, 'detail', id],
    queryFn: ({ signal }) => get<BulletinDetail>(`/bulletins/${enc(id)}`, { changes: 'false' }, signal),
    enabled: !!id,
  });
}

export function useBulletinChanges(id: string) {
  return useQuery({
    queryKey: [...ROOT, 'changes', id],
    queryFn: ({ signal }) => get<BulletinChanges>(`/bulletins/${enc(id)}/changes`, undefined, signal),
    enabled: !!id,
  });
}

/** The months a region's office may issue for in a year, and what keeps each back. */
export function useBulletinMonths(region: string | null, year: number) {
  return useQuery({
    queryKey: [...ROOT, 'months', region, year],
    queryFn: ({ signal }) => get<BulletinMonths>('/bulletins/months', { region, year }, signal),
    enabled: !!region,
  });
}

export function useIssueBulletin() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: BulletinCreate) => post<BulletinDetail>('/bulletins', body),
    onSuccess: (b) => {
      qc.setQueryData([...ROOT, 'detail', b.id], b);
      if (b.changes) qc.setQueryData([...ROOT, 'changes', b.id], b.changes);
      void qc.invalidateQueries({ queryKey: [...ROOT, 'list'] });
      void qc.invalidateQueries({ queryKey: [...ROOT, 'months'] });
    },
  });
}

export function useBulletinSettings(region: string | null, enabled = true) {
  return useQuery({
    queryKey: [...ROOT, 'settings', region],
    queryFn: ({ signal }) => get<BulletinSettingsDto>('/bulletin-settings', { region }, signal),
    enabled: enabled && !!region,
  });
}

export function useSaveBulletinSettings() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: BulletinSettingsPut) => put<BulletinSettingsDto>('/bulletin-settings', body),
    onSuccess: (s) => qc.setQueryData([...ROOT, 'settings', s.regionCode], s),
  });
}

export const docxHref = (id: string) => `${API_BASE}/bulletins/${enc(id)}.docx`;
export const xlsxHref = (id: string) => `${API_BASE}/bulletins/${enc(id)}.xlsx`;

/** Issuing bulletins and their settings are the project office's. */
export function useCanIssue(): boolean {
  return EDITOR_ROLES.includes(useCurrentUser().role);
}
