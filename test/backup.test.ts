// Backup and restore (db/backup.ts, `npx tuijin backup|restore`): the demo city plus a row in every
// table it leaves empty goes out and back into a fresh database with every table, every sequence and
// the audit chain equal; a database with data is refused unless --force; a damaged, cut or edited
// archive is refused with a clear message and the database keeps what it had; an archive from an
// older migration level is restored at its level and migrated on. Runs on PGlite, and on PostgreSQL
// when TEST_DATABASE_URL is set; the command line part runs on PGlite folders (its socket path).
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backupDatabase, BackupError, migrateBetween, restoreDatabase } from '../src/server/db/backup.ts';
import type { Database } from '../src/server/db/client.ts';
import { seedDemo } from '../src/server/db/seed/demo.ts';
import { DEMO_PASSWORD } from '../src/server/db/seed/demo.users.ts';
import { sealAudit, verifyAudit } from '../src/server/modules/audit/audit.chain.ts';
import { buildTestApp, login, type Client, type TestApp } from './helpers/app.ts';
import { createTestDatabase } from './helpers/db.ts';
import { REGIONS, seedTestRegions } from './helpers/factories.ts';
import { buildXlsx, upload } from './helpers/xlsx.ts';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tuijin-backup-'));
const archive = path.join(dir, 'demo.backup.gz');
let source: TestApp;
let target: Database;

// ---------------------------------------------------------------- what a database holds

const rowsOf = async <T>(pool: pg.Pool, text: string) => (await pool.query(text)).rows as T[];

/** Every table's rows, ordered by primary key, each row as the text of all its columns. */
async function snapshot(pool: pg.Pool): Promise<Record<string, string[]>> {
  const tables = await rowsOf<{ name: string; pk: string[] | null }>(pool, `
    SELECT t.tablename AS name, (SELECT array_agg(a.attname::text ORDER BY k.ord)
      FROM pg_index i CROSS JOIN LATERAL unnest(i.indkey) WITH ORDINALITY AS k(attnum, ord)
      JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = k.attnum
      WHERE i.indrelid = format('public.%I', t.tablename)::regclass AND i.indisprimary) AS pk
    FROM pg_tables t WHERE t.schemaname = 'public' ORDER BY 1`);
  const out: Record<string, string[]> = {};
  for (const t of tables) {
    const order = (t.pk ?? ['1']).map((c) => `x."${c}"`).join(', ');
    out[t.name] = (await rowsOf<{ r: string }>(pool, `SELECT x::text AS r FROM "${t.name}" x ORDER BY ${order}`)).map((x) => x.r);
  }
  return out;
}

const sequences = async (pool: pg.Pool) => {
  const names = await rowsOf<{ name: string }>(pool, `SELECT sequencename AS name FROM pg_sequences WHERE schemaname = 'public' ORDER BY 1`);
  const out: Record<string, string> = {};
  for (const { name } of names) out[name] = (await rowsOf<{ v: string }>(pool, `SELECT last_value || '/' || is_called AS v FROM "${name}"`))[0]!.v;
  return out;
};

const migrations = (pool: pg.Pool) => rowsOf<{ hash: string; created_at: number }>(pool, 'SELECT hash, created_at FROM drizzle.__drizzle_migrations ORDER BY created_at');

/**
 * The archive with the first row of a table changed and every hash made to match again, as a
 * faulty program (not a damaged disk) might write it: only the database can object.
 */
function forge(bytes: Buffer, table: string, change: (row: Record<string, string | null>) => void): Buffer {
  const lines = zlib.gunzipSync(bytes).toString('utf8').trimEnd().split('\n');
  const manifest = JSON.parse(lines[0]!) as { tables: { name: string; columns: string[] }[] };
  const sha = () => createHash('sha256');
  const whole = sha().update(lines[0]! + '\n');
  let at = 0;
  let hash = sha();
  let changed = false;
  for (let i = 1; i < lines.length - 1; i++) {
    const t = manifest.tables[at]!;
    if (lines[i]!.startsWith('[')) {
      if (t.name === table && !changed) {
        const values = JSON.parse(lines[i]!) as (string | null)[];
        const row = Object.fromEntries(t.columns.map((c, j) => [c, values[j]!]));
        change(row);
        lines[i] = JSON.stringify(t.columns.map((c) => row[c]));
        changed = true;
      }
      hash.update(lines[i]! + '\n');
    } else {
      lines[i] = JSON.stringify({ ...JSON.parse(lines[i]!), sha256: hash.digest('hex') });
      hash = sha();
      at += 1;
    }
    whole.update(lines[i]! + '\n');
  }
  lines[lines.length - 1] = JSON.stringify({ ...JSON.parse(lines.at(-1)!), sha256: whole.digest('hex') });
  return zlib.gzipSync(lines.join('\n') + '\n');
}

