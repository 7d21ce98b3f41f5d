// A real `tuijin serve` on the demo city, as its own process: fifty simulated users, then kill -9 in
// the middle of a 10,000-row ledger import, of report submissions and of card runs, each followed by
// a restart on the same data (PGlite: the same DATA_DIR, the dead process's lock and socket
// replaced; PostgreSQL: the same database). Every unit of work is found exactly as before or exactly
// as after, never in between, and every write the server acknowledged is there.
// The engine follows the suite: PGlite, or PostgreSQL when TEST_DATABASE_URL is set.
// FAULTS_LOAD_SECONDS sets the length of the mixed load (10 by default; 60 for the full run).
import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildImportFile } from '../../bench/scenarios.ts';
import type { Database } from '../../src/server/db/client.ts';
import { SOCKET_FILE } from '../../src/server/db/embedded.ts';
import { signIn, type ApiResponse, type HttpClient, type ServerProcess } from '../helpers/server.ts';
import { multipart } from '../helpers/xlsx.ts';
import { faultsEngine, type FaultsEngine } from './engine.ts';
import { newTally, p95, runLoad } from './load.ts';
import { lockTable, sleep, waitFor, watchWal, writingBackends } from './midway.ts';
import { changedTables, rowsOf, snapshot, tableSum, walBytesSince, walPosition } from './snapshot.ts';

const PORT = 3140;
const PASSWORD = 'Tuijin@2024';
const IMPORT_ROWS = 10_000;
const LOAD_SECONDS = Number(process.env.FAULTS_LOAD_SECONDS || 10);
const ENGINE = process.env.TEST_DATABASE_URL ? 'PostgreSQL' : 'PGlite';

let engine: FaultsEngine;
let server: ServerProcess;

beforeAll(async () => {
  engine = await faultsEngine('serve');
  server = await engine.start(PORT);
}, 240_000);

afterAll(async () => {
  await server?.stop();
  await engine?.dispose();
});

async function withDb<T>(fn: (database: Database) => Promise<T>): Promise<T> {
  const database = await engine.connect();
  try {
    return await fn(database);
  } finally {
    await database.close();
  }
}

const count = async (db: Database['db'], q: ReturnType<typeof sql>) => (await db.execute<{ n: number }>(q)).rows[0]!.n;

