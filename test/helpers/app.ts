// Builds the real app on a fresh test database, and signs users in.
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { buildApp } from '../../src/server/app.ts';
import { loadConfig, type Config } from '../../src/server/config.ts';
import type { Database } from '../../src/server/db/client.ts';
import { createTestDatabase } from './db.ts';
import { TEST_PASSWORD } from './factories.ts';

export interface TestApp {
  app: FastifyInstance;
  database: Database;
  close(): Promise<void>;
}

/**
 * The app on a fresh test database, or on `on` (e.g. a second app server on the same database); `o`
 * changes the configuration (behind a proxy, secure cookies) or serves a built web app.
 */
export async function buildTestApp(on?: Database, o: { config?: Partial<Config>; serveWeb?: boolean; webDist?: string } = {}): Promise<TestApp> {
  const database = on ?? (await createTestDatabase());
  const config = { ...loadConfig({}), dataDir: '/nonexistent', uploadMaxBytes: 20 * 1024 * 1024, ...o.config };
  const app = await buildApp({ database, config }, { serveWeb: o.serveWeb, webDist: o.webDist });
  await app.ready();
  return {
    app,
    database,
    async close() {
      await app.close();
      await database.close();
    },
  };
}

/** A signed-in client: sends the session cookie and the CSRF header like the web app does. */
export interface Client {
  request(opts: InjectOptions): Promise<LightMyRequestResponse>;
  get(url: string): Promise<LightMyRequestResponse>;
  post(url: string, payload?: unknown): Promise<LightMyRequestResponse>;
  patch(url: string, payload?: unknown): Promise<LightMyRequestResponse>;
  put(url: string, payload?: unknown): Promise<LightMyRequestResponse>;
  delete(url: string): Promise<LightMyRequestResponse>;
}

/** A session cookie and its CSRF token, as the web app keeps them. */
export interface Session {
  cookie: string;
  csrf: string;
}

export async function signIn(app: FastifyInstance, username: string, password = TEST_PASSWORD): Promise<Session> {
  const res = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password } });
  if (res.statusCode !== 200) throw new Error(`login ${username} failed: ${res.statusCode} ${res.body}`);
  const cookie = res.cookies.find((c) => c.name === 'tuijin_session')!.value;
  const csrf = (res.json() as { csrfToken: string }).csrfToken;
  return { cookie, csrf };
}

/** A client sending `session` to `app` (any app server: the session lives in the database). */
export function sessionClient(app: FastifyInstance, { cookie, csrf }: Session): Client {
  const request = (opts: InjectOptions) =>
    app.inject({ ...opts, headers: { cookie: `tuijin_session=${cookie}`, 'x-csrf-token': csrf, ...(opts.headers ?? {}) } });
  return {
    request,
    get: (url) => request({ method: 'GET', url }),
    post: (url, payload) => request({ method: 'POST', url, payload: payload as InjectOptions['payload'] }),
    patch: (url, payload) => request({ method: 'PATCH', url, payload: payload as InjectOptions['payload'] }),
    put: (url, payload) => request({ method: 'PUT', url, payload: payload as InjectOptions['payload'] }),
    delete: (url) => request({ method: 'DELETE', url }),
  };
}

export async function login(app: FastifyInstance, username: string, password = TEST_PASSWORD): Promise<Client> {
  return sessionClient(app, await signIn(app, username, password));
}
