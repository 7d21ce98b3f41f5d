// Routes of problems.
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../context.ts';

export async function problemsRoutes(_app: FastifyInstance, _ctx: AppContext) {}
