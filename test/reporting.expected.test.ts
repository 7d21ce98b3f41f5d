// Who is expected to report in a period: active now and already active by the period's end (by the
// dated stage history), or reported anyway. The period page, its counts and the card run agree.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, login, type Client, type TestApp } from './helpers/app.ts';
import { buildProject, createUser, REGIONS, seedTestRegions } from './helpers/factories.ts';
import { insertPeriod, insertReport } from './helpers/reporting.ts';

let t: TestApp;
let office: Client;
const ids: Record<string, string> = {};

beforeAll(async () => {
  t = await buildTestApp();
  const db = t.database.db;
  await seedTestRegions(db);
  const make = async (code: string, stage: string, history: [string, string][]) => {
    const p = await buildProject(db, { code, name: `项目${code}`, stage });
    for (const [to, date] of history) await db.execute(sql`INSERT INTO stage_transitions (project_id, to_stage, date) VALUES (${p.id}::uuid, ${to}, ${date}::date)`);
    ids[code] = p.id;
  };
  await make('E-OLD', 'construction', [['preparation', '2023-05-01'], ['started', '2024-02-10']]);
  await make('E-NEW', 'preparation', [['reserve', '2023-01-01'], ['preparation', '2024-07-15']]);
  await make('E-UNDATED', 'construction', []);
  await make('E-LATE-REPORTER', 'preparation', [['preparation', '2024-08-01']]);
  await make('E-DONE', 'production', [['preparation', '2023-01-01'], ['production', '2024-03-01']]);
  const june = await insertPeriod(t.database.db, { regionCode: REGIONS.city.code, year: 2024, month: 6, status: 'closed' });
  ids.june = june.id;
  // Reported in June although its history says it entered preparation in August: it is listed.
  await insertReport(db, { projectId: ids['E-LATE-REPORTER']!, period: june, investment: '10', status: 'approved' });
  await createUser(db, { username: 'office', role: 'office', regionCode: REGIONS.city.code });
  office = await login(t.app, 'office');
});
afterAll(() => t.close());

describe('the projects expected in a past period', () => {
  it('leaves out a project that became active only after the period, keeps undated and reporting ones', async () => {
    const res = await office.get(`/api/v1/periods/${ids.june}/projects`);
    expect(res.statusCode, res.body).toBe(200);
    const codes = res.json().items.map((r: { code: string }) => r.code).sort();
    expect(codes).toEqual(['E-LATE-REPORTER', 'E-OLD', 'E-UNDATED']);
    const period = (await office.get(`/api/v1/periods/${ids.june}`)).json();
    expect(period.counts).toMatchObject({ expected: 3, approved: 1, missing: 2 });
  });

  it('the card run rates the same projects', async () => {
    const run = await office.post(`/api/v1/cards/run?periodId=${ids.june}`);
    expect(run.statusCode, run.body).toBe(200);
    const cards = (await office.get(`/api/v1/cards?periodId=${ids.june}&pageSize=100`)).json().items;
    expect(cards.map((c: { projectCode: string }) => c.projectCode).sort()).toEqual(['E-LATE-REPORTER', 'E-OLD', 'E-UNDATED']);
  });
});
