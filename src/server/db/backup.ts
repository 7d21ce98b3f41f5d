// Backup and restore of the whole database, the same archive for PGlite and PostgreSQL.
//
// The archive is gzip'd NDJSON, written and read as a stream (a table is never held in memory):
//   line 1   the manifest: format, version, engine, the migrations applied (drizzle's journal),
//            every table with its columns, types and row count, and every sequence's value
//   then     per table, in foreign-key order: its rows (a JSON array of each column as PostgreSQL's
//            text, so every type goes back exactly), ordered by primary key, and a footer
//            {"table", "rows", "sha256"} (SHA-256 of the row lines)
//   last     the trailer {"end", "tables": [{name, rows, sha256}], "sha256"} (SHA-256 of every line
//            before it), so a cut, reordered or edited archive is refused.
// A backup reads every table in one snapshot (SERIALIZABLE READ ONLY DEFERRABLE on PostgreSQL;
// PGlite has one session, REPEATABLE READ; a server on it waits meanwhile). A restore runs in one
// transaction — schema to the archive's level, foreign keys, plain indexes and the tables' own
// triggers off, rows in, keys and indexes made again, sequences set, later migrations — so a failed
// or refused restore leaves the database as it was.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { StringDecoder } from 'node:string_decoder';
import zlib from 'node:zlib';
import { readMigrationFiles } from 'drizzle-orm/migrator';
import type pg from 'pg';
import { MIGRATIONS_DIR, type Database } from './client.ts';

export const ARCHIVE_FORMAT = 'tuijin-backup';
export const ARCHIVE_VERSION = 1;
/** Rows per FETCH on backup; rows (or bytes) per INSERT on restore. */
const FETCH_ROWS = 2000;
const INSERT_ROWS = 2000;
const INSERT_BYTES = 4 * 1024 * 1024;
/** The national divisions the server loads into an empty database: a target holding only these is empty. */
const REFERENCE_TABLES = new Set(['regions']);

/** A refusal or a damaged archive: the message is for the person at the command line. */
export class BackupError extends Error {}

export interface TableInfo { name: string; columns: string[]; types: string[]; rows: number }
export interface SequenceInfo { name: string; table: string | null; column: string | null; lastValue: string; isCalled: boolean }
export interface Migration { hash: string; createdAt: number }
export interface Manifest {
  format: typeof ARCHIVE_FORMAT;
  version: number;
  createdAt: string;
  engine: Database['engine'];
  serverVersion: string;
  migrations: Migration[];
  tables: TableInfo[];
  sequences: SequenceInfo[];
}
export interface TableDigest { name: string; rows: number; sha256: string }
export type Progress = (line: string) => void;

const ident = (name: string) => `"${name.replace(/"/g, '""')}"`;
const literal = (text: string) => `'${text.replace(/'/g, "''")}'`;
const SESSION = `SET LOCAL DateStyle = 'ISO'; SET LOCAL IntervalStyle = 'postgres'; SET LOCAL TimeZone = 'UTC';
  SET LOCAL extra_float_digits = 3; SET LOCAL bytea_output = 'hex'`;

// ---------------------------------------------------------------- the catalog

async function catalogTables(c: pg.ClientBase): Promise<Omit<TableInfo, 'rows'>[]> {
  const r = await c.query<{ name: string; columns: string[]; types: string[] }>(`
    SELECT t.relname AS name, array_agg(a.attname::text ORDER BY a.attnum) AS columns,
           array_agg(format_type(a.atttypid, a.atttypmod) ORDER BY a.attnum) AS types
      FROM pg_class t JOIN pg_namespace n ON n.oid = t.relnamespace
      JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum > 0 AND NOT a.attisdropped AND a.attgenerated = ''
     WHERE n.nspname = 'public' AND t.relkind = 'r'
     GROUP BY t.relname`);
  const fks = await c.query<{ child: string; parent: string }>(`
    SELECT ch.relname AS child, pa.relname AS parent FROM pg_constraint k
      JOIN pg_class ch ON ch.oid = k.conrelid JOIN pg_class pa ON pa.oid = k.confrelid
      JOIN pg_namespace n ON n.oid = ch.relnamespace
     WHERE k.contype = 'f' AND n.nspname = 'public' AND ch.oid <> pa.oid`);
  return fkOrder(r.rows, fks.rows);
}

