// Every feature module, in the order they are registered under /api/v1.
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../context.ts';
import { authRoutes } from './auth/auth.routes.ts';

export type ModuleRoutes = (app: FastifyInstance, ctx: AppContext) => Promise<void>;

export const modules: ModuleRoutes[] = [authRoutes];
