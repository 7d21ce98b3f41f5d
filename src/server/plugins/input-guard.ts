// Text holding a NUL character (U+0000) can never be stored: PostgreSQL refuses it in text and
// jsonb alike, and the query would fail as a server error. So a request carrying one anywhere —
// path, query string or JSON body, in a value or in a key — is refused before the route's schema
// runs, naming the field.
import type { FastifyInstance } from 'fastify';
import { invalid } from '../errors.ts';
import { PART_LABEL } from './errors.ts';

const MESSAGE = '不能包含空字符（\\u0000）';

export function registerInputGuard(app: FastifyInstance): void {
  app.addHook('preValidation', async (req) => {
    for (const [part, value] of [['params', req.params], ['querystring', req.query], ['body', req.body]] as const) {
      const field = nulField(value);
      if (field === null) continue;
      const name = field || PART_LABEL[part]!;
      throw invalid(`${PART_LABEL[part]}有误：${name} ${MESSAGE}`, [{ field: field || part, message: MESSAGE }]);
    }
  });
}

/**
 * Dotted path of a string or key holding U+0000 ('' for the value itself), or null. Walks with its
 * own stack: a JSON body may nest deeper than the call stack goes.
 */
export function nulField(root: unknown): string | null {
  const stack: [unknown, string][] = [[root, '']];
  while (stack.length > 0) {
    const [v, path] = stack.pop()!;
    if (typeof v === 'string') {
      if (v.includes('\u0000')) return path;
    } else if (v && typeof v === 'object' && !ArrayBuffer.isView(v)) {
      for (const [k, child] of Object.entries(v)) {
        const p = path ? `${path}.${k}` : k;
        if (k.includes('\u0000')) return p.replaceAll('\u0000', '\\u0000');
        stack.push([child, p]);
      }
    }
  }
  return null;
}
