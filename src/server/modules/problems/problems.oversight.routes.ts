// Routes of the roadblocks' oversight: the escalation run, the statistics and the city dispatch
// meeting's list (JSON, Word, Excel). Registered from problems.routes.ts before '/problems/:id'.
import type { FastifyInstance, FastifyReply } from 'fastify';
import { z } from 'zod';
import { errorBody, isoDate } from '../../../contract/common.ts';
import { dispatchRow, escalateQuery, escalationResult, problemStats, problemStatsQuery } from '../../../contract/problems.ts';
import { typed, type AppContext } from '../../context.ts';
import { attachmentHeader } from '../../io/ledger-export.ts';
import { requirePrincipal } from '../../plugins/auth.ts';
import { dispatchDocx, dispatchXlsx, getDispatchList, type DispatchFile } from './problems.dispatch.ts';
import { escalateNow } from './problems.escalation.ts';
import { getProblemStats } from './problems.stats.ts';

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export const dispatchList = z.object({ at: isoDate, items: z.array(dispatchRow) });

export async function problemsOversightRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = typed(app);
  const { db } = ctx.database;
  const tags = ['问题直通车'];
  const send = (reply: FastifyReply, type: string, f: DispatchFile) =>
    reply.type(type).header('content-disposition', attachmentHeader(f.fileName, f.asciiFileName)).send(f.buffer);

  r.post('/problems/escalate', {
    schema: {
      tags, summary: '超期问题逐级升级（项目办，本辖区；at 可补跑过去某日）并将逾期督办单列入约谈',
      querystring: escalateQuery, response: { 200: escalationResult, 400: errorBody, 403: errorBody },
    },
  }, async (req) => escalateNow(db, requirePrincipal(req), req.query.at));

  r.get('/problems/stats', {
    schema: {
      tags, summary: '问题统计：按牵头部门、类别或区域的未办结、已办结、按时办结率、平均办结天数、账龄（最慢在前）',
      querystring: problemStatsQuery, response: { 200: problemStats, 400: errorBody, 404: errorBody },
    },
  }, async (req) => getProblemStats(db, requirePrincipal(req), req.query));

  r.get('/problems/dispatch', {
    schema: { tags, summary: '市调度会问题清单（升级至市调度会且未办结）', response: { 200: dispatchList } },
  }, async (req) => getDispatchList(db, requirePrincipal(req)));

  r.get('/problems/dispatch.docx', {
    schema: { tags, summary: '导出市调度会问题清单（Word）' },
  }, async (req, reply) => send(reply, DOCX, await dispatchDocx(db, requirePrincipal(req))));

  r.get('/problems/dispatch.xlsx', {
    schema: { tags, summary: '导出市调度会问题清单（Excel）' },
  }, async (req, reply) => send(reply, XLSX, await dispatchXlsx(db, requirePrincipal(req))));
}
