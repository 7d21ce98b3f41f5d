// The database goes away under load and comes back: what every client sees, phase by phase.
import { sql } from 'drizzle-orm';
import { expect } from 'vitest';
import type { Database } from '../../src/server/db/client.ts';
import { createUser, TEST_PASSWORD } from '../helpers/factories.ts';
import { signIn, type HttpClient, type ServerProcess } from '../helpers/server.ts';
import { buildLedger, goodRow, multipart } from '../helpers/xlsx.ts';
import { sleep, waitFor } from './midway.ts';

export const UNAVAILABLE = { code: 'database_unavailable', message: '数据库暂时不可用，请稍后重试' };

type Phase = 'up' | 'down' | 'recovering' | 'again';

interface Answer {
  phase: Phase;
  what: string;
  status: number;
  code: string | null;
  message: string | null;
  ms: number;
}

async function health(server: ServerProcess) {
  const r = await fetch(`${server.url}/api/health?db=1`).catch((err) => {
    throw new Error(`no answer from the server (${(err as Error).message}); it printed:\n${server.output().slice(-3000)}`);
  });
  return { status: r.status, body: (await r.json()) as { ok: boolean; database: string } };
}

/**
 * Signs in as an office user made for the purpose, keeps ten clients busy (reads and small ledger
 * imports), takes the database away with `cut` for a few seconds, brings it back with `restore`,
 * and checks every answer, the server's own health report and the acknowledged writes.
 */
export async function outageUnderLoad(o: {
  server: ServerProcess;
  database: Database;
  cut: () => Promise<void>;
  restore: () => Promise<void>;
  label: string;
}): Promise<void> {
  const { server, database } = o;
  const username = `outage-${o.label}`;
  await createUser(database.db, { username, role: 'office', regionCode: '371500' });
  const client: HttpClient = await signIn(server.url, username, TEST_PASSWORD);
  expect(await health(server)).toEqual({ status: 200, body: { ok: true, database: 'up' } });

  // The first import makes the owner, unit and leader the others share.
  const warm = multipart(await buildLedger([goodRow(`OUT${o.label.toUpperCase()}WARM-1`)]));
  expect((await client.request('POST', '/ledger/import?dryRun=false', warm.payload, warm.headers)).status).toBe(200);

  let phase: Phase = 'up';
  let running = true;
  const answers: Answer[] = [];
  const acked = new Map<string, number>();
  const sent: string[] = [];
  const ask = async (what: string, fn: () => Promise<{ status: number; body: any }>) => {
    const at = phase;
    const started = performance.now();
    let r: { status: number; body: any };
    try {
      r = await fn();
    } catch (err) {
      r = { status: 0, body: { error: { code: 'no_answer', message: (err as Error).message } } };
    }
    answers.push({ phase: at, what, status: r.status, code: r.body?.error?.code ?? null, message: r.body?.error?.message ?? null, ms: performance.now() - started });
    return r;
  };
  const READS = ['/projects?pageSize=20', '/regions/tree', '/auth/me', '/periods', '/notifications/unread-count'];
  const reader = async (i: number) => {
    for (let n = i; running; n++) {
      await ask(`GET ${READS[n % READS.length]}`, () => client.get(READS[n % READS.length]!));
      await sleep(20);
    }
  };
  let seq = 0;
  const writer = async () => {
    while (running) {
      const prefix = `OUT${o.label.toUpperCase()}${String(seq++).padStart(4, '0')}`;
      const file = await buildLedger([1, 2, 3].map((k) => goodRow(`${prefix}-${k}`)));
      const { payload, headers } = multipart(file);
      sent.push(prefix);
      const r = await ask('import', () => client.request('POST', '/ledger/import?dryRun=false', payload, headers));
      if (r.status === 200) acked.set(prefix, r.body.toCreate);
      await sleep(50);
    }
  };
  const workers = Promise.all([...Array.from({ length: 8 }, (_, i) => reader(i)), writer(), writer()]);

  await sleep(1_500);
  await o.cut();
  phase = 'down';
  const cutAt = Date.now();
  // Everything in flight at the cut has failed by now; from here on every answer must be the 503.
  await sleep(500);
  const downFrom = answers.length;
  await sleep(2_500);
  const downHealth = await health(server);
  const login = await ask('login', async () => {
    const r = await fetch(`${server.url}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password: TEST_PASSWORD }) });
    return { status: r.status, body: await r.json() };
  });
  const downTo = answers.length;
  await o.restore();
  phase = 'recovering';
  const restoredAt = Date.now();
  await waitFor('a read to succeed after the database came back', async () => (await client.get('/auth/me')).status === 200, 30_000, 100);
  const recoveredMs = Date.now() - restoredAt;
  phase = 'again';
  const againFrom = answers.length;
  await sleep(1_500);
  running = false;
  await workers;
  const again = answers.slice(againFrom).filter((a) => a.phase === 'again');

  const summary = (xs: Answer[]) => JSON.stringify(xs.reduce<Record<string, number>>((m, a) => ({ ...m, [`${a.status} ${a.code ?? ''}`.trim()]: (m[`${a.status} ${a.code ?? ''}`.trim()] ?? 0) + 1 }), {}));
  const down = answers.slice(downFrom, downTo);
  console.log(`[faults] ${o.label}: ${answers.length} answers; while down (${((restoredAt - cutAt) / 1000).toFixed(1)} s) ${summary(down)}, slowest ${Math.max(...down.map((a) => a.ms)).toFixed(0)} ms; `
    + `recovered ${recoveredMs} ms after the database came back; then ${summary(again)}; ${acked.size} of ${sent.length} imports acknowledged`);

  // Never a 500, never a dropped connection: only answers, or the clear 503.
  for (const a of answers) {
    expect([200, 503], `${a.phase} ${a.what}: ${a.status} ${a.code} ${a.message}`).toContain(a.status);
    if (a.status === 503) expect({ code: a.code, message: a.message }).toEqual(UNAVAILABLE);
  }
  // While it is away: the 503 at once, for reads, writes and sign-in alike.
  expect(down.length).toBeGreaterThan(20);
  expect(down.every((a) => a.status === 503)).toBe(true);
  expect(down.some((a) => a.what === 'import')).toBe(true);
  expect(login.status).toBe(503);
  expect(Math.max(...down.map((a) => a.ms))).toBeLessThan(5_000);
  expect(downHealth).toEqual({ status: 503, body: { ok: false, database: 'down' } });
  // Back by itself: the same process, every request answered again.
  expect(recoveredMs).toBeLessThan(15_000);
  expect(again.length).toBeGreaterThan(10);
  expect(again.every((a) => a.status === 200)).toBe(true);
  expect(await health(server)).toEqual({ status: 200, body: { ok: true, database: 'up' } });
  expect(server.output()).not.toMatch(/unhandled|uncaught/i);

  // Every acknowledged import is there in full; one cut short is there in full or not at all.
  const counts = new Map((await database.db.execute<{ prefix: string; n: number }>(sql`
    SELECT split_part(code, '-', 1) AS prefix, count(*)::int AS n FROM projects
    WHERE code LIKE ${`OUT${o.label.toUpperCase()}%`} GROUP BY 1`)).rows.map((r) => [r.prefix, r.n]));
  for (const prefix of sent) {
    if (acked.has(prefix)) expect(counts.get(prefix), prefix).toBe(3);
    else expect([undefined, 3], prefix).toContain(counts.get(prefix));
  }
  expect(acked.size).toBeGreaterThan(2);
}
