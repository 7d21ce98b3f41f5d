// Writes a checked import plan inside the caller's transaction: new orgs and leaders, projects
// (created and updated in bulk), annual plans, stage transitions, batch memberships, audit, job row.
import { randomUUID } from 'node:crypto';
import type { LedgerField } from '../../../contract/ledger.ts';
import type { OrgKind, Stage } from '../../../domain/enums.ts';
import { clockToday } from '../../clock.ts';
import { buildSearchText } from '../../../domain/search.ts';
import type { Tx } from '../../db/client.ts';
import type { Principal } from '../access/principal.ts';
import { recordAuditMany, type AuditEntry } from '../audit/audit.repo.ts';
import { guessUnitKind } from '../projects/parties.ts';
import type { Lookups } from './ledger.lookups.ts';
import {
  addBatchMembers, insertImportJob, insertLeaders, insertOrgs, insertProjects, insertTransitions, updateProjects, upsertAnnualPlans,
  type ExistingProject, type ProjectWrite,
} from './ledger.repo.ts';
import type { RowPlan } from './ledger.types.ts';

export type NewOrgKind = OrgKind;

/** Owners are enterprises; a responsible unit is sorted by its name as the project form does (人民政府/管委会 → government, 局/委 → department). */
export function orgKindFor(name: string, as: 'owner' | 'responsibleUnit'): NewOrgKind {
  return as === 'owner' ? 'enterprise' : guessUnitKind(name);
}

export interface NewNames {
  orgs: { name: string; kind: NewOrgKind; as: 'owner' | 'responsibleUnit'; regionCode: string }[];
  leaders: string[];
}

/** Owners, responsible units and leaders the accepted rows name that do not exist yet. */
export function newNames(plans: RowPlan[], lookups: Lookups): NewNames {
  const orgs = new Map<string, NewNames['orgs'][number]>();
  const leaders = new Set<string>();
  for (const plan of plans) {
    if (plan.action !== 'create' && plan.action !== 'update') continue;
    const regionCode = plan.values.region?.code ?? plan.existing!.regionCode;
    for (const as of ['owner', 'responsibleUnit'] as const) {
      const name = plan.values[as];
      if (name && !lookups.orgs.has(name) && !orgs.has(name)) orgs.set(name, { name, kind: orgKindFor(name, as), as, regionCode });
    }
    const leader = plan.values.leader;
    if (leader && !plan.leaderPersonId && leader !== plan.existing?.leader && !lookups.leaders.has(leader)) leaders.add(leader);
  }
  return { orgs: [...orgs.values()], leaders: [...leaders] };
}

export interface WriteOptions {
  year: number;
  fileName: string;
  sha256: string;
  sheet: string;
}

