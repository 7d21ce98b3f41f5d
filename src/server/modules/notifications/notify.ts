// Sending in-app notifications (the bell): one row per recipient, written in the caller's
// transaction so a notification exists exactly when the step that caused it does.
import { sql, type SQL } from 'drizzle-orm';
import type { Role } from '../../../domain/enums.ts';
import type { DbOrTx } from '../../db/client.ts';

export interface Recipients {
  userIds?: readonly string[];
  /** Every user of these organisations (a department, a responsible unit, an owner). */
  orgIds?: readonly (string | null | undefined)[];
  /** Users linked to these people (a lead leader, special team members). */
  personIds?: readonly (string | null | undefined)[];
  /** Users of these roles whose region contains `regionPath` (e.g. the county and city offices). */
  roles?: { roles: readonly Role[]; regionPath: string; /** Only users sitting exactly at this depth or below it: 'county' offices sit at a 3-code path. */ minDepth?: number };
}

export interface Notice {
  kind: string;
  title: string;
  body?: string | null;
  /** In-app path, e.g. /problems/<id>. */
  link?: string | null;
  entityType?: string | null;
  entityId?: string | null;
  /** When it happened, if not the transaction's time (e.g. the server clock of a demo database). */
  at?: Date;
}

/** Sends one notification to every distinct recipient; returns how many were written. */
export async function notify(db: DbOrTx, to: Recipients, n: Notice): Promise<number> {
  const parts: SQL[] = [];
  const ids = (xs?: readonly (string | null | undefined)[]) => (xs ?? []).filter((x): x is string => !!x);
  const userIds = ids(to.userIds);
  const orgIds = ids(to.orgIds);
  const personIds = ids(to.personIds);
  if (userIds.length) parts.push(sql`u.id = ANY(${sql.param(userIds)}::uuid[])`);
  if (orgIds.length) parts.push(sql`u.org_id = ANY(${sql.param(orgIds)}::uuid[])`);
  if (personIds.length) parts.push(sql`u.person_id = ANY(${sql.param(personIds)}::uuid[])`);
  if (to.roles && to.roles.roles.length) {
    const depth = to.roles.minDepth ?? 0;
    parts.push(sql`(u.role = ANY(${sql.param([...to.roles.roles])}::text[]) AND ${to.roles.regionPath} LIKE r.path || '%'
      AND array_length(string_to_array(trim(trailing '/' from r.path), '/'), 1) >= ${depth})`);
  }
  if (!parts.length) return 0;
  const res = await db.execute(sql`
    INSERT INTO notifications (user_id, kind, title, body, link, entity_type, entity_id, created_at)
    SELECT DISTINCT u.id, ${n.kind}, ${n.title}, ${n.body ?? null}, ${n.link ?? null}, ${n.entityType ?? null}, ${n.entityId ?? null},
      coalesce(${n.at?.toISOString() ?? null}::timestamptz, now())
    FROM users u JOIN regions r ON r.code = u.region_code
    WHERE NOT u.disabled AND (${sql.join(parts, sql` OR `)})`);
  return res.rowCount ?? 0;
}
