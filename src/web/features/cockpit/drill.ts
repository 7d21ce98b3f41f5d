// Where each part of the cockpit leads, keeping the region and period of the view.
import type { CockpitResult } from '../../../contract/cockpit.ts';
import { periodQuery } from './cockpitView.ts';

export interface Drill {
  /** Re-opens the cockpit for a sub-region (a new history entry). */
  region: (code: string) => void;
  /** Opens a page of the app. */
  go: (href: string) => void;
}

export function hrefs(d: CockpitResult) {
  const p = { region: d.regionCode, year: d.year, month: d.month };
  const open = 'open,accepted,reopened';
  return {
    stats: `/stats?${periodQuery(p)}`,
    ledger: `/projects?${new URLSearchParams({ region: d.regionCode, year: String(d.year) })}`,
    project: (id: string) => `/projects/${id}`,
    cards: (color?: string) => `/cards?${new URLSearchParams({ region: d.regionCode, ...(d.cards.periodId ? { period: d.cards.periodId } : {}), ...(color ? { color } : {}) })}`,
    problems: (more: Record<string, string> = {}) => `/problems?${new URLSearchParams({ region: d.regionCode, status: open, ...more })}`,
    batch: (id: string) => `/batches/${id}`,
  };
}
