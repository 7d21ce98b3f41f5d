// Lead leaders and what they carry. Counts and sums only cover projects in the caller's scope.
import { and, eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { organizations, people, projects, projectTeamMembers, regions } from '../../db/schema/index.ts';

/**
 * Leaders the caller may see: leaders of their subtree, and anyone leading a project in it (a
 * city leader carrying a county project shows on the county's list, with the county's projects).
 */
export async function listLeaders(db: DbOrTx, scopePath: string) {
  const scope = scopePath + '%';
  const rows = await db.execute<{
    id: string; name: string; title: string | null; org_name: string | null; region_code: string; project_count: number; total_investment: string;
  }>(sql`
    SELECT pe.id, pe.name, pe.title, o.name AS org_name, pe.region_code,
           count(pr.id)::int AS project_count, coalesce(sum(pr.total_investment), 0)::text AS total_investment
    FROM ${people} pe
    JOIN ${regions} r ON r.code = pe.region_code
    LEFT JOIN ${organizations} o ON o.id = pe.org_id
    LEFT JOIN ${projects} pr ON pr.leader_person_id = pe.id AND pr.region_path LIKE ${scope}
    WHERE (pe.is_leader AND r.path LIKE ${scope})
       OR EXISTS (SELECT 1 FROM ${projects} p2 WHERE p2.leader_person_id = pe.id AND p2.region_path LIKE ${scope})
    GROUP BY pe.id, pe.name, pe.title, o.name, pe.region_code
    ORDER BY count(pr.id) DESC, coalesce(sum(pr.total_investment), 0) DESC, pe.name, pe.id`);
  return rows.rows.map((r) => ({
    id: r.id,
    name: r.name,
    title: r.title,
    orgName: r.org_name,
    regionCode: r.region_code,
    projectCount: Number(r.project_count),
    totalInvestment: r.total_investment,
  }));
}

export async function getPerson(db: DbOrTx, id: string) {
  const [row] = await db
    .select({
      id: people.id,
      name: people.name,
      title: people.title,
      phone: people.phone,
      isLeader: people.isLeader,
      regionCode: people.regionCode,
      regionName: regions.name,
      regionPath: regions.path,
      orgId: people.orgId,
      orgName: organizations.name,
    })
    .from(people)
    .innerJoin(regions, eq(regions.code, people.regionCode))
    .leftJoin(organizations, eq(organizations.id, people.orgId))
    .where(eq(people.id, id))
    .limit(1);
  return row ?? null;
}

/** Does the person lead, or serve on the team of, any project in the subtree? */
export async function carriesProjectIn(db: DbOrTx, personId: string, scopePath: string): Promise<boolean> {
  const scope = scopePath + '%';
  const { rows } = await db.execute<{ yes: boolean }>(sql`
    SELECT EXISTS (SELECT 1 FROM ${projects} WHERE leader_person_id = ${personId} AND region_path LIKE ${scope})
        OR EXISTS (SELECT 1 FROM ${projectTeamMembers} t JOIN ${projects} p ON p.id = t.project_id
                   WHERE t.person_id = ${personId} AND p.region_path LIKE ${scope}) AS yes`);
  return rows[0]?.yes === true;
}

/** The person's special-team places, in projects of the subtree. */
export async function teamMemberships(db: DbOrTx, personId: string, scopePath: string) {
  return db
    .select({ projectId: projectTeamMembers.projectId, role: projectTeamMembers.role, duty: projectTeamMembers.duty })
    .from(projectTeamMembers)
    .innerJoin(projects, eq(projects.id, projectTeamMembers.projectId))
    .where(and(eq(projectTeamMembers.personId, personId), sql`${projects.regionPath} LIKE ${scopePath + '%'}`))
    .orderBy(projectTeamMembers.sort);
}
