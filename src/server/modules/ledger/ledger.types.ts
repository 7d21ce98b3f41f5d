// Shapes shared by the steps of an import: parse rows, plan the changes, write them.
import type { LedgerField } from '../../../contract/ledger.ts';
import type { Category, Industry, Level, Stage } from '../../../domain/enums.ts';
import type { BatchLite, ExistingProject, RegionLite } from './ledger.repo.ts';

export interface Problem {
  /** Excel row number (the header row for header problems). */
  row: number;
  /** Header text as written in the file. */
  column: string;
  field: string;
  message: string;
}

/** A row's values, parsed and resolved; a field is present only when its cell said something. */
export interface RowValues {
  code: string;
  name: string;
  region: RegionLite;
  owner: string;
  responsibleUnit: string;
  leader: string;
  level: Level;
  category: Category;
  industry: Industry;
  constructionContent: string;
  totalInvestment: string;
  annualPlan: string;
  plannedStart: string;
  plannedCompletion: string;
  plannedProduction: string;
  stage: Stage;
  actualStart: string;
  batch: BatchLite[];
  longitude: string;
  latitude: string;
  tags: string[];
}

export interface Change {
  field: LedgerField;
  column: string;
  before: string | null;
  after: string | null;
}

export interface RowPlan {
  row: number;
  code: string | null;
  name: string | null;
  action: 'create' | 'update' | 'unchanged' | 'error';
  values: Partial<RowValues>;
  existing: ExistingProject | null;
  changes: Change[];
  problems: Problem[];
  /** The existing leader the row's 包靠领导 names; absent when the name is new (created on commit). */
  leaderPersonId?: string;
  /** Stage change the row asks for and the lifecycle allows. */
  transition: { from: Stage | null; to: Stage } | null;
}
