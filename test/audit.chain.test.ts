// The tamper-evident audit log: entries are sealed into an SM3 hash chain in id order (a late
// committer gets a later place), verification finds the first edited or deleted entry, and the
// command line and the API report it.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../src/server/db/client.ts';
import { startScheduler } from '../src/server/jobs/scheduler.ts';
import { chainHash, GENESIS_HASH, sealAudit, verifyAudit } from '../src/server/modules/audit/audit.chain.ts';
import { recordAudit, recordAuditMany } from '../src/server/modules/audit/audit.repo.ts';
import { buildTestApp, login, type TestApp } from './helpers/app.ts';
import { createUser, REGIONS, seedTestRegions } from './helpers/factories.ts';

let t: TestApp;
const who = { id: '00000000-0000-4000-8000-000000000001', username: 'someone' };
type Link = { id: number; seq: number; prev: string; hash: string; note: string | null };

async function chain(): Promise<Link[]> {
  const r = await t.database.db.execute<Link>(sql`
    SELECT id, chain_seq AS seq, prev_hash AS prev, hash, note FROM audit_log WHERE chain_seq IS NOT NULL ORDER BY chain_seq`);
  return r.rows.map((x) => ({ ...x, id: Number(x.id), seq: Number(x.seq) }));
}

beforeAll(async () => {
  t = await buildTestApp();
  await seedTestRegions(t.database.db);
  await createUser(t.database.db, { username: 'auditor', role: 'auditor', regionCode: REGIONS.city.code });
  await createUser(t.database.db, { username: 'owner', role: 'unit', regionCode: REGIONS.city.code });
});
afterAll(() => t.close());

describe('sealing and verifying', () => {
  it('seals entries from recordAudit and recordAuditMany in id order, each hashing the one before', async () => {
    const db = t.database.db;
    await sealAudit(db);
    const before = (await chain()).length;
    await recordAudit(db, who, { action: 'project.updated', entityType: 'project', regionPath: REGIONS.shen.path, before: { name: '旧名' }, after: { name: '新名', n: 1.5 }, note: '改名' });
    await recordAuditMany(db, who, Array.from({ length: 30 }, (_, i) => ({ action: 'project.imported', entityType: 'project', entityId: `P-${i}`, after: { row: i } })));
    const unsealed = await db.execute<{ n: number }>(sql`SELECT count(*) AS n FROM audit_log WHERE chain_seq IS NULL`);
    expect(Number(unsealed.rows[0]!.n)).toBe(31);
    expect(await sealAudit(db)).toBe(31);
    expect(await sealAudit(db)).toBe(0);

    const links = await chain();
    expect(links).toHaveLength(before + 31);
    links.forEach((l, i) => {
      expect(l.seq).toBe(i + 1);
      expect(l.prev).toBe(i === 0 ? GENESIS_HASH : links[i - 1]!.hash);
      expect(l.hash).toMatch(/^[0-9a-f]{64}$/);
      if (i > 0) expect(l.id).toBeGreaterThan(links[i - 1]!.id);
    });
    const v = await verifyAudit(db);
    expect(v).toEqual({ ok: true, sealed: links.length, unsealed: 0 });
  });

  it('hashes SM3 over the previous hash and the canonical text of the row', async () => {
    const [first] = await chain();
    const r = await t.database.db.execute<{ c: string }>(sql`
      SELECT jsonb_build_array(id, to_char(at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'), user_id, username, action, entity_type,
        entity_id, project_id, region_path, before, after, note)::text AS c FROM audit_log WHERE id = ${first!.id}`);
    expect(first!.hash).toBe(chainHash(GENESIS_HASH, r.rows[0]!.c));
  });

  it('chains an entry that commits after a later id, behind the ones already sealed', async () => {
    const db = t.database.db;
    // The id is taken first (as by a long import transaction), a later id commits and is sealed first.
    const late = Number((await db.execute<{ id: number }>(sql`SELECT nextval(pg_get_serial_sequence('audit_log', 'id')) AS id`)).rows[0]!.id);
    await recordAudit(db, who, { action: 'project.updated', entityType: 'project', note: '先提交' });
    await sealAudit(db);
    await db.execute(sql`INSERT INTO audit_log (id, username, action, entity_type, note) VALUES (${late}, 'someone', 'project.imported', 'project', '后提交')`);
    expect(await sealAudit(db)).toBe(1);
    const links = await chain();
    const last = links[links.length - 1]!;
    expect(last).toMatchObject({ id: late, note: '后提交' });
    expect(links[links.length - 2]!.id).toBeGreaterThan(late);
    expect((await verifyAudit(db)).ok).toBe(true);
  });

  it('finds an edited entry by its hash, and a deleted one at the entry after it', async () => {
    const db = t.database.db;
    const links = await chain();
    const victim = links[5]!;
    await db.execute(sql`UPDATE audit_log SET note = '篡改' WHERE id = ${victim.id}`);
    expect(await verifyAudit(db)).toMatchObject({ ok: false, firstBroken: { chainSeq: victim.seq, id: victim.id, reason: 'hash_mismatch' } });
    await db.execute(sql`UPDATE audit_log SET note = ${victim.note} WHERE id = ${victim.id}`);
    expect((await verifyAudit(db)).ok).toBe(true);

    await db.execute(sql`DELETE FROM audit_log WHERE id = ${victim.id}`);
    const v = await verifyAudit(db);
    expect(v.ok).toBe(false);
    expect(v.firstBroken).toMatchObject({ chainSeq: victim.seq + 1, id: links[6]!.id });
    expect(['gap', 'prev_mismatch']).toContain(v.firstBroken!.reason);

    // Renumbering to close the gap still breaks: the next entry does not point at the one before.
    await db.execute(sql`UPDATE audit_log SET chain_seq = chain_seq - 1 WHERE chain_seq > ${victim.seq}`);
    expect((await verifyAudit(db)).firstBroken).toEqual({ chainSeq: victim.seq, id: links[6]!.id, reason: 'prev_mismatch' });
  });
});

