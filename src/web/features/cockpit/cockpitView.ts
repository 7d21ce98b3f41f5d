// The cockpit's view lives in the URL (region, year, month, screen), with the API's own names, so a
// drill-down is a new history entry: back returns to the level above with the same period.
import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router-dom';
import { withChanges } from '../stats/statsQuery.ts';

export interface CockpitView {
  region?: string;
  year?: number;
  month?: number;
  screen: boolean;
}

type Changes = Partial<Record<'region' | 'year' | 'month' | 'screen', string | undefined>>;

const intIn = (s: string | null, min: number, max: number) => {
  const n = Number(s);
  return s && Number.isInteger(n) && n >= min && n <= max ? n : undefined;
};

/** The query string of the same filter for another page (statistics, ledger …). */
export function periodQuery(p: { region: string; year: number; month: number }, more: Record<string, string> = {}): string {
  return new URLSearchParams({ region: p.region, year: String(p.year), month: String(p.month), ...more }).toString();
}

export function useCockpitView() {
  const [params, setParams] = useSearchParams();
  const view: CockpitView = useMemo(() => ({
    region: params.get('region') || undefined,
    year: intIn(params.get('year'), 2000, 2100),
    month: intIn(params.get('month'), 1, 12),
    screen: params.get('screen') === '1',
  }), [params]);
  const update = useCallback((changes: Changes) => setParams((prev) => withChanges(prev, changes)), [setParams]);
  return { view, update };
}
