// Deterministic randomness and calendar helpers for the demo data. The demo must come out the same
// on every machine and every run, so nothing here reads the clock or Math.random.
import { createHash } from 'node:crypto';

/**
 * The day the demo city stands on (Friday 20 December 2024, after the autumn groundbreaking): November is locked and carded, its
 * supervision orders past their deadline, December's reports are being filed. A demo database pins
 * the server's clock to this day (app_settings `clock.asOf`, src/server/clock.ts).
 */
export const AS_OF = '2024-12-20';

/** A seeded generator (sfc32). Each concern takes its own stream, so a change in one part of the
 * demo does not reshuffle every other part. */
export class Rng {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  constructor(seed: string) {
    const h = createHash('sha256').update(seed).digest();
    this.a = h.readUInt32LE(0);
    this.b = h.readUInt32LE(4);
    this.c = h.readUInt32LE(8);
    this.d = h.readUInt32LE(12);
    for (let i = 0; i < 12; i++) this.next();
  }

  /** Uniform in [0, 1). */
  next(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return (t >>> 0) / 4294967296;
  }

  /** Integer in [min, max], both ends included. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  range(min: number, max: number): number {
    return min + this.next() * (max - min);
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new Error('pick from an empty list');
    return items[Math.floor(this.next() * items.length)]!;
  }

  weighted<T extends string>(weights: Readonly<Partial<Record<T, number>>>): T {
    const entries = Object.entries(weights) as [T, number][];
    const total = entries.reduce((s, [, w]) => s + w, 0);
    let r = this.next() * total;
    for (const [k, w] of entries) {
      r -= w;
      if (r < 0) return k;
    }
    return entries[entries.length - 1]![0];
  }

  shuffle<T>(items: readonly T[]): T[] {
    const out = [...items];
    for (let i = out.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1));
      [out[i], out[j]] = [out[j]!, out[i]!];
    }
    return out;
  }

  /** Standard normal (Box–Muller). */
  normal(): number {
    const u = 1 - this.next();
    const v = this.next();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  }

  /** A mobile number in the 1xx-xxxx-xxxx form used on Chinese contact sheets. */
  mobile(): string {
    const prefix = this.pick(['134', '135', '136', '137', '138', '139', '150', '151', '152', '157', '158', '159', '176', '178', '180', '181', '182', '183', '187', '188', '189', '199']);
    return `${prefix}-${String(this.int(0, 9999)).padStart(4, '0')}-${String(this.int(0, 9999)).padStart(4, '0')}`;
  }

  /** A Liaocheng landline (area code 0635). */
  landline(): string {
    return `0635-${this.int(2, 8)}${String(this.int(0, 999999)).padStart(6, '0')}`;
  }
}

/** A stable UUID for a demo entity, derived from its kind and natural key (name-based, v5 layout),
 * so rows can reference each other before they are inserted and every run gives the same ids. */
export function demoId(kind: string, key: string | number): string {
  const h = createHash('sha1').update(`tuijin-demo:${kind}:${key}`).digest();
  h[6] = (h[6]! & 0x0f) | 0x50;
  h[8] = (h[8]! & 0x3f) | 0x80;
  const x = h.subarray(0, 16).toString('hex');
  return `${x.slice(0, 8)}-${x.slice(8, 12)}-${x.slice(12, 16)}-${x.slice(16, 20)}-${x.slice(20)}`;
}

// Calendar arithmetic on 'YYYY-MM-DD' strings in UTC, so the host's time zone never shifts a day.
const toUtc = (d: string) => Date.UTC(Number(d.slice(0, 4)), Number(d.slice(5, 7)) - 1, Number(d.slice(8, 10)));
const fromUtc = (ms: number) => new Date(ms).toISOString().slice(0, 10);

export function addDays(d: string, n: number): string {
  return fromUtc(toUtc(d) + n * 86_400_000);
}

/** Adds months, clamping to the month's last day (2024-01-31 + 1 month = 2024-02-29). */
export function addMonths(d: string, n: number): string {
  const y = Number(d.slice(0, 4));
  const m = Number(d.slice(5, 7)) - 1 + n;
  const year = y + Math.floor(m / 12);
  const month = ((m % 12) + 12) % 12;
  const last = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  const day = Math.min(Number(d.slice(8, 10)), last);
  return `${year}-${String(month + 1).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

export function daysBetween(a: string, b: string): number {
  return Math.round((toUtc(b) - toUtc(a)) / 86_400_000);
}

export const yearOf = (d: string) => Number(d.slice(0, 4));
export const monthOf = (d: string) => Number(d.slice(5, 7));
export const minDate = (a: string, b: string) => (a < b ? a : b);
export const maxDate = (...dates: string[]) => dates.reduce((a, b) => (a > b ? a : b));

/** The last day of the date's month. */
export function monthEnd(d: string): string {
  return addDays(addMonths(`${d.slice(0, 7)}-01`, 1), -1);
}

/** Rows in slices of at most `size`, so one bulk insert stays within PostgreSQL's parameter limit. */
export function chunks<T>(rows: readonly T[], size = 500): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < rows.length; i += size) out.push(rows.slice(i, i + size));
  return out;
}
