import { and, eq, gt, isNull, sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { apiTokens, loginFailures, sessions, users } from '../../db/schema/index.ts';
import { selectUsers } from '../users/users.repo.ts';

export async function findUserByUsername(db: DbOrTx, username: string) {
  const [row] = await db.select().from(users).where(eq(users.username, username)).limit(1);
  return row ?? null;
}

/** A live session together with its user (a server asks once per session and auth data version: plugins/auth.ts). */
export async function findSessionUser(db: DbOrTx, id: string) {
  const [row] = await selectUsers(db, { csrfToken: sessions.csrfToken, expiresAt: sessions.expiresAt })
    .innerJoin(sessions, eq(sessions.userId, users.id))
    .where(and(eq(sessions.id, id), gt(sessions.expiresAt, sql`now()`)))
    .limit(1);
  return row ?? null;
}

/** A token that is not revoked, together with its user. */
export async function findTokenUser(db: DbOrTx, tokenHash: string) {
  const [row] = await selectUsers(db, { tokenId: apiTokens.id, tokenLastUsedAt: apiTokens.lastUsedAt })
    .innerJoin(apiTokens, eq(apiTokens.userId, users.id))
    .where(and(eq(apiTokens.tokenHash, tokenHash), isNull(apiTokens.revokedAt)))
    .limit(1);
  return row ?? null;
}

/** The lock after one more failure: `lockMinutes` from now once `failed` + 1 reaches `lockAfter`, else the lock as it is. */
const lockAfterFailure = (failed: SQL, locked: SQL, lockAfter: number, lockMinutes: number) =>
  sql`CASE WHEN ${failed} + 1 >= ${lockAfter}::int THEN now() + make_interval(mins => ${lockMinutes}::int) ELSE ${locked} END`;

export async function recordFailedLogin(db: DbOrTx, userId: string, lockAfter: number, lockMinutes: number) {
  const [row] = await db
    .update(users)
    .set({
      failedLogins: sql`${users.failedLogins} + 1`,
      lockedUntil: lockAfterFailure(sql`${users.failedLogins}`, sql`${users.lockedUntil}`, lockAfter, lockMinutes),
      lastFailedAt: sql`now()`,
    })
    .where(eq(users.id, userId))
    .returning({ failedLogins: users.failedLogins, lockedUntil: users.lockedUntil });
  return row;
}

/** The lock standing on a name that is no account, if any. */
export async function nameLockedUntil(db: DbOrTx, username: string): Promise<Date | null> {
  const [row] = await db.select({ lockedUntil: loginFailures.lockedUntil }).from(loginFailures).where(eq(loginFailures.username, username)).limit(1);
  return row?.lockedUntil ?? null;
}

/** A wrong sign-in under a name that is no account: counted and locked as recordFailedLogin does for an account. */
export async function recordFailedName(db: DbOrTx, username: string, lockAfter: number, lockMinutes: number) {
  const { rows } = await db.execute<{ failedLogins: number; lockedUntil: Date | null }>(sql`
    INSERT INTO login_failures AS f (username, failed_logins, locked_until, last_failed_at)
    VALUES (${username}, 1, ${lockAfterFailure(sql`0`, sql`NULL::timestamptz`, lockAfter, lockMinutes)}, now())
    ON CONFLICT (username) DO UPDATE SET
      failed_logins = f.failed_logins + 1,
      locked_until = ${lockAfterFailure(sql`f.failed_logins`, sql`f.locked_until`, lockAfter, lockMinutes)},
      last_failed_at = now()
    RETURNING failed_logins AS "failedLogins", locked_until AS "lockedUntil"`);
  return rows[0]!;
}

/**
 * Forgets failed sign-ins a day after the last one, for accounts and other names alike (the daily
 * run): a lock still running is kept.
 */
export async function forgetOldLoginFailures(db: DbOrTx): Promise<number> {
  const names = await db.execute(sql`DELETE FROM login_failures
    WHERE (locked_until IS NULL OR locked_until < now()) AND last_failed_at < now() - interval '1 day'`);
  const accounts = await db.execute(sql`UPDATE users SET failed_logins = 0, locked_until = NULL
    WHERE failed_logins > 0 AND (locked_until IS NULL OR locked_until < now())
      AND (last_failed_at IS NULL OR last_failed_at < now() - interval '1 day')`);
  return (names.rowCount ?? 0) + (accounts.rowCount ?? 0);
}

export async function resetFailedLogins(db: DbOrTx, userId: string) {
  await db.update(users).set({ failedLogins: 0, lockedUntil: null }).where(eq(users.id, userId));
}

export async function insertSession(db: DbOrTx, s: { id: string; userId: string; csrfToken: string; expiresAt: Date }) {
  await db.insert(sessions).values(s);
}

export async function deleteSession(db: DbOrTx, id: string) {
  await db.delete(sessions).where(eq(sessions.id, id));
}

export async function deleteUserSessions(db: DbOrTx, userId: string) {
  await db.delete(sessions).where(eq(sessions.userId, userId));
}

export async function updatePassword(db: DbOrTx, userId: string, passwordHash: string) {
  await db
    .update(users)
    .set({ passwordHash, passwordChangedAt: sql`now()`, failedLogins: 0, lockedUntil: null })
    .where(eq(users.id, userId));
}

export async function insertToken(db: DbOrTx, t: { userId: string; name: string; tokenHash: string; prefix: string }) {
  const [row] = await db.insert(apiTokens).values(t).returning();
  return row!;
}

/** Last use to the minute: a write on every API call would queue behind every other write. */
export async function touchToken(db: DbOrTx, id: string) {
  await db
    .update(apiTokens)
    .set({ lastUsedAt: sql`now()` })
    .where(and(eq(apiTokens.id, id), sql`(${apiTokens.lastUsedAt} IS NULL OR ${apiTokens.lastUsedAt} < now() - interval '1 minute')`));
}

export async function listTokens(db: DbOrTx, userId: string) {
  return db.select().from(apiTokens).where(eq(apiTokens.userId, userId)).orderBy(apiTokens.createdAt);
}

/** Revokes every live API token of a user; how many. */
export async function revokeUserTokens(db: DbOrTx, userId: string): Promise<number> {
  const rows = await db.update(apiTokens).set({ revokedAt: sql`now()` })
    .where(and(eq(apiTokens.userId, userId), isNull(apiTokens.revokedAt))).returning({ id: apiTokens.id });
  return rows.length;
}

export async function revokeToken(db: DbOrTx, userId: string, id: string) {
  const rows = await db
    .update(apiTokens)
    .set({ revokedAt: sql`now()` })
    .where(and(eq(apiTokens.id, id), eq(apiTokens.userId, userId), isNull(apiTokens.revokedAt)))
    .returning({ id: apiTokens.id });
  return rows.length > 0;
}
