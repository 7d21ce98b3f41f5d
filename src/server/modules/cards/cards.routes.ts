// Routes of cards.
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../context.ts';

export async function cardsRoutes(_app: FastifyInstance, _ctx: AppContext) {}
