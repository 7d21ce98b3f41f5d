import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { projectTeamMembers } from '../src/server/db/schema/index.ts';
import { buildTestApp, login, type TestApp } from './helpers/app.ts';
import { buildProject, createPerson, createUser, REGIONS, seedTestRegions } from './helpers/factories.ts';

let t: TestApp;
const L: Record<string, { id: string }> = {};
const P: Record<string, { id: string }> = {};

beforeAll(async () => {
  t = await buildTestApp();
  const db = t.database.db;
  await seedTestRegions(db);
  L.wang = await createPerson(db, { name: '王建国', title: '副市长', regionCode: REGIONS.city.code });
  L.li = await createPerson(db, { name: '李明', title: '副县长', regionCode: REGIONS.shen.code });
  L.zhao = await createPerson(db, { name: '赵强', title: '副县长', regionCode: REGIONS.gaotang.code });
  L.idle = await createPerson(db, { name: '孙一', title: '县长', regionCode: REGIONS.shen.code });
  // 王建国 (city) carries one project in 莘县 and one in 高唐县.
  P.shenBig = await buildProject(db, { name: '调味品全产业链项目', regionCode: REGIONS.shen.code, leaderPersonId: L.wang.id, totalInvestment: '100000.0001', stage: 'construction' });
  P.gaotang = await buildProject(db, { name: 'OSB定向结构刨花板项目', regionCode: REGIONS.gaotang.code, leaderPersonId: L.wang.id, totalInvestment: '20000.0002', stage: 'preparation' });
  P.shenSmall = await buildProject(db, { name: '大豆分离蛋白项目', regionCode: REGIONS.shen.code, leaderPersonId: L.li.id, totalInvestment: '3000', stage: 'construction' });
  P.gaotang2 = await buildProject(db, { name: '高端食品制造产业园', regionCode: REGIONS.gaotang.code, leaderPersonId: L.zhao.id, totalInvestment: '8000' });
  // 李明 also serves on the 高唐 project's special team, and on his own county's big project.
  await db.insert(projectTeamMembers).values([
    { projectId: P.gaotang.id, personId: L.li.id, name: '李明', role: 'specialist', duty: '要素保障' },
    { projectId: P.shenBig.id, personId: L.li.id, name: '李明', role: 'member', duty: null },
  ]);
  await createUser(db, { username: 'city', role: 'office', regionCode: REGIONS.city.code });
  await createUser(db, { username: 'shen', role: 'office', regionCode: REGIONS.shen.code });
  await createUser(db, { username: 'wang', role: 'leader', regionCode: REGIONS.city.code, personId: L.wang.id });
  await createUser(db, { username: 'zhao', role: 'leader', regionCode: REGIONS.gaotang.code, personId: L.zhao.id });
});
afterAll(() => t.close());

describe('GET /leaders', () => {
  it('lists the leaders of the city, most carried first, with count and exact total of the projects they lead', async () => {
    const c = await login(t.app, 'city');
    const res = await c.get('/api/v1/leaders');
    expect(res.statusCode).toBe(200);
    const items = res.json().items as { name: string; projectCount: number; totalInvestment: string }[];
    expect(items.map((i) => [i.name, i.projectCount, i.totalInvestment])).toEqual([
      ['王建国', 2, '120000.0003'],
      ['赵强', 1, '8000'],
      ['李明', 1, '3000'],
      ['孙一', 0, '0'],
    ]);
  });

  it('a county sees its own leaders and the city leader carrying its projects, counted within the county', async () => {
    const c = await login(t.app, 'shen');
    const items = (await c.get('/api/v1/leaders')).json().items as { name: string; projectCount: number; totalInvestment: string }[];
    expect(items.map((i) => [i.name, i.projectCount, i.totalInvestment])).toEqual([
      ['王建国', 1, '100000.0001'],
      ['李明', 1, '3000'],
      ['孙一', 0, '0'],
    ]);
  });

  it('searches by name or pinyin initials', async () => {
    const c = await login(t.app, 'city');
    expect((await c.get('/api/v1/leaders?q=wjg')).json().items.map((i: { name: string }) => i.name)).toEqual(['王建国']);
    expect((await c.get(`/api/v1/leaders?q=${encodeURIComponent('赵')}`)).json().items.map((i: { name: string }) => i.name)).toEqual(['赵强']);
  });
});

describe('GET /leaders/:id', () => {
  it('shows what a leader carries: projects as lead, special-team places, totals by stage', async () => {
    const c = await login(t.app, 'city');
    const res = await c.get(`/api/v1/leaders/${L.li!.id}`);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.leader).toMatchObject({ id: L.li!.id, name: '李明', title: '副县长', regionCode: '371522', regionName: '莘县', org: null });
    expect(body.projects.map((p: { name: string }) => p.name)).toEqual(['大豆分离蛋白项目']);
    expect(body.projects[0]).toMatchObject({ leaderName: '李明', stage: 'construction', totalInvestment: '3000' });
    const team = body.teamProjects.map((m: { project: { name: string }; role: string; duty: string | null }) => [m.project.name, m.role, m.duty]);
    expect(team.sort()).toEqual([['OSB定向结构刨花板项目', 'specialist', '要素保障'], ['调味品全产业链项目', 'member', null]].sort());
    expect(body.totals).toEqual({ count: 1, totalInvestment: '3000', byStage: { construction: 1 }, teamCount: 2 });
  });

  it('a county user sees only the county’s part of a city leader’s load', async () => {
    const c = await login(t.app, 'shen');
    const body = (await c.get(`/api/v1/leaders/${L.wang!.id}`)).json();
    expect(body.projects.map((p: { name: string }) => p.name)).toEqual(['调味品全产业链项目']);
    expect(body.totals).toMatchObject({ count: 1, totalInvestment: '100000.0001', byStage: { construction: 1 } });
    // 李明's place on the 高唐 team is outside 莘县.
    const li = (await c.get(`/api/v1/leaders/${L.li!.id}`)).json();
    expect(li.teamProjects.map((m: { project: { name: string } }) => m.project.name)).toEqual(['调味品全产业链项目']);
  });

  it('another county’s leader does not exist for a county user', async () => {
    const c = await login(t.app, 'shen');
    const res = await c.get(`/api/v1/leaders/${L.zhao!.id}`);
    expect(res.statusCode).toBe(404);
    expect(res.json().error.message).toContain('不存在或无权查看');
    expect((await c.get('/api/v1/leaders/00000000-0000-4000-8000-000000000000')).statusCode).toBe(404);
  });

  it('a leader sees their own page', async () => {
    const wang = await login(t.app, 'wang');
    const body = (await wang.get(`/api/v1/leaders/${L.wang!.id}`)).json();
    expect(body.totals).toMatchObject({ count: 2, totalInvestment: '120000.0003', byStage: { construction: 1, preparation: 1 } });
    const zhao = await login(t.app, 'zhao');
    const own = await zhao.get(`/api/v1/leaders/${L.zhao!.id}`);
    expect(own.statusCode).toBe(200);
    expect(own.json().projects.map((p: { name: string }) => p.name)).toEqual(['高端食品制造产业园']);
    // …but a county leader does not see the 莘县 project of the city leader.
    const cityLeader = (await zhao.get(`/api/v1/leaders/${L.wang!.id}`)).json();
    expect(cityLeader.projects.map((p: { name: string }) => p.name)).toEqual(['OSB定向结构刨花板项目']);
  });
});
