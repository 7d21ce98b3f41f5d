// Lead leaders (包靠领导): who carries which projects, and their special-team memberships.
import { z } from 'zod';
import { STAGES, TEAM_ROLES } from '../domain/enums.ts';
import { moneyOut } from './common.ts';
import { project } from './projects.ts';

export const leaderListQuery = z.object({
  q: z.string().trim().max(50).optional().meta({ description: '姓名或拼音首字母' }),
});

export const leaderItem = z
  .object({
    id: z.uuid(),
    name: z.string(),
    title: z.string().nullable(),
    orgName: z.string().nullable(),
    regionCode: z.string(),
    projectCount: z.number().int().meta({ description: '作为包靠领导的项目数（仅统计可见范围内）' }),
    totalInvestment: moneyOut,
  })
  .meta({ id: 'LeaderItem' });
export const leaderList = z.object({ items: z.array(leaderItem) });

export const leaderTotals = z.object({
  count: z.number().int(),
  totalInvestment: moneyOut,
  byStage: z.partialRecord(z.enum(STAGES), z.number().int()),
  teamCount: z.number().int().meta({ description: '参加专班的项目数' }),
});

export const leaderDetail = z
  .object({
    leader: z.object({
      id: z.uuid(),
      name: z.string(),
      title: z.string().nullable(),
      phone: z.string().nullable(),
      isLeader: z.boolean(),
      regionCode: z.string(),
      regionName: z.string(),
      org: z.object({ id: z.uuid(), name: z.string() }).nullable(),
    }),
    projects: z.array(project),
    teamProjects: z.array(z.object({ project, role: z.enum(TEAM_ROLES), duty: z.string().nullable() })),
    totals: leaderTotals,
  })
  .meta({ id: 'LeaderDetail' });
export type LeaderDetailDto = z.infer<typeof leaderDetail>;
