// The operation log (操作日志): every change, who made it and when, for office, admins and auditors.
import { z } from 'zod';

export const auditQuery = z.object({
  entityType: z.string().trim().max(32).optional().meta({ description: '对象类型，如 project、batch、user' }),
  action: z.string().trim().max(48).optional().meta({ description: '操作，如 project.updated' }),
  username: z.string().trim().max(64).optional(),
  projectId: z.uuid().optional(),
  before: z.coerce.number().int().min(1).optional().meta({ description: '翻页：只取 ID 小于此值的记录' }),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export type AuditQuery = z.infer<typeof auditQuery>;

export const auditItem = z
  .object({
    id: z.number().int(),
    at: z.string(),
    username: z.string().nullable(),
    action: z.string(),
    entityType: z.string(),
    entityId: z.string().nullable(),
    projectId: z.uuid().nullable(),
    projectCode: z.string().nullable(),
    projectName: z.string().nullable(),
    before: z.unknown(),
    after: z.unknown(),
    note: z.string().nullable(),
  })
  .meta({ id: 'AuditEntry' });
export const auditList = z.object({
  items: z.array(auditItem),
  nextBefore: z.number().int().nullable().meta({ description: '下一页的 before 参数；没有更多时为 null' }),
});

export const auditVerification = z
  .object({
    ok: z.boolean().meta({ description: '哈希链是否完整' }),
    sealed: z.number().int().meta({ description: '已封存（已入链）的日志条数' }),
    unsealed: z.number().int().meta({ description: '尚未封存的条数（其事务尚未提交）' }),
    firstBroken: z
      .object({
        chainSeq: z.number().int().meta({ description: '断裂处的链序号' }),
        id: z.number().int().meta({ description: '断裂处的日志 ID' }),
        reason: z.enum(['hash_mismatch', 'prev_mismatch', 'gap']).meta({ description: 'hash_mismatch：内容被修改；prev_mismatch：前序哈希不符；gap：链序号不连续' }),
      })
      .optional(),
  })
  .meta({ id: 'AuditVerification' });
