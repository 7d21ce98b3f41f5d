// Routes of the timeline (进度计划): a project's Gantt rows, a portfolio, and both as .xlsx.
import { PassThrough } from 'node:stream';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { errorBody, uuidParam } from '../../../contract/common.ts';
import { portfolioGantt, portfolioQuery, projectGantt } from '../../../contract/gantt.ts';
import { typed, type AppContext } from '../../context.ts';
import { attachmentHeader } from '../../io/ledger-export.ts';
import { requirePrincipal } from '../../plugins/auth.ts';
import { preparePortfolioExport, prepareProjectExport, type PreparedGanttExport } from './gantt.export.ts';
import * as gantt from './gantt.service.ts';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

function stream(req: FastifyRequest, reply: FastifyReply, job: PreparedGanttExport) {
  const out = new PassThrough();
  job.write(out).catch((err: unknown) => {
    req.log.error({ err }, 'gantt export failed mid-stream');
    out.destroy(err as Error);
  });
  return reply.type(XLSX).header('content-disposition', attachmentHeader(job.fileName, job.asciiFileName)).send(out);
}

export async function ganttRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = typed(app);
  const { db } = ctx.database;
  const tags = ['进度计划'];
  const errors = { 400: errorBody, 404: errorBody };

  r.get('/projects/:id/gantt', {
    schema: {
      tags, summary: '项目进度计划（手续与节点：计划、原计划、实际日期，状态按今天判定）', params: uuidParam,
      response: { 200: projectGantt, ...errors },
    },
  }, async (req) => gantt.getProjectGantt(db, requirePrincipal(req), req.params.id));

  r.get('/projects/:id/gantt.xlsx', {
    schema: { tags, summary: '导出项目进度计划（.xlsx，与 JSON 同行）', params: uuidParam },
  }, async (req, reply) => stream(req, reply, await prepareProjectExport(db, requirePrincipal(req), req.params.id)));

  r.get('/gantt', {
    schema: {
      tags, summary: '项目群进度计划：按包靠领导、区域或集中开工活动（可按阶段筛选），分页',
      querystring: portfolioQuery, response: { 200: portfolioGantt, ...errors },
    },
  }, async (req) => gantt.getPortfolio(db, requirePrincipal(req), req.query));

  r.get('/gantt.xlsx', {
    schema: { tags, summary: '导出项目群进度计划（.xlsx，每个手续/节点一行，与 GET /gantt 同参数，不分页）', querystring: portfolioQuery },
  }, async (req, reply) => stream(req, reply, await preparePortfolioExport(db, requirePrincipal(req), req.query)));
}
