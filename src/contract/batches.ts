// Batch events (集中开工 / 集中签约): an event with a date, a level, a main venue project and its projects.
import { z } from 'zod';
import { BATCH_KINDS, LEVELS, SEASONS } from '../domain/enums.ts';
import { isoDate, moneyOut } from './common.ts';
import { project } from './projects.ts';

export const batch = z
  .object({
    id: z.uuid(),
    name: z.string(),
    kind: z.enum(BATCH_KINDS),
    level: z.enum(LEVELS),
    season: z.enum(SEASONS),
    eventDate: isoDate,
    regionCode: z.string(),
    regionName: z.string(),
    venue: z.string().nullable(),
    mainProjectId: z.uuid().nullable(),
    mainProjectName: z.string().nullable(),
    projectCount: z.number().int(),
    totalInvestment: moneyOut,
    createdAt: z.string(),
  })
  .meta({ id: 'Batch' });
export type BatchDto = z.infer<typeof batch>;

export const batchDetail = batch.extend({ projects: z.array(project) }).meta({ id: 'BatchDetail' });
export type BatchDetailDto = z.infer<typeof batchDetail>;

export const batchListQuery = z.object({
  year: z.coerce.number().int().min(2000).max(2100).optional().meta({ description: '活动日期所在年份' }),
  kind: z.enum(BATCH_KINDS).optional(),
});
export const batchList = z.object({ items: z.array(batch) });

const batchFields = {
  name: z.string().trim().min(2, '活动名称至少 2 个字').max(200, '活动名称最长 200 个字'),
  kind: z.enum(BATCH_KINDS),
  level: z.enum(LEVELS),
  season: z.enum(SEASONS).optional().meta({ description: '省略时按活动日期的月份推定' }),
  eventDate: isoDate,
  regionCode: z.string().trim().min(2, '请选择所属区域'),
  venue: z.string().trim().max(200, '会场最长 200 个字').nullable().optional(),
  mainProjectId: z.uuid().nullable().optional(),
};

const projectIds = z.array(z.uuid({ message: '项目 ID 格式不正确' })).max(5000, '一次活动最多 5000 个项目');

export const batchCreate = z.object({ ...batchFields, projectIds: projectIds.optional() });
export type BatchCreate = z.infer<typeof batchCreate>;

export const batchPatch = z
  .object(batchFields)
  .partial()
  .refine((o) => Object.values(o).some((v) => v !== undefined), { message: '没有需要修改的字段' });
export type BatchPatch = z.infer<typeof batchPatch>;

export const batchProjectsPut = z.object({ projectIds });
