// The card run against the hand-made example of helpers/cards.ts: every boundary, the statistics'
// own figures, idempotent runs that keep overrides, versioned rules and their preview, the close
// hook and the command line.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { runCardsCommand } from '../src/server/cli/cards.ts';
import { buildTestApp, login, type Client, type TestApp } from './helpers/app.ts';
import { cardCount, EXPECTED, setUpCardsExample, type CardKey } from './helpers/cards.ts';

let t: TestApp;
let city: Client;
let P: Record<CardKey, string>;
let june = '';

type Card = {
  id: string; projectId: string; color: string; effectiveColor: string; score: number; ruleVersion: number; rank: number;
  indicators: { name: string; value: number | null; color: string | null; threshold: string; detail: string }[];
  overrideColor: string | null; overrideReason: string | null; computedAt: string;
};

async function cards(c: Client, qs = ''): Promise<Card[]> {
  const res = await c.get(`/api/v1/cards?periodId=${june}&pageSize=100${qs}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json().items;
}
const byProject = (list: Card[]) => Object.fromEntries(list.map((c) => [c.projectId, c]));

beforeAll(async () => {
  t = await buildTestApp();
  const ex = await setUpCardsExample(t.database.db);
  P = ex.P;
  june = ex.june;
  city = await login(t.app, 'city');
});
afterAll(() => t.close());

describe('closing the period runs the cards', () => {
  it('closing June makes one card per expected project, each boundary as the rules say', async () => {
    expect(await cardCount(t.database.db, june)).toBe(0);
    const res = await city.post(`/api/v1/periods/${june}/close`, {});
    expect(res.statusCode, res.body).toBe(200);
    const list = byProject(await cards(city));
    expect(Object.keys(list).sort()).toEqual(Object.keys(EXPECTED).map((k) => P[k as CardKey]).sort());
    for (const [k, color] of Object.entries(EXPECTED)) expect([k, list[P[k as CardKey]]!.color]).toEqual([k, color]);
    expect(list[P.gone]).toBeUndefined();
    expect(list[P.zz]).toBeUndefined();
  });

  it('explains each card: indicator values, thresholds, colours; indicators that do not apply have colour null', async () => {
    const list = byProject(await cards(city));
    const ind = (k: CardKey, name: string) => list[P[k]]!.indicators.find((i) => i.name === name)!;
    expect(ind('gap10', 'investment')).toMatchObject({ value: 0.1, color: 'yellow' });
    expect(ind('gap10', 'investment').threshold).toContain('10');
    expect(ind('gap10p', 'investment').color).toBe('red');
    expect(ind('gap0', 'investment')).toMatchObject({ value: 0, color: 'blue' });
    expect(ind('late3', 'investment')).toMatchObject({ value: null, color: null });
    expect(ind('late3', 'start')).toMatchObject({ value: 3, color: 'red' });
    expect(ind('late2', 'start').color).toBe('yellow');
    expect(ind('late2', 'start').value).toBeLessThan(3);
    expect(ind('gap0', 'start')).toMatchObject({ value: null, color: null });
    expect(ind('miss1', 'reporting')).toMatchObject({ value: 1, color: 'yellow' });
    expect(ind('miss2', 'reporting')).toMatchObject({ value: 2, color: 'red' });
    expect(ind('prob', 'problems')).toMatchObject({ value: 1, color: 'yellow' });
    expect(ind('probOk', 'problems')).toMatchObject({ value: 0, color: 'blue' });
    expect(list[P.gap0]!.score).toBe(100);
    // 100 × (40 × (1 − 0.1/0.3) + 20 + 10) / 70 — no milestone due, so 70 weights apply.
    expect(list[P.gap10]!.score).toBe(80.95);
    expect(list[P.gap10p]!.score).toBeLessThanOrEqual(list[P.gap10]!.score);
    expect(list[P.late3]!.score).toBeLessThan(list[P.late2]!.score);
  });

  it('the investment gap is the statistics API figure for the project and month', async () => {
    const res = await city.get('/api/v1/stats?region=371500&year=2024&month=6&groupBy=project');
    expect(res.statusCode, res.body).toBe(200);
    const rows = Object.fromEntries((res.json().rows as { key: string; gap: number | null }[]).map((r) => [r.key, r]));
    const list = byProject(await cards(city));
    for (const k of ['gap0', 'gap10', 'gap10p', 'shen'] as const) {
      const v = list[P[k]]!.indicators.find((i) => i.name === 'investment')!.value!;
      expect(v).toBeCloseTo(-rows[P[k]]!.gap!, 9);
    }
  });
});

describe('runs, overrides and rules', () => {
  it('a second run gives the same cards and keeps an override', async () => {
    const before = byProject(await cards(city));
    const card = before[P.gap10p]!;
    const o = await city.post(`/api/v1/cards/${card.id}/override`, { color: 'yellow', reason: '已追加投资，次月补报' });
    expect(o.statusCode, o.body).toBe(200);
    const run = await city.post(`/api/v1/cards/run?periodId=${june}`);
    expect(run.statusCode, run.body).toBe(200);
    expect(run.json()).toMatchObject({ periodId: june, ruleVersion: 0, counts: { blue: 3, yellow: 4, red: 3, total: 10 } });
    const after = byProject(await cards(city));
    for (const id of Object.keys(before)) {
      const { computedAt: _a, overrideColor: _b, overrideReason: _c, effectiveColor: _d, overriddenAt: _e, overriddenBy: _f, rank: _g, ...rest } = before[id] as Card & Record<string, unknown>;
      expect(after[id]).toMatchObject(rest);
    }
    expect(after[P.gap10p]).toMatchObject({ color: 'red', overrideColor: 'yellow', overrideReason: '已追加投资，次月补报', effectiveColor: 'yellow' });
    // Run once more: still the same number of cards.
    expect(await cardCount(t.database.db, june)).toBe(10);
  });

  it('the preview of a rule change shows the last closed period now and with the new rules, without saving', async () => {
    const rulesRes = await city.get('/api/v1/card-rules?regionCode=371500');
    expect(rulesRes.statusCode, rulesRes.body).toBe(200);
    const current = rulesRes.json().current;
    expect(current).toMatchObject({ version: 0, id: null });
    const rules = { ...current.rules, investment: { yellowAbove: 0, redAbove: 0.2 } };
    const res = await city.post('/api/v1/card-rules/preview', { regionCode: '371500', rules });
    expect(res.statusCode, res.body).toBe(200);
    const pv = res.json();
    expect(pv).toMatchObject({ periodId: june, now: { blue: 3, yellow: 4, red: 3, total: 10 }, proposed: { blue: 3, yellow: 5, red: 2, total: 10 } });
    expect(pv.changes).toEqual([expect.objectContaining({ projectId: P.gap10p, projectCode: 'C-gap10p', before: 'red', after: 'yellow' })]);
    expect((await city.get('/api/v1/card-rules?regionCode=371500')).json().history).toEqual([]);
  });

  it('saving rules adds a version; the next run records it', async () => {
    const current = (await city.get('/api/v1/card-rules')).json().current;
    const put = await city.put('/api/v1/card-rules', { rules: { ...current.rules, investment: { yellowAbove: 0, redAbove: 0.2 } }, note: '放宽投资红牌阈值' });
    expect(put.statusCode, put.body).toBe(200);
    expect(put.json()).toMatchObject({ regionCode: '371500', current: { version: 1, note: '放宽投资红牌阈值' } });
    expect(put.json().history).toHaveLength(1);
    const run = await city.post(`/api/v1/cards/run?periodId=${june}`);
    expect(run.json()).toMatchObject({ ruleVersion: 1, counts: { blue: 3, yellow: 5, red: 2 } });
    const list = byProject(await cards(city));
    expect(list[P.gap10p]).toMatchObject({ color: 'yellow', ruleVersion: 1, overrideColor: 'yellow' });
    expect(list[P.gap0]!.ruleVersion).toBe(1);
    // The threshold shown is the one of the version that made the card.
    expect(list[P.gap0]!.indicators.find((i) => i.name === 'investment')!.threshold).toContain('≤20 个百分点 黄；>20 个百分点 红');
    const bad = await city.put('/api/v1/card-rules', { rules: { ...current.rules, investment: { yellowAbove: 0.2, redAbove: 0.1 } }, note: 'x' });
    expect(bad.statusCode).toBe(400);
  });

  it('the command line prints the counts in Chinese', async () => {
    const log = vi.spyOn(console, 'log').mockImplementation(() => {});
    try {
      expect(await runCardsCommand(t.database.db, ['run', '--period', june, '--user', 'city'])).toBe(0);
      const out = log.mock.calls.map((c) => c.join(' ')).join('\n');
      expect(out).toContain('聊城市2024年6月亮牌评定完成（规则第 1 版）：共 10 个项目，红牌 2，黄牌 5，蓝牌 3');
    } finally {
      log.mockRestore();
    }
    const err = vi.spyOn(console, 'error').mockImplementation(() => {});
    try {
      expect(await runCardsCommand(t.database.db, ['run'])).toBe(2);
    } finally {
      err.mockRestore();
    }
  });
});
