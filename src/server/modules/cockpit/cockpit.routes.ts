// Routes of the cockpit (驾驶舱): everything the page shows in one response, and the gauges' targets.
import type { FastifyInstance } from 'fastify';
import { cockpitQuery, cockpitResult, cockpitTargets, cockpitTargetsPutQuery, cockpitTargetsQuery, cockpitTargetValues } from '../../../contract/cockpit.ts';
import { errorBody } from '../../../contract/common.ts';
import { typed, type AppContext } from '../../context.ts';
import { requirePrincipal } from '../../plugins/auth.ts';
import { sendShaped } from '../../plugins/compression.ts';
import * as cockpit from './cockpit.service.ts';

export async function cockpitRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = typed(app);
  const { db } = ctx.database;
  const tags = ['驾驶舱'];
  const errors = { 400: errorBody, 403: errorBody, 404: errorBody };

  r.get('/cockpit', {
    schema: {
      tags, summary: '驾驶舱：项目数与总投资、年度计划与完成率、四率仪表（对目标）、投资 S 曲线（今年与去年）、下级区域排名、亮牌分布与红牌名单、问题堵点、集中开工/签约（口径同统计分析）',
      querystring: cockpitQuery, response: { 200: cockpitResult, ...errors },
    },
  }, async (req, reply) => sendShaped(reply, await cockpit.getCockpit(db, requirePrincipal(req), req.query)));

  r.get('/cockpit/targets', {
    schema: { tags, summary: '驾驶舱四率目标（本区域设置，否则上级区域，否则默认值）', querystring: cockpitTargetsQuery, response: { 200: cockpitTargets, ...errors } },
  }, async (req) => cockpit.getTargets(db, requirePrincipal(req), req.query));

  r.put('/cockpit/targets', {
    schema: { tags, summary: '设置驾驶舱四率目标（项目办；百分数）', querystring: cockpitTargetsPutQuery, body: cockpitTargetValues, response: { 200: cockpitTargets, ...errors } },
  }, async (req) => cockpit.putTargets(db, requirePrincipal(req), req.query, req.body));
}
