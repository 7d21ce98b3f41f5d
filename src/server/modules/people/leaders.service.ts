// The lead leader's page (包靠领导): everything a leader carries, within the caller's scope.
import { and, inArray } from 'drizzle-orm';
import type { LeaderDetailDto } from '../../../contract/people.ts';
import type { ProjectDto } from '../../../contract/projects.ts';
import type { Stage, TeamRole } from '../../../domain/enums.ts';
import { normalizeMoney, sumMoney } from '../../../domain/money.ts';
import type { DbOrTx } from '../../db/client.ts';
import { projects } from '../../db/schema/index.ts';
import { notFound } from '../../errors.ts';
import type { Principal } from '../access/principal.ts';
import { filterByText } from '../lookups/text-match.ts';
import { projectWhere, selectProjects, toProjectDto } from '../projects/projects.repo.ts';
import { currentYear } from '../projects/projects.service.ts';
import * as repo from './leaders.repo.ts';

export async function listLeaders(db: DbOrTx, p: Principal, q?: string) {
  const rows = (await repo.listLeaders(db, p.regionPath)).map((r) => ({ ...r, totalInvestment: normalizeMoney(r.totalInvestment) }));
  return q ? filterByText(rows, q, rows.length) : rows;
}

const MAX_PROJECTS = 5000;
const listOptions = { year: 0, sort: 'totalInvestment', order: 'desc', limit: MAX_PROJECTS, offset: 0 } as const;

export async function getLeader(db: DbOrTx, p: Principal, id: string): Promise<LeaderDetailDto> {
  const person = await repo.getPerson(db, id);
  if (!person) throw notFound('人员');
  // Visible when the person belongs to the caller's subtree, carries a project in it, or is the caller.
  const visible = person.regionPath.startsWith(p.regionPath) || p.personId === id || (await repo.carriesProjectIn(db, id, p.regionPath));
  if (!visible) throw notFound('人员');

  const opts = { ...listOptions, year: currentYear() };
  const led = (await selectProjects(db, projectWhere({ scopePath: p.regionPath, leaderId: id }), opts)).map(toProjectDto);
  const memberships = await repo.teamMemberships(db, id, p.regionPath);
  const teamIds = [...new Set(memberships.map((m) => m.projectId))];
  const teamRows = teamIds.length
    ? await selectProjects(db, and(projectWhere({ scopePath: p.regionPath }), inArray(projects.id, teamIds))!, opts)
    : [];
  const byId = new Map<string, ProjectDto>(teamRows.map((r) => [r.id, toProjectDto(r)]));

  const byStage: Partial<Record<Stage, number>> = {};
  for (const pr of led) byStage[pr.stage] = (byStage[pr.stage] ?? 0) + 1;

  return {
    leader: {
      id: person.id,
      name: person.name,
      title: person.title,
      phone: person.phone,
      isLeader: person.isLeader,
      regionCode: person.regionCode,
      regionName: person.regionName,
      org: person.orgId && person.orgName ? { id: person.orgId, name: person.orgName } : null,
    },
    projects: led,
    teamProjects: memberships
      .filter((m) => byId.has(m.projectId))
      .map((m) => ({ project: byId.get(m.projectId)!, role: m.role as TeamRole, duty: m.duty })),
    totals: {
      count: led.length,
      totalInvestment: sumMoney(led.map((pr) => pr.totalInvestment)),
      byStage,
      teamCount: teamIds.length,
    },
  };
}
