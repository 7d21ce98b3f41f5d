// `npm run bench`: the province benchmark of issue "province scale". For each engine (PGlite, PostgreSQL)
// it prepares a database with the scale generator (cached between runs), starts `tuijin serve` on it as
// a separate process, and measures every scenario through the HTTP API, next to the floor: the same
// service call made in this process over the same driver (its SQL round trips, no HTTP, no JSON).
// It prints one table and writes it, with the machine and the date, to bench/RESULTS.md (or --out).
//
//   npm run bench -- [--scale province|city|tiny] [--engines pglite,pg] [--out FILE] [--quick] [--prepare] [--only A,B]
//
// --only runs the scenarios whose names contain one of the words (并发 for the load test, 健康 for the
// health check while rolling up) and writes the table only where --out says.
//
// PostgreSQL: BENCH_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/postgres); the bench
// creates and keeps a database tuijin_bench_<scale> there. PGlite data is kept in data/bench/<scale>.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { loadConfig } from '../src/server/config.ts';
import { openDatabase, type Database } from '../src/server/db/client.ts';
import { browserLikeClient } from './client.ts';
import { prepareDatabase } from '../src/server/db/reference.ts';
import { generate, SCALES, type Scale } from '../src/server/gen/generate.ts';
import { commandPrincipal } from '../src/server/cli/principal.ts';
import { createToken } from '../src/server/modules/auth/auth.service.ts';
import { createUser } from '../src/server/modules/users/users.service.ts';
import { fmtMs, loadTest, renderResults, sampleUntil, stallProbe, summarise, type EngineResult, type Row } from './measure.ts';
import { startServer } from '../test/helpers/server.ts';
import { type BenchContext, EXPORT_SCENARIO, FRESH_EXPORT_SCENARIO, type Scenario, SCENARIOS } from './scenarios.ts';

const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const BENCH_USER = 'bench-admin';
const BENCH_PASSWORD = 'Bench-Passw0rd-2024';

const { values: args } = parseArgs({
  options: {
    scale: { type: 'string', default: 'province' },
    engines: { type: 'string', default: 'pglite,pg' },
    out: { type: 'string' },
    quick: { type: 'boolean', default: false },
    /** Only generate (or find) the data of each engine, then stop. */
    prepare: { type: 'boolean', default: false },
    /** Only the scenarios whose names contain one of these (comma-separated). */
    only: { type: 'string' },
  },
});
const scale = args.scale as Scale;
if (!(scale in SCALES)) throw new Error(`--scale ${Object.keys(SCALES).join('|')}`);
const engines = args.engines!.split(',').map((e) => e.trim()).filter(Boolean) as ('pglite' | 'pg')[];
const quick = args.quick || scale === 'tiny';
const only = args.only?.split(',').map((w) => w.trim()).filter(Boolean);
const wanted = (name: string) => !only || only.some((w) => name.includes(w));
const outFile = args.out ?? path.join(ROOT, 'bench', scale === 'province' ? 'RESULTS.md' : `RESULTS-${scale}.md`);
const log = (m: string) => console.log(`[bench] ${m}`);

/** What the generator made and how fast, as kept with the data. */
interface Generated {
  scale: Scale; reports: number; cards?: number; at: string; seconds?: number; loadAvg?: string; engine?: 'pglite' | 'pg';
  /** Report rows per second until the table stood with its indexes and keys; the rows alone; the roll-ups' rebuild after. */
  reportRowsPerSecond?: number; reportRowsOnlyPerSecond?: number; reportRollupsMs?: number;
}

/** Fills the database with the scale data once, then adds the bench's administrator and its API token. */
async function prepare(database: Database): Promise<Generated> {
  await prepareDatabase(database);
  const { db } = database;
  const done = await db.execute<{ value: Generated }>(sql`SELECT value FROM app_settings WHERE key = 'bench.generated'`);
  if (done.rows[0]) {
    // Data kept from an earlier run may have been migrated since (new indexes) and rewritten by the last
    // run's card runs: tidied as autovacuum (PostgreSQL) or the daily run (PGlite) would have by now.
    log('vacuum and analyse the kept data…');
    await db.execute(sql`VACUUM ANALYZE`);
    return done.rows[0].value;
  }
  log(`generating ${scale} data (${SCALES[scale].projects} projects)…`);
  const started = Date.now();
  const r = await generate(db, scale, (l) => log(`  ${l}`));
  const g: Generated = {
    scale, reports: r.reports, cards: r.cards, at: new Date().toISOString(), seconds: Math.round((Date.now() - started) / 1000),
    reportRowsPerSecond: r.timings.reportRowsPerSecond, reportRowsOnlyPerSecond: r.timings.reportRowsOnlyPerSecond,
    reportRollupsMs: r.timings.reportRollupsMs, loadAvg: os.loadavg().map((x) => x.toFixed(1)).join(' / '),
  };
  log(`  ${r.projects} projects, ${r.reports} reports, ${r.roadblocks} roadblocks, ${r.cards} cards in ${g.seconds} s; reports at ${r.timings.reportRowsPerSecond} rows/s`);
  await createUser(db, null, { username: BENCH_USER, displayName: '基准测试', password: BENCH_PASSWORD, role: 'admin', regionCode: '370000' });
  await db.execute(sql`INSERT INTO app_settings (key, value) VALUES ('bench.generated', ${JSON.stringify(g)}::jsonb)`);
  return g;
}

