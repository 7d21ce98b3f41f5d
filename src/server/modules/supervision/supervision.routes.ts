// Routes of supervision.
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../context.ts';

export async function supervisionRoutes(_app: FastifyInstance, _ctx: AppContext) {}
