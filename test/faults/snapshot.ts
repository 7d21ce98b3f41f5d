// What a fault test compares: every table's row count and a checksum of its rows (order-free), and
// the write-ahead log position, on either engine.
import { sql } from 'drizzle-orm';
import type { Db } from '../../src/server/db/client.ts';

/** Sign-in bookkeeping, not business data: a request may touch it without changing anything. */
const BOOKKEEPING = new Set(['sessions', 'api_tokens']);

export type Snapshot = Map<string, { rows: number; sum: string }>;

export async function tableNames(db: Db): Promise<string[]> {
  const r = await db.execute<{ name: string }>(sql`
    SELECT table_name AS name FROM information_schema.tables
    WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY table_name`);
  return r.rows.map((x) => x.name).filter((n) => !BOOKKEEPING.has(n));
}

/** Count and checksum of one table, or of the rows a WHERE clause picks. */
export async function tableSum(db: Db, table: string, where = 'true'): Promise<{ rows: number; sum: string }> {
  const r = await db.execute<{ rows: number; sum: string }>(sql.raw(`
    SELECT count(*)::int AS rows, coalesce(md5(string_agg(h, '' ORDER BY h)), '') AS sum
    FROM (SELECT md5(t::text) AS h FROM "${table}" t WHERE ${where}) x`));
  return r.rows[0]!;
}

export async function snapshot(db: Db): Promise<Snapshot> {
  const out: Snapshot = new Map();
  for (const t of await tableNames(db)) out.set(t, await tableSum(db, t));
  return out;
}

/** Tables whose rows differ between two snapshots. */
export function changedTables(a: Snapshot, b: Snapshot): string[] {
  const names = new Set([...a.keys(), ...b.keys()]);
  return [...names].filter((n) => a.get(n)?.sum !== b.get(n)?.sum || a.get(n)?.rows !== b.get(n)?.rows).sort();
}

export const rowsOf = (s: Snapshot, table: string) => s.get(table)?.rows ?? 0;

export async function walPosition(db: Db): Promise<string> {
  return (await db.execute<{ lsn: string }>(sql`SELECT pg_current_wal_insert_lsn()::text AS lsn`)).rows[0]!.lsn;
}

/** Bytes of write-ahead log written since a position: after a crash, what recovery found on disk. */
export async function walBytesSince(db: Db, from: string): Promise<number> {
  const r = await db.execute<{ n: string }>(sql`SELECT pg_wal_lsn_diff(pg_current_wal_insert_lsn(), ${from}::pg_lsn)::text AS n`);
  return Number(r.rows[0]!.n);
}
