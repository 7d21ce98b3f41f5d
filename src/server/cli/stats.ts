// `npx tuijin stats`.
import type { Db } from '../db/client.ts';

export async function runStatsCommand(_db: Db, _args: string[]): Promise<number> {
  throw new Error('尚未实现');
}
