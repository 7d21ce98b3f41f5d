// The scale generator's reports: one approved report per project and month in the ledger.
// Investment = the plan's month × a factor in [0.6, 1.2) from a hash of the project and month, so the
// cumulative never passes opening + 0.96 × (total − opening) ≤ total. Rows are computed here and
// streamed with COPY on PostgreSQL (jsonb batches on PGlite, whose wire server has no COPY). The
// indexes (the primary key's and the unique ones too) are built once afterwards instead of row by row,
// the foreign keys (a trigger per key per row) are put back and validated in one pass each, and the
// statistics' roll-ups are rebuilt once for every project instead of by the per-statement triggers.
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { sql } from 'drizzle-orm';
import type pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import type { Db } from '../db/client.ts';
import { addDays, monthEnd } from '../db/seed/demo.prng.ts';
import { lanes } from '../lanes.ts';
import { bulk, cols, mix32, round4, wan, type Column } from './bulk.ts';
import { PROGRESS_TEXTS } from './vocabulary.ts';

export interface ReportInput {
  cities: readonly { code: string; name: string; path: string }[];
  counties: readonly { path: string; cityCode: string }[];
  projects: readonly { id: string; countyIdx: number; entry: string; completion: string | null; stage: string }[];
  /** Each project's monthly plan per year (null: a year without construction). */
  plansOf: ReadonlyMap<string, ReadonlyMap<number, number[] | null>>;
  periods: readonly Record<string, unknown>[];
  years: readonly number[];
}

const ROLLUP_TRIGGERS = ['progress_reports_rollups_insert', 'progress_reports_rollups_update', 'progress_reports_rollups_delete'];

/** id, project, period, region path, year, month, investment, funds, text, created, reviewed, submitted. */
type ReportRow = [string, string, string, string, number, number, string, string, string, string, string, string];
const REPORT_COLUMNS: Column[] = [
  ...cols('id project_id period_id', 'uuid'), ...cols('region_path status progress_text', 'text'), ...cols('year month version', 'int'),
  ...cols('investment funds_arrived', 'numeric'), ...cols('created_at updated_at submitted_at reviewed_at', 'timestamptz'),
];
const reportRecord = (r: ReportRow) => ({
  id: r[0], project_id: r[1], period_id: r[2], region_path: r[3], year: r[4], month: r[5], status: 'approved', version: 1,
  investment: r[6], funds_arrived: r[7], progress_text: r[8], created_at: r[9], updated_at: r[10], submitted_at: r[11], reviewed_at: r[10],
});

/**
 * Writes every report; returns how long the rows took, the table with its indexes and keys back
 * (loadedMs), everything with the roll-ups (ms), and whether the connection took COPY (PostgreSQL),
 * which also tells the caller that two lanes of work pay off.
 */
