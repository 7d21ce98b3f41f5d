// The hand-made example of the card tests (year 2024, the city's monthly periods May and June; the
// card is June's). Every project below sits in 东昌府区 unless said; plans have no monthly split, so
// June's 序时进度 is 6/12 = 50% and a plan of 1200 is due 600 by the end of June.
//
//   gap0    plan 1200, June 600 approved        → gap 0            → blue
//   gap10   plan 1200, June 480 approved        → gap exactly 10 points → yellow
//   gap10p  plan 1200, June 479.99 approved     → gap just over 10  → red
//   late3   planned start 2024-03-31, not started → exactly 3 months overdue on 06-30 → red
//   late2   planned start 2024-04-01, not started → just under 3 months → yellow
//   miss1   reported in May only                → one missing       → yellow
//   miss2   no report in May or June            → two running       → red
//   prob    open roadblock, accept due 06-20 (before the end of June) → yellow
//   probOk  accepted roadblock due 07-10 (its accept due 06-10 passed, but it was accepted) → blue
//   shen    莘县, plan 1200, June 600           → blue (for scope checks)
//   gone    withdrawn, no report               → no card
//   zz      another city                       → no card
// Every project but miss1/miss2/gone reports in May (0) and June (its amount), approved.
import { sql } from 'drizzle-orm';
import type { Db } from '../../src/server/db/client.ts';
import { buildProject, createOrg, createUser, REGIONS, seedTestRegions } from './factories.ts';
import { insertProblem } from './problem-rows.ts';
import { period, report, setPlan } from './stats.ts';

export type CardKey = 'gap0' | 'gap10' | 'gap10p' | 'late3' | 'late2' | 'miss1' | 'miss2' | 'prob' | 'probOk' | 'shen' | 'gone' | 'zz';

export async function setUpCardsExample(db: Db) {
  await seedTestRegions(db);
  await createUser(db, { username: 'city', role: 'office', regionCode: REGIONS.city.code });
  await createUser(db, { username: 'dcf', role: 'office', regionCode: REGIONS.dongchangfu.code });
  await createUser(db, { username: 'shenoffice', role: 'office', regionCode: REGIONS.shen.code });
  await createUser(db, { username: 'cityviewer', role: 'viewer', regionCode: REGIONS.city.code });
  await createUser(db, { username: 'zzoffice', role: 'office', regionCode: REGIONS.otherCity.code });
  const dept = await createOrg(db, { name: '市自然资源局', kind: 'department', regionCode: REGIONS.city.code });

  const P = {} as Record<CardKey, string>;
  const mk = async (key: CardKey, o: Parameters<typeof buildProject>[1] = {}) => {
    P[key] = (await buildProject(db, { name: `${key}项目`, code: `C-${key}`, stage: 'construction', ...o })).id;
  };
  await mk('gap0');
  await mk('gap10');
  await mk('gap10p');
  await mk('late3', { stage: 'preparation', plannedStart: '2024-03-31' });
  await mk('late2', { stage: 'preparation', plannedStart: '2024-04-01' });
  await mk('miss1');
  await mk('miss2');
  await mk('prob');
  await mk('probOk');
  await mk('shen', { regionCode: REGIONS.shen.code });
  await mk('gone', { stage: 'withdrawn' });
  await mk('zz', { regionCode: REGIONS.tengzhou.code });

  for (const k of ['gap0', 'gap10', 'gap10p', 'shen'] as const) await setPlan(db, P[k], 2024, { planned: '1200' });
  const may = await period(db, 2024, 5, { status: 'closed' });
  const june = await period(db, 2024, 6, { status: 'open' });
  const june_amount: Partial<Record<CardKey, string>> = { gap0: '600', gap10: '480', gap10p: '479.99', shen: '600' };
  for (const k of ['gap0', 'gap10', 'gap10p', 'late3', 'late2', 'prob', 'probOk', 'shen', 'miss1'] as const) {
    await report(db, P[k], { year: 2024, month: 5, investment: '0' });
    if (k !== 'miss1') await report(db, P[k], { year: 2024, month: 6, investment: june_amount[k] ?? '0' });
  }
  await insertProblem(db, { projectId: P.prob, departmentId: dept.id, status: 'open', raisedOn: '2024-06-15', acceptDue: '2024-06-20' });
  await insertProblem(db, { projectId: P.probOk, departmentId: dept.id, status: 'accepted', raisedOn: '2024-06-05', acceptDue: '2024-06-10', dueDate: '2024-07-10' });
  // A roadblock that is solved does not count, however late.
  await insertProblem(db, { projectId: P.probOk, departmentId: dept.id, status: 'solved', raisedOn: '2024-03-05', acceptDue: '2024-03-10', dueDate: '2024-04-10', solvedOn: '2024-05-01' });
  return { P, may, june, deptId: dept.id };
}

export const EXPECTED: Partial<Record<CardKey, 'blue' | 'yellow' | 'red'>> = {
  gap0: 'blue', gap10: 'yellow', gap10p: 'red', late3: 'red', late2: 'yellow', miss1: 'yellow', miss2: 'red', prob: 'yellow', probOk: 'blue', shen: 'blue',
};

export async function cardCount(db: Db, periodId: string): Promise<number> {
  const { rows } = await db.execute<{ n: number }>(sql`SELECT count(*)::int AS n FROM project_cards WHERE period_id = ${periodId}::uuid`);
  return rows[0]!.n;
}
