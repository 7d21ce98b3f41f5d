// Server state of the reporting pages (TanStack Query over the shared API client).
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, del, get, post, put, API_BASE } from '../../api/client.ts';
import type {
  CorrectionCreate, CorrectionDto, PeriodDto, PeriodOpen, PeriodProjectRow, ProjectSeriesDto, ReportDto, ReportListItem,
  ReportingSettingsDto, ReportingSettingsPut, ReportPhotoDto,
} from '../../../contract/reporting.ts';
import type { CorrectionStatus, PeriodStatus, ReportStatus } from '../../../domain/reporting.ts';

/** The report body as the form sends it (money as decimal strings). */
export interface ReportPutBody {
  version: number;
  investment: string;
  fundsBySource: Partial<Record<string, string>>;
  progressText: string;
  roadblocksText: string;
  milestoneDates: { milestoneId: string; actualDate: string }[];
}
export interface CorrectionBody extends Omit<CorrectionCreate, 'fundsBySource' | 'investment'> {
  investment: string;
  fundsBySource: Partial<Record<string, string>>;
}
export interface ReminderResult {
  count: number;
  message: string;
  items: PeriodProjectRow[];
}

const enc = encodeURIComponent;
const reportPath = (projectId: string, periodId: string) => `/reports/${enc(projectId)}/${enc(periodId)}`;

// Everything on these pages moves together (a save changes the lists, the period counts and the series).
const ROOT = ['reporting'] as const;

function useInvalidateReporting() {
  const qc = useQueryClient();
  return () => {
    void qc.invalidateQueries({ queryKey: ROOT });
    // The stats page and the project card read approved figures.
    void qc.invalidateQueries({ queryKey: ['stats'] });
  };
}

export type ReportView = 'due' | 'review' | 'all';

export function useReportList(view: ReportView, filters: { periodId?: string; status?: ReportStatus } = {}, enabled = true) {
  return useQuery({
    queryKey: [...ROOT, 'reports', view, filters],
    queryFn: ({ signal }) => get<{ items: ReportListItem[] }>('/reports', { view, ...filters }, signal),
    select: (d) => d.items,
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function useReport(projectId: string, periodId: string) {
  return useQuery({
    queryKey: [...ROOT, 'report', projectId, periodId],
    queryFn: ({ signal }) => get<ReportDto>(reportPath(projectId, periodId), undefined, signal),
    enabled: !!projectId && !!periodId,
    // A reviewer and an owner may work on one report; never keep a stale version for long.
    staleTime: 0,
  });
}

export function useReportActions(projectId: string, periodId: string) {
  const invalidate = useInvalidateReporting();
  const qc = useQueryClient();
  const base = reportPath(projectId, periodId);
  const onSuccess = (r: unknown) => {
    if (r && typeof r === 'object' && 'context' in r) qc.setQueryData([...ROOT, 'report', projectId, periodId], r);
    invalidate();
  };
  return {
    save: useMutation({ mutationFn: (body: ReportPutBody) => put<ReportDto>(base, body), onSuccess }),
    submit: useMutation({ mutationFn: (version?: number) => post<ReportDto>(`${base}/submit`, { version }), onSuccess }),
    approve: useMutation({ mutationFn: (version?: number) => post<ReportDto>(`${base}/approve`, { version }), onSuccess }),
    giveBack: useMutation({
      mutationFn: (b: { reason: string; version?: number }) => post<ReportDto>(`${base}/return`, b),
      onSuccess,
    }),
    requestCorrection: useMutation({
      mutationFn: (b: CorrectionBody) => post<CorrectionDto>(`${base}/corrections`, b),
      onSuccess,
    }),
    uploadPhoto: useMutation({
      mutationFn: (b: { file: File; caption?: string }) => {
        const fd = new FormData();
        if (b.caption) fd.append('caption', b.caption);
        fd.append('file', b.file);
        return api<ReportPhotoDto>(`${base}/photos`, { method: 'POST', body: fd });
      },
      onSuccess,
    }),
    deletePhoto: useMutation({ mutationFn: (id: string) => del<void>(`/report-photos/${enc(id)}`), onSuccess }),
  };
}

/** Image URL of a stored photo (the server streams it to whoever may read the report). */
export const photoUrl = (id: string) => `${API_BASE}/report-photos/${enc(id)}`;

export function usePeriods(filters: { year?: number; status?: PeriodStatus } = {}) {
  return useQuery({
    queryKey: [...ROOT, 'periods', filters],
    queryFn: ({ signal }) => get<{ items: PeriodDto[] }>('/periods', filters, signal),
    select: (d) => d.items,
    placeholderData: keepPreviousData,
  });
}

export function usePeriodProjects(id: string, filters: { status?: string; q?: string }) {
  return useQuery({
    queryKey: [...ROOT, 'period', id, filters],
    queryFn: ({ signal }) => get<{ period: PeriodDto; items: PeriodProjectRow[] }>(`/periods/${enc(id)}/projects`, filters, signal),
    placeholderData: keepPreviousData,
    enabled: !!id,
  });
}

export function usePeriodActions() {
  const invalidate = useInvalidateReporting();
  return {
    open: useMutation({ mutationFn: (b: PeriodOpen) => post<PeriodDto>('/periods', b), onSuccess: invalidate }),
    close: useMutation({ mutationFn: (id: string) => post<PeriodDto>(`/periods/${enc(id)}/close`, {}), onSuccess: invalidate }),
    remind: useMutation({
      mutationFn: (b: { periodId: string; projectIds?: string[] }) =>
        post<ReminderResult>(`/periods/${enc(b.periodId)}/reminders`, b.projectIds ? { projectIds: b.projectIds } : {}),
      onSuccess: invalidate,
    }),
  };
}

export const periodFileUrl = (id: string, file: 'reminders.xlsx' | 'projects.xlsx') => `${API_BASE}/periods/${enc(id)}/${file}`;

export function useReportingSettings(regionCode: string | undefined, enabled = true) {
  return useQuery({
    queryKey: [...ROOT, 'settings', regionCode ?? null],
    queryFn: ({ signal }) => get<ReportingSettingsDto>('/reporting-settings', { regionCode }, signal),
    enabled,
  });
}

export function useSaveReportingSettings() {
  const invalidate = useInvalidateReporting();
  return useMutation({ mutationFn: (b: ReportingSettingsPut) => put<ReportingSettingsDto>('/reporting-settings', b), onSuccess: invalidate });
}

export function useCorrections(filters: { status?: CorrectionStatus; projectId?: string }, enabled = true) {
  return useQuery({
    queryKey: [...ROOT, 'corrections', filters],
    queryFn: ({ signal }) => get<{ items: CorrectionDto[] }>('/report-corrections', filters, signal),
    select: (d) => d.items,
    enabled,
  });
}

export function useDecideCorrection() {
  const invalidate = useInvalidateReporting();
  return useMutation({
    mutationFn: (b: { id: string; approve: boolean; note?: string }) =>
      post<CorrectionDto>(`/report-corrections/${enc(b.id)}/${b.approve ? 'approve' : 'reject'}`, b.note ? { note: b.note } : {}),
    onSuccess: invalidate,
  });
}

/** A project's month series; without a year the server picks the latest year the project reported in. */
export function useProjectSeries(projectId: string, year: number | undefined) {
  return useQuery({
    queryKey: [...ROOT, 'series', projectId, year],
    queryFn: ({ signal }) => get<ProjectSeriesDto>(`/projects/${enc(projectId)}/reports`, { year }, signal),
    placeholderData: keepPreviousData,
  });
}
