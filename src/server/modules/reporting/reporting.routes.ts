// Routes of progress reporting: periods, reports, corrections, photos, reminders.
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../context.ts';

export async function reportingRoutes(_app: FastifyInstance, _ctx: AppContext) {}
