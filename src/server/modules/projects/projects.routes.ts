import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { errorBody, uuidParam } from '../../../contract/common.ts';
import {
  annualPlan, annualPlanPut, factorNeed, historyList, milestone, procedure, project, projectCard, projectCreate, projectList,
  projectListQuery, projectPatch, stageChange, teamMember,
} from '../../../contract/projects.ts';
import { typed, type AppContext } from '../../context.ts';
import { requirePrincipal } from '../../plugins/auth.ts';
import { sendJson } from '../../plugins/compression.ts';
import { requestVersions } from '../../plugins/data-versions.ts';
import * as card from './card.service.ts';
import * as svc from './projects.service.ts';

export async function projectRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = typed(app);
  const { db } = ctx.database;
  const tags = ['项目台账'];
  const errors = { 400: errorBody, 401: errorBody, 403: errorBody, 404: errorBody, 409: errorBody };

  // The page is built to `projectList` by the service and sent as JSON text kept per server under
  // the ledger's data version (see listProjectsPage), compressed once per encoding.
  const pages = ctx.config.listCache ? svc.createListCache() : null;
  r.get('/projects', {
    schema: { tags, summary: '台账查询（筛选、排序、分页、合计）', querystring: projectListQuery, response: { 200: projectList, ...errors } },
  }, async (req, reply) => {
    const p = requirePrincipal(req);
    const ledger = pages ? (await requestVersions(req)).ledger : '';
    return sendJson(req, reply, await svc.listProjectsPage(db, p, req.query, pages, ledger));
  });

  r.post('/projects', {
    schema: { tags, summary: '新建项目（建档立卡）', body: projectCreate, response: { 201: project, ...errors } },
  }, async (req, reply) => {
    const dto = await svc.createProject(db, requirePrincipal(req), req.body);
    return reply.code(201).send(dto);
  });

  r.get('/projects/:id', {
    schema: { tags, summary: '项目', params: uuidParam, querystring: z.object({ year: z.coerce.number().int().optional() }), response: { 200: project, ...errors } },
  }, async (req) => svc.getProject(db, requirePrincipal(req), req.params.id, req.query.year));

  r.patch('/projects/:id', {
    schema: { tags, summary: '修改项目（带 version 防止覆盖他人修改）', params: uuidParam, body: projectPatch, response: { 200: project, ...errors } },
  }, async (req) => svc.updateProject(db, requirePrincipal(req), req.params.id, req.body));

  r.post('/projects/:id/stage', {
    schema: { tags, summary: '阶段变更', params: uuidParam, body: stageChange, response: { 200: project, ...errors } },
  }, async (req) => svc.changeStage(db, requirePrincipal(req), req.params.id, req.body));

  r.get('/projects/:id/card', {
    schema: { tags: ['建档立卡'], summary: '项目档案卡（全部页签）', params: uuidParam, response: { 200: projectCard, ...errors } },
  }, async (req) => card.getCard(db, requirePrincipal(req), req.params.id));

  r.get('/projects/:id/history', {
    schema: {
      tags: ['建档立卡'], summary: '变更记录', params: uuidParam,
      querystring: z.object({ before: z.coerce.number().int().optional() }), response: { 200: historyList, ...errors },
    },
  }, async (req) => card.getHistory(db, requirePrincipal(req), req.params.id, req.query.before));

  const tabs = [
    ['team', 'team', teamMember, '专班与联系人'],
    ['procedures', 'procedures', procedure, '审批手续'],
    ['factor-needs', 'factorNeeds', factorNeed, '要素需求'],
    ['milestones', 'milestones', milestone, '节点'],
  ] as const;
  for (const [path, tab, item, label] of tabs) {
    r.put(`/projects/:id/${path}`, {
      schema: {
        tags: ['建档立卡'], summary: `保存${label}（整体替换）`, params: uuidParam,
        body: z.object({ items: z.array(item).max(200) }), response: { 200: z.object({ items: z.array(z.any()) }), ...errors },
      },
    }, async (req) => card.replaceTab(db, requirePrincipal(req), req.params.id, tab, req.body.items as never));
  }

  const planParams = z.object({ id: z.uuid(), year: z.coerce.number().int().min(2000, '年份应在 2000 到 2100 之间').max(2100, '年份应在 2000 到 2100 之间') });
  r.get('/projects/:id/annual-plans/:year', {
    schema: { tags: ['年度计划'], summary: '年度计划', params: planParams, response: { 200: annualPlan, ...errors } },
  }, async (req) => card.getAnnualPlan(db, requirePrincipal(req), req.params.id, req.params.year));

  r.put('/projects/:id/annual-plans/:year', {
    schema: { tags: ['年度计划'], summary: '设置年度计划（可选 12 个月分解）', params: planParams, body: annualPlanPut, response: { 200: annualPlan, ...errors } },
  }, async (req) => card.putAnnualPlan(db, requirePrincipal(req), req.params.id, req.params.year, req.body));
}
