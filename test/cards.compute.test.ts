// computeCardsForPeriod on its own (what the scale generator calls for every past period): the cards
// and counts of the hand-made example, nothing for supervision and no audit; a run repeated after a
// project drops out rewrites the others in place and removes its card; then the full run opens the
// orders once. And monthsOverdue against its month-by-month definition.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addMonths, monthsOverdue } from '../src/domain/cards.ts';
import type { Db } from '../src/server/db/client.ts';
import { computeCardsForPeriod, runCardsForPeriod } from '../src/server/modules/cards/cards.service.ts';
import { getPeriod } from '../src/server/modules/reporting/periods.repo.ts';
import { buildTestApp, type TestApp } from './helpers/app.ts';
import { EXPECTED, setUpCardsExample, type CardKey } from './helpers/cards.ts';

let t: TestApp;
let db: Db;
let P: Record<CardKey, string>;
let june = '';

beforeAll(async () => {
  t = await buildTestApp();
  db = t.database.db;
  const ex = await setUpCardsExample(db);
  P = ex.P;
  june = ex.june;
});
afterAll(() => t.close());

type Stored = { id: string; projectId: string; color: string; fresh: boolean };
const stored = async (tx: Pick<Db, 'execute'>) => (await tx.execute<Stored>(sql`
  SELECT id, project_id AS "projectId", color, computed_at = now() AS fresh FROM project_cards WHERE period_id = ${june}::uuid`)).rows;
const counts = async () => (await db.execute<{ orders: number; entries: number; audit: number }>(sql`
  SELECT (SELECT count(*) FROM supervision_orders)::int AS orders, (SELECT count(*) FROM accountability_entries)::int AS entries,
    (SELECT count(*) FROM audit_log)::int AS audit`)).rows[0]!;

describe('computeCardsForPeriod', () => {
  it('writes one card per expected project with the colours of the example, and nothing else', async () => {
    const before = await counts();
    const r = await db.transaction(async (tx) => computeCardsForPeriod(tx, (await getPeriod(tx, june))!));
    expect(r).toEqual({ ruleVersion: 0, counts: { blue: 3, yellow: 4, red: 3, total: 10 } });
    const cards = await stored(db);
    expect(Object.fromEntries(cards.map((c) => [c.projectId, c.color]))).toEqual(
      Object.fromEntries(Object.entries(EXPECTED).map(([k, color]) => [P[k as CardKey], color])),
    );
    expect(await counts()).toEqual(before);
  });

  it('run again after a project drops out: the others keep their ids and are all restamped, its card goes', async () => {
    const first = new Map((await stored(db)).map((c) => [c.projectId, c.id]));
    await db.execute(sql`UPDATE projects SET stage = 'withdrawn' WHERE id = ${P.miss2}::uuid`);
    const { r, cards } = await db.transaction(async (tx) => {
      const r = await computeCardsForPeriod(tx, (await getPeriod(tx, june))!);
      return { r, cards: await stored(tx) };
    });
    expect(r.counts).toEqual({ blue: 3, yellow: 4, red: 2, total: 9 });
    expect(cards.map((c) => c.projectId).sort()).toEqual([...first.keys()].filter((id) => id !== P.miss2).sort());
    for (const c of cards) expect(c).toMatchObject({ id: first.get(c.projectId), fresh: true });
  });

  it('the full run then opens an order per red card once; a repeated run finds nothing to do', async () => {
    const run = () => db.transaction(async (tx) => runCardsForPeriod(tx, (await getPeriod(tx, june))!, null));
    expect(await run()).toMatchObject({ counts: { red: 2, total: 9 }, ordersOpened: 2, accountabilityAdded: 0 });
    const orders = await db.execute<{ projectId: string }>(sql`SELECT project_id AS "projectId" FROM supervision_orders WHERE period_id = ${june}::uuid`);
    expect(orders.rows.map((o) => o.projectId).sort()).toEqual([P.gap10p, P.late3].sort());
    expect(await run()).toMatchObject({ ordersOpened: 0, accountabilityAdded: 0 });
    expect((await counts()).orders).toBe(2);
  });
});

describe('monthsOverdue', () => {
  // The definition, month by month from zero.
  const reference = (due: string, asOf: string) => {
    if (asOf <= due) return 0;
    let k = 0;
    while (addMonths(due, k + 1) <= asOf) k++;
    const day = (d: string) => Date.parse(`${d}T00:00:00Z`) / 86_400_000;
    const from = addMonths(due, k);
    const part = (day(asOf) - day(from)) / (day(addMonths(due, k + 1)) - day(from));
    return Math.round((k + part) * 100) / 100;
  };
  const iso = (n: number) => new Date(Date.UTC(2016, 0, 1) + n * 86_400_000).toISOString().slice(0, 10);

  it('month ends, leap days and years overdue', () => {
    expect(monthsOverdue('2024-03-31', '2024-06-30')).toBe(3);
    expect(monthsOverdue('2024-04-01', '2024-06-30')).toBeLessThan(3);
    expect(monthsOverdue('2024-01-31', '2024-02-29')).toBe(1);
    expect(monthsOverdue('2020-02-29', '2021-02-28')).toBe(12);
    expect(monthsOverdue('2020-02-29', '2024-02-29')).toBe(48);
    expect(monthsOverdue('2018-01-01', '2024-11-30')).toBe(reference('2018-01-01', '2024-11-30'));
    expect(monthsOverdue('2024-06-30', '2024-06-30')).toBe(0);
    expect(monthsOverdue('2024-07-01', '2024-06-30')).toBe(0);
  });

  it('equals the definition on every pair of a grid of dates', () => {
    // Due dates every 5th day of two years (every day of the month comes round, month ends and the
    // 29th of February included) against every 9th day of nine years, both ways round.
    const dues = Array.from({ length: 146 }, (_, i) => iso(730 + i * 5));
    const ends = Array.from({ length: 365 }, (_, i) => iso(i * 9));
    let compared = 0;
    for (const due of dues) for (const asOf of ends) {
      if (monthsOverdue(due, asOf) !== reference(due, asOf)) expect([due, asOf, monthsOverdue(due, asOf)]).toEqual([due, asOf, reference(due, asOf)]);
      compared++;
    }
    expect(compared).toBe(53_290);
  });
});
