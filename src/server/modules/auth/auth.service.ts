// Sign-in, sessions, password change and API tokens.
import { createHash, randomBytes } from 'node:crypto';
import type { CurrentUser } from '../../../contract/auth.ts';
import type { Role } from '../../../domain/enums.ts';
import type { Db, DbOrTx } from '../../db/client.ts';
import { VersionedCache } from '../../plugins/data-versions.ts';
import { AppError, invalid, notFound } from '../../errors.ts';
import type { Principal } from '../access/principal.ts';
import { recordAudit } from '../audit/audit.repo.ts';
import { getUser, type UserRow } from '../users/users.repo.ts';
import * as repo from './auth.repo.ts';
import { dummyHash, hashPassword, verifyPassword } from './passwords.ts';

export const LOCK_AFTER_FAILURES = 5;
export const LOCK_MINUTES = 15;

export const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');
const randomToken = (bytes = 32) => randomBytes(bytes).toString('base64url');

type Profile = UserRow;

export function toPrincipal(p: Profile, via: Principal['via']): Principal {
  return {
    id: p.id,
    username: p.username,
    displayName: p.displayName,
    role: p.role as Role,
    regionCode: p.regionCode,
    regionPath: p.regionPath,
    orgId: p.orgId,
    personId: p.personId,
    via,
  };
}

export function toCurrentUser(p: Profile): CurrentUser {
  return {
    id: p.id,
    username: p.username,
    displayName: p.displayName,
    role: p.role as Role,
    regionCode: p.regionCode,
    regionName: p.regionName,
    orgId: p.orgId,
    orgName: p.orgName,
    personId: p.personId,
  };
}

export async function login(db: Db, username: string, password: string, sessionHours: number) {
  const user = await repo.findUserByUsername(db, username);
  const account = user && !user.disabled ? user : null;
  // A name that is no account (or a disabled one) is answered exactly as an account with a wrong
  // password: the same hash work, the same countdown and the same lock, counted in login_failures.
  const lockedUntil = account ? account.lockedUntil : await repo.nameLockedUntil(db, username);
  if (lockedUntil && lockedUntil.getTime() > Date.now()) {
    const minutes = Math.ceil((lockedUntil.getTime() - Date.now()) / 60000);
    throw new AppError('locked', `登录失败次数过多，账号已锁定，请 ${minutes} 分钟后再试`);
  }
  if (!account || !(await verifyPassword(account.passwordHash, password))) {
    if (!account) await verifyPassword(await dummyHash(), password);
    const r = account
      ? await repo.recordFailedLogin(db, account.id, LOCK_AFTER_FAILURES, LOCK_MINUTES)
      : await repo.recordFailedName(db, username, LOCK_AFTER_FAILURES, LOCK_MINUTES);
    if (account) await recordAudit(db, { id: account.id, username: account.username }, { action: 'auth.login_failed', entityType: 'user', entityId: account.id });
    if (r && r.failedLogins >= LOCK_AFTER_FAILURES) {
      throw new AppError('locked', `登录失败次数过多，账号已锁定 ${LOCK_MINUTES} 分钟`);
    }
    const left = LOCK_AFTER_FAILURES - (r?.failedLogins ?? 0);
    throw new AppError('unauthenticated', `用户名或密码错误，再错 ${left} 次账号将被锁定`);
  }
  await repo.resetFailedLogins(db, account.id);
  const cookieValue = randomToken();
  const csrfToken = randomToken(24);
  await repo.insertSession(db, {
    id: sha256(cookieValue),
    userId: account.id,
    csrfToken,
    expiresAt: new Date(Date.now() + sessionHours * 3600_000),
  });
  const profile = (await getUser(db, account.id))!;
  await recordAudit(db, { id: account.id, username: account.username }, { action: 'auth.login', entityType: 'user', entityId: account.id });
  return { cookieValue, csrfToken, user: toCurrentUser(profile) };
}

/** A resolved caller as a server keeps it: the principal, and for a session its CSRF token and end. */
interface KnownCaller {
  principal: Principal;
  csrfToken: string | null;
  /** Epoch ms after which a session is over; Infinity for a token. */
  until: number;
  tokenId: string | null;
  /** When this server last recorded the token's use (or saw it recorded), epoch ms. */
  tokenUsedAt: number;
}

/**
 * Callers resolved by this server, keyed by the credential's hash, under the `auth` data version:
 * signing out, a password change, revoking a token or changing or disabling a user on any server
 * changes that version in the same transaction, so the next request everywhere looks the caller up
 * again. A session's end is checked on every use.
 */
export type CallerCache = VersionedCache<KnownCaller>;
export const createCallerCache = (maxEntries = 20_000): CallerCache => new VersionedCache<KnownCaller>(maxEntries);

