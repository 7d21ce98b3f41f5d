// `npx tuijin backup <file>` and `npx tuijin restore <file> [--force]` (see db/backup.ts): the same
// archive for PGlite and PostgreSQL, through a running server's socket or the folder itself.
import { parseArgs } from 'node:util';
import { backupDatabase, BackupError, restoreDatabase } from '../db/backup.ts';
import type { Database } from '../db/client.ts';

const BACKUP_USAGE = '用法: backup <文件>';
const RESTORE_USAGE = '用法: restore <文件> [--force]';
const seconds = (since: number) => ((Date.now() - since) / 1000).toFixed(1);

export async function runBackupCommand(database: Database, args: string[]): Promise<number> {
  const { positionals } = parseArgs({ args, allowPositionals: true, options: {} });
  if (positionals.length !== 1) {
    console.error(BACKUP_USAGE);
    return 2;
  }
  const started = Date.now();
  if (database.engine === 'pglite' && !database.ownsEmbedded) {
    console.log('经由正在运行的服务备份：内嵌数据库只有一个会话，备份期间（约每百万行半分钟）服务的数据库请求排队等待');
  }
  const r = await backupDatabase(database, positionals[0]!, (line) => console.log(line));
  const rows = r.digests.reduce((n, d) => n + d.rows, 0);
  console.log(`已备份 ${r.digests.length} 张表、${rows} 行到 ${positionals[0]}（${(r.bytes / 1024 / 1024).toFixed(1)} MB，迁移级别 ${r.manifest.migrations.length}，用时 ${seconds(started)} 秒）`);
  return 0;
}

export async function runRestoreCommand(database: Database, args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { force: { type: 'boolean' } } });
  if (positionals.length !== 1) {
    console.error(RESTORE_USAGE);
    return 2;
  }
  const started = Date.now();
  try {
    const r = await restoreDatabase(database, positionals[0]!, { force: !!values.force, progress: (line) => console.log(line) });
    console.log(`已从 ${positionals[0]} 恢复 ${r.manifest.tables.length} 张表、${r.rows} 行（备份于 ${r.manifest.createdAt}，迁移级别 ${r.level}，用时 ${seconds(started)} 秒）`);
    if (!database.ownsEmbedded) console.log('如推进服务正在运行，请重启它以载入恢复后的设置（如演示日期）');
    return 0;
  } catch (err) {
    if (!(err instanceof BackupError)) throw err;
    console.error(`恢复失败，数据库未改动：${err.message}`);
    return 1;
  }
}
