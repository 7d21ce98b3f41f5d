// Routes of the war map: boundaries (read, admin upload and reset) and the projects on the map.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { errorBody, okBody } from '../../../contract/common.ts';
import { boundaries, boundariesQuery, boundaryUploadQuery, mapProjects, mapProjectsQuery, regionCodeParam } from '../../../contract/map.ts';
import { typed, type AppContext } from '../../context.ts';
import { requirePrincipal } from '../../plugins/auth.ts';
import { readUpload } from '../../plugins/multipart.ts';
import * as map from './map.service.ts';

export async function mapRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = typed(app);
  const { db } = ctx.database;
  const tags = ['挂图作战'];
  const errors = { 400: errorBody, 403: errorBody, 404: errorBody };

  r.get('/map/boundaries', {
    schema: {
      tags, summary: '区域下辖区县的边界（GeoJSON FeatureCollection）：管理员上传的优先，否则为内置边界；含 source（数据来源署名）',
      querystring: boundariesQuery, response: { 200: boundaries, ...errors },
    },
  }, async (req) => map.getBoundaries(db, requirePrincipal(req), req.query));

  r.put('/map/boundaries/:regionCode', {
    schema: {
      tags, summary: '上传区域下辖区县的边界（系统管理员；multipart 字段 file，或 JSON 请求体为 FeatureCollection）；每个要素须按区划代码或名称对应到一个下辖区域',
      params: regionCodeParam, querystring: boundaryUploadQuery, response: { 200: boundaries, ...errors, 413: errorBody, 415: errorBody },
    },
  }, async (req) => {
    const p = requirePrincipal(req);
    return map.uploadBoundaries(db, p, req.params.regionCode, await readBoundaryUpload(req, req.query.source));
  });

  r.delete('/map/boundaries/:regionCode', {
    schema: { tags, summary: '删除上传的边界，恢复内置边界（系统管理员）', params: regionCodeParam, response: { 200: okBody, ...errors } },
  }, async (req) => {
    await map.resetBoundaries(db, requirePrincipal(req), req.params.regionCode);
    return { ok: true as const };
  });

  r.get('/map/projects', {
    schema: {
      tags, summary: '地图上的项目（坐标、总投资、阶段、产业、亮牌颜色、包靠领导）及无坐标项目清单；默认不含已调出项目',
      querystring: mapProjectsQuery, response: { 200: mapProjects, ...errors },
    },
  }, async (req) => map.getMapProjects(db, requirePrincipal(req), req.query));
}

async function readBoundaryUpload(req: FastifyRequest, source?: string): Promise<map.BoundaryUpload> {
  if (!req.isMultipart()) return { json: req.body, source };
  const u = await readUpload(req, { what: ' GeoJSON 文件', missing: '请选择要上传的 GeoJSON 文件', defaultName: 'boundaries.geojson' });
  return { file: u.file, fileName: u.fileName, source: u.fields.source ?? source };
}