/** The refusal a restore ends with (it must fail, and with our own error). */
async function refusal(run: Promise<unknown>): Promise<string> {
  const err = await run.then(() => null, (e: unknown) => e);
  expect(err).toBeInstanceOf(BackupError);
  return (err as Error).message;
}

// ---------------------------------------------------------------- the source: demo + the empty tables

/** One or more rows, through the API, in every table the demo city leaves empty. */
async function fillEmptyTables(t: TestApp) {
  const [admin, office] = (await Promise.all(['admin', 'office'].map((u) => login(t.app, u, DEMO_PASSWORD)))) as [Client, Client];
  const one = async <T>(text: string) => (await rowsOf<T>(t.database.pool, text))[0]!;
  const ok = (res: { statusCode: number; body: string }) => expect(res.statusCode, res.body).toBeLessThan(300);
  const nov = await one<{ id: string }>(`SELECT id FROM reporting_periods WHERE region_code = '371500' AND year = 2024 AND month = 11`);
  const dec = await one<{ id: string }>(`SELECT id FROM reporting_periods WHERE region_code = '371500' AND year = 2024 AND month = 12`);
  const problem = await one<{ id: string }>(`SELECT id FROM problems ORDER BY id LIMIT 1`);

  ok(await admin.post('/api/v1/auth/tokens', { name: '备份测试' })); // api_tokens (sessions: the sign-ins)
  // login_failures: a wrong sign-in under a name that is no account.
  expect((await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'no-such-user', password: 'wrong' } })).statusCode).toBe(401);
  ok(await office.put('/api/v1/bulletin-settings?region=371500', { issuingOffice: '聊城市重点项目推进办公室', numberPrefix: '聊重推办', autoOnClose: false }));
  ok(await office.post('/api/v1/bulletins', { regionCode: '371500', periodId: nov.id }));
  const rules = (await office.get('/api/v1/card-rules')).json().current.rules;
  ok(await office.put('/api/v1/card-rules', { rules: { ...rules, investment: { yellowAbove: 0, redAbove: 0.25 } }, note: '放宽投资红牌阈值' }));
  ok(await office.put('/api/v1/cockpit/targets?region=371500&year=2024', { startRate: 95, investmentRate: 100, fundsRate: 90, onTimeRate: 98.5 }));
  ok(await office.put('/api/v1/problem-settings', { regionCode: '371500', acceptDays: 5, escalationDays: [0, 3, 6] }));
  ok(await office.put('/api/v1/workdays/adjustments', { year: 2024, items: [{ date: '2024-12-28', isWorkday: true }] }));
  ok(await office.post(`/api/v1/periods/${dec.id}/reminders`, {}));
  const pdf = Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(200, 0x20), Buffer.from('%%EOF\n')]);
  const boundary = '----tuijinbackup';
  ok(await admin.request({
    method: 'POST', url: `/api/v1/problems/${problem.id}/attachments`, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
    payload: Buffer.concat([Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="用地红线图.pdf"\r\nContent-Type: application/pdf\r\n\r\n`), pdf, Buffer.from(`\r\n--${boundary}--\r\n`)]),
  }));
  const square = [[[115.9, 36.4], [116.0, 36.4], [116.0, 36.5], [115.9, 36.5], [115.9, 36.4]]];
  const geojson = Buffer.from(JSON.stringify({ type: 'FeatureCollection', features: [{ type: 'Feature', properties: { name: '东昌府区' }, geometry: { type: 'Polygon', coordinates: square } }] }));
  ok(await admin.request({
    method: 'PUT', url: '/api/v1/map/boundaries/371500', headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
    payload: Buffer.concat([Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="counties.geojson"\r\nContent-Type: application/geo+json\r\n\r\n`), geojson, Buffer.from(`\r\n--${boundary}--\r\n`)]),
  }));
  // A ledger with a hand-mapped column, imported: import_jobs and import_mappings.
  const headers = ['工程编号', '项目名称', '所属区域', '项目级别', '项目类别', '所属行业', '总投资（万元）'];
  const xlsx = await buildXlsx([{ rows: [headers, ['BAK-001', '备份测试项目', '莘县', '县级', '社会民生类', '社会民生', 900]] }]);
  ok(await upload(office, xlsx, { mapping: { 工程编号: 'code' }, dryRun: false }));
}

