// Owners, responsible units and lead leaders named on a project (by id or by name). A name that
// does not exist yet is created, as offices expect when they type or import a new one.
import { and, eq, sql, type SQL } from 'drizzle-orm';
import type { OrgKind } from '../../../domain/enums.ts';
import type { DbOrTx } from '../../db/client.ts';
import { organizations, people, regions } from '../../db/schema/index.ts';
import { invalid } from '../../errors.ts';
import type { Principal } from '../access/principal.ts';

/**
 * A region (`regions` joined) the caller may pick organisations and people from: their own, one below
 * it or one above it.
 */
export const inCallersLine = (p: Principal): SQL => sql`(${regions.path} LIKE ${p.regionPath + '%'} OR ${p.regionPath} LIKE ${regions.path} || '%')`;

/** Government bodies end in 政府/管委会/办事处; departments in 局/委/办/中心/公司 of the state grid etc. */
export function guessUnitKind(name: string): OrgKind {
  if (/(人民政府|政府|管委会|管理委员会|办事处)$/.test(name)) return 'government';
  if (/(园区|开发区|高新区)$/.test(name)) return 'park';
  return 'department';
}

export async function resolveOrg(
  db: DbOrTx,
  p: Principal,
  o: { id?: string | null; name?: string | null; kind: OrgKind; regionCode: string; field: string },
): Promise<{ id: string | null; created: boolean }> {
  if (o.id) {
    const [row] = await db
      .select({ id: organizations.id })
      .from(organizations)
      .innerJoin(regions, eq(regions.code, organizations.regionCode))
      .where(and(eq(organizations.id, o.id), inCallersLine(p)))
      .limit(1);
    if (!row) throw invalid(`${o.field}不存在或不在您的管辖范围内`, [{ field: o.field, message: '单位不存在或不在管辖范围内' }]);
    return { id: row.id, created: false };
  }
  const name = o.name?.trim();
  if (!name) return { id: null, created: false };
  const [existing] = await db.select({ id: organizations.id }).from(organizations).where(eq(organizations.name, name)).limit(1);
  if (existing) return { id: existing.id, created: false };
  const kind = o.kind === 'enterprise' ? 'enterprise' : guessUnitKind(name);
  const [row] = await db.insert(organizations).values({ name, kind, regionCode: o.regionCode }).returning({ id: organizations.id });
  return { id: row!.id, created: true };
}

export async function resolveLeader(
  db: DbOrTx,
  p: Principal,
  o: { id?: string | null; name?: string | null; regionCode: string },
): Promise<{ id: string | null; created: boolean }> {
  if (o.id) {
    const [row] = await db
      .select({ id: people.id })
      .from(people)
      .innerJoin(regions, eq(regions.code, people.regionCode))
      .where(and(eq(people.id, o.id), inCallersLine(p)))
      .limit(1);
    if (!row) throw invalid('包靠领导不存在或不在您的管辖范围内', [{ field: 'leaderId', message: '包靠领导不存在' }]);
    return { id: row.id, created: false };
  }
  const name = o.name?.trim();
  if (!name) return { id: null, created: false };
  const matches = await db
    .select({ id: people.id })
    .from(people)
    .innerJoin(regions, eq(regions.code, people.regionCode))
    .where(and(eq(people.name, name), eq(people.isLeader, true), inCallersLine(p)))
    .limit(2);
  if (matches.length > 1) {
    throw invalid(`有多位名为「${name}」的领导，请从列表中选择`, [{ field: 'leaderName', message: '重名，请选择具体人员' }]);
  }
  if (matches[0]) return { id: matches[0].id, created: false };
  const [row] = await db.insert(people).values({ name, regionCode: o.regionCode, isLeader: true }).returning({ id: people.id });
  return { id: row!.id, created: true };
}
