// Routes of the monthly bulletin: issue, list, read (with what changed since), Word and Excel
// rendered from the frozen figures, and the office's settings.
import type { FastifyInstance, FastifyReply } from 'fastify';
import {
  bulletinChanges, bulletinCreate, bulletinDetail, bulletinDetailQuery, bulletinList, bulletinListQuery, bulletinMonths, bulletinMonthsQuery,
  bulletinSettings, bulletinSettingsPut, bulletinSettingsQuery,
} from '../../../contract/bulletins.ts';
import { errorBody, uuidParam } from '../../../contract/common.ts';
import { typed, type AppContext } from '../../context.ts';
import { attachmentHeader } from '../../io/ledger-export.ts';
import { requirePrincipal } from '../../plugins/auth.ts';
import * as bulletins from './bulletins.service.ts';

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export async function bulletinsRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = typed(app);
  const { db } = ctx.database;
  const tags = ['月度通报'];
  const errors = { 400: errorBody, 403: errorBody, 404: errorBody, 409: errorBody };
  const send = (reply: FastifyReply, type: string, f: bulletins.BulletinFile) =>
    reply.type(type).header('content-disposition', attachmentHeader(f.fileName, f.asciiFileName)).send(f.buffer);

  r.post('/bulletins', {
    schema: {
      tags, summary: '生成并印发月度通报（项目办）：按已锁定的填报期间（periodId），或按统计月份（month，下级区域当月的期间须全部锁定）汇总数据并冻结保存，返回通报及其 id',
      body: bulletinCreate, response: { 201: bulletinDetail, ...errors },
    },
  }, async (req, reply) => reply.code(201).send(await bulletins.issueBulletin(db, requirePrincipal(req), req.body)));

  r.get('/bulletins', {
    schema: { tags, summary: '已印发的通报（本辖区，可按区域、年份筛选）', querystring: bulletinListQuery, response: { 200: bulletinList, 400: errorBody, 404: errorBody } },
  }, async (req) => ({ items: await bulletins.listBulletins(db, requirePrincipal(req), req.query) }));

  r.get('/bulletins/months', {
    schema: {
      tags, summary: '可生成通报的统计月份（某区域某年）：每月由哪些期间组成，是否已全部锁定，尚未锁定或尚未开启的区域',
      querystring: bulletinMonthsQuery, response: { 200: bulletinMonths, 400: errorBody, 404: errorBody },
    },
  }, async (req) => bulletins.bulletinMonths(db, requirePrincipal(req), req.query));

  r.get('/bulletins/:id.docx', {
    schema: { tags, summary: '下载通报（Word，按印发时冻结的数据生成）', params: uuidParam },
  }, async (req, reply) => send(reply, DOCX, await bulletins.bulletinDocx(db, requirePrincipal(req), req.params.id)));

  r.get('/bulletins/:id.xlsx', {
    schema: { tags, summary: '下载通报附件：项目明细表（Excel，按印发时冻结的数据生成）', params: uuidParam },
  }, async (req, reply) => send(reply, XLSX, await bulletins.bulletinXlsx(db, requirePrincipal(req), req.params.id)));

  r.get('/bulletins/:id', {
    schema: {
      tags, summary: '通报详情：冻结的数据，以及与当前数据相比的变化（changes=false 时不比较，变化另由 /changes 给出）',
      params: uuidParam, querystring: bulletinDetailQuery, response: { 200: bulletinDetail, 400: errorBody, 404: errorBody },
    },
  }, async (req) => bulletins.getBulletin(db, requirePrincipal(req), req.params.id, req.query.changes !== 'false'));

  r.get('/bulletins/:id/changes', {
    schema: { tags, summary: '通报印发以来数据的变化（按同一期间或月份重新汇总后比较）', params: uuidParam, response: { 200: bulletinChanges, 404: errorBody } },
  }, async (req) => bulletins.getBulletinChanges(db, requirePrincipal(req), req.params.id));

  r.get('/bulletin-settings', {
    schema: { tags, summary: '通报设置（发文机关、文号前缀、期间锁定时自动生成）', querystring: bulletinSettingsQuery, response: { 200: bulletinSettings, 404: errorBody } },
  }, async (req) => bulletins.getSettings(db, requirePrincipal(req), req.query.region));

  r.put('/bulletin-settings', {
    schema: { tags, summary: '保存通报设置（项目办）', querystring: bulletinSettingsQuery, body: bulletinSettingsPut, response: { 200: bulletinSettings, ...errors } },
  }, async (req) => bulletins.saveSettings(db, requirePrincipal(req), { ...req.body, regionCode: req.body.regionCode ?? req.query.region }));
}
