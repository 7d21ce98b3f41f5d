// Supervision orders and the accountability list: cards are written straight into project_cards
// (the card engine is not needed); afterCardRun and markOverdueOrders are called directly, then
// the orders are answered, decided and the talks recorded through the API.
import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { todayIso } from '../src/domain/dates.ts';
import type { Db } from '../src/server/db/client.ts';
import { addDays, afterCardRun, markOverdueOrders } from '../src/server/modules/supervision/supervision.hooks.ts';
import { buildTestApp, login, type Client, type TestApp } from './helpers/app.ts';
import { buildProject, createOrg, createPerson, createUser, REGIONS, seedTestRegions } from './helpers/factories.ts';
import { period } from './helpers/stats.ts';

let t: TestApp;
let db: Db;
let cityOffice: Client, dongOffice: Client, shenOffice: Client, unit: Client, otherUnit: Client, viewer: Client;
const ids: Record<string, string> = {};
const today = todayIso();

type Color = 'blue' | 'yellow' | 'red';
async function card(projectId: string, periodId: string, color: Color, overrideColor: Color | null = null) {
  const indicators = [
    { name: 'investment', value: 0.15, threshold: 0.1, color, detail: '时序进度 75%，完成率 60%，差 15 个百分点' },
    { name: 'reporting', value: 0, threshold: 1, color: 'blue' },
  ];
  await db.execute(sql`
    INSERT INTO project_cards (project_id, period_id, region_path, year, month, color, score, rule_version, indicators, override_color, override_reason)
    SELECT p.id, per.id, p.region_path, per.year, per.month, ${color}, 50, 0, ${JSON.stringify(indicators)}::jsonb, ${overrideColor}, ${overrideColor ? '项目办调整' : null}
    FROM projects p, reporting_periods per WHERE p.id = ${projectId}::uuid AND per.id = ${periodId}::uuid
    ON CONFLICT (project_id, period_id) DO UPDATE SET color = excluded.color, override_color = excluded.override_color, indicators = excluded.indicators`);
}

async function rows<T>(q: ReturnType<typeof sql>): Promise<T[]> {
  return (await db.execute(q)).rows as T[];
}

const orderOf = async (projectId: string, periodId: string) =>
  (await rows<{ id: string; number: string; deadline: string; status: string }>(sql`
    SELECT id, number, deadline, status FROM supervision_orders WHERE project_id = ${projectId}::uuid AND period_id = ${periodId}::uuid`))[0];

beforeAll(async () => {
  t = await buildTestApp();
  db = t.database.db;
  await seedTestRegions(db);
  const gov = await createOrg(db, { name: '东昌府区发改局', kind: 'government', regionCode: REGIONS.dongchangfu.code });
  const shenGov = await createOrg(db, { name: '莘县发改局', kind: 'government', regionCode: REGIONS.shen.code });
  const leader = await createPerson(db, { name: '王立新', regionCode: REGIONS.city.code });
  const common = { responsibleOrgId: gov.id, leaderPersonId: leader.id, stage: 'construction' };
  ids.a = (await buildProject(db, { code: 'SV-A', name: '=HYPERLINK("x")化工项目', ...common })).id;
  ids.b = (await buildProject(db, { code: 'SV-B', name: '东昌府区黄牌项目', ...common })).id;
  ids.c = (await buildProject(db, { code: 'SV-C', name: '东昌府区调红项目', ...common })).id;
  ids.d = (await buildProject(db, { code: 'SV-D', name: '东昌府区调蓝项目', ...common })).id;
  ids.s = (await buildProject(db, { code: 'SV-S', name: '莘县红牌项目', regionCode: REGIONS.shen.code, responsibleOrgId: shenGov.id, stage: 'construction' })).id;
  ids.nov = await period(db, 2024, 11);
  ids.dec = await period(db, 2024, 12);
  ids.oct = await period(db, 2024, 10);
  await createUser(db, { username: 'city', role: 'office', regionCode: REGIONS.city.code });
  await createUser(db, { username: 'dong', role: 'office', regionCode: REGIONS.dongchangfu.code });
  await createUser(db, { username: 'shen', role: 'office', regionCode: REGIONS.shen.code });
  ids.unitUser = (await createUser(db, { username: 'unit', role: 'unit', regionCode: REGIONS.dongchangfu.code, orgId: gov.id })).id;
  await createUser(db, { username: 'unit2', role: 'unit', regionCode: REGIONS.shen.code, orgId: shenGov.id });
  ids.leaderUser = (await createUser(db, { username: 'leader', role: 'leader', regionCode: REGIONS.city.code, personId: leader.id })).id;
  await createUser(db, { username: 'viewer', role: 'viewer', regionCode: REGIONS.dongchangfu.code });
  [cityOffice, dongOffice, shenOffice, unit, otherUnit, viewer] = (await Promise.all(['city', 'dong', 'shen', 'unit', 'unit2', 'viewer'].map((u) => login(t.app, u)))) as [Client, Client, Client, Client, Client, Client];
});
afterAll(() => t.close());

