// `npm start` / `npx tuijin serve`: bring the database up to date, load the demo city into an empty
// one, build the web app if its bundle is missing or stale, and serve.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildApp, WEB_DIST } from './app.ts';
import type { Config } from './config.ts';
import { openDatabase } from './db/client.ts';
import { prepareDatabase } from './db/reference.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

function newestMtime(dir: string): number {
  let newest = 0;
  if (!fs.existsSync(dir)) return newest;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(p) : fs.statSync(p).mtimeMs);
  }
  return newest;
}

/** Builds the web bundle when it is missing or older than its sources (a fresh clone has none). */
export async function ensureWebBuild(log: (m: string) => void): Promise<void> {
  const index = path.join(WEB_DIST, 'index.html');
  const sources = Math.max(...['src/web', 'src/contract', 'src/domain'].map((d) => newestMtime(path.join(ROOT, d))));
  if (fs.existsSync(index) && fs.statSync(index).mtimeMs >= sources) return;
  log('正在构建网页前端（首次启动约需一分钟）…');
  const { build } = await import('vite');
  await build({ configFile: path.join(ROOT, 'vite.config.ts'), logLevel: 'warn' });
}

export async function startServer(config: Config): Promise<void> {
  const log = (m: string) => console.log(m);
  if (process.env.TUIJIN_SKIP_WEB_BUILD !== '1') await ensureWebBuild(log);
  const database = await openDatabase(config);
  if (!config.databaseUrl && !database.ownsEmbedded) {
    await database.close();
    throw new Error(`数据目录 ${config.dataDir} 已由另一个推进服务使用；请先停止它，或设置不同的 DATA_DIR`);
  }
  await prepareDatabase(database);
  const { isDatabaseEmpty, seedDemo, demoLogins } = await import('./db/seed/demo.ts');
  let logins: Awaited<ReturnType<typeof seedDemo>> | null = null;
  if (config.demo && (await isDatabaseEmpty(database.db))) {
    log('空数据库：正在载入演示城市（聊城市，400 个重点项目）…');
    logins = await seedDemo(database.db);
  } else if (config.demo) {
    logins = await demoLogins(database.db);
  }
  const { loadClock } = await import('./clock.ts');
  const pinned = await loadClock(database.db);
  if (pinned) log(`演示数据库：系统日期固定为 ${pinned}（演示数据所描述的日子），时刻照常走`);
  const app = await buildApp({ database, config }, { logger: true, serveWeb: true });
  const { startScheduler } = await import('./jobs/scheduler.ts');
  const scheduler = config.scheduler ? startScheduler(database.db, { hour: config.schedulerHour, vacuum: database.engine === 'pglite', log: (m) => console.log(m) }) : null;
  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    app.log.info({ signal }, 'shutting down');
    scheduler?.stop();
    await app.close();
    await database.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  await app.listen({ port: config.port, host: config.host });
  const url = `http://localhost:${config.port}`;
  console.log(`\n推进 · 重点项目推进平台已启动：${url}`);
  console.log(`数据库：${database.engine === 'postgres' ? 'PostgreSQL（DATABASE_URL）' : `内嵌 PGlite（${config.dataDir}）`}　接口文档：${url}/api/docs`);
  if (logins?.length) {
    const { printLogins } = await import('./cli/print.ts');
    printLogins(logins);
  }
}
