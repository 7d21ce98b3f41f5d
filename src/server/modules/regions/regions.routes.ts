import type { FastifyInstance } from 'fastify';
import { errorBody } from '../../../contract/common.ts';
import { region, regionCodeParam, regionTree } from '../../../contract/regions.ts';
import { typed, type AppContext } from '../../context.ts';
import { requirePrincipal } from '../../plugins/auth.ts';
import * as regions from './regions.service.ts';

export async function regionsRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = typed(app);
  const { db } = ctx.database;
  const tags = ['基础数据'];

  r.get('/regions/tree', {
    schema: { tags, summary: '我的管辖区域树（根为本人所属区域）', response: { 200: regionTree, 401: errorBody } },
  }, async (req) => ({ tree: await regions.regionTree(db, requirePrincipal(req)) }));

  r.get('/regions/:code', {
    schema: { tags, summary: '区域详情（仅管辖范围内）', params: regionCodeParam, response: { 200: region, 404: errorBody } },
  }, async (req) => regions.getRegionInScope(db, requirePrincipal(req), req.params.code));
}
