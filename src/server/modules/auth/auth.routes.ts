import type { FastifyInstance } from 'fastify';
import {
  changePasswordBody, loginBody, loginResponse, meResponse, tokenCreateBody, tokenCreated, tokenList,
} from '../../../contract/auth.ts';
import { errorBody, okBody, uuidParam } from '../../../contract/common.ts';
import { serverClockNow } from '../../clock.ts';
import { typed, type AppContext } from '../../context.ts';
import { clearSessionCookies, requirePrincipal, SESSION_COOKIE, setSessionCookies } from '../../plugins/auth.ts';
import * as auth from './auth.service.ts';

export async function authRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = typed(app);
  const { db } = ctx.database;
  const tags = ['认证'];

  r.post('/auth/login', {
    schema: { tags, summary: '登录', body: loginBody, response: { 200: loginResponse, 401: errorBody, 423: errorBody } },
    config: { rateLimit: { max: 20, timeWindow: '1 minute' } },
  }, async (req, reply) => {
    const { cookieValue, csrfToken, user } = await auth.login(db, req.body.username, req.body.password, ctx.config.sessionHours);
    setSessionCookies(reply, cookieValue, csrfToken, ctx.config.secureCookies, ctx.config.sessionHours);
    return { user, csrfToken, clock: serverClockNow() };
  });

  r.post('/auth/logout', { schema: { tags, summary: '退出登录', response: { 200: okBody } } }, async (req, reply) => {
    const cookie = req.cookies[SESSION_COOKIE];
    if (cookie) await auth.logout(db, cookie);
    clearSessionCookies(reply);
    return { ok: true as const };
  });

  r.get('/auth/me', {
    schema: { tags, summary: '当前用户', response: { 200: meResponse, 401: errorBody } },
  }, async (req) => {
    const p = requirePrincipal(req);
    return { user: await auth.me(db, p), csrfToken: req.sessionCsrf, clock: serverClockNow() };
  });

  r.post('/auth/password', {
    schema: { tags, summary: '修改密码（所有会话随之失效）', body: changePasswordBody, response: { 200: okBody, 400: errorBody } },
    config: { rateLimit: { max: 10, timeWindow: '1 minute' } },
  }, async (req, reply) => {
    const p = requirePrincipal(req);
    await auth.changePassword(db, p, req.body.currentPassword, req.body.newPassword);
    clearSessionCookies(reply);
    return { ok: true as const };
  });

  r.get('/auth/tokens', { schema: { tags, summary: '我的 API 令牌', response: { 200: tokenList } } }, async (req) => {
    return { items: await auth.listTokens(db, requirePrincipal(req)) };
  });

  r.post('/auth/tokens', {
    schema: { tags, summary: '创建 API 令牌（只显示一次）', body: tokenCreateBody, response: { 200: tokenCreated } },
  }, async (req) => auth.createToken(db, requirePrincipal(req), req.body.name));

  r.delete('/auth/tokens/:id', {
    schema: { tags, summary: '吊销 API 令牌', params: uuidParam, response: { 200: okBody, 404: errorBody } },
  }, async (req) => {
    await auth.revokeToken(db, requirePrincipal(req), req.params.id);
    return { ok: true as const };
  });
}
