// The closed vocabularies of the ledger. Codes are the contract other systems rely on;
// Chinese labels live in labels.ts and in the web i18n files.

export const STAGES = [
  'reserve',
  'preparation',
  'started',
  'construction',
  'completed',
  'production',
  'paused',
  'withdrawn',
] as const;
export type Stage = (typeof STAGES)[number];

export const LEVELS = ['provincial', 'municipal', 'county'] as const;
export type Level = (typeof LEVELS)[number];

export const CATEGORIES = ['industrial', 'infrastructure', 'social'] as const;
export type Category = (typeof CATEGORIES)[number];

export const INDUSTRIES = [
  'chemicals',
  'equipment',
  'new_energy',
  'food',
  'semiconductors',
  'digital',
  'agriculture',
  'logistics',
  'tourism',
  'infrastructure',
  'livelihood',
  'other',
] as const;
export type Industry = (typeof INDUSTRIES)[number];

export const ROLES = ['admin', 'office', 'unit', 'owner', 'leader', 'department', 'viewer', 'auditor'] as const;
export type Role = (typeof ROLES)[number];

export const REGION_LEVELS = ['province', 'city', 'county', 'park'] as const;
export type RegionLevel = (typeof REGION_LEVELS)[number];

export const ORG_KINDS = ['government', 'department', 'enterprise', 'park'] as const;
export type OrgKind = (typeof ORG_KINDS)[number];

export const BATCH_KINDS = ['groundbreaking', 'signing'] as const;
export type BatchKind = (typeof BATCH_KINDS)[number];

export const SEASONS = ['spring', 'summer', 'autumn', 'winter'] as const;
export type Season = (typeof SEASONS)[number];

export const TEAM_ROLES = ['leader', 'specialist', 'member', 'contact'] as const;
export type TeamRole = (typeof TEAM_ROLES)[number];

export const FACTOR_KINDS = ['land', 'energy', 'funding', 'power', 'water', 'labour', 'environment', 'other'] as const;
export type FactorKind = (typeof FACTOR_KINDS)[number];

export const FACTOR_STATUSES = ['pending', 'in_progress', 'satisfied'] as const;
export type FactorStatus = (typeof FACTOR_STATUSES)[number];

export const PROCEDURE_STATUSES = ['pending', 'in_progress', 'done', 'not_required'] as const;
export type ProcedureStatus = (typeof PROCEDURE_STATUSES)[number];

export const MILESTONE_KINDS = ['start', 'completion', 'production', 'other'] as const;
export type MilestoneKind = (typeof MILESTONE_KINDS)[number];
