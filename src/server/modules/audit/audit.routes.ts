import type { FastifyInstance } from 'fastify';
import { auditList, auditQuery, auditVerification } from '../../../contract/audit.ts';
import { errorBody } from '../../../contract/common.ts';
import { typed, type AppContext } from '../../context.ts';
import { requirePrincipal } from '../../plugins/auth.ts';
import { checkAuditChain, searchAudit } from './audit.service.ts';

export async function auditRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = typed(app);
  const { db } = ctx.database;

  r.get('/audit', {
    schema: {
      tags: ['操作日志'],
      summary: '操作日志（项目办、系统管理员、督查审计；本辖区）',
      querystring: auditQuery,
      response: { 200: auditList, 403: errorBody },
    },
  }, async (req) => searchAudit(db, requirePrincipal(req), req.query));

  r.get('/audit/verify', {
    schema: {
      tags: ['操作日志'],
      summary: '校验操作日志哈希链（先封存待封存的记录；项目办、系统管理员、督查审计）',
      response: { 200: auditVerification, 403: errorBody },
    },
  }, async (req) => checkAuditChain(db, requirePrincipal(req)));
}
