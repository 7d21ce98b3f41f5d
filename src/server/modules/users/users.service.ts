// User administration. Admins manage users of their own subtree; the command line (principal
// null) may create any user, e.g. the first admin. Password hashes never leave this module.
import { userCreate, type UserCreate, type UserDto, type UserPatch } from '../../../contract/users.ts';
import type { Role } from '../../../domain/enums.ts';
import type { Db, DbOrTx } from '../../db/client.ts';
import { conflict, forbidden, invalid, notFound, type FieldIssue } from '../../errors.ts';
import { requireAdmin } from '../access/access.policy.ts';
import type { Principal } from '../access/principal.ts';
import { recordAudit } from '../audit/audit.repo.ts';
import { deleteUserSessions, listTokens as tokenRows, revokeToken, revokeUserTokens, updatePassword } from '../auth/auth.repo.ts';
import { tokensOf, toCurrentUser } from '../auth/auth.service.ts';
import { hashPassword } from '../auth/passwords.ts';
import { requireRegionInScope } from '../regions/regions.service.ts';
import * as repo from './users.repo.ts';

/** Roles that act for an organisation, and the one that acts as a person. */
const ORG_ROLES: readonly Role[] = ['unit', 'owner', 'department'];

export function toUserDto(r: repo.UserRow): UserDto {
  return {
    ...toCurrentUser(r),
    personName: r.personName,
    disabled: r.disabled,
    lockedUntil: r.lockedUntil && r.lockedUntil.getTime() > Date.now() ? r.lockedUntil.toISOString() : null,
    passwordChangedAt: r.passwordChangedAt.toISOString(),
    createdAt: r.createdAt.toISOString(),
  };
}

export async function listUsers(db: DbOrTx, p: Principal, q: { q?: string; role?: Role }): Promise<UserDto[]> {
  requireAdmin(p);
  return (await repo.listUsers(db, { scopePath: p.regionPath, q: q.q, role: q.role })).map(toUserDto);
}

/** The organisation and person a user is tied to must exist and, for an admin, lie in their subtree. */
async function checkLinks(db: DbOrTx, p: Principal | null, role: Role, orgId: string | null, personId: string | null) {
  const issues: FieldIssue[] = [];
  if (orgId) {
    const org = await repo.orgWithPath(db, orgId);
    if (!org || (p && !org.path.startsWith(p.regionPath))) issues.push({ field: 'orgId', message: '所属单位不存在或不在您的管辖范围内' });
  } else if (ORG_ROLES.includes(role)) {
    issues.push({ field: 'orgId', message: '责任单位、项目单位和职能部门用户须指定所属单位' });
  }
  if (personId) {
    const person = await repo.personWithPath(db, personId);
    if (!person || (p && !person.path.startsWith(p.regionPath))) issues.push({ field: 'personId', message: '对应人员不存在或不在您的管辖范围内' });
  } else if (role === 'leader') {
    issues.push({ field: 'personId', message: '包靠领导用户须指定对应的人员' });
  }
  if (issues.length) throw invalid(issues.map((i) => i.message).join('；'), issues);
}

async function loadDto(db: DbOrTx, id: string) {
  const row = await repo.getUser(db, id);
  if (!row) throw notFound('用户');
  return toUserDto(row);
}

/** Creates a user. `p` null means the command line: no scope check. */
export async function createUser(db: Db, p: Principal | null, input: UserCreate): Promise<UserDto> {
  if (p) requireAdmin(p);
  const parsed = userCreate.safeParse(input);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => ({ field: i.path.join('.') || 'body', message: i.message }));
    throw invalid(`用户信息有误：${issues[0]!.field} ${issues[0]!.message}`, issues);
  }
  const v = parsed.data;
  const region = await requireRegionInScope(db, p, v.regionCode);
  if (await repo.usernameTaken(db, v.username)) {
    throw conflict(`用户名 ${v.username} 已被使用`, [{ field: 'username', message: '用户名已被使用' }]);
  }
  await checkLinks(db, p, v.role, v.orgId ?? null, v.personId ?? null);
  const passwordHash = await hashPassword(v.password);
  const id = await db.transaction(async (tx) => {
    const values = {
      username: v.username,
      displayName: v.displayName,
      role: v.role,
      regionCode: region.code,
      orgId: v.orgId ?? null,
      personId: v.personId ?? null,
    };
    const newId = await repo.insertUser(tx, { ...values, passwordHash });
    await recordAudit(tx, p, { action: 'user.created', entityType: 'user', entityId: newId, regionPath: region.path, after: values });
    return newId;
  });
  return loadDto(db, id);
}

