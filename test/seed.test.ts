// The demo city as loaded on first start: the ledger's totals (Liaocheng 2024), regions, every
// project's file card, how seeding behaves, and the sign-ins printed on later starts. Its 2024
// reports, cards and roadblocks are checked in seed.reporting.test.ts.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { STAGES } from '../src/domain/enums.ts';
import { demoLogins, isDatabaseEmpty, seedDemo, type DemoLogin } from '../src/server/db/seed/demo.ts';
import { buildTestApp, type TestApp } from './helpers/app.ts';
import { createTestDatabase } from './helpers/db.ts';

let t: TestApp;
let logins: DemoLogin[];
let emptyBefore: boolean;
const q = async <T = Record<string, unknown>>(text: string, params: unknown[] = []) =>
  (await t.database.pool.query(text, params)).rows as T[];

beforeAll(async () => {
  t = await buildTestApp();
  emptyBefore = await isDatabaseEmpty(t.database.db);
  logins = await seedDemo(t.database.db);
});
afterAll(() => t.close());

describe('demo city totals', () => {
  it('has exactly 400 projects worth exactly 30,000,000 万元', async () => {
    const [row] = await q<{ n: number; total: string }>(`select count(*)::int as n, sum(total_investment)::text as total from projects`);
    expect(row!.n).toBe(400);
    const [exact] = await q<{ ok: boolean }>(`select sum(total_investment) = 30000000::numeric as ok from projects`);
    expect(exact!.ok).toBe(true);
    expect(row!.total).toMatch(/^30000000(\.0+)?$/);
  });

  it('has the autumn 2024 groundbreaking: 194 projects, exactly 10,430,000 万元, with a main venue among them', async () => {
    const [b] = await q<{ id: string; kind: string; season: string; level: string; event_date: string; main_project_id: string; region_path: string }>(
      `select * from batches where name = '2024年秋季全市重点项目集中开工'`,
    );
    expect(b).toMatchObject({ kind: 'groundbreaking', season: 'autumn', level: 'municipal', event_date: '2024-09-26', region_path: '370000/371500/' });
    const [sum] = await q<{ n: number; ok: boolean; has_main: boolean }>(
      `select count(*)::int as n, sum(p.total_investment) = 10430000::numeric as ok, bool_or(p.id = $2) as has_main
         from batch_projects bp join projects p on p.id = bp.project_id where bp.batch_id = $1`,
      [b!.id, b!.main_project_id],
    );
    expect(sum).toEqual({ n: 194, ok: true, has_main: true });
  });

  it('has the spring groundbreaking, the signing event and next spring, and puts a project in two events only when signed first', async () => {
    const rows = await q<{ name: string; kind: string; n: number }>(
      `select b.name, b.kind, count(bp.project_id)::int as n from batches b join batch_projects bp on bp.batch_id = b.id group by b.id order by b.event_date`,
    );
    expect(rows.map((r) => r.kind)).toEqual(['groundbreaking', 'signing', 'groundbreaking', 'groundbreaking']);
    expect(rows[0]!.n).toBeGreaterThanOrEqual(100);
    const twice = await q<{ kinds: string[] }>(
      `select array_agg(b.kind order by b.event_date) as kinds from batch_projects bp join batches b on b.id = bp.batch_id
        group by bp.project_id having count(*) > 1`,
    );
    expect(twice.length).toBeGreaterThan(0);
    for (const r of twice) expect(r.kinds).toEqual(['signing', 'groundbreaking']);
  });

  it('writes the reserve, preparation and every later stage, all valid', async () => {
    const rows = await q<{ stage: string; n: number }>(`select stage, count(*)::int as n from projects group by stage`);
    for (const r of rows) expect(STAGES).toContain(r.stage);
    const stages = rows.map((r) => r.stage);
    for (const s of ['reserve', 'preparation', 'started', 'construction', 'completed', 'production', 'paused']) expect(stages).toContain(s);
    const [levels] = await q<{ provincial: number }>(`select count(*) filter (where level = 'provincial')::int as provincial from projects`);
    expect(levels!.provincial).toBe(60);
  });
});

