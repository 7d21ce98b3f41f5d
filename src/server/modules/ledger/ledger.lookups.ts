// Everything a ledger file refers to by name, loaded once per import and matched in memory:
// regions (by code, full or short name, common park aliases), orgs, leaders, batches, projects.
import type { Principal } from '../access/principal.ts';
import type { DbOrTx } from '../../db/client.ts';
import {
  loadAllRegions, loadBatchesInScope, loadOrgsByName, loadPeopleByName, loadProjectsByCode,
  type BatchLite, type ExistingProject, type OrgLite, type PersonLite, type RegionLite,
} from './ledger.repo.ts';

export type Resolved<T> = { ok: true; value: T } | { ok: false; message: string };

/** Names people write for parks instead of the registered one. */
function aliasesOf(r: RegionLite, parentShort: string | undefined): string[] {
  const out: string[] = [];
  const park = [
    [/高新技术产业开发区$/, ['高新区', '高新技术开发区', '高新技术产业开发区']],
    [/经济技术开发区$/, ['经开区', '经济技术开发区', '开发区']],
    [/经济开发区$/, ['经济开发区', '开发区']],
    [/(旅游度假区)$/, ['度假区', '旅游度假区']],
  ] as const;
  for (const [re, names] of park) {
    if (re.test(r.name)) for (const n of names) out.push(n, `${parentShort ?? ''}${n}`);
  }
  const stripped = r.name.replace(/(管委会|管理委员会)$/, '');
  if (stripped !== r.name) out.push(stripped);
  return out;
}

export class RegionIndex {
  private readonly inScope = new Map<string, RegionLite[]>();
  private readonly anywhere = new Map<string, RegionLite>();
  readonly byCode = new Map<string, RegionLite>();

  constructor(all: RegionLite[], private readonly scopePath: string) {
    for (const r of all) this.byCode.set(r.code, r);
    for (const r of all) {
      const parent = this.byCode.get(r.path.split('/').at(-3) ?? '');
      const keys = new Set([r.code, r.name, r.shortName, ...aliasesOf(r, parent?.shortName)]);
      for (const k of keys) {
        if (!k) continue;
        if (!this.anywhere.has(k)) this.anywhere.set(k, r);
        if (r.path.startsWith(scopePath)) {
          const list = this.inScope.get(k) ?? [];
          if (!list.includes(r)) list.push(r);
          this.inScope.set(k, list);
        }
      }
    }
  }

  private readonly cache = new Map<string, Resolved<RegionLite>>();

  resolve(raw: string): Resolved<RegionLite> {
    let r = this.cache.get(raw);
    if (!r) this.cache.set(raw, (r = this.resolveUncached(raw)));
    return r;
  }

  private resolveUncached(raw: string): Resolved<RegionLite> {
    const text = raw.replace(/\s+/g, '');
    const hit = this.lookup(text) ?? this.lookup(this.withoutAncestor(text));
    if (hit) return hit;
    const outside = this.anywhere.get(text);
    if (outside) return { ok: false, message: `所属区域「${raw}」不在您的管辖范围内` };
    return { ok: false, message: `所属区域「${raw}」无法识别，请填写区县名称（如 莘县、东昌府区）或行政区划代码` };
  }

  private lookup(text: string): Resolved<RegionLite> | null {
    const list = this.inScope.get(text);
    if (!list?.length) return null;
    if (list.length > 1) {
      // "高新区" under a city and the same alias under a county: the closest to the root wins only if unique.
      const top = Math.min(...list.map((r) => r.path.length));
      const shallow = list.filter((r) => r.path.length === top);
      if (shallow.length === 1) return { ok: true, value: shallow[0]! };
      return { ok: false, message: `所属区域「${text}」对应多个区域（${list.map((r) => r.name).join('、')}），请填写行政区划代码` };
    }
    return { ok: true, value: list[0]! };
  }

  /** "聊城市莘县" → "莘县": people often write the city before the county. */
  private withoutAncestor(text: string): string {
    for (const [k, list] of this.inScope) {
      if (k.length >= 2 && text.length > k.length && text.startsWith(k) && list.some((r) => r.level !== 'park')) return text.slice(k.length);
    }
    return text;
  }

  /** The name an export writes: the full name, or the code where the name would be ambiguous. */
  exportName(code: string): string {
    const r = this.byCode.get(code);
    if (!r) return code;
    const list = this.inScope.get(r.name);
    return list && list.length === 1 ? r.name : r.code;
  }
}

export interface Lookups {
  regions: RegionIndex;
  orgs: Map<string, OrgLite>;
  /** Leaders (is_leader) by name, on the importer's branch of the tree (their subtree or above it). */
  leaders: Map<string, PersonLite[]>;
  batches: Map<string, BatchLite[]>;
  projects: Map<string, ExistingProject>;
}

export interface Names { codes: string[]; orgs: string[]; leaders: string[] }

export async function loadLookups(db: DbOrTx, p: Principal, names: Names, year: number): Promise<Lookups> {
  const [regions, orgs, people, batches, projects] = await sequential(
    () => loadAllRegions(db),
    () => loadOrgsByName(db, names.orgs),
    () => loadPeopleByName(db, names.leaders),
    () => loadBatchesInScope(db, p.regionPath),
    () => loadProjectsByCode(db, names.codes, year),
  );
  const leaders = new Map<string, PersonLite[]>();
  for (const person of people) {
    const onBranch = person.path.startsWith(p.regionPath) || p.regionPath.startsWith(person.path);
    if (person.isLeader && onBranch) leaders.set(person.name, [...(leaders.get(person.name) ?? []), person]);
  }
  const batchMap = new Map<string, BatchLite[]>();
  for (const b of batches) batchMap.set(b.name, [...(batchMap.get(b.name) ?? []), b]);
  return {
    regions: new RegionIndex(regions, p.regionPath),
    orgs: new Map(orgs.map((o) => [o.name, o])),
    leaders,
    batches: batchMap,
    projects: new Map(projects.map((x) => [x.code, x])),
  };
}

/**
 * The leader a name means for a project: the only one of that name, or else the one nearest above
 * the project's region (its county before its city). Several equally near: ambiguous.
 */
export function pickLeader(candidates: PersonLite[] | undefined, projectPath: string): PersonLite | 'ambiguous' | null {
  if (!candidates?.length) return null;
  if (candidates.length === 1) return candidates[0]!;
  const above = candidates.filter((c) => projectPath.startsWith(c.path)).sort((a, b) => b.path.length - a.path.length);
  if (above[0] && (above.length === 1 || above[0].path.length > above[1]!.path.length)) return above[0];
  return 'ambiguous';
}

/** One after another: inside a transaction the handle serves one query at a time anyway. */
async function sequential<T extends unknown[]>(...fns: { [K in keyof T]: () => Promise<T[K]> }): Promise<T> {
  const out: unknown[] = [];
  for (const f of fns) out.push(await f());
  return out as T;
}
