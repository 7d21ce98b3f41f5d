// One place that turns every failure into the error shape { error: { code, message, details } }.
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import { AppError, type FieldIssue } from '../errors.ts';

export const PART_LABEL: Record<string, string> = { body: '请求体', querystring: '查询参数', params: '路径参数', headers: '请求头' };

/** `spa`: GET requests outside /api answer with the web app's index.html (client-side routes). */
export function registerErrorHandlers(app: FastifyInstance, opts: { spa?: boolean } = {}): void {
  app.setErrorHandler((err: FastifyError, req, reply) => {
    if (err instanceof AppError) {
      return reply.code(err.status).send({ error: { code: err.code, message: err.message, details: err.details } });
    }
    if (hasZodFastifySchemaValidationErrors(err)) {
      const details: FieldIssue[] = err.validation.map((v) => {
        const path = v.instancePath.replace(/^\//, '').replace(/\//g, '.');
        return { field: path || (err.validationContext ?? 'body'), message: v.message ?? '取值不正确' };
      });
      const where = PART_LABEL[err.validationContext ?? 'body'] ?? '请求';
      const first = details[0];
      const message = first ? `${where}有误：${first.field} ${first.message}` : `${where}有误`;
      return reply.code(400).send({ error: { code: 'validation_failed', message, details } });
    }
    if (isResponseSerializationError(err)) {
      req.log.error({ err, issues: err.cause.issues }, 'response does not match its schema');
      return reply.code(500).send({ error: { code: 'internal', message: '服务器内部错误', details: [] } });
    }
    if (err.code === 'FST_ERR_CTP_INVALID_JSON_BODY' || err.code === 'FST_ERR_CTP_EMPTY_JSON_BODY') {
      return reply.code(400).send({ error: { code: 'validation_failed', message: '请求体不是有效的 JSON', details: [{ field: 'body', message: '不是有效的 JSON' }] } });
    }
    if (err.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') {
      return reply.code(415).send({ error: { code: 'unsupported_file', message: '不支持的请求内容类型', details: [] } });
    }
    if (err.code === 'FST_REQ_FILE_TOO_LARGE' || err.code === 'FST_ERR_CTP_BODY_TOO_LARGE' || err.statusCode === 413) {
      return reply.code(413).send({ error: { code: 'payload_too_large', message: '上传内容过大', details: [] } });
    }
    if (err.statusCode === 429) {
      return reply.code(429).send({ error: { code: 'rate_limited', message: '请求过于频繁，请稍后再试', details: [] } });
    }
    if (isDatabaseUnavailable(err)) {
      req.log.warn({ err }, 'database unavailable');
      // The pool drops the broken connections and opens new ones on the next request: no restart needed.
      return reply.code(503).header('retry-after', '5')
        .send({ error: { code: 'database_unavailable', message: '数据库暂时不可用，请稍后重试', details: [] } });
    }
    if (err.statusCode && err.statusCode >= 400 && err.statusCode < 500) {
      return reply.code(err.statusCode).send({ error: { code: 'validation_failed', message: err.message, details: [] } });
    }
    req.log.error({ err }, 'unhandled error');
    return reply.code(500).send({ error: { code: 'internal', message: '服务器内部错误', details: [] } });
  });

  app.setNotFoundHandler((req, reply) => {
    if (opts.spa && req.method === 'GET' && isClientRoute(req.url)) return reply.type('text/html').sendFile('index.html');
    return reply.code(404).send({ error: { code: 'not_found', message: `接口不存在：${req.method} ${req.url.split('?')[0]}`, details: [] } });
  });
}

/**
 * Errors the router raises before any route or error handler runs — a path that does not decode,
 * a path segment over the router's length limit — in the same shape as every other error.
 */
export function frameworkErrors(err: FastifyError, req: FastifyRequest, reply: FastifyReply): void {
  if (err.code === 'FST_ERR_BAD_URL' || err.code === 'FST_ERR_MAX_PARAM_LENGTH') {
    const tooLong = err.code === 'FST_ERR_MAX_PARAM_LENGTH';
    const message = tooLong ? '请求地址中的参数过长' : '请求地址含有无法解码的字符';
    void reply.code(tooLong ? 414 : 400).send({ error: { code: 'validation_failed', message, details: [{ field: 'url', message }] } });
    return;
  }
  req.log.error({ err }, 'router error');
  void reply.code(500).send({ error: { code: 'internal', message: '服务器内部错误', details: [] } });
}

/** The database cannot be reached, or dropped the connection, or is shutting down or starting up: the
 * error itself or its cause (Drizzle wraps the driver's error in one of its own). */
function isDatabaseUnavailable(err: unknown): boolean {
  for (let e = err as { code?: unknown; message?: unknown; cause?: unknown } | undefined, depth = 0; e && depth < 5; e = e.cause as typeof e, depth++) {
    const code = String(e.code ?? '');
    if (['ECONNREFUSED', 'ECONNRESET', 'ENOENT', 'EPIPE', 'ETIMEDOUT', 'EHOSTUNREACH', '57P01', '57P02', '57P03', '53300'].includes(code) || code.startsWith('08')) return true;
    if (/Connection terminated|connect ECONNREFUSED|timeout exceeded when trying to connect|not queryable|Client was closed/i.test(String(e.message ?? ''))) return true;
  }
  return false;
}

/** A page of the web app (served index.html), as opposed to an API call or a missing asset file. */
function isClientRoute(url: string): boolean {
  const p = url.split('?')[0]!;
  return !p.startsWith('/api/') && !p.startsWith('/assets/') && !/\.[a-z0-9]{1,5}$/i.test(p);
}
