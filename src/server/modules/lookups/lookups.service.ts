// Pick lists, always within the caller's region subtree.
import type { OrgKind } from '../../../domain/enums.ts';
import type { DbOrTx } from '../../db/client.ts';
import type { Principal } from '../access/principal.ts';
import * as repo from './lookups.repo.ts';
import { filterByText, mayBePinyin } from './text-match.ts';

/** How many candidates a pinyin query examines in JS; a city has a few thousand organisations. */
const PINYIN_CANDIDATES = 20000;

async function search<T extends { name: string }>(
  q: string | undefined,
  limit: number,
  load: (nameLike: string | undefined, limit: number) => Promise<T[]>,
): Promise<T[]> {
  if (!q) return load(undefined, limit);
  if (!mayBePinyin(q)) return filterByText(await load(q, limit * 5), q, limit);
  return filterByText(await load(undefined, PINYIN_CANDIDATES), q, limit);
}

export async function lookupOrgs(db: DbOrTx, p: Principal, f: { kind?: OrgKind; q?: string; limit: number }) {
  // Roadblocks go straight to the departments above the caller too (直通车): a county owner routes to the city's bureaus.
  const withAncestors = f.kind === 'department';
  const rows = await search(f.q, f.limit, (nameLike, limit) => repo.listOrgs(db, { scopePath: p.regionPath, kind: f.kind, nameLike, limit, withAncestors }));
  return rows.map((r) => ({ ...r, kind: r.kind as OrgKind }));
}

export async function lookupPeople(db: DbOrTx, p: Principal, f: { leader?: boolean; q?: string; limit: number }) {
  return search(f.q, f.limit, (nameLike, limit) =>
    repo.listPeople(db, { scopePath: p.regionPath, leadersOnly: f.leader, nameLike, limit }),
  );
}

export async function lookupTags(db: DbOrTx, p: Principal, q?: string) {
  return repo.listTags(db, { scopePath: p.regionPath, q });
}
