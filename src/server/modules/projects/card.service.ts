// The file card's tabs: team, procedures, factor needs, milestones, annual plans, batches, history.
import Decimal from 'decimal.js';
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { annualPlanPut, factorNeed, milestone, procedure, teamMember } from '../../../contract/projects.ts';
import { keepBaseline } from '../../../domain/gantt.ts';
import { allowedTransitions } from '../../../domain/lifecycle.ts';
import { normalizeMoney, sumMoney } from '../../../domain/money.ts';
import type { Stage } from '../../../domain/enums.ts';
import type { Db, DbOrTx } from '../../db/client.ts';
import {
  annualPlans, batches, batchProjects, people, projectFactorNeeds, projectMilestones, projectProcedures, projectTeamMembers, regions, stageTransitions, users,
} from '../../db/schema/index.ts';
import { invalid, notFound } from '../../errors.ts';
import { canChangeStage, canEditProject, requireEditProject, requireRead } from '../access/access.policy.ts';
import type { Principal } from '../access/principal.ts';
import { listProjectHistory, recordAudit } from '../audit/audit.repo.ts';
import { inCallersLine } from './parties.ts';
import * as repo from './projects.repo.ts';
import { currentYear } from './projects.service.ts';
import { clockToday } from '../../clock.ts';

const trim = (v: string | null) => (v == null ? null : repo.trimMoney(v));

async function loadReadable(db: Db, p: Principal, id: string) {
  const row = await repo.getProjectRow(db, id);
  if (!row) throw notFound('项目');
  requireRead(p, row.regionPath, '项目');
  return row;
}

export async function getCard(db: Db, p: Principal, id: string) {
  const row = await repo.selectProjectById(db, id, currentYear());
  if (!row) throw notFound('项目');
  requireRead(p, row.regionPath, '项目');
  const facts = { regionPath: row.regionPath, ownerOrgId: row.ownerId, responsibleOrgId: row.responsibleUnitId, leaderPersonId: row.leaderId };
  const [team, procs, needs, miles, plans, batchRows, transitions] = await Promise.all([
    db.select().from(projectTeamMembers).where(eq(projectTeamMembers.projectId, id)).orderBy(asc(projectTeamMembers.sort)),
    db.select().from(projectProcedures).where(eq(projectProcedures.projectId, id)).orderBy(asc(projectProcedures.sort)),
    db.select().from(projectFactorNeeds).where(eq(projectFactorNeeds.projectId, id)).orderBy(asc(projectFactorNeeds.sort)),
    db.select().from(projectMilestones).where(eq(projectMilestones.projectId, id)).orderBy(asc(projectMilestones.sort)),
    db.select().from(annualPlans).where(eq(annualPlans.projectId, id)).orderBy(asc(annualPlans.year)),
    db
      .select({ id: batches.id, name: batches.name, kind: batches.kind, eventDate: batches.eventDate, mainProjectId: batches.mainProjectId })
      .from(batchProjects)
      .innerJoin(batches, eq(batches.id, batchProjects.batchId))
      .where(eq(batchProjects.projectId, id))
      .orderBy(asc(batches.eventDate)),
    db
      .select({ id: stageTransitions.id, fromStage: stageTransitions.fromStage, toStage: stageTransitions.toStage, date: stageTransitions.date, note: stageTransitions.note, username: users.displayName, createdAt: stageTransitions.createdAt })
      .from(stageTransitions)
      .leftJoin(users, eq(users.id, stageTransitions.userId))
      .where(eq(stageTransitions.projectId, id))
      .orderBy(asc(stageTransitions.date), asc(stageTransitions.id)),
  ]);
  return {
    project: repo.toProjectDto(row),
    team: team.map((t) => ({ id: t.id, personId: t.personId, name: t.name, role: t.role as 'leader', duty: t.duty, orgName: t.orgName, phone: t.phone })),
    procedures: procs.map((x) => ({ id: x.id, name: x.name, status: x.status as 'pending', plannedDate: x.plannedDate, actualDate: x.actualDate, documentNo: x.documentNo, authority: x.authority })),
    factorNeeds: needs.map((x) => ({ id: x.id, kind: x.kind as 'land', quantity: trim(x.quantity), unit: x.unit, description: x.description, status: x.status as 'pending' })),
    milestones: miles.map((x) => ({ id: x.id, name: x.name, kind: x.kind as 'other', plannedDate: x.plannedDate, baselineDate: x.baselineDate, actualDate: x.actualDate, responsible: x.responsible })),
    annualPlans: plans.map(planDto),
    batches: batchRows.map((b) => ({ id: b.id, name: b.name, kind: b.kind as 'groundbreaking', eventDate: b.eventDate, isMainVenue: b.mainProjectId === id })),
    transitions: transitions.map((t) => ({ ...t, fromStage: t.fromStage as Stage | null, toStage: t.toStage as Stage, createdAt: t.createdAt.toISOString() })),
    allowedStages: allowedTransitions(row.stage as Stage, row.pausedFrom as Stage | null),
    canEdit: canEditProject(p, facts),
    canChangeStage: canChangeStage(p, facts),
  };
}

