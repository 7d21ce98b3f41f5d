// Response and request types of the API, inferred from the shared zod contract.
import type { z } from 'zod';
import type { currentUser } from '../../contract/auth.ts';
import type { batch, batchList } from '../../contract/batches.ts';
import type { orgLookupItem, personLookupItem } from '../../contract/lookups.ts';
import type {
  annualPlan, annualPlanPut, factorNeed, historyItem, historyList, milestone, procedure, project, projectCard, projectCreate,
  projectList, projectListQuery, projectPatch, stageChange, teamMember,
} from '../../contract/projects.ts';
import type { RegionNodeDto } from '../../contract/regions.ts';

export type CurrentUser = z.infer<typeof currentUser>;
export type Project = z.infer<typeof project>;
export type ProjectList = z.infer<typeof projectList>;
export type ProjectListQuery = z.input<typeof projectListQuery>;
export type ProjectCard = z.infer<typeof projectCard>;
export type ProjectCreateInput = z.input<typeof projectCreate>;
export type ProjectPatchInput = z.input<typeof projectPatch>;
export type StageChangeInput = z.input<typeof stageChange>;
export type TeamMember = z.input<typeof teamMember>;
export type Procedure = z.input<typeof procedure>;
export type FactorNeed = z.input<typeof factorNeed>;
export type Milestone = z.input<typeof milestone>;
export type AnnualPlan = z.infer<typeof annualPlan>;
export type AnnualPlanInput = z.input<typeof annualPlanPut>;
export type HistoryItem = z.infer<typeof historyItem>;
export type HistoryList = z.infer<typeof historyList>;
export type Batch = z.infer<typeof batch>;
export type BatchList = z.infer<typeof batchList>;
export type OrgLookup = z.infer<typeof orgLookupItem>;
export type PersonLookup = z.infer<typeof personLookupItem>;
export type RegionNode = RegionNodeDto;
