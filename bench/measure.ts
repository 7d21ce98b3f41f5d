// Sampling, load, the stall probe and the results table of the benchmark.
import { performance } from 'node:perf_hooks';
import { browserLikeClient } from './client.ts';
import type { BenchContext } from './scenarios.ts';
import { LEDGER_LIST, ROLLUP_PROVINCE, TARGETS } from './scenarios.ts';

export interface Stats { n: number; p50: number; p95: number; p99: number; mean: number }
export interface Row {
  name: string;
  api: Stats | null;
  floor: Stats | null;
  /** Peak resident memory of the server during the scenario, MB. */
  rssMb: number | null;
  /** Resident memory of the server when the scenario began, MB. */
  rssBeforeMb?: number | null;
  /** PGlite: the peak of the child process that runs the database, MB. */
  dbRssMb?: number | null;
  /** CPU per call, ms: the server process, and the database's (PostgreSQL's processes or PGlite's own; null: not read). */
  cpu?: { app: number; db: number | null };
  note?: string;
  rps?: number;
  errors?: number;
}
export interface EngineResult { engine: 'pglite' | 'pg'; rows: Row[]; /** The data: how much, when and how fast it was generated. */ generated?: string }

export function percentile(sorted: number[], p: number): number {
  if (!sorted.length) return NaN;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i]!;
}

export function summarise(samples: number[]): Stats {
  const s = [...samples].sort((a, b) => a - b);
  return { n: s.length, p50: percentile(s, 50), p95: percentile(s, 95), p99: percentile(s, 99), mean: s.reduce((a, b) => a + b, 0) / (s.length || 1) };
}

/**
 * Runs `fn` after `warmup` unmeasured runs until `max` samples, or the budget is spent and `min` are
 * taken; `after` runs untimed after each call (also after one that failed).
 */
export async function sampleUntil(
  fn: () => Promise<void>, o: { warmup: number; min: number; max: number; budgetMs: number }, after?: () => Promise<void>,
): Promise<Stats> {
  for (let i = 0; i < o.warmup; i++) {
    await fn();
    await after?.();
  }
  const samples: number[] = [];
  let spent = 0;
  while (samples.length < o.max && (samples.length < o.min || spent < o.budgetMs)) {
    const t = performance.now();
    try {
      await fn();
      samples.push(performance.now() - t);
      spent += samples.at(-1)!;
    } finally {
      await after?.();
    }
  }
  return summarise(samples);
}

/** `clients` clients fetching the ledger list back to back for `ms`. */
export async function loadTest(ctx: BenchContext, ms: number, clients: number) {
  const latencies: number[] = [];
  let errors = 0;
  const until = performance.now() + ms;
  const started = performance.now();
  await Promise.all(Array.from({ length: clients }, async (_, c) => {
    let i = c;
    while (performance.now() < until) {
      const t = performance.now();
      try {
        const r = await ctx.api(LEDGER_LIST(i++ % 20 + 1));
        await r.arrayBuffer();
        if (r.status !== 200) errors++;
      } catch {
        errors++;
      }
      latencies.push(performance.now() - t);
    }
  }));
  const seconds = (performance.now() - started) / 1000;
  return { requests: latencies.length, errors, rps: latencies.length / seconds, latency: summarise(latencies) };
}

/** Health checks one after another while the province roll-up loops: the server must keep answering. */
export async function stallProbe(ctx: BenchContext, healthUrl: string, ms: number) {
  const until = performance.now() + ms;
  let rollups = 0;
  const heavy = (async () => {
    while (performance.now() < until) {
      const r = await ctx.api(ROLLUP_PROVINCE);
      await r.arrayBuffer();
      rollups++;
    }
  })();
  const samples: number[] = [];
  const probe = browserLikeClient();
  while (performance.now() < until) {
    const t = performance.now();
    await (await probe.fetch(healthUrl)).arrayBuffer();
    samples.push(performance.now() - t);
    await new Promise((r) => setTimeout(r, 5));
  }
  await heavy;
  probe.close();
  return { health: summarise(samples), rollups };
}

export const fmtMs = (v: number | undefined | null) => (v == null || Number.isNaN(v) ? '—' : v >= 1000 ? `${(v / 1000).toFixed(2)} s` : `${v.toFixed(v < 10 ? 1 : 0)} ms`);

