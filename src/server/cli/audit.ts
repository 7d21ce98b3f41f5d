// `npx tuijin audit verify`: seals what is waiting, then walks the audit log's hash chain and says
// whether it is whole or where it first breaks (exit code 1).
import type { Db } from '../db/client.ts';
import { verifyAudit, type ChainBreak } from '../modules/audit/audit.chain.ts';

const USAGE = '用法: audit verify';

export const CHAIN_BREAK_LABELS: Record<ChainBreak, string> = {
  hash_mismatch: '内容与封存时的哈希不符，该条记录已被修改',
  prev_mismatch: '前序哈希与上一条不符，上一条记录已被删除、插入或替换',
  gap: '链序号不连续，之前的记录已被删除',
};

export async function runAuditCommand(db: Db, args: string[]): Promise<number> {
  if (args[0] !== 'verify' || args.length > 1) {
    console.error(USAGE);
    return 2;
  }
  const r = await verifyAudit(db);
  if (r.firstBroken) {
    const b = r.firstBroken;
    console.log(`审计日志在第 ${b.chainSeq} 条（日志 ID ${b.id}）处断裂：${CHAIN_BREAK_LABELS[b.reason]}`);
    return 1;
  }
  console.log(`审计日志完整：已封存 ${r.sealed} 条` + (r.unsealed ? `（另有 ${r.unsealed} 条待封存）` : ''));
  return 0;
}
