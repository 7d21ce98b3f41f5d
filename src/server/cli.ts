// The command line: `npx tuijin <command>`. With the embedded database, a command reaches the
// running server's database through its socket; with no server running it opens the folder itself.
import { parseArgs } from 'node:util';
import { loadConfig } from './config.ts';
import { openDatabase } from './db/client.ts';
import { prepareDatabase } from './db/reference.ts';
import { startServer } from './main.ts';
import { commandPrincipal } from './cli/principal.ts';
import { printLogins } from './cli/print.ts';

const HELP = `推进 Tuijin — 重点项目推进平台

用法: npx tuijin <命令> [选项]

  serve                                  启动服务（默认端口 3000）
  migrate                                执行数据库迁移
  seed --demo                            在空数据库中载入演示城市（聊城）
  gen --scale province|city|tiny         在空数据库中生成规模测试数据（山东全省 5 万项目 / 一市 / 测试用）
  import <file.xlsx> [--dry-run] [--user U] [--year Y]   导入台账
  export <file.xlsx> [--user U] [--region CODE] [--stage S] [--q TEXT]  导出台账
  periods list|open|close [--year Y --month M] [--region CODE] [--seq N] [--id ID] [--user U]   填报期间
  stats --year Y --month M [--region CODE] [--group-by region] [--user U]   关键指标统计
  cards run --period ID [--user U]        亮牌评定（期间锁定时自动执行）
  escalate [--at YYYY-MM-DD]             问题超期逐级上报（定时任务执行）
  audit verify                           校验审计日志哈希链（断裂时退出码 1）
  backup <file>                          备份整个数据库到一个文件（服务运行时也可，一致快照）
  restore <file> [--force]               从备份恢复到空数据库（--force：先清空现有数据）；失败时不改动
  bulletin --region CODE --period ID --out FILE.docx [--user U]   生成并发布月度通报（同时写出 .xlsx 附件）
  user create --username U --password P --role R [--region CODE] [--name 姓名]
  token create --username U [--name 用途]  生成 API 令牌（只显示一次）

环境变量: DATA_DIR（默认 ./data）, DATABASE_URL（设置后使用 PostgreSQL）, PORT（默认 3000）, TUIJIN_DEMO=0（不载入演示数据）, TUIJIN_SCHEDULER=0（关闭每日定时任务：问题逾期升级、督办单超期）, TUIJIN_SCHEDULER_HOUR（定时任务时刻，默认 8 点）`;

