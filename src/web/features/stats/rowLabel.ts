// A group's name in the current language: the closed vocabularies (industry, level, category) come
// from the app's labels; names of regions, people, units, batches and projects are as the server sends them.
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { StatsGroup, StatsRow } from '../../../contract/stats.ts';
import { ENUMS, useEnumLabel, type EnumKind } from '../../i18n/labels.ts';

/** '2024-03' → 3月 / Mar. */
export function monthName(key: string, lang: string): string {
  const m = Number(key.slice(5, 7));
  return new Date(Date.UTC(2000, m - 1, 15)).toLocaleString(lang, { month: 'short', timeZone: 'UTC' });
}

/** A month row's label: the server's '2024年3月' in Chinese, 'Mar 2024' otherwise. */
export function monthLabel(row: Pick<StatsRow, 'key' | 'label'>, lang: string): string {
  return lang.startsWith('zh') ? row.label : `${monthName(row.key, lang)} ${row.key.slice(0, 4)}`;
}

const ENUM_GROUPS: Partial<Record<StatsGroup, EnumKind>> = { industry: 'industry', level: 'level', category: 'category' };

export function useRowLabel(groupBy: StatsGroup) {
  const enumLabel = useEnumLabel();
  const { i18n } = useTranslation();
  return useCallback(
    (row: Pick<StatsRow, 'key' | 'label'>): string => {
      if (groupBy === 'month') return monthLabel(row, i18n.language);
      const kind = ENUM_GROUPS[groupBy];
      return kind && (ENUMS[kind] as readonly string[]).includes(row.key) ? enumLabel(kind, row.key) : row.label;
    },
    [groupBy, enumLabel, i18n.language],
  );
}
