// Bulk reads and writes of a ledger import: every lookup is one query for the whole file, every
// write a multi-row statement over a JSON array (jsonb_to_recordset), never one statement per row.
import { inArray, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { importJobs, importMappings } from '../../db/schema/index.ts';

// ~1000 rows of JSON is well under a megabyte per statement, and few round trips.
const CHUNK = 1000;

async function rowsOf<T>(db: DbOrTx, q: ReturnType<typeof sql>): Promise<T[]> {
  const r = await db.execute(q);
  return r.rows as T[];
}

export interface RegionLite { code: string; name: string; shortName: string; path: string; level: string }

export async function loadAllRegions(db: DbOrTx): Promise<RegionLite[]> {
  return rowsOf(db, sql`select code, name, short_name as "shortName", path, level from regions`);
}

export interface OrgLite { id: string; name: string; kind: string }

export async function loadOrgsByName(db: DbOrTx, names: string[]): Promise<OrgLite[]> {
  if (names.length === 0) return [];
  return rowsOf(db, sql`select id, name, kind from organizations where name = any(${sql.param(names)}::text[])`);
}

export interface PersonLite { id: string; name: string; isLeader: boolean; path: string }

export async function loadPeopleByName(db: DbOrTx, names: string[]): Promise<PersonLite[]> {
  if (names.length === 0) return [];
  return rowsOf(db, sql`
    select p.id, p.name, p.is_leader as "isLeader", r.path
    from people p join regions r on r.code = p.region_code
    where p.name = any(${sql.param(names)}::text[])
    order by p.is_leader desc, p.created_at, p.id`);
}

export interface BatchLite { id: string; name: string }

export async function loadBatchesInScope(db: DbOrTx, regionPath: string): Promise<BatchLite[]> {
  return rowsOf(db, sql`select id, name from batches where region_path like ${regionPath + '%'} order by event_date desc`);
}

/** A project as the ledger sees it: its columns plus the names behind its references. */
export interface ExistingProject {
  id: string; code: string; name: string; regionCode: string; regionPath: string;
  ownerOrgId: string | null; owner: string | null;
  responsibleOrgId: string | null; responsibleUnit: string | null;
  leaderPersonId: string | null; leader: string | null;
  level: string; category: string; industry: string; constructionContent: string | null;
  totalInvestment: string; annualPlan: string | null;
  plannedStart: string | null; plannedCompletion: string | null; plannedProduction: string | null;
  stage: string; stageDate: string | null; pausedFrom: string | null; actualStart: string | null;
  batchIds: string[]; longitude: string | null; latitude: string | null; tags: string[]; version: number;
}

const PROJECT_COLUMNS = sql`
  p.id, p.code, p.name, p.region_code as "regionCode", p.region_path as "regionPath",
  p.owner_org_id as "ownerOrgId", o.name as owner, p.responsible_org_id as "responsibleOrgId", ru.name as "responsibleUnit",
  p.leader_person_id as "leaderPersonId", l.name as leader, p.level, p.category, p.industry,
  p.construction_content as "constructionContent", p.total_investment::text as "totalInvestment",
  ap.planned_investment::text as "annualPlan", p.planned_start as "plannedStart", p.planned_completion as "plannedCompletion",
  p.planned_production as "plannedProduction", p.stage, p.stage_date as "stageDate", p.paused_from as "pausedFrom",
  p.actual_start as "actualStart",
  array(select bp.batch_id::text from batch_projects bp where bp.project_id = p.id order by bp.batch_id) as "batchIds",
  p.longitude::text as longitude, p.latitude::text as latitude, p.tags, p.version`;

const PROJECT_JOINS = (year: number) => sql`
  left join organizations o on o.id = p.owner_org_id
  left join organizations ru on ru.id = p.responsible_org_id
  left join people l on l.id = p.leader_person_id
  left join annual_plans ap on ap.project_id = p.id and ap.year = ${year}`;

/** Every project the file names by code, in or out of the importer's subtree (the service decides). */
export async function loadProjectsByCode(db: DbOrTx, codes: string[], year: number): Promise<ExistingProject[]> {
  if (codes.length === 0) return [];
  const out: ExistingProject[] = [];
  for (let i = 0; i < codes.length; i += 5000) {
    const chunk = codes.slice(i, i + 5000);
    out.push(...(await rowsOf<ExistingProject>(db, sql`select ${PROJECT_COLUMNS} from projects p ${PROJECT_JOINS(year)} where p.code = any(${sql.param(chunk)}::text[])`)));
  }
  return out;
}

export async function findRememberedMappings(db: DbOrTx, signatures: string[]) {
  if (signatures.length === 0) return [];
  return db.select().from(importMappings).where(inArray(importMappings.signature, signatures));
}

export async function rememberMapping(db: DbOrTx, signature: string, headers: string[], mapping: Record<string, string>, userId: string | null) {
  await db
    .insert(importMappings)
    .values({ signature, headers, mapping, updatedBy: userId })
    .onConflictDoUpdate({ target: importMappings.signature, set: { headers, mapping, updatedBy: userId, updatedAt: sql`now()` } });
}

/** Creates the named organisations that do not exist yet; returns id by name for all of them. */
export async function insertOrgs(db: DbOrTx, orgs: { name: string; kind: string; regionCode: string }[]): Promise<Map<string, string>> {
  for (let i = 0; i < orgs.length; i += CHUNK) {
    await db.execute(sql`
      insert into organizations (name, kind, region_code)
      select x.name, x.kind, x.region_code from jsonb_to_recordset(${JSON.stringify(orgs.slice(i, i + CHUNK).map((o) => ({ name: o.name, kind: o.kind, region_code: o.regionCode })))}::jsonb)
        as x(name text, kind text, region_code text)
      on conflict (name) do nothing`);
  }
  const rows = await loadOrgsByName(db, orgs.map((o) => o.name));
  return new Map(rows.map((r) => [r.name, r.id]));
}

export async function insertLeaders(db: DbOrTx, names: string[], regionCode: string): Promise<Map<string, string>> {
  const ids = new Map<string, string>();
  for (let i = 0; i < names.length; i += CHUNK) {
    const rows = await rowsOf<{ id: string; name: string }>(db, sql`
      insert into people (name, region_code, is_leader)
      select n, ${regionCode}, true from unnest(${sql.param(names.slice(i, i + CHUNK))}::text[]) as n
      returning id, name`);
    for (const r of rows) ids.set(r.name, r.id);
  }
  return ids;
}

/** The columns an import writes, keyed as in the database; ids are chosen by the caller. */
export interface ProjectWrite {
  id: string; code: string; name: string; region_code: string; region_path: string;
  owner_org_id: string | null; responsible_org_id: string | null; leader_person_id: string | null;
  level: string; category: string; industry: string; construction_content: string | null;
  longitude: string | null; latitude: string | null; total_investment: string;
  planned_start: string | null; planned_completion: string | null; planned_production: string | null;
  actual_start: string | null; stage: string; stage_date: string | null; paused_from: string | null;
  tags: string[];
  /** null on an update that leaves code, name and owner alone: the stored text is kept. */
  search_text: string | null;
}

const WRITE_SHAPE = sql.raw(`x(id uuid, code text, name text, region_code text, region_path text, owner_org_id uuid,
  responsible_org_id uuid, leader_person_id uuid, level text, category text, industry text, construction_content text,
  longitude numeric, latitude numeric, total_investment numeric, planned_start date, planned_completion date,
  planned_production date, actual_start date, stage text, stage_date date, paused_from text, tags jsonb, search_text text)`);

export async function insertProjects(db: DbOrTx, rows: ProjectWrite[]): Promise<void> {
  for (let i = 0; i < rows.length; i += CHUNK) {
    await db.execute(sql`
      insert into projects (id, code, name, region_code, region_path, owner_org_id, responsible_org_id, leader_person_id,
        level, category, industry, construction_content, longitude, latitude, total_investment, planned_start,
        planned_completion, planned_production, actual_start, stage, stage_date, paused_from, tags, search_text)
      select x.id, x.code, x.name, x.region_code, x.region_path, x.owner_org_id, x.responsible_org_id, x.leader_person_id,
        x.level, x.category, x.industry, x.construction_content, x.longitude, x.latitude, x.total_investment, x.planned_start,
        x.planned_completion, x.planned_production, x.actual_start, x.stage, x.stage_date, x.paused_from,
        array(select jsonb_array_elements_text(x.tags)), x.search_text
      from jsonb_to_recordset(${JSON.stringify(rows.slice(i, i + CHUNK))}::jsonb) as ${WRITE_SHAPE}`);
  }
}

export async function updateProjects(db: DbOrTx, rows: ProjectWrite[]): Promise<void> {
  for (let i = 0; i < rows.length; i += CHUNK) {
    await db.execute(sql`
      update projects p set name = x.name, region_code = x.region_code, region_path = x.region_path,
        owner_org_id = x.owner_org_id, responsible_org_id = x.responsible_org_id, leader_person_id = x.leader_person_id,
        level = x.level, category = x.category, industry = x.industry, construction_content = x.construction_content,
        longitude = x.longitude, latitude = x.latitude, total_investment = x.total_investment,
        planned_start = x.planned_start, planned_completion = x.planned_completion, planned_production = x.planned_production,
        actual_start = x.actual_start, stage = x.stage, stage_date = x.stage_date, paused_from = x.paused_from,
        tags = array(select jsonb_array_elements_text(x.tags)), search_text = coalesce(x.search_text, p.search_text),
        version = p.version + 1, updated_at = now()
      from jsonb_to_recordset(${JSON.stringify(rows.slice(i, i + CHUNK))}::jsonb) as ${WRITE_SHAPE}
      where p.id = x.id`);
  }
}

/** Sets the year's planned investment; a monthly split and the must-flags already set are kept. */
export async function upsertAnnualPlans(db: DbOrTx, year: number, rows: { projectId: string; amount: string }[]): Promise<void> {
  for (let i = 0; i < rows.length; i += CHUNK) {
    await db.execute(sql`
      insert into annual_plans (project_id, year, planned_investment)
      select x."projectId", ${year}, x.amount from jsonb_to_recordset(${JSON.stringify(rows.slice(i, i + CHUNK))}::jsonb) as x("projectId" uuid, amount numeric)
      on conflict (project_id, year) do update set planned_investment = excluded.planned_investment, updated_at = now()`);
  }
}

export async function insertTransitions(
  db: DbOrTx, userId: string | null, rows: { projectId: string; from: string | null; to: string; date: string; note: string }[],
): Promise<void> {
  for (let i = 0; i < rows.length; i += CHUNK) {
    await db.execute(sql`
      insert into stage_transitions (project_id, from_stage, to_stage, date, note, user_id)
      select x."projectId", x."from", x."to", x.date, x.note, ${userId}::uuid
      from jsonb_to_recordset(${JSON.stringify(rows.slice(i, i + CHUNK))}::jsonb) as x("projectId" uuid, "from" text, "to" text, date date, note text)`);
  }
}

export async function addBatchMembers(db: DbOrTx, rows: { batchId: string; projectId: string }[]): Promise<void> {
  for (let i = 0; i < rows.length; i += CHUNK) {
    await db.execute(sql`
      insert into batch_projects (batch_id, project_id)
      select x."batchId", x."projectId" from jsonb_to_recordset(${JSON.stringify(rows.slice(i, i + CHUNK))}::jsonb) as x("batchId" uuid, "projectId" uuid)
      on conflict do nothing`);
  }
}

export async function insertImportJob(db: DbOrTx, job: typeof importJobs.$inferInsert): Promise<string> {
  const [row] = await db.insert(importJobs).values(job).returning({ id: importJobs.id });
  return row!.id;
}