describe(`${ENGINE}: fifty users at once`, () => {
  it(`reads, report edits, imports and card runs for ${LOAD_SECONDS} s: no 5xx, and every acknowledged write is in the database`, async () => {
    const sessions = new Map<string, HttpClient>();
    for (const u of ['office', 'unit', 'leader', 'viewer', 'auditor', 'admin']) sessions.set(u, await signIn(server.url, u, PASSWORD));
    const office = sessions.get('office')!;
    const readers = ['unit', 'leader', 'viewer', 'auditor', 'admin', 'office'];
    const prefix = `LOAD${Date.now().toString(36).toUpperCase()}`;

    await withDb(async (database) => {
      const { db } = database;
      const reports = (await db.execute<{ id: string; projectId: string; periodId: string; version: number; saved: number }>(sql`
        SELECT r.id, r.project_id AS "projectId", r.period_id AS "periodId", r.version,
          (SELECT count(*)::int FROM report_events e WHERE e.report_id = r.id AND e.action = 'saved') AS saved
        FROM progress_reports r JOIN reporting_periods p ON p.id = r.period_id
        WHERE p.status = 'open' AND r.status IN ('draft', 'returned') ORDER BY r.id`)).rows;
      const cardPeriods = (await db.execute<{ id: string }>(sql`
        SELECT id FROM reporting_periods WHERE status = 'closed' ORDER BY year DESC, month DESC, region_code, id LIMIT 2`)).rows.map((r) => r.id);
      expect(reports.length).toBeGreaterThanOrEqual(20);
      const before = {
        runs: await count(db, sql`SELECT count(*)::int AS n FROM audit_log WHERE action = 'cards.run'`),
        jobs: await count(db, sql`SELECT count(*)::int AS n FROM import_jobs`),
      };

      // 36 readers, 10 editors (two reports each, nobody else's), 2 importing ledgers, 2 running cards.
      const editors = Array.from({ length: 10 }, (_, i) => ({ client: office, reports: [reports[2 * i]!, reports[2 * i + 1]!] }));
      const tally = newTally();
      const started = Date.now();
      await runLoad({
        until: started + LOAD_SECONDS * 1000,
        readers: Array.from({ length: 36 }, (_, i) => sessions.get(readers[i % readers.length]!)!),
        editors,
        importers: Array.from({ length: 2 }, () => office),
        cardRunners: Array.from({ length: 2 }, () => office),
        cardPeriods,
        importPrefix: prefix,
        importRows: 10,
        db,
      }, tally);
      const secs = (Date.now() - started) / 1000;
      const lat = [...tally.latencies].map(([k, v]) => `${k} ${v.length} (p95 ${p95(v).toFixed(0)} ms)`).join(', ');
      console.log(`[faults] ${ENGINE} load: ${tally.requests} requests in ${secs.toFixed(1)} s (${(tally.requests / secs).toFixed(0)}/s): ${lat}; `
        + `statuses ${JSON.stringify(Object.fromEntries(tally.byStatus))}; acknowledged: ${[...tally.saves.values()].reduce((a, b) => a + b, 0)} saves, `
        + `${tally.imports} imports (${tally.importedRows} projects), ${tally.cardRuns} card runs`);

      expect(tally.failures).toEqual([]);
      expect([...tally.byStatus.keys()].filter((s) => s >= 500)).toEqual([]);
      // Every kind of write went through at least once.
      expect(tally.saves.size).toBeGreaterThanOrEqual(1);
      expect(tally.imports).toBeGreaterThanOrEqual(1);
      expect(tally.cardRuns).toBeGreaterThanOrEqual(1);

      // Every acknowledged write, counted in the database.
      const after = new Map((await db.execute<{ id: string; version: number; saved: number }>(sql`
        SELECT r.id, r.version, (SELECT count(*)::int FROM report_events e WHERE e.report_id = r.id AND e.action = 'saved') AS saved
        FROM progress_reports r WHERE r.id = ANY(${sql.param(reports.map((r) => r.id))}::uuid[])`)).rows.map((r) => [r.id, r]));
      for (const r of reports) {
        const acked = tally.saves.get(r.id) ?? 0;
        expect({ id: r.id, version: after.get(r.id)!.version, saved: after.get(r.id)!.saved })
          .toEqual({ id: r.id, version: r.version + acked, saved: r.saved + acked });
      }
      expect(await count(db, sql`SELECT count(*)::int AS n FROM projects WHERE code LIKE ${`${prefix}%`}`)).toBe(tally.importedRows);
      expect(await count(db, sql`SELECT count(*)::int AS n FROM import_jobs`)).toBe(before.jobs + tally.imports);
      expect(await count(db, sql`SELECT count(*)::int AS n FROM audit_log WHERE action = 'cards.run'`)).toBe(before.runs + tally.cardRuns);
    });
  }, LOAD_SECONDS * 1000 + 120_000);
});

/** SIGKILL, then `serve` again on the same data; on PGlite the dead process's lock and socket are found and replaced. */
async function crashAndRestart(): Promise<void> {
  const dead = server.pid;
  await server.kill9();
  if (engine.kind === 'pglite') {
    const lock = JSON.parse(fs.readFileSync(path.join(engine.dataDir, 'tuijin.lock'), 'utf8')) as { pid: number; socketDir: string };
    expect(lock.pid).toBe(dead);
    expect(fs.existsSync(path.join(lock.socketDir, SOCKET_FILE))).toBe(true);
  }
  server = await engine.start(PORT);
  if (engine.kind === 'pglite') {
    expect(JSON.parse(fs.readFileSync(path.join(engine.dataDir, 'tuijin.lock'), 'utf8')).pid).toBe(server.pid);
  }
}

interface Tracked<T> {
  done: boolean;
  failed: boolean;
  status: number;
  body: T | null;
  settled: Promise<unknown>;
}

