// Routes of the map feature (being built).
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../context.ts';

export async function mapRoutes(_app: FastifyInstance, _ctx: AppContext) {}
