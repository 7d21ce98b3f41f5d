// Routes of the key figures: GET /stats and its spreadsheet exports.
import type { FastifyInstance } from 'fastify';
import { errorBody } from '../../../contract/common.ts';
import { statsQuery, statsResult } from '../../../contract/stats.ts';
import { typed, type AppContext } from '../../context.ts';
import { requirePrincipal } from '../../plugins/auth.ts';
import * as stats from './stats.service.ts';

export async function statsRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = typed(app);
  const { db } = ctx.database;
  const tags = ['统计分析'];

  r.get('/stats', {
    schema: {
      tags, summary: '关键指标（投资完成率、资金到位率、开工率、按期竣工率、投产率…），按区域/行业/级别/类别/领导/单位/活动/项目/月份分组',
      querystring: statsQuery, response: { 200: statsResult, 400: errorBody, 404: errorBody },
    },
  }, async (req) => stats.getStats(db, requirePrincipal(req), req.query));
}