function planDto(x: typeof annualPlans.$inferSelect) {
  return {
    year: x.year,
    plannedInvestment: repo.trimMoney(x.plannedInvestment),
    monthly: x.monthly ? x.monthly.map((m) => repo.trimMoney(m)) : null,
    mustStart: x.mustStart,
    mustComplete: x.mustComplete,
    mustProduce: x.mustProduce,
  };
}

type Tab = 'team' | 'procedures' | 'factorNeeds' | 'milestones';
type TabInput = {
  team: z.infer<typeof teamMember>[];
  procedures: z.infer<typeof procedure>[];
  factorNeeds: z.infer<typeof factorNeed>[];
  milestones: z.infer<typeof milestone>[];
};

const TABLES = {
  team: projectTeamMembers,
  procedures: projectProcedures,
  factorNeeds: projectFactorNeeds,
  milestones: projectMilestones,
} as const;

/** Replaces one tab's rows as a whole: what the user sees after saving is exactly what they sent. */
export async function replaceTab<T extends Tab>(db: Db, p: Principal, id: string, tab: T, items: TabInput[T]) {
  const issues = validateTab(tab, items);
  if (issues.length) throw invalid(issues.map((i) => i.message).join('；'), issues);
  await db.transaction(async (tx) => {
    const row = await repo.getProjectRow(tx, id, true);
    if (!row) throw notFound('项目');
    requireEditProject(p, row);
    if (tab === 'team') await checkTeamPeople(tx, p, items as TabInput['team']);
    // The four tab tables share project_id and sort; one type keeps Drizzle's generics simple.
    const table = TABLES[tab] as unknown as typeof projectProcedures;
    const before = await tx.select().from(table).where(eq(table.projectId, id)).orderBy(asc(table.sort));
    await tx.delete(table).where(eq(table.projectId, id));
    if (items.length) {
      const values = items.map((item, sort) => toRow(tab, id, item, sort, before));
      await tx.insert(table).values(values as never);
    }
    const after = await tx.select().from(table).where(eq(table.projectId, id)).orderBy(asc(table.sort));
    await tx.update(repo.projectsTable).set({ updatedAt: sql`now()` }).where(eq(repo.projectsTable.id, id));
    await recordAudit(tx, p, {
      action: `project.${tab}_updated`, entityType: tab, entityId: id, projectId: id, regionPath: row.regionPath,
      before: before.map(strip), after: after.map(strip),
    });
  });
  const card = await getCard(db, p, id);
  return { items: card[tab] };
}

/**
 * People put on the team by id are people the caller may pick (as for the lead leader): of their
 * region, below or above it. Another county's person on this project's team would let that county's
 * users see the project through the person's page.
 */
async function checkTeamPeople(tx: DbOrTx, p: Principal, items: TabInput['team']) {
  const ids = [...new Set(items.map((t) => t.personId).filter((x): x is string => !!x))];
  if (!ids.length) return;
  const found = new Set((await tx
    .select({ id: people.id })
    .from(people)
    .innerJoin(regions, eq(regions.code, people.regionCode))
    .where(and(inArray(people.id, ids), inCallersLine(p))))
    .map((r) => r.id));
  const issues = items.flatMap((t, i) => (t.personId && !found.has(t.personId)
    ? [{ field: `items.${i}.personId`, message: `第 ${i + 1} 行：人员不存在或不在您的管辖范围内` }] : []));
  if (issues.length) throw invalid(issues.map((i) => i.message).join('；'), issues);
}

const strip = (r: Record<string, unknown>) => {
  const { projectId: _p, sort: _s, ...rest } = r;
  return rest;
};

