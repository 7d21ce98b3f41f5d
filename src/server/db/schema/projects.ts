import { sql } from 'drizzle-orm';
import {
  bigserial, boolean, date, index, integer, jsonb, numeric, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid, varchar,
} from 'drizzle-orm/pg-core';
import { organizations, people } from './orgs.ts';
import { regions } from './regions.ts';
import { users } from './users.ts';

const money = (name: string) => numeric(name, { precision: 16, scale: 4 });

/** The file card (建档立卡): one row per key project. */
export const projects = pgTable(
  'projects',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    code: varchar('code', { length: 40 }).notNull(),
    name: text('name').notNull(),
    regionCode: varchar('region_code', { length: 12 }).notNull().references(() => regions.code),
    /** Copy of the region's path, so subtree filters need no join. */
    regionPath: text('region_path').notNull(),
    ownerOrgId: uuid('owner_org_id').references(() => organizations.id),
    responsibleOrgId: uuid('responsible_org_id').references(() => organizations.id),
    leaderPersonId: uuid('leader_person_id').references(() => people.id),
    level: varchar('level', { length: 16 }).notNull(),
    category: varchar('category', { length: 16 }).notNull(),
    industry: varchar('industry', { length: 24 }).notNull(),
    constructionContent: text('construction_content'),
    address: text('address'),
    longitude: numeric('longitude', { precision: 9, scale: 6 }),
    latitude: numeric('latitude', { precision: 9, scale: 6 }),
    totalInvestment: money('total_investment').notNull(),
    /** Planned funding by source, 万元 decimal strings keyed government|specialBonds|bankLoans|selfRaised|other. */
    fundSources: jsonb('fund_sources').$type<Record<string, string>>().notNull().default({}),
    plannedStart: date('planned_start'),
    plannedCompletion: date('planned_completion'),
    plannedProduction: date('planned_production'),
    actualStart: date('actual_start'),
    actualCompletion: date('actual_completion'),
    actualProduction: date('actual_production'),
    stage: varchar('stage', { length: 16 }).notNull(),
    stageDate: date('stage_date'),
    /** The stage a paused project resumes to. */
    pausedFrom: varchar('paused_from', { length: 16 }),
    /** Reserve grading (rolling reserve): maturity A/B/C and the year it is meant to enter the plan. */
    reserveGrade: varchar('reserve_grade', { length: 1 }),
    targetYear: integer('target_year'),
    /** Opening balance for projects taken on mid-way: investment and funds arrived before their first report. */
    openingInvestment: money('opening_investment').notNull().default('0'),
    openingFundsArrived: money('opening_funds_arrived').notNull().default('0'),
    tags: text('tags').array().notNull().default(sql`'{}'::text[]`),
    /** Lower-case code, name, owner and the name's pinyin (full and initials), for text search. */
    searchText: text('search_text').notNull().default(''),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('projects_code_uq').on(t.code),
    index('projects_region_path_idx').on(t.regionPath.op('text_pattern_ops')),
    index('projects_stage_idx').on(t.stage),
    index('projects_leader_idx').on(t.leaderPersonId),
    index('projects_responsible_idx').on(t.responsibleOrgId),
    index('projects_owner_idx').on(t.ownerOrgId),
    index('projects_tags_idx').using('gin', t.tags),
  ],
);

/** Special team (专班) members and contacts of a project. */
export const projectTeamMembers = pgTable(
  'project_team_members',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    projectId: uuid('project_id').notNull().references(() => projects.id, { onDelete: 'cascade' }),
    personId: uuid('person_id').references(() => people.id),
    name: text('name').notNull(),
    role: varchar('role', { length: 16 }).notNull(),
    duty: text('duty'),
    orgName: text('org_name'),
    phone: text('phone'),
    sort: integer('sort').notNull().default(0),
  },
  (t) => [index('project_team_project_idx').on(t.projectId), index('project_team_person_idx').on(t.personId)],
);

/** Approval procedures checklist (审批手续). `baselineDate` keeps the first plan when the date is re-planned. */
export const projectProcedures = pgTable(
  'project_procedures',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    projectId: uuid('project_id').notNull().references(() => projects.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    status: varchar('status', { length: 16 }).notNull().default('pending'),
    plannedDate: date('planned_date'),
    baselineDate: date('baseline_date'),
    actualDate: date('actual_date'),
    documentNo: text('document_no'),
    authority: text('authority'),
    sort: integer('sort').notNull().default(0),
  },
  (t) => [index('project_procedures_project_idx').on(t.projectId)],
);

/** Factor needs (要素需求): land, energy, funding, power, labour … */
export const projectFactorNeeds = pgTable(
  'project_factor_needs',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    projectId: uuid('project_id').notNull().references(() => projects.id, { onDelete: 'cascade' }),
    kind: varchar('kind', { length: 16 }).notNull(),
    quantity: numeric('quantity', { precision: 16, scale: 4 }),
    unit: varchar('unit', { length: 16 }),
    description: text('description'),
    status: varchar('status', { length: 16 }).notNull().default('pending'),
    sort: integer('sort').notNull().default(0),
  },
  (t) => [index('project_factor_needs_project_idx').on(t.projectId)],
);

/** Milestones (节点). `baselineDate` keeps the first plan when the date is re-planned. */
export const projectMilestones = pgTable(
  'project_milestones',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    projectId: uuid('project_id').notNull().references(() => projects.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    kind: varchar('kind', { length: 16 }).notNull().default('other'),
    plannedDate: date('planned_date'),
    baselineDate: date('baseline_date'),
    actualDate: date('actual_date'),
    responsible: text('responsible'),
    sort: integer('sort').notNull().default(0),
  },
  (t) => [index('project_milestones_project_idx').on(t.projectId)],
);

/** Annual plan (年度计划) per project and year; `monthly` is an optional split in 12 amounts. */
export const annualPlans = pgTable(
  'annual_plans',
  {
    projectId: uuid('project_id').notNull().references(() => projects.id, { onDelete: 'cascade' }),
    year: integer('year').notNull(),
    plannedInvestment: money('planned_investment').notNull(),
    monthly: numeric('monthly', { precision: 16, scale: 4 }).array(),
    mustStart: boolean('must_start').notNull().default(false),
    mustComplete: boolean('must_complete').notNull().default(false),
    mustProduce: boolean('must_produce').notNull().default(false),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.projectId, t.year] }), index('annual_plans_year_idx').on(t.year)],
);

/** Every stage change, dated, with its note. */
export const stageTransitions = pgTable(
  'stage_transitions',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    projectId: uuid('project_id').notNull().references(() => projects.id, { onDelete: 'cascade' }),
    fromStage: varchar('from_stage', { length: 16 }),
    toStage: varchar('to_stage', { length: 16 }).notNull(),
    date: date('date').notNull(),
    note: text('note'),
    userId: uuid('user_id').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('stage_transitions_project_idx').on(t.projectId)],
);
