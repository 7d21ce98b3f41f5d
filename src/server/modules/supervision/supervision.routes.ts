// Routes of supervision orders (督办单) and the accountability list (约谈). HTTP only.
import type { FastifyInstance } from 'fastify';
import { errorBody, uuidParam } from '../../../contract/common.ts';
import {
  accountabilityEntry, accountabilityList, accountabilityListQuery, accountabilityRecord, orderAccept, orderReject, orderRespond,
  supervisionOrder, supervisionOrderList, supervisionOrderListQuery,
} from '../../../contract/supervision.ts';
import { typed, type AppContext } from '../../context.ts';
import { attachmentHeader } from '../../io/ledger-export.ts';
import { requirePrincipal } from '../../plugins/auth.ts';
import { accountabilityWorkbook, ordersWorkbook } from './supervision.export.ts';
import * as svc from './supervision.service.ts';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const errors = { 400: errorBody, 403: errorBody, 404: errorBody, 409: errorBody };

export async function supervisionRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = typed(app);
  const { db } = ctx.database;
  const tags = ['督办约谈'];

  r.get('/supervision-orders', {
    schema: { tags, summary: '督办单列表（红牌自动下发）', querystring: supervisionOrderListQuery, response: { 200: supervisionOrderList, 404: errorBody } },
  }, async (req) => svc.listOrders(db, requirePrincipal(req), req.query));

  r.get('/supervision-orders.xlsx', {
    schema: { tags, summary: '导出督办单台账（.xlsx）', querystring: supervisionOrderListQuery },
  }, async (req, reply) => {
    const book = await ordersWorkbook(await svc.allOrders(db, requirePrincipal(req), req.query));
    return reply.type(XLSX).header('content-disposition', attachmentHeader(book.fileName, book.asciiFileName)).send(book.buffer);
  });

  r.get('/supervision-orders/:id', {
    schema: { tags, summary: '督办单', params: uuidParam, response: { 200: supervisionOrder, 404: errorBody } },
  }, async (req) => svc.getOrder(db, requirePrincipal(req), req.params.id));

  r.post('/supervision-orders/:id/respond', {
    schema: { tags, summary: '书面答复督办单（责任单位或项目办）', params: uuidParam, body: orderRespond, response: { 200: supervisionOrder, ...errors } },
  }, async (req) => svc.respondOrder(db, requirePrincipal(req), req.params.id, req.body.response));

  r.post('/supervision-orders/:id/accept', {
    schema: { tags, summary: '认可答复（项目办）', params: uuidParam, body: orderAccept.nullish(), response: { 200: supervisionOrder, ...errors } },
  }, async (req) => svc.decideOrder(db, requirePrincipal(req), req.params.id, 'accepted', req.body?.note ?? null));

  r.post('/supervision-orders/:id/reject', {
    schema: { tags, summary: '退回答复（项目办，须写明理由）；退回后责任单位重新答复', params: uuidParam, body: orderReject, response: { 200: supervisionOrder, ...errors } },
  }, async (req) => svc.decideOrder(db, requirePrincipal(req), req.params.id, 'rejected', req.body.note));

  r.get('/accountability', {
    schema: { tags, summary: '约谈名单（连续两期红牌、督办单逾期）', querystring: accountabilityListQuery, response: { 200: accountabilityList, 404: errorBody } },
  }, async (req) => svc.listEntries(db, requirePrincipal(req), req.query));

  r.get('/accountability.xlsx', {
    schema: { tags, summary: '导出约谈名单（.xlsx）', querystring: accountabilityListQuery },
  }, async (req, reply) => {
    const book = await accountabilityWorkbook(await svc.allEntries(db, requirePrincipal(req), req.query));
    return reply.type(XLSX).header('content-disposition', attachmentHeader(book.fileName, book.asciiFileName)).send(book.buffer);
  });

  r.get('/accountability/:id', {
    schema: { tags, summary: '一条约谈记录（通知中的链接指向它）', params: uuidParam, response: { 200: accountabilityEntry, 404: errorBody } },
  }, async (req) => svc.getEntry(db, requirePrincipal(req), req.params.id));

  r.post('/accountability/:id/record', {
    schema: { tags, summary: '记录约谈情况（项目办）', params: uuidParam, body: accountabilityRecord, response: { 200: accountabilityEntry, ...errors } },
  }, async (req) => svc.recordTalk(db, requirePrincipal(req), req.params.id, req.body));
}
