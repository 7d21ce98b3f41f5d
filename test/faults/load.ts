// Simulated users of the demo city for the mixed-load test: readers on the pages people open most,
// report editors saving drafts, office staff importing small ledgers and running cards. Every answer
// is counted; every write the server acknowledged (2xx) is remembered so the test can find it in the
// database afterwards.
import type { Db } from '../../src/server/db/client.ts';
import { buildImportFile } from '../../bench/scenarios.ts';
import type { HttpClient } from '../helpers/server.ts';
import { multipart } from '../helpers/xlsx.ts';

export interface LoadTally {
  requests: number;
  byStatus: Map<number, number>;
  /** Answers ≥ 500 and requests that got no answer at all, with what was asked. */
  failures: string[];
  latencies: Map<string, number[]>;
  /** Acknowledged writes. */
  saves: Map<string, number>;
  importedRows: number;
  imports: number;
  cardRuns: number;
}

export function newTally(): LoadTally {
  return { requests: 0, byStatus: new Map(), failures: [], latencies: new Map(), saves: new Map(), importedRows: 0, imports: 0, cardRuns: 0 };
}

async function call(t: LoadTally, kind: string, what: string, fn: () => Promise<{ status: number; body: any }>) {
  const started = performance.now();
  t.requests += 1;
  try {
    const r = await fn();
    t.byStatus.set(r.status, (t.byStatus.get(r.status) ?? 0) + 1);
    if (r.status >= 500) t.failures.push(`${what} → ${r.status} ${JSON.stringify(r.body).slice(0, 200)}`);
    const l = t.latencies.get(kind) ?? [];
    l.push(performance.now() - started);
    t.latencies.set(kind, l);
    return r;
  } catch (err) {
    t.failures.push(`${what} → no answer: ${(err as Error).message}`);
    return null;
  }
}

export interface LoadPlan {
  until: number;
  readers: HttpClient[];
  /** One client per editor, each with reports nobody else edits. */
  editors: { client: HttpClient; reports: { projectId: string; periodId: string }[] }[];
  importers: HttpClient[];
  cardRunners: HttpClient[];
  /** Locked periods the card runners re-run (the open month would grow with every import). */
  cardPeriods: string[];
  importPrefix: string;
  importRows: number;
  db: Db;
}

const READS = [
  '/projects?page=2&pageSize=50&sort=totalInvestment&order=desc',
  '/stats?groupBy=region',
  '/cockpit',
  '/cards?color=red',
  '/cards/summary',
  '/problems',
  '/reports?view=due',
  '/map/projects',
  '/notifications/unread-count',
  '/periods',
];

/** Pauses of the office staff between heavy actions (nobody imports or runs cards in a tight loop). */
const IMPORT_PAUSE_MS = 1_000;
const CARD_PAUSE_MS = 2_000;
const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

export async function runLoad(plan: LoadPlan, t: LoadTally): Promise<void> {
  const live = () => Date.now() < plan.until;
  const reader = async (c: HttpClient, i: number) => {
    for (let n = i; live(); n++) {
      const p = READS[n % READS.length]!;
      await call(t, `GET ${p.split('?')[0]}`, `GET ${p}`, () => c.get(p));
    }
  };
  const editor = async ({ client, reports }: LoadPlan['editors'][number]) => {
    for (let n = 0; live(); n++) {
      const r = reports[n % reports.length]!;
      const url = `/reports/${r.projectId}/${r.periodId}`;
      const cur = await call(t, 'GET /reports/:project/:period', `GET ${url}`, () => client.get(url));
      if (cur?.status !== 200) continue;
      const b = cur.body;
      const put = await call(t, 'save', `PUT ${url}`, () => client.put(url, {
        version: b.version, investment: b.investment, fundsBySource: b.fundsBySource, milestoneDates: b.milestoneDates,
        roadblocksText: b.roadblocksText, progressText: `${b.progressText.replace(/（第\d+次保存）$/, '')}（第${b.version + 1}次保存）`,
      }));
      if (put?.status === 200) t.saves.set(put.body.id, (t.saves.get(put.body.id) ?? 0) + 1);
    }
  };
  let importSeq = 0;
  const importer = async (c: HttpClient) => {
    while (live()) {
      const prefix = `${plan.importPrefix}${String(importSeq++).padStart(3, '0')}`;
      const { payload, headers } = multipart(await buildImportFile(plan.db, plan.importRows, prefix), { fileName: `${prefix}.xlsx` });
      const r = await call(t, 'import', `import ${prefix}`, () => c.request('POST', '/ledger/import?dryRun=false', payload, headers));
      if (r?.status === 200) {
        t.imports += 1;
        t.importedRows += r.body.toCreate;
      }
      await pause(IMPORT_PAUSE_MS);
    }
  };
  const cardRunner = async (c: HttpClient, i: number) => {
    for (let n = i; live(); n++) {
      const id = plan.cardPeriods[n % plan.cardPeriods.length]!;
      const r = await call(t, 'cards', `run cards ${id}`, () => c.post(`/cards/run?periodId=${id}`));
      if (r?.status === 200) t.cardRuns += 1;
      await pause(CARD_PAUSE_MS);
    }
  };
  await Promise.all([
    ...plan.readers.map(reader),
    ...plan.editors.map(editor),
    ...plan.importers.map(importer),
    ...plan.cardRunners.map(cardRunner),
  ]);
}

export function p95(xs: number[]): number {
  if (!xs.length) return 0;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(s.length * 0.95))]!;
}
