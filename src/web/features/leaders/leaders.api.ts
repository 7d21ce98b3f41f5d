// Server state of the leader pages.
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import { get } from '../../api/client.ts';
import type { LeaderDetailDto, leaderItem } from '../../../contract/people.ts';

export type LeaderItem = z.infer<typeof leaderItem>;
export type LeaderDetail = LeaderDetailDto;
export type TeamMembership = LeaderDetail['teamProjects'][number];

export function useLeaders(q: string) {
  return useQuery({
    queryKey: ['leaders', 'list', q],
    queryFn: ({ signal }) => get<{ items: LeaderItem[] }>('/leaders', { q }, signal),
    placeholderData: keepPreviousData,
    select: (d) => d.items,
  });
}

export function useLeader(id: string) {
  return useQuery({
    queryKey: ['leaders', 'detail', id],
    queryFn: ({ signal }) => get<LeaderDetail>(`/leaders/${encodeURIComponent(id)}`, undefined, signal),
    enabled: !!id,
  });
}
