// Server state of the war map: boundaries, the projects on the map, and the admin's upload / reset.
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, del, get } from '../../api/client.ts';
import type { MapBoundaries, MapProjects } from '../../../contract/map.ts';

export interface MapApiQuery {
  region?: string;
  stage?: string[];
  color?: string[];
  industry?: string[];
  leader?: string;
  batch?: string;
  periodId?: string;
}

export function useBoundaries(region: string | undefined) {
  return useQuery({
    queryKey: ['map', 'boundaries', region ?? ''],
    queryFn: ({ signal }) => get<MapBoundaries>('/map/boundaries', { region }, signal),
    staleTime: 10 * 60_000,
    retry: false,
  });
}

export function useMapProjects(query: MapApiQuery) {
  return useQuery({
    queryKey: ['map', 'projects', query],
    queryFn: ({ signal }) => get<MapProjects>('/map/projects', { ...query }, signal),
    placeholderData: keepPreviousData,
  });
}

export function useBoundaryActions(regionCode: string) {
  const qc = useQueryClient();
  const done = () => qc.invalidateQueries({ queryKey: ['map', 'boundaries'] });
  const upload = useMutation({
    mutationFn: (v: { file: File; source?: string }) => {
      const form = new FormData();
      if (v.source) form.append('source', v.source);
      form.append('file', v.file);
      return api<MapBoundaries>(`/map/boundaries/${regionCode}`, { method: 'PUT', body: form });
    },
    onSuccess: done,
  });
  const reset = useMutation({ mutationFn: () => del<{ ok: true }>(`/map/boundaries/${regionCode}`), onSuccess: done });
  return { upload, reset };
}