beforeAll(async () => {
  source = await buildTestApp();
  await seedDemo(source.database.db);
  await fillEmptyTables(source);
  await sealAudit(source.database.db);
  target = await createTestDatabase();
}, 300_000);
afterAll(async () => {
  await source?.close();
  await target?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('round trip', () => {
  let before: Record<string, string[]>;

  it('restores every table, every sequence and the audit chain of the demo city into a fresh database', async () => {
    before = await snapshot(source.database.pool);
    // The *_deltas tables hold a transaction's changes to stored sums only until it commits.
    const transient = ['stats_group_deltas', 'problem_stat_deltas'];
    const empty = Object.entries(before).filter(([name, rows]) => rows.length === 0 && !transient.includes(name)).map(([name]) => name);
    expect(empty, 'every table has rows to compare').toEqual([]);

    const b = await backupDatabase(source.database, archive);
    expect(b.manifest).toMatchObject({ format: 'tuijin-backup', version: 1, engine: source.database.engine });
    expect(b.manifest.migrations).toEqual((await migrations(source.database.pool)).map((m) => ({ hash: m.hash, createdAt: Number(m.created_at) })));
    expect(Object.fromEntries(b.digests.map((d) => [d.name, d.rows]))).toEqual(Object.fromEntries(Object.entries(before).map(([n, r]) => [n, r.length])));
    expect(b.digests.every((d) => /^[0-9a-f]{64}$/.test(d.sha256))).toBe(true);
    expect(fs.statSync(archive).mode & 0o777, 'password hashes inside: owner only').toBe(0o600);
    // Parents before children: regions before organisations before projects before reports before their events.
    const order = b.manifest.tables.map((t) => t.name);
    const pairs: [string, string][] = [['regions', 'organizations'], ['organizations', 'projects'], ['projects', 'progress_reports'], ['progress_reports', 'report_events'], ['users', 'report_events']];
    for (const [parent, child] of pairs) {
      expect(order.indexOf(parent), `${parent} before ${child}`).toBeLessThan(order.indexOf(child));
    }

    const r = await restoreDatabase(target, archive);
    expect(r.rows).toBe(b.digests.reduce((n, d) => n + d.rows, 0));
    const after = await snapshot(target.pool);
    expect(Object.keys(after)).toEqual(Object.keys(before));
    for (const name of Object.keys(before)) expect(after[name], name).toEqual(before[name]);
    expect(await sequences(target.pool)).toEqual(await sequences(source.database.pool));
    expect(await migrations(target.pool)).toEqual(await migrations(source.database.pool));

    const chain = await verifyAudit(target.db);
    expect(chain).toEqual({ ok: true, sealed: before.audit_log!.length, unsealed: 0 });
    // The next audit entry continues the chain where the source left it.
    const next = await rowsOf<{ id: string }>(target.pool, `SELECT nextval('audit_log_id_seq')::text AS id`);
    expect(Number(next[0]!.id)).toBeGreaterThan(Math.max(...(await rowsOf<{ id: string }>(target.pool, 'SELECT id::text FROM audit_log')).map((x) => Number(x.id))));
  }, 300_000);

  it('refuses a database that has data and changes nothing; --force replaces it', async () => {
    await target.pool.query(`UPDATE projects SET name = name || '（改）' WHERE code = 'BAK-001'`);
    const changed = await snapshot(target.pool);
    const message = await refusal(restoreDatabase(target, archive));
    expect(message).toContain('目标数据库不是空的');
    expect(message).toContain('--force');
    expect(await snapshot(target.pool)).toEqual(changed);

    await restoreDatabase(target, archive, { force: true });
    expect(await snapshot(target.pool)).toEqual(before);
  }, 300_000);

  it('refuses a damaged, cut or edited archive with a clear message, even with --force, and keeps the data', async () => {
    const bytes = fs.readFileSync(archive);
    const flipped = Buffer.from(bytes);
    const middle = Math.floor(bytes.length / 2);
    flipped[middle] = flipped[middle]! ^ 0xff;
    const cut = bytes.subarray(0, Math.floor(bytes.length * 0.7));
    // Edited and compressed again, so only the table's own hash can tell.
    const edited = zlib.gzipSync(zlib.gunzipSync(bytes).toString('utf8').replace('备份测试项目', '偷改的项目'));
    const cases: [string, Buffer, RegExp][] = [
      ['flipped.gz', flipped, /备份文件(已损坏|不完整)/],
      ['cut.gz', cut, /备份文件不完整（被截断）/],
      ['edited.gz', edited, /备份文件已损坏：表 \w+ 的校验和不符/],
      ['not-gzip.gz', Buffer.from('这不是备份文件'), /备份文件已损坏/],
    ];
    for (const [name, content, expected] of cases) {
      const file = path.join(dir, name);
      fs.writeFileSync(file, content);
      expect(await refusal(restoreDatabase(target, file, { force: true })), name).toMatch(expected);
      expect(await snapshot(target.pool), name).toEqual(before);
    }
    expect(await refusal(restoreDatabase(target, path.join(dir, 'missing.gz')))).toContain('找不到备份文件');
  }, 300_000);

  it('names the table and the database’s objection when an intact archive holds rows the schema refuses', async () => {
    const bytes = fs.readFileSync(archive);
    const cases: [string, Buffer, RegExp][] = [
      ['bad-uuid.gz', forge(bytes, 'users', (u) => { u.id = '不是编号'; }), /表 users 的数据无法载入：.*uuid/],
      ['orphan.gz', forge(bytes, 'users', (u) => { u.region_code = '999999'; }), /备份中的数据不满足数据库的约束：.*users_region_code_regions_code_fk/],
    ];
    for (const [name, content, expected] of cases) {
      const file = path.join(dir, name);
      fs.writeFileSync(file, content);
      expect(await refusal(restoreDatabase(target, file, { force: true })), name).toMatch(expected);
      expect(await snapshot(target.pool), name).toEqual(before);
    }
    // The forger itself is sound: with nothing changed its archive restores.
    const same = path.join(dir, 'same.gz');
    fs.writeFileSync(same, forge(bytes, 'users', () => {}));
    await restoreDatabase(target, same, { force: true });
    expect(await snapshot(target.pool)).toEqual(before);
  }, 300_000);
});

describe('migration levels', () => {
  it('restores an archive of an older level at that level, then migrates it on', async () => {
    const old = await createTestDatabase();
    const fresh = await createTestDatabase();
    try {
      // A database as the previous release left it: migrations 0000–0003, before the leadership tables.
      const c = await old.pool.connect();
      const tables = await c.query<{ name: string }>(`SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public'`);
      await c.query(`DROP TABLE ${tables.rows.map((x) => `"${x.name}"`).join(', ')} CASCADE; DROP TABLE drizzle.__drizzle_migrations`);
      await migrateBetween(c, 0, 4);
      c.release();
      await seedTestRegions(old.db);
      // The users table as level 4 had it (the factory writes today's columns).
      await old.pool.query(`INSERT INTO users (username, display_name, password_hash, role, region_code) VALUES ('keeper', 'keeper', 'x', 'office', $1)`, [REGIONS.city.code]);
      const oldFile = path.join(dir, 'level4.gz');
      const b = await backupDatabase(old, oldFile);
      expect(b.manifest.migrations).toHaveLength(4);
      expect(b.manifest.tables.map((t) => t.name)).not.toContain('bulletins');

      // The fresh database is at the current level: rebuilt at level 4, loaded, migrated on.
      const current = (await migrations(fresh.pool)).length;
      expect(current).toBeGreaterThan(4);
      const r = await restoreDatabase(fresh, oldFile);
      expect(r).toMatchObject({ fromLevel: current, level: current });
      expect(await migrations(fresh.pool)).toEqual(await migrations(source.database.pool));
      expect(await rowsOf(fresh.pool, `SELECT username, role FROM users`)).toEqual([{ username: 'keeper', role: 'office' }]);
      expect((await snapshot(fresh.pool)).regions).toEqual((await snapshot(old.pool)).regions);
      expect(await rowsOf(fresh.pool, `SELECT count(*)::int AS n FROM bulletins`)).toEqual([{ n: 0 }]);

      // An archive from a newer release than this one is refused before anything is touched.
      const future = path.join(dir, 'future.gz');
      const lines = zlib.gunzipSync(fs.readFileSync(archive)).toString('utf8').split('\n');
      const manifest = JSON.parse(lines[0]!);
      manifest.migrations.push({ hash: 'f'.repeat(64), createdAt: 9_999_999_999_999 });
      fs.writeFileSync(future, zlib.gzipSync([JSON.stringify(manifest), ...lines.slice(1)].join('\n')));
      expect(await refusal(restoreDatabase(fresh, future, { force: true }))).toContain('来自更新版本的推进');
      expect(await migrations(fresh.pool)).toHaveLength(current);
    } finally {
      await old.close();
      await fresh.close();
    }
  }, 300_000);
});

describe('command line', () => {
  const base = { ...process.env, TUIJIN_DEMO: '0', TUIJIN_SKIP_WEB_BUILD: '1', TUIJIN_SCHEDULER: '0', DATABASE_URL: '', LOG_LEVEL: 'warn' };
  const dirA = path.join(dir, 'a');
  const dirB = path.join(dir, 'b');
  const port = 4300 + Math.floor(Math.random() * 200);
  let server: ChildProcess | null = null;
  const tuijin = (dataDir: string, ...args: string[]) => {
    const r = spawnSync(process.execPath, ['bin/tuijin.mjs', ...args], { env: { ...base, DATA_DIR: dataDir }, encoding: 'utf8', timeout: 180_000 });
    return { code: r.status, out: r.stdout, err: r.stderr };
  };
  /** The trailer of an archive: every table's row count and hash. */
  const digests = (file: string) => JSON.parse(zlib.gunzipSync(fs.readFileSync(file)).toString('utf8').trimEnd().split('\n').pop()!).tables;

  afterAll(async () => {
    server?.kill('SIGTERM');
    await new Promise((r) => setTimeout(r, 1000));
    server?.kill('SIGKILL');
  });

  it('backs up through a running server, restores into a new folder, and refuses then forces a restore into the running one', async () => {
    server = spawn(process.execPath, ['bin/tuijin.mjs', 'serve'], { env: { ...base, DATA_DIR: dirA, PORT: String(port), HOST: '127.0.0.1' }, stdio: ['ignore', 'pipe', 'pipe'] });
    let log = '';
    server.stdout!.on('data', (d) => (log += d));
    server.stderr!.on('data', (d) => (log += d));
    const deadline = Date.now() + 120_000;
    while (!log.includes('已启动')) {
      if (server.exitCode !== null || Date.now() > deadline) throw new Error(`server did not start:\n${log}`);
      await new Promise((r) => setTimeout(r, 300));
    }
    expect(tuijin(dirA, 'user', 'create', '--username', 'root', '--password', 'Admin-pass-2024', '--role', 'admin', '--region', '371500').code).toBe(0);
    const signIn = () => fetch(`http://127.0.0.1:${port}/api/v1/auth/login`, {
      method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'root', password: 'Admin-pass-2024' }),
    });
    expect((await signIn()).status).toBe(200); // a session and an audit entry to carry over

    const fileA = path.join(dir, 'a.gz');
    const backup = tuijin(dirA, 'backup', fileA);
    expect(backup.err).toBe('');
    expect(backup.out).toMatch(/已备份 \d+ 张表、\d+ 行到 /);
    expect(fs.existsSync(`${fileA}.partial`)).toBe(false);

    // A new folder, never migrated: migrated to the archive's level and loaded, through the command line.
    const restore = tuijin(dirB, 'restore', fileA);
    expect(restore.err).toBe('');
    expect(restore.out).toContain(`已从 ${fileA} 恢复`);
    const fileB = path.join(dir, 'b.gz');
    expect(tuijin(dirB, 'backup', fileB).code).toBe(0);
    expect(digests(fileB)).toEqual(digests(fileA));
    const verify = tuijin(dirB, 'audit', 'verify');
    expect(verify.code).toBe(0);
    expect(verify.out).toContain('审计日志完整');

    // Into the running server's database: refused (it has data), then replaced with --force.
    const refused = tuijin(dirA, 'restore', fileB);
    expect(refused.code).toBe(1);
    expect(refused.err).toContain('恢复失败，数据库未改动：目标数据库不是空的');
    const forced = tuijin(dirA, 'restore', fileB, '--force');
    expect(forced.err).toBe('');
    expect(forced.code).toBe(0);
    expect(forced.out).toContain('请重启');
    expect((await signIn()).status).toBe(200);
    expect(server.exitCode).toBeNull();

    // With PostgreSQL at hand, the embedded database's archive goes into it table for table.
    if (process.env.TEST_DATABASE_URL) {
      const pgDb = await createTestDatabase();
      try {
        await restoreDatabase(pgDb, fileA);
        expect((await backupDatabase(pgDb, path.join(dir, 'pg.gz'))).digests).toEqual(digests(fileA));
      } finally {
        await pgDb.close();
      }
    }
  }, 600_000);
});
