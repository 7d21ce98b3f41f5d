// Routes of progress reporting: settings, periods, reports, corrections, photos, reminders and a
// project's month-by-month series. HTTP only: schema, principal, one service call.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { errorBody, okBody, uuidParam } from '../../../contract/common.ts';
import {
  correction, correctionCreate, correctionDecision, correctionList, correctionListQuery, correctionReject, period, periodClose, periodList,
  periodListQuery, periodOpen, periodProjects, periodProjectsQuery, projectSeries, projectSeriesQuery, reminderCreate, reminderResult, report,
  reportAction, reportList, reportListQuery, reportParams, reportPhoto, reportPut, reportReturn, reportingSettings, reportingSettingsPut,
  reportingSettingsQuery,
} from '../../../contract/reporting.ts';
import { typed, type AppContext } from '../../context.ts';
import { readUpload } from '../../plugins/multipart.ts';
import { attachmentHeader } from '../../io/ledger-export.ts';
import { requirePrincipal } from '../../plugins/auth.ts';
import * as corrections from './corrections.service.ts';
import * as lists from './lists.service.ts';
import * as periods from './periods.service.ts';
import * as photos from './photos.service.ts';
import * as reminders from './reminders.service.ts';
import * as reports from './reports.service.ts';
import * as settings from './settings.service.ts';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const errors = { 400: errorBody, 403: errorBody, 404: errorBody, 409: errorBody };

