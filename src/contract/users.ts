// User administration (admin only). Password hashes never leave the server.
import { z } from 'zod';
import { ROLES } from '../domain/enums.ts';
import { changePasswordBody, currentUser } from './auth.ts';

/** Same rule as a self-service password change: at least 10 characters, letters and digits. */
export const password = changePasswordBody.shape.newPassword;

export const user = currentUser
  .extend({
    personName: z.string().nullable(),
    disabled: z.boolean(),
    lockedUntil: z.string().nullable(),
    passwordChangedAt: z.string(),
    createdAt: z.string(),
  })
  .meta({ id: 'User' });
export type UserDto = z.infer<typeof user>;

export const userListQuery = z.object({
  q: z.string().trim().max(64).optional().meta({ description: '用户名或姓名' }),
  role: z.enum(ROLES).optional(),
});
export const userList = z.object({ items: z.array(user) });

export const userCreate = z.object({
  username: z
    .string()
    .trim()
    .min(2, '用户名至少 2 个字符')
    .max(64, '用户名最长 64 个字符')
    .regex(/^[A-Za-z0-9_.@-]+$/, '用户名只能包含字母、数字和 _ . @ -'),
  displayName: z.string().trim().min(1, '请填写姓名').max(50, '姓名最长 50 个字'),
  password,
  role: z.enum(ROLES),
  regionCode: z.string().trim().min(2, '请选择所属区域'),
  orgId: z.uuid().nullable().optional(),
  personId: z.uuid().nullable().optional(),
});
export type UserCreate = z.input<typeof userCreate>;

export const userPatch = z
  .object({
    displayName: z.string().trim().min(1, '请填写姓名').max(50, '姓名最长 50 个字'),
    role: z.enum(ROLES),
    regionCode: z.string().trim().min(2, '请选择所属区域'),
    orgId: z.uuid().nullable(),
    personId: z.uuid().nullable(),
    disabled: z.boolean(),
    resetPassword: password.meta({ description: '新密码；重置后该用户的所有会话失效' }),
  })
  .partial()
  .refine((o) => Object.values(o).some((v) => v !== undefined), { message: '没有需要修改的字段' });
export type UserPatch = z.infer<typeof userPatch>;

/** One API token of one user (an administrator revoking it). */
export const userTokenParams = z.object({
  id: z.uuid({ message: '用户 ID 格式不正确' }),
  tokenId: z.uuid({ message: '令牌 ID 格式不正确' }),
});
