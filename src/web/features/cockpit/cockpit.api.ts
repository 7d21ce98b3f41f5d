// Server state of the cockpit: GET /cockpit for a view, and the office's targets.
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, get } from '../../api/client.ts';
import type { CockpitResult, CockpitTargetsDto, CockpitTargetValuesDto } from '../../../contract/cockpit.ts';
import type { CockpitView } from './cockpitView.ts';

const ROOT = ['cockpit'] as const;

export function useCockpit(view: CockpitView, redLimit: number) {
  const query = { region: view.region, year: view.year, month: view.month, redLimit };
  return useQuery({
    queryKey: [...ROOT, query],
    queryFn: ({ signal }) => get<CockpitResult>('/cockpit', query, signal),
    placeholderData: keepPreviousData,
  });
}

export function useSaveTargets() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (v: { region: string; year: number; values: CockpitTargetValuesDto }) =>
      api<CockpitTargetsDto>('/cockpit/targets', { method: 'PUT', query: { region: v.region, year: v.year }, body: v.values }),
    onSuccess: () => void qc.invalidateQueries({ queryKey: ROOT }),
  });
}
