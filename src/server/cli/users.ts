import { eq } from 'drizzle-orm';
import { ROLES, type Role } from '../../domain/enums.ts';
import type { Db } from '../db/client.ts';
import { users } from '../db/schema/index.ts';
import { createToken } from '../modules/auth/auth.service.ts';
import { createUser } from '../modules/users/users.service.ts';

export async function createUserCommand(db: Db, v: { username?: string; password?: string; role?: string; region?: string; name?: string }) {
  if (!v.username || !v.password || !v.role) throw new Error('请指定 --username、--password 和 --role');
  if (!ROLES.includes(v.role as Role)) throw new Error(`角色应为：${ROLES.join(', ')}`);
  let region = v.region;
  if (!region) {
    // Without --region: the one root of the tree, if there is exactly one (a province installation).
    const roots = await db.query.regions.findMany({ where: (r, { isNull }) => isNull(r.parentCode), limit: 2 });
    if (roots.length !== 1) throw new Error('请用 --region 指定用户所属区域代码（如 371500 聊城市）');
    region = roots[0]!.code;
  }
  const u = await createUser(db, null, { username: v.username, displayName: v.name ?? v.username, password: v.password, role: v.role as Role, regionCode: region });
  console.log(`已创建用户 ${u.username}（${v.role}，区域 ${region}）`);
}

export async function createTokenCommand(db: Db, v: { username?: string; name?: string }) {
  if (!v.username) throw new Error('请指定 --username');
  const [u] = await db.select({ id: users.id, username: users.username }).from(users).where(eq(users.username, v.username)).limit(1);
  if (!u) throw new Error(`用户 ${v.username} 不存在`);
  const t = await createToken(db, u, v.name ?? '命令行创建');
  console.log(t.token);
}
