import path from 'node:path';

export interface Config {
  dataDir: string;
  databaseUrl: string | null;
  port: number;
  host: string;
  demo: boolean;
  /** Cookie `Secure` flag: on behind HTTPS. */
  secureCookies: boolean;
  sessionHours: number;
  uploadMaxBytes: number;
  /** Daily scheduled work (roadblock escalation, overdue supervision orders) inside the server. */
  scheduler: boolean;
  /** Hour of the day (China time) it runs. */
  schedulerHour: number;
  /**
   * Which proxies' X-Forwarded-For to believe for the client's address (sign-in rate limit, logs):
   * false (the socket's address, the default), true (any), a hop count, or addresses/CIDRs.
   */
  trustProxy: boolean | number | string[];
  /** Ledger pages kept in memory under the ledger's data version (TUIJIN_LIST_CACHE=0 turns it off). */
  listCache: boolean;
}

/**
 * TRUST_PROXY: unset, 0 or false → none; true → any; a number n → the n proxies nearest the server
 * (1 for one load balancer); else a comma list of the proxies' addresses or CIDRs.
 */
export function parseTrustProxy(v: string | undefined): Config['trustProxy'] {
  const s = (v ?? '').trim();
  if (!s || s === '0' || s.toLowerCase() === 'false') return false;
  if (s.toLowerCase() === 'true') return true;
  if (/^\d+$/.test(s)) return Number(s);
  return s.split(',').map((x) => x.trim()).filter(Boolean);
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  return {
    dataDir: path.resolve(env.DATA_DIR || './data'),
    databaseUrl: env.DATABASE_URL || null,
    port: Number(env.PORT || 3000),
    host: env.HOST || '0.0.0.0',
    demo: env.TUIJIN_DEMO !== '0',
    secureCookies: env.TUIJIN_SECURE_COOKIES === '1',
    sessionHours: Number(env.TUIJIN_SESSION_HOURS || 12),
    uploadMaxBytes: Number(env.TUIJIN_UPLOAD_MAX_MB || 20) * 1024 * 1024,
    scheduler: env.TUIJIN_SCHEDULER !== '0',
    schedulerHour: Math.min(23, Math.max(0, Number(env.TUIJIN_SCHEDULER_HOUR || 8))),
    trustProxy: parseTrustProxy(env.TRUST_PROXY),
    listCache: env.TUIJIN_LIST_CACHE !== '0',
  };
}
