// What the interface offers each role. The server decides for real; this only hides what would
// be refused anyway.
import type { Role } from '../../domain/enums.ts';

export const EDITOR_ROLES: readonly Role[] = ['admin', 'office'];
export const AUDIT_ROLES: readonly Role[] = ['admin', 'office', 'auditor'];
export const ADMIN_ROLES: readonly Role[] = ['admin'];

export const canCreateProjects = (role: Role) => EDITOR_ROLES.includes(role);
export const canImport = (role: Role) => EDITOR_ROLES.includes(role);
export const canManageUsers = (role: Role) => ADMIN_ROLES.includes(role);
export const canReadAudit = (role: Role) => AUDIT_ROLES.includes(role);