describe('afterCardRun', () => {
  it('opens one order per red card (effective colour), numbered by city, year, month and sequence, and notifies unit and leader', async () => {
    await card(ids.a!, ids.nov!, 'red');
    await card(ids.b!, ids.nov!, 'yellow');
    await card(ids.c!, ids.nov!, 'yellow', 'red');
    await card(ids.d!, ids.nov!, 'red', 'blue');
    const r = await afterCardRun(db, ids.nov!, null);
    expect(r).toEqual({ ordersOpened: 2, accountabilityAdded: 0 });
    const a = await orderOf(ids.a!, ids.nov!);
    const c = await orderOf(ids.c!, ids.nov!);
    expect(a).toMatchObject({ number: '聊督〔2024〕11-001', status: 'open', deadline: addDays(today, 15) });
    expect(c?.number).toBe('聊督〔2024〕11-002');
    expect(await orderOf(ids.b!, ids.nov!)).toBeUndefined();
    expect(await orderOf(ids.d!, ids.nov!)).toBeUndefined();
    const [reason] = await rows<{ reason: string }>(sql`SELECT reason FROM supervision_orders WHERE id = ${a!.id}::uuid`);
    expect(reason!.reason).toContain('2024年11月亮红牌：投资完成进度（时序进度 75%');
    // The unit's user and the leader's user each get one notice per order; nobody else.
    const notes = await rows<{ userId: string; n: number }>(sql`SELECT user_id AS "userId", count(*)::int AS n FROM notifications
      WHERE kind = 'supervision_order' GROUP BY user_id`);
    expect(new Map(notes.map((x) => [x.userId, x.n]))).toEqual(new Map([[ids.unitUser!, 2], [ids.leaderUser!, 2]]));
    const audits = await rows<{ n: number }>(sql`SELECT count(*)::int AS n FROM audit_log WHERE action = 'supervision_order.opened'`);
    expect(audits[0]!.n).toBe(2);
  });

  it('is idempotent, and numbers continue in the month when a new red card appears', async () => {
    expect(await afterCardRun(db, ids.nov!, null)).toEqual({ ordersOpened: 0, accountabilityAdded: 0 });
    await card(ids.b!, ids.nov!, 'red');
    expect(await afterCardRun(db, ids.nov!, null)).toEqual({ ordersOpened: 1, accountabilityAdded: 0 });
    expect((await orderOf(ids.b!, ids.nov!))?.number).toBe('聊督〔2024〕11-003');
    const [n] = await rows<{ n: number }>(sql`SELECT count(*)::int AS n FROM supervision_orders`);
    expect(n!.n).toBe(3);
  });

  it('takes the deadline from the latest rule set of the city, and puts two red cards running on the accountability list once', async () => {
    await db.execute(sql`INSERT INTO card_rule_sets (region_code, version, rules) VALUES
      ('371500', 1, '{"supervision":{"deadlineDays":30}}'::jsonb), ('371500', 2, '{"supervision":{"deadlineDays":10}}'::jsonb)`);
    await card(ids.a!, ids.dec!, 'red');
    await card(ids.c!, ids.dec!, 'blue');
    await card(ids.s!, ids.dec!, 'red');
    expect(await afterCardRun(db, ids.dec!, null)).toEqual({ ordersOpened: 2, accountabilityAdded: 1 });
    expect(await orderOf(ids.a!, ids.dec!)).toMatchObject({ number: '聊督〔2024〕12-001', deadline: addDays(today, 10) });
    expect((await orderOf(ids.s!, ids.dec!))?.number).toBe('聊督〔2024〕12-002');
    const entries = await rows<{ projectId: string; reason: string; periodId: string }>(sql`
      SELECT project_id AS "projectId", reason, period_id AS "periodId" FROM accountability_entries`);
    expect(entries).toEqual([{ projectId: ids.a, reason: 'two_red', periodId: ids.dec }]);
    expect(await afterCardRun(db, ids.dec!, null)).toEqual({ ordersOpened: 0, accountabilityAdded: 0 });
    // November's previous period (October) had no red card for A: no entry for November.
    await card(ids.a!, ids.oct!, 'yellow');
    expect(await afterCardRun(db, ids.nov!, null)).toEqual({ ordersOpened: 0, accountabilityAdded: 0 });
  });

  it('keeps a project on the list once while its talk is pending: a third red card running adds no second entry', async () => {
    const [mark] = await rows<{ id: number }>(sql`SELECT coalesce(max(id), 0)::int AS id FROM notifications`);
    const jan = await period(db, 2025, 1);
    await card(ids.a!, jan, 'red');
    expect(await afterCardRun(db, jan, null)).toEqual({ ordersOpened: 1, accountabilityAdded: 0 });
    // Once the talk is held, red cards running again put it back on the list.
    await db.execute(sql`UPDATE accountability_entries SET status = 'held' WHERE project_id = ${ids.a!}::uuid AND reason = 'two_red'`);
    await db.execute(sql`DELETE FROM supervision_orders WHERE period_id = ${jan}::uuid`);
    expect(await afterCardRun(db, jan, null)).toEqual({ ordersOpened: 1, accountabilityAdded: 1 });
    // Leave the later tests the data they were written against.
    await db.execute(sql`DELETE FROM accountability_entries WHERE period_id = ${jan}::uuid`);
    await db.execute(sql`DELETE FROM notifications WHERE id > ${mark!.id}::int`);
    await db.execute(sql`DELETE FROM supervision_orders WHERE period_id = ${jan}::uuid`);
    await db.execute(sql`UPDATE accountability_entries SET status = 'pending' WHERE project_id = ${ids.a!}::uuid AND reason = 'two_red'`);
    await db.execute(sql`DELETE FROM reporting_periods WHERE id = ${jan}::uuid`);
  });

  it('ignores an unknown period', async () => {
    expect(await afterCardRun(db, '00000000-0000-4000-8000-000000000000', null)).toEqual({ ordersOpened: 0, accountabilityAdded: 0 });
  });
});