async function pgDatabaseUrl(): Promise<string> {
  const base = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  const name = `tuijin_bench_${scale}`;
  const admin = new pg.Client({ connectionString: base });
  await admin.connect();
  const exists = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
  if (!exists.rowCount) await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const u = new URL(base);
  u.pathname = `/${name}`;
  return u.toString();
}

/**
 * A process's line in /proc: its command, parent, and CPU time used so far (all its threads) and by
 * its ended children, ms. Null when it is gone.
 */
function procStat(pid: number | string): { comm: string; ppid: number; cpuMs: number; childrenCpuMs: number } | null {
  let stat: string;
  try {
    stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
  } catch {
    return null;
  }
  // After the command name: state, ppid, …, utime and stime (12th, 13th), cutime and cstime (14th, 15th), in ticks of 10 ms.
  const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return {
    comm: stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')')),
    ppid: Number(f[1]),
    cpuMs: (Number(f[11]) + Number(f[12])) * 10,
    childrenCpuMs: (Number(f[13]) + Number(f[14])) * 10,
  };
}

/**
 * CPU time used by the local PostgreSQL server so far, ms: its live processes, and what its ended
 * backends used (counted in the postmaster's children's time). Null when there is none to read.
 */
function postgresCpuMs(): number | null {
  let total = 0;
  let found = false;
  for (const d of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(d)) continue;
    const s = procStat(d);
    if (s?.comm !== 'postgres') continue;
    total += s.cpuMs;
    // The postmaster (its parent is not a postgres process): add its ended children.
    if (procStat(s.ppid)?.comm !== 'postgres') total += s.childrenCpuMs;
    found = true;
  }
  return found ? total : null;
}

/** The server's process, and on PGlite the child process that runs the database (from the folder's lock). */
interface Procs { server: number; host: number | null }

function procsOf(serverPid: number, dataDir: string | undefined): Procs {
  let host: number | null = null;
  try {
    if (dataDir) host = (JSON.parse(fs.readFileSync(path.join(dataDir, 'tuijin.lock'), 'utf8')) as { hostPid?: number }).hostPid ?? null;
  } catch { /* no lock: no host */ }
  return { server: serverPid, host };
}

/**
 * The server's and the database's CPU per call over what runs from now until `per(calls)`, leaving out
 * what runs inside `aside` (the untimed steps that put the data back).
 */
function cpuMeter(procs: Procs, engine: 'pglite' | 'pg') {
  const read = () => ({
    app: procStat(procs.server)?.cpuMs ?? 0,
    db: engine === 'pg' ? postgresCpuMs() : procs.host ? procStat(procs.host)?.cpuMs ?? null : null,
  });
  const start = read();
  const skipped = { app: 0, db: 0 };
  return {
    aside: async (fn: () => Promise<void>) => {
      const a = read();
      try {
        await fn();
      } finally {
        const b = read();
        skipped.app += b.app - a.app;
        skipped.db += (b.db ?? 0) - (a.db ?? 0);
      }
    },
    per: (calls: number): NonNullable<Row['cpu']> => {
      const end = read();
      return {
        app: (end.app - start.app - skipped.app) / calls,
        db: start.db != null && end.db != null ? (end.db - start.db - skipped.db) / calls : null,
      };
    },
  };
}

/** A figure of /proc/<pid>/status in MB (VmRSS: resident now; VmHWM: the peak since the last reset). */
function statusMb(pid: number, field: 'VmRSS' | 'VmHWM'): number | null {
  try {
    const kb = Number(new RegExp(`${field}:\\s+(\\d+)`).exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1]);
    return Number.isFinite(kb) ? Math.round(kb / 1024) : null;
  } catch {
    return null;
  }
}

/** Peak resident memory of a process since the last reset (VmHWM), in MB; resets it for the next scenario. */
function peakRss(pid: number): number | null {
  const mb = statusMb(pid, 'VmHWM');
  try {
    fs.writeFileSync(`/proc/${pid}/clear_refs`, '5');
  } catch { /* gone */ }
  return mb;
}

/** The server's peak and, on PGlite, the database process's, since the last reset (both reset). */
function peaks(procs: Procs): { rssMb: number | null; dbRssMb: number | null } {
  return { rssMb: peakRss(procs.server), dbRssMb: procs.host ? peakRss(procs.host) : null };
}

