// Every feature module, in the order they are registered under /api/v1.
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../context.ts';
import { authRoutes } from './auth/auth.routes.ts';
import { projectRoutes } from './projects/projects.routes.ts';
import { auditRoutes } from './audit/audit.routes.ts';
import { batchesRoutes } from './batches/batches.routes.ts';
import { lookupsRoutes } from './lookups/lookups.routes.ts';
import { leadersRoutes } from './people/leaders.routes.ts';
import { ledgerRoutes } from './ledger/ledger.routes.ts';
import { regionsRoutes } from './regions/regions.routes.ts';
import { usersRoutes } from './users/users.routes.ts';
import { reportingRoutes } from './reporting/reporting.routes.ts';
import { statsRoutes } from './stats/stats.routes.ts';
import { cardsRoutes } from './cards/cards.routes.ts';
import { supervisionRoutes } from './supervision/supervision.routes.ts';
import { problemsRoutes } from './problems/problems.routes.ts';
import { notificationsRoutes } from './notifications/notifications.routes.ts';
import { cockpitRoutes } from './cockpit/cockpit.routes.ts';
import { mapRoutes } from './map/map.routes.ts';
import { ganttRoutes } from './gantt/gantt.routes.ts';
import { bulletinsRoutes } from './bulletins/bulletins.routes.ts';

export type ModuleRoutes = (app: FastifyInstance, ctx: AppContext) => Promise<void>;

export const modules: ModuleRoutes[] = [authRoutes, projectRoutes, regionsRoutes, lookupsRoutes, batchesRoutes, leadersRoutes, usersRoutes, auditRoutes, ledgerRoutes, reportingRoutes, statsRoutes,
  cardsRoutes, supervisionRoutes, problemsRoutes, notificationsRoutes, cockpitRoutes, mapRoutes, ganttRoutes, bulletinsRoutes];
