// Builds the Fastify app: external plugins → our plugins → modules → one error handler.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import compress from '@fastify/compress';
import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import multipart from '@fastify/multipart';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance } from 'fastify';
import { jsonSchemaTransform, jsonSchemaTransformObject, serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from './context.ts';
import { databaseHealth } from './db/client.ts';
import { registerAuth } from './plugins/auth.ts';
import { COMPRESSION } from './plugins/compression.ts';
import { registerDataVersions } from './plugins/data-versions.ts';
import { frameworkErrors, registerErrorHandlers } from './plugins/errors.ts';
import { registerInputGuard } from './plugins/input-guard.ts';
import { modules } from './modules/index.ts';

// Validation messages in Chinese, the users' language; a field left out says so plainly rather than
// "expected string, received undefined".
z.config(z.locales.zhCN());
z.config({ customError: (iss) => (iss.code === 'invalid_type' && iss.input === undefined ? '此项为必填项，请填写' : undefined) });

/** The n proxies nearest the server (proxy-addr counts hops from the socket's address, 0). */
const trustHops = (n: number) => (_addr: string, hop: number) => hop < n;

export const WEB_DIST = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../dist/web');

export async function buildApp(
  ctx: AppContext,
  opts: { logger?: boolean; serveWeb?: boolean; /** The built web app (default dist/web); tests serve one of their own. */ webDist?: string } = {},
): Promise<FastifyInstance> {
  const webDist = opts.webDist ?? WEB_DIST;
  const app = Fastify({
    // Request logs are for operators (LOG_LEVEL=info); a person starting the demo sees warnings only.
    logger: opts.logger ? { level: process.env.LOG_LEVEL || 'warn' } : false,
    bodyLimit: 5 * 1024 * 1024,
    // The client's address (sign-in rate limit) comes from X-Forwarded-For only from the proxies
    // TRUST_PROXY names; by default it is the socket's, which a client cannot forge.
    trustProxy: typeof ctx.config.trustProxy === 'number' ? trustHops(ctx.config.trustProxy) : ctx.config.trustProxy,
    frameworkErrors,
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  const spa = !!opts.serveWeb && fs.existsSync(path.join(webDist, 'index.html'));
  registerErrorHandlers(app, { spa });

  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        styleSrc: ["'self'", "'unsafe-inline'"],
        scriptSrc: ["'self'"],
        connectSrc: ["'self'"],
        fontSrc: ["'self'", 'data:'],
        objectSrc: ["'none'"],
        frameAncestors: ["'none'"],
        // Only behind TLS: over plain HTTP it would send the pages' own requests to https and break
        // the app for anyone who opens it by the server's address.
        upgradeInsecureRequests: ctx.config.secureCookies ? [] : null,
      },
    },
  });
  await app.register(compress, COMPRESSION);
  await app.register(cookie);
  await app.register(rateLimit, { global: false });
  await app.register(multipart, { limits: { fileSize: ctx.config.uploadMaxBytes, files: 1, fields: 20 } });
  await app.register(swagger, {
    openapi: {
      info: { title: 'Tuijin 推进 · 重点项目推进平台 API', version: '1.0.0', description: '金额单位：万元（十进制字符串）；日期：YYYY-MM-DD。' },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'tuijin_session' },
          bearer: { type: 'http', scheme: 'bearer' },
        },
      },
      security: [{ session: [] }, { bearer: [] }],
    },
    transform: jsonSchemaTransform,
    transformObject: jsonSchemaTransformObject,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs' });

  registerDataVersions(app, ctx.database.pool);
  registerAuth(app, ctx.database.db);
  registerInputGuard(app);

  // ?db=1 also asks the database (load balancers); the plain check never waits for it.
  app.get('/api/health', { schema: { hide: true } }, async (req, reply) => {
    if (!(req.query as Record<string, string>).db) return { ok: true };
    const state = await databaseHealth(ctx.database.pool);
    return reply.code(state === 'down' ? 503 : 200).send({ ok: state !== 'down', database: state });
  });

  await app.register(
    async (api) => {
      for (const mod of modules) await api.register(async (scope) => mod(scope, ctx));
    },
    { prefix: '/api/v1' },
  );

  // Files are looked up per request, so a rebuilt bundle is served without a restart.
  if (spa) {
    await app.register(fastifyStatic, {
      root: webDist,
      prefix: '/',
      // The build writes .br and .gz beside each file (vite.config.ts): sent as they are.
      preCompressed: true,
      // Hashed bundles never change; index.html must be revalidated so an upgrade is picked up.
      setHeaders: (reply: { header(k: string, v: string): unknown }, filePath: string) => {
        reply.header('cache-control', filePath.includes(`${path.sep}assets${path.sep}`) ? 'public, max-age=31536000, immutable' : 'no-cache');
      },
    });
  }
  return app;
}
