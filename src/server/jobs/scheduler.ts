// Scheduled work inside the server: every day at a fixed hour (China time) the roadblock ladder
// climbs and overdue supervision orders go onto the accountability list — the same `escalate()`
// that `npx tuijin escalate` runs, so a deployment needs no cron — sessions that expired are
// removed and failed sign-ins a day old forgotten. A missed day is caught up at start.
// A second timer seals the audit log into its hash chain every minute (modules/audit/audit.chain.ts).
//
// Several app servers may run this against one database (docs/scaling.md): the day's run is claimed
// in the database first (jobs/claim.ts), so exactly one server does it and the others log that they
// skipped; sealing takes an advisory lock without waiting, so a server finding another sealing skips
// that minute.
import { sql } from 'drizzle-orm';
import { todayIso } from '../../domain/dates.ts';
import type { Db } from '../db/client.ts';
import { trySealAudit } from '../modules/audit/audit.chain.ts';
import { forgetOldLoginFailures } from '../modules/auth/auth.repo.ts';
import { escalate } from '../modules/problems/problems.escalation.ts';
import { clock } from '../clock.ts';
import { claimJobRun, finishJobRun, instanceName, type JobRun } from './claim.ts';

/** The daily job's name in the claims (`app_settings` key `job.escalation`). */
export const DAILY_JOB = 'escalation';

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

/** What one call of the daily work came to on this server. */
export type DailyOutcome =
  | { status: 'done'; day: string; summary: string }
  | { status: 'skipped'; day: string; holder: JobRun | null }
  | { status: 'failed'; day: string; error: string };

export interface Scheduler {
  /** This scheduler's name in claims and logs. */
  instance: string;
  /** Runs the daily work now (also what the timer calls), unless a server already has today's run. */
  runNow(): Promise<DailyOutcome>;
  /** Seals the audit log now: how many entries, or null when another server was sealing. */
  sealNow(): Promise<number | null>;
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
  /**
   * Vacuum and analyse after the daily run: for the embedded database, which has no autovacuum (without
   * it the planner's figures go stale and covering indexes read the tables again as rows change).
   */
  vacuum?: boolean;
  now?: () => Date;
  /** Name in claims and logs (default host:pid:random). */
  instance?: string;
}

/** Sessions that ended over a day ago (a sign-in writes one row; nothing else removes an expired one). */
export async function purgeExpiredSessions(db: Db): Promise<number> {
  const r = await db.execute(sql`DELETE FROM sessions WHERE expires_at < now() - interval '1 day'`);
  return r.rowCount ?? 0;
}

function skippedText(day: string, h: JobRun | null): string {
  if (!h) return `定时任务（${day}）：已由其他服务器执行，本服务器跳过`;
  if (h.run > day) return `定时任务（${day}）：服务器 ${h.owner} 已执行更晚日期（${h.run}）的任务，本服务器跳过`;
  const how = h.state === 'running' ? `正由服务器 ${h.owner} 执行（开始于 ${h.startedAt}）` : `已由服务器 ${h.owner} 执行完毕（${h.finishedAt ?? ''}）`;
  return `定时任务（${day}）：${how}，本服务器跳过`;
}

export function startScheduler(db: Db, o: SchedulerOptions): Scheduler {
  const hour = o.hour ?? 8;
  const now = o.now ?? clock.now;
  const instance = o.instance ?? instanceName();
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<DailyOutcome> | null = null;
  let stopped = false;

  const daily = async (): Promise<DailyOutcome> => {
    const day = todayIso(now());
    let claimed = false;
    try {
      const claim = await claimJobRun(db, DAILY_JOB, day, instance);
      if (!claim.claimed) {
        o.log(skippedText(day, claim.holder));
        return { status: 'skipped', day, holder: claim.holder };
      }
      claimed = true;
      const r = await escalate(db, day);
      const purged = await purgeExpiredSessions(db);
      const forgotten = await forgetOldLoginFailures(db);
      if (o.vacuum) await db.execute(sql`VACUUM ANALYZE`);
      const summary = `检查 ${r.checked} 个未办结问题，逾期 ${r.overdue} 个，升级 ${r.escalated.length} 个；督办单超期列入约谈 ${r.overdueOrders} 个；清理过期会话 ${purged} 个、一天前的登录失败记录 ${forgotten} 条${o.vacuum ? '；已整理数据库' : ''}`;
      await finishJobRun(db, DAILY_JOB, day, instance, 'done', summary);
      o.log(`定时任务（${day}）：${summary}`);
      return { status: 'done', day, summary };
    } catch (err) {
      const error = (err as Error).message;
      // A failed run may be claimed again (by the next start's catch-up or another server).
      if (claimed) await finishJobRun(db, DAILY_JOB, day, instance, 'failed', error).catch(() => {});
      o.log(`定时任务（${day}）失败：${error}`);
      return { status: 'failed', day, error };
    }
  };

  const runNow = () => {
    running ??= daily().finally(() => {
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

  let sealing: Promise<number | null> | null = null;
  const sealNow = () => {
    sealing ??= trySealAudit(db)
      .then((n) => {
        if (n === null) o.log('审计日志封存：另一台服务器正在封存，本次跳过');
        return n;
      })
      .finally(() => (sealing = null));
    return sealing;
  };
  const sealEvery = o.sealEveryMs ?? 60_000;
  const sealTimer = sealEvery >= 0 ? setInterval(() => {
    sealNow().catch((err: Error) => o.log(`审计日志封存失败：${err.message}`));
  }, sealEvery) : null;
  sealTimer?.unref();

  return {
    instance,
    runNow,
    sealNow,
    stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      if (sealTimer) clearInterval(sealTimer);
    },
  };
}
