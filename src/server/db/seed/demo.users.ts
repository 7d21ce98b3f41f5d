// One demo sign-in per role. The password is fixed and printed on the console on first start: this
// is a demonstration city, and its users are meant to be tried.
import type { Role } from '../../../domain/enums.ts';
import { ACTIVE_STAGES } from '../../../domain/lifecycle.ts';
import type { users } from '../schema/index.ts';
import { DEPARTMENTS, type OrgBook, type OrgRow } from './demo.orgs.ts';
import type { PeopleBook } from './demo.people.ts';
import type { DemoProject } from './demo.projects.ts';
import { areaByCode, CITY_CODE, CITY_NAME } from './demo.regions.ts';
import { demoId } from './demo.prng.ts';

export const DEMO_PASSWORD = 'Tuijin@2024';
/** The county whose government signs in as the responsible unit. */
export const DEMO_UNIT_REGION = '371522';
/** One sign-in per role, named after the role. */
export const DEMO_USERNAMES = ['admin', 'office', 'unit', 'owner', 'leader', 'department', 'viewer', 'auditor'] as const;

export interface DemoLogin {
  role: Role;
  username: string;
  password: string;
  displayName: string;
  regionName: string;
}

type UserRow = typeof users.$inferInsert;

interface UserSpec {
  role: Role;
  username: string;
  displayName: string;
  regionCode: string;
  orgId?: string;
  personId?: string;
}

export function buildUsers(orgs: OrgBook, people: PeopleBook, projects: DemoProject[], passwordHash: string): { rows: UserRow[]; logins: DemoLogin[] } {
  const unitArea = areaByCode.get(DEMO_UNIT_REGION)!;
  const owner = demoOwner(projects);
  const ownerRegions = new Set(projects.filter((p) => p.owner.id === owner.id).map((p) => p.area.code));
  if (ownerRegions.size !== 1) throw new Error(`demo owner ${owner.name} must have projects in exactly one region`);
  const ownerRegion = [...ownerRegions][0]!;
  const leader = busiestCityLeader(people, projects);
  const specs: UserSpec[] = [
    { role: 'admin', username: 'admin', displayName: '系统管理员', regionCode: CITY_CODE },
    { role: 'office', username: 'office', displayName: '市发改委项目办', regionCode: CITY_CODE, orgId: orgs.get(DEPARTMENTS.drc).id },
    { role: 'unit', username: 'unit', displayName: unitArea.unitName, regionCode: unitArea.code, orgId: orgs.unitOf(unitArea).id },
    { role: 'owner', username: 'owner', displayName: owner.name, regionCode: ownerRegion, orgId: owner.id },
    { role: 'leader', username: 'leader', displayName: `${leader.name}（${leader.title}）`, regionCode: CITY_CODE, personId: leader.id },
    { role: 'department', username: 'department', displayName: DEPARTMENTS.land, regionCode: CITY_CODE, orgId: orgs.get(DEPARTMENTS.land).id },
    { role: 'viewer', username: 'viewer', displayName: '市级查看账号', regionCode: CITY_CODE },
    { role: 'auditor', username: 'auditor', displayName: '市委市政府督查室', regionCode: CITY_CODE },
  ];
  const regionName = (code: string) => (code === CITY_CODE ? CITY_NAME : areaByCode.get(code)!.name);
  return {
    rows: specs.map((s) => ({
      id: demoId('user', s.username), username: s.username, displayName: s.displayName, passwordHash, role: s.role,
      regionCode: s.regionCode, orgId: s.orgId ?? null, personId: s.personId ?? null,
    })),
    logins: specs.map((s) => ({ role: s.role, username: s.username, password: DEMO_PASSWORD, displayName: s.displayName, regionName: regionName(s.regionCode) })),
  };
}

/**
 * The enterprise whose user signs in as an owner: the one in the unit's county with the most projects
 * still reporting (ties: the larger investment), so the owner, the unit and the reporting journey
 * meet on the same projects.
 */
export function demoOwner(projects: DemoProject[]): OrgRow {
  const mine = new Map<string, { org: OrgRow; n: number; amount: number }>();
  for (const p of projects) {
    if (p.area.code !== DEMO_UNIT_REGION || p.owner.kind !== 'enterprise' || !ACTIVE_STAGES.includes(p.stage)) continue;
    const e = mine.get(p.owner.id) ?? { org: p.owner, n: 0, amount: 0 };
    e.n += 1;
    e.amount += p.amount;
    mine.set(p.owner.id, e);
  }
  const best = [...mine.values()].sort((a, b) => b.n - a.n || b.amount - a.amount)[0];
  if (!best || best.n < 4) throw new Error(`no enterprise in ${DEMO_UNIT_REGION} with four reporting projects for the demo owner`);
  return best.org;
}

/** The deputy mayor who carries the most projects, so the leader's page has plenty to show. */
function busiestCityLeader(people: PeopleBook, projects: DemoProject[]) {
  const count = new Map<string, number>();
  for (const p of projects) count.set(p.leader.person.id, (count.get(p.leader.person.id) ?? 0) + 1);
  const deputies = people.cityLeaders().filter((l) => l.person.title === '副市长' || l.person.title === '常务副市长');
  const best = deputies.reduce((a, b) => ((count.get(b.person.id) ?? 0) > (count.get(a.person.id) ?? 0) ? b : a));
  return best.person;
}
