// `npx tuijin escalate [--at YYYY-MM-DD]`: what the scheduler runs each working morning. Climbs
// overdue roadblocks up the ladder (as the system, over every region) and puts supervision orders
// past their deadline on the accountability list; prints what climbed.
import { parseArgs } from 'node:util';
import { isIsoDate } from '../../domain/dates.ts';
import { clockToday } from '../clock.ts';
import { ESCALATION_LEVEL_LABELS } from '../../domain/problems.ts';
import type { Db } from '../db/client.ts';
import { escalate, type EscalationStep } from '../modules/problems/problems.escalation.ts';

const USAGE = '用法: escalate [--at YYYY-MM-DD]（默认今天）';
const KIND = { accept: '受理时限', solve: '办结时限' } as const;

export function escalationLine(s: EscalationStep): string {
  return `${s.code} ${s.regionName} · ${s.projectName}：${s.title}  ${KIND[s.kind]} ${s.deadline}，超期 ${s.overdueWorkdays} 个工作日，` +
    `${ESCALATION_LEVEL_LABELS[s.from]} → ${ESCALATION_LEVEL_LABELS[s.to]}（通知 ${s.notified} 人次）`;
}

export async function runEscalateCommand(db: Db, args: string[]): Promise<number> {
  let at: string;
  try {
    const { values } = parseArgs({ args, options: { at: { type: 'string' } } });
    at = values.at ?? clockToday();
  } catch (e) {
    console.error((e as Error).message);
    console.error(USAGE);
    return 2;
  }
  if (!isIsoDate(at)) {
    console.error(`--at：日期格式应为 YYYY-MM-DD（收到 ${at}）`);
    console.error(USAGE);
    return 2;
  }
  const r = await escalate(db, at);
  console.log(`${at}：检查超过时限的问题 ${r.checked} 个，超期 ${r.overdue} 个，升级 ${r.escalated.length} 个；督办单逾期列入约谈 ${r.overdueOrders} 个`);
  for (const s of r.escalated) console.log(`  ${escalationLine(s)}`);
  return 0;
}
