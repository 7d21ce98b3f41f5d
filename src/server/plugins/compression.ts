// Response compression (@fastify/compress, registered in app.ts with COMPRESSION), and JSON answers
// made into text once: a JsonBody keeps its compressed forms, so an answer kept in memory costs
// neither serialisation nor compression when it is sent again.
import zlib from 'node:zlib';
import type { FastifyCompressOptions } from '@fastify/compress';
import type { FastifyReply, FastifyRequest } from 'fastify';

const BROTLI = { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 4 } };

/**
 * br (quality 4: 11 costs far more CPU for a few per cent) or gzip as the client accepts, for text,
 * JSON, JavaScript, CSS and SVG of 1 kB or more: JSON answers and the web bundle. Types that mime-db
 * marks as not compressible — .xlsx, .docx, PDF, zip and images, all compressed already — go out as
 * they are; every download here names its own type. A stream (an export) is compressed as it
 * streams, never gathered first.
 *
 * JSON answers up to 128 kB are compressed in one call on the event loop (about 0.15 ms for 15 kB,
 * 1.3 ms at the limit) rather than through a zlib stream, whose setup and hand-offs cost 0.6–1.4 ms
 * per answer however small (measured on a city's cockpit, 31 kB, and the province's statistics,
 * 15 kB). The plugin's own default on two cores is 8 kB.
 */
export const COMPRESSION: FastifyCompressOptions = {
  encodings: ['br', 'gzip'],
  threshold: 1024,
  syncThreshold: 128 * 1024,
  brotliOptions: BROTLI,
  customTypes: /^(?:text\/(?!event-stream)|application\/(?:[\w.+-]+\+)?json|application\/javascript|image\/svg\+xml)/,
};

export interface JsonBody {
  json: string;
  bytes: number;
  /** What keeping it costs: the text and room for its compressed forms. */
  weight: number;
  br?: Buffer;
  gzip?: Buffer;
}

/** The answer as JSON text. Only for values built to their response schema's shape (no zod check on the way out). */
export function jsonBody(value: unknown): JsonBody {
  const json = JSON.stringify(value);
  const bytes = Buffer.byteLength(json);
  return { json, bytes, weight: Math.ceil(bytes * 1.4) };
}

/** br or gzip, whichever the client prefers (br on a tie), or null for the body as it is. */
export function acceptedEncoding(req: FastifyRequest): 'br' | 'gzip' | null {
  if (req.headers['x-no-compression'] !== undefined) return null;
  const header = req.headers['accept-encoding'];
  if (!header) return null;
  let best: 'br' | 'gzip' | null = null;
  let bestQ = 0;
  let identityQ = 0;
  for (const part of header.toLowerCase().split(',')) {
    const [token = '', ...params] = part.split(';').map((x) => x.trim());
    const qParam = params.find((x) => x.startsWith('q='));
    const q = qParam ? Number(qParam.slice(2)) : 1;
    if (!(q > 0)) continue;
    if (token === 'identity') identityQ = q;
    const enc = token === 'br' ? 'br' : token === 'gzip' || token === 'x-gzip' || token === '*' ? 'gzip' : null;
    if (enc && (q > bestQ || (q === bestQ && enc === 'br'))) {
      best = enc;
      bestQ = q;
    }
  }
  return best && bestQ >= identityQ ? best : null;
}

/** Sends a JsonBody, compressed as the client accepts (the compressed form is made once and kept). */
export function sendJson(req: FastifyRequest, reply: FastifyReply, body: JsonBody): FastifyReply {
  reply.type('application/json; charset=utf-8');
  if (body.bytes < (COMPRESSION.threshold ?? 1024)) return reply.send(body.json);
  reply.header('vary', 'accept-encoding');
  const encoding = acceptedEncoding(req);
  if (!encoding) return reply.send(body.json);
  const data = encoding === 'br'
    ? (body.br ??= zlib.brotliCompressSync(body.json, BROTLI))
    : (body.gzip ??= zlib.gzipSync(body.json));
  return reply.header('content-encoding', encoding).send(data);
}
