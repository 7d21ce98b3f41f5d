// The data versions of migration 0007: a row per kind of data (ledger, auth) whose UUID changes in
// the same transaction as any write to the tables behind it. A request learns them from one small
// query sent after it arrived; an answer kept in memory is reused only under the version it was
// computed at, so a write made through any app server, the command line or plain SQL is seen by every
// server from the next request on.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type pg from 'pg';

export interface DataVersions {
  ledger: string;
  auth: string;
}

declare module 'fastify' {
  interface FastifyInstance {
    dataVersions: VersionsReader;
  }
  interface FastifyRequest {
    dataVersions: Promise<DataVersions> | null;
  }
}

/** A kind of data not written since the table was created has no row yet: it reads as 'none'. */
export async function readDataVersions(pool: pg.Pool): Promise<DataVersions> {
  const r = await pool.query<{ name: string; version: string }>('SELECT name, version::text AS version FROM data_versions');
  const v: DataVersions = { ledger: 'none', auth: 'none' };
  for (const row of r.rows) if (row.name === 'ledger' || row.name === 'auth') v[row.name] = row.version;
  return v;
}

/**
 * Reads the versions for many requests at once: one query at a time, shared by every request that
 * arrived before it was sent. A request arriving while a query is on its way waits for the next one,
 * since the one on its way may have read the table before a commit this request must see. Under load
 * this is one query per batch of requests instead of one per request.
 */
export class VersionsReader {
  private inFlight: Promise<DataVersions> | null = null;
  private next: Promise<DataVersions> | null = null;

  constructor(private readonly pool: pg.Pool) {}

  read(): Promise<DataVersions> {
    if (!this.inFlight) return this.start();
    this.next ??= this.inFlight.then(noop, noop).then(() => {
      this.next = null;
      return this.start();
    });
    return this.next;
  }

  private start(): Promise<DataVersions> {
    const query: Promise<DataVersions> = readDataVersions(this.pool).finally(() => {
      if (this.inFlight === query) this.inFlight = null;
    });
    this.inFlight = query;
    return query;
  }
}

const noop = () => {};

export function registerDataVersions(app: FastifyInstance, pool: pg.Pool): void {
  app.decorate('dataVersions', new VersionsReader(pool));
  app.decorateRequest('dataVersions', null);
}

/**
 * The versions as of this request, read at most once per request. Read before the data they guard,
 * so an answer is never older than its version (a commit in between only makes it newer).
 */
export function requestVersions(req: FastifyRequest): Promise<DataVersions> {
  req.dataVersions ??= req.server.dataVersions.read();
  return req.dataVersions;
}

/**
 * Answers kept under one version: a lookup under another version misses, and storing under a new
 * version drops everything kept under the old one. Bounded by entries and by `weight` (bytes).
 */
export class VersionedCache<V> {
  private version: string | null = null;
  private readonly entries = new Map<string, { value: V; weight: number }>();
  private weight = 0;

  constructor(private readonly maxEntries: number, private readonly maxWeight = Infinity) {}

  get(version: string, key: string): V | undefined {
    if (version !== this.version) return undefined;
    const e = this.entries.get(key);
    if (!e) return undefined;
    // Most recently used last, so eviction takes the least recently used first.
    this.entries.delete(key);
    this.entries.set(key, e);
    return e.value;
  }

  set(version: string, key: string, value: V, weight = 0): void {
    if (version !== this.version) this.clear(version);
    const old = this.entries.get(key);
    if (old) {
      this.weight -= old.weight;
      this.entries.delete(key);
    }
    if (weight > this.maxWeight) return;
    while (this.entries.size && (this.entries.size >= this.maxEntries || this.weight + weight > this.maxWeight)) {
      const [k, e] = this.entries.entries().next().value!;
      this.entries.delete(k);
      this.weight -= e.weight;
    }
    this.entries.set(key, { value, weight });
    this.weight += weight;
  }

  delete(key: string): void {
    const e = this.entries.get(key);
    if (!e) return;
    this.entries.delete(key);
    this.weight -= e.weight;
  }

  get size(): number {
    return this.entries.size;
  }

  private clear(version: string): void {
    this.entries.clear();
    this.weight = 0;
    this.version = version;
  }
}
