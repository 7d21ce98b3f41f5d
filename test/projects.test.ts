import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, login, type Client, type TestApp } from './helpers/app.ts';
import { buildProject, createOrg, createPerson, createUser, REGIONS, seedTestRegions } from './helpers/factories.ts';

let t: TestApp;
let office: Client;
let shenOffice: Client;
let ids: Record<string, string> = {};

beforeAll(async () => {
  t = await buildTestApp();
  const db = t.database.db;
  await seedTestRegions(db);
  await createUser(db, { username: 'office', role: 'office', regionCode: REGIONS.city.code });
  await createUser(db, { username: 'shen', role: 'office', regionCode: REGIONS.shen.code });
  await createUser(db, { username: 'viewer', role: 'viewer', regionCode: REGIONS.city.code });
  const leader = await createPerson(db, { name: '王建国', regionCode: REGIONS.city.code, title: '副市长' });
  const owner = await createOrg(db, { name: '鲁西化工集团股份有限公司', regionCode: REGIONS.city.code });
  const a = await buildProject(db, { code: 'LC-001', name: '聊城高新区绿色化工产业链延链项目', regionCode: REGIONS.dongchangfu.code, totalInvestment: '120000.5', leaderPersonId: leader.id, ownerOrgId: owner.id, stage: 'construction', tags: ['招商引资', '新质生产力'] });
  const b = await buildProject(db, { code: 'LC-002', name: '莘县调味品全产业链项目', regionCode: REGIONS.shen.code, totalInvestment: '0.1', industry: 'food', level: 'provincial' });
  const c = await buildProject(db, { code: 'LC-003', name: '高唐县定向刨花板项目', regionCode: REGIONS.gaotang.code, totalInvestment: '0.2', stage: 'reserve', tags: ['招商引资'] });
  const z = await buildProject(db, { code: 'ZZ-001', name: '锂电池回收及新型储能项目', regionCode: REGIONS.tengzhou.code, totalInvestment: '50000' });
  ids = { a: a.id, b: b.id, c: c.id, z: z.id, leader: leader.id };
  office = await login(t.app, 'office');
  shenOffice = await login(t.app, 'shen');
});
afterAll(() => t.close());

describe('ledger list', () => {
  it('lists only the caller’s subtree, with exact totals', async () => {
    const res = await office.get('/api/v1/projects?pageSize=50');
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.items.map((p: { code: string }) => p.code)).toEqual(['LC-001', 'LC-002', 'LC-003']);
    // 120000.5 + 0.1 + 0.2 must not become 120000.80000000002.
    expect(body.totals).toMatchObject({ count: 3, totalInvestment: '120000.8' });
    expect(body.items[0]).toMatchObject({ regionCode: '371502', regionName: '东昌府区', leaderName: '王建国', owner: '鲁西化工集团股份有限公司', totalInvestment: '120000.5' });
  });

  it('filters by region subtree, level, industry, stage, tags, leader and investment range', async () => {
    const codes = async (qs: string) => (await office.get(`/api/v1/projects?${qs}`)).json().items.map((p: { code: string }) => p.code);
    expect(await codes('region=371522')).toEqual(['LC-002']);
    expect(await codes('level=provincial')).toEqual(['LC-002']);
    expect(await codes('industry=food,chemicals&stage=construction')).toEqual(['LC-001']);
    expect(await codes('tag=招商引资')).toEqual(['LC-001', 'LC-003']);
    expect(await codes('tag=招商引资,新质生产力')).toEqual(['LC-001']);
    expect(await codes(`leaderId=${ids.leader}`)).toEqual(['LC-001']);
    expect(await codes('minInvestment=1&maxInvestment=200000')).toEqual(['LC-001']);
    expect(await codes('region=370400')).toEqual([]);
  });

  it('searches name, code, owner and pinyin initials', async () => {
    const codes = async (q: string) => (await office.get(`/api/v1/projects?q=${encodeURIComponent(q)}`)).json().items.map((p: { code: string }) => p.code);
    expect(await codes('调味品')).toEqual(['LC-002']);
    expect(await codes('lc-003')).toEqual(['LC-003']);
    expect(await codes('鲁西化工')).toEqual(['LC-001']);
    expect(await codes('sxtwp')).toEqual(['LC-002']);
    expect(await codes('100%')).toEqual([]);
  });

  it('sorts and pages', async () => {
    const res = (await office.get('/api/v1/projects?sort=totalInvestment&order=desc&pageSize=2&page=1')).json();
    expect(res.items.map((p: { code: string }) => p.code)).toEqual(['LC-001', 'LC-003']);
    expect(res.total).toBe(3);
    const p2 = (await office.get('/api/v1/projects?sort=totalInvestment&order=desc&pageSize=2&page=2')).json();
    expect(p2.items.map((p: { code: string }) => p.code)).toEqual(['LC-002']);
  });

  it('rejects a bad filter with the field named', async () => {
    const res = await office.get('/api/v1/projects?stage=flying');
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details[0].field).toContain('stage');
  });
});

