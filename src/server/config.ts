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
  };
}
