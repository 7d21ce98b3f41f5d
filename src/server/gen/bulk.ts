// Bulk writing for the scale generator: rows in jsonb slices, tables counted, and the
// small deterministic arithmetic its rows are made with.
import { sql } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { chunks } from '../db/seed/demo.prng.ts';

/** An amount in 万元 as the decimal text the database stores. */
export const wan = (n: number) => n.toFixed(4);

export type Column = [name: string, type: string];
export async function bulk(db: Db, table: string, columns: Column[], rows: Record<string, unknown>[], size = 10_000) {
  const names = columns.map(([n]) => `"${n}"`).join(', ');
  const shape = columns.map(([n, t]) => `"${n}" ${t}`).join(', ');
  for (const part of chunks(rows, size)) {
    try {
      await db.execute(sql`insert into ${sql.raw(`"${table}" (${names})`)} select ${sql.raw(columns.map(([n]) => `x."${n}"`).join(', '))}
        from jsonb_to_recordset(${JSON.stringify(part)}::jsonb) as ${sql.raw(`x(${shape})`)}`);
    } catch (e) {
      // The driver's message repeats every parameter; the cause is what helps.
      throw new Error(`写入 ${table} 失败: ${String((e as { cause?: unknown }).cause ?? e).slice(0, 500)}`);
    }
  }
}
export const cols = (names: string, type: string): Column[] => names.split(' ').map((n) => [n, type]);

/** Rows in a table. */
export async function count(db: Db, table: string): Promise<number> {
  const r = await db.execute(sql`select count(*)::int as n from ${sql.raw(`"${table}"`)}`);
  return (r.rows[0] as { n: number }).n;
}

/** A 32-bit integer hash (murmur3's finaliser): cheap, deterministic, well mixed. */
export function mix32(x: number): number {
  let h = x | 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}
export const round4 = (x: number) => Math.round(x * 10_000) / 10_000;

