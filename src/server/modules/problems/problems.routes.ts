// Routes of roadblocks (问题直通车): list, raise, read, the life-cycle steps, attachments, the
// working-day adjustments and the per-region settings. HTTP only: schema, principal, one service call.
// Escalation, statistics and the dispatch-meeting exports live in their own files, registered below.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { errorBody, uuidParam } from '../../../contract/common.ts';
import {
  problem, problemAccept, problemAttachment, problemAttachmentParams, problemCreate, problemList, problemListQuery, problemProgress,
  problemReopen, problemSettings, problemSettingsPut, problemSettingsQuery, problemSolve, problemVerify, workdayAdjustmentList,
  workdayAdjustmentsPut, workdayAdjustmentsQuery,
} from '../../../contract/problems.ts';
import { typed, type AppContext } from '../../context.ts';
import { readUpload } from '../../plugins/multipart.ts';
import { attachmentHeader } from '../../io/ledger-export.ts';
import { requirePrincipal } from '../../plugins/auth.ts';
import { problemsOversightRoutes } from './problems.oversight.routes.ts';
import * as service from './problems.service.ts';

const errors = { 400: errorBody, 403: errorBody, 404: errorBody, 409: errorBody };

export async function problemsRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = typed(app);
  const { db } = ctx.database;
  const tags = ['问题直通车'];

  // ───────────── escalation, statistics, dispatch exports (other files) ─────────────
  // Registered here, before '/problems/:id', one line each, e.g.:
  //   await problemsEscalationRoutes(app, ctx);
  //   await problemsStatsRoutes(app, ctx);
  await problemsOversightRoutes(app, ctx);
  // ───────────── end of other files ─────────────

  r.get('/problems', {
    schema: { tags, summary: '问题列表（部门用户：交办本部门牵头或协办的；其他：本区域）', querystring: problemListQuery, response: { 200: problemList, 400: errorBody } },
  }, async (req) => service.listProblems(db, requirePrincipal(req), req.query));

  r.post('/problems', {
    schema: { tags, summary: '提出问题（项目单位、责任单位、包联领导、专班成员、项目办）', body: problemCreate, response: { 201: problem, ...errors } },
  }, async (req, reply) => reply.code(201).send(await service.raiseProblem(db, requirePrincipal(req), req.body)));

  r.get('/problems/:id', {
    schema: { tags, summary: '问题详情（含办理记录、附件、可执行操作）', params: uuidParam, response: { 200: problem, 404: errorBody } },
  }, async (req) => service.getProblem(db, requirePrincipal(req), req.params.id));

  r.post('/problems/:id/accept', {
    schema: { tags, summary: '受理并承诺办结时限（牵头部门或项目办）', params: uuidParam, body: problemAccept, response: { 200: problem, ...errors } },
  }, async (req) => service.acceptProblem(db, requirePrincipal(req), req.params.id, req.body));

  r.post('/problems/:id/progress', {
    schema: { tags, summary: '记录办理情况（牵头、协办部门或项目办）', params: uuidParam, body: problemProgress, response: { 200: problem, ...errors } },
  }, async (req) => service.recordProgress(db, requirePrincipal(req), req.params.id, req.body));

  r.post('/problems/:id/solve', {
    schema: { tags, summary: '办结（牵头部门或项目办）', params: uuidParam, body: problemSolve, response: { 200: problem, ...errors } },
  }, async (req) => service.solveProblem(db, requirePrincipal(req), req.params.id, req.body));

  r.post('/problems/:id/verify', {
    schema: { tags, summary: '验收通过并关闭（提出人或项目办）', params: uuidParam, body: problemVerify.nullable(), response: { 200: problem, ...errors } },
  }, async (req) => service.verifyProblem(db, requirePrincipal(req), req.params.id, req.body ?? undefined));

  r.post('/problems/:id/reopen', {
    schema: { tags, summary: '验收不通过，重启（提出人或项目办；重新计算受理时限）', params: uuidParam, body: problemReopen, response: { 200: problem, ...errors } },
  }, async (req) => service.reopenProblem(db, requirePrincipal(req), req.params.id, req.body));

  // ───────────── attachments ─────────────
  r.post('/problems/:id/attachments', {
    schema: {
      tags, summary: '上传附件（multipart：file；PDF、图片或 Office 文档，≤ 20 MB）', params: uuidParam,
      response: { 201: problemAttachment, ...errors, 413: errorBody, 415: errorBody },
    },
  }, async (req, reply) => {
    const file = await readFile(req);
    return reply.code(201).send(await service.addAttachment(db, requirePrincipal(req), req.params.id, file));
  });

  r.get('/problems/:id/attachments/:attachmentId', {
    schema: { tags, summary: '下载附件', params: problemAttachmentParams },
  }, async (req, reply) => {
    const a = await service.attachmentContent(db, requirePrincipal(req), req.params.id, req.params.attachmentId);
    const ext = /\.[a-z0-9]{1,5}$/i.exec(a.fileName)?.[0] ?? '';
    return reply
      .type(a.mimeType)
      .header('content-disposition', attachmentHeader(a.fileName, `attachment${ext}`))
      .header('x-content-type-options', 'nosniff')
      .header('cache-control', 'private, max-age=3600')
      .send(a.content);
  });

  // ───────────── working days and settings ─────────────
  r.get('/workdays/adjustments', {
    schema: { tags, summary: '工作日调整（项目办）', querystring: workdayAdjustmentsQuery, response: { 200: workdayAdjustmentList, 403: errorBody } },
  }, async (req) => service.getAdjustments(db, requirePrincipal(req), req.query.year));

  r.put('/workdays/adjustments', {
    schema: { tags, summary: '替换工作日调整（项目办；给出 year 时只替换该年）', body: workdayAdjustmentsPut, response: { 200: workdayAdjustmentList, ...errors } },
  }, async (req) => service.putAdjustments(db, requirePrincipal(req), req.body));

  r.get('/problem-settings', {
    schema: { tags, summary: '区域问题设置（受理时限、升级天数；未单独设置时继承上级或默认）', querystring: problemSettingsQuery, response: { 200: problemSettings, 404: errorBody } },
  }, async (req) => service.getProblemSettings(db, requirePrincipal(req), req.query.regionCode));

  r.put('/problem-settings', {
    schema: { tags, summary: '修改区域问题设置（项目办）', body: problemSettingsPut, response: { 200: problemSettings, ...errors } },
  }, async (req) => service.putProblemSettings(db, requirePrincipal(req), req.body));
}

async function readFile(req: FastifyRequest): Promise<{ buffer: Buffer; fileName: string }> {
  requirePrincipal(req);
  const u = await readUpload(req, { what: '附件', missing: '请选择要上传的附件', defaultName: 'attachment' });
  return { buffer: u.file, fileName: u.fileName };
}
