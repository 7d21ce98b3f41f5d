import { and, asc, eq, or, sql } from 'drizzle-orm';
import { likeEscape } from '../../../domain/search.ts';
import type { DbOrTx } from '../../db/client.ts';
import type { SelectedFields } from 'drizzle-orm/pg-core';
import { organizations, people, regions, users } from '../../db/schema/index.ts';

/** Everything shown about a user; the password hash is deliberately not selected. */
export const userColumns = {
  id: users.id,
  username: users.username,
  displayName: users.displayName,
  role: users.role,
  regionCode: users.regionCode,
  regionName: regions.name,
  regionPath: regions.path,
  orgId: users.orgId,
  orgName: organizations.name,
  personId: users.personId,
  personName: people.name,
  disabled: users.disabled,
  lockedUntil: users.lockedUntil,
  passwordChangedAt: users.passwordChangedAt,
  createdAt: users.createdAt,
};

export type UserRow = Awaited<ReturnType<typeof listUsers>>[number];


/** Users with their region, organisation and person names; `extra` adds columns of a joined table. */
export function selectUsers<E extends SelectedFields = {}>(db: DbOrTx, extra: E = {} as E) {
  return db
    .select({ ...userColumns, ...extra })
    .from(users)
    .innerJoin(regions, eq(regions.code, users.regionCode))
    .leftJoin(organizations, eq(organizations.id, users.orgId))
    .leftJoin(people, eq(people.id, users.personId));
}

export async function listUsers(db: DbOrTx, f: { scopePath: string; q?: string; role?: string }) {
  const like = f.q ? `%${likeEscape(f.q)}%` : null;
  return selectUsers(db)
    .where(
      and(
        sql`${regions.path} LIKE ${f.scopePath + '%'}`,
        like ? or(sql`${users.username} ILIKE ${like}`, sql`${users.displayName} ILIKE ${like}`) : undefined,
        f.role ? eq(users.role, f.role) : undefined,
      ),
    )
    .orderBy(asc(regions.path), asc(users.username))
    .limit(5000);
}

export async function getUser(db: DbOrTx, id: string) {
  const [row] = await selectUsers(db).where(eq(users.id, id)).limit(1);
  return row ?? null;
}

/** Usernames differing only in case would confuse people signing in, so they count as taken. */
export async function usernameTaken(db: DbOrTx, username: string): Promise<boolean> {
  const [row] = await db.select({ id: users.id }).from(users).where(sql`lower(${users.username}) = ${username.toLowerCase()}`).limit(1);
  return !!row;
}

export async function insertUser(db: DbOrTx, values: typeof users.$inferInsert) {
  const [row] = await db.insert(users).values(values).returning({ id: users.id });
  return row!.id;
}

export async function updateUser(db: DbOrTx, id: string, values: Partial<typeof users.$inferInsert>) {
  await db.update(users).set(values).where(eq(users.id, id));
}

/** An organisation or person with the path of its region, for scope checks. */
export async function orgWithPath(db: DbOrTx, id: string) {
  const [row] = await db
    .select({ id: organizations.id, name: organizations.name, path: regions.path })
    .from(organizations)
    .innerJoin(regions, eq(regions.code, organizations.regionCode))
    .where(eq(organizations.id, id))
    .limit(1);
  return row ?? null;
}

export async function personWithPath(db: DbOrTx, id: string) {
  const [row] = await db
    .select({ id: people.id, name: people.name, path: regions.path })
    .from(people)
    .innerJoin(regions, eq(regions.code, people.regionCode))
    .where(eq(people.id, id))
    .limit(1);
  return row ?? null;
}
