import type { FastifyInstance } from 'fastify';
import { tokenList } from '../../../contract/auth.ts';
import { errorBody, okBody, uuidParam } from '../../../contract/common.ts';
import { user, userCreate, userList, userListQuery, userPatch, userTokenParams } from '../../../contract/users.ts';
import { typed, type AppContext } from '../../context.ts';
import { requirePrincipal } from '../../plugins/auth.ts';
import * as users from './users.service.ts';

export async function usersRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = typed(app);
  const { db } = ctx.database;
  const tags = ['用户'];
  const errors = { 400: errorBody, 403: errorBody, 404: errorBody, 409: errorBody };

  r.get('/users', {
    schema: { tags, summary: '用户列表（系统管理员，本辖区）', querystring: userListQuery, response: { 200: userList, 403: errorBody } },
  }, async (req) => ({ items: await users.listUsers(db, requirePrincipal(req), req.query) }));

  r.post('/users', {
    schema: { tags, summary: '新建用户（系统管理员）', body: userCreate, response: { 201: user, ...errors } },
  }, async (req, reply) => {
    const created = await users.createUser(db, requirePrincipal(req), req.body);
    return reply.code(201).send(created);
  });

  r.patch('/users/:id', {
    schema: {
      tags,
      summary: '修改用户（停用或重置密码将结束其所有会话）',
      params: uuidParam,
      body: userPatch,
      response: { 200: user, ...errors },
    },
  }, async (req) => users.updateUser(db, requirePrincipal(req), req.params.id, req.body));

  r.get('/users/:id/tokens', {
    schema: { tags, summary: '用户的 API 令牌（系统管理员，本辖区；只显示前缀）', params: uuidParam, response: { 200: tokenList, ...errors } },
  }, async (req) => users.listUserTokens(db, requirePrincipal(req), req.params.id));

  r.delete('/users/:id/tokens/:tokenId', {
    schema: {
      tags, summary: '吊销用户的一个 API 令牌（系统管理员，本辖区；不影响其密码和其他令牌）',
      params: userTokenParams, response: { 200: okBody, ...errors },
    },
  }, async (req) => {
    await users.revokeUserToken(db, requirePrincipal(req), req.params.id, req.params.tokenId);
    return { ok: true as const };
  });
}
