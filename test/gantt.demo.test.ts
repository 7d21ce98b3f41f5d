// The timeline on the demo city (its clock pinned to the demo's day): re-planned procedures and milestones show
// their first plan, lagging projects have overdue rows, and a leader's portfolio reads as one chart.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PortfolioGanttDto, ProjectGanttDto } from '../src/contract/gantt.ts';
import { loadClock, pinClock } from '../src/server/clock.ts';
import { seedDemo } from '../src/server/db/seed/demo.ts';
import { AS_OF } from '../src/server/db/seed/demo.prng.ts';
import { buildTestApp, login, type Client, type TestApp } from './helpers/app.ts';

let t: TestApp;
let office: Client;
let unit: Client;
const q = async <T = Record<string, unknown>>(text: string, params: unknown[] = []) =>
  (await t.database.pool.query(text, params)).rows as T[];

beforeAll(async () => {
  t = await buildTestApp();
  const logins = await seedDemo(t.database.db);
  expect(await loadClock(t.database.db)).toBe(AS_OF);
  const pw = logins.find((l) => l.username === 'office')!.password;
  office = await login(t.app, 'office', pw);
  unit = await login(t.app, 'unit', pw);
}, 120_000);
afterAll(async () => {
  await t.close();
  pinClock(null);
});

describe('the demo city’s timeline', () => {
  it('fills every baseline, and some procedures and milestones were re-planned', async () => {
    const [r] = await q<{ missing: number; procReplanned: number; mileReplanned: number }>(`
      select (select count(*) from project_procedures where planned_date is not null and baseline_date is null)
           + (select count(*) from project_milestones where planned_date is not null and baseline_date is null) as missing,
             (select count(*) from project_procedures where baseline_date <> planned_date)::int as "procReplanned",
             (select count(*) from project_milestones where baseline_date <> planned_date)::int as "mileReplanned"`);
    expect(Number(r!.missing)).toBe(0);
    expect(r!.procReplanned).toBeGreaterThan(5);
    expect(r!.mileReplanned).toBeGreaterThan(5);
    // A re-plan moves a date later, never earlier.
    const [earlier] = await q<{ n: number }>(`select count(*)::int as n from project_milestones where baseline_date > planned_date`);
    expect(earlier!.n).toBe(0);
  });

  it('a lagging project shows its re-planned start against the first plan, and its overdue rows in the status', async () => {
    const [row] = await q<{ id: string }>(`
      select p.id from projects p join project_milestones m on m.project_id = p.id
       where m.kind = 'start' and m.baseline_date < m.planned_date and m.actual_date is null and m.planned_date < $1
       order by p.code limit 1`, [AS_OF]);
    expect(row, 'a lagging project with an overdue start').toBeDefined();
    const res = await office.get(`/api/v1/projects/${row!.id}/gantt`);
    expect(res.statusCode, res.body).toBe(200);
    const g = res.json() as ProjectGanttDto;
    expect(g.today).toBe(AS_OF);
    const start = g.rows.find((x) => x.milestoneKind === 'start')!;
    expect(start.status).toBe('overdue');
    expect(start.slipDays).toBeGreaterThan(80);
    expect(start.bars.baseline).not.toBeNull();
    expect(g.status).toBe('overdue');
    expect(g.rows.filter((x) => x.kind === 'procedure')).toHaveLength(7);
    expect(g.rows.slice(0, 7).every((x) => x.kind === 'procedure')).toBe(true);
  });

  it('a leader’s portfolio: every project of theirs, with summary bars; the county user sees only the county’s', async () => {
    const [top] = await q<{ id: string; n: number }>(`
      select leader_person_id as id, count(*)::int as n from projects where leader_person_id is not null
       group by 1 order by 2 desc, 1 limit 1`);
    const res = await office.get(`/api/v1/gantt?leader=${top!.id}&pageSize=200`);
    expect(res.statusCode, res.body).toBe(200);
    const p = res.json() as PortfolioGanttDto;
    expect(p.total).toBe(top!.n);
    expect(p.items).toHaveLength(top!.n);
    for (const it of p.items) {
      expect(it.overdueCount).toBe(it.rows.filter((r) => r.status === 'overdue').length);
      if (it.project.plannedStart && it.project.plannedCompletion) expect(it.bars.planned).toEqual({ start: it.project.plannedStart, end: it.project.plannedCompletion });
    }
    const county = await unit.get('/api/v1/gantt?pageSize=200');
    expect(county.statusCode).toBe(200);
    const [n] = await q<{ n: number }>(`select count(*)::int as n from projects where region_path like '%/371522/%'`);
    expect((county.json() as PortfolioGanttDto).total).toBe(n!.n);
    expect((await unit.get('/api/v1/gantt?region=371502')).statusCode).toBe(404);
  });
});
