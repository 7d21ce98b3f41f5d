import { and, asc, eq, sql, type AnyColumn, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { organizations, people, projects, regions } from '../../db/schema/index.ts';
import { likeEscape } from '../../../domain/search.ts';

/** `name ILIKE %q%`, wildcards in q taken literally. */
export const nameContains = (column: AnyColumn | SQL, q: string) => sql`${column} ILIKE ${'%' + likeEscape(q) + '%'}`;

/** `withAncestors`: also the organisations of the regions above the scope (a county user picks the city's departments). */
export async function listOrgs(db: DbOrTx, f: { scopePath: string; kind?: string; nameLike?: string; limit: number; withAncestors?: boolean }) {
  return db
    .select({ id: organizations.id, name: organizations.name, kind: organizations.kind, regionCode: organizations.regionCode })
    .from(organizations)
    .innerJoin(regions, eq(regions.code, organizations.regionCode))
    .where(
      and(
        f.withAncestors
          ? sql`(${regions.path} LIKE ${f.scopePath + '%'} OR ${f.scopePath} LIKE ${regions.path} || '%')`
          : sql`${regions.path} LIKE ${f.scopePath + '%'}`,
        f.kind ? eq(organizations.kind, f.kind) : undefined,
        f.nameLike ? nameContains(organizations.name, f.nameLike) : undefined,
      ),
    )
    .orderBy(asc(organizations.name))
    .limit(f.limit);
}

export async function listPeople(db: DbOrTx, f: { scopePath: string; leadersOnly?: boolean; nameLike?: string; limit: number }) {
  return db
    .select({
      id: people.id,
      name: people.name,
      title: people.title,
      regionCode: people.regionCode,
      orgName: organizations.name,
      isLeader: people.isLeader,
    })
    .from(people)
    .innerJoin(regions, eq(regions.code, people.regionCode))
    .leftJoin(organizations, eq(organizations.id, people.orgId))
    .where(
      and(
        sql`${regions.path} LIKE ${f.scopePath + '%'}`,
        f.leadersOnly ? eq(people.isLeader, true) : undefined,
        f.nameLike ? nameContains(people.name, f.nameLike) : undefined,
      ),
    )
    .orderBy(asc(people.name))
    .limit(f.limit);
}

/** Distinct tags of the projects in a subtree, alphabetically. */
export async function listTags(db: DbOrTx, f: { scopePath: string; q?: string }) {
  const tag = sql<string>`t.tag`;
  const rows = await db.execute<{ tag: string }>(sql`
    SELECT DISTINCT ${tag} AS tag
    FROM ${projects}, unnest(${projects.tags}) AS t(tag)
    WHERE ${projects.regionPath} LIKE ${f.scopePath + '%'}
    ${f.q ? sql`AND ${tag} ILIKE ${'%' + likeEscape(f.q) + '%'}` : sql``}
    ORDER BY tag
    LIMIT 500`);
  return rows.rows.map((r) => r.tag);
}