async function runEngine(engine: 'pglite' | 'pg', port: number): Promise<EngineResult | null> {
  const env: NodeJS.ProcessEnv = {};
  if (engine === 'pg') env.DATABASE_URL = await pgDatabaseUrl();
  else env.DATA_DIR = path.join(ROOT, 'data', 'bench', scale);
  // Prepare with the folder (or database) to ourselves, then let the server own it.
  let generated: Generated;
  {
    const database = await openDatabase(loadConfig({ ...env }));
    try {
      generated = await prepare(database);
    } finally {
      await database.close();
    }
  }
  if (args.prepare) return null;
  log(`${engine}: starting the server`);
  const server = await startServer({ port, dataDir: env.DATA_DIR, databaseUrl: env.DATABASE_URL, demo: false, startTimeoutMs: 120_000 });
  // The floor's connection: PostgreSQL directly; PGlite through the running server's socket.
  const database = await openDatabase(loadConfig({ ...env }));
  const rows: Row[] = [];
  const base = `http://127.0.0.1:${port}/api/v1`;
  let token = '';
  const client = browserLikeClient();
  const contextOf = (db: Database['db'], principal: BenchContext['principal']): BenchContext => ({
    db, principal, base, scale, engine,
    api: (p, init = {}) => client.fetch(`${base}${p}`, { ...init, headers: { authorization: `Bearer ${token}`, ...(init.headers ?? {}) } }),
  });
  let principal: BenchContext['principal'] | null = null;
  try {
    principal = await commandPrincipal(database.db, BENCH_USER);
    token = (await createToken(database.db, principal, 'bench')).token;
    const ctx = contextOf(database.db, principal);
    await ctx.api('/projects?pageSize=1'); // warm the server's first request
    const procs = procsOf(server.pid, env.DATA_DIR);
    peaks(procs);
    for (const s of SCENARIOS.filter((x) => wanted(x.name))) {
      const row = await runScenario(s, ctx, procs);
      rows.push(row);
      log(`${engine} ${row.name}: api p50 ${fmtMs(row.api?.p50)} p95 ${fmtMs(row.api?.p95)}${row.floor ? `, floor p50 ${fmtMs(row.floor.p50)}` : ''}${row.note ? ` — ${row.note}` : ''}`);
    }
    // Fifty clients on the ledger list.
    if (wanted('台账列表 50 并发（请求/秒）')) {
      const cpu = cpuMeter(procs, engine);
      const load = await loadTest(ctx, quick ? 5_000 : 30_000, 50);
      const used = cpu.per(load.requests);
      // What one server core could answer, from the server's own CPU per request (the load generator
      // shares the machine's cores and is not counted).
      const perCore = Math.round(1000 / (used.app + (used.db ?? 0)));
      rows.push({ name: '台账列表 50 并发（请求/秒）', api: load.latency, floor: null, ...peaks(procs), cpu: used, note: `${load.rps.toFixed(0)} 请求/秒，${load.requests} 次，错误 ${load.errors}（中位数、p95 为单次请求耗时）；按服务端每请求 CPU 折合每核约 ${perCore.toLocaleString('en-US')} 请求/秒`, rps: load.rps, errors: load.errors });
      log(`${engine} load: ${load.rps.toFixed(0)} req/s, ${load.errors} errors`);
    }
    // The server keeps answering while a heavy roll-up loops.
    if (wanted('统计汇总循环时健康检查 p99')) {
      const stall = await stallProbe(ctx, `http://127.0.0.1:${port}/api/health`, quick ? 3_000 : 15_000);
      rows.push({ name: '统计汇总循环时健康检查 p99', api: stall.health, floor: null, ...peaks(procs), note: `p99 ${fmtMs(stall.health.p99)}，${stall.health.n} 次检查；同时完成汇总 ${stall.rollups} 次` });
      log(`${engine} health while rolling up: p99 ${fmtMs(stall.health.p99)}`);
    }
  } finally {
    await database.close();
    await server.stop();
  }
  // The export again in a server that has done nothing else: what the export itself holds, apart from
  // the heap the card runs before it left in the first server.
  const exportScenario = SCENARIOS.find((x) => x.name === EXPORT_SCENARIO);
  if (exportScenario && wanted(FRESH_EXPORT_SCENARIO) && principal) {
    log(`${engine}: a fresh server for the export alone`);
    const fresh = await startServer({ port, dataDir: env.DATA_DIR, databaseUrl: env.DATABASE_URL, demo: false, startTimeoutMs: 120_000 });
    try {
      // The export has no setup and no floor: it needs no connection of its own.
      const ctx = contextOf(null as unknown as Database["db"], principal);
      await ctx.api('/projects?pageSize=1');
      const procs = procsOf(fresh.pid, env.DATA_DIR);
      peaks(procs);
      const row = await runScenario({ ...exportScenario, name: FRESH_EXPORT_SCENARIO }, ctx, procs);
      rows.push(row);
      log(`${engine} ${row.name}: api p50 ${fmtMs(row.api?.p50)}, peak ${row.rssMb} MB`);
    } finally {
      await fresh.stop();
    }
  }
  client.close();
  return { engine, rows, generated: generatedNote({ ...generated, engine }) };
}