describe('regions', () => {
  it('has Liaocheng’s eight counties and three parks under the city, with their paths', async () => {
    const rows = await q<{ code: string; name: string; parent_code: string; path: string; level: string }>(
      `select code, name, parent_code, path, level from regions where parent_code = '371500' order by code`,
    );
    expect(rows.map((r) => r.name)).toEqual([
      '东昌府区', '茌平区', '阳谷县', '莘县', '东阿县', '冠县', '高唐县', '聊城经济技术开发区', '聊城高新技术产业开发区', '江北水城旅游度假区', '临清市',
    ]);
    for (const r of rows) expect(r.path).toBe(`370000/371500/${r.code}/`);
    expect(rows.filter((r) => r.level === 'park').map((r) => r.code)).toEqual(['371571', '371572', '371573']);
    const [province] = await q<{ n: number }>(`select count(*)::int as n from regions where path like '370000/%' and level = 'city'`);
    expect(province!.n).toBe(16);
  });

  it('gives every project and batch its region’s path', async () => {
    const [bad] = await q<{ n: number }>(
      `select count(*)::int as n from projects p join regions r on r.code = p.region_code where p.region_path <> r.path`,
    );
    expect(bad!.n).toBe(0);
    const [badBatch] = await q<{ n: number }>(`select count(*)::int as n from batches b join regions r on r.code = b.region_code where b.region_path <> r.path`);
    expect(badBatch!.n).toBe(0);
  });
});

describe('each project', () => {
  it('has exactly one lead leader, who is a leader and heads its team', async () => {
    const [row] = await q<{ missing: number; wrong: number; not_leader: number }>(`
      select count(*) filter (where p.leader_person_id is null)::int as missing,
             count(*) filter (where (select count(*) from project_team_members m where m.project_id = p.id and m.role = 'leader') <> 1
                              or not exists (select 1 from project_team_members m where m.project_id = p.id and m.role = 'leader' and m.person_id = p.leader_person_id))::int as wrong,
             count(*) filter (where not pe.is_leader)::int as not_leader
        from projects p left join people pe on pe.id = p.leader_person_id`);
    expect(row).toEqual({ missing: 0, wrong: 0, not_leader: 0 });
    const [leaders] = await q<{ n: number }>(`select count(*)::int as n from people where is_leader`);
    expect(leaders!.n).toBeGreaterThanOrEqual(35);
  });

  it('has a special team with a specialist, a member and a contact with a phone', async () => {
    const [row] = await q<{ n: number }>(`
      select count(*)::int as n from projects p where
        not exists (select 1 from project_team_members m where m.project_id = p.id and m.role = 'specialist')
        or not exists (select 1 from project_team_members m where m.project_id = p.id and m.role = 'member')
        or not exists (select 1 from project_team_members m where m.project_id = p.id and m.role = 'contact' and m.phone ~ '^1[0-9]{2}-[0-9]{4}-[0-9]{4}$')`);
    expect(row!.n).toBe(0);
  });

  it('has fund sources adding up exactly to its total investment', async () => {
    const [row] = await q<{ n: number }>(`
      select count(*)::int as n from projects p
       where (select coalesce(sum(v::numeric), 0) from jsonb_each_text(p.fund_sources) as f(k, v)) <> p.total_investment
          or exists (select 1 from jsonb_object_keys(p.fund_sources) k where k not in ('government', 'specialBonds', 'bankLoans', 'selfRaised', 'other'))`);
    expect(row!.n).toBe(0);
  });

  it('has a dated stage history ending in its current stage, and actual dates matching the stage', async () => {
    const [row] = await q<{ n: number }>(`
      select count(*)::int as n from projects p
       where (select t.to_stage from stage_transitions t where t.project_id = p.id order by t.date desc, t.id desc limit 1) is distinct from p.stage
          or (select max(t.date) from stage_transitions t where t.project_id = p.id) is distinct from p.stage_date
          or (p.stage in ('started', 'construction', 'completed', 'production', 'paused')) <> (p.actual_start is not null)
          or (p.stage in ('completed', 'production')) <> (p.actual_completion is not null)
          or (p.stage = 'production') <> (p.actual_production is not null)
          or p.actual_start > '2024-11-30' or p.actual_completion < p.actual_start`);
    expect(row!.n).toBe(0);
  });

  it('has every procedure done before the start of a started project, with a document number', async () => {
    const [row] = await q<{ n: number }>(`
      select count(*)::int as n from project_procedures pr join projects p on p.id = pr.project_id
       where p.actual_start is not null and (pr.status not in ('done', 'not_required')
          or (pr.status = 'done' and (pr.actual_date >= p.actual_start or pr.document_no is null)))`);
    expect(row!.n).toBe(0);
    const [names] = await q<{ n: number }>(`select count(distinct name)::int as n from project_procedures`);
    expect(names!.n).toBe(7);
  });

  it('has annual plans whose monthly splits add up exactly, and that never exceed the total', async () => {
    const [split] = await q<{ with_monthly: number; bad: number }>(`
      select count(*)::int as with_monthly,
             count(*) filter (where array_length(monthly, 1) <> 12 or (select sum(m) from unnest(monthly) m) <> planned_investment)::int as bad
        from annual_plans where monthly is not null`);
    expect(split!.with_monthly).toBeGreaterThan(80);
    expect(split!.bad).toBe(0);
    const [over] = await q<{ n: number }>(`
      select count(*)::int as n from projects p where (select sum(a.planned_investment) from annual_plans a where a.project_id = p.id) > p.total_investment`);
    expect(over!.n).toBe(0);
    const [years] = await q<{ y2024: number; y2025: number; y2026: number }>(`
      select count(*) filter (where year = 2024)::int as y2024, count(*) filter (where year = 2025)::int as y2025, count(*) filter (where year = 2026)::int as y2026 from annual_plans`);
    expect(years!.y2024).toBeGreaterThanOrEqual(380);
    expect(years!.y2025).toBeGreaterThan(100);
    expect(years!.y2026).toBeGreaterThan(20);
  });

  it('is found by its pinyin search text', async () => {
    const [row] = await q<{ n: number }>(`select count(*)::int as n from projects where search_text not like lower(code) || ' %'`);
    expect(row!.n).toBe(0);
  });
});