/** Parents before children (Kahn's algorithm, by name among the ready), so rows load without deferring constraints. */
function fkOrder<T extends { name: string }>(tables: T[], fks: { child: string; parent: string }[]): T[] {
  const parents = new Map(tables.map((t) => [t.name, new Set<string>()]));
  for (const { child, parent } of fks) parents.get(child)?.add(parent);
  const out: T[] = [];
  const left = new Map(tables.map((t) => [t.name, t]));
  while (left.size) {
    const ready = [...left.keys()].filter((n) => [...parents.get(n)!].every((p) => !left.has(p))).sort();
    if (!ready.length) throw new BackupError(`外键成环，无法确定表的载入顺序：${[...left.keys()].join('、')}`);
    for (const n of ready) { out.push(left.get(n)!); left.delete(n); }
  }
  return out;
}

/**
 * Each table's ORDER BY: its primary key, text in byte order (COLLATE "C") so the archive and its
 * hashes do not depend on the engine's or the database's locale.
 */
async function rowOrders(c: pg.ClientBase): Promise<Map<string, string>> {
  const r = await c.query<{ name: string; columns: string }>(`
    SELECT t.relname AS name, string_agg(quote_ident(a.attname) || CASE WHEN a.attcollation <> 0 THEN ' COLLATE "C"' ELSE '' END, ', ' ORDER BY k.ord) AS columns
      FROM pg_index i JOIN pg_class t ON t.oid = i.indrelid JOIN pg_namespace n ON n.oid = t.relnamespace
      CROSS JOIN LATERAL unnest(i.indkey) WITH ORDINALITY AS k(attnum, ord)
      JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = k.attnum
     WHERE i.indisprimary AND n.nspname = 'public'
     GROUP BY t.relname`);
  return new Map(r.rows.map((x) => [x.name, x.columns]));
}

async function catalogSequences(c: pg.ClientBase): Promise<SequenceInfo[]> {
  const r = await c.query<{ name: string; table: string | null; column: string | null }>(`
    SELECT s.relname AS name, t.relname AS "table", a.attname::text AS "column"
      FROM pg_class s JOIN pg_namespace n ON n.oid = s.relnamespace
      LEFT JOIN pg_depend d ON d.objid = s.oid AND d.classid = 'pg_class'::regclass
                           AND d.refclassid = 'pg_class'::regclass AND d.deptype IN ('a', 'i')
      LEFT JOIN pg_class t ON t.oid = d.refobjid
      LEFT JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = d.refobjsubid
     WHERE s.relkind = 'S' AND n.nspname = 'public' ORDER BY s.relname`);
  const out: SequenceInfo[] = [];
  for (const s of r.rows) {
    const v = await c.query<{ last_value: string; is_called: boolean }>(`SELECT last_value::text, is_called FROM ${ident(s.name)}`);
    out.push({ ...s, lastValue: v.rows[0]!.last_value, isCalled: v.rows[0]!.is_called });
  }
  return out;
}

/** Drizzle's record of applied migrations, oldest first; none when the database was never migrated. */
async function appliedMigrations(c: pg.ClientBase): Promise<Migration[]> {
  const exists = await c.query<{ t: string | null }>(`SELECT to_regclass('drizzle.__drizzle_migrations')::text AS t`);
  if (!exists.rows[0]?.t) return [];
  const r = await c.query<{ hash: string; created_at: string }>(`SELECT hash, created_at::text FROM drizzle.__drizzle_migrations ORDER BY created_at, id`);
  return r.rows.map((x) => ({ hash: x.hash, createdAt: Number(x.created_at) }));
}

// ---------------------------------------------------------------- migrations to a level

const journal = () => readMigrationFiles({ migrationsFolder: MIGRATIONS_DIR });

/** How many of this version's migrations the list is; refuses a list that is not a prefix of them. */
function levelOf(applied: Migration[], what: string): number {
  const known = journal();
  applied.forEach((m, i) => {
    if (i >= known.length) throw new BackupError(`${what}来自更新版本的推进（迁移级别 ${applied.length}，本版本只到 ${known.length}），请先升级推进`);
    if (known[i]!.folderMillis !== m.createdAt) throw new BackupError(`${what}的第 ${i + 1} 个迁移与本版本不符，无法确定其数据库结构`);
  });
  return applied.length;
}