describe('access scope', () => {
  it('a county office never sees another county’s project', async () => {
    const list = (await shenOffice.get('/api/v1/projects')).json();
    expect(list.items.map((p: { code: string }) => p.code)).toEqual(['LC-002']);
    expect((await shenOffice.get(`/api/v1/projects/${ids.a}`)).statusCode).toBe(404);
    expect((await shenOffice.get(`/api/v1/projects/${ids.a}/card`)).statusCode).toBe(404);
    expect((await shenOffice.get(`/api/v1/projects/${ids.a}/history`)).statusCode).toBe(404);
  });

  it('a county office cannot change another county’s project, nor create one there', async () => {
    expect((await shenOffice.patch(`/api/v1/projects/${ids.a}`, { name: '被篡改' })).statusCode).toBe(404);
    expect((await shenOffice.post(`/api/v1/projects/${ids.a}/stage`, { to: 'completed', date: '2024-10-01', note: 'x' })).statusCode).toBe(404);
    expect((await shenOffice.put(`/api/v1/projects/${ids.a}/annual-plans/2024`, { plannedInvestment: 1 })).statusCode).toBe(404);
    expect((await shenOffice.put(`/api/v1/projects/${ids.a}/team`, { items: [] })).statusCode).toBe(404);
    const res = await shenOffice.post('/api/v1/projects', { code: 'X-1', name: '越权项目', regionCode: '371502', level: 'county', category: 'social', industry: 'livelihood', totalInvestment: 1 });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details[0].field).toBe('regionCode');
    const { rows } = await t.database.pool.query(`select name from projects where id = $1`, [ids.a]);
    expect(rows[0].name).toBe('聊城高新区绿色化工产业链延链项目');
  });

  it('a viewer reads but cannot write', async () => {
    const viewer = await login(t.app, 'viewer');
    expect((await viewer.get(`/api/v1/projects/${ids.a}`)).statusCode).toBe(200);
    expect((await viewer.patch(`/api/v1/projects/${ids.a}`, { name: '改名' })).statusCode).toBe(403);
    const card = (await viewer.get(`/api/v1/projects/${ids.a}/card`)).json();
    expect(card.canEdit).toBe(false);
  });

  it('an anonymous caller gets 401', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/projects' })).statusCode).toBe(401);
  });
});

