// Who may do what. Every service calls these before it reads or writes; every query is also
// filtered by the caller's region path, so a record outside the subtree is never even loaded.
import type { Role } from '../../../domain/enums.ts';
import { forbidden, notFound } from '../../errors.ts';
import type { Principal } from './principal.ts';

const EDITORS: readonly Role[] = ['admin', 'office'];

export function inScope(p: Principal, regionPath: string): boolean {
  return regionPath.startsWith(p.regionPath);
}

/** Reading a record: it must sit in the caller's subtree. Outside it, the record "does not exist". */
export function requireRead(p: Principal, regionPath: string, what = '记录'): void {
  if (!inScope(p, regionPath)) throw notFound(what);
}

export interface ProjectAccessFacts {
  regionPath: string;
  ownerOrgId: string | null;
  responsibleOrgId: string | null;
  leaderPersonId: string | null;
}

/** May the caller edit this project's file card? */
export function canEditProject(p: Principal, project: ProjectAccessFacts): boolean {
  if (!inScope(p, project.regionPath)) return false;
  if (EDITORS.includes(p.role)) return true;
  if (p.role === 'unit') return !!p.orgId && p.orgId === project.responsibleOrgId;
  if (p.role === 'owner') return !!p.orgId && p.orgId === project.ownerOrgId;
  return false;
}

export function requireEditProject(p: Principal, project: ProjectAccessFacts): void {
  requireRead(p, project.regionPath, '项目');
  if (!canEditProject(p, project)) throw forbidden('您无权修改该项目');
}

/** Stage changes are an office decision: the unit responsible may also record them. */
export function canChangeStage(p: Principal, project: ProjectAccessFacts): boolean {
  if (!inScope(p, project.regionPath)) return false;
  if (EDITORS.includes(p.role)) return true;
  return p.role === 'unit' && !!p.orgId && p.orgId === project.responsibleOrgId;
}

export function requireChangeStage(p: Principal, project: ProjectAccessFacts): void {
  requireRead(p, project.regionPath, '项目');
  if (!canChangeStage(p, project)) throw forbidden('您无权变更该项目的阶段');
}

/** Whether the caller is the project office (of the region, when given). */
export function canOffice(p: Principal, regionPath?: string): boolean {
  return EDITORS.includes(p.role) && (regionPath === undefined || inScope(p, regionPath));
}

/** Creating projects, importing ledgers, managing batches: the project office. */
export function requireOffice(p: Principal, regionPath?: string): void {
  if (!EDITORS.includes(p.role)) throw forbidden('仅项目办可执行此操作');
  if (regionPath !== undefined && !inScope(p, regionPath)) throw forbidden('目标区域不在您的管辖范围内');
}

export function requireAdmin(p: Principal): void {
  if (p.role !== 'admin') throw forbidden('仅系统管理员可执行此操作');
}

/** The full change history across projects: office, admin and auditors. */
export function requireAuditRead(p: Principal): void {
  if (!['admin', 'office', 'auditor'].includes(p.role)) throw forbidden('仅项目办和督查审计人员可查看操作日志');
}