/** The issue's bound on the API's time over the bare call underneath it (the floor), for every row with a floor. */
export const MAX_API_OVER_FLOOR = 1.3;

/** Whether a row meets its target, and its API-over-floor ratio the bound (null: no target or not measured). */
function verdict(row: Row, engine: 'pglite' | 'pg'): { target: string; ok: boolean | null } {
  const t = TARGETS[row.name]?.[engine];
  const ratioText = row.floor ? `；API/地板 ≤ ${MAX_API_OVER_FLOOR}` : '';
  if (!t || !row.api) return { target: t ? t.text + ratioText : '—', ok: null };
  const ok = (t.p95Ms == null || row.api.p95 <= t.p95Ms) && (t.p50Ms == null || row.api.p50 <= t.p50Ms)
    && (t.rps == null || (row.rps ?? 0) >= t.rps) && (t.errors == null || (row.errors ?? 0) <= t.errors)
    && (t.rssMb == null || (row.rssMb ?? Infinity) <= t.rssMb) && (t.p99Ms == null || row.api.p99 <= t.p99Ms)
    && (!row.floor || row.api.p50 / row.floor.p50 <= MAX_API_OVER_FLOOR);
  return { target: t.text + ratioText, ok };
}

/** "12 + 30 ms": the server, and the database (PostgreSQL's processes, or PGlite's own process). */
function fmtCpu(c: Row['cpu']): string {
  if (!c) return '—';
  return c.db == null ? fmtMs(c.app) : `${fmtMs(c.app)} + ${fmtMs(c.db)}`;
}

export function renderResults(results: EngineResult[], o: { scale: string; date: Date; machine: string }): string {
  const lines = [
    `# 基准测试结果（${o.scale}）`,
    '',
    `- 日期：${o.date.toISOString().slice(0, 16).replace('T', ' ')} UTC`,
    `- 机器：${o.machine}`,
    '- 方法：每个场景经 HTTP API 计时（中位数、p95）；“地板”是同一服务函数在基准进程内经同一驱动直接调用的耗时（其 SQL 往返，无 HTTP、无 JSON 序列化）；每次 CPU 为每次调用服务进程与数据库（PostgreSQL 各进程，或 PGlite 所在的子进程）所用 CPU 时间（/proc 计数，10 ms 粒度）；峰值内存为服务进程在该场景中的 VmHWM，括号内为场景开始时服务进程已占用的内存（前面场景留下的堆不会立刻归还），PGlite 另列其数据库子进程的峰值（与 PostgreSQL 各进程的内存一样不计入服务进程）。',
    '- 由 `npm run bench` 生成；数据由 `npm run gen` 的同一生成器产生。',
    ...results.filter((r) => r.generated).map((r) => `- 数据（${r.engine === 'pg' ? 'PostgreSQL' : 'PGlite'}）：${r.generated}`),
    '',
    '| 场景 | 引擎 | 中位数 | p95 | 地板中位数 | API/地板 | 每次 CPU（服务+库） | 峰值内存 | 目标 | 达标 | 说明 |',
    '|---|---|---|---|---|---|---|---|---|---|---|',
  ];
  const names = [...new Set(results.flatMap((r) => r.rows.map((x) => x.name)))];
  for (const name of names) {
    for (const r of results) {
      const row = r.rows.find((x) => x.name === name);
      if (!row) continue;
      const ratio = row.api && row.floor ? (row.api.p50 / row.floor.p50).toFixed(2) : '—';
      const v = verdict(row, r.engine);
      lines.push(`| ${name} | ${r.engine === 'pg' ? 'PostgreSQL' : 'PGlite'} | ${fmtMs(row.api?.p50)} | ${fmtMs(row.api?.p95)} | ${fmtMs(row.floor?.p50)} | ${ratio} | ${fmtCpu(row.cpu)} | ${row.rssMb ?? '—'} MB${row.rssBeforeMb != null ? `（开始时 ${row.rssBeforeMb}）` : ''}${row.dbRssMb != null ? `；库进程 ${row.dbRssMb} MB` : ''} | ${v.target} | ${v.ok == null ? '—' : v.ok ? '✓' : '✗'} | ${row.note ?? ''} |`);
    }
  }
  return `${lines.join('\n')}\n`;
}