describe('orders through the API', () => {
  it('lists by scope, status, region and project, with counts', async () => {
    const all = (await cityOffice.get('/api/v1/supervision-orders')).json();
    expect(all.total).toBe(5);
    expect(all.counts).toMatchObject({ open: 5, responded: 0, accepted: 0, rejected: 0, overdue: 0 });
    expect((await dongOffice.get('/api/v1/supervision-orders')).json().total).toBe(4);
    const shen = (await shenOffice.get('/api/v1/supervision-orders')).json();
    expect(shen.items.map((o: { projectCode: string }) => o.projectCode)).toEqual(['SV-S']);
    expect((await cityOffice.get('/api/v1/supervision-orders?region=371522')).json().total).toBe(1);
    expect((await cityOffice.get(`/api/v1/supervision-orders?projectId=${ids.a}`)).json().total).toBe(2);
    expect((await shenOffice.get('/api/v1/supervision-orders?region=371502')).statusCode).toBe(404);
    const one = (await unit.get(`/api/v1/supervision-orders?projectId=${ids.a}&pageSize=1`)).json();
    expect(one.items).toHaveLength(1);
    expect(one.items[0]).toMatchObject({
      number: '聊督〔2024〕12-001', periodLabel: '2024年12月', responsibleOrgName: '东昌府区发改局', leaderName: '王立新',
      status: 'open', overdue: false, canRespond: true, canDecide: false,
    });
  });

  it('the unit answers its order; others may not; the office rejects with a reason, then accepts the new answer', async () => {
    const order = await orderOf(ids.a!, ids.nov!);
    const url = `/api/v1/supervision-orders/${order!.id}`;
    expect((await shenOffice.get(url)).statusCode).toBe(404);
    expect((await otherUnit.post(`${url}/respond`, { response: '我们已经整改到位了' })).statusCode).toBe(404);
    expect((await viewer.post(`${url}/respond`, { response: '我们已经整改到位了' })).statusCode).toBe(403);
    const short = await unit.post(`${url}/respond`, { response: '好' });
    expect(short.statusCode).toBe(400);
    expect(short.json().error.details[0].field).toBe('response');
    expect((await dongOffice.post(`${url}/accept`, {})).statusCode).toBe(409);

    const res = await unit.post(`${url}/respond`, { response: '已召开专题会议，12 月底前完成年度投资计划。' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ status: 'responded', respondedByName: 'unit', canRespond: false });
    expect((await unit.post(`${url}/respond`, { response: '再答复一次试试看' })).statusCode).toBe(409);
    expect((await unit.post(`${url}/accept`, {})).statusCode).toBe(403);
    expect((await dongOffice.post(`${url}/reject`, {})).statusCode).toBe(400);
    const rej = await dongOffice.post(`${url}/reject`, { note: '措施不具体，请列明时间节点' });
    expect(rej.statusCode, rej.body).toBe(200);
    expect(rej.json()).toMatchObject({ status: 'rejected', decisionNote: '措施不具体，请列明时间节点', decidedByName: 'dong' });
    expect((await unit.get(url)).json().canRespond).toBe(true);

    expect((await unit.post(`${url}/respond`, { response: '12 月 10 日前完成设备采购，12 月 25 日前完成投资 3000 万元。' })).statusCode).toBe(200);
    const acc = await cityOffice.post(`${url}/accept`, { note: '同意' });
    expect(acc.statusCode, acc.body).toBe(200);
    expect(acc.json()).toMatchObject({ status: 'accepted', decisionNote: '同意', decidedByName: 'city', canRespond: false, canDecide: false });
    expect((await cityOffice.post(`${url}/accept`, {})).statusCode).toBe(409);

    const audit = await rows<{ action: string }>(sql`SELECT action FROM audit_log WHERE entity_id = ${order!.id} ORDER BY id`);
    expect(audit.map((a) => a.action)).toEqual([
      'supervision_order.opened', 'supervision_order.responded', 'supervision_order.rejected', 'supervision_order.responded', 'supervision_order.accepted',
    ]);
    expect((await cityOffice.get('/api/v1/supervision-orders?status=accepted')).json().items.map((o: { id: string }) => o.id)).toEqual([order!.id]);
  });

  it('the office may answer for the unit; an accept body may be omitted', async () => {
    const order = await orderOf(ids.c!, ids.nov!);
    const url = `/api/v1/supervision-orders/${order!.id}`;
    expect((await dongOffice.post(`${url}/respond`, { response: '代责任单位答复：已整改。' })).statusCode).toBe(200);
    const acc = await dongOffice.request({ method: 'POST', url: `${url}/accept` });
    expect(acc.statusCode, acc.body).toBe(200);
    expect(acc.json().status).toBe('accepted');
  });
});

