// The server's clock: what "now" and "today" are for every rule that depends on the date
// (deadlines, overdue roadblocks, supervision orders, reminders, defaults of forms).
//
// It is real time, except on a demo database: the demo city describes one moment (the seed writes
// `app_settings` key `clock.asOf`, e.g. 2024-11-30), and a demo opened two years later must not
// find every deadline long past, escalate every roadblock at start and list every order as
// overdue. There the clock is pinned to that date with the time of day running, and the web app
// shows a banner saying so. Tests set `clock.now` directly.
import { sql } from 'drizzle-orm';
import { todayIso } from '../domain/dates.ts';
import type { Db, DbOrTx } from './db/client.ts';

const DAY_MS = 86400_000;
const CHINA_OFFSET_MS = 8 * 3600_000;

let offsetMs = 0;
let pinnedTo: string | null = null;

export const clock = {
  now: (): Date => new Date(Date.now() + offsetMs),
};

/** Today's date in China as YYYY-MM-DD, by the server's clock. */
export function clockToday(): string {
  return todayIso(clock.now());
}

/** The date the clock is pinned to (a demo database), or null when it runs in real time. */
export function clockPinnedTo(): string | null {
  return pinnedTo;
}

/**
 * Pins the clock so that today (China time) is `asOf`, keeping the real time of day; null unpins.
 * The offset is whole days, so timestamps keep their real hours and minutes.
 */
export function pinClock(asOf: string | null, real: Date = new Date()): void {
  pinnedTo = asOf;
  if (!asOf) {
    offsetMs = 0;
    return;
  }
  const realDay = Math.floor((real.getTime() + CHINA_OFFSET_MS) / DAY_MS);
  const asOfDay = Math.floor(Date.parse(`${asOf}T00:00:00Z`) / DAY_MS);
  offsetMs = (asOfDay - realDay) * DAY_MS;
}

/** What the web app is told: today, and whether the clock is pinned. */
export function serverClockNow(): { today: string; pinnedTo: string | null } {
  return { today: clockToday(), pinnedTo };
}

export const CLOCK_SETTING = 'clock.asOf';

/** Reads the database's pinned date (if any) and sets the clock; returns it. */
export async function loadClock(db: Db): Promise<string | null> {
  const r = await db.execute<{ value: unknown }>(sql`SELECT value FROM app_settings WHERE key = ${CLOCK_SETTING}`);
  const v = r.rows[0]?.value;
  const asOf = typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v) ? v : null;
  pinClock(asOf);
  return asOf;
}

/** Writes (or with null removes) the pinned date of this database. */
export async function saveClockSetting(db: DbOrTx, asOf: string | null): Promise<void> {
  if (asOf === null) {
    await db.execute(sql`DELETE FROM app_settings WHERE key = ${CLOCK_SETTING}`);
    return;
  }
  await db.execute(sql`INSERT INTO app_settings (key, value) VALUES (${CLOCK_SETTING}, ${JSON.stringify(asOf)}::jsonb)
    ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value, updated_at = now()`);
}
