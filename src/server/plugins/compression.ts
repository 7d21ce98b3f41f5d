// Response compression (@fastify/compress, registered in app.ts with COMPRESSION), and JSON answers
// made into text once: a JsonBody keeps its compressed forms, so an answer kept in memory costs
// neither serialisation nor compression when it is sent again.
import zlib from 'node:zlib';
import type { FastifyCompressOptions } from '@fastify/compress';
import type { FastifyReply, FastifyRequest } from 'fastify';

/** Answers kept in memory (JsonBody) are compressed once and sent many times: quality 4. */
const BROTLI = { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 4 } };

/**
 * br or gzip as the client accepts, for text, JSON, JavaScript, CSS and SVG of 1 kB or more. Types
 * that mime-db marks as not compressible — .xlsx, .docx, PDF, zip and images, all compressed already
 * — go out as they are; every download here names its own type. A stream (an export) is compressed
 * as it streams, never gathered first. The web bundle is not compressed here: the build wrote its
 * .br and .gz files (vite.config.ts), sent as they are.
 *
 * What is compressed here is made once, for one answer: br at quality 1. Measured on the province's
 * answers, quality 1 takes a third to a half of quality 4's time (a city's cockpit, 31 kB: 0.25 ms
 * against 0.5; every county's figures, 145 kB: 0.7–1.1 ms against 1.6–2.1) for 8–24 % more bytes
 * (7.3 kB against 5.9; 31.8 kB against 29.5) — a millisecond of transfer on a slow line, paid by one
 * client, against CPU paid by every request on the server. A client that takes gzip and not br
 * (scripts: Node's fetch, Python's requests; curl asked to) gets level 1 for the same reason: every
 * county's figures in 1.0 ms against level 6's 2.0 (36.7 kB against 30.0), a city's cockpit in 0.12 ms
 * against 0.22.
 *
 * JSON answers up to 256 kB are compressed in one call on the event loop (about 1 ms at the limit)
 * rather than through a zlib stream, whose setup and hand-offs cost 0.6–1.4 ms per answer however
 * small and 3–4 ms on the 145 kB one. The plugin's own default on two cores is 8 kB.
 */
export const COMPRESSION: FastifyCompressOptions = {
  encodings: ['br', 'gzip'],
  threshold: 1024,
  syncThreshold: 256 * 1024,
  brotliOptions: { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 1 } },
  zlibOptions: { level: 1 },
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

/**
 * An answer built by our own code to its response schema's shape (the type checker holds it to the
 * schema; its tests parse every answer with the schema and find nothing to strip or refuse), sent as
 * JSON text without the schema's check on the way out: every county's figures are 145 kB, whose check
 * took about as long again as JSON.stringify. The plugin compresses it at the levels for one answer.
 */
export function sendShaped<T>(reply: FastifyReply, value: T): FastifyReply {
  return reply.type('application/json; charset=utf-8').send(JSON.stringify(value));
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
