// Closing a period runs its cards in the same transaction: when the run fails, the period stays
// open and no card is left behind.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it, vi } from 'vitest';
import { buildTestApp, login, type TestApp } from './helpers/app.ts';
import { cardCount, setUpCardsExample } from './helpers/cards.ts';

vi.mock('../src/server/modules/supervision/supervision.hooks.ts', async (orig) => ({
  ...(await orig<object>()),
  afterCardRun: async () => {
    throw new Error('supervision failed');
  },
}));

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(() => t.close());

it('a failed card run leaves the period open and writes no cards', async () => {
  const { june } = await setUpCardsExample(t.database.db);
  const city = await login(t.app, 'city');
  const res = await city.post(`/api/v1/periods/${june}/close`, {});
  expect(res.statusCode).toBe(500);
  const { rows } = await t.database.db.execute<{ status: string }>(sql`SELECT status FROM reporting_periods WHERE id = ${june}::uuid`);
  expect(rows[0]!.status).toBe('open');
  expect(await cardCount(t.database.db, june)).toBe(0);
});