describe('markOverdueOrders and the accountability list', () => {
  it('lists orders past their deadline and not accepted, once each', async () => {
    // On the earliest deadline (December's 10 days) nothing is overdue yet.
    expect(await markOverdueOrders(db, addDays(today, 10))).toBe(0);
    expect(await markOverdueOrders(db, addDays(today, 11))).toBe(2);
    // A day past December's deadlines: A-Dec and S-Dec (open). Past every deadline: B-Nov too; A-Nov and C-Nov were accepted.
    const later = addDays(today, 40);
    expect(await markOverdueOrders(db, later)).toBe(1);
    expect(await markOverdueOrders(db, later)).toBe(0);
    const entries = await rows<{ code: string; reason: string }>(sql`SELECT p.code, a.reason FROM accountability_entries a JOIN projects p ON p.id = a.project_id
      ORDER BY p.code, a.reason`);
    expect(entries).toEqual([
      { code: 'SV-A', reason: 'overdue_order' }, { code: 'SV-A', reason: 'two_red' }, { code: 'SV-B', reason: 'overdue_order' }, { code: 'SV-S', reason: 'overdue_order' },
    ]);
    const notes = await rows<{ n: number }>(sql`SELECT count(*)::int AS n FROM notifications WHERE kind = 'accountability' AND user_id = ${ids.unitUser}::uuid`);
    expect(notes[0]!.n).toBe(3);
  });

  it('shows an order overdue in the list when its deadline has passed', async () => {
    const order = await orderOf(ids.b!, ids.nov!);
    await db.execute(sql`UPDATE supervision_orders SET deadline = ${addDays(today, -1)}::date WHERE id = ${order!.id}::uuid`);
    const list = (await cityOffice.get('/api/v1/supervision-orders?overdue=true')).json();
    expect(list.items.map((o: { id: string }) => o.id)).toEqual([order!.id]);
    expect(list.items[0].overdue).toBe(true);
    expect(list.counts.overdue).toBe(1);
  });

  it('lists entries by scope and status; the office records the talk', async () => {
    const list = (await cityOffice.get('/api/v1/accountability')).json();
    expect(list.total).toBe(4);
    expect(list.counts).toEqual({ pending: 4, held: 0 });
    expect((await shenOffice.get('/api/v1/accountability')).json().total).toBe(1);
    expect((await cityOffice.get('/api/v1/accountability?region=371502&reason=two_red')).json().items).toMatchObject([
      { projectCode: 'SV-A', reason: 'two_red', periodLabel: '2024年12月', status: 'pending', leaderName: '王立新', canRecord: true },
    ]);
    const entry = (await dongOffice.get('/api/v1/accountability?reason=two_red')).json().items[0];
    // One entry, as a notification's link opens it: in scope only.
    const one = await dongOffice.get(`/api/v1/accountability/${entry.id}`);
    expect(one.statusCode, one.body).toBe(200);
    expect(one.json()).toEqual(entry);
    expect((await shenOffice.get(`/api/v1/accountability/${entry.id}`)).statusCode).toBe(404);
    expect((await dongOffice.get('/api/v1/accountability/00000000-0000-4000-8000-000000000000')).statusCode).toBe(404);
    const url = `/api/v1/accountability/${entry.id}/record`;
    const talk = { talkDate: today, participants: '市项目办、东昌府区发改局、项目单位负责人', outcome: '责令 1 个月内追回投资进度，下期仍为红牌的提请市调度会研究。' };
    expect((await unit.post(url, talk)).statusCode).toBe(403);
    expect((await shenOffice.post(url, talk)).statusCode).toBe(404);
    const future = await dongOffice.post(url, { ...talk, talkDate: addDays(today, 3) });
    expect(future.statusCode).toBe(400);
    expect(future.json().error.details[0].field).toBe('talkDate');
    const bad = await dongOffice.post(url, { talkDate: today, participants: '', outcome: '' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details.map((d: { field: string }) => d.field).sort()).toEqual(['outcome', 'participants']);
    const ok = await dongOffice.post(url, talk);
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({ status: 'held', talkDate: today, participants: talk.participants, outcome: talk.outcome, recordedByName: 'dong' });
    expect((await cityOffice.get('/api/v1/accountability?status=held')).json().items.map((e: { id: string }) => e.id)).toEqual([entry.id]);
    const audit = await rows<{ action: string }>(sql`SELECT action FROM audit_log WHERE entity_id = ${entry.id} ORDER BY id`);
    expect(audit.map((a) => a.action)).toEqual(['accountability.added', 'accountability.recorded']);
  });
});

describe('exports', () => {
  async function sheet(c: Client, url: string) {
    const res = await c.get(url);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    const out: unknown[][] = [];
    ws.eachRow((row) => out.push((row.values as unknown[]).slice(1)));
    return { res, out };
  }

  it('exports the orders of the caller\'s scope, formula-looking text neutralised', async () => {
    const { res, out } = await sheet(dongOffice, '/api/v1/supervision-orders.xlsx');
    expect(res.headers['content-disposition']).toContain('supervision-orders-');
    expect(out[0]!.slice(0, 3)).toEqual(['督办单编号', '项目编码', '项目名称']);
    expect(out).toHaveLength(1 + 4);
    const a = out.find((r) => r[0] === '聊督〔2024〕11-001')!;
    expect(a[2]).toBe(`'=HYPERLINK("x")化工项目`);
    expect(a).toContain('已认可');
    expect((await sheet(cityOffice, '/api/v1/supervision-orders.xlsx?region=371522')).out).toHaveLength(2);
  });

  it('exports the accountability list', async () => {
    const { res, out } = await sheet(cityOffice, '/api/v1/accountability.xlsx?status=held');
    expect(res.headers['content-disposition']).toContain('accountability-');
    expect(out).toHaveLength(2);
    expect(out[1]).toEqual(expect.arrayContaining(['SV-A', '连续两期红牌', '已约谈', today]));
  });
});
