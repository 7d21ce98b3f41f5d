// The scale-data generator at its smallest scale: counts, reports inside their city's periods,
// cumulative within the total investment, and the key figures computed on the result.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import type { CockpitResult } from '../src/contract/cockpit.ts';
import { generate, type GenResult } from '../src/server/gen/generate.ts';
import { listCards as listCardsRepo } from '../src/server/modules/cards/cards.repo.ts';
import { buildTestApp, login, type TestApp } from './helpers/app.ts';
import { createUser } from './helpers/factories.ts';

let t: TestApp;
let result: GenResult;
let schemaBefore: unknown[];
const one = async <T>(q: ReturnType<typeof sql>) => (await t.database.db.execute(q)).rows[0] as T;

/** The reports table's indexes and constraints, and the keys that point at it, as the catalog has them. */
const reportsSchema = async () => (await t.database.db.execute(sql`
  SELECT 'index' AS kind, c.relname AS name, pg_get_indexdef(i.indexrelid) AS def FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid
  WHERE i.indrelid = 'progress_reports'::regclass
  UNION ALL
  SELECT contype::text, conname, conrelid::regclass::text || ' ' || pg_get_constraintdef(oid) || CASE WHEN convalidated THEN '' ELSE ' NOT VALID' END
  FROM pg_constraint WHERE conrelid = 'progress_reports'::regclass OR confrelid = 'progress_reports'::regclass
  ORDER BY 1, 2`)).rows;

beforeAll(async () => {
  t = await buildTestApp();
  schemaBefore = await reportsSchema();
  result = await generate(t.database.db, 'tiny');
}, 120_000);
afterAll(async () => t?.close());