/** A request whose answer may never come (the server dies under it). */
function track<T>(p: Promise<ApiResponse<T>>): Tracked<T> {
  const t: Tracked<T> = { done: false, failed: false, status: 0, body: null, settled: Promise.resolve() };
  t.settled = p.then(
    (r) => Object.assign(t, { done: true, status: r.status, body: r.body }),
    () => Object.assign(t, { done: true, failed: true }),
  );
  return t;
}

/**
 * Sends a burst of transactions and pulls the plug half-way through it. PostgreSQL: a lock on `table`
 * stops them after their first writes, and the kill waits until a server backend is stuck there with
 * its transaction open. PGlite (one session, transactions back to back): the kill follows the
 * `walWrites`-th write to the log after the burst began, i.e. a few commits in, the rest still to come.
 */
async function killDuringBurst<T>(send: (() => Promise<ApiResponse<T>>)[], o: { table: string; walWrites: number }): Promise<Tracked<T>[]> {
  const pgWatch = engine.kind === 'pg' ? await engine.connect() : null;
  const lock = pgWatch ? await lockTable(pgWatch, o.table) : null;
  const wal = engine.kind === 'pglite' ? watchWal(engine.dataDir) : null;
  try {
    const reqs = send.map((f) => track(f()));
    await waitFor('the burst to be half-way', async () =>
      reqs.every((r) => r.done) || (pgWatch ? (await writingBackends(pgWatch)).some((b) => b.waiting) : wal!.writes() >= o.walWrites), 120_000, 2);
    expect(reqs.every((r) => r.done), 'the whole burst finished before the kill').toBe(false);
    await crashAndRestart();
    await Promise.all(reqs.map((r) => r.settled));
    return reqs;
  } finally {
    wal?.close();
    await lock?.release();
    await pgWatch?.close();
  }
}