describe('the scheduler', () => {
  it('seals new entries on its own timer, and stops with the scheduler', async () => {
    const db = t.database.db;
    await recordAudit(db, who, { action: 'project.updated', entityType: 'project', note: '定时封存' });
    const s = startScheduler(db, { log: () => {}, catchUpDelayMs: -1, sealEveryMs: 20 });
    try {
      const pending = async () => Number((await db.execute<{ n: number }>(sql`SELECT count(*) AS n FROM audit_log WHERE chain_seq IS NULL`)).rows[0]!.n);
      const deadline = Date.now() + 10_000;
      while ((await pending()) > 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
      expect(await pending()).toBe(0);
    } finally {
      s.stop();
    }
  });
});

describe('GET /audit/verify', () => {
  it('answers an auditor with the state of the chain and refuses a project owner', async () => {
    const res = await (await login(t.app, 'auditor')).get('/api/v1/audit/verify');
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.ok).toBe(false);
    expect(body.firstBroken.reason).toBe('prev_mismatch');
    expect(body.sealed).toBeGreaterThan(30);
    expect(body.unsealed).toBe(0);
    expect((await (await login(t.app, 'owner')).get('/api/v1/audit/verify')).statusCode).toBe(403);
  });
});

describe('npx tuijin audit verify', () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tuijin-audit-'));
  const env = { ...process.env, DATA_DIR: dataDir, TUIJIN_DEMO: '0', TUIJIN_SKIP_WEB_BUILD: '1', DATABASE_URL: '', LOG_LEVEL: 'warn' };
  const tuijin = (...args: string[]) => {
    const r = spawnSync(process.execPath, ['bin/tuijin.mjs', ...args], { env, encoding: 'utf8', timeout: 120_000 });
    return { code: r.status, out: r.stdout, err: r.stderr };
  };
  afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

  it('says the chain is whole, then where it breaks, with exit code 1', async () => {
    expect(tuijin('migrate').code).toBe(0);
    const database = await openDatabase({ dataDir, databaseUrl: '' });
    try {
      for (const note of ['一', '二', '三']) await recordAudit(database.db, who, { action: 'project.updated', entityType: 'project', note });
    } finally {
      await database.close();
    }
    const whole = tuijin('audit', 'verify');
    expect(whole.err).toBe('');
    expect(whole.code).toBe(0);
    expect(whole.out).toContain('审计日志完整：已封存 3 条');

    const again = await openDatabase({ dataDir, databaseUrl: '' });
    let id = 0;
    try {
      id = Number((await again.db.execute<{ id: number }>(sql`UPDATE audit_log SET note = '改' WHERE chain_seq = 2 RETURNING id`)).rows[0]!.id);
    } finally {
      await again.close();
    }
    const broken = tuijin('audit', 'verify');
    expect(broken.code).toBe(1);
    expect(broken.out).toContain(`审计日志在第 2 条（日志 ID ${id}）处断裂：内容与封存时的哈希不符`);
    expect(tuijin('audit').code).toBe(2);
  }, 300_000);
});