describe('gen --scale tiny', () => {
  it('writes the expected amounts', async () => {
    expect(result).toMatchObject({ cities: 2, projects: 200, roadblocks: 400, periods: 24 });
    const c = await one<{ p: number; r: number; a: number; b: number; o: number }>(sql`select
      (select count(*)::int from projects) as p, (select count(*)::int from progress_reports) as r,
      (select count(*)::int from progress_reports where status = 'approved') as a,
      (select count(*)::int from problems) as b, (select count(*)::int from organizations) as o`);
    expect(c.p).toBe(200);
    expect(c.r).toBe(result.reports);
    expect(c.r).toBeGreaterThan(1000);
    expect(c.a).toBe(c.r);
    expect(c.b).toBe(400);
    expect(c.o).toBe(result.orgs);
  });

  it('leaves the reports table with every index, key and constraint the migrations made, validated', async () => {
    expect(schemaBefore.length).toBeGreaterThan(10);
    expect(await reportsSchema()).toEqual(schemaBefore);
  });

  it('files every report in a period of its project\'s city', async () => {
    const bad = await one<{ n: number }>(sql`select count(*)::int as n from progress_reports r
      join projects p on p.id = r.project_id join reporting_periods rp on rp.id = r.period_id
      where p.region_path not like rp.region_path || '%' or rp.year <> r.year or rp.month <> r.month`);
    expect(bad.n).toBe(0);
  });

  it('keeps the cumulative investment within the total', async () => {
    const over = await one<{ n: number }>(sql`select count(*)::int as n from projects p
      where p.opening_investment + coalesce((select sum(investment) from progress_reports r where r.project_id = p.id and r.status = 'approved'), 0)
        > p.total_investment`);
    expect(over.n).toBe(0);
  });

  it('leaves the statistics\' roll-ups equal to the reports, and their triggers on', async () => {
    const off = await one<{ n: number }>(sql`select count(*)::int as n from pg_trigger
      where tgrelid = 'progress_reports'::regclass and not tgisinternal and tgenabled <> 'O'`);
    expect(off.n).toBe(0);
    const diff = await one<{ n: number; rollups: number }>(sql`
      with r as (select project_id, year, sum(investment) as inv, sum(funds_arrived) as funds from progress_reports
                 where status = 'approved' group by project_id, year)
      select count(*)::int as n, (select count(*)::int from report_rollups) as rollups from r
      full join report_rollups u using (project_id, year)
      where r.inv is distinct from u.investment or r.funds is distinct from u.funds_arrived`);
    expect(diff.rollups).toBeGreaterThan(100);
    expect(diff.n).toBe(0);
  });

  it('cards every period by the card engine: a card for each project reported in it, with its rule version', async () => {
    const c = await one<{ cards: number; periods: number; carded: number; unreported: number; colours: number }>(sql`select
      (select count(*)::int from project_cards) as cards,
      (select count(*)::int from reporting_periods) as periods,
      (select count(distinct period_id)::int from project_cards) as carded,
      (select count(*)::int from progress_reports r where not exists
        (select 1 from project_cards c where c.project_id = r.project_id and c.period_id = r.period_id)) as unreported,
      (select count(distinct color)::int from project_cards) as colours`);
    expect(c.cards).toBe(result.cards);
    expect(c.carded).toBe(c.periods);
    expect(c.unreported).toBe(0);
    expect(c.colours).toBeGreaterThan(1);
    const orders = await one<{ n: number }>(sql`select count(*)::int as n from supervision_orders`);
    expect(orders.n).toBe(0);
  });

  it('puts most projects on the map, inside Shandong', async () => {
    const c = await one<{ placed: number; outside: number }>(sql`select
      count(*) filter (where longitude is not null and latitude is not null)::int as placed,
      count(*) filter (where longitude not between 114.5 and 123 or latitude not between 34 and 38.5)::int as outside from projects`);
    expect(c.placed).toBeGreaterThan(180);
    expect(c.placed).toBeLessThan(200);
    expect(c.outside).toBe(0);
  });

  it('refuses a database that already has projects', async () => {
    await expect(generate(t.database.db, 'tiny')).rejects.toThrow(/已有项目/);
  });

  it('serves the key figures on the generated data', async () => {
    await createUser(t.database.db, { username: 'gen-admin', role: 'admin', regionCode: '370000' });
    const client = await login(t.app, 'gen-admin');
    const res = await client.get('/api/v1/stats?year=2024&month=12&groupBy=region');
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json() as { total: { projectCount: number; ytdInvestment: string } };
    expect(body.total.projectCount).toBeGreaterThan(100);
    expect(Number(body.total.ytdInvestment)).toBeGreaterThan(0);
  });

  it('counts in the province cockpit each city\'s own period of the month: the cities\' cards added up, the lowest-scored reds of all', async () => {
    const client = await login(t.app, 'gen-admin');
    const get = async (qs: string) => {
      const res = await client.get(`/api/v1/cockpit?year=2024&month=11&${qs}`);
      expect(res.statusCode, res.body).toBe(200);
      return res.json() as CockpitResult;
    };
    const province = await get('region=370000&redLimit=50');
    const cityCodes = (await t.database.pool.query(`SELECT DISTINCT region_code FROM reporting_periods ORDER BY 1`)).rows.map((r) => r.region_code as string);
    expect(cityCodes).toHaveLength(2);
    const cities = await Promise.all(cityCodes.map((code) => get(`region=${code}&redLimit=50`)));
    // A city counts its own period; the province both.
    for (const c of cities) expect(c.cards.periodIds).toEqual([c.cards.periodId]);
    expect(province.cards.periodId).toBeNull();
    expect([...province.cards.periodIds].sort()).toEqual(cities.map((c) => c.cards.periodId).sort());
    expect(province.cards.periodLabel).toBe('2024年11月');
    const sum = (k: 'blue' | 'yellow' | 'red' | 'total') => cities.reduce((n, c) => n + c.cards.total[k], 0);
    expect(province.cards.total).toEqual({ blue: sum('blue'), yellow: sum('yellow'), red: sum('red'), total: sum('total') });
    expect(province.cards.total.total).toBe((await one<{ n: number }>(sql`SELECT count(*)::int AS n FROM project_cards WHERE year = 2024 AND month = 11`)).n);
    // The province's red list: both cities' reds, lowest score first, then by code.
    const reds = cities.flatMap((c) => c.cards.red).sort((a, b) => Number(a.score) - Number(b.score) || a.projectCode.localeCompare(b.projectCode));
    expect(province.cards.total.red).toBeGreaterThan(0);
    expect(province.cards.red.map((r) => r.cardId)).toEqual(reds.slice(0, province.cards.red.length).map((r) => r.cardId));
    expect(new Set(province.cards.red.map((r) => r.regionName)).size).toBeGreaterThan(1);
  });

  it('pages the cards by score (ties by project code) and by code as sorting every card would, with ranks and the total', async () => {
    const period = (await one<{ id: string }>(sql`SELECT period_id AS id FROM project_cards WHERE year = 2024 AND month = 11 LIMIT 1`)).id;
    const all = (await t.database.pool.query(`SELECT c.id, c.score::float AS score, p.code FROM project_cards c JOIN projects p ON p.id = c.project_id
      WHERE c.period_id = $1`, [period])).rows as { id: string; score: number; code: string }[];
    expect(all.length).toBeGreaterThan(40);
    // Scores repeat, so the tie-break decides where pages end.
    expect(new Set(all.map((c) => c.score)).size).toBeLessThan(all.length);
    const byCode = (a: { code: string }, b: { code: string }) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0);
    const expected = {
      score: [...all].sort((a, b) => a.score - b.score || byCode(a, b)),
      '-score': [...all].sort((a, b) => b.score - a.score || byCode(a, b)),
      code: [...all].sort(byCode),
    } as const;
    const rankOf = (score: number) => all.filter((c) => c.score > score).length + 1;
    for (const sort of ['score', '-score', 'code'] as const) {
      for (let page = 1; (page - 1) * 7 < all.length + 7; page++) {
        const { rows, total } = await listCardsRepo(t.database.db, { periodId: period, regionPath: '370000/' }, sort, page, 7);
        const want = expected[sort].slice((page - 1) * 7, page * 7);
        expect(rows.map((r) => r.id), `${sort} page ${page}`).toEqual(want.map((c) => c.id));
        expect(rows.map((r) => r.rank)).toEqual(want.map((c) => rankOf(c.score)));
        expect(total).toBe(all.length);
      }
    }
  });
  it('runs the cards of a whole month for the province: each city\'s period on its own, the same cards again, an audit entry each', async () => {
    const office = await createUser(t.database.db, { username: 'gen-office', role: 'office', regionCode: '370000' });
    const cityCodes = (await t.database.pool.query(`SELECT DISTINCT region_code FROM reporting_periods ORDER BY 1`)).rows.map((r) => r.region_code as string);
    await createUser(t.database.db, { username: 'gen-city-office', role: 'office', regionCode: cityCodes[0]! });
    const client = await login(t.app, office.username);
    const cardsOf = async () => (await t.database.pool.query(`
      SELECT c.period_id, c.project_id, c.color, c.score::text, c.indicators::text, c.rule_version, c.computed_at
      FROM project_cards c WHERE c.year = 2024 AND c.month = 10 ORDER BY c.period_id, c.project_id`)).rows;
    const runsBefore = (await one<{ n: number }>(sql`SELECT count(*)::int AS n FROM audit_log WHERE action = 'cards.run'`)).n;
    const before = await cardsOf();
    expect(before.length).toBeGreaterThan(50);

    const res = await client.post('/api/v1/cards/run-month', { month: '2024-10' });
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json() as { regionCode: string; runs: { periodId: string; periodLabel: string; counts: { total: number } }[]; counts: { blue: number; yellow: number; red: number; total: number } };
    expect(body.regionCode).toBe('370000');
    const periods = (await t.database.pool.query(`SELECT id, region_code FROM reporting_periods WHERE year = 2024 AND month = 10 ORDER BY region_code`)).rows;
    expect(periods.map((p) => p.region_code)).toEqual(cityCodes);
    expect(body.runs.map((r) => r.periodId)).toEqual(periods.map((p) => p.id));
    expect(body.runs.every((r) => r.periodLabel.endsWith('2024年10月'))).toBe(true);
    expect(body.counts.total).toBe(before.length);
    expect(body.counts.blue + body.counts.yellow + body.counts.red).toBe(before.length);
    // The same cards (colour, score, indicators) as the generator's run, each stamped by this run.
    const after = await cardsOf();
    const strip = (r: Record<string, unknown>) => ({ ...r, computed_at: undefined });
    expect(after.map(strip)).toEqual(before.map(strip));
    for (const r of after) expect(new Date(r.computed_at as string).getTime()).toBeGreaterThan(new Date(before[0]!.computed_at as string).getTime());
    const audits = (await t.database.pool.query(`SELECT entity_id FROM audit_log WHERE action = 'cards.run' ORDER BY entity_id`)).rows;
    expect(audits).toHaveLength(runsBefore + periods.length);
    expect(periods.every((p) => audits.some((a) => a.entity_id === p.id))).toBe(true);

    // A city's office runs its own city; the province is out of its reach; a month without periods and a bad month are refused by field.
    const city = await login(t.app, 'gen-city-office');
    const own = await city.post('/api/v1/cards/run-month', { month: '2024-10' });
    expect(own.statusCode, own.body).toBe(200);
    expect(own.json().runs.map((r: { periodId: string }) => r.periodId)).toEqual([periods[0]!.id]);
    const up = await city.post('/api/v1/cards/run-month', { regionCode: '370000', month: '2024-10' });
    expect(up.statusCode, up.body).toBe(404);
    const none = await client.post('/api/v1/cards/run-month', { month: '2031-01' });
    expect(none.statusCode, none.body).toBe(400);
    expect(none.json().error.details[0]).toMatchObject({ field: 'month' });
    expect(none.json().error.message).toContain('2031年1月');
    const bad = await client.post('/api/v1/cards/run-month', { month: '2024-13' });
    expect(bad.statusCode, bad.body).toBe(400);
    expect(bad.json().error.details[0]).toMatchObject({ field: 'month' });
  });
  it('lists and sums a province\'s cards over its cities\' periods of the month, by default the latest month with cards', async () => {
    const client = await login(t.app, 'gen-admin');
    const get = async (path: string) => {
      const res = await client.get(path);
      expect(res.statusCode, res.body).toBe(200);
      return res.json();
    };
    const nov = (await t.database.pool.query(`SELECT id FROM reporting_periods WHERE year = 2024 AND month = 12 ORDER BY id`)).rows.map((r) => r.id as string);
    expect(nov).toHaveLength(2);
    const all = (await one<{ n: number; red: number }>(sql`SELECT count(*)::int AS n, count(*) FILTER (WHERE coalesce(override_color, color) = 'red')::int AS red
      FROM project_cards WHERE year = 2024 AND month = 12`));
    // No period and no month: the latest month with cards, both cities' periods.
    const list = await get('/api/v1/cards?region=370000&sort=score&pageSize=20');
    expect(list).toMatchObject({ periodId: null, month: '2024-12', periodLabel: '2024年12月', total: all.n });
    expect([...list.periodIds].sort()).toEqual(nov);
    expect(new Set(list.items.map((c: { periodId: string }) => c.periodId)).size).toBe(2);
    const scores = list.items.map((c: { score: number }) => c.score);
    expect(scores).toEqual([...scores].sort((a, b) => a - b));
    const summary = await get('/api/v1/cards/summary?region=370000');
    expect(summary).toMatchObject({ periodId: null, month: '2024-12', total: { total: all.n, red: all.red } });
    expect(summary.rows).toHaveLength(2);
    // A month asked for; a city's own view is its one period; one period asked for stays one.
    const oct = await get('/api/v1/cards/summary?region=370000&month=2024-10');
    expect(oct.month).toBe('2024-10');
    expect(oct.total.total).toBe((await one<{ n: number }>(sql`SELECT count(*)::int AS n FROM project_cards WHERE year = 2024 AND month = 10`)).n);
    const cityCode = (await t.database.pool.query(`SELECT region_code FROM reporting_periods WHERE id = $1`, [nov[0]])).rows[0].region_code as string;
    const city = await get(`/api/v1/cards?region=${cityCode}&month=2024-12`);
    expect(city).toMatchObject({ periodId: nov[0], periodIds: [nov[0]], month: '2024-12' });
    const single = await get(`/api/v1/cards?periodId=${nov[1]}`);
    expect(single).toMatchObject({ periodId: nov[1], periodIds: [nov[1]] });
    const bad = await client.get('/api/v1/cards?month=2024-13');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details[0]).toMatchObject({ field: 'month' });
  });
});
