import type { FastifyInstance } from 'fastify';
import { errorBody, uuidParam } from '../../../contract/common.ts';
import { leaderDetail, leaderList, leaderListQuery } from '../../../contract/people.ts';
import { typed, type AppContext } from '../../context.ts';
import { requirePrincipal } from '../../plugins/auth.ts';
import * as leaders from './leaders.service.ts';

export async function leadersRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = typed(app);
  const { db } = ctx.database;
  const tags = ['包靠领导'];

  r.get('/leaders', {
    schema: { tags, summary: '包靠领导列表（含包靠项目数和总投资）', querystring: leaderListQuery, response: { 200: leaderList, 401: errorBody } },
  }, async (req) => ({ items: await leaders.listLeaders(db, requirePrincipal(req), req.query.q) }));

  r.get('/leaders/:id', {
    schema: { tags, summary: '领导包靠的项目与专班', params: uuidParam, response: { 200: leaderDetail, 404: errorBody } },
  }, async (req) => leaders.getLeader(db, requirePrincipal(req), req.params.id));
}