describe(`${ENGINE}: kill -9 mid-write, then restart`, () => {
  it('a 10,000-row ledger import is all there or not there at all', async () => {
    const c = await signIn(server.url, 'office', PASSWORD);
    const prefix = `KILL${Date.now().toString(36).toUpperCase()}`;
    const { file, s0, wal0 } = await withDb(async ({ db }) => ({
      file: await buildImportFile(db, IMPORT_ROWS, prefix),
      s0: await snapshot(db),
      wal0: await walPosition(db),
    }));
    const { payload, headers } = multipart(file, { fileName: `${prefix}.xlsx` });

    // Mid-way: on PostgreSQL a backend of the server is running `insert into projects` inside its
    // transaction; on PGlite the transaction has been spilling its log to disk for a while.
    const pgWatch = engine.kind === 'pg' ? await engine.connect() : null;
    const wal = engine.kind === 'pglite' ? watchWal(engine.dataDir) : null;
    const started = Date.now();
    const req = track(c.request('POST', '/ledger/import?dryRun=false', payload, headers));
    let seen = '';
    try {
      await waitFor('the import to be writing inside its transaction', async () => {
        if (req.done) return true;
        if (pgWatch) {
          const b = (await writingBackends(pgWatch)).find((x) => /insert into projects/i.test(x.query));
          if (b) seen = `backend ${b.pid} ${b.state}: ${b.query.trim().replace(/\s+/g, ' ').slice(0, 40)}…`;
        } else if (wal!.writes() >= 40) {
          seen = `${wal!.writes()} writes to the log`;
        }
        return !!seen;
      }, 120_000, 20);
      await sleep(300);
    } finally {
      wal?.close();
      await pgWatch?.close();
    }
    expect(req.done, 'the import finished before it could be interrupted').toBe(false);
    const killedAfter = Date.now() - started;
    await crashAndRestart();
    await req.settled;
    expect(req.failed).toBe(true);

    const { s1, walBytes, imported } = await withDb(async ({ db }) => ({
      s1: await snapshot(db),
      walBytes: await walBytesSince(db, wal0),
      imported: await count(db, sql`SELECT count(*)::int AS n FROM projects WHERE code LIKE ${`${prefix}-%`}`),
    }));
    console.log(`[faults] ${ENGINE}: import killed ${killedAfter} ms after it was sent (${seen}); ${imported} of its rows after restart; ${(walBytes / 1e6).toFixed(1)} MB of log since`);
    expect([0, IMPORT_ROWS]).toContain(imported);
    if (imported === 0) {
      // As before to the last row, though the transaction had written megabytes.
      expect(changedTables(s0, s1)).toEqual([]);
      expect(walBytes).toBeGreaterThan(1_000_000);
    } else {
      expect(rowsOf(s1, 'projects') - rowsOf(s0, 'projects')).toBe(IMPORT_ROWS);
      expect(rowsOf(s1, 'import_jobs') - rowsOf(s0, 'import_jobs')).toBe(1);
    }

    // The recovered database takes the same codes cleanly.
    const small = multipart(await withDb(({ db }) => buildImportFile(db, 20, prefix)));
    const again = await (await signIn(server.url, 'office', PASSWORD)).request('POST', '/ledger/import?dryRun=false', small.payload, small.headers);
    expect(again.status).toBe(200);
    expect(again.body[imported ? 'unchanged' : 'toCreate']).toBe(20);
  }, 240_000);

  it('report submissions: each report submitted with its event and audit entry, or untouched; the acknowledged ones kept', async () => {
    const reportState = (db: Database['db']) => db.execute<{ id: string; projectId: string; periodId: string; version: number; status: string; h: string; events: number; audits: number }>(sql`
      SELECT r.id, r.project_id AS "projectId", r.period_id AS "periodId", r.version, r.status, md5(r::text) AS h,
        (SELECT count(*)::int FROM report_events e WHERE e.report_id = r.id) AS events,
        (SELECT count(*)::int FROM audit_log a WHERE a.entity_type = 'report' AND a.entity_id = r.id::text) AS audits
      FROM progress_reports r JOIN reporting_periods p ON p.id = r.period_id
      WHERE p.status = 'open' AND r.status IN ('draft', 'returned') ORDER BY r.id`);
    const c = await signIn(server.url, 'office', PASSWORD);
    const { before, s0 } = await withDb(async ({ db }) => ({ before: (await reportState(db)).rows, s0: await snapshot(db) }));
    expect(before.length).toBeGreaterThan(20);
    const submit = (r: (typeof before)[number]) => () => c.post(`/reports/${r.projectId}/${r.periodId}/submit`, { version: r.version });

    // A few acknowledged first, then a burst interrupted half-way.
    const first = before.slice(0, 4);
    const acked = new Set<string>();
    for (const r of first) if ((await submit(r)()).status === 200) acked.add(r.id);
    expect(acked.size).toBeGreaterThanOrEqual(2);
    const rest = before.slice(first.length);
    const reqs = await killDuringBurst(rest.map(submit), { table: 'report_events', walWrites: 3 });
    rest.forEach((r, i) => reqs[i]!.status === 200 && acked.add(r.id));

    const { after, s1 } = await withDb(async ({ db }) => ({ after: new Map((await reportState(db)).rows.map((r) => [r.id, r])), s1: await snapshot(db) }));
    const submitted = await withDb(async ({ db }) => new Map((await db.execute<{ id: string; version: number; events: number; audits: number; last: string }>(sql`
      SELECT r.id, r.version,
        (SELECT count(*)::int FROM report_events e WHERE e.report_id = r.id) AS events,
        (SELECT count(*)::int FROM audit_log a WHERE a.entity_type = 'report' AND a.entity_id = r.id::text) AS audits,
        (SELECT e.action FROM report_events e WHERE e.report_id = r.id ORDER BY e.at DESC, e.id DESC LIMIT 1) AS last
      FROM progress_reports r WHERE r.status = 'submitted' AND r.id = ANY(${sql.param(before.map((r) => r.id))}::uuid[])`)).rows.map((r) => [r.id, r])));
    let done = 0;
    for (const r of before) {
      const now = after.get(r.id);
      if (now) {
        expect(acked.has(r.id), `report ${r.id} acknowledged but not submitted`).toBe(false);
        expect(now).toEqual(r);
      } else {
        expect(submitted.get(r.id), `report ${r.id} neither as before nor submitted`).toMatchObject({ version: r.version + 1, events: r.events + 1, audits: r.audits + 1, last: 'submitted' });
        done += 1;
      }
    }
    console.log(`[faults] ${ENGINE}: ${before.length} submissions, ${acked.size} acknowledged, ${done} found submitted after the restart`);
    expect(done).toBeGreaterThanOrEqual(acked.size);
    expect(done).toBeLessThan(before.length);
    expect(changedTables(s0, s1)).toEqual(['audit_log', 'progress_reports', 'report_events']);
    expect(rowsOf(s1, 'report_events') - rowsOf(s0, 'report_events')).toBe(done);
    expect(rowsOf(s1, 'audit_log') - rowsOf(s0, 'audit_log')).toBe(done);
  }, 180_000);

  it('card runs: each period has its new cards and its audit entry, or its old cards; the acknowledged ones kept', async () => {
    type P = { id: string; cards: { rows: number; sum: string }; orders: { rows: number; sum: string }; runs: number };
    const periodState = async (db: Database['db'], ids: string[]): Promise<P[]> => {
      const out: P[] = [];
      for (const id of ids) {
        out.push({
          id,
          cards: await tableSum(db, 'project_cards', `period_id = '${id}'`),
          orders: await tableSum(db, 'supervision_orders', `period_id = '${id}'`),
          runs: await count(db, sql`SELECT count(*)::int AS n FROM audit_log WHERE action = 'cards.run' AND entity_id = ${id}`),
        });
      }
      return out;
    };
    const c = await signIn(server.url, 'office', PASSWORD);
    const { ids, before, s0 } = await withDb(async ({ db }) => {
      const ids = (await db.execute<{ id: string }>(sql`SELECT id FROM reporting_periods WHERE status = 'closed' ORDER BY year DESC, month DESC, region_code, id`)).rows.map((r) => r.id);
      return { ids, before: await periodState(db, ids), s0: await snapshot(db) };
    });
    expect(ids.length).toBeGreaterThanOrEqual(6);
    const run = (id: string) => () => c.post(`/cards/run?periodId=${id}`);
    const acked = new Set<string>();
    if ((await run(ids[0]!)()).status === 200) acked.add(ids[0]!);
    expect(acked.size).toBe(1);
    const rest = ids.slice(1);
    const reqs = await killDuringBurst(rest.map(run), { table: 'audit_log', walWrites: 1 });
    rest.forEach((id, i) => reqs[i]!.status === 200 && acked.add(id));

    const { after, s1, stamps } = await withDb(async ({ db }) => ({
      after: await periodState(db, ids),
      s1: await snapshot(db),
      stamps: new Map((await db.execute<{ id: string; computed: number; audited: boolean }>(sql`
        SELECT c.period_id AS id, count(DISTINCT c.computed_at)::int AS computed,
          bool_and(c.computed_at = (SELECT max(a.at) FROM audit_log a WHERE a.action = 'cards.run' AND a.entity_id = c.period_id::text)) AS audited
        FROM project_cards c WHERE c.period_id = ANY(${sql.param(ids)}::uuid[]) GROUP BY c.period_id`)).rows.map((r) => [r.id, r])),
    }));
    let ran = 0;
    for (const [i, id] of ids.entries()) {
      const b = before[i]!;
      const a = after[i]!;
      expect([b.runs, b.runs + 1], `period ${id}`).toContain(a.runs);
      if (a.runs === b.runs) {
        expect(acked.has(id), `card run of ${id} acknowledged but not there`).toBe(false);
        expect(a).toEqual(b);
      } else {
        // One whole run: every card of the period stamped by the transaction that wrote the audit entry.
        expect(stamps.get(id)).toMatchObject({ computed: 1, audited: true });
        ran += 1;
      }
    }
    console.log(`[faults] ${ENGINE}: ${ids.length} card runs, ${acked.size} acknowledged, ${ran} found after the restart`);
    expect(ran).toBeGreaterThanOrEqual(acked.size);
    expect(ran).toBeLessThan(ids.length);
    for (const t of changedTables(s0, s1)) expect(['audit_log', 'project_cards', 'supervision_orders', 'accountability_entries', 'notifications']).toContain(t);
    expect(rowsOf(s1, 'audit_log') - rowsOf(s0, 'audit_log')).toBe(ran);
  }, 240_000);
});
