// A scheduled job runs once per run key (the day) however many app servers fire it: the first to
// claim the key in the database does the work, the others are told who has it and skip. The claim is
// one row per job in `app_settings` (key `job.<name>`), taken by a single INSERT … ON CONFLICT DO
// UPDATE … WHERE: PostgreSQL locks the row, so of two servers claiming at the same instant the
// second sees the first's claim and gets nothing back. It works the same on PGlite.
//
// A claim whose server died mid-run ("running" past its lease) or whose run failed may be taken
// again; a finished one is never repeated for the same key.
import os from 'node:os';
import { randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../db/client.ts';

export type JobState = 'running' | 'done' | 'failed';

/** What the job's row holds: the run it belongs to, who took it, and how it went. */
export interface JobRun {
  run: string;
  owner: string;
  state: JobState;
  startedAt: string;
  finishedAt?: string;
  summary?: string;
}

export type Claim = { claimed: true } | { claimed: false; holder: JobRun | null };

/** How long a "running" claim keeps others off before it is taken as abandoned (default 30 minutes). */
export const DEFAULT_LEASE_SECONDS = 30 * 60;

export const jobKey = (job: string) => `job.${job}`;

/** A name for this server's scheduler in the claims and logs: host, process and a random tag. */
export function instanceName(): string {
  return `${os.hostname()}:${process.pid}:${randomBytes(2).toString('hex')}`;
}

/**
 * Claims `run` of `job` for `owner`. A run key compares as text (YYYY-MM-DD days), and only a later
 * key takes over a finished claim: a server whose clock lags behind does not repeat yesterday's run.
 */
export async function claimJobRun(db: DbOrTx, job: string, run: string, owner: string, leaseSeconds = DEFAULT_LEASE_SECONDS): Promise<Claim> {
  const value: JobRun = { run, owner, state: 'running', startedAt: new Date().toISOString() };
  const r = await db.execute<{ key: string }>(sql`
    INSERT INTO app_settings (key, value, updated_at) VALUES (${jobKey(job)}, ${JSON.stringify(value)}::jsonb, now())
    ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value, updated_at = now()
    WHERE app_settings.value->>'run' < EXCLUDED.value->>'run'
       OR (app_settings.value->>'run' = EXCLUDED.value->>'run' AND (
            app_settings.value->>'state' = 'failed'
         OR (app_settings.value->>'state' = 'running' AND app_settings.updated_at < now() - make_interval(secs => ${leaseSeconds}))))
    RETURNING key`);
  if (r.rows.length) return { claimed: true };
  return { claimed: false, holder: await readJobRun(db, job) };
}

/** Records how the claimed run ended (only while `owner` still holds it). */
export async function finishJobRun(db: DbOrTx, job: string, run: string, owner: string, state: Exclude<JobState, 'running'>, summary: string): Promise<void> {
  const patch = { state, finishedAt: new Date().toISOString(), summary };
  await db.execute(sql`
    UPDATE app_settings SET value = value || ${JSON.stringify(patch)}::jsonb, updated_at = now()
    WHERE key = ${jobKey(job)} AND value->>'owner' = ${owner} AND value->>'run' = ${run}`);
}

export async function readJobRun(db: DbOrTx, job: string): Promise<JobRun | null> {
  const r = await db.execute<{ value: JobRun }>(sql`SELECT value FROM app_settings WHERE key = ${jobKey(job)}`);
  return r.rows[0]?.value ?? null;
}
