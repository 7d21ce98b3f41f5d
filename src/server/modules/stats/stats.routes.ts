// Routes of the key figures: GET /stats and its spreadsheet exports.
import type { FastifyInstance, FastifyReply } from 'fastify';
import { errorBody } from '../../../contract/common.ts';
import { statsQuery, statsResult } from '../../../contract/stats.ts';
import { typed, type AppContext } from '../../context.ts';
import { attachmentHeader } from '../../io/ledger-export.ts';
import { requirePrincipal } from '../../plugins/auth.ts';
import { sendShaped } from '../../plugins/compression.ts';
import * as stats from './stats.service.ts';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export async function statsRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = typed(app);
  const { db } = ctx.database;
  const tags = ['统计分析'];
  const send = (reply: FastifyReply, f: stats.StatsFile) =>
    reply.type(XLSX).header('content-disposition', attachmentHeader(f.fileName, f.asciiFileName)).send(f.buffer);

  r.get('/stats', {
    schema: {
      tags, summary: '关键指标（投资完成率、资金到位率、开工率、按期竣工率、投产率…），按区域/行业/级别/类别/领导/单位/活动/项目/月份分组',
      querystring: statsQuery, response: { 200: statsResult, 400: errorBody, 404: errorBody },
    },
  }, async (req, reply) => sendShaped(reply, await stats.getStats(db, requirePrincipal(req), req.query)));

  r.get('/stats.xlsx', {
    schema: { tags, summary: '导出统计表（.xlsx，与 GET /stats 同参数）', querystring: statsQuery },
  }, async (req, reply) => send(reply, await stats.statsWorkbook(db, requirePrincipal(req), req.query)));

  r.get('/stats/standard.xlsx', {
    schema: { tags, summary: '导出重点项目进展情况统计表（分区域 + 项目明细）', querystring: statsQuery.pick({ region: true, year: true, month: true }) },
  }, async (req, reply) => send(reply, await stats.standardWorkbook(db, requirePrincipal(req), req.query)));
}
