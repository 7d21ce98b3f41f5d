// Routes of the cockpit feature (being built).
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../context.ts';

export async function cockpitRoutes(_app: FastifyInstance, _ctx: AppContext) {}
