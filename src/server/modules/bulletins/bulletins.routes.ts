// Routes of the bulletins feature (being built).
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../context.ts';

export async function bulletinsRoutes(_app: FastifyInstance, _ctx: AppContext) {}
