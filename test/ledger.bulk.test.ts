// 10,000 rows through dry run, commit, export, re-import and a bulk update. Functional only: the
// times are printed for the record, never asserted (test machines vary too much).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, login, type Client, type TestApp } from './helpers/app.ts';
import { createUser, REGIONS, seedTestRegions } from './helpers/factories.ts';
import { buildLedger, upload, type LedgerRowIn } from './helpers/xlsx.ts';

const N = 10_000;
let t: TestApp;
let office: Client;
const q = async (text: string) => (await t.database.pool.query(text)).rows;
const timings: Record<string, number> = {};
async function timed<T>(label: string, f: () => Promise<T>): Promise<T> {
  const start = performance.now();
  const out = await f();
  timings[label] = Math.round(performance.now() - start);
  return out;
}

const regions = ['东昌府区', '莘县', '高唐县', '高新区'];
const levels = ['省级', '市级', '县级'];
const stages = ['储备', '前期', '开工', '在建'];
function row(i: number, totalInvestment: number): LedgerRowIn {
  const stage = stages[i % 4]!;
  return {
    code: `BULK-${String(i).padStart(5, '0')}`,
    name: `第${i}号重点项目（高端装备制造基地）`,
    region: regions[i % 4],
    owner: `聊城第${i % 500}号实业有限公司`,
    responsibleUnit: ['东昌府区人民政府', '莘县人民政府', '高唐县人民政府', '聊城高新区管委会', '市工业和信息化局'][i % 5],
    leader: `领导${i % 50}`,
    level: levels[i % 3],
    category: '产业类',
    industry: '机床及高端装备',
    constructionContent: '新建标准化厂房及配套设施，购置数控机床等设备',
    totalInvestment,
    annualPlan: Math.round(totalInvestment / 4),
    plannedStart: new Date(Date.UTC(2024, i % 12, 1 + (i % 28))),
    plannedCompletion: new Date(Date.UTC(2026, i % 12, 1)),
    stage,
    actualStart: stage === '开工' || stage === '在建' ? new Date(Date.UTC(2024, i % 12, 1 + (i % 28))) : null,
    longitude: 115.5 + (i % 1000) / 1000,
    latitude: 36.1 + (i % 500) / 1000,
    tags: i % 3 === 0 ? '招商引资、外资' : '新质生产力',
  };
}

beforeAll(async () => {
  t = await buildTestApp();
  await seedTestRegions(t.database.db);
  await createUser(t.database.db, { username: 'office1', role: 'office', regionCode: REGIONS.city.code });
  office = await login(t.app, 'office1');
});
afterAll(async () => {
  console.log(`ledger bulk timings (ms, ${N} rows, ${t.database.engine}):`, JSON.stringify(timings));
  await t.close();
});

describe(`a ledger of ${N} rows`, () => {
  it('dry-runs, commits, exports and re-imports with zero changes, then updates a tenth of it', async () => {
    const file = await timed('build file', () => buildLedger(Array.from({ length: N }, (_, i) => row(i, 1000 + i + 0.25))));
    const dry = await timed('dry run', () => upload(office, file));
    expect(dry.statusCode, dry.body.slice(0, 500)).toBe(200);
    expect(dry.json()).toMatchObject({ rowCount: N, toCreate: N, problemCount: 0 });
    expect(dry.json().newOrgs).toHaveLength(505);
    expect(dry.json().newPeople).toHaveLength(50);

    const commit = await timed('commit', () => upload(office, file, { dryRun: false }));
    expect(commit.statusCode, commit.body.slice(0, 500)).toBe(200);
    expect(await q(`select (select count(*) from projects)::int p, (select count(*) from annual_plans)::int a,
      (select count(*) from stage_transitions)::int s, (select count(*) from audit_log where action = 'project.imported')::int au`))
      .toEqual([{ p: N, a: N, s: N, au: N }]);

    const exported = await timed('export', () => office.get('/api/v1/ledger/export.xlsx'));
    expect(exported.statusCode).toBe(200);
    const again = await timed('re-import dry run', () => upload(office, exported.rawPayload));
    expect(again.json()).toMatchObject({ rowCount: N, unchanged: N, toUpdate: 0, toCreate: 0 });

    const changed = await buildLedger(Array.from({ length: N }, (_, i) => row(i, i % 10 === 0 ? 2000 + i : 1000 + i + 0.25)));
    const update = await timed('update commit (1,000 changed)', () => upload(office, changed, { dryRun: false }));
    expect(update.json()).toMatchObject({ toUpdate: N / 10, unchanged: N - N / 10 });
    expect(await q(`select total_investment, version from projects where code = 'BULK-00010'`)).toEqual([{ total_investment: '2010.0000', version: 2 }]);
  }, 600_000);
});
