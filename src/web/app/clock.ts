// The web app's "today": the server's date (from sign-in and /auth/me), not the browser's, so form
// defaults, overdue marks and year pickers agree with the server's rules — also on a demo database,
// whose clock is pinned to the day the demo describes.
import { todayIso } from '../../domain/dates.ts';

const DAY_MS = 86400_000;
let offsetDays = 0;
let pinned: string | null = null;

export interface ServerClockInfo {
  today: string;
  pinnedTo: string | null;
}

/** Called with each answer that carries the server's clock. */
export function setServerClock(c: ServerClockInfo | undefined | null): void {
  if (!c) return;
  const browserDay = Date.parse(`${todayIso()}T00:00:00Z`) / DAY_MS;
  offsetDays = Math.round(Date.parse(`${c.today}T00:00:00Z`) / DAY_MS - browserDay);
  pinned = c.pinnedTo;
}

/** Now, on the server's calendar (the browser's time of day). */
export function appNow(): Date {
  return new Date(Date.now() + offsetDays * DAY_MS);
}

/** Today on the server, YYYY-MM-DD (China). */
export function appToday(): string {
  return todayIso(appNow());
}

export function appYear(): number {
  return Number(appToday().slice(0, 4));
}

/** The date a demo database is pinned to, or null. */
export function clockPinnedTo(): string | null {
  return pinned;
}
