// The timeline (进度计划): re-planning keeps the first plan as baseline, a project's rows with their
// statuses on the server's today, portfolios by leader, county and batch, scope, and the .xlsx rows.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GanttRowDto, PortfolioGanttDto, ProjectGanttDto } from '../src/contract/gantt.ts';
import { GANTT_STATUS_LABELS } from '../src/domain/gantt.ts';
import { pinClock } from '../src/server/clock.ts';
import { batches, batchProjects } from '../src/server/db/schema/index.ts';
import { GANTT_HEADERS } from '../src/server/modules/gantt/gantt.xlsx.ts';
import { buildTestApp, login, type Client, type TestApp } from './helpers/app.ts';
import { buildProject, createPerson, createUser, REGIONS, seedTestRegions } from './helpers/factories.ts';
import { readSheet } from './helpers/xlsx.ts';

const TODAY = '2024-11-30';
let t: TestApp;
let city: Client;
let shen: Client;
const ids = {} as Record<'a' | 'b' | 'c' | 'z' | 'wang' | 'li' | 'batch', string>;

beforeAll(async () => {
  pinClock(TODAY);
  t = await buildTestApp();
  const db = t.database.db;
  await seedTestRegions(db);
  await createUser(db, { username: 'city', role: 'office', regionCode: REGIONS.city.code });
  await createUser(db, { username: 'shen', role: 'office', regionCode: REGIONS.shen.code });
  const wang = await createPerson(db, { name: '王建国', regionCode: REGIONS.city.code, title: '副市长' });
  const li = await createPerson(db, { name: '李明', regionCode: REGIONS.shen.code, title: '副县长' });
  const a = await buildProject(db, {
    code: 'G-001', name: '绿色化工产业链延链项目', regionCode: REGIONS.dongchangfu.code, leaderPersonId: wang.id, stage: 'construction',
    plannedStart: '2024-03-01', plannedCompletion: '2025-12-31', actualStart: '2024-03-06',
  });
  const b = await buildProject(db, {
    code: 'G-002', name: '调味品全产业链项目', regionCode: REGIONS.shen.code, leaderPersonId: wang.id, plannedStart: '2025-03-05', plannedCompletion: '2026-06-30',
  });
  const c = await buildProject(db, { code: 'G-003', name: '定向刨花板项目', regionCode: REGIONS.shen.code, leaderPersonId: li.id, stage: 'reserve' });
  const z = await buildProject(db, { code: 'G-900', name: '锂电池回收及新型储能项目', regionCode: REGIONS.tengzhou.code });
  const [batch] = await db.insert(batches).values({
    name: '2024年秋季集中开工', kind: 'groundbreaking', level: 'city', season: 'autumn', eventDate: '2024-09-26', regionCode: REGIONS.city.code, regionPath: REGIONS.city.path,
  }).returning();
  await db.insert(batchProjects).values([{ batchId: batch!.id, projectId: a.id }, { batchId: batch!.id, projectId: c.id }]);
  Object.assign(ids, { a: a.id, b: b.id, c: c.id, z: z.id, wang: wang.id, li: li.id, batch: batch!.id });
  city = await login(t.app, 'city');
  shen = await login(t.app, 'shen');
});
afterAll(async () => {
  await t.close();
  pinClock(null);
});

