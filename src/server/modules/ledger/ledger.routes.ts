// HTTP for the ledger file: template download, import (dry run or commit), filtered export.
import { PassThrough } from 'node:stream';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { errorBody } from '../../../contract/common.ts';
import { exportQuery, importMapping, importPreview, importQuery, type ImportMapping } from '../../../contract/ledger.ts';
import { typed, type AppContext } from '../../context.ts';
import { invalid } from '../../errors.ts';
import { readUpload } from '../../plugins/multipart.ts';
import { attachmentHeader } from '../../io/ledger-export.ts';
import { buildLedgerTemplate } from '../../io/ledger-template.ts';
import { requirePrincipal } from '../../plugins/auth.ts';
import { requireOffice } from '../access/access.policy.ts';
import { prepareExport } from './ledger.export.ts';
import { commitImport, previewImport } from './ledger.service.ts';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export async function ledgerRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = typed(app);
  const { db } = ctx.database;
  const tags = ['台账导入导出'];
  let template: Promise<Buffer> | null = null;

  r.get('/ledger/template.xlsx', { schema: { tags, summary: '下载台账模板（.xlsx）' } }, async (req, reply) => {
    requirePrincipal(req);
    const buf = await (template ??= buildLedgerTemplate());
    return reply.type(XLSX).header('content-disposition', attachmentHeader('重点项目台账模板.xlsx', 'ledger-template.xlsx')).send(buf);
  });

  r.post('/ledger/import', {
    schema: {
      tags, summary: '导入台账（multipart：file，可选 mapping）；dryRun=true 仅预览',
      querystring: importQuery,
      response: { 200: importPreview, 400: errorBody, 403: errorBody, 409: errorBody, 413: errorBody, 415: errorBody },
    },
  }, async (req) => {
    const p = requirePrincipal(req);
    requireOffice(p);
    const upload = await readLedgerUpload(req);
    const opts = { mapping: upload.mapping, year: req.query.year, maxBytes: ctx.config.uploadMaxBytes };
    return req.query.dryRun
      ? previewImport(db, p, upload.file, upload.fileName, opts)
      : commitImport(db, p, upload.file, upload.fileName, opts);
  });

  r.get('/ledger/export.xlsx', {
    schema: { tags, summary: '按筛选条件导出台账（.xlsx，与模板同列，可改后再导入）', querystring: exportQuery },
  }, async (req, reply) => {
    const p = requirePrincipal(req);
    const job = await prepareExport(db, p, req.query);
    const out = new PassThrough();
    job.write(out).catch((err: unknown) => {
      req.log.error({ err }, 'ledger export failed mid-stream');
      out.destroy(err as Error);
    });
    return reply.type(XLSX).header('content-disposition', attachmentHeader(job.fileName, job.asciiFileName)).send(out);
  });
}

async function readLedgerUpload(req: FastifyRequest): Promise<{ file: Buffer; fileName: string; mapping?: ImportMapping }> {
  const { file, fileName, fields } = await readUpload(req, { what: ' .xlsx 文件', missing: '请选择要导入的 .xlsx 文件', defaultName: '台账.xlsx' });
  const mappingText = fields.mapping;
  if (!mappingText?.trim()) return { file, fileName };
  let json: unknown;
  try {
    json = JSON.parse(mappingText);
  } catch {
    throw invalid('列映射不是有效的 JSON', [{ field: 'mapping', message: '应为 {"表头": "字段"} 形式的 JSON' }]);
  }
  const parsed = importMapping.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw invalid(`列映射有误：${issue?.path.join('.') ?? ''} 不是可识别的字段`, [{ field: `mapping.${issue?.path.join('.') ?? ''}`, message: '不是可识别的字段' }]);
  }
  return { file, fileName, mapping: parsed.data };
}
