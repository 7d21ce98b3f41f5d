// Server state of the card and supervision pages (TanStack Query over the shared API client).
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { API_BASE, api, get, post, put, toQueryString } from '../../api/client.ts';
import type {
  CardDto, CardGroup, CardList, CardRulesDto, CardRulesPreview, CardRulesResult, CardRunMonthResult, CardRunResult, CardsSummary,
} from '../../../contract/cards.ts';
import type {
  AccountabilityEntryDto, AccountabilityListDto, AccountabilityRecord, AccountabilityStatus, OrderStatus, SupervisionOrderDto, SupervisionOrderListDto,
} from '../../../contract/supervision.ts';
import type { CardColor } from '../../../domain/cards.ts';

const enc = encodeURIComponent;

// A run, an override or a rules change moves lists, counts, timelines and orders together.
const ROOT = ['cards'] as const;

function useInvalidateCards() {
  const qc = useQueryClient();
  return () => void qc.invalidateQueries({ queryKey: ROOT });
}

export interface CardListFilters {
  periodId?: string;
  /** YYYY-MM: the region's periods of the month (a province's: each city's own). */
  month?: string;
  region?: string;
  /** One colour or a comma-separated list (red,yellow). */
  color?: string;
  sort?: 'score' | '-score' | 'code';
  q?: string;
  page?: number;
  pageSize?: number;
}

export function useCardList(filters: CardListFilters, enabled = true) {
  return useQuery({
    queryKey: [...ROOT, 'list', filters],
    queryFn: ({ signal }) => get<CardList>('/cards', { ...filters }, signal),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function useCardsSummary(filters: { periodId?: string; month?: string; region?: string; groupBy: CardGroup }, enabled = true) {
  return useQuery({
    queryKey: [...ROOT, 'summary', filters],
    queryFn: ({ signal }) => get<CardsSummary>('/cards/summary', filters, signal),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function useCard(id: string | null) {
  return useQuery({
    queryKey: [...ROOT, 'card', id],
    queryFn: ({ signal }) => get<CardDto>(`/cards/${enc(id!)}`, undefined, signal),
    enabled: !!id,
  });
}

export function useProjectCards(projectId: string) {
  return useQuery({
    queryKey: [...ROOT, 'project', projectId],
    queryFn: ({ signal }) => get<{ items: CardDto[] }>(`/projects/${enc(projectId)}/cards`, undefined, signal),
    select: (d) => d.items,
  });
}

export function useCardActions() {
  const invalidate = useInvalidateCards();
  const qc = useQueryClient();
  const onCard = (c: CardDto) => {
    qc.setQueryData([...ROOT, 'card', c.id], c);
    invalidate();
  };
  const onRun = () => {
    invalidate();
    void qc.invalidateQueries({ queryKey: ['supervision'] });
  };
  return {
    run: useMutation({
      mutationFn: (periodId: string) => api<CardRunResult>('/cards/run', { method: 'POST', query: { periodId }, body: {} }),
      onSuccess: onRun,
    }),
    /** Every period of a month in a region and below (the caller's region without one). */
    runMonth: useMutation({
      mutationFn: (b: { regionCode?: string; month: string }) => post<CardRunMonthResult>('/cards/run-month', b),
      onSuccess: onRun,
    }),
    override: useMutation({
      mutationFn: (b: { id: string; color: CardColor; reason: string }) =>
        post<CardDto>(`/cards/${enc(b.id)}/override`, { color: b.color, reason: b.reason }),
      onSuccess: onCard,
    }),
    removeOverride: useMutation({
      mutationFn: (b: { id: string; reason: string }) => api<CardDto>(`/cards/${enc(b.id)}/override`, { method: 'DELETE', body: { reason: b.reason } }),
      onSuccess: onCard,
    }),
  };
}

// ───────────── rules ─────────────

export function useCardRules(regionCode: string | undefined) {
  return useQuery({
    queryKey: [...ROOT, 'rules', regionCode ?? null],
    queryFn: ({ signal }) => get<CardRulesResult>('/card-rules', { regionCode }, signal),
  });
}

export function useCardRulesActions() {
  const invalidate = useInvalidateCards();
  return {
    preview: useMutation({
      mutationFn: (b: { regionCode?: string; rules: CardRulesDto; periodId?: string }) => post<CardRulesPreview>('/card-rules/preview', b),
    }),
    save: useMutation({
      mutationFn: (b: { regionCode?: string; rules: CardRulesDto; note: string }) => put<CardRulesResult>('/card-rules', b),
      onSuccess: invalidate,
    }),
  };
}

// ───────────── supervision ─────────────

const SUP = ['supervision'] as const;

export interface OrderFilters {
  status?: OrderStatus;
  region?: string;
  overdue?: boolean;
  page?: number;
  pageSize?: number;
}

export function useSupervisionOrders(filters: OrderFilters) {
  return useQuery({
    queryKey: [...SUP, 'orders', filters],
    queryFn: ({ signal }) => get<SupervisionOrderListDto>('/supervision-orders', { ...filters }, signal),
    placeholderData: keepPreviousData,
  });
}

/** One order (the one a notification links to: /supervision?order=ID). */
export function useSupervisionOrder(id: string | undefined) {
  return useQuery({
    queryKey: [...SUP, 'order', id],
    queryFn: ({ signal }) => get<SupervisionOrderDto>(`/supervision-orders/${enc(id!)}`, {}, signal),
    enabled: !!id,
  });
}

/** One accountability entry (the one a notification links to: /supervision?tab=accountability&entry=ID). */
export function useAccountabilityEntry(id: string | undefined) {
  return useQuery({
    queryKey: [...SUP, 'accountability-entry', id],
    queryFn: ({ signal }) => get<AccountabilityEntryDto>(`/accountability/${enc(id!)}`, {}, signal),
    enabled: !!id,
  });
}

export interface AccountabilityFilters {
  status?: AccountabilityStatus;
  region?: string;
  page?: number;
  pageSize?: number;
}

export function useAccountability(filters: AccountabilityFilters) {
  return useQuery({
    queryKey: [...SUP, 'accountability', filters],
    queryFn: ({ signal }) => get<AccountabilityListDto>('/accountability', { ...filters }, signal),
    placeholderData: keepPreviousData,
  });
}

export function useSupervisionActions() {
  const qc = useQueryClient();
  const invalidate = () => void qc.invalidateQueries({ queryKey: SUP });
  const order = (verb: 'respond' | 'accept' | 'reject') => (b: { id: string; body: object }) =>
    post<SupervisionOrderDto>(`/supervision-orders/${enc(b.id)}/${verb}`, b.body);
  return {
    respond: useMutation({ mutationFn: order('respond'), onSuccess: invalidate }),
    accept: useMutation({ mutationFn: order('accept'), onSuccess: invalidate }),
    reject: useMutation({ mutationFn: order('reject'), onSuccess: invalidate }),
    record: useMutation({
      mutationFn: (b: { id: string; body: AccountabilityRecord }) => post<unknown>(`/accountability/${enc(b.id)}/record`, b.body),
      onSuccess: invalidate,
    }),
  };
}

/** The lists as .xlsx, with the filters on screen. */
export const ordersXlsxHref = (f: Omit<OrderFilters, 'page' | 'pageSize'>) => `${API_BASE}/supervision-orders.xlsx${toQueryString({ ...f })}`;
export const accountabilityXlsxHref = (f: Omit<AccountabilityFilters, 'page' | 'pageSize'>) => `${API_BASE}/accountability.xlsx${toQueryString({ ...f })}`;
