// The route table. Every page is loaded on demand so sign-in and the ledger stay light.
// Feature pages live in src/web/features/<feature>/ and export a default component.
import { lazy, type ComponentType, type LazyExoticComponent } from 'react';
import type { Role } from '../../domain/enums.ts';
import { ADMIN_ROLES, AUDIT_ROLES, EDITOR_ROLES } from './permissions.ts';

export interface AppRoute {
  /** Path below the app root, without the leading slash. */
  path: string;
  component: LazyExoticComponent<ComponentType>;
  /** Roles allowed; omitted means every signed-in user. */
  roles?: readonly Role[];
}

const LedgerPage = lazy(() => import('../features/projects/LedgerPage.tsx'));
const ProjectCardPage = lazy(() => import('../features/projects/ProjectCardPage.tsx'));
const ProjectFormPage = lazy(() => import('../features/projects/ProjectFormPage.tsx'));

export const appRoutes: AppRoute[] = [
  { path: 'projects', component: LedgerPage },
  { path: 'projects/new', component: ProjectFormPage, roles: EDITOR_ROLES },
  { path: 'projects/:id', component: ProjectCardPage },
  { path: 'projects/:id/edit', component: ProjectFormPage },
  { path: 'batches', component: lazy(() => import('../features/batches/BatchesPage.tsx')) },
  { path: 'batches/:id', component: lazy(() => import('../features/batches/BatchDetailPage.tsx')) },
  { path: 'leaders', component: lazy(() => import('../features/leaders/LeadersPage.tsx')) },
  { path: 'leaders/:id', component: lazy(() => import('../features/leaders/LeaderPage.tsx')) },
  { path: 'import', component: lazy(() => import('../features/import/ImportPage.tsx')), roles: EDITOR_ROLES },
  { path: 'reports', component: lazy(() => import('../features/reporting/ReportsPage.tsx')) },
  { path: 'reports/:projectId/:periodId', component: lazy(() => import('../features/reporting/ReportPage.tsx')) },
  { path: 'periods', component: lazy(() => import('../features/reporting/PeriodsPage.tsx')) },
  { path: 'periods/:id', component: lazy(() => import('../features/reporting/PeriodPage.tsx')) },
  { path: 'stats', component: lazy(() => import('../features/stats/StatsPage.tsx')) },
  { path: 'cards', component: lazy(() => import('../features/cards/CardsPage.tsx')) },
  { path: 'cards/rules', component: lazy(() => import('../features/cards/CardRulesPage.tsx')) },
  { path: 'supervision', component: lazy(() => import('../features/cards/SupervisionPage.tsx')) },
  { path: 'problems', component: lazy(() => import('../features/problems/ProblemsPage.tsx')) },
  { path: 'problems/stats', component: lazy(() => import('../features/problems/ProblemStatsPage.tsx')) },
  { path: 'problems/settings', component: lazy(() => import('../features/problems/ProblemSettingsPage.tsx')), roles: EDITOR_ROLES },
  { path: 'problems/:id', component: lazy(() => import('../features/problems/ProblemPage.tsx')) },
  { path: 'notifications', component: lazy(() => import('../features/problems/NotificationsPage.tsx')) },
  { path: 'cockpit', component: lazy(() => import('../features/cockpit/CockpitPage.tsx')) },
  { path: 'map', component: lazy(() => import('../features/map/MapPage.tsx')) },
  { path: 'gantt', component: lazy(() => import('../features/gantt/GanttPage.tsx')) },
  { path: 'bulletins', component: lazy(() => import('../features/bulletins/BulletinsPage.tsx')) },
  { path: 'bulletins/:id', component: lazy(() => import('../features/bulletins/BulletinPage.tsx')) },
  { path: 'account/password', component: lazy(() => import('../features/account/ChangePasswordPage.tsx')) },
  { path: 'account/tokens', component: lazy(() => import('../features/account/TokensPage.tsx')) },
  { path: 'admin/users', component: lazy(() => import('../features/admin/UsersPage.tsx')), roles: ADMIN_ROLES },
  { path: 'admin/audit', component: lazy(() => import('../features/admin/AuditPage.tsx')), roles: AUDIT_ROLES },
];

/** Where "home" is. */
export const HOME_PATH = '/projects';
