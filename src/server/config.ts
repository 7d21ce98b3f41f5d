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
  };
}
