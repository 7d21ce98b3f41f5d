// Batch events and their member projects. Counts and sums are computed in SQL (numeric, exact).
import { and, desc, eq, gte, inArray, lt, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { DbOrTx } from '../../db/client.ts';
import { batches, batchProjects, projects, regions } from '../../db/schema/index.ts';

const mainProject = alias(projects, 'main_project');

const columns = {
  id: batches.id,
  name: batches.name,
  kind: batches.kind,
  level: batches.level,
  season: batches.season,
  eventDate: batches.eventDate,
  regionCode: batches.regionCode,
  regionName: regions.name,
  regionPath: batches.regionPath,
  venue: batches.venue,
  mainProjectId: batches.mainProjectId,
  mainProjectName: mainProject.name,
  projectCount: sql<number>`(SELECT count(*)::int FROM ${batchProjects} bp WHERE bp.batch_id = ${batches.id})`,
  totalInvestment: sql<string>`(SELECT coalesce(sum(p.total_investment), 0)::text FROM ${batchProjects} bp JOIN ${projects} p ON p.id = bp.project_id WHERE bp.batch_id = ${batches.id})`,
  createdAt: batches.createdAt,
};

export type BatchRow = Awaited<ReturnType<typeof listBatches>>[number];

function base(db: DbOrTx) {
  return db
    .select(columns)
    .from(batches)
    .innerJoin(regions, eq(regions.code, batches.regionCode))
    .leftJoin(mainProject, eq(mainProject.id, batches.mainProjectId));
}

export async function listBatches(db: DbOrTx, f: { scopePath: string; year?: number; kind?: string }) {
  return base(db)
    .where(
      and(
        sql`${batches.regionPath} LIKE ${f.scopePath + '%'}`,
        f.year ? gte(batches.eventDate, `${f.year}-01-01`) : undefined,
        f.year ? lt(batches.eventDate, `${f.year + 1}-01-01`) : undefined,
        f.kind ? eq(batches.kind, f.kind) : undefined,
      ),
    )
    .orderBy(desc(batches.eventDate), desc(batches.createdAt));
}

export async function getBatch(db: DbOrTx, id: string) {
  const [row] = await base(db).where(eq(batches.id, id)).limit(1);
  return row ?? null;
}

/** The raw row, locked for the rest of the transaction so two edits of one batch queue up. */
export async function lockBatchRow(db: DbOrTx, id: string) {
  const [row] = await db.select().from(batches).where(eq(batches.id, id)).limit(1).for('update');
  return row ?? null;
}

export async function insertBatch(db: DbOrTx, values: typeof batches.$inferInsert) {
  const [row] = await db.insert(batches).values(values).returning();
  return row!;
}

export async function updateBatch(db: DbOrTx, id: string, values: Partial<typeof batches.$inferInsert>) {
  await db.update(batches).set(values).where(eq(batches.id, id));
}

export async function deleteBatch(db: DbOrTx, id: string) {
  await db.delete(batches).where(eq(batches.id, id));
}

export async function memberIds(db: DbOrTx, batchId: string): Promise<string[]> {
  const rows = await db.select({ id: batchProjects.projectId }).from(batchProjects).where(eq(batchProjects.batchId, batchId));
  return rows.map((r) => r.id);
}

export async function addMembers(db: DbOrTx, batchId: string, projectIds: string[]) {
  for (let i = 0; i < projectIds.length; i += 1000) {
    await db
      .insert(batchProjects)
      .values(projectIds.slice(i, i + 1000).map((projectId) => ({ batchId, projectId })))
      .onConflictDoNothing();
  }
}

export async function removeMembers(db: DbOrTx, batchId: string, projectIds: string[]) {
  for (let i = 0; i < projectIds.length; i += 1000) {
    await db.delete(batchProjects).where(and(eq(batchProjects.batchId, batchId), inArray(batchProjects.projectId, projectIds.slice(i, i + 1000))));
  }
}

/** What the access and membership rules need to know of each project. */
export async function projectFacts(db: DbOrTx, ids: string[]) {
  if (!ids.length) return [];
  const out: { id: string; code: string; name: string; regionPath: string }[] = [];
  for (let i = 0; i < ids.length; i += 1000) {
    out.push(
      ...(await db
        .select({ id: projects.id, code: projects.code, name: projects.name, regionPath: projects.regionPath })
        .from(projects)
        .where(inArray(projects.id, ids.slice(i, i + 1000)))),
    );
  }
  return out;
}
