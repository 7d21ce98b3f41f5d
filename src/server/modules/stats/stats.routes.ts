// Routes of the key figures: GET /stats and its spreadsheet exports.
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../context.ts';

export async function statsRoutes(_app: FastifyInstance, _ctx: AppContext) {}