/** A user of the administrator's region (404 for anyone else). */
async function managedUser(db: DbOrTx, p: Principal, id: string) {
  requireAdmin(p);
  const u = await repo.getUser(db, id);
  if (!u || !u.regionPath.startsWith(p.regionPath)) throw notFound('用户');
  return u;
}

/** A user's API tokens, live and revoked (administrator, within the region): to see what an account has issued. */
export async function listUserTokens(db: Db, p: Principal, id: string) {
  await managedUser(db, p, id);
  return { items: await tokensOf(db, id) };
}

/**
 * Revokes one API token of a user (administrator, within the region) — a leaked integration key —
 * without resetting the password or touching the user's other tokens. Every server stops accepting it
 * at its next request (the auth data version changes with the row).
 */
export async function revokeUserToken(db: Db, p: Principal, id: string, tokenId: string): Promise<void> {
  const u = await managedUser(db, p, id);
  const token = (await tokenRows(db, id)).find((t) => t.id === tokenId);
  if (!token) throw notFound('令牌');
  await db.transaction(async (tx) => {
    // Only a live token is revoked: one already revoked (now or by another request) is a conflict.
    if (!(await revokeToken(tx, id, tokenId))) throw conflict('该令牌已吊销');
    await recordAudit(tx, p, {
      action: 'token.revoked', entityType: 'api_token', entityId: tokenId, regionPath: u.regionPath,
      after: { userId: id, name: token.name, prefix: token.prefix }, note: `${u.username}：${token.name}`,
    });
  });
}

export async function updateUser(db: Db, p: Principal, id: string, patch: UserPatch): Promise<UserDto> {
  const current = await managedUser(db, p, id);
  if (id === p.id) {
    // An admin locking themselves out (or resetting their own password without the old one) is a mistake, not a feature.
    const self = (['role', 'regionCode', 'disabled', 'resetPassword'] as const).find((k) => patch[k] !== undefined);
    if (self) throw forbidden(self === 'resetPassword' ? '请通过"修改密码"修改自己的密码' : '不能修改自己的角色、区域或停用自己的账号');
  }
  const region = patch.regionCode !== undefined ? await requireRegionInScope(db, p, patch.regionCode) : null;
  const role = patch.role ?? (current.role as Role);
  const orgId = patch.orgId !== undefined ? patch.orgId : current.orgId;
  const personId = patch.personId !== undefined ? patch.personId : current.personId;
  if (patch.role !== undefined || patch.orgId !== undefined || patch.personId !== undefined) await checkLinks(db, p, role, orgId, personId);

  const values: Record<string, unknown> = {};
  if (patch.displayName !== undefined && patch.displayName !== current.displayName) values.displayName = patch.displayName;
  if (patch.role !== undefined && patch.role !== current.role) values.role = patch.role;
  if (region && region.code !== current.regionCode) values.regionCode = region.code;
  if (patch.orgId !== undefined && patch.orgId !== current.orgId) values.orgId = patch.orgId;
  if (patch.personId !== undefined && patch.personId !== current.personId) values.personId = patch.personId;
  if (patch.disabled !== undefined && patch.disabled !== current.disabled) values.disabled = patch.disabled;
  const passwordHash = patch.resetPassword ? await hashPassword(patch.resetPassword) : null;
  if (!Object.keys(values).length && !passwordHash && !(patch.disabled === false && current.lockedUntil)) return toUserDto(current);

  await db.transaction(async (tx) => {
    // Enabling an account also lifts a lock left by failed sign-ins.
    const unlock = patch.disabled === false ? { failedLogins: 0, lockedUntil: null } : {};
    const set = { ...values, ...unlock };
    if (Object.keys(set).length) await repo.updateUser(tx, id, set);
    if (passwordHash) await updatePassword(tx, id, passwordHash);
    // A disabled account or a reset password must not leave a live session behind. A reset is how an
    // office answers a lost or stolen password, so the account's API tokens (which an intruder could
    // have made) are revoked with it; the user's own password change keeps them.
    if (values.disabled === true || passwordHash) await deleteUserSessions(tx, id);
    const tokensRevoked = passwordHash ? await revokeUserTokens(tx, id) : 0;
    const before = Object.fromEntries(Object.keys(values).map((k) => [k, current[k as keyof typeof current]]));
    await recordAudit(tx, p, {
      action: values.disabled === true ? 'user.disabled' : 'user.updated',
      entityType: 'user',
      entityId: id,
      regionPath: region?.path ?? current.regionPath,
      before,
      after: { ...values, ...(passwordHash ? { passwordReset: true, tokensRevoked } : {}) },
      note: current.username,
    });
  });
  return loadDto(db, id);
}
