// Who may do what with reports. Filing: the owner, the responsible unit on its behalf, the office.
// Reviewing: the responsible unit or the office, never the owner. Corrections after a period is
// locked are decided by the office alone. Everyone else in scope reads.
import type { Role } from '../../../domain/enums.ts';
import { forbidden } from '../../errors.ts';
import { inScope, requireRead, type ProjectAccessFacts } from '../access/access.policy.ts';
import type { Principal } from '../access/principal.ts';

const OFFICE: readonly Role[] = ['admin', 'office'];

export const isOffice = (p: Principal) => OFFICE.includes(p.role);
const isUnitOf = (p: Principal, f: ProjectAccessFacts) => p.role === 'unit' && !!p.orgId && p.orgId === f.responsibleOrgId;
const isOwnerOf = (p: Principal, f: ProjectAccessFacts) => p.role === 'owner' && !!p.orgId && p.orgId === f.ownerOrgId;

export function canFileReport(p: Principal, f: ProjectAccessFacts): boolean {
  return inScope(p, f.regionPath) && (isOffice(p) || isUnitOf(p, f) || isOwnerOf(p, f));
}

export function canReviewReport(p: Principal, f: ProjectAccessFacts): boolean {
  return inScope(p, f.regionPath) && (isOffice(p) || isUnitOf(p, f));
}

export function canDecideCorrection(p: Principal, regionPath: string): boolean {
  return inScope(p, regionPath) && isOffice(p);
}

export function requireFileReport(p: Principal, f: ProjectAccessFacts): void {
  requireRead(p, f.regionPath, '项目');
  if (!canFileReport(p, f)) throw forbidden('您无权填报该项目的调度进度（仅项目单位、责任单位和项目办可填报）');
}

export function requireReviewReport(p: Principal, f: ProjectAccessFacts): void {
  requireRead(p, f.regionPath, '项目');
  if (!canReviewReport(p, f)) throw forbidden('仅责任单位或项目办可审核进度报告');
}

export function requireDecideCorrection(p: Principal, regionPath: string): void {
  requireRead(p, regionPath, '更正申请');
  if (!canDecideCorrection(p, regionPath)) throw forbidden('更正申请仅由项目办审批');
}

/** Reminders (催报): the office, and a responsible unit for its own projects. */
export function requireRemind(p: Principal): void {
  if (!isOffice(p) && p.role !== 'unit') throw forbidden('仅项目办和责任单位可发送催报提醒');
}

/** SQL-free filter for "projects this caller files": office → all in scope; unit/owner → their org's. */
export function fileFilter(p: Principal): { kind: 'all' } | { kind: 'unit' | 'owner'; orgId: string } | { kind: 'none' } {
  if (isOffice(p)) return { kind: 'all' };
  if ((p.role === 'unit' || p.role === 'owner') && p.orgId) return { kind: p.role, orgId: p.orgId };
  return { kind: 'none' };
}
