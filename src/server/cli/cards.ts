// `npx tuijin cards run --period ID [--user U]`: the card run of a period, as a named user.
import { parseArgs } from 'node:util';
import { CARD_COLOR_LABELS } from '../../domain/cards.ts';
import type { Db } from '../db/client.ts';
import { AppError } from '../errors.ts';
import { runCards } from '../modules/cards/cards.service.ts';
import { commandPrincipal } from './principal.ts';

const USAGE = '用法:\n  cards run --period ID [--user U]';

export async function runCardsCommand(db: Db, args: string[]): Promise<number> {
  const [sub, ...rest] = args;
  let values: { period?: string; user?: string };
  try {
    ({ values } = parseArgs({ args: rest, options: { period: { type: 'string' }, user: { type: 'string' } } }));
  } catch (e) {
    console.error((e as Error).message);
    console.error(USAGE);
    return 2;
  }
  if (sub !== 'run' || !values.period) {
    console.error(USAGE);
    return 2;
  }
  try {
    const p = await commandPrincipal(db, values.user);
    const r = await runCards(db, p, values.period);
    const c = r.counts;
    console.log(`${r.periodLabel}亮牌评定完成（规则第 ${r.ruleVersion} 版）：共 ${c.total} 个项目，` +
      `${CARD_COLOR_LABELS.red} ${c.red}，${CARD_COLOR_LABELS.yellow} ${c.yellow}，${CARD_COLOR_LABELS.blue} ${c.blue}`);
    if (r.ordersOpened || r.accountabilityAdded) console.log(`新开督办单 ${r.ordersOpened} 份，新列入约谈 ${r.accountabilityAdded} 个`);
    return 0;
  } catch (e) {
    if (e instanceof AppError) {
      console.error(e.message);
      return 1;
    }
    throw e;
  }
}
