// The benchmark's scenarios and targets (issue "province scale"): each one calls the HTTP API and,
// where there is one, the service function underneath in this process (the floor).
import { sql } from 'drizzle-orm';
import { cockpitQuery } from '../src/contract/cockpit.ts';
import { projectListQuery } from '../src/contract/projects.ts';
import { statsQuery } from '../src/contract/stats.ts';
import type { Db } from '../src/server/db/client.ts';
import type { Scale } from '../src/server/gen/generate.ts';
import type { Principal } from '../src/server/modules/access/principal.ts';
import { issueBulletin } from '../src/server/modules/bulletins/bulletins.service.ts';
import { monthRunWidth, runCardsForMonth } from '../src/server/modules/cards/cards.service.ts';
import { getCockpit } from '../src/server/modules/cockpit/cockpit.service.ts';
import { listProjects } from '../src/server/modules/projects/projects.service.ts';
import { getStats } from '../src/server/modules/stats/stats.service.ts';
import { buildLedger, goodRow, multipart } from '../test/helpers/xlsx.ts';

export interface BenchContext {
  db: Db;
  principal: Principal;
  base: string;
  scale: Scale;
  engine: 'pglite' | 'pg';
  api: (path: string, init?: RequestInit) => Promise<Response>;
}

export interface Scenario<S = unknown> {
  name: string;
  /** Runs once before sampling; null means "not applicable on this data". */
  setup?: (ctx: BenchContext) => Promise<S | null>;
  api: (ctx: BenchContext, s: S) => Promise<void>;
  floor?: (ctx: BenchContext, s: S) => Promise<void>;
  /** Runs after each timed call, untimed: puts the data back as it was. */
  after?: (ctx: BenchContext, s: S) => Promise<void>;
  note?: (s: S) => string | undefined;
  warmup?: number;
  min?: number;
  max?: number;
  budgetMs?: number;
}

interface Target { text: string; p50Ms?: number; p95Ms?: number; p99Ms?: number; rps?: number; errors?: number; rssMb?: number }
const t = (text: string, o: Omit<Target, 'text'>): Target => ({ text, ...o });

export const EXPORT_SCENARIO = '台账导出全省（流式 .xlsx）';
export const FRESH_EXPORT_SCENARIO = '台账导出全省：只做这一项的新服务';

/** Targets of the issue, per scenario and engine. */
export const TARGETS: Record<string, { pg: Target; pglite: Target }> = {
  '台账列表：筛选+排序+第 3 页+合计': { pg: t('p95 ≤ 50 ms', { p95Ms: 50 }), pglite: t('p95 ≤ 100 ms', { p95Ms: 100 }) },
  '驾驶舱：一个市': { pg: t('p95 ≤ 50 ms', { p95Ms: 50 }), pglite: t('p95 ≤ 100 ms', { p95Ms: 100 }) },
  '驾驶舱：全省': { pg: t('p95 ≤ 100 ms', { p95Ms: 100 }), pglite: t('p95 ≤ 200 ms', { p95Ms: 200 }) },
  '统计汇总：全省各县区，一期': { pg: t('≤ 200 ms', { p50Ms: 200 }), pglite: t('≤ 400 ms', { p50Ms: 400 }) },
  '亮牌评定：全省一个月': { pg: t('≤ 3 s', { p50Ms: 3000 }), pglite: t('≤ 6 s', { p50Ms: 6000 }) },
  '台账导入 10,000 行：预览+提交': { pg: t('≤ 5 s', { p50Ms: 5000 }), pglite: t('≤ 5 s', { p50Ms: 5000 }) },
  [EXPORT_SCENARIO]: { pg: t('≤ 5 s，≤ 300 MB', { p50Ms: 5000, rssMb: 300 }), pglite: t('≤ 5 s，≤ 300 MB', { p50Ms: 5000, rssMb: 300 }) },
  [FRESH_EXPORT_SCENARIO]: { pg: t('≤ 5 s，≤ 300 MB', { p50Ms: 5000, rssMb: 300 }), pglite: t('≤ 5 s，≤ 300 MB', { p50Ms: 5000, rssMb: 300 }) },
  '月度通报：全省': { pg: t('≤ 3 s', { p50Ms: 3000 }), pglite: t('≤ 5 s', { p50Ms: 5000 }) },
  '台账列表 50 并发（请求/秒）': { pg: t('≥ 1,000 请求/秒，0 错误', { rps: 1000, errors: 0 }), pglite: t('≥ 300 请求/秒，0 错误', { rps: 300, errors: 0 }) },
  '统计汇总循环时健康检查 p99': { pg: t('p99 < 20 ms', { p99Ms: 20 }), pglite: t('p99 < 20 ms', { p99Ms: 20 }) },
};

