import { z } from 'zod';
import { ROLES } from '../domain/enums.ts';

export const loginBody = z.object({
  username: z.string().trim().min(1, '请输入用户名').max(64),
  password: z.string().min(1, '请输入密码').max(256),
});

export const currentUser = z
  .object({
    id: z.uuid(),
    username: z.string(),
    displayName: z.string(),
    role: z.enum(ROLES),
    regionCode: z.string(),
    regionName: z.string(),
    orgId: z.uuid().nullable(),
    orgName: z.string().nullable(),
    personId: z.uuid().nullable(),
  })
  .meta({ id: 'CurrentUser' });
export type CurrentUser = z.infer<typeof currentUser>;

/** The server's date: the web app's "today" for defaults and overdue marks (a demo database pins it). */
export const serverClock = z
  .object({
    today: z.string().meta({ description: '服务器的今天（中国时间，YYYY-MM-DD）' }),
    pinnedTo: z.string().nullable().meta({ description: '演示数据库固定的日期；null 表示按真实时间' }),
  })
  .meta({ id: 'ServerClock' });
export type ServerClock = z.infer<typeof serverClock>;

export const loginResponse = z.object({ user: currentUser, csrfToken: z.string(), clock: serverClock });
export const meResponse = z.object({ user: currentUser, csrfToken: z.string().nullable(), clock: serverClock });

export const changePasswordBody = z.object({
  currentPassword: z.string().min(1, '请输入当前密码'),
  newPassword: z
    .string()
    .min(10, '新密码至少 10 位')
    .max(256)
    .refine((p) => /[A-Za-z]/.test(p) && /\d/.test(p), { message: '新密码须同时包含字母和数字' }),
});

export const tokenCreateBody = z.object({ name: z.string().trim().min(1, '请填写令牌用途').max(100) });
export const tokenCreated = z.object({ id: z.uuid(), name: z.string(), token: z.string(), prefix: z.string() });
export const tokenItem = z.object({
  id: z.uuid(),
  name: z.string(),
  prefix: z.string(),
  createdAt: z.string(),
  lastUsedAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
});
export const tokenList = z.object({ items: z.array(tokenItem) });