export async function writePlans(tx: Tx, p: Principal, plans: RowPlan[], lookups: Lookups, opts: WriteOptions) {
  const names = newNames(plans, lookups);
  const orgIds = new Map([...lookups.orgs].map(([n, o]) => [n, o.id]));
  for (const [n, id] of await insertOrgs(tx, names.orgs)) orgIds.set(n, id);
  const newLeaderIds = await insertLeaders(tx, names.leaders, p.regionCode);

  const today = clockToday();
  const note = `台账导入：${opts.fileName}`;
  const creates: ProjectWrite[] = [];
  const updates: ProjectWrite[] = [];
  const plansOut: { projectId: string; amount: string }[] = [];
  const transitions: { projectId: string; from: string | null; to: string; date: string; note: string }[] = [];
  const members: { batchId: string; projectId: string }[] = [];
  const audit: AuditEntry[] = [];

  for (const plan of plans) {
    if (plan.action !== 'create' && plan.action !== 'update') continue;
    const v = plan.values;
    const e = plan.existing;
    const base: ProjectWrite = e ? fromExisting(e) : blank(randomUUID(), v.code!);
    const w: ProjectWrite = { ...base };
    // An update writes only what changed, so the audit entry shows exactly that.
    const changed = e ? new Set(plan.changes.map((c) => c.field)) : null;
    const take = (f: LedgerField): boolean => v[f] !== undefined && (!changed || changed.has(f));
    if (take('name')) w.name = v.name!;
    if (take('region')) { w.region_code = v.region!.code; w.region_path = v.region!.path; }
    if (take('owner')) w.owner_org_id = orgIds.get(v.owner!) ?? null;
    if (take('responsibleUnit')) w.responsible_org_id = orgIds.get(v.responsibleUnit!) ?? null;
    if (take('leader')) w.leader_person_id = plan.leaderPersonId ?? newLeaderIds.get(v.leader!) ?? null;
    if (take('level')) w.level = v.level!;
    if (take('category')) w.category = v.category!;
    if (take('industry')) w.industry = v.industry!;
    if (take('constructionContent')) w.construction_content = v.constructionContent!;
    if (take('totalInvestment')) w.total_investment = v.totalInvestment!;
    if (take('plannedStart')) w.planned_start = v.plannedStart!;
    if (take('plannedCompletion')) w.planned_completion = v.plannedCompletion!;
    if (take('plannedProduction')) w.planned_production = v.plannedProduction!;
    if (take('actualStart')) w.actual_start = v.actualStart!;
    if (take('longitude')) w.longitude = v.longitude!;
    if (take('latitude')) w.latitude = v.latitude!;
    if (take('tags')) w.tags = v.tags!;
    if (plan.transition) {
      const { from, to } = plan.transition;
      const date = to === 'started' && v.actualStart ? v.actualStart : today;
      w.stage = to;
      w.stage_date = date;
      if (to === 'paused') w.paused_from = from;
      else if (from === 'paused') w.paused_from = null;
      transitions.push({ projectId: w.id, from, to, date, note });
    }
    // Pinyin is the slow part of an import: only recomputed when what it is built from changes.
    w.search_text = !e || changed!.has('name') || changed!.has('owner')
      ? buildSearchText({ code: w.code, name: w.name, owner: v.owner ?? e?.owner ?? null })
      : null;
    if (take('annualPlan')) plansOut.push({ projectId: w.id, amount: v.annualPlan! });
    for (const b of v.batch ?? []) if (!e?.batchIds.includes(b.id)) members.push({ batchId: b.id, projectId: w.id });

    if (e) {
      const [before, after] = changedColumns(base, w);
      // A new annual plan or batch alone leaves the project row (and its version) as it was.
      if (Object.keys(after).length) updates.push(w);
      for (const c of plan.changes) {
        if (c.field === 'annualPlan') { before.annualPlan = e.annualPlan; after.annualPlan = v.annualPlan; before.year = after.year = opts.year; }
        if (c.field === 'batch') after.batches = c.after;
      }
      audit.push({ action: 'project.import_updated', entityType: 'project', entityId: w.id, projectId: w.id, regionPath: w.region_path, before, after, note });
    } else {
      creates.push(w);
      const { search_text: _s, ...rest } = w;
      audit.push({
        action: 'project.imported', entityType: 'project', entityId: w.id, projectId: w.id, regionPath: w.region_path,
        after: { ...camel(rest), annualPlan: v.annualPlan ?? null, year: opts.year }, note,
      });
    }
  }

  await insertProjects(tx, creates);
  await updateProjects(tx, updates);
  await upsertAnnualPlans(tx, opts.year, plansOut);
  await insertTransitions(tx, p.id || null, transitions);
  await addBatchMembers(tx, members);
  await recordAuditMany(tx, p, audit);
  const unchanged = plans.filter((x) => x.action === 'unchanged').length;
  const importId = await insertImportJob(tx, {
    userId: p.id, username: p.username, fileName: opts.fileName, fileSha256: opts.sha256, rowCount: plans.length,
    created: creates.length, updated: plans.length - creates.length - unchanged, unchanged,
    summary: { sheet: opts.sheet, year: opts.year, newOrgs: names.orgs.map((o) => o.name), newPeople: names.leaders },
  });
  return { importId, created: creates.length, updated: plans.length - creates.length - unchanged, unchanged, names };
}

function fromExisting(e: ExistingProject): ProjectWrite {
  return {
    id: e.id, code: e.code, name: e.name, region_code: e.regionCode, region_path: e.regionPath,
    owner_org_id: e.ownerOrgId, responsible_org_id: e.responsibleOrgId, leader_person_id: e.leaderPersonId,
    level: e.level, category: e.category, industry: e.industry, construction_content: e.constructionContent,
    longitude: e.longitude, latitude: e.latitude, total_investment: e.totalInvestment,
    planned_start: e.plannedStart, planned_completion: e.plannedCompletion, planned_production: e.plannedProduction,
    actual_start: e.actualStart, stage: e.stage, stage_date: e.stageDate, paused_from: e.pausedFrom,
    tags: e.tags, search_text: null,
  };
}

function blank(id: string, code: string): ProjectWrite {
  return {
    id, code, name: '', region_code: '', region_path: '', owner_org_id: null, responsible_org_id: null, leader_person_id: null,
    level: '', category: '', industry: '', construction_content: null, longitude: null, latitude: null, total_investment: '0',
    planned_start: null, planned_completion: null, planned_production: null, actual_start: null,
    stage: 'preparation' satisfies Stage, stage_date: null, paused_from: null, tags: [], search_text: '',
  };
}

/** Before and after of the columns that differ, keyed as the API names them. */
function changedColumns(a: ProjectWrite, b: ProjectWrite): [Record<string, unknown>, Record<string, unknown>] {
  const before: Record<string, unknown> = {};
  const after: Record<string, unknown> = {};
  for (const k of Object.keys(b) as (keyof ProjectWrite)[]) {
    if (k === 'search_text' || JSON.stringify(a[k]) === JSON.stringify(b[k])) continue;
    before[camelKey(k)] = a[k];
    after[camelKey(k)] = b[k];
  }
  return [before, after];
}

const camelKey = (k: string) => k.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());
const camel = (o: Record<string, unknown>) => Object.fromEntries(Object.entries(o).map(([k, v]) => [camelKey(k), v]));
