// A group's name in the current language: the closed vocabularies (industry, level, category) come
// from the app's labels; names of regions, people, units, batches and projects are as the server sends them.
import { useCallback } from 'react';
import type { StatsGroup, StatsRow } from '../../../contract/stats.ts';
import { ENUMS, useEnumLabel, type EnumKind } from '../../i18n/labels.ts';

const ENUM_GROUPS: Partial<Record<StatsGroup, EnumKind>> = { industry: 'industry', level: 'level', category: 'category' };

export function useRowLabel(groupBy: StatsGroup) {
  const enumLabel = useEnumLabel();
  return useCallback(
    (row: Pick<StatsRow, 'key' | 'label'>): string => {
      const kind = ENUM_GROUPS[groupBy];
      return kind && (ENUMS[kind] as readonly string[]).includes(row.key) ? enumLabel(kind, row.key) : row.label;
    },
    [groupBy, enumLabel],
  );
}