/** The cache and the `auth` version of this request; without one every call reads the database. */
export interface CallerLookup {
  cache: CallerCache;
  version: string;
}

function known(key: string, lookup: CallerLookup | undefined): KnownCaller | null {
  const hit = lookup?.cache.get(lookup.version, key);
  if (!hit) return null;
  if (hit.until > Date.now()) return hit;
  lookup!.cache.delete(key);
  return null;
}

/** Resolves a session cookie to its principal and CSRF token, or null. */
export async function resolveSession(db: Db, cookieValue: string, lookup?: CallerLookup) {
  const key = sha256(cookieValue);
  const hit = known(key, lookup);
  if (hit) return { principal: hit.principal, csrfToken: hit.csrfToken! };
  const row = await repo.findSessionUser(db, key);
  if (!row || row.disabled) return null;
  const principal = Object.freeze(toPrincipal(row, 'session'));
  lookup?.cache.set(lookup.version, key, { principal, csrfToken: row.csrfToken, until: row.expiresAt.getTime(), tokenId: null, tokenUsedAt: 0 });
  return { principal, csrfToken: row.csrfToken };
}

/** Records a token's use at most once a minute (per server here, and in the database's own condition). */
const TOKEN_TOUCH_MS = 60_000;

export async function resolveToken(db: Db, token: string, lookup?: CallerLookup) {
  const key = sha256(token);
  const hit = known(key, lookup);
  if (hit) {
    if (Date.now() - hit.tokenUsedAt >= TOKEN_TOUCH_MS) {
      await repo.touchToken(db, hit.tokenId!);
      hit.tokenUsedAt = Date.now();
    }
    return hit.principal;
  }
  const row = await repo.findTokenUser(db, key);
  if (!row || row.disabled) return null;
  let usedAt = row.tokenLastUsedAt?.getTime() ?? 0;
  if (Date.now() - usedAt >= TOKEN_TOUCH_MS) {
    await repo.touchToken(db, row.tokenId);
    usedAt = Date.now();
  }
  const principal = Object.freeze(toPrincipal(row, 'token'));
  lookup?.cache.set(lookup.version, key, { principal, csrfToken: null, until: Infinity, tokenId: row.tokenId, tokenUsedAt: usedAt });
  return principal;
}

export async function logout(db: Db, cookieValue: string) {
  await repo.deleteSession(db, sha256(cookieValue));
}

export async function me(db: Db, p: Principal): Promise<CurrentUser> {
  const profile = await getUser(db, p.id);
  if (!profile) throw notFound('用户');
  return toCurrentUser(profile);
}

/** Changes the password and ends every session of the user, this one included. */
export async function changePassword(db: Db, p: Principal, currentPassword: string, newPassword: string) {
  const user = await repo.findUserByUsername(db, p.username);
  if (!user || !(await verifyPassword(user.passwordHash, currentPassword))) {
    throw invalid('当前密码不正确', [{ field: 'currentPassword', message: '当前密码不正确' }]);
  }
  if (currentPassword === newPassword) {
    throw invalid('新密码不能与当前密码相同', [{ field: 'newPassword', message: '新密码不能与当前密码相同' }]);
  }
  const passwordHash = await hashPassword(newPassword);
  await db.transaction(async (tx) => {
    await repo.updatePassword(tx, user.id, passwordHash);
    await repo.deleteUserSessions(tx, user.id);
    await recordAudit(tx, p, { action: 'auth.password_changed', entityType: 'user', entityId: user.id });
  });
}

export async function createToken(db: Db, p: Pick<Principal, 'id' | 'username'>, name: string) {
  const token = `tj_${randomToken()}`;
  const row = await repo.insertToken(db, { userId: p.id, name, tokenHash: sha256(token), prefix: token.slice(0, 10) });
  await recordAudit(db, p, { action: 'token.created', entityType: 'api_token', entityId: row.id, after: { name, prefix: row.prefix } });
  return { id: row.id, name: row.name, prefix: row.prefix, token };
}

/** A user's API tokens as listed (never the token itself, only its prefix). */
export async function tokensOf(db: DbOrTx, userId: string) {
  const rows = await repo.listTokens(db, userId);
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    prefix: r.prefix,
    createdAt: r.createdAt.toISOString(),
    lastUsedAt: r.lastUsedAt?.toISOString() ?? null,
    revokedAt: r.revokedAt?.toISOString() ?? null,
  }));
}

export async function listTokens(db: Db, p: Principal) {
  return tokensOf(db, p.id);
}

export async function revokeToken(db: Db, p: Principal, id: string) {
  if (!(await repo.revokeToken(db, p.id, id))) throw notFound('令牌');
  await recordAudit(db, p, { action: 'token.revoked', entityType: 'api_token', entityId: id });
}
