import { and, desc, eq, lt, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { auditLog, projects, regions, users } from '../../db/schema/index.ts';
import type { Principal } from '../access/principal.ts';

export interface AuditEntry {
  action: string;
  entityType: string;
  entityId?: string | null;
  projectId?: string | null;
  regionPath?: string | null;
  before?: unknown;
  after?: unknown;
  note?: string | null;
}

type Who = Pick<Principal, 'id' | 'username'> | null;

function toRow(who: Who, e: AuditEntry): typeof auditLog.$inferInsert {
  return {
    userId: who?.id ?? null,
    username: who?.username ?? 'system',
    action: e.action,
    entityType: e.entityType,
    entityId: e.entityId ?? null,
    projectId: e.projectId ?? null,
    regionPath: e.regionPath ?? null,
    before: (e.before ?? null) as object | null,
    after: (e.after ?? null) as object | null,
    note: e.note ?? null,
  };
}

/** Writes one audit entry in the caller's transaction, so the change and its record stand or fall together. */
export async function recordAudit(db: DbOrTx, who: Who, e: AuditEntry): Promise<void> {
  await db.insert(auditLog).values(toRow(who, e));
}

/**
 * Many entries (an import) in one statement per thousand, sent as one JSON parameter: Drizzle's
 * insert builder spends seconds of CPU on 10,000 rows, this takes a tenth of a second.
 */
export async function recordAuditMany(db: DbOrTx, who: Who, entries: AuditEntry[]): Promise<void> {
  for (let i = 0; i < entries.length; i += 1000) {
    // Absent keys (not JSON null) so an empty before/after stays SQL NULL, as in recordAudit.
    const chunk = entries.slice(i, i + 1000).map((e) => JSON.parse(JSON.stringify({ ...e, before: e.before ?? undefined, after: e.after ?? undefined })));
    await db.execute(sql`
      INSERT INTO audit_log (user_id, username, action, entity_type, entity_id, project_id, region_path, before, after, note)
      SELECT ${who?.id ?? null}::uuid, ${who?.username ?? 'system'}, x.action, x."entityType", x."entityId", x."projectId", x."regionPath", x.before, x.after, x.note
      FROM jsonb_to_recordset(${JSON.stringify(chunk)}::jsonb)
        AS x(action text, "entityType" text, "entityId" text, "projectId" uuid, "regionPath" text, before jsonb, after jsonb, note text)`);
  }
}

export async function listProjectHistory(db: DbOrTx, projectId: string, limit = 200, beforeId?: number) {
  return db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.projectId, projectId), beforeId ? lt(auditLog.id, beforeId) : undefined))
    .orderBy(desc(auditLog.id))
    .limit(limit);
}

export interface AuditFilter {
  regionPath: string;
  entityType?: string;
  action?: string;
  username?: string;
  projectId?: string;
  limit: number;
  beforeId?: number;
}

/**
 * The operation log of a subtree. Entries with a region follow it; entries without one (sign-ins,
 * tokens) follow the region of the user who acted; system entries with neither show at the root.
 */
export async function listAudit(db: DbOrTx, f: AuditFilter) {
  const scope = f.regionPath + '%';
  const atRoot = f.regionPath.split('/').filter(Boolean).length <= 1;
  const inScope = sql`(${auditLog.regionPath} LIKE ${scope}
    OR (${auditLog.regionPath} IS NULL AND ${auditLog.userId} IS NOT NULL AND EXISTS (
      SELECT 1 FROM ${users} u JOIN ${regions} r ON r.code = u.region_code WHERE u.id = ${auditLog.userId} AND r.path LIKE ${scope}))
    OR (${auditLog.regionPath} IS NULL AND ${auditLog.userId} IS NULL AND ${sql.raw(atRoot ? 'TRUE' : 'FALSE')}))`;
  return db
    .select({
      id: auditLog.id,
      at: auditLog.at,
      username: auditLog.username,
      action: auditLog.action,
      entityType: auditLog.entityType,
      entityId: auditLog.entityId,
      projectId: auditLog.projectId,
      projectCode: projects.code,
      projectName: projects.name,
      before: auditLog.before,
      after: auditLog.after,
      note: auditLog.note,
    })
    .from(auditLog)
    .leftJoin(projects, eq(projects.id, auditLog.projectId))
    .where(
      and(
        inScope,
        f.entityType ? eq(auditLog.entityType, f.entityType) : undefined,
        f.action ? eq(auditLog.action, f.action) : undefined,
        f.username ? eq(auditLog.username, f.username) : undefined,
        f.projectId ? eq(auditLog.projectId, f.projectId) : undefined,
        f.beforeId ? lt(auditLog.id, f.beforeId) : undefined,
      ),
    )
    .orderBy(desc(auditLog.id))
    .limit(f.limit);
}
