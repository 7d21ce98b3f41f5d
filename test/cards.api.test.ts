// Cards API: access by role and region, the red and yellow lists and rankings, the summary by
// group, a project's timeline, overrides with reasons (audited, computed colour kept).
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, login, type Client, type TestApp } from './helpers/app.ts';
import { setUpCardsExample, type CardKey } from './helpers/cards.ts';

let t: TestApp;
let city: Client;
let dcf: Client;
let shen: Client;
let viewer: Client;
let zz: Client;
let P: Record<CardKey, string>;
let june = '';
const cardOf = {} as Record<CardKey, string>;

beforeAll(async () => {
  t = await buildTestApp();
  const ex = await setUpCardsExample(t.database.db);
  P = ex.P;
  june = ex.june;
  [city, dcf, shen, viewer, zz] = (await Promise.all(['city', 'dcf', 'shenoffice', 'cityviewer', 'zzoffice'].map((u) => login(t.app, u)))) as [Client, Client, Client, Client, Client];
  const run = await city.post(`/api/v1/cards/run?periodId=${june}`);
  expect(run.statusCode, run.body).toBe(200);
  const items = (await city.get(`/api/v1/cards?periodId=${june}&pageSize=100`)).json().items as { id: string; projectId: string }[];
  for (const k of Object.keys(P) as CardKey[]) {
    const c = items.find((i) => i.projectId === P[k]);
    if (c) cardOf[k] = c.id;
  }
});
afterAll(() => t.close());

describe('storage', () => {
  it('stores each indicator without its threshold text and gives it back from the rules that made the card', async () => {
    const stored = await t.database.db.execute<{ indicators: Record<string, unknown>[] }>(sql`SELECT indicators FROM project_cards WHERE id = ${cardOf.gap10}::uuid`);
    const ind = stored.rows[0]!.indicators;
    expect(ind.map((i) => i.name)).toEqual(['investment', 'start', 'completion', 'production', 'reporting', 'problems']);
    for (const i of ind) expect(i).not.toHaveProperty('threshold');
    const card = (await city.get(`/api/v1/cards/${cardOf.gap10}`)).json();
    expect(card.indicators.find((i: { name: string }) => i.name === 'investment').threshold)
      .toBe('差距≤0 个百分点 蓝；≤10 个百分点 黄；>10 个百分点 红（差距＝序时进度−年度投资完成率）');
    expect(card.indicators.find((i: { name: string }) => i.name === 'reporting').threshold).toBe('连续缺报 1 期 黄；连续缺报 2 期 红');
  });
});

describe('access', () => {
  it('only an office or admin whose scope holds the period may run it', async () => {
    expect((await dcf.post(`/api/v1/cards/run?periodId=${june}`)).statusCode).toBe(403);
    expect((await viewer.post(`/api/v1/cards/run?periodId=${june}`)).statusCode).toBe(403);
    expect((await zz.post(`/api/v1/cards/run?periodId=${june}`)).statusCode).toBe(404);
    expect((await city.post('/api/v1/cards/run?periodId=not-a-uuid')).statusCode).toBe(400);
  });

  it('a city office sets card rules; a county office reads its city\'s and may not save its own', async () => {
    const mine = (await city.get('/api/v1/card-rules')).json();
    expect(mine).toMatchObject({ regionCode: '371500', editable: true });
    const county = (await shen.get('/api/v1/card-rules')).json();
    expect(county).toMatchObject({ regionCode: '371522', editable: false });
    expect(county.current.rules).toEqual(mine.current.rules);
    const put = await shen.put('/api/v1/card-rules', { rules: county.current.rules, note: '县里自定规则' });
    expect(put.statusCode).toBe(403);
    expect(put.json().error.message).toContain('市级项目办');
    expect((await viewer.get('/api/v1/card-rules')).json().editable).toBe(false);
  });

  it('reads are limited to the caller’s region; a card outside it does not exist', async () => {
    const s = (await shen.get(`/api/v1/cards?periodId=${june}`)).json();
    expect(s.items.map((i: { projectId: string }) => i.projectId)).toEqual([P.shen]);
    expect((await shen.get(`/api/v1/cards/${cardOf.gap10}`)).statusCode).toBe(404);
    expect((await zz.get(`/api/v1/cards/${cardOf.gap10}`)).statusCode).toBe(404);
    expect((await shen.get(`/api/v1/projects/${P.gap10}/cards`)).statusCode).toBe(404);
    const v = await viewer.get(`/api/v1/cards/${cardOf.gap10}`);
    expect(v.statusCode).toBe(200);
    expect(v.json()).toMatchObject({ projectId: P.gap10, periodId: june, color: 'yellow', ruleVersion: 0, overrideColor: null, effectiveColor: 'yellow' });
  });

  it('overrides: office within scope only, reason required', async () => {
    expect((await viewer.post(`/api/v1/cards/${cardOf.miss2}/override`, { color: 'yellow', reason: '理由' })).statusCode).toBe(403);
    expect((await shen.post(`/api/v1/cards/${cardOf.miss2}/override`, { color: 'yellow', reason: '理由' })).statusCode).toBe(404);
    const noReason = await dcf.post(`/api/v1/cards/${cardOf.miss2}/override`, { color: 'yellow', reason: ' ' });
    expect(noReason.statusCode).toBe(400);
    expect(JSON.stringify(noReason.json())).toContain('请填写调整理由');
    // Left out altogether: the field is named and the message says it is required, in Chinese.
    const missing = await dcf.post(`/api/v1/cards/${cardOf.miss2}/override`, { color: 'yellow' });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().error.details).toEqual([{ field: 'reason', message: '此项为必填项，请填写' }]);
  });
});

