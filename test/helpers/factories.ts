// Test data factories: small, explicit, built on the real tables.
import { eq, sql } from 'drizzle-orm';
import type { Db } from '../../src/server/db/client.ts';
import { organizations, people, projects, users } from '../../src/server/db/schema/index.ts';
import { buildSearchText } from '../../src/domain/search.ts';
import { hashPassword } from '../../src/server/modules/auth/passwords.ts';
import { upsertRegions } from '../../src/server/modules/regions/regions.repo.ts';
import { parkRow, type RegionRow } from '../../src/server/modules/regions/divisions.ts';
import type { Role } from '../../src/domain/enums.ts';

export const TEST_PASSWORD = 'Passw0rd-for-tests';

const province: RegionRow = { code: '370000', name: '山东省', shortName: '山东', level: 'province', parentCode: null, path: '370000/', sort: 0 };
const city: RegionRow = { code: '371500', name: '聊城市', shortName: '聊城', level: 'city', parentCode: '370000', path: '370000/371500/', sort: 0 };
const otherCity: RegionRow = { code: '370400', name: '枣庄市', shortName: '枣庄', level: 'city', parentCode: '370000', path: '370000/370400/', sort: 1 };
const county = (code: string, name: string, parent: RegionRow, sort: number): RegionRow => ({
  code, name, shortName: name.replace(/[县区市]$/, ''), level: 'county', parentCode: parent.code, path: `${parent.path}${code}/`, sort,
});

/** A small region tree: 山东 → 聊城 (东昌府区, 莘县, 高唐县, 高新区) and 枣庄 (滕州市). */
export const REGIONS = {
  province,
  city,
  dongchangfu: county('371502', '东昌府区', city, 0),
  shen: county('371522', '莘县', city, 1),
  gaotang: county('371526', '高唐县', city, 2),
  otherCity,
  tengzhou: county('370481', '滕州市', otherCity, 0),
};
export const HIGH_TECH_ZONE = parkRow('371572', '聊城高新技术产业开发区', city);

export async function seedTestRegions(db: Db) {
  await upsertRegions(db, [...Object.values(REGIONS), HIGH_TECH_ZONE]);
}

let passwordHash: Promise<string> | null = null;

export async function createUser(
  db: Db,
  o: { username: string; role: Role; regionCode: string; orgId?: string | null; personId?: string | null; password?: string },
) {
  const hash = o.password ? await hashPassword(o.password) : await (passwordHash ??= hashPassword(TEST_PASSWORD));
  const [u] = await db
    .insert(users)
    .values({ username: o.username, displayName: o.username, passwordHash: hash, role: o.role, regionCode: o.regionCode, orgId: o.orgId ?? null, personId: o.personId ?? null })
    .returning();
  return u!;
}

export async function createOrg(db: Db, o: { name: string; kind?: string; regionCode: string }) {
  const [row] = await db.insert(organizations).values({ name: o.name, kind: o.kind ?? 'enterprise', regionCode: o.regionCode }).returning();
  return row!;
}

export async function createPerson(db: Db, o: { name: string; regionCode: string; title?: string; isLeader?: boolean }) {
  const [row] = await db.insert(people).values({ name: o.name, regionCode: o.regionCode, title: o.title ?? null, isLeader: o.isLeader ?? true }).returning();
  return row!;
}

let seq = 0;
export async function buildProject(
  db: Db,
  o: Partial<typeof projects.$inferInsert> & { regionCode?: string } = {},
) {
  seq += 1;
  const regionCode = o.regionCode ?? REGIONS.dongchangfu.code;
  const code = o.code ?? `T${String(seq).padStart(5, '0')}`;
  const name = o.name ?? `测试项目${seq}`;
  const ownerName = o.ownerOrgId
    ? (await db.select({ name: organizations.name }).from(organizations).where(eq(organizations.id, o.ownerOrgId)))[0]?.name
    : null;
  const [row] = await db
    .insert(projects)
    .values({
      level: 'municipal',
      category: 'industrial',
      industry: 'chemicals',
      totalInvestment: '10000',
      stage: 'preparation',
      ...o,
      code,
      name,
      regionCode,
      regionPath: o.regionPath ?? sql`(select path from regions where code = ${regionCode})`,
      searchText: buildSearchText({ code, name, owner: ownerName }),
    })
    .returning();
  return row!;
}