async function main(argv: string[]) {
  const [cmd, ...rest] = argv;
  const config = loadConfig();
  if (!cmd || cmd === 'help' || cmd === '--help' || cmd === '-h') {
    console.log(HELP);
    return;
  }
  if (cmd === 'serve') {
    await startServer(config);
    return;
  }
  const database = await openDatabase(config);
  try {
    // A command that opened the folder itself brings the schema up to date first (backup and
    // restore take the database as it is: restore migrates to the archive's level itself).
    const asIs = cmd === 'backup' || cmd === 'restore';
    if ((database.ownsEmbedded && !asIs) || cmd === 'migrate' || cmd === 'gen') await prepareDatabase(database);
    const { db } = database;
    if (cmd !== 'migrate' && cmd !== 'gen' && cmd !== 'seed' && !asIs) await (await import('./clock.ts')).loadClock(db);
    switch (cmd) {
      case 'migrate':
        console.log('数据库迁移完成');
        break;
      case 'seed': {
        const { values } = parseArgs({ args: rest, options: { demo: { type: 'boolean' } } });
        if (!values.demo) throw new Error('请指定 --demo');
        const { isDatabaseEmpty, seedDemo } = await import('./db/seed/demo.ts');
        if (!(await isDatabaseEmpty(db))) {
          console.log('数据库中已有数据，未载入演示数据');
          break;
        }
        const logins = await seedDemo(db);
        printLogins(logins);
        break;
      }
      case 'bulletin': {
        const { runBulletinCommand } = await import('./cli/bulletin.ts');
        process.exitCode = await runBulletinCommand(db, rest);
        break;
      }
      case 'gen': {
        const { runGenCommand } = await import('./cli/gen.ts');
        process.exitCode = await runGenCommand(db, rest);
        break;
      }
      case 'import': {
        const { values, positionals } = parseArgs({
          args: rest, allowPositionals: true,
          options: { 'dry-run': { type: 'boolean' }, user: { type: 'string' }, year: { type: 'string' } },
        });
        const file = positionals[0];
        if (!file) throw new Error('请指定要导入的 .xlsx 文件');
        const { runImportCommand } = await import('./cli/ledger.ts');
        const p = await commandPrincipal(db, values.user);
        const code = await runImportCommand(db, p, file, { dryRun: !!values['dry-run'], year: values.year ? Number(values.year) : undefined });
        process.exitCode = code;
        break;
      }
      case 'export': {
        const { values, positionals } = parseArgs({
          args: rest, allowPositionals: true,
          options: { user: { type: 'string' }, region: { type: 'string' }, stage: { type: 'string' }, q: { type: 'string' }, year: { type: 'string' } },
        });
        const file = positionals[0];
        if (!file) throw new Error('请指定导出文件名，例如 ledger.xlsx');
        const { runExportCommand } = await import('./cli/ledger.ts');
        const p = await commandPrincipal(db, values.user);
        await runExportCommand(db, p, file, { region: values.region, stage: values.stage, q: values.q, year: values.year });
        break;
      }
      case 'periods': {
        const { runPeriodsCommand } = await import('./cli/periods.ts');
        process.exitCode = await runPeriodsCommand(db, rest);
        break;
      }
      case 'stats': {
        const { runStatsCommand } = await import('./cli/stats.ts');
        process.exitCode = await runStatsCommand(db, rest);
        break;
      }
      case 'cards': {
        const { runCardsCommand } = await import('./cli/cards.ts');
        process.exitCode = await runCardsCommand(db, rest);
        break;
      }
      case 'escalate': {
        const { runEscalateCommand } = await import('./cli/escalate.ts');
        process.exitCode = await runEscalateCommand(db, rest);
        break;
      }
      case 'audit': {
        const { runAuditCommand } = await import('./cli/audit.ts');
        process.exitCode = await runAuditCommand(db, rest);
        break;
      }
      case 'backup':
      case 'restore': {
        const { runBackupCommand, runRestoreCommand } = await import('./cli/backup.ts');
        process.exitCode = await (cmd === 'backup' ? runBackupCommand : runRestoreCommand)(database, rest);
        break;
      }
      case 'user': {
        const [sub, ...args] = rest;
        if (sub !== 'create') throw new Error('用法: user create --username U --password P --role R [--region CODE]');
        const { values } = parseArgs({
          args,
          options: { username: { type: 'string' }, password: { type: 'string' }, role: { type: 'string' }, region: { type: 'string' }, name: { type: 'string' } },
        });
        const { createUserCommand } = await import('./cli/users.ts');
        await createUserCommand(db, values);
        break;
      }
      case 'token': {
        const [sub, ...args] = rest;
        if (sub !== 'create') throw new Error('用法: token create --username U [--name 用途]');
        const { values } = parseArgs({ args, options: { username: { type: 'string' }, name: { type: 'string' } } });
        const { createTokenCommand } = await import('./cli/users.ts');
        await createTokenCommand(db, values);
        break;
      }
      default:
        console.error(`未知命令：${cmd}\n`);
        console.log(HELP);
        process.exitCode = 2;
    }
  } finally {
    await database.close();
  }
}

main(process.argv.slice(2)).catch((err: Error) => {
  console.error(`错误：${err.message}`);
  if (process.env.TUIJIN_DEBUG) console.error(err);
  process.exitCode = 1;
});