function validateTab(tab: Tab, items: readonly Record<string, unknown>[]) {
  const issues: { field: string; message: string }[] = [];
  items.forEach((it, i) => {
    const planned = it.plannedDate as string | null | undefined;
    const actual = it.actualDate as string | null | undefined;
    if ((tab === 'procedures' || tab === 'milestones') && actual && actual > clockToday()) {
      issues.push({ field: `items.${i}.actualDate`, message: `第 ${i + 1} 行：实际日期不能晚于今天` });
    }
    if (tab === 'factorNeeds' && it.quantity != null && it.quantity !== '') {
      const q = String(it.quantity);
      if (!/^\d+(\.\d{1,4})?$/.test(q)) issues.push({ field: `items.${i}.quantity`, message: `第 ${i + 1} 行：数量应为非负数字` });
    }
    if (tab === 'milestones' && planned === undefined) return;
  });
  if (tab === 'team' && items.filter((t) => t.role === 'leader').length > 1) {
    issues.push({ field: 'items', message: '每个项目只有一名包靠领导' });
  }
  return issues;
}

function toRow(tab: Tab, projectId: string, item: Record<string, unknown>, sort: number, before: Record<string, unknown>[]) {
  const base = { projectId, sort };
  const { id: _id, ...rest } = item;
  if (tab === 'milestones' || tab === 'procedures') {
    // The first planned date is kept as the baseline, so a re-planned row still shows its original plan.
    // A row sent without its id is recognised by its name.
    const prev = (item.id ? before.find((b) => b.id === item.id) : before.find((b) => b.name === item.name)) as
      | { plannedDate: string | null; baselineDate: string | null } | undefined;
    const baselineDate = keepBaseline(prev, (item.baselineDate as string | null | undefined) ?? (item.plannedDate as string | null | undefined) ?? null);
    return { ...base, ...rest, baselineDate };
  }
  if (tab === 'factorNeeds') return { ...base, ...rest, quantity: item.quantity == null || item.quantity === '' ? null : String(item.quantity) };
  return { ...base, ...rest };
}

export async function getAnnualPlan(db: Db, p: Principal, id: string, year: number) {
  await loadReadable(db, p, id);
  const [row] = await db.select().from(annualPlans).where(and(eq(annualPlans.projectId, id), eq(annualPlans.year, year))).limit(1);
  if (!row) throw notFound(`${year} 年度计划`);
  return planDto(row);
}

export async function putAnnualPlan(db: Db, p: Principal, id: string, year: number, body: z.infer<typeof annualPlanPut>) {
  if (year < 2000 || year > 2100) throw invalid('年份不正确', [{ field: 'year', message: '年份应在 2000 到 2100 之间' }]);
  if (body.monthly) {
    const sum = sumMoney(body.monthly);
    if (!new Decimal(sum).equals(body.plannedInvestment)) {
      throw invalid(`月度分解合计 ${sum} 万元与年度计划投资 ${normalizeMoney(body.plannedInvestment)} 万元不一致`, [{ field: 'monthly', message: '月度分解合计须等于年度计划投资' }]);
    }
  }
  return db.transaction(async (tx) => {
    const row = await repo.getProjectRow(tx, id, true);
    if (!row) throw notFound('项目');
    requireEditProject(p, row);
    if (new Decimal(body.plannedInvestment).greaterThan(row.totalInvestment)) {
      throw invalid('年度计划投资不能超过项目总投资', [{ field: 'plannedInvestment', message: '超过项目总投资' }]);
    }
    const [before] = await tx.select().from(annualPlans).where(and(eq(annualPlans.projectId, id), eq(annualPlans.year, year)));
    const values = { projectId: id, year, plannedInvestment: body.plannedInvestment, monthly: body.monthly ?? null, mustStart: body.mustStart, mustComplete: body.mustComplete, mustProduce: body.mustProduce };
    const [saved] = await tx
      .insert(annualPlans)
      .values(values)
      .onConflictDoUpdate({ target: [annualPlans.projectId, annualPlans.year], set: { ...values, updatedAt: sql`now()` } })
      .returning();
    await recordAudit(tx, p, {
      action: 'project.annual_plan_updated', entityType: 'annual_plan', entityId: `${id}:${year}`, projectId: id, regionPath: row.regionPath,
      before: before ? planDto(before) : null, after: planDto(saved!),
    });
    return planDto(saved!);
  });
}

export async function getHistory(db: Db, p: Principal, id: string, beforeId?: number) {
  await loadReadable(db, p, id);
  const rows = await listProjectHistory(db, id, 100, beforeId);
  return {
    items: rows.map((r) => ({
      id: r.id, at: r.at.toISOString(), username: r.username, action: r.action, entityType: r.entityType, before: r.before, after: r.after, note: r.note,
    })),
  };
}
