// Whose X-Forwarded-For the server believes (TRUST_PROXY, docs/scaling.md): by default nobody's, so a
// client cannot dodge the per-process sign-in limit (20 a minute per address) by sending a different
// made-up address each time; behind a load balancer (TRUST_PROXY=1 or its address) the limit counts
// each client address the balancer reports.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../src/server/app.ts';
import { loadConfig, parseTrustProxy, type Config } from '../src/server/config.ts';
import type { Database } from '../src/server/db/client.ts';
import { createTestDatabase } from './helpers/db.ts';

let database: Database;
const apps: FastifyInstance[] = [];

beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  for (const app of apps) await app.close();
  await database.close();
});

async function appWith(trustProxy: Config['trustProxy']): Promise<FastifyInstance> {
  const app = await buildApp({ database, config: { ...loadConfig({}), dataDir: '/nonexistent', trustProxy } });
  await app.ready();
  apps.push(app);
  return app;
}

/** Names never tried before: a name's own lock (five failures, as an account's) must not answer first. */
let names = 0;

/** Failed sign-ins, each under a new name, from the balancer's socket, each claiming `forwarded(i)`. */
async function signIns(app: FastifyInstance, n: number, forwarded: (i: number) => string): Promise<number[]> {
  const codes: number[] = [];
  for (let i = 0; i < n; i++) {
    const res = await app.inject({
      method: 'POST', url: '/api/v1/auth/login', remoteAddress: '10.0.0.5',
      headers: { 'x-forwarded-for': forwarded(i) }, payload: { username: `nobody-${++names}`, password: 'wrong-password-1' },
    });
    codes.push(res.statusCode);
  }
  return codes;
}

describe('TRUST_PROXY', () => {
  it('reads unset, 0 and false as none; true as any; a number as hops; else a list of addresses', () => {
    expect(parseTrustProxy(undefined)).toBe(false);
    expect(parseTrustProxy('0')).toBe(false);
    expect(parseTrustProxy('false')).toBe(false);
    expect(parseTrustProxy('true')).toBe(true);
    expect(parseTrustProxy('1')).toBe(1);
    expect(parseTrustProxy('10.0.0.5, 10.0.1.0/24')).toEqual(['10.0.0.5', '10.0.1.0/24']);
    expect(loadConfig({}).trustProxy).toBe(false);
  });

  it('by default counts the socket’s address: made-up X-Forwarded-For addresses do not escape the limit', async () => {
    const app = await appWith(loadConfig({}).trustProxy);
    const codes = await signIns(app, 21, (i) => `203.0.113.${i + 1}`);
    expect(codes.slice(0, 20).every((c) => c === 401)).toBe(true);
    expect(codes[20]).toBe(429);
  });

  for (const [what, setting] of [['one hop (TRUST_PROXY=1)', parseTrustProxy('1')], ['the balancer’s address', parseTrustProxy('10.0.0.5')]] as const) {
    it(`behind a balancer trusted as ${what}, counts each client address it reports`, async () => {
      const app = await appWith(setting);
      // A client's own made-up entry comes first; the balancer appends the address it saw.
      const many = await signIns(app, 22, (i) => `198.51.100.7, 203.0.113.${i + 1}`);
      expect(many.every((c) => c === 401)).toBe(true);
      const one = await signIns(app, 21, (i) => `198.51.100.${i + 1}, 192.0.2.9`);
      expect(one.slice(0, 20).every((c) => c === 401)).toBe(true);
      expect(one[20]).toBe(429);
    });
  }
});