/** The ledger page the load test and the first scenario read: projects under construction, largest first, page n. */
export const LEDGER_LIST = (page: number) => `/projects?stage=construction&sort=totalInvestment&order=desc&page=${page}&pageSize=50`;
/** The issue's roll-up: every county-level region of the province for one period, ranked together. */
export const ROLLUP_PROVINCE = '/stats?region=370000&year=2024&month=11&groupBy=county';

async function drain(r: Promise<Response>, expect = 200): Promise<void> {
  const res = await r;
  const body = await res.arrayBuffer();
  if (res.status !== expect) throw new Error(`${res.url} → ${res.status}: ${Buffer.from(body).toString('utf8').slice(0, 300)}`);
}

/** Periods of November 2024, one per city. */
async function novemberPeriods(db: Db): Promise<string[]> {
  const r = await db.execute<{ id: string }>(sql`SELECT id FROM reporting_periods WHERE year = 2024 AND month = 11 ORDER BY region_code`);
  return r.rows.map((x) => x.id);
}

/** A ledger of `n` new projects in one county of the generated data, with its real units and leaders. */
export async function buildImportFile(db: Db, n: number, prefix: string): Promise<Buffer> {
  const county = (await db.execute<{ code: string; name: string }>(sql`
    SELECT r.code, r.name FROM regions r WHERE r.code LIKE '3715%' AND r.level = 'county' ORDER BY r.code LIMIT 1`)).rows[0]!;
  const orgs = (await db.execute<{ name: string; kind: string }>(sql`SELECT name, kind FROM organizations WHERE region_code = ${county.code} ORDER BY name`)).rows;
  const leader = (await db.execute<{ name: string }>(sql`SELECT name FROM people WHERE region_code = ${county.code} AND is_leader ORDER BY name LIMIT 1`)).rows[0]!;
  const gov = orgs.find((o) => o.kind === 'government')!.name;
  const owners = orgs.filter((o) => o.kind === 'enterprise').map((o) => o.name);
  return buildLedger(Array.from({ length: n }, (_, k) => goodRow(`${prefix}-${String(k + 1).padStart(5, '0')}`, {
    name: `基准导入项目${k + 1}`, region: county.name, owner: owners[(k + 1) % owners.length], responsibleUnit: gov, leader: leader.name,
    totalInvestment: 10000 + ((k + 1) % 50) * 1000, annualPlan: 3000, plannedCompletion: new Date(Date.UTC(2026, 11, 31)), tags: '基准',
    longitude: 115.9 + ((k + 1) % 100) / 1000, latitude: 36.4 + ((k + 1) % 100) / 1000,
  })));
}

interface ImportRound { rows: number; prefix: string; file: Buffer }

