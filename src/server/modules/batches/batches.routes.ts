import type { FastifyInstance } from 'fastify';
import {
  batchCreate, batchDetail, batchList, batchListQuery, batchPatch, batchProjectsPut,
} from '../../../contract/batches.ts';
import { errorBody, okBody, uuidParam } from '../../../contract/common.ts';
import { typed, type AppContext } from '../../context.ts';
import { requirePrincipal } from '../../plugins/auth.ts';
import * as batches from './batches.service.ts';

export async function batchesRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = typed(app);
  const { db } = ctx.database;
  const tags = ['集中开工'];
  const errors = { 400: errorBody, 403: errorBody, 404: errorBody };

  r.get('/batches', {
    schema: { tags, summary: '集中开工 / 集中签约活动列表', querystring: batchListQuery, response: { 200: batchList, 401: errorBody } },
  }, async (req) => ({ items: await batches.listBatches(db, requirePrincipal(req), req.query) }));

  r.get('/batches/:id', {
    schema: { tags, summary: '活动详情（含项目）', params: uuidParam, response: { 200: batchDetail, 404: errorBody } },
  }, async (req) => batches.getBatchDetail(db, requirePrincipal(req), req.params.id));

  r.post('/batches', {
    schema: { tags, summary: '新建活动（项目办）', body: batchCreate, response: { 201: batchDetail, ...errors } },
  }, async (req, reply) => {
    const created = await batches.createBatch(db, requirePrincipal(req), req.body);
    return reply.code(201).send(created);
  });

  r.patch('/batches/:id', {
    schema: { tags, summary: '修改活动（项目办）', params: uuidParam, body: batchPatch, response: { 200: batchDetail, ...errors } },
  }, async (req) => batches.updateBatch(db, requirePrincipal(req), req.params.id, req.body));

  r.put('/batches/:id/projects', {
    schema: { tags, summary: '设置活动项目（整体替换，项目办）', params: uuidParam, body: batchProjectsPut, response: { 200: batchDetail, ...errors } },
  }, async (req) => batches.setBatchProjects(db, requirePrincipal(req), req.params.id, req.body.projectIds));

  r.delete('/batches/:id', {
    schema: { tags, summary: '删除活动（项目办）', params: uuidParam, response: { 200: okBody, ...errors } },
  }, async (req) => {
    await batches.deleteBatch(db, requirePrincipal(req), req.params.id);
    return { ok: true as const };
  });
}
