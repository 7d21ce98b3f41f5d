// Scheduled work inside the server: every day at a fixed hour (China time) the roadblock ladder
// climbs and overdue supervision orders go onto the accountability list — the same `escalate()`
// that `npx tuijin escalate` runs, so a deployment needs no cron. A missed day is caught up at start.
// A second timer seals the audit log into its hash chain every minute (modules/audit/audit.chain.ts).
import { todayIso } from '../../domain/dates.ts';
import type { Db } from '../db/client.ts';
import { sealAudit } from '../modules/audit/audit.chain.ts';
import { escalate } from '../modules/problems/problems.escalation.ts';
import { clock } from '../clock.ts';

const CHINA_OFFSET_MS = 8 * 3600_000;
const DAY_MS = 86400_000;

/** Milliseconds from `now` until the next `hour`:00 China time (strictly later than now). */
export function msUntilNextRun(now: Date, hour: number): number {
  const china = now.getTime() + CHINA_OFFSET_MS;
  const dayStart = Math.floor(china / DAY_MS) * DAY_MS;
  let next = dayStart + hour * 3600_000;
  if (next <= china) next += DAY_MS;
  return next - china;
}

export interface Scheduler {
  /** Runs the daily work now (also what the timer calls). */
  runNow(): Promise<void>;
  stop(): void;
}

export interface SchedulerOptions {
  /** Hour of the day, China time, 0–23 (default 8). */
  hour?: number;
  /** Delay of the catch-up run after start, ms (default one minute; negative: none). */
  catchUpDelayMs?: number;
  /** How often new audit entries are sealed into the chain, ms (default one minute; negative: never). */
  sealEveryMs?: number;
  log: (msg: string) => void;
  now?: () => Date;
}

export function startScheduler(db: Db, o: SchedulerOptions): Scheduler {
  const hour = o.hour ?? 8;
  const now = o.now ?? clock.now;
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<void> | null = null;
  let stopped = false;

  const runNow = async () => {
    if (running) return running;
    running = (async () => {
      const day = todayIso(now());
      try {
        const r = await escalate(db, day);
        o.log(`定时任务（${day}）：检查 ${r.checked} 个未办结问题，逾期 ${r.overdue} 个，升级 ${r.escalated.length} 个；督办单超期列入约谈 ${r.overdueOrders} 个`);
      } catch (err) {
        o.log(`定时任务（${day}）失败：${(err as Error).message}`);
      }
    })().finally(() => {
      running = null;
    });
    return running;
  };

  const schedule = (ms: number) => {
    if (stopped) return;
    timer = setTimeout(() => {
      void runNow().then(() => schedule(msUntilNextRun(now(), hour)));
    }, ms);
    timer.unref();
  };

  const catchUp = o.catchUpDelayMs ?? 60_000;
  schedule(catchUp >= 0 ? catchUp : msUntilNextRun(now(), hour));

  let sealing = false;
  const sealEvery = o.sealEveryMs ?? 60_000;
  const sealTimer = sealEvery >= 0 ? setInterval(() => {
    if (sealing) return;
    sealing = true;
    sealAudit(db)
      .catch((err: Error) => o.log(`审计日志封存失败：${err.message}`))
      .finally(() => (sealing = false));
  }, sealEvery) : null;
  sealTimer?.unref();

  return {
    runNow,
    stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      if (sealTimer) clearInterval(sealTimer);
    },
  };
}
