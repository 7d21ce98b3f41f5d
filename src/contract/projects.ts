// Request and response schemas of the ledger and the file card. Field names of `project` are a
// contract with other systems (the provincial platform): add fields freely, never rename these.
import { z } from 'zod';
import {
  CATEGORIES, FACTOR_KINDS, FACTOR_STATUSES, INDUSTRIES, LEVELS, MILESTONE_KINDS, PROCEDURE_STATUSES, STAGES, TEAM_ROLES,
} from '../domain/enums.ts';
import { isoDate, moneyIn, moneyOut, pageQuery } from './common.ts';

const dateOrNull = isoDate.nullable();
const FUND_SOURCE_KEYS = ['government', 'specialBonds', 'bankLoans', 'selfRaised', 'other'] as const;

export const project = z
  .object({
    id: z.uuid(),
    code: z.string(),
    name: z.string(),
    regionCode: z.string(),
    regionName: z.string(),
    level: z.enum(LEVELS),
    category: z.enum(CATEGORIES),
    industry: z.enum(INDUSTRIES),
    stage: z.enum(STAGES),
    stageDate: dateOrNull,
    pausedFrom: z.enum(STAGES).nullable(),
    totalInvestment: moneyOut,
    /** Opening balance of a project taken on mid-way: investment and funds arrived before its first report. */
    openingInvestment: moneyOut,
    openingFundsArrived: moneyOut,
    /** Planned investment of the current plan year (the year asked for, default this year). */
    annualPlan: moneyOut.nullable(),
    fundSources: z.partialRecord(z.enum(FUND_SOURCE_KEYS), moneyOut),
    plannedStart: dateOrNull,
    plannedCompletion: dateOrNull,
    plannedProduction: dateOrNull,
    actualStart: dateOrNull,
    actualCompletion: dateOrNull,
    actualProduction: dateOrNull,
    leaderId: z.uuid().nullable(),
    leaderName: z.string().nullable(),
    responsibleUnitId: z.uuid().nullable(),
    responsibleUnit: z.string().nullable(),
    ownerId: z.uuid().nullable(),
    owner: z.string().nullable(),
    constructionContent: z.string().nullable(),
    address: z.string().nullable(),
    longitude: z.string().nullable(),
    latitude: z.string().nullable(),
    reserveGrade: z.enum(['A', 'B', 'C']).nullable(),
    targetYear: z.number().int().nullable(),
    tags: z.array(z.string()),
    batchIds: z.array(z.uuid()),
    version: z.number().int(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'Project' });
export type ProjectDto = z.infer<typeof project>;

/** Comma-separated or repeated query values. */
const multi = <T extends z.ZodType>(item: T) =>
  z
    .preprocess((v) => (v == null || v === '' ? undefined : Array.isArray(v) ? v : String(v).split(',').filter(Boolean)), z.array(item).optional());

export const SORT_FIELDS = [
  'code', 'name', 'totalInvestment', 'annualPlan', 'plannedStart', 'plannedCompletion', 'stage', 'regionCode', 'updatedAt', 'level',
] as const;

export const projectListQuery = z.object({
  region: z.string().optional().meta({ description: '区域代码（含下级）' }),
  level: multi(z.enum(LEVELS)),
  category: multi(z.enum(CATEGORIES)),
  industry: multi(z.enum(INDUSTRIES)),
  stage: multi(z.enum(STAGES)),
  leaderId: z.uuid().optional(),
  responsibleUnitId: z.uuid().optional(),
  ownerId: z.uuid().optional(),
  batchId: z.uuid().optional(),
  tag: multi(z.string()),
  minInvestment: moneyIn.optional(),
  maxInvestment: moneyIn.optional(),
  q: z.string().trim().max(100).optional().meta({ description: '名称、编码、项目单位或拼音首字母' }),
  year: z.coerce.number().int().min(2000).max(2100).optional().meta({ description: '年度计划所属年份，默认今年' }),
  sort: z.enum(SORT_FIELDS).default('code'),
  order: z.enum(['asc', 'desc']).default('asc'),
  ...pageQuery,
});
export type ProjectListQuery = z.infer<typeof projectListQuery>;

export const projectList = z.object({
  items: z.array(project),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
  totals: z.object({ count: z.number().int(), totalInvestment: moneyOut, annualPlan: moneyOut }),
});

const optionalText = (max: number) => z.string().trim().max(max).nullable().optional();

const projectFields = {
  code: z.string().trim().min(1, '项目编码不能为空').max(40, '项目编码最长 40 个字符'),
  name: z.string().trim().min(2, '项目名称至少 2 个字').max(200, '项目名称最长 200 个字'),
  regionCode: z.string().trim().min(2, '请选择所属区域'),
  level: z.enum(LEVELS),
  category: z.enum(CATEGORIES),
  industry: z.enum(INDUSTRIES),
  totalInvestment: moneyIn,
  openingInvestment: moneyIn.optional().meta({ description: '期初累计完成投资（万元），用于中途纳入的项目' }),
  openingFundsArrived: moneyIn.optional().meta({ description: '期初累计到位资金（万元）' }),
  fundSources: z.partialRecord(z.enum(FUND_SOURCE_KEYS), moneyIn).optional(),
  plannedStart: dateOrNull.optional(),
  plannedCompletion: dateOrNull.optional(),
  plannedProduction: dateOrNull.optional(),
  leaderId: z.uuid().nullable().optional(),
  leaderName: optionalText(50),
  responsibleUnitId: z.uuid().nullable().optional(),
  responsibleUnit: optionalText(100),
  ownerId: z.uuid().nullable().optional(),
  owner: optionalText(100),
  constructionContent: optionalText(4000),
  address: optionalText(200),
  longitude: z.coerce.number().min(73, '经度应在 73 到 136 之间').max(136, '经度应在 73 到 136 之间').nullable().optional(),
  latitude: z.coerce.number().min(3, '纬度应在 3 到 54 之间').max(54, '纬度应在 3 到 54 之间').nullable().optional(),
  reserveGrade: z.enum(['A', 'B', 'C']).nullable().optional(),
  targetYear: z.number().int().min(2000).max(2100).nullable().optional(),
  tags: z.array(z.string().trim().min(1).max(30)).max(20).optional(),
};

export const projectCreate = z.object({
  ...projectFields,
  stage: z.enum(['reserve', 'preparation']).default('preparation'),
});
export type ProjectCreate = z.infer<typeof projectCreate>;

/** Partial update; `version` guards against lost updates (409 when someone saved in between). */
export const projectPatch = z
  .object({ ...projectFields, version: z.number().int().optional() })
  .partial()
  .refine((o) => Object.keys(o).some((k) => k !== 'version'), { message: '没有需要修改的字段' });
export type ProjectPatch = z.infer<typeof projectPatch>;

export const stageChange = z.object({
  to: z.enum(STAGES),
  date: isoDate,
  note: z.string().trim().min(1, '请填写阶段变更说明').max(1000),
  version: z.number().int().optional(),
});

export const transitionItem = z.object({
  id: z.number().int(),
  fromStage: z.enum(STAGES).nullable(),
  toStage: z.enum(STAGES),
  date: isoDate,
  note: z.string().nullable(),
  username: z.string().nullable(),
  createdAt: z.string(),
});

export const teamMember = z.object({
  id: z.uuid().optional(),
  personId: z.uuid().nullable().optional(),
  name: z.string().trim().min(1, '请填写姓名').max(50),
  role: z.enum(TEAM_ROLES),
  duty: optionalText(200),
  orgName: optionalText(100),
  phone: optionalText(30),
});
export const procedure = z.object({
  id: z.uuid().optional(),
  name: z.string().trim().min(1, '请填写手续名称').max(100),
  status: z.enum(PROCEDURE_STATUSES).default('pending'),
  plannedDate: dateOrNull.optional(),
  actualDate: dateOrNull.optional(),
  documentNo: optionalText(100),
  authority: optionalText(100),
});
export const factorNeed = z.object({
  id: z.uuid().optional(),
  kind: z.enum(FACTOR_KINDS),
  quantity: z.union([z.string(), z.number()]).nullable().optional(),
  unit: optionalText(16),
  description: optionalText(500),
  status: z.enum(FACTOR_STATUSES).default('pending'),
});
export const milestone = z.object({
  id: z.uuid().optional(),
  name: z.string().trim().min(1, '请填写节点名称').max(100),
  kind: z.enum(MILESTONE_KINDS).default('other'),
  plannedDate: dateOrNull.optional(),
  baselineDate: dateOrNull.optional(),
  actualDate: dateOrNull.optional(),
  responsible: optionalText(50),
});

export const annualPlan = z.object({
  year: z.number().int(),
  plannedInvestment: moneyOut,
  monthly: z.array(moneyOut).length(12).nullable(),
  mustStart: z.boolean(),
  mustComplete: z.boolean(),
  mustProduce: z.boolean(),
});
export const annualPlanPut = z.object({
  plannedInvestment: moneyIn,
  monthly: z.array(moneyIn).length(12, '月度分解须为 12 个月').nullable().optional(),
  mustStart: z.boolean().default(false),
  mustComplete: z.boolean().default(false),
  mustProduce: z.boolean().default(false),
});

export const batchRef = z.object({
  id: z.uuid(),
  name: z.string(),
  kind: z.enum(['groundbreaking', 'signing']),
  eventDate: isoDate,
  isMainVenue: z.boolean(),
});

/** The whole file card: the project and all its tabs. */
export const projectCard = z
  .object({
    project,
    team: z.array(teamMember.extend({ id: z.uuid() })),
    procedures: z.array(procedure.extend({ id: z.uuid() })),
    factorNeeds: z.array(factorNeed.extend({ id: z.uuid(), quantity: z.string().nullable() })),
    milestones: z.array(milestone.extend({ id: z.uuid() })),
    annualPlans: z.array(annualPlan),
    batches: z.array(batchRef),
    transitions: z.array(transitionItem),
    allowedStages: z.array(z.enum(STAGES)),
    canEdit: z.boolean(),
    canChangeStage: z.boolean(),
  })
  .meta({ id: 'ProjectCard' });

export const historyItem = z.object({
  id: z.number().int(),
  at: z.string(),
  username: z.string().nullable(),
  action: z.string(),
  entityType: z.string(),
  before: z.unknown(),
  after: z.unknown(),
  note: z.string().nullable(),
});
export const historyList = z.object({ items: z.array(historyItem) });