describe('create and edit', () => {
  let id = '';
  it('creates a project, creating new owner, unit and leader by name', async () => {
    const res = await office.post('/api/v1/projects', {
      code: 'LC-100', name: '聊城农产品云仓项目', regionCode: '371526', level: 'municipal', category: 'industrial', industry: 'logistics',
      totalInvestment: '35000.25', plannedStart: '2024-03-01', plannedCompletion: '2025-12-31', owner: '高唐云仓物流有限公司',
      responsibleUnit: '高唐县人民政府', leaderName: '李明', tags: ['招商引资'], fundSources: { selfRaised: 30000, bankLoans: '5000.25' },
    });
    expect(res.statusCode).toBe(201);
    const p = res.json();
    id = p.id;
    expect(p).toMatchObject({ code: 'LC-100', regionCode: '371526', stage: 'preparation', owner: '高唐云仓物流有限公司', responsibleUnit: '高唐县人民政府', leaderName: '李明', totalInvestment: '35000.25', version: 1 });
    expect(p.fundSources).toEqual({ selfRaised: '30000', bankLoans: '5000.25' });
    const { rows } = await t.database.pool.query(`select kind from organizations where name = '高唐县人民政府'`);
    expect(rows[0].kind).toBe('government');
    const found = (await office.get('/api/v1/projects?q=gtyc')).json().items;
    expect(found).toHaveLength(0);
    expect((await office.get('/api/v1/projects?q=lcncpyc')).json().items.map((x: { code: string }) => x.code)).toEqual(['LC-100']);
  });

  it('refuses bad input with every field named', async () => {
    const res = await office.post('/api/v1/projects', { code: '', name: '新', regionCode: '371526', level: 'city', category: 'industrial', industry: 'logistics', totalInvestment: '-5' });
    expect(res.statusCode).toBe(400);
    const fields = res.json().error.details.map((d: { field: string }) => d.field);
    expect(fields).toEqual(expect.arrayContaining(['code', 'name', 'level', 'totalInvestment']));
    const dates = await office.post('/api/v1/projects', { code: 'LC-101', name: '日期错误项目', regionCode: '371526', level: 'county', category: 'social', industry: 'livelihood', totalInvestment: 1, plannedStart: '2025-01-01', plannedCompletion: '2024-01-01' });
    expect(dates.statusCode).toBe(400);
    expect(dates.json().error.details[0]).toMatchObject({ field: 'plannedCompletion', message: expect.stringContaining('不能早于') });
    const dup = await office.post('/api/v1/projects', { code: 'LC-001', name: '重复编码项目', regionCode: '371526', level: 'county', category: 'social', industry: 'livelihood', totalInvestment: 1 });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().error.details[0].field).toBe('code');
  });

  it('edits a field, keeps it in the history, and refuses a stale version', async () => {
    const res = await office.patch(`/api/v1/projects/${id}`, { totalInvestment: 36000, version: 1 });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ totalInvestment: '36000', version: 2 });
    const stale = await office.patch(`/api/v1/projects/${id}`, { name: '旧版本覆盖', version: 1 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.message).toContain('已被他人修改');
    const history = (await office.get(`/api/v1/projects/${id}/history`)).json().items;
    expect(history[0]).toMatchObject({ action: 'project.updated', username: 'office', before: { totalInvestment: '35000.25' }, after: { totalInvestment: '36000' } });
    expect(history.at(-1).action).toBe('project.created');
  });
});