/** Applies this version's migrations from level `from` up to `to`, as drizzle's migrator would. */
export async function migrateBetween(c: pg.ClientBase, from: number, to: number): Promise<void> {
  if (to <= from) return;
  await c.query('CREATE SCHEMA IF NOT EXISTS drizzle');
  await c.query('CREATE TABLE IF NOT EXISTS drizzle.__drizzle_migrations (id SERIAL PRIMARY KEY, hash text NOT NULL, created_at bigint)');
  for (const m of journal().slice(from, to)) {
    for (const stmt of m.sql) if (stmt.trim()) await c.query(stmt);
    await c.query('INSERT INTO drizzle.__drizzle_migrations (hash, created_at) VALUES ($1, $2)', [m.hash, m.folderMillis]);
  }
}

/** Drops every table (their sequences, indexes and triggers go with them), function and drizzle's record: level 0. */
async function dropSchema(c: pg.ClientBase): Promise<void> {
  const t = await c.query<{ name: string }>(`SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public'`);
  if (t.rows.length) await c.query(`DROP TABLE ${t.rows.map((x) => ident(x.name)).join(', ')} CASCADE`);
  const s = await c.query<{ name: string }>(`SELECT sequencename AS name FROM pg_sequences WHERE schemaname = 'public'`);
  if (s.rows.length) await c.query(`DROP SEQUENCE ${s.rows.map((x) => ident(x.name)).join(', ')}`);
  const f = await c.query<{ fn: string }>(`
    SELECT p.oid::regprocedure::text AS fn FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
     WHERE n.nspname = 'public' AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.objid = p.oid AND d.deptype = 'e')`);
  if (f.rows.length) await c.query(`DROP FUNCTION ${f.rows.map((x) => x.fn).join(', ')} CASCADE`);
  await c.query('DROP TABLE IF EXISTS drizzle.__drizzle_migrations');
}

/**
 * Drops the foreign keys and the indexes that back no constraint, and returns the statements that
 * make them again: built once after loading they cost a fraction of keeping them up row by row
 * (3 million reports), and the keys are checked then, in the same transaction.
 */
async function dropKeysAndIndexes(c: pg.ClientBase): Promise<string[]> {
  const fks = await c.query<{ again: string; drop: string }>(`
    SELECT format('ALTER TABLE %I ADD CONSTRAINT %I %s', t.relname, k.conname, pg_get_constraintdef(k.oid)) AS again,
           format('ALTER TABLE %I DROP CONSTRAINT %I', t.relname, k.conname) AS drop
      FROM pg_constraint k JOIN pg_class t ON t.oid = k.conrelid JOIN pg_namespace n ON n.oid = t.relnamespace
     WHERE k.contype = 'f' AND n.nspname = 'public' ORDER BY t.relname, k.conname`);
  for (const k of fks.rows) await c.query(k.drop);
  const indexes = await c.query<{ again: string; drop: string }>(`
    SELECT pg_get_indexdef(i.indexrelid) AS again, format('DROP INDEX %I', x.relname) AS drop
      FROM pg_index i JOIN pg_class x ON x.oid = i.indexrelid JOIN pg_namespace n ON n.oid = x.relnamespace
     WHERE n.nspname = 'public' AND NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conindid = i.indexrelid AND k.contype IN ('p', 'u', 'x'))
     ORDER BY x.relname`);
  for (const i of indexes.rows) await c.query(i.drop);
  return [...indexes.rows.map((i) => i.again), ...fks.rows.map((k) => k.again)];
}

/**
 * Switches the tables' own triggers (not the foreign-key checks) off or on: the archive holds
 * what they derived (report_rollups), so loading must not derive it a second time.
 */
async function userTriggers(c: pg.ClientBase, on: boolean): Promise<void> {
  const r = await c.query<{ name: string }>(`
    SELECT DISTINCT t.relname AS name FROM pg_trigger g JOIN pg_class t ON t.oid = g.tgrelid
      JOIN pg_namespace n ON n.oid = t.relnamespace WHERE n.nspname = 'public' AND NOT g.tgisinternal`);
  for (const { name } of r.rows) await c.query(`ALTER TABLE ${ident(name)} ${on ? 'ENABLE' : 'DISABLE'} TRIGGER USER`);
}

// ---------------------------------------------------------------- backup

/**
 * Writes the archive to `file` (through `file`.partial, renamed when complete, so a failed backup
 * never leaves something that looks like one), readable by its owner only: it holds password
 * hashes and sessions. Returns the manifest and each table's digest.
 */
