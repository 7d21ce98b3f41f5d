// The caller's part of the region tree.
import type { RegionDto, RegionNodeDto } from '../../../contract/regions.ts';
import type { RegionLevel } from '../../../domain/enums.ts';
import type { DbOrTx } from '../../db/client.ts';
import { AppError, invalid, notFound } from '../../errors.ts';
import { requireRead } from '../access/access.policy.ts';
import type { Principal } from '../access/principal.ts';
import { getRegion, listSubtree } from './regions.repo.ts';

type Row = Awaited<ReturnType<typeof listSubtree>>[number];

/** Nests flat rows under their parents; rows whose parent is outside the set become roots. */
export function buildRegionTree(rows: Row[], rootCode?: string): RegionNodeDto[] {
  const nodes = new Map<string, RegionNodeDto & { sort: number }>();
  for (const r of rows) {
    nodes.set(r.code, { code: r.code, name: r.name, shortName: r.shortName, level: r.level as RegionLevel, children: [], sort: r.sort });
  }
  const roots: (RegionNodeDto & { sort: number })[] = [];
  for (const r of rows) {
    const node = nodes.get(r.code)!;
    const parent = r.code !== rootCode && r.parentCode ? nodes.get(r.parentCode) : undefined;
    if (parent) parent.children.push(node);
    else roots.push(node);
  }
  const bySort = (a: { sort: number; code: string }, b: { sort: number; code: string }) => a.sort - b.sort || a.code.localeCompare(b.code);
  const strip = (n: RegionNodeDto & { sort: number }): RegionNodeDto => ({
    code: n.code,
    name: n.name,
    shortName: n.shortName,
    level: n.level,
    children: (n.children as (RegionNodeDto & { sort: number })[]).sort(bySort).map(strip),
  });
  return roots.sort(bySort).map(strip);
}

export async function regionTree(db: DbOrTx, p: Principal): Promise<RegionNodeDto[]> {
  return buildRegionTree(await listSubtree(db, p.regionPath), p.regionCode);
}

export function toRegionDto(r: Row): RegionDto {
  return { code: r.code, name: r.name, shortName: r.shortName, level: r.level as RegionLevel, parentCode: r.parentCode, path: r.path };
}

export async function getRegionInScope(db: DbOrTx, p: Principal, code: string): Promise<RegionDto> {
  const row = await getRegion(db, code);
  if (!row) throw notFound('区域');
  requireRead(p, row.path, '区域');
  return toRegionDto(row);
}

/** A region the caller may assign records to; `field` names the request field in the error. */
export async function requireRegionInScope(db: DbOrTx, p: Principal | null, code: string, field = 'regionCode') {
  // "3715" and "371500" both mean 聊城市, as in the ledger.
  const row = await getRegion(db, /^\d{2,5}$/.test(code) ? code.padEnd(6, '0') : code);
  if (!row) {
    const message = `区域代码 ${code} 不存在`;
    throw invalid(message, [{ field, message }]);
  }
  if (p && !row.path.startsWith(p.regionPath)) {
    const message = `区域「${row.name}」不在您的管辖范围内`;
    throw new AppError('forbidden', message, [{ field, message }]);
  }
  return row;
}
