// Resolves who is calling (session cookie or bearer token) and defends cookie sessions against CSRF.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Db } from '../db/client.ts';
import { AppError } from '../errors.ts';
import type { Principal } from '../modules/access/principal.ts';
import { createCallerCache, resolveSession, resolveToken } from '../modules/auth/auth.service.ts';
import { requestVersions } from './data-versions.ts';

export const SESSION_COOKIE = 'tuijin_session';
export const CSRF_COOKIE = 'tuijin_csrf';
export const CSRF_HEADER = 'x-csrf-token';

declare module 'fastify' {
  interface FastifyRequest {
    principal: Principal | null;
    sessionCsrf: string | null;
  }
}

const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Callers are kept in memory per server under the `auth` data version, read once per request
 * (plugins/data-versions.ts), so a credential ended on any server is refused everywhere at once.
 */
export function registerAuth(app: FastifyInstance, db: Db): void {
  const callers = createCallerCache();
  const lookup = async (req: FastifyRequest) => ({ cache: callers, version: (await requestVersions(req)).auth });
  app.decorateRequest('principal', null);
  app.decorateRequest('sessionCsrf', null);
  app.addHook('onRequest', async (req) => {
    if (!req.url.startsWith('/api/v1/')) return;
    const auth = req.headers.authorization;
    if (auth?.startsWith('Bearer ')) {
      req.principal = await resolveToken(db, auth.slice(7).trim(), await lookup(req));
      if (!req.principal) throw new AppError('unauthenticated', 'API 令牌无效或已吊销');
      return;
    }
    const cookie = req.cookies[SESSION_COOKIE];
    if (!cookie) return;
    const s = await resolveSession(db, cookie, await lookup(req));
    if (!s) return;
    req.principal = s.principal;
    req.sessionCsrf = s.csrfToken;
    // Cookie sessions must prove the request came from our pages: the CSRF token travels in a
    // header that another site's form or script cannot set.
    if (!SAFE.has(req.method) && req.headers[CSRF_HEADER] !== s.csrfToken) {
      throw new AppError('csrf_failed', '请求校验失败（CSRF），请刷新页面后重试');
    }
  });
}

/** The caller, or a 401. Routes call this first. */
export function requirePrincipal(req: FastifyRequest): Principal {
  if (!req.principal) throw new AppError('unauthenticated', '请先登录');
  return req.principal;
}

export function setSessionCookies(reply: FastifyReply, cookieValue: string, csrfToken: string, secure: boolean, hours: number) {
  const maxAge = hours * 3600;
  reply.setCookie(SESSION_COOKIE, cookieValue, { path: '/', httpOnly: true, sameSite: 'lax', secure, maxAge });
  reply.setCookie(CSRF_COOKIE, csrfToken, { path: '/', httpOnly: false, sameSite: 'strict', secure, maxAge });
}

export function clearSessionCookies(reply: FastifyReply) {
  reply.clearCookie(SESSION_COOKIE, { path: '/' });
  reply.clearCookie(CSRF_COOKIE, { path: '/' });
}
