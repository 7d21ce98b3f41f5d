// Routes of the gantt feature (being built).
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../context.ts';

export async function ganttRoutes(_app: FastifyInstance, _ctx: AppContext) {}
