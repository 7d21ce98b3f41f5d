import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Config } from './config.ts';
import type { Database } from './db/client.ts';

/** What every module receives: the database and the configuration. Nothing global. */
export interface AppContext {
  database: Database;
  config: Config;
}

export type Api = FastifyInstance['withTypeProvider'] extends () => infer R ? R : never;
export const typed = (app: FastifyInstance) => app.withTypeProvider<ZodTypeProvider>();