/** The data's line in the results: how much, and how fast the generator wrote it. */
function generatedNote(g: Generated): string {
  const n = (x: number) => x.toLocaleString('en-US');
  const parts = g.reportRowsOnlyPerSecond != null && g.reportRollupsMs != null
    ? `（行本身 ${n(g.reportRowsOnlyPerSecond)} 行/秒；其后重建统计汇总 ${(g.reportRollupsMs / 1000).toFixed(1)} 秒）` : '';
  // The issue's bound is PostgreSQL's (COPY); PGlite's wire server takes no COPY.
  const judged = g.engine === 'pg' && g.reportRowsPerSecond ? `，目标 ≥ 100,000 行/秒 ${g.reportRowsPerSecond >= 100_000 ? '✓' : '✗'}` : '';
  const speed = g.reportRowsPerSecond ? `，月报写入（至索引与外键建好）${n(g.reportRowsPerSecond)} 行/秒${parts}${judged}` : '';
  const took = g.seconds ? `，共用时 ${g.seconds} 秒` : '';
  const load = g.loadAvg ? `（生成时负载 ${g.loadAvg}）` : '';
  return `月报 ${g.reports.toLocaleString('en-US')} 条${g.cards ? `、亮牌 ${g.cards.toLocaleString('en-US')} 张` : ''}，生成于 ${g.at.slice(0, 16).replace('T', ' ')} UTC${took}${speed}${load}`;
}

async function runScenario(s: Scenario, ctx: BenchContext, procs: Procs): Promise<Row> {
  const setup = s.setup ? await s.setup(ctx) : undefined;
  if (setup === null) return { name: s.name, api: null, floor: null, rssMb: null, note: '本规模数据不适用' };
  const budget = quick ? 2_000 : s.budgetMs ?? 15_000;
  // What the server held before (left by earlier scenarios: the heap is not given back at once).
  const rssBeforeMb = statusMb(procs.server, 'VmRSS');
  const cpu = cpuMeter(procs, ctx.engine);
  // The floor is timed between the API's calls, one for one, so that whatever else the machine does
  // meanwhile weighs on both alike; neither its CPU nor the untimed steps count as the API's.
  const floorSamples: number[] = [];
  const floorStep = s.floor && (async () => {
    const t = performance.now();
    await s.floor!(ctx, setup);
    floorSamples.push(performance.now() - t);
    await s.after?.(ctx, setup);
  });
  const after = s.after || floorStep ? () => cpu.aside(async () => {
    await s.after?.(ctx, setup);
    await floorStep?.();
  }) : undefined;
  const warmup = s.warmup ?? 2;
  const api = await sampleUntil(() => s.api(ctx, setup), { warmup, min: s.min ?? 5, max: s.max ?? 40, budgetMs: budget }, after);
  const used = cpu.per(api.n + warmup);
  const { rssMb, dbRssMb } = peaks(procs);
  const floor = floorStep ? summarise(floorSamples.slice(warmup)) : null;
  return { name: s.name, api, floor, rssMb, rssBeforeMb, dbRssMb, cpu: used, note: s.note?.(setup) };
}

async function main() {
  // The machine's load is part of the result: the figures of a shared machine are not its capacity.
  const loadAtStart = os.loadavg().map((x) => x.toFixed(1)).join(' / ');
  const results: EngineResult[] = [];
  let port = 3290;
  for (const e of engines) {
    const r = await runEngine(e, port++);
    if (r) results.push(r);
  }
  if (args.prepare) {
    log('data prepared');
    return;
  }
  const text = renderResults(results, { scale, date: new Date(), machine: `${os.cpus().length} × ${os.cpus()[0]?.model ?? 'CPU'}，内存 ${(os.totalmem() / 2 ** 30).toFixed(0)} GB，${os.type()} ${os.release()}，Node ${process.version}；开始时负载 ${loadAtStart}，结束时 ${os.loadavg().map((x) => x.toFixed(1)).join(' / ')}（1/5/15 分钟，其他进程也计在内）` });
  console.log(`\n${text}`);
  if (only && !args.out) return;
  fs.mkdirSync(path.dirname(outFile), { recursive: true });
  fs.writeFileSync(outFile, text);
  log(`written to ${path.relative(ROOT, outFile)}`);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
