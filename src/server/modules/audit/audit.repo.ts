import { and, desc, eq, like, lt, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { auditLog } from '../../db/schema/index.ts';
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

/** Writes one audit entry in the caller's transaction, so the change and its record stand or fall together. */
export async function recordAudit(db: DbOrTx, who: Pick<Principal, 'id' | 'username'> | null, e: AuditEntry): Promise<void> {
  await db.insert(auditLog).values({
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
  });
}

export async function recordAuditMany(db: DbOrTx, who: Pick<Principal, 'id' | 'username'> | null, entries: AuditEntry[]): Promise<void> {
  for (let i = 0; i < entries.length; i += 1000) {
    const chunk = entries.slice(i, i + 1000);
    await db.insert(auditLog).values(
      chunk.map((e) => ({
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
      })),
    );
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

export async function listAudit(
  db: DbOrTx,
  f: { regionPath: string; entityType?: string; action?: string; username?: string; limit: number; beforeId?: number },
) {
  return db
    .select()
    .from(auditLog)
    .where(
      and(
        // Entries without a region (sign-ins, user changes) are visible to the root scope only.
        sql`coalesce(${auditLog.regionPath}, '') LIKE ${f.regionPath + '%'} OR (${auditLog.regionPath} IS NULL AND ${f.regionPath.split('/').length <= 2})`,
        f.entityType ? eq(auditLog.entityType, f.entityType) : undefined,
        f.action ? eq(auditLog.action, f.action) : undefined,
        f.username ? like(auditLog.username, f.username) : undefined,
        f.beforeId ? lt(auditLog.id, f.beforeId) : undefined,
      ),
    )
    .orderBy(desc(auditLog.id))
    .limit(f.limit);
}