describe('override', () => {
  it('keeps the computed card beside the override, audits both the override and its removal', async () => {
    const o = await dcf.post(`/api/v1/cards/${cardOf.miss2}/override`, { color: 'yellow', reason: '系统故障未能填报，已线下报送' });
    expect(o.statusCode, o.body).toBe(200);
    expect(o.json()).toMatchObject({ color: 'red', overrideColor: 'yellow', effectiveColor: 'yellow', overrideReason: '系统故障未能填报，已线下报送', overriddenBy: 'dcf' });
    const del = await dcf.request({ method: 'DELETE', url: `/api/v1/cards/${cardOf.miss2}/override`, payload: { reason: '核实后恢复' } });
    expect(del.statusCode, del.body).toBe(200);
    expect(del.json()).toMatchObject({ color: 'red', overrideColor: null, effectiveColor: 'red' });
    const again = await dcf.request({ method: 'DELETE', url: `/api/v1/cards/${cardOf.miss2}/override`, payload: { reason: '再次' } });
    expect(again.statusCode).toBe(409);
    const { rows } = await t.database.db.execute<{ action: string; note: string; before: { color: string }; after: { overrideColor: string | null } }>(sql`
      SELECT action, note, before, after FROM audit_log WHERE entity_type = 'card' AND entity_id = ${cardOf.miss2} ORDER BY id`);
    expect(rows.map((r) => r.action)).toEqual(['card.overridden', 'card.override_cleared']);
    expect(rows[0]!.note).toContain('系统故障未能填报');
    expect(rows[0]!.after.overrideColor).toBe('yellow');
    expect(rows[1]!.note).toContain('核实后恢复');
  });
});

describe('lists, rankings, summary, timeline', () => {
  it('red and yellow list by effective colour, ranked by score', async () => {
    const res = await viewer.get(`/api/v1/cards?periodId=${june}&color=red,yellow&sort=score&pageSize=100`);
    expect(res.statusCode, res.body).toBe(200);
    const items = res.json().items as { effectiveColor: string; score: number; rank: number }[];
    expect(items).toHaveLength(7);
    expect(items.every((i) => i.effectiveColor !== 'blue')).toBe(true);
    expect(items.map((i) => i.score)).toEqual([...items.map((i) => i.score)].sort((a, b) => a - b));
    const best = (await viewer.get(`/api/v1/cards?periodId=${june}&sort=-score&pageSize=3`)).json();
    expect(best.total).toBe(10);
    expect(best.items[0]).toMatchObject({ score: 100, rank: 1 });
    expect((await viewer.get(`/api/v1/cards?periodId=${june}&color=green`)).statusCode).toBe(400);
  });

  it('defaults to the latest period with cards', async () => {
    expect((await viewer.get('/api/v1/cards')).json()).toMatchObject({ periodId: june, periodLabel: '聊城市2024年6月', total: 10 });
  });

  it('summary counts by county, unit, industry, leader', async () => {
    const r = (await viewer.get(`/api/v1/cards/summary?periodId=${june}&groupBy=region`)).json();
    expect(r.total).toEqual({ blue: 3, yellow: 4, red: 3, total: 10 });
    expect(r.rows).toEqual([
      { key: '371502', label: '东昌府区', blue: 2, yellow: 4, red: 3, total: 9, avgScore: expect.any(Number) },
      { key: '371522', label: '莘县', blue: 1, yellow: 0, red: 0, total: 1, avgScore: 100 },
    ]);
    const ind = (await viewer.get(`/api/v1/cards/summary?periodId=${june}&groupBy=industry`)).json();
    expect(ind.rows).toEqual([expect.objectContaining({ key: 'chemicals', total: 10 })]);
    expect(ind.rows[0].label).not.toBe('chemicals');
    const lead = (await viewer.get(`/api/v1/cards/summary?periodId=${june}&groupBy=leader`)).json();
    expect(lead.rows).toEqual([expect.objectContaining({ key: 'none', label: '未填写', total: 10 })]);
    const shenSum = (await shen.get(`/api/v1/cards/summary?periodId=${june}&groupBy=unit`)).json();
    expect(shenSum.total).toEqual({ blue: 1, yellow: 0, red: 0, total: 1 });
  });

  it('a project’s timeline lists its cards newest first', async () => {
    const res = await dcf.get(`/api/v1/projects/${P.late3}/cards`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().items).toEqual([expect.objectContaining({ periodId: june, color: 'red', periodLabel: '2024年6月' })]);
  });
});