const gantt = async (c: Client, id: string) => {
  const res = await c.get(`/api/v1/projects/${id}/gantt`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as ProjectGanttDto;
};
const byName = (g: ProjectGanttDto, name: string) => g.rows.find((r) => r.name === name)!;

describe('re-planning keeps the first planned date as baseline', () => {
  it('for a procedure and a milestone saved through the card', async () => {
    const put = (tab: string, items: unknown[]) => city.put(`/api/v1/projects/${ids.a}/${tab}`, { items });
    let res = await put('procedures', [
      { name: '项目备案', status: 'done', plannedDate: '2024-01-10', actualDate: '2024-01-10', authority: '东昌府区行政审批服务局' },
      { name: '环境影响评价', status: 'in_progress', plannedDate: '2024-02-20', authority: '聊城市生态环境局' },
    ]);
    expect(res.statusCode, res.body).toBe(200);
    res = await put('milestones', [
      { name: '项目开工', kind: 'start', plannedDate: '2024-03-01', actualDate: '2024-03-06', responsible: '张伟' },
      { name: '主体完工', kind: 'other', plannedDate: '2024-10-31', responsible: '赵强' },
      { name: '项目竣工', kind: 'completion', plannedDate: '2025-12-31', responsible: '赵强' },
    ]);
    expect(res.statusCode, res.body).toBe(200);
    let g = await gantt(city, ids.a);
    expect(byName(g, '环境影响评价')).toMatchObject({ plannedDate: '2024-02-20', baselineDate: '2024-02-20', slipDays: null });

    // Re-plan twice, sending the rows back as the card shows them (with their ids).
    for (const date of ['2024-08-31', '2024-12-20']) {
      const card = (await city.get(`/api/v1/projects/${ids.a}/card`)).json();
      const procs = card.procedures.map((x: { name: string }) => (x.name === '环境影响评价' ? { ...x, plannedDate: date } : x));
      expect((await put('procedures', procs)).statusCode).toBe(200);
      const miles = card.milestones.map((x: { name: string }) => (x.name === '主体完工' ? { ...x, plannedDate: date, baselineDate: '2030-01-01' } : x));
      expect((await put('milestones', miles)).statusCode).toBe(200);
    }
    g = await gantt(city, ids.a);
    expect(byName(g, '环境影响评价')).toMatchObject({ plannedDate: '2024-12-20', baselineDate: '2024-02-20', slipDays: 304, status: 'upcoming' });
    // The baseline cannot be overwritten by sending another one.
    expect(byName(g, '主体完工')).toMatchObject({ plannedDate: '2024-12-20', baselineDate: '2024-10-31', slipDays: 50, status: 'upcoming' });
    expect(byName(g, '主体完工').bars.baseline).toEqual({ start: '2024-03-01', end: '2024-10-31' });
    expect(byName(g, '项目备案').bars.baseline).toBeNull();

    // A row sent without its id (an API client) is recognised by its name.
    const card = (await city.get(`/api/v1/projects/${ids.a}/card`)).json();
    const bare = card.procedures.map(({ id: _id, ...x }: { id: string; name: string }) => (x.name === '环境影响评价' ? { ...x, plannedDate: '2025-01-15' } : x));
    expect((await put('procedures', bare)).statusCode).toBe(200);
    expect(byName(await gantt(city, ids.a), '环境影响评价')).toMatchObject({ plannedDate: '2025-01-15', baselineDate: '2024-02-20' });
  });
});

describe('GET /projects/:id/gantt', () => {
  it('returns procedures then milestones with statuses on today, bars and the project plan', async () => {
    await city.put(`/api/v1/projects/${ids.a}/milestones`, { items: [
      { name: '项目开工', kind: 'start', plannedDate: '2024-03-01', actualDate: '2024-03-06', responsible: '张伟' },
      { name: '设备安装', kind: 'other', plannedDate: '2024-11-29', responsible: '赵强' },
      { name: '试生产', kind: 'other', plannedDate: TODAY, responsible: '赵强' },
      { name: '项目竣工', kind: 'completion', plannedDate: '2025-12-31', responsible: '赵强' },
    ] });
    const g = await gantt(city, ids.a);
    expect(g.today).toBe(TODAY);
    expect(g.project).toMatchObject({ code: 'G-001', leaderName: '王建国', plannedStart: '2024-03-01', plannedCompletion: '2025-12-31', actualStart: '2024-03-06', stage: 'construction' });
    expect(g.rows.map((r) => `${r.kind}:${r.name}`)).toEqual([
      'procedure:项目备案', 'procedure:环境影响评价', 'milestone:项目开工', 'milestone:设备安装', 'milestone:试生产', 'milestone:项目竣工',
    ]);
    expect(byName(g, '项目备案')).toMatchObject({ status: 'done_on_time', lateDays: null, responsible: '东昌府区行政审批服务局', procedureStatus: 'done' });
    expect(byName(g, '项目开工')).toMatchObject({ status: 'done_late', lateDays: 5, milestoneKind: 'start', responsible: '张伟' });
    // One day past the plan with no actual: overdue; planned for today: not yet.
    expect(byName(g, '设备安装')).toMatchObject({ status: 'overdue', lateDays: 1 });
    expect(byName(g, '试生产')).toMatchObject({ status: 'upcoming', lateDays: null });
    expect(g.status).toBe('overdue');
    expect(g.counts).toEqual({ done_on_time: 1, done_late: 1, overdue: 1, upcoming: 3 });
    expect(byName(g, '项目开工').bars.actual).toEqual({ start: '2024-01-10', end: '2024-03-06' });
  });

  it('answers 404 outside the caller’s region and for an unknown project', async () => {
    expect((await shen.get(`/api/v1/projects/${ids.a}/gantt`)).statusCode).toBe(404);
    expect((await city.get(`/api/v1/projects/${ids.z}/gantt`)).statusCode).toBe(404);
    expect((await city.get(`/api/v1/projects/${ids.z}/gantt.xlsx`)).statusCode).toBe(404);
    expect((await city.get('/api/v1/projects/00000000-0000-4000-8000-000000000000/gantt')).statusCode).toBe(404);
    expect((await shen.get(`/api/v1/projects/${ids.b}/gantt`)).statusCode).toBe(200);
  });
});

const portfolio = async (c: Client, qs: string) => {
  const res = await c.get(`/api/v1/gantt?${qs}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as PortfolioGanttDto;
};
const codes = (p: PortfolioGanttDto) => p.items.map((i) => i.project.code);

describe('GET /gantt (portfolio)', () => {
  it('by leader: the leader’s projects in the caller’s region, planned start first', async () => {
    const p = await portfolio(city, `leader=${ids.wang}`);
    expect(p.title).toBe('王建国包靠项目');
    expect(codes(p)).toEqual(['G-001', 'G-002']);
    expect(p.total).toBe(2);
    const a = p.items[0]!;
    expect(a.status).toBe('overdue');
    expect(a.overdueCount).toBe(1);
    expect(a.rows).toHaveLength(6);
    expect(a.bars.planned).toEqual({ start: '2024-03-01', end: '2025-12-31' });
    expect(a.bars.actual).toEqual({ start: '2024-03-06', end: TODAY });
    expect(a.bars.open).toBe(true);
    // Seen from 莘县, the city leader carries one project there.
    expect(codes(await portfolio(shen, `leader=${ids.wang}`))).toEqual(['G-002']);
  });

  it('by county and by batch, with a stage filter and pages with a total', async () => {
    const shenP = await portfolio(city, 'region=371522');
    expect(shenP.title).toBe('莘县');
    expect(codes(shenP)).toEqual(['G-002', 'G-003']);
    expect(codes(await portfolio(city, 'region=371522&stage=reserve'))).toEqual(['G-003']);
    const batch = await portfolio(city, `batch=${ids.batch}`);
    expect(batch.batchName).toBe('2024年秋季集中开工');
    expect(codes(batch)).toEqual(['G-001', 'G-003']);
    expect(codes(await portfolio(shen, `batch=${ids.batch}`))).toEqual(['G-003']);
    const page2 = await portfolio(city, 'pageSize=2&page=2');
    expect(page2.total).toBe(3);
    expect(codes(page2)).toEqual(['G-003']);
    expect((await city.get('/api/v1/gantt?pageSize=1000')).statusCode).toBe(400);
  });

  it('answers 404 for a region, leader or batch outside the caller’s scope', async () => {
    expect((await city.get('/api/v1/gantt?region=370481')).statusCode).toBe(404);
    expect((await shen.get('/api/v1/gantt?region=371502')).statusCode).toBe(404);
    expect((await shen.get(`/api/v1/gantt?leader=${ids.li}`)).statusCode).toBe(200);
    const outsider = await createPerson(t.database.db, { name: '孙立', regionCode: REGIONS.tengzhou.code });
    expect((await city.get(`/api/v1/gantt?leader=${outsider.id}`)).statusCode).toBe(404);
    expect((await city.get('/api/v1/gantt.xlsx?region=370481')).statusCode).toBe(404);
  });
});

async function sheetRows(c: Client, url: string) {
  const res = await c.get(url);
  expect(res.statusCode, res.body).toBe(200);
  expect(res.headers['content-type']).toContain('spreadsheetml');
  return { rows: await readSheet(res.rawPayload), disposition: String(res.headers['content-disposition']) };
}

const asDate = (d: string | null) => (d ? new Date(`${d}T00:00:00Z`) : undefined);
const expected = (project: { code: string; name: string; regionName: string; leaderName: string | null }, r: GanttRowDto) => [
  project.code, project.name, project.regionName, project.leaderName ?? undefined, r.kind === 'procedure' ? '手续' : '节点', r.name,
  asDate(r.baselineDate), asDate(r.plannedDate), asDate(r.actualDate), GANTT_STATUS_LABELS[r.status], r.lateDays ?? undefined,
  r.slipDays ?? undefined, r.responsible ?? undefined,
];
// ExcelJS drops trailing empty cells of a row.
const trim = (row: unknown[]) => {
  const out = [...row];
  while (out.length && out[out.length - 1] === undefined) out.pop();
  return out;
};

describe('.xlsx', () => {
  it('a project’s rows equal its JSON rows', async () => {
    const g = await gantt(city, ids.a);
    const { rows, disposition } = await sheetRows(city, `/api/v1/projects/${ids.a}/gantt.xlsx`);
    expect(decodeURIComponent(disposition.split("''")[1]!)).toBe('进度计划-绿色化工产业链延链项目-20241130.xlsx');
    expect(rows[0]).toEqual(GANTT_HEADERS);
    expect(rows.slice(1)).toEqual(g.rows.map((r) => trim(expected(g.project, r))));
  });

  it('a portfolio’s rows equal the JSON rows of every project, over all pages', async () => {
    const p = await portfolio(city, `leader=${ids.wang}`);
    const { rows } = await sheetRows(city, `/api/v1/gantt.xlsx?leader=${ids.wang}&pageSize=1`);
    expect(rows.slice(1)).toEqual(p.items.flatMap((i) => i.rows.map((r) => trim(expected(i.project, r)))));
    expect(rows.length).toBeGreaterThan(1);
  });

  it('keeps a name that looks like a formula as text', async () => {
    await city.put(`/api/v1/projects/${ids.b}/milestones`, { items: [{ name: '=HYPERLINK("http://x","点我")', kind: 'other', plannedDate: '2025-01-01' }] });
    const { rows } = await sheetRows(city, `/api/v1/projects/${ids.b}/gantt.xlsx`);
    expect(rows[1]![5]).toBe(`'=HYPERLINK("http://x","点我")`);
  });
});
