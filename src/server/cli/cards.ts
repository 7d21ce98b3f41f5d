// `npx tuijin cards`.
import type { Db } from '../db/client.ts';

export async function runCardsCommand(_db: Db, _args: string[]): Promise<number> {
  throw new Error('尚未实现');
}
