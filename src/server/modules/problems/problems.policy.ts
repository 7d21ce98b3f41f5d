// Who may do what with a roadblock.
// - Raise: anyone working on the project — its owner or responsible unit, the office/admin in scope,
//   the lead leader, a member of its special team (a user linked to a person on the team).
// - See: department users the roadblocks routed to their organisation (lead or co-handling); everyone
//   else those in their region subtree.
// - Accept and solve: users of the lead department, or the office/admin in scope. Handling notes:
//   the lead or a co-handling department, or the office.
// - Verify (close) or reopen: whoever raised it, or the office/admin in scope.
import type { ProblemPermissions } from '../../../contract/problems.ts';
import { canTransition, type ProblemStatus } from '../../../domain/problems.ts';
import { forbidden, notFound } from '../../errors.ts';
import { inScope, type ProjectAccessFacts } from '../access/access.policy.ts';
import type { Principal } from '../access/principal.ts';
import type { Visibility } from './problems.repo.ts';

export const isOffice = (p: Principal) => p.role === 'admin' || p.role === 'office';

export interface ProblemFacts {
  regionPath: string;
  status: ProblemStatus;
  departmentId: string;
  coDepartmentIds: readonly string[];
  raisedBy: string | null;
}

export function visibility(p: Principal): Visibility {
  if (p.role === 'department') return { kind: 'orgs', orgIds: p.orgId ? [p.orgId] : [] };
  return { kind: 'region', regionPath: p.regionPath };
}

const isLead = (p: Principal, f: ProblemFacts) => p.role === 'department' && !!p.orgId && p.orgId === f.departmentId;
const isCo = (p: Principal, f: ProblemFacts) => p.role === 'department' && !!p.orgId && f.coDepartmentIds.includes(p.orgId);
const isOfficeOver = (p: Principal, f: ProblemFacts) => isOffice(p) && inScope(p, f.regionPath);
const isRaiser = (p: Principal, f: ProblemFacts) => !!f.raisedBy && f.raisedBy === p.id;

export function canSee(p: Principal, f: ProblemFacts): boolean {
  if (p.role === 'department') return isLead(p, f) || isCo(p, f);
  return inScope(p, f.regionPath);
}

/** Reading: outside what the caller sees the roadblock "does not exist". */
export function requireSee(p: Principal, f: ProblemFacts): void {
  if (!canSee(p, f)) throw notFound('问题');
}

export function canRaise(p: Principal, project: ProjectAccessFacts, teamMember: boolean): boolean {
  if (!inScope(p, project.regionPath)) return false;
  if (isOffice(p)) return true;
  if (p.role === 'unit') return !!p.orgId && p.orgId === project.responsibleOrgId;
  if (p.role === 'owner') return !!p.orgId && p.orgId === project.ownerOrgId;
  if (p.role === 'viewer' || p.role === 'auditor') return false;
  if (p.personId && p.personId === project.leaderPersonId) return true;
  return teamMember;
}

export function requireRaise(p: Principal, project: ProjectAccessFacts, teamMember: boolean): void {
  if (!inScope(p, project.regionPath)) throw notFound('项目');
  if (!canRaise(p, project, teamMember)) throw forbidden('您无权为该项目提出问题（仅项目单位、责任单位、包联领导、专班成员和项目办可提出）');
}

export function permissions(p: Principal, f: ProblemFacts): ProblemPermissions {
  const handler = isLead(p, f) || isOfficeOver(p, f);
  const verifier = isRaiser(p, f) || isOfficeOver(p, f);
  const readOnly = p.role === 'viewer' || p.role === 'auditor';
  return {
    canAccept: handler && canTransition(f.status, 'accept'),
    canProgress: (handler || isCo(p, f)) && canTransition(f.status, 'progress'),
    canSolve: handler && canTransition(f.status, 'solve'),
    canVerify: verifier && canTransition(f.status, 'verify'),
    canReopen: verifier && canTransition(f.status, 'reopen'),
    canAttach: !readOnly && canSee(p, f) && f.status !== 'closed',
  };
}

const WHO = {
  accept: '仅牵头部门或项目办可受理问题',
  progress: '仅牵头部门、协办部门或项目办可记录办理情况',
  solve: '仅牵头部门或项目办可办结问题',
  verify: '仅问题提出人或项目办可验收',
  reopen: '仅问题提出人或项目办可重启问题',
} as const;

/** Who may take a step (the status is checked separately, so the message says which is wrong). */
export function requireActor(p: Principal, f: ProblemFacts, step: keyof typeof WHO): void {
  requireSee(p, f);
  const handler = isLead(p, f) || isOfficeOver(p, f);
  const ok = step === 'accept' || step === 'solve' ? handler
    : step === 'progress' ? handler || isCo(p, f)
      : isRaiser(p, f) || isOfficeOver(p, f);
  if (!ok) throw forbidden(WHO[step]);
}

export function requireAttach(p: Principal, f: ProblemFacts): void {
  requireSee(p, f);
  if (p.role === 'viewer' || p.role === 'auditor') throw forbidden('只读用户不能上传附件');
}
