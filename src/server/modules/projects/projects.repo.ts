// Ledger queries. Every function takes the db (or transaction) first; every list is scoped by
// region path before any other filter.
import { and, asc, eq, gte, inArray, lte, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { ProjectDto, ProjectListQuery } from '../../../contract/projects.ts';
import { likeEscape } from '../../../domain/search.ts';
import type { DbOrTx } from '../../db/client.ts';
import { annualPlans, batchProjects, organizations, people, projects, regions } from '../../db/schema/index.ts';

const owner = alias(organizations, 'owner_org');
const unit = alias(organizations, 'unit_org');

export type ProjectFilter = Omit<ProjectListQuery, 'page' | 'pageSize' | 'sort' | 'order'> & { scopePath: string; regionPath?: string };

/** The WHERE clause of a ledger view: scope first, then the user's filters. */
export function projectWhere(f: ProjectFilter): SQL {
  const conds: (SQL | undefined)[] = [sql`${projects.regionPath} LIKE ${f.scopePath + '%'}`];
  if (f.regionPath) conds.push(sql`${projects.regionPath} LIKE ${f.regionPath + '%'}`);
  if (f.level?.length) conds.push(inArray(projects.level, f.level));
  if (f.category?.length) conds.push(inArray(projects.category, f.category));
  if (f.industry?.length) conds.push(inArray(projects.industry, f.industry));
  if (f.stage?.length) conds.push(inArray(projects.stage, f.stage));
  if (f.leaderId) conds.push(eq(projects.leaderPersonId, f.leaderId));
  if (f.responsibleUnitId) conds.push(eq(projects.responsibleOrgId, f.responsibleUnitId));
  if (f.ownerId) conds.push(eq(projects.ownerOrgId, f.ownerId));
  if (f.batchId) {
    conds.push(sql`EXISTS (SELECT 1 FROM ${batchProjects} bp WHERE bp.project_id = ${projects.id} AND bp.batch_id = ${f.batchId})`);
  }
  // Several tags: a project must carry all of them.
  if (f.tag?.length) conds.push(sql`${projects.tags} @> ${sql.param(f.tag)}::text[]`);
  if (f.minInvestment) conds.push(gte(projects.totalInvestment, f.minInvestment));
  if (f.maxInvestment) conds.push(lte(projects.totalInvestment, f.maxInvestment));
  if (f.q) conds.push(sql`${projects.searchText} LIKE ${'%' + likeEscape(f.q.toLowerCase()) + '%'}`);
  return and(...conds)!;
}

const planJoin = (year: number) => and(eq(annualPlans.projectId, projects.id), eq(annualPlans.year, year));

const columns = {
  id: projects.id,
  code: projects.code,
  name: projects.name,
  regionCode: projects.regionCode,
  regionName: regions.name,
  regionPath: projects.regionPath,
  level: projects.level,
  category: projects.category,
  industry: projects.industry,
  stage: projects.stage,
  stageDate: projects.stageDate,
  pausedFrom: projects.pausedFrom,
  totalInvestment: projects.totalInvestment,
  openingInvestment: projects.openingInvestment,
  openingFundsArrived: projects.openingFundsArrived,
  annualPlan: annualPlans.plannedInvestment,
  fundSources: projects.fundSources,
  plannedStart: projects.plannedStart,
  plannedCompletion: projects.plannedCompletion,
  plannedProduction: projects.plannedProduction,
  actualStart: projects.actualStart,
  actualCompletion: projects.actualCompletion,
  actualProduction: projects.actualProduction,
  leaderId: projects.leaderPersonId,
  leaderName: people.name,
  responsibleUnitId: projects.responsibleOrgId,
  responsibleUnit: unit.name,
  ownerId: projects.ownerOrgId,
  owner: owner.name,
  constructionContent: projects.constructionContent,
  address: projects.address,
  longitude: projects.longitude,
  latitude: projects.latitude,
  reserveGrade: projects.reserveGrade,
  targetYear: projects.targetYear,
  tags: projects.tags,
  batchIds: sql<string[]>`coalesce((SELECT array_agg(bp.batch_id ORDER BY bp.batch_id) FROM ${batchProjects} bp WHERE bp.project_id = ${projects.id}), '{}')`,
  version: projects.version,
  createdAt: projects.createdAt,
  updatedAt: projects.updatedAt,
};

export type ProjectRow = Awaited<ReturnType<typeof selectProjects>>[number];

function baseSelect(db: DbOrTx, year: number) {
  return db
    .select(columns)
    .from(projects)
    .innerJoin(regions, eq(regions.code, projects.regionCode))
    .leftJoin(people, eq(people.id, projects.leaderPersonId))
    .leftJoin(unit, eq(unit.id, projects.responsibleOrgId))
    .leftJoin(owner, eq(owner.id, projects.ownerOrgId))
    .leftJoin(annualPlans, planJoin(year));
}

const SORTS = {
  code: projects.code,
  name: projects.name,
  totalInvestment: projects.totalInvestment,
  annualPlan: annualPlans.plannedInvestment,
  plannedStart: projects.plannedStart,
  plannedCompletion: projects.plannedCompletion,
  stage: projects.stage,
  regionCode: projects.regionCode,
  updatedAt: projects.updatedAt,
  level: projects.level,
} as const;

export async function selectProjects(
  db: DbOrTx,
  where: SQL,
  o: { year: number; sort: keyof typeof SORTS; order: 'asc' | 'desc'; limit: number; offset: number },
) {
  return baseSelect(db, o.year).where(where).orderBy(sortKey(o.sort, o.order), asc(projects.code)).limit(o.limit).offset(o.offset);
}

/** The list's sort key (nulls last); callers add the code as the tie-break. */
export function sortKey(sort: keyof typeof SORTS, order: 'asc' | 'desc'): SQL {
  const col = SORTS[sort];
  return order === 'desc' ? sql`${col} DESC NULLS LAST` : sql`${col} ASC NULLS LAST`;
}

/**
 * A ledger page and the totals of the whole view in one statement (one round trip, one snapshot).
 * The page is chosen from the narrow columns first (an index alone serves the usual view, see
 * migration 0007) and only its rows are read whole; the totals are planned on their own. A page past
 * the end still brings the totals: the totals row is left-joined to the page's rows.
 */
export async function selectListPage(
  db: DbOrTx,
  where: SQL,
  o: { year: number; sort: keyof typeof SORTS; order: 'asc' | 'desc'; limit: number; offset: number },
) {
  const order = [sortKey(o.sort, o.order), asc(projects.code)];
  const page = db.$with('page').as(
    db.select({ id: projects.id }).from(projects).leftJoin(annualPlans, planJoin(o.year)).where(where).orderBy(...order).limit(o.limit).offset(o.offset),
  );
  const totals = db.$with('totals').as(
    db
      .select({
        count: sql<number>`count(*)::int`.as('totals_count'),
        totalInvestment: sql<string>`coalesce(sum(${projects.totalInvestment}), 0)::text`.as('totals_investment'),
        annualPlan: sql<string>`coalesce(sum(${annualPlans.plannedInvestment}), 0)::text`.as('totals_annual_plan'),
      })
      .from(projects)
      .leftJoin(annualPlans, planJoin(o.year))
      .where(where),
  );
  const rows = await db
    .with(page, totals)
    .select({ ...columns, totalsCount: totals.count, totalsInvestment: totals.totalInvestment, totalsAnnualPlan: totals.annualPlan })
    .from(totals)
    .leftJoin(projects, sql`${projects.id} IN (SELECT ${page.id} FROM ${page})`)
    .leftJoin(regions, eq(regions.code, projects.regionCode))
    .leftJoin(people, eq(people.id, projects.leaderPersonId))
    .leftJoin(unit, eq(unit.id, projects.responsibleOrgId))
    .leftJoin(owner, eq(owner.id, projects.ownerOrgId))
    .leftJoin(annualPlans, planJoin(o.year))
    .orderBy(...order);
  const first = rows[0]!;
  return {
    rows: rows.filter((r) => r.id !== null) as ProjectRow[],
    totals: { count: first.totalsCount, totalInvestment: first.totalsInvestment, annualPlan: first.totalsAnnualPlan },
  };
}

export async function selectTotals(db: DbOrTx, where: SQL, year: number) {
  const [row] = await db
    .select({
      count: sql<number>`count(*)::int`,
      totalInvestment: sql<string>`coalesce(sum(${projects.totalInvestment}), 0)::text`,
      annualPlan: sql<string>`coalesce(sum(${annualPlans.plannedInvestment}), 0)::text`,
    })
    .from(projects)
    .leftJoin(annualPlans, planJoin(year))
    .where(where);
  return row!;
}

export async function selectProjectById(db: DbOrTx, id: string, year: number) {
  const [row] = await baseSelect(db, year).where(eq(projects.id, id)).limit(1);
  return row ?? null;
}

/** The raw row, for updates; `forUpdate` locks it against a concurrent writer. */
export async function getProjectRow(db: DbOrTx, id: string, forUpdate = false) {
  const q = db.select().from(projects).where(eq(projects.id, id)).limit(1);
  const [row] = forUpdate ? await q.for('update') : await q;
  return row ?? null;
}

export async function getProjectByCode(db: DbOrTx, code: string) {
  const [row] = await db.select({ id: projects.id, regionPath: projects.regionPath }).from(projects).where(eq(projects.code, code)).limit(1);
  return row ?? null;
}

export function toProjectDto(r: ProjectRow): ProjectDto {
  return {
    id: r.id,
    code: r.code,
    name: r.name,
    regionCode: r.regionCode,
    regionName: r.regionName,
    level: r.level as ProjectDto['level'],
    category: r.category as ProjectDto['category'],
    industry: r.industry as ProjectDto['industry'],
    stage: r.stage as ProjectDto['stage'],
    stageDate: r.stageDate,
    pausedFrom: (r.pausedFrom as ProjectDto['pausedFrom']) ?? null,
    totalInvestment: trimMoney(r.totalInvestment),
    openingInvestment: trimMoney(r.openingInvestment),
    openingFundsArrived: trimMoney(r.openingFundsArrived),
    annualPlan: r.annualPlan == null ? null : trimMoney(r.annualPlan),
    fundSources: Object.fromEntries(Object.entries(r.fundSources ?? {}).map(([k, v]) => [k, trimMoney(String(v))])),
    plannedStart: r.plannedStart,
    plannedCompletion: r.plannedCompletion,
    plannedProduction: r.plannedProduction,
    actualStart: r.actualStart,
    actualCompletion: r.actualCompletion,
    actualProduction: r.actualProduction,
    leaderId: r.leaderId,
    leaderName: r.leaderName,
    responsibleUnitId: r.responsibleUnitId,
    responsibleUnit: r.responsibleUnit,
    ownerId: r.ownerId,
    owner: r.owner,
    constructionContent: r.constructionContent,
    address: r.address,
    longitude: r.longitude == null ? null : trimDecimal(r.longitude),
    latitude: r.latitude == null ? null : trimDecimal(r.latitude),
    reserveGrade: (r.reserveGrade as ProjectDto['reserveGrade']) ?? null,
    targetYear: r.targetYear,
    tags: r.tags,
    batchIds: r.batchIds ?? [],
    version: r.version,
    createdAt: r.createdAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
  };
}

/** numeric(16,4) comes back as "12500.0000": show it as "12500". */
export function trimMoney(v: string): string {
  return trimDecimal(v);
}
function trimDecimal(v: string): string {
  return v.includes('.') ? v.replace(/0+$/, '').replace(/\.$/, '') : v;
}

export { projects as projectsTable } from '../../db/schema/index.ts';