describe('seeding', () => {
  it('only seeds an empty database, and records it in the audit log', async () => {
    expect(emptyBefore).toBe(true);
    expect(await isDatabaseEmpty(t.database.db)).toBe(false);
    const rows = await q<{ action: string; entity_type: string }>(`select action, entity_type from audit_log where action = 'seed.demo'`);
    expect(rows).toEqual([{ action: 'seed.demo', entity_type: 'system' }]);
  });

  it('gives the same ledger in a second fresh database', async () => {
    const other = await createTestDatabase();
    try {
      await seedDemo(other.db);
      const sqlText = `select code, name, total_investment::text, stage, region_code, leader_person_id from projects order by code`;
      const [a, b] = await Promise.all([t.database.pool.query(sqlText), other.pool.query(sqlText)]);
      expect(b.rows).toEqual(a.rows);
      // Cards, orders (with their answers) and the accountability list come out the same too.
      const supervision = `select o.number, p.code, o.status, o.deadline, o.issued_at, o.responded_at, o.decided_at, o.response,
          (select string_agg(a.reason || ':' || a.status || ':' || coalesce(a.talk_date::text, ''), ',' order by a.reason) from accountability_entries a where a.order_id = o.id) as entries
        from supervision_orders o join projects p on p.id = o.project_id order by o.number`;
      const cards = `select p.code, c.month, c.color, c.score::text from project_cards c join projects p on p.id = c.project_id order by p.code, c.month`;
      for (const text of [supervision, cards]) {
        const [x, y] = await Promise.all([t.database.pool.query(text), other.pool.query(text)]);
        expect(y.rows).toEqual(x.rows);
      }
    } finally {
      await other.close();
    }
  }, 120_000); // a whole second demo city (cards and supervision included) on a busy machine

  it('returns one sign-in per role, and each one signs in', async () => {
    expect(logins.map((l) => l.role).sort()).toEqual(['admin', 'auditor', 'department', 'leader', 'office', 'owner', 'unit', 'viewer']);
    for (const l of logins) {
      const res = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: l.username, password: l.password } });
      expect(res.statusCode, l.username).toBe(200);
      expect(res.json().user).toMatchObject({ role: l.role, regionName: l.regionName, displayName: l.displayName });
    }
    expect(await demoLogins(t.database.db)).toEqual(logins);
  });

  it('links the unit, owner, leader and department users to who they act for', async () => {
    const rows = await q<{ username: string; region_code: string; org: string | null; person_projects: number; org_projects: number }>(`
      select u.username, u.region_code, o.name as org,
             (select count(*)::int from projects p where p.leader_person_id = u.person_id) as person_projects,
             (select count(*)::int from projects p where p.owner_org_id = u.org_id and p.region_code = u.region_code) as org_projects
        from users u left join organizations o on o.id = u.org_id order by u.username`);
    const by = Object.fromEntries(rows.map((r) => [r.username, r]));
    expect(by.unit).toMatchObject({ region_code: '371522', org: '莘县人民政府' });
    expect(by.department).toMatchObject({ region_code: '371500', org: '聊城市自然资源和规划局' });
    expect(by.owner!.org_projects).toBeGreaterThanOrEqual(2);
    expect(by.leader!.person_projects).toBeGreaterThanOrEqual(5);
    expect(by.admin).toMatchObject({ region_code: '371500', org: null });
  });
});

describe('demo sign-ins on later starts', () => {
  it('leaves out a demo user who can no longer sign in with the demo password', async () => {
    await q(`update users set disabled = true where username = 'viewer'`);
    await q(`update users set password_hash = 'changed' where username = 'auditor'`);
    const names = (await demoLogins(t.database.db)).map((l) => l.username);
    expect(names).toEqual(['admin', 'office', 'unit', 'owner', 'leader', 'department']);
  });
});