export async function backupDatabase(
  database: Pick<Database, 'pool' | 'engine'>, file: string, progress: Progress = () => {},
): Promise<{ manifest: Manifest; digests: TableDigest[]; bytes: number }> {
  const c = await database.pool.connect();
  const partial = `${file}.partial`;
  try {
    await c.query(database.engine === 'postgres' ? 'BEGIN ISOLATION LEVEL SERIALIZABLE READ ONLY DEFERRABLE' : 'BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    await c.query(SESSION);
    const orders = await rowOrders(c);
    const tables: TableInfo[] = [];
    for (const t of await catalogTables(c)) {
      const n = await c.query<{ n: string }>(`SELECT count(*)::text AS n FROM ${ident(t.name)}`);
      tables.push({ ...t, rows: Number(n.rows[0]!.n) });
    }
    const manifest: Manifest = {
      // The real time of the copy, not the server clock (which a demo database pins to its own date).
      format: ARCHIVE_FORMAT, version: ARCHIVE_VERSION, createdAt: new Date().toISOString(), engine: database.engine,
      serverVersion: (await c.query<{ v: string }>('SHOW server_version')).rows[0]!.v,
      migrations: await appliedMigrations(c), tables, sequences: await catalogSequences(c),
    };
    const digests: TableDigest[] = [];
    const whole = createHash('sha256');
    const emit = (line: string) => { whole.update(line + '\n'); return line + '\n'; };

    async function* lines(): AsyncGenerator<string> {
      yield emit(JSON.stringify(manifest));
      for (const t of tables) {
        const hash = createHash('sha256');
        const order = orders.get(t.name) ?? 'tuijin_row::text COLLATE "C"';
        await c.query(`DECLARE tuijin_backup NO SCROLL CURSOR FOR
          SELECT ${t.columns.map((col) => `${ident(col)}::text`).join(', ')} FROM ${ident(t.name)} AS tuijin_row ORDER BY ${order}`);
        let rows = 0;
        for (;;) {
          const r = await c.query<unknown[]>({ text: `FETCH ${FETCH_ROWS} FROM tuijin_backup`, rowMode: 'array' });
          if (!r.rows.length) break;
          let chunk = '';
          for (const row of r.rows) {
            const line = JSON.stringify(row);
            hash.update(line + '\n');
            chunk += emit(line);
          }
          rows += r.rows.length;
          yield chunk;
        }
        await c.query('CLOSE tuijin_backup');
        if (rows !== t.rows) throw new Error(`表 ${t.name} 读出 ${rows} 行，快照中应为 ${t.rows} 行`);
        const digest = { name: t.name, rows, sha256: hash.digest('hex') };
        digests.push(digest);
        progress(`  ${t.name}：${rows} 行`);
        yield emit(JSON.stringify({ table: t.name, rows, sha256: digest.sha256 }));
      }
      yield JSON.stringify({ end: ARCHIVE_FORMAT, tables: digests, sha256: whole.digest('hex') }) + '\n';
    }

    await pipeline(Readable.from(lines(), { highWaterMark: 1 }), zlib.createGzip({ level: 3 }), fs.createWriteStream(partial, { mode: 0o600 }));
    await c.query('COMMIT');
    fs.renameSync(partial, file);
    return { manifest, digests, bytes: fs.statSync(file).size };
  } catch (err) {
    await c.query('ROLLBACK').catch(() => {});
    fs.rmSync(partial, { force: true });
    throw err;
  } finally {
    c.release();
  }
}

// ---------------------------------------------------------------- reading an archive

/** The archive's lines, decompressed as they arrive; a damaged or cut file fails with a clear message. */
async function* archiveLines(file: string): AsyncGenerator<string> {
  if (!fs.existsSync(file)) throw new BackupError(`找不到备份文件 ${file}`);
  const gunzip = zlib.createGunzip();
  const source = fs.createReadStream(file);
  source.on('error', (e) => gunzip.destroy(e));
  source.pipe(gunzip);
  const decoder = new StringDecoder('utf8');
  let rest = '';
  try {
    for await (const chunk of gunzip) {
      const parts = (rest + decoder.write(chunk as Buffer)).split('\n');
      rest = parts.pop()!;
      yield* parts;
    }
  } catch (err) {
    const e = err as NodeJS.ErrnoException;
    if (e.code === 'Z_BUF_ERROR' || /unexpected end/i.test(e.message)) throw new BackupError(`备份文件不完整（被截断）：${file}`);
    if (e.code?.startsWith('Z_')) throw new BackupError(`备份文件已损坏（解压校验失败：${e.message}）：${file}`);
    throw err;
  } finally {
    source.destroy();
  }
  rest += decoder.end();
  if (rest) yield rest;
}

function parseLine<T>(line: string | undefined, what: string): T {
  if (line === undefined) throw new BackupError(`备份文件不完整：缺少${what}`);
  try {
    return JSON.parse(line) as T;
  } catch {
    throw new BackupError(`备份文件已损坏：${what}不是有效的 JSON`);
  }
}

// ---------------------------------------------------------------- restore

export interface RestoreOptions { force?: boolean; progress?: Progress }
export interface RestoreResult { manifest: Manifest; rows: number; fromLevel: number; level: number }

/**
 * Restores the archive into the database in one transaction: refuses a database with data unless
 * `force` (which wipes it first), brings the schema to the archive's migration level (rebuilding it
 * when the database is ahead), loads every table checking each table's count and hash and the
 * whole archive's, makes the keys and indexes again, sets the sequences, then applies this
 * version's later migrations.
 */
export async function restoreDatabase(database: Pick<Database, 'pool'>, file: string, opts: RestoreOptions = {}): Promise<RestoreResult> {
  const progress = opts.progress ?? (() => {});
  const input = archiveLines(file);
  const whole = createHash('sha256');
  const next = async (what: string) => {
    const r = await input.next();
    if (r.done) throw new BackupError(`备份文件不完整：缺少${what}`);
    whole.update(r.value + '\n');
    return r.value;
  };
  const manifest = parseLine<Manifest>(await next('清单'), '清单');
  if (manifest.format !== ARCHIVE_FORMAT) throw new BackupError(`${file} 不是推进的备份文件`);
  if (manifest.version !== ARCHIVE_VERSION) throw new BackupError(`备份格式版本 ${manifest.version} 不受支持（本版本读取 ${ARCHIVE_VERSION}）`);
  const archiveLevel = levelOf(manifest.migrations, '备份');
  const codeLevel = journal().length;

  const c = await database.pool.connect();
  try {
    await c.query('BEGIN');
    await c.query(SESSION);
    const fromLevel = levelOf(await appliedMigrations(c), '目标数据库');
    await emptyOrWipe(c, opts.force ?? false);
    if (fromLevel > archiveLevel) {
      progress(`数据库结构（迁移级别 ${fromLevel}）比备份（${archiveLevel}）新：按备份的级别重建`);
      await dropSchema(c);
      await migrateBetween(c, 0, archiveLevel);
    } else {
      await migrateBetween(c, fromLevel, archiveLevel);
    }
    const target = new Map((await catalogTables(c)).map((t) => [t.name, t]));
    const archived = new Set(manifest.tables.map((t) => t.name));
    const missing = [...target.keys()].filter((n) => !archived.has(n));
    if (missing.length) throw new BackupError(`备份缺少表：${missing.join('、')}`);

    await userTriggers(c, false);
    const rebuild = await dropKeysAndIndexes(c);
    let rows = 0;
    for (const t of manifest.tables) {
      const into = target.get(t.name);
      if (!into) throw new BackupError(`备份中的表 ${t.name} 在迁移级别 ${archiveLevel} 的数据库结构中不存在`);
      const types = t.columns.map((col) => {
        const i = into.columns.indexOf(col);
        if (i < 0) throw new BackupError(`备份中表 ${t.name} 的列 ${col} 在数据库结构中不存在`);
        return into.types[i]!;
      });
      const loaded = await loadTable(c, t, types, next);
      rows += loaded;
      progress(`  ${t.name}：${loaded} 行`);
    }
    const expected = whole.digest('hex');
    const trailer = parseLine<{ end?: string; sha256?: string }>((await input.next()).value as string | undefined, '结尾校验');
    if (trailer.end !== ARCHIVE_FORMAT) throw new BackupError('备份文件已损坏：结尾校验记录不符');
    if (trailer.sha256 !== expected) throw new BackupError('备份文件已损坏：整体校验和不符');
    if (!(await input.next()).done) throw new BackupError('备份文件已损坏：结尾之后还有内容');

    progress('重建索引并校验外键');
    for (const stmt of rebuild) {
      await c.query(stmt).catch((e: Error) => { throw new BackupError(`备份中的数据不满足数据库的约束：${e.message}`); });
    }
    await userTriggers(c, true);
    await setSequences(c, manifest.sequences);
    await migrateBetween(c, archiveLevel, codeLevel);
    await c.query('COMMIT');
    // Planner statistics and the visibility map for the loaded tables (without them the first queries
    // take seconds and covering indexes still read the table; PGlite has no autovacuum to catch up).
    await c.query('VACUUM ANALYZE').catch(() => {});
    return { manifest, rows, fromLevel, level: Math.max(archiveLevel, codeLevel) };
  } catch (err) {
    await c.query('ROLLBACK').catch(() => {});
    await input.return(undefined).catch(() => {});
    throw err;
  } finally {
    c.release();
  }
}

/** Locks every table; refuses if any (other than the reference divisions) has rows, unless `force`; then empties them all. */
async function emptyOrWipe(c: pg.ClientBase, force: boolean): Promise<void> {
  const t = await c.query<{ name: string }>(`SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public' ORDER BY 1`);
  if (!t.rows.length) return;
  const all = t.rows.map((x) => ident(x.name)).join(', ');
  await c.query(`LOCK TABLE ${all} IN ACCESS EXCLUSIVE MODE`);
  const checks = t.rows.filter((x) => !REFERENCE_TABLES.has(x.name))
    .map((x) => `SELECT ${literal(x.name)} AS name WHERE EXISTS (SELECT 1 FROM ${ident(x.name)})`);
  const used = checks.length ? (await c.query<{ name: string }>(checks.join(' UNION ALL '))).rows.map((x) => x.name) : [];
  if (used.length && !force) {
    throw new BackupError(`目标数据库不是空的（${used.slice(0, 5).join('、')}${used.length > 5 ? ' 等' : ''} 表中有数据），未做任何改动。` +
      '请恢复到新的数据目录或空数据库，或加 --force 先清空现有数据');
  }
  await c.query(`TRUNCATE ${all} RESTART IDENTITY CASCADE`);
}

/**
 * Reads one table's rows and footer from the archive, inserting them in batches; checks count and
 * hash. When the database rejects a batch, the rest of the table is still read to its footer, so a
 * damaged archive is reported as such rather than as the database's complaint about the bytes.
 */
async function loadTable(c: pg.ClientBase, t: TableInfo, types: string[], next: (what: string) => Promise<string>): Promise<number> {
  const insert = `INSERT INTO ${ident(t.name)} (${t.columns.map(ident).join(', ')})
    SELECT ${types.map((type, i) => `(r->>${i})::${type}`).join(', ')} FROM jsonb_array_elements($1::jsonb) AS r`;
  const hash = createHash('sha256');
  let batch: string[] = [];
  let bytes = 0;
  let rows = 0;
  let rejected: Error | null = null;
  // One batch in flight while the next is read and hashed: the database and this process work at once.
  let inflight: Promise<void> = Promise.resolve();
  const flush = async () => {
    await inflight;
    if (batch.length && !rejected) inflight = c.query(insert, [`[${batch.join(',')}]`]).then(() => {}, (e: Error) => { rejected = e; });
    batch = [];
    bytes = 0;
  };
  for (;;) {
    const line = await next(`表 ${t.name} 的数据`);
    if (!line.startsWith('[')) {
      await flush();
      await inflight;
      const footer = parseLine<{ table?: string; rows?: number; sha256?: string }>(line, `表 ${t.name} 的结尾`);
      if (footer.table !== t.name) throw new BackupError(`备份文件已损坏：表 ${t.name} 的数据后出现了 ${String(footer.table)} 的结尾`);
      if (footer.sha256 !== hash.digest('hex')) throw new BackupError(`备份文件已损坏：表 ${t.name} 的校验和不符`);
      if (footer.rows !== rows || t.rows !== rows) throw new BackupError(`备份文件已损坏：表 ${t.name} 读到 ${rows} 行，应为 ${t.rows} 行`);
      if (rejected) throw new BackupError(`表 ${t.name} 的数据无法载入：${(rejected as Error).message}`);
      return rows;
    }
    hash.update(line + '\n');
    batch.push(line);
    bytes += line.length;
    rows += 1;
    if (batch.length >= INSERT_ROWS || bytes >= INSERT_BYTES) await flush();
  }
}

/** Each sequence back to its archived value, never below the largest id its column now holds. */
async function setSequences(c: pg.ClientBase, sequences: SequenceInfo[]): Promise<void> {
  for (const s of sequences) {
    const max = s.table && s.column ? `(SELECT max(${ident(s.column)})::bigint FROM ${ident(s.table)})` : 'NULL::bigint';
    await c.query(`SELECT setval($1::regclass, GREATEST($2::bigint, COALESCE(${max}, $2::bigint)), $3 OR COALESCE(${max}, $2::bigint) > $2::bigint)`,
      [ident(s.name), s.lastValue, s.isCalled]);
  }
}
