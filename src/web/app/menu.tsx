// The left menu and the account menu. Add an entry here when a page joins the route table.
import {
  AlertOutlined, AuditOutlined, DashboardOutlined, EnvironmentOutlined, FileWordOutlined, ScheduleOutlined, BarChartOutlined, BugOutlined, SafetyCertificateOutlined, CalendarOutlined, EditOutlined, FileExcelOutlined, FlagOutlined, KeyOutlined, LockOutlined, LogoutOutlined, ProfileOutlined,
  TeamOutlined, UserOutlined,
} from '@ant-design/icons';
import type { ReactNode } from 'react';
import type { Role } from '../../domain/enums.ts';
import { ADMIN_ROLES, AUDIT_ROLES, EDITOR_ROLES } from './permissions.ts';

export interface MenuEntry {
  /** Route path; also the menu key. */
  path: string;
  /** i18n key of the label. */
  labelKey: string;
  icon: ReactNode;
  roles?: readonly Role[];
}

export const mainMenu: MenuEntry[] = [
  { path: '/cockpit', labelKey: 'menu.cockpit', icon: <DashboardOutlined /> },
  { path: '/projects', labelKey: 'menu.ledger', icon: <ProfileOutlined /> },
  { path: '/reports', labelKey: 'menu.reports', icon: <EditOutlined /> },
  { path: '/periods', labelKey: 'menu.periods', icon: <CalendarOutlined /> },
  { path: '/stats', labelKey: 'menu.stats', icon: <BarChartOutlined /> },
  { path: '/cards', labelKey: 'menu.cards', icon: <SafetyCertificateOutlined /> },
  { path: '/supervision', labelKey: 'menu.supervision', icon: <AlertOutlined /> },
  { path: '/problems', labelKey: 'menu.problems', icon: <BugOutlined /> },
  { path: '/map', labelKey: 'menu.map', icon: <EnvironmentOutlined /> },
  { path: '/gantt', labelKey: 'menu.gantt', icon: <ScheduleOutlined /> },
  { path: '/bulletins', labelKey: 'menu.bulletins', icon: <FileWordOutlined /> },
  { path: '/batches', labelKey: 'menu.batches', icon: <FlagOutlined /> },
  { path: '/leaders', labelKey: 'menu.leaders', icon: <UserOutlined /> },
  { path: '/import', labelKey: 'menu.import', icon: <FileExcelOutlined />, roles: EDITOR_ROLES },
  { path: '/admin/users', labelKey: 'menu.users', icon: <TeamOutlined />, roles: ADMIN_ROLES },
  { path: '/admin/audit', labelKey: 'menu.audit', icon: <AuditOutlined />, roles: AUDIT_ROLES },
];

export const accountMenu: MenuEntry[] = [
  { path: '/account/password', labelKey: 'menu.changePassword', icon: <LockOutlined /> },
  { path: '/account/tokens', labelKey: 'menu.tokens', icon: <KeyOutlined /> },
];

export const LOGOUT_KEY = 'logout';
export const logoutIcon = <LogoutOutlined />;

export function visibleEntries(entries: MenuEntry[], role: Role): MenuEntry[] {
  return entries.filter((e) => !e.roles || e.roles.includes(role));
}

/** The menu entry a URL belongs to: the longest path that prefixes it. */
export function selectedKey(pathname: string, entries: MenuEntry[]): string | undefined {
  let best: string | undefined;
  for (const e of entries) {
    if ((pathname === e.path || pathname.startsWith(`${e.path}/`)) && (!best || e.path.length > best.length)) best = e.path;
  }
  return best;
}
