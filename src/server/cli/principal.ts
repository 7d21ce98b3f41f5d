import { eq, asc } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { users } from '../db/schema/index.ts';
import type { Principal } from '../modules/access/principal.ts';
import { getUser } from '../modules/users/users.repo.ts';
import { toPrincipal } from '../modules/auth/auth.service.ts';

/** A command acts as a named user (default: the first administrator), so its changes are audited and scoped like theirs. */
export async function commandPrincipal(db: Db, username?: string): Promise<Principal> {
  const [row] = username
    ? await db.select({ id: users.id }).from(users).where(eq(users.username, username)).limit(1)
    : await db.select({ id: users.id }).from(users).where(eq(users.role, 'admin')).orderBy(asc(users.createdAt)).limit(1);
  if (!row) throw new Error(username ? `用户 ${username} 不存在` : '没有管理员账号：请先执行 user create --role admin');
  const profile = await getUser(db, row.id);
  return toPrincipal(profile!, 'cli');
}
