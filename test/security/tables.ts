// Every table of the database as a row count and an order-free hash of its rows: two snapshots that
// differ name the tables a request changed.
import type { TestApp } from '../helpers/app.ts';

export type Snapshot = Record<string, string>;

export async function snapshot(t: TestApp): Promise<Snapshot> {
  const { rows: tables } = await t.database.pool.query<{ name: string }>(
    `select table_name as name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' order by 1`,
  );
  const sql = tables
    .map(({ name }) => `select '${name}' as t, count(*)::int as n, coalesce(sum(hashtext(x::text)::bigint), 0)::text as h from "${name}" x`)
    .join(' union all ');
  const { rows } = await t.database.pool.query<{ t: string; n: number; h: string }>(sql);
  return Object.fromEntries(rows.map((r) => [r.t, `${r.n} rows ${r.h}`]));
}

/** The tables whose rows differ between two snapshots. */
export const changedTables = (a: Snapshot, b: Snapshot) => Object.keys({ ...a, ...b }).filter((k) => a[k] !== b[k]);