describe('lifecycle', () => {
  it('allows only permitted transitions, dated and noted, and keeps them', async () => {
    const bad = await office.post(`/api/v1/projects/${ids.c}/stage`, { to: 'completed', date: '2024-05-01', note: '跳过' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.message).toContain('不能从「储备」变更为「竣工」');
    const steps: [string, string][] = [['preparation', '2024-02-01'], ['started', '2024-04-10'], ['construction', '2024-05-01'], ['paused', '2024-06-01']];
    for (const [to, date] of steps) {
      const r = await office.post(`/api/v1/projects/${ids.c}/stage`, { to, date, note: `转入${to}` });
      expect(r.statusCode, r.body).toBe(200);
    }
    const card = (await office.get(`/api/v1/projects/${ids.c}/card`)).json();
    expect(card.project).toMatchObject({ stage: 'paused', pausedFrom: 'construction', actualStart: '2024-04-10' });
    // A paused project resumes to where it was, or is withdrawn.
    expect(card.allowedStages).toEqual(['construction', 'withdrawn']);
    expect(card.transitions.map((x: { toStage: string }) => x.toStage)).toEqual(['preparation', 'started', 'construction', 'paused']);
    const back = await office.post(`/api/v1/projects/${ids.c}/stage`, { to: 'construction', date: '2024-03-01', note: '复工' });
    expect(back.statusCode).toBe(400);
    expect(back.json().error.details[0].field).toBe('date');
    const future = await office.post(`/api/v1/projects/${ids.c}/stage`, { to: 'construction', date: '2999-01-01', note: '复工' });
    expect(future.statusCode).toBe(400);
  });
});

describe('file card tabs and annual plans', () => {
  it('saves the team, procedures, factor needs and milestones, keeping a milestone baseline', async () => {
    const team = await office.put(`/api/v1/projects/${ids.a}/team`, { items: [
      { name: '王建国', role: 'leader', personId: ids.leader, duty: '包靠领导' },
      { name: '张帆', role: 'specialist', phone: '13800000000' },
    ] });
    expect(team.statusCode).toBe(200);
    const two = await office.put(`/api/v1/projects/${ids.a}/team`, { items: [{ name: 'A', role: 'leader' }, { name: 'B', role: 'leader' }] });
    expect(two.statusCode).toBe(400);
    const procs = await office.put(`/api/v1/projects/${ids.a}/procedures`, { items: [{ name: '施工许可', status: 'done', actualDate: '2024-03-02', documentNo: '聊建施〔2024〕8号' }] });
    expect(procs.json().items[0]).toMatchObject({ name: '施工许可', documentNo: '聊建施〔2024〕8号' });
    const needs = await office.put(`/api/v1/projects/${ids.a}/factor-needs`, { items: [{ kind: 'land', quantity: '120.5', unit: '亩', status: 'in_progress' }] });
    expect(needs.json().items[0]).toMatchObject({ kind: 'land', quantity: '120.5' });
    const m1 = (await office.put(`/api/v1/projects/${ids.a}/milestones`, { items: [{ name: '主体完工', kind: 'completion', plannedDate: '2025-06-30' }] })).json().items[0];
    expect(m1.baselineDate).toBe('2025-06-30');
    const m2 = (await office.put(`/api/v1/projects/${ids.a}/milestones`, { items: [{ ...m1, plannedDate: '2025-09-30' }] })).json().items[0];
    expect(m2).toMatchObject({ plannedDate: '2025-09-30', baselineDate: '2025-06-30' });
    const history = (await office.get(`/api/v1/projects/${ids.a}/history`)).json().items.map((h: { action: string }) => h.action);
    expect(history).toEqual(expect.arrayContaining(['project.team_updated', 'project.procedures_updated', 'project.factorNeeds_updated', 'project.milestones_updated']));
  });

  it('keeps an annual plan with an exact monthly split, and refuses a split that does not add up', async () => {
    const monthly = ['1000.1', '1000.1', '1000.1', '1000', '1000', '1000', '1000', '1000', '1000', '1000', '1000', '1000.2'];
    const res = await office.put(`/api/v1/projects/${ids.a}/annual-plans/2024`, { plannedInvestment: '12000.5', monthly, mustStart: true });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ year: 2024, plannedInvestment: '12000.5', mustStart: true, mustComplete: false });
    const bad = await office.put(`/api/v1/projects/${ids.a}/annual-plans/2024`, { plannedInvestment: '12000', monthly });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details[0].field).toBe('monthly');
    const short = await office.put(`/api/v1/projects/${ids.a}/annual-plans/2024`, { plannedInvestment: '12000', monthly: ['1'] });
    expect(short.statusCode).toBe(400);
    expect((await office.get(`/api/v1/projects/${ids.a}/annual-plans/2024`)).json().plannedInvestment).toBe('12000.5');
    const list = (await office.get('/api/v1/projects?year=2024&region=371502')).json();
    expect(list.totals.annualPlan).toBe('12000.5');
    expect(list.items[0].annualPlan).toBe('12000.5');
  });
});