export const SCENARIOS: Scenario<any>[] = [
  {
    name: '台账列表：筛选+排序+第 3 页+合计',
    api: (c) => drain(c.api(LEDGER_LIST(3))),
    floor: async (c) => { await listProjects(c.db, c.principal, projectListQuery.parse({ stage: 'construction', sort: 'totalInvestment', order: 'desc', page: 3, pageSize: 50 })); },
  },
  {
    name: '驾驶舱：一个市',
    setup: async (c) => ((await c.api('/cockpit?region=371500')).status === 200 ? {} : null),
    api: (c) => drain(c.api('/cockpit?region=371500')),
    floor: async (c) => { await getCockpit(c.db, c.principal, cockpitQuery.parse({ region: '371500' })); },
  },
  {
    name: '驾驶舱：全省',
    setup: async (c) => ((await c.api('/cockpit?region=370000')).status === 200 ? {} : null),
    api: (c) => drain(c.api('/cockpit?region=370000')),
    floor: async (c) => { await getCockpit(c.db, c.principal, cockpitQuery.parse({ region: '370000' })); },
  },
  {
    name: '统计汇总：全省各县区，一期',
    api: (c) => drain(c.api(ROLLUP_PROVINCE)),
    floor: async (c) => { await getStats(c.db, c.principal, statsQuery.parse({ region: '370000', year: 2024, month: 11, groupBy: 'county' })); },
  },
  {
    // One call: the province's office rates the month, every city's period (POST /cards/run-month).
    name: '亮牌评定：全省一个月',
    setup: async (c) => novemberPeriods(c.db),
    api: async (c) => {
      await drain(c.api('/cards/run-month', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ regionCode: '370000', month: '2024-11' }) }));
    },
    floor: async (c) => {
      await runCardsForMonth(c.db, c.principal, { regionCode: '370000', month: '2024-11' }, monthRunWidth(c.engine === 'pg' ? 'postgres' : 'pglite'));
    },
    note: (ids: string[]) => `${ids.length} 个市级期间，一次调用`,
    warmup: 0, min: 1, max: 3, budgetMs: 60_000,
  },
  {
    name: EXPORT_SCENARIO,
    api: (c) => drain(c.api('/ledger/export.xlsx?region=370000')),
    warmup: 0, min: 2, max: 3, budgetMs: 30_000,
  },
  {
    // The province has no periods of its own: its bulletin is the month of its cities' periods,
    // issued once all sixteen are locked (POST /bulletins { regionCode, month }).
    name: '月度通报：全省',
    setup: async (c) => {
      const res = await c.api('/bulletins/months?region=370000&year=2024');
      const body = (await res.json()) as { items?: { month: string; ready: boolean; periods: number }[] };
      const nov = body.items?.find((m) => m.month === '2024-11');
      return nov?.ready ? { month: nov.month, periods: nov.periods } : null;
    },
    api: (c, s: { month: string }) => drain(c.api('/bulletins', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ regionCode: '370000', month: s.month }) }), 201),
    floor: async (c, s: { month: string }) => { await issueBulletin(c.db, c.principal, { regionCode: '370000', month: s.month }); },
    note: (s: { periods: number }) => `2024年11月，${s.periods} 个市级期间`,
    warmup: 0, min: 2, max: 5, budgetMs: 20_000,
  },
  {
    // Last: it adds projects (removed again after each round, untimed, so the cached data set stays as
    // generated). The file is made once; the same codes are free again after each removal.
    name: '台账导入 10,000 行：预览+提交',
    setup: async (c) => {
      const rows = c.scale === 'tiny' ? 500 : 10_000;
      const prefix = `BENCH${Date.now().toString(36).toUpperCase()}`;
      return { rows, prefix, file: await buildImportFile(c.db, rows, prefix) };
    },
    api: async (c, s: ImportRound) => {
      const { payload, headers } = multipart(s.file, { fileName: `${s.prefix}.xlsx` });
      const body = payload as unknown as BodyInit;
      await drain(c.api('/ledger/import?dryRun=true', { method: 'POST', headers, body }));
      await drain(c.api('/ledger/import?dryRun=false', { method: 'POST', headers, body }));
    },
    after: async (c, s: ImportRound) => {
      // The commit must have written every row, or the timing would be of something else.
      const made = await c.db.execute<{ n: number }>(sql`SELECT count(*)::int AS n FROM projects WHERE code LIKE ${`${s.prefix}-%`}`);
      await c.db.execute(sql`DELETE FROM projects WHERE code LIKE ${`${s.prefix}-%`}`);
      if (made.rows[0]!.n !== s.rows) throw new Error(`导入后应有 ${s.rows} 个项目，实有 ${made.rows[0]!.n} 个`);
    },
    note: (s: ImportRound) => `${s.rows} 行（文件事先生成，不计时）`,
    warmup: 0, min: 1, max: 3, budgetMs: 30_000,
  },
];
