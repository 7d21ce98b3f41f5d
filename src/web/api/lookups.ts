// Shared pick lists (regions, organisations, leaders, batches, tags) cached by TanStack Query.
import { useQuery } from '@tanstack/react-query';
import { get } from './client.ts';
import type { BatchList, OrgLookup, PersonLookup, RegionNode } from './types.ts';

const LONG = 5 * 60_000;

export function useRegionTree() {
  return useQuery({
    queryKey: ['regions', 'tree'],
    queryFn: ({ signal }) => get<{ tree: RegionNode[] }>('/regions/tree', undefined, signal),
    staleTime: LONG,
    select: (d) => d.tree,
  });
}

export function useOrgs(q: string, kind?: string) {
  return useQuery({
    queryKey: ['lookups', 'orgs', kind ?? '', q],
    queryFn: ({ signal }) => get<{ items: OrgLookup[] }>('/lookups/orgs', { q, kind, limit: 50 }, signal),
    staleTime: LONG,
    placeholderData: (prev) => prev,
    select: (d) => d.items,
  });
}

export function usePeople(q: string, leader = true) {
  return useQuery({
    queryKey: ['lookups', 'people', leader, q],
    queryFn: ({ signal }) => get<{ items: PersonLookup[] }>('/lookups/people', { q, leader: leader ? 'true' : undefined, limit: 50 }, signal),
    staleTime: LONG,
    placeholderData: (prev) => prev,
    select: (d) => d.items,
  });
}

export function useTags() {
  return useQuery({
    queryKey: ['lookups', 'tags'],
    queryFn: ({ signal }) => get<{ items: string[] }>('/lookups/tags', undefined, signal),
    staleTime: LONG,
    select: (d) => d.items,
  });
}

export function useBatches() {
  return useQuery({
    queryKey: ['batches', 'list'],
    queryFn: ({ signal }) => get<BatchList>('/batches', undefined, signal),
    staleTime: LONG,
    select: (d) => d.items,
  });
}
