// The tamper-evident audit log. Writers insert unsealed rows freely (an import writes thousands in
// one transaction, nobody waits); sealing later gives each committed row the next place in the
// chain (chain_seq) and hash = SM3(prev_hash + canonical text). A row whose transaction commits
// after a later id was sealed is chained on a later run: the chain is ordered by chain_seq, not id.
import { createHash } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { Db, DbOrTx } from '../../db/client.ts';

/** The hash before the first entry. */
export const GENESIS_HASH = '0'.repeat(64);
/** One sealer at a time, across processes (server timer, CLI, API). */
export const SEAL_LOCK = 7_150_031;
const BATCH = 5000;

/**
 * The canonical text of a row, produced by the database so sealing and verifying read the same
 * bytes: PostgreSQL's (and PGlite's) jsonb text is deterministic — keys sorted, fixed spacing.
 */
const CANONICAL = sql.raw(`jsonb_build_array(id, to_char(at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'), user_id, username,
  action, entity_type, entity_id, project_id, region_path, before, after, note)::text`);

export function chainHash(prevHash: string, canonical: string): string {
  return createHash('sm3').update(prevHash + canonical, 'utf8').digest('hex');
}

async function lastSealed(tx: DbOrTx): Promise<{ seq: number; hash: string }> {
  const r = await tx.execute<{ seq: number; hash: string }>(sql`
    SELECT chain_seq AS seq, hash FROM audit_log WHERE chain_seq IS NOT NULL ORDER BY chain_seq DESC LIMIT 1`);
  const row = r.rows[0];
  return row ? { seq: Number(row.seq), hash: row.hash } : { seq: 0, hash: GENESIS_HASH };
}

/** Seals every committed unsealed entry, in id order, after the last sealed one. Returns how many. */
export async function sealAudit(db: Db): Promise<number> {
  return (await seal(db, true))!;
}

/**
 * The same, unless another process (another app server) is sealing right now: then null at once
 * instead of waiting for it. What the scheduler's timer runs.
 */
export function trySealAudit(db: Db): Promise<number | null> {
  return seal(db, false);
}

async function seal(db: Db, wait: boolean): Promise<number | null> {
  return db.transaction(async (tx) => {
    if (wait) await tx.execute(sql`SELECT pg_advisory_xact_lock(${SEAL_LOCK})`);
    else {
      const got = await tx.execute<{ got: boolean }>(sql`SELECT pg_try_advisory_xact_lock(${SEAL_LOCK}) AS got`);
      if (!got.rows[0]!.got) return null;
    }
    let { seq, hash } = await lastSealed(tx);
    let sealed = 0;
    for (;;) {
      const r = await tx.execute<{ id: number; canonical: string }>(sql`
        SELECT id, ${CANONICAL} AS canonical FROM audit_log WHERE chain_seq IS NULL ORDER BY id LIMIT ${BATCH}`);
      if (r.rows.length === 0) return sealed;
      const links = r.rows.map((row) => {
        const prev = hash;
        hash = chainHash(prev, row.canonical);
        seq += 1;
        return { id: Number(row.id), seq, prev, hash };
      });
      await tx.execute(sql`
        UPDATE audit_log a SET chain_seq = x.seq, prev_hash = x.prev, hash = x.hash
        FROM jsonb_to_recordset(${JSON.stringify(links)}::jsonb) AS x(id bigint, seq bigint, prev text, hash text)
        WHERE a.id = x.id`);
      sealed += links.length;
    }
  });
}

export type ChainBreak = 'hash_mismatch' | 'prev_mismatch' | 'gap';

export interface AuditVerification {
  ok: boolean;
  sealed: number;
  unsealed: number;
  firstBroken?: { chainSeq: number; id: number; reason: ChainBreak };
}

/**
 * Seals what is waiting, then walks the chain by chain_seq recomputing every hash from the stored
 * row: the first entry out of place (gap), not pointing at its predecessor (prev_mismatch) or whose
 * content no longer matches its hash (hash_mismatch) is reported.
 */
export async function verifyAudit(db: Db): Promise<AuditVerification> {
  await sealAudit(db);
  let expectedSeq = 1;
  let prevHash = GENESIS_HASH;
  let firstBroken: AuditVerification['firstBroken'];
  walk: for (;;) {
    const r = await db.execute<{ seq: number; id: number; prev_hash: string | null; hash: string | null; canonical: string }>(sql`
      SELECT chain_seq AS seq, id, prev_hash, hash, ${CANONICAL} AS canonical FROM audit_log
      WHERE chain_seq >= ${expectedSeq} ORDER BY chain_seq LIMIT ${BATCH}`);
    for (const row of r.rows) {
      const at = { chainSeq: Number(row.seq), id: Number(row.id) };
      if (at.chainSeq !== expectedSeq) firstBroken = { ...at, reason: 'gap' };
      else if (row.prev_hash !== prevHash) firstBroken = { ...at, reason: 'prev_mismatch' };
      else if (row.hash !== chainHash(prevHash, row.canonical)) firstBroken = { ...at, reason: 'hash_mismatch' };
      if (firstBroken) break walk;
      prevHash = row.hash!;
      expectedSeq += 1;
    }
    if (r.rows.length < BATCH) break;
  }
  const c = await db.execute<{ sealed: number; unsealed: number }>(sql`
    SELECT count(chain_seq) AS sealed, count(*) - count(chain_seq) AS unsealed FROM audit_log`);
  const { sealed, unsealed } = c.rows[0]!;
  return { ok: !firstBroken, sealed: Number(sealed), unsealed: Number(unsealed), ...(firstBroken ? { firstBroken } : {}) };
}
