import type { FastifyInstance } from 'fastify';
import { errorBody } from '../../../contract/common.ts';
import {
  orgLookupList, orgLookupQuery, personLookupList, personLookupQuery, tagList, tagLookupQuery,
} from '../../../contract/lookups.ts';
import { typed, type AppContext } from '../../context.ts';
import { requirePrincipal } from '../../plugins/auth.ts';
import * as lookups from './lookups.service.ts';

export async function lookupsRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = typed(app);
  const { db } = ctx.database;
  const tags = ['基础数据'];

  r.get('/lookups/orgs', {
    schema: { tags, summary: '单位选择列表（名称或拼音首字母）', querystring: orgLookupQuery, response: { 200: orgLookupList, 401: errorBody } },
  }, async (req) => ({ items: await lookups.lookupOrgs(db, requirePrincipal(req), req.query) }));

  r.get('/lookups/people', {
    schema: { tags, summary: '人员选择列表（leader=true 只列包靠领导）', querystring: personLookupQuery, response: { 200: personLookupList, 401: errorBody } },
  }, async (req) => ({ items: await lookups.lookupPeople(db, requirePrincipal(req), req.query) }));

  r.get('/lookups/tags', {
    schema: { tags, summary: '管辖范围内项目已用的标签', querystring: tagLookupQuery, response: { 200: tagList, 401: errorBody } },
  }, async (req) => ({ items: await lookups.lookupTags(db, requirePrincipal(req), req.query.q) }));
}