export async function loadReports(
  db: Db, g: ReportInput, log: (line: string) => void,
): Promise<{ rowsMs: number; loadedMs: number; ms: number; copy: boolean }> {
  const started = Date.now();
  const since = () => `${((Date.now() - started) / 1000).toFixed(1)}s`;
  const periodIdOf = new Map(g.periods.map((x) => [`${x.region_code}:${x.year}-${x.month}`, x.id as string]));
  // What every report of a month shares, worked out once per month instead of once per row (the
  // dates' arithmetic was most of this process's time per row, and the server waited on it).
  const monthsOf = new Map(g.years.map((y) => [y, Array.from({ length: 12 }, (_, k) => {
    const m = k + 1;
    const startsOn = `${y}-${String(m).padStart(2, '0')}-01`;
    const endsOn = monthEnd(startsOn);
    const day1 = addDays(endsOn, 1);
    return {
      m, startsOn, endsOn, idTail: (y * 12 + m).toString(16).padStart(12, '0'),
      created: `${day1} 09:00:00+08`, reviewed: `${addDays(endsOn, 3)} 15:00:00+08`, submitted: `${day1} 10:00:00+08`,
    };
  })]));
  const reportLines = function* (c: { code: string }): Generator<ReportRow> {
    const periodOf = new Map(g.years.map((y) => [y, Array.from({ length: 12 }, (_, k) => periodIdOf.get(`${c.code}:${y}-${k + 1}`)!)]));
    for (let i = 0; i < g.projects.length; i++) {
      const p = g.projects[i]!;
      const county = g.counties[p.countyIdx]!;
      if (p.stage === 'withdrawn' || county.cityCode !== c.code) continue;
      const plans = g.plansOf.get(p.id);
      const entryMonth = `${p.entry.slice(0, 7)}-01`;
      const idHead = p.id.slice(0, 24);
      for (const y of g.years) {
        if (!plans?.has(y)) continue;
        const monthly = plans.get(y) ?? null;
        const periods = periodOf.get(y)!;
        for (const { m, startsOn, endsOn, idTail, created, reviewed, submitted } of monthsOf.get(y)!) {
          if (startsOn < entryMonth || (p.completion && startsOn > p.completion)) continue;
          const h = mix32(i * 7919 + y * 13 + m);
          const inv = round4((monthly?.[m - 1] ?? 0) * (0.6 + (0.6 * (h % 1000)) / 1000));
          const funds = round4(inv * (0.7 + (0.35 * (mix32(h) % 1000)) / 1000));
          const done = !!p.completion && p.completion <= endsOn;
          const texts = inv > 0 ? PROGRESS_TEXTS.build : done ? PROGRESS_TEXTS.done : PROGRESS_TEXTS.prep;
          yield [
            idHead + idTail, p.id, periods[m - 1]!, county.path, y, m,
            wan(inv), wan(funds), texts[(h >>> 10) % texts.length]!, created, reviewed, submitted,
          ];
        }
      }
    }
  };

  // The table's indexes (its primary key's and unique ones too) and foreign keys, and the keys of the
  // tables that point at it (empty while the generator runs), as the migrations made them: each index
  // is built once after the load, not grown row by row in the rows' random key order.
  const indexes = (await db.execute<{ name: string; def: string; pkey: boolean }>(sql`
    SELECT c.relname AS name, pg_get_indexdef(i.indexrelid) AS def, i.indisprimary AS pkey FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid
    WHERE i.indrelid = 'progress_reports'::regclass ORDER BY c.relname`)).rows;
  const fks = (await db.execute<{ name: string; tbl: string; def: string }>(sql`
    SELECT conname AS name, conrelid::regclass::text AS tbl, pg_get_constraintdef(oid) AS def FROM pg_constraint
    WHERE contype = 'f' AND (conrelid = 'progress_reports'::regclass OR confrelid = 'progress_reports'::regclass) ORDER BY conname`)).rows;
  for (const fk of fks) await db.execute(sql.raw(`alter table ${fk.tbl} drop constraint "${fk.name}"`));
  for (const ix of indexes) {
    await db.execute(sql.raw(ix.pkey ? `alter table progress_reports drop constraint "${ix.name}"` : `drop index "${ix.name}"`));
  }
  await db.execute(sql.raw(ROLLUP_TRIGGERS.map((tg) => `alter table progress_reports disable trigger ${tg}`).join('; ')));
  const copy = await canCopy(db);
  // Two cities at a time on PostgreSQL: this process computes the rows while the server parses them.
  const width = copy ? 2 : 1;
  let rowsMs = 0;
  try {
    await lanes(g.cities, width, async (c) => {
      if (copy) await copyReports(db, reportLines(c));
      else await bulk(db, 'progress_reports', REPORT_COLUMNS, [...reportLines(c)].map(reportRecord));
      log(`reports: ${c.name} (${since()})`);
    });
    rowsMs = Date.now() - started;
  } finally {
    await db.execute(sql.raw(ROLLUP_TRIGGERS.map((tg) => `alter table progress_reports enable trigger ${tg}`).join('; ')));
    await lanes(indexes, copy ? indexes.length : 1, (ix) => db.transaction(async (tx) => {
      await tx.execute(sql`SET LOCAL maintenance_work_mem = '256MB'`);
      await tx.execute(sql.raw(ix.def));
    }));
    // The primary key takes back its index (the column is already NOT NULL: no scan).
    for (const ix of indexes.filter((x) => x.pkey)) {
      await db.execute(sql.raw(`alter table progress_reports add constraint "${ix.name}" primary key using index "${ix.name}"`));
    }
    for (const fk of fks) {
      await db.execute(sql.raw(`alter table ${fk.tbl} add constraint "${fk.name}" ${fk.def} not valid`));
      await db.execute(sql.raw(`alter table ${fk.tbl} validate constraint "${fk.name}"`));
    }
  }
  const loadedMs = Date.now() - started;
  log(`reports: indexes and keys (${since()})`);
  await lanes(g.cities, width, (c) => db.execute(sql`SELECT report_rollups_refresh(ARRAY(SELECT id FROM projects WHERE region_path LIKE ${`${c.path}%`}))`));
  log(`reports: roll-ups (${since()})`);
  return { rowsMs, loadedMs, ms: Date.now() - started, copy };
}

/** True when the connection takes COPY FROM STDIN (PostgreSQL; not PGlite's wire server). */
async function canCopy(db: Db): Promise<boolean> {
  const v = await db.execute<{ v: string }>(sql`select version() as v`);
  return !/wasm|emscripten/i.test(v.rows[0]!.v);
}

/** Streams report rows into progress_reports with COPY (text format; the values hold no tab, newline or backslash). */
async function copyReports(db: Db, rows: Iterable<ReportRow>): Promise<void> {
  const client = await (db as unknown as { $client: pg.Pool }).$client.connect();
  try {
    const stream = client.query(copyFrom(`COPY progress_reports (id, project_id, period_id, region_path, year, month, investment,
      funds_arrived, progress_text, created_at, updated_at, submitted_at, reviewed_at, status, version) FROM STDIN`));
    await pipeline(Readable.from((function* () {
      let buf = '';
      let n = 0;
      for (const r of rows) {
        buf += `${r.join('\t')}\t${r[10]}\tapproved\t1\n`;
        if (++n % 2000 === 0) {
          yield buf;
          buf = '';
        }
      }
      if (buf) yield buf;
    })()), stream);
  } finally {
    client.release();
  }
}
