// Routes of notifications.
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../context.ts';

export async function notificationsRoutes(_app: FastifyInstance, _ctx: AppContext) {}
