// Labels and select options for the closed vocabularies, in the current language.
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import {
  BATCH_KINDS, CATEGORIES, FACTOR_KINDS, FACTOR_STATUSES, INDUSTRIES, LEVELS, MILESTONE_KINDS, PROCEDURE_STATUSES,
  ROLES, SEASONS, STAGES, TEAM_ROLES,
} from '../../domain/enums.ts';

export const ENUMS = {
  stage: STAGES,
  level: LEVELS,
  category: CATEGORIES,
  industry: INDUSTRIES,
  role: ROLES,
  batchKind: BATCH_KINDS,
  season: SEASONS,
  teamRole: TEAM_ROLES,
  factorKind: FACTOR_KINDS,
  factorStatus: FACTOR_STATUSES,
  procedureStatus: PROCEDURE_STATUSES,
  milestoneKind: MILESTONE_KINDS,
  fundSource: ['government', 'specialBonds', 'bankLoans', 'selfRaised', 'other'],
  reserveGrade: ['A', 'B', 'C'],
} as const;
export type EnumKind = keyof typeof ENUMS;

/** `label('stage', 'started')` → 开工; unknown codes are shown as they are. */
export function useEnumLabel() {
  const { t } = useTranslation();
  return useCallback(
    (kind: EnumKind, code: string | null | undefined): string => {
      if (code == null || code === '') return '—';
      return t(`enum.${kind}.${code}`, { defaultValue: code });
    },
    [t],
  );
}

export function useEnumOptions() {
  const label = useEnumLabel();
  return useCallback(
    (kind: EnumKind) => (ENUMS[kind] as readonly string[]).map((value) => ({ value, label: label(kind, value) })),
    [label],
  );
}