export async function reportingRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = typed(app);
  const { db } = ctx.database;
  const tags = ['调度填报'];

  // ───────────── settings ─────────────
  r.get('/reporting-settings', {
    schema: { tags, summary: '区域填报设置（未单独设置时继承上级或默认）', querystring: reportingSettingsQuery, response: { 200: reportingSettings, 404: errorBody } },
  }, async (req) => settings.getSettings(db, requirePrincipal(req), req.query.regionCode));

  r.put('/reporting-settings', {
    schema: { tags, summary: '修改区域填报设置（项目办）', body: reportingSettingsPut, response: { 200: reportingSettings, ...errors } },
  }, async (req) => settings.putSettings(db, requirePrincipal(req), req.body));

  // ───────────── periods ─────────────
  r.get('/periods', {
    schema: { tags, summary: '填报期间列表（本区域、上级区域和下级区域的期间）', querystring: periodListQuery, response: { 200: periodList } },
  }, async (req) => ({ items: await periods.listPeriods(db, requirePrincipal(req), req.query) }));

  r.post('/periods', {
    schema: { tags, summary: '开启填报期间（项目办）', body: periodOpen, response: { 201: period, ...errors } },
  }, async (req, reply) => reply.code(201).send(await periods.openPeriod(db, requirePrincipal(req), req.body)));

  r.get('/periods/:id', {
    schema: { tags, summary: '填报期间', params: uuidParam, response: { 200: period, 404: errorBody } },
  }, async (req) => periods.getPeriod(db, requirePrincipal(req), req.params.id));

  r.post('/periods/:id/close', {
    schema: { tags, summary: '锁定填报期间（项目办）；锁定后报告只能通过更正修改', params: uuidParam, body: periodClose.nullable(), response: { 200: period, ...errors } },
  }, async (req) => periods.closePeriod(db, requirePrincipal(req), req.params.id));

  r.get('/periods/:id/projects', {
    schema: { tags, summary: '期间内应填报的项目及填报状态', params: uuidParam, querystring: periodProjectsQuery, response: { 200: periodProjects, 404: errorBody } },
  }, async (req) => periods.periodProjects(db, requirePrincipal(req), req.params.id, req.query));

  r.post('/periods/:id/reminders', {
    schema: { tags, summary: '一键催报：记录提醒并生成可粘贴的催报通知', params: uuidParam, body: reminderCreate.nullish(), response: { 200: reminderResult, ...errors } },
  }, async (req) => reminders.sendReminders(db, requirePrincipal(req), req.params.id, req.body?.projectIds));

  for (const kind of ['reminders', 'projects'] as const) {
    r.get(`/periods/:id/${kind}.xlsx`, {
      schema: { tags, summary: kind === 'reminders' ? '导出催报名单（.xlsx）' : '导出期间填报情况表（.xlsx）', params: uuidParam },
    }, async (req, reply) => {
      const book = await reminders.periodWorkbook(db, requirePrincipal(req), req.params.id, kind);
      return reply.type(XLSX).header('content-disposition', attachmentHeader(book.fileName, book.asciiFileName)).send(book.buffer);
    });
  }

  // ───────────── reports ─────────────
  r.get('/reports', {
    schema: { tags, summary: '报告列表：due 待我填报、review 待我审核、all 全部', querystring: reportListQuery, response: { 200: reportList } },
  }, async (req) => ({ items: await lists.listReports(db, requirePrincipal(req), req.query) }));

  r.get('/reports/:projectId/:periodId', {
    schema: { tags, summary: '项目某期的进度报告（未填报时为空草稿，版本 0）', params: reportParams, response: { 200: report, 404: errorBody } },
  }, async (req) => reports.getReport(db, requirePrincipal(req), req.params.projectId, req.params.periodId));

  r.put('/reports/:projectId/:periodId', {
    schema: { tags, summary: '保存进度报告（version 须为当前版本，否则 409）', params: reportParams, body: reportPut, response: { 200: report, ...errors } },
  }, async (req) => reports.saveReport(db, requirePrincipal(req), req.params.projectId, req.params.periodId, req.body));

  r.post('/reports/:projectId/:periodId/submit', {
    schema: { tags, summary: '提交报告', params: reportParams, body: reportAction.nullable(), response: { 200: report, ...errors } },
  }, async (req) => reports.submitReport(db, requirePrincipal(req), req.params.projectId, req.params.periodId, req.body ?? {}));

  r.post('/reports/:projectId/:periodId/approve', {
    schema: { tags, summary: '审核通过（责任单位或项目办）', params: reportParams, body: reportAction.nullable(), response: { 200: report, ...errors } },
  }, async (req) => reports.approveReport(db, requirePrincipal(req), req.params.projectId, req.params.periodId, req.body ?? {}));

  r.post('/reports/:projectId/:periodId/return', {
    schema: { tags, summary: '退回报告（须写明原因）', params: reportParams, body: reportReturn, response: { 200: report, ...errors } },
  }, async (req) => reports.returnReport(db, requirePrincipal(req), req.params.projectId, req.params.periodId, req.body));

  // ───────────── corrections ─────────────
  r.post('/reports/:projectId/:periodId/corrections', {
    schema: { tags, summary: '申请更正已锁定期间的报告（须写明原因，由项目办审批）', params: reportParams, body: correctionCreate, response: { 201: correction, ...errors } },
  }, async (req, reply) => reply.code(201).send(await corrections.requestCorrection(db, requirePrincipal(req), req.params.projectId, req.params.periodId, req.body)));

  r.get('/report-corrections', {
    schema: { tags, summary: '更正申请列表', querystring: correctionListQuery, response: { 200: correctionList } },
  }, async (req) => ({ items: await corrections.listCorrections(db, requirePrincipal(req), req.query) }));

  r.post('/report-corrections/:id/approve', {
    schema: { tags, summary: '批准更正（项目办）', params: uuidParam, body: correctionDecision.nullable(), response: { 200: correction, ...errors } },
  }, async (req) => corrections.approveCorrection(db, requirePrincipal(req), req.params.id, req.body?.note));

  r.post('/report-corrections/:id/reject', {
    schema: { tags, summary: '驳回更正（项目办，须写明理由）', params: uuidParam, body: correctionReject, response: { 200: correction, ...errors } },
  }, async (req) => corrections.rejectCorrection(db, requirePrincipal(req), req.params.id, req.body.note));

  // ───────────── photos ─────────────
  r.post('/reports/:projectId/:periodId/photos', {
    schema: {
      tags, summary: '上传现场照片（multipart：file，可选 caption；JPEG/PNG/WebP/HEIC，≤ 10 MB）', params: reportParams,
      response: { 201: reportPhoto, ...errors, 413: errorBody, 415: errorBody },
    },
  }, async (req, reply) => {
    const upload = await readPhoto(req);
    return reply.code(201).send(await photos.addPhoto(db, requirePrincipal(req), req.params.projectId, req.params.periodId, upload));
  });

  r.get('/report-photos/:id', { schema: { tags, summary: '照片原图', params: uuidParam } }, async (req, reply) => {
    const ph = await photos.photoContent(db, requirePrincipal(req), req.params.id);
    return reply.type(ph.mimeType).header('cache-control', 'private, max-age=3600').header('x-content-type-options', 'nosniff').send(ph.content);
  });

  r.delete('/report-photos/:id', {
    schema: { tags, summary: '删除照片', params: uuidParam, response: { 200: okBody, ...errors } },
  }, async (req) => {
    await photos.deletePhoto(db, requirePrincipal(req), req.params.id);
    return { ok: true as const };
  });

  // ───────────── a project's series ─────────────
  r.get('/projects/:id/reports', {
    schema: { tags, summary: '项目逐月进度（已审核数字）', params: uuidParam, querystring: projectSeriesQuery, response: { 200: projectSeries, 404: errorBody } },
  }, async (req) => lists.projectSeries(db, requirePrincipal(req), req.params.id, req.query.year));
}

async function readPhoto(req: FastifyRequest): Promise<{ buffer: Buffer; fileName: string; caption: string | null }> {
  requirePrincipal(req);
  const u = await readUpload(req, { what: '照片', missing: '请选择要上传的照片', defaultName: 'photo' });
  return { buffer: u.file, fileName: u.fileName, caption: z.string().max(500).safeParse(u.fields.caption).data ?? null };
}
