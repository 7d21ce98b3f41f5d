import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { STAGES } from '../src/domain/enums.ts';
import exifr from 'exifr';
import { progressStatus, ratio, timeElapsed } from '../src/domain/kpi.ts';
import { periodCalendar } from '../src/domain/reporting.ts';
import { buildDemoData, DEMO_JOURNEY, DEMO_PROBLEM_JOURNEY, demoLogins, isDatabaseEmpty, seedDemo, type DemoLogin } from '../src/server/db/seed/demo.ts';
import { SUPERVISION_AS_OF } from '../src/server/db/seed/demo.cards.ts';
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

describe('reporting in 2024', () => {
  it('has the city’s settings and twelve monthly periods, January–November locked and December open', async () => {
    const [settings] = await q(`select cadence, deadline_day, progress_tolerance::float8 as tol, funds_ratio_limit::float8 as funds from reporting_settings where region_code = '371500'`);
    expect(settings).toEqual({ cadence: 'monthly', deadline_day: 25, tol: 0.05, funds: 3 });
    const periods = await q<{ month: number; status: string; startsOn: string; endsOn: string; deadline: string; late_close: boolean }>(`
      select month, status, starts_on as "startsOn", ends_on as "endsOn", deadline, (closed_at is not null and closed_at < deadline + 1) as late_close
        from reporting_periods where region_code = '371500' and year = 2024 order by month`);
    expect(periods).toHaveLength(12);
    for (const p of periods) {
      expect(p, `month ${p.month}`).toMatchObject({ ...periodCalendar('monthly', 2024, p.month, 1, 25), late_close: false });
      expect(p.status).toBe(p.month === 12 ? 'open' : 'closed');
    }
  });

  it('puts about a fifth of the projects ahead, half on schedule and a fifth lagging at the end of November, and a few never report', async () => {
    const rows = await q<{ plan: string; monthly: string[] | null; ytd: string; reports: number }>(`
      select a.planned_investment::text as plan, a.monthly::text[] as monthly,
             coalesce((select sum(r.investment) from progress_reports r where r.project_id = a.project_id and r.year = 2024 and r.month <= 11 and r.status = 'approved'), 0)::text as ytd,
             (select count(*)::int from progress_reports r where r.project_id = a.project_id) as reports
        from annual_plans a where a.year = 2024`);
    const count = { ahead: 0, on_schedule: 0, lagging: 0 };
    for (const r of rows) count[progressStatus(ratio(r.ytd, r.plan), timeElapsed(11, r.monthly), 0.05)!] += 1;
    const share = (n: number) => n / rows.length;
    expect(share(count.ahead)).toBeGreaterThanOrEqual(0.2);
    expect(share(count.ahead)).toBeLessThanOrEqual(0.25);
    expect(share(count.lagging)).toBeGreaterThanOrEqual(0.2);
    expect(share(count.lagging)).toBeLessThanOrEqual(0.25);
    expect(share(count.on_schedule)).toBeGreaterThanOrEqual(0.45);
    expect(share(count.on_schedule)).toBeLessThanOrEqual(0.6);
    const never = rows.filter((r) => r.reports === 0).length;
    expect(share(never)).toBeGreaterThanOrEqual(0.03);
    expect(share(never)).toBeLessThanOrEqual(0.05);
  });

  it('reports every active month of every reporting project, and nothing for a project outside an active stage', async () => {
    const [row] = await q<{ n: number; inactive: number; dup: number }>(`
      select count(*)::int as n,
             count(*) filter (where p.stage = 'reserve')::int as inactive,
             (select count(*)::int from (select project_id, period_id from progress_reports group by 1, 2 having count(*) > 1) d) as dup
        from progress_reports r join projects p on p.id = r.project_id`);
    expect(row!.n).toBeGreaterThan(3000);
    expect(row).toMatchObject({ inactive: 0, dup: 0 });
    const [gaps] = await q<{ n: number }>(`
      select count(*)::int as n from projects p
       where exists (select 1 from progress_reports r where r.project_id = p.id and r.month <= 11)
         and p.stage in ('construction', 'started') and p.actual_start < '2024-01-01'
         and (select count(*) from progress_reports r where r.project_id = p.id and r.month <= 11) <> 11`);
    expect(gaps!.n).toBe(0);
  });

  it('never takes cumulative investment above the total, keeps funds near investment and the report in its project’s region', async () => {
    const [over] = await q<{ n: number }>(`
      select count(*)::int as n from projects p
       where p.opening_investment + coalesce((select sum(r.investment) from progress_reports r where r.project_id = p.id), 0) > p.total_investment`);
    expect(over!.n).toBe(0);
    const [opening] = await q<{ n: number; wrong: number }>(`
      select count(*) filter (where opening_investment > 0)::int as n,
             count(*) filter (where (opening_investment > 0) <> (actual_start < '2024-01-01') or opening_funds_arrived > total_investment)::int as wrong from projects`);
    expect(opening!.n).toBeGreaterThan(30);
    expect(opening!.wrong).toBe(0);
    const [bad] = await q<{ funds: number; sum: number; negative: number; path: number; sources: number; texts: number }>(`
      select count(*) filter (where r.funds_arrived > 3 * r.investment)::int as funds,
             count(*) filter (where r.funds_arrived <> (select coalesce(sum(v::numeric), 0) from jsonb_each_text(r.funds_by_source) f(k, v)))::int as sum,
             count(*) filter (where r.investment < 0 or r.funds_arrived < 0)::int as negative,
             count(*) filter (where r.region_path <> p.region_path)::int as path,
             count(*) filter (where exists (select 1 from jsonb_object_keys(r.funds_by_source) k where not p.fund_sources ? k))::int as sources,
             count(*) filter (where length(r.progress_text) < 8)::int as texts
        from progress_reports r join projects p on p.id = r.project_id`);
    expect(bad).toEqual({ funds: 0, sum: 0, negative: 0, path: 0, sources: 0, texts: 0 });
    const [roadblocks] = await q<{ n: number }>(`select count(*)::int as n from progress_reports where roadblocks_text <> ''`);
    expect(roadblocks!.n).toBeGreaterThan(50);
  });

  it('approves January–November, with a history of who did what, a few corrections and one pending', async () => {
    const [row] = await q<{ not_approved: number; no_history: number; late: number; after_close: number }>(`
      select count(*) filter (where r.status <> 'approved')::int as not_approved,
             count(*) filter (where (select array_agg(e.action order by e.id) from report_events e where e.report_id = r.id)[1:3] <> array['saved', 'submitted', 'approved']::varchar[])::int as no_history,
             count(*) filter (where r.submitted_at > pe.deadline + 1)::int as late,
             count(*) filter (where r.reviewed_at > pe.closed_at)::int as after_close
        from progress_reports r join reporting_periods pe on pe.id = r.period_id where r.month <= 11`);
    expect(row!.not_approved).toBe(0);
    expect(row!.no_history).toBe(0);
    expect(row!.after_close).toBe(0);
    expect(row!.late).toBeGreaterThan(20);
    const actors = await q<{ username: string }>(`select distinct username from report_events order by 1`);
    expect(actors.map((a) => a.username)).toEqual(['office', 'owner', 'unit']);
    const corrections = await q<{ status: string; corrected: boolean; month: number; same: boolean; decided: string | null }>(`
      select c.status, r.corrected, r.month, (c.proposed->>'investment')::numeric = r.investment as same, u.username as decided
        from report_corrections c join progress_reports r on r.id = c.report_id left join users u on u.id = c.decided_by order by c.status`);
    const approved = corrections.filter((c) => c.status === 'approved');
    expect(approved.length).toBeGreaterThanOrEqual(3);
    for (const c of approved) expect(c).toMatchObject({ corrected: true, month: 11, same: true, decided: 'office' });
    expect(corrections.filter((c) => c.status === 'pending')).toEqual([{ status: 'pending', corrected: false, month: 11, same: false, decided: null }]);
  });

  it('has December open with approved, submitted, draft, returned and missing reports', async () => {
    const [row] = await q<{ active: number; approved: number; submitted: number; draft: number; returned: number; reasons: number }>(`
      select (select count(*)::int from projects where stage in ('preparation', 'started', 'construction', 'completed')) as active,
             count(*) filter (where status = 'approved')::int as approved, count(*) filter (where status = 'submitted')::int as submitted,
             count(*) filter (where status = 'draft')::int as draft, count(*) filter (where status = 'returned')::int as returned,
             count(*) filter (where status = 'returned' and return_reason is not null)::int as reasons
        from progress_reports where year = 2024 and month = 12`);
    const share = (n: number) => n / row!.active;
    expect(share(row!.approved)).toBeGreaterThan(0.35);
    expect(share(row!.approved)).toBeLessThan(0.45);
    expect(share(row!.submitted)).toBeGreaterThan(0.15);
    expect(share(row!.submitted)).toBeLessThan(0.25);
    expect(share(row!.draft)).toBeGreaterThan(0.06);
    expect(share(row!.draft)).toBeLessThan(0.14);
    expect(share(row!.returned)).toBeGreaterThan(0.02);
    expect(share(row!.returned)).toBeLessThan(0.08);
    expect(row!.reasons).toBe(row!.returned);
    const missing = 1 - share(row!.approved + row!.submitted + row!.draft + row!.returned);
    expect(missing).toBeGreaterThan(0.18);
    expect(missing).toBeLessThan(0.32);
  });

  it('records each 2024 start, completion and production in the report of its month, with the project’s actual date', async () => {
    const [row] = await q<{ due: number; missing: number }>(`
      select count(*)::int as due,
             count(*) filter (where not exists (
               select 1 from progress_reports r, jsonb_to_recordset(r.milestone_dates) md("milestoneId" uuid, "actualDate" date)
                where r.project_id = m.project_id and r.year = 2024 and r.month = extract(month from m.actual_date)
                  and md."milestoneId" = m.id and md."actualDate" = m.actual_date))::int as missing
        from project_milestones m join projects p on p.id = m.project_id
       where m.kind in ('start', 'completion', 'production') and m.actual_date >= '2024-01-01'
         and m.actual_date = case m.kind when 'start' then p.actual_start when 'completion' then p.actual_completion else p.actual_production end`);
    expect(row!.due).toBeGreaterThan(300);
    expect(row!.missing).toBe(0);
    const [mismatch] = await q<{ n: number }>(`
      select count(*)::int as n from project_milestones m join projects p on p.id = m.project_id
       where m.kind = 'start' and m.actual_date is distinct from p.actual_start`);
    expect(mismatch!.n).toBe(0);
  });

  it('has site photos with their EXIF time and position near the project', async () => {
    const photos = await q<{ content: Buffer; taken_at: Date; latitude: string; longitude: string; plat: string; plon: string; size: number }>(`
      select ph.content, ph.taken_at, ph.latitude, ph.longitude, ph.size, p.latitude as plat, p.longitude as plon
        from report_photos ph join projects p on p.id = ph.project_id`);
    expect(photos.length).toBeGreaterThanOrEqual(15);
    expect(photos.reduce((s, p) => s + p.size, 0)).toBeLessThan(200_000);
    for (const ph of photos.slice(0, 5)) {
      expect(ph.content.subarray(0, 2).toString('hex')).toBe('ffd8');
      const gps = await exifr.gps(ph.content);
      expect(gps.latitude).toBeCloseTo(Number(ph.latitude), 4);
      expect(gps.longitude).toBeCloseTo(Number(ph.longitude), 4);
      const exif = (await exifr.parse(ph.content, ['DateTimeOriginal'])) as { DateTimeOriginal: Date };
      expect(exif.DateTimeOriginal).toBeInstanceOf(Date);
    }
    for (const ph of photos) {
      expect(Math.abs(Number(ph.latitude) - Number(ph.plat))).toBeLessThan(0.005);
      expect(Math.abs(Number(ph.longitude) - Number(ph.plon))).toBeLessThan(0.005);
    }
  });

  it('gives the owner and the unit the journey: two projects to report in December, one returned, one draft', async () => {
    const codes = [...DEMO_JOURNEY.missing, DEMO_JOURNEY.returned, DEMO_JOURNEY.draft];
    const rows = await q<{ code: string; owner_ok: boolean; unit_ok: boolean; dec: string | null; earlier: number }>(`
      select p.code,
             p.owner_org_id = ow.org_id and p.region_path like (select path from regions where code = ow.region_code) || '%' as owner_ok,
             p.responsible_org_id = un.org_id and p.region_path like (select path from regions where code = un.region_code) || '%' as unit_ok,
             (select r.status from progress_reports r where r.project_id = p.id and r.month = 12) as dec,
             (select count(*)::int from progress_reports r where r.project_id = p.id and r.month <= 11 and r.status = 'approved') as earlier
        from projects p, users ow, users un
       where ow.username = 'owner' and un.username = 'unit' and p.code = any($1) order by array_position($1, p.code)`, [codes]);
    expect(rows.map((r) => [r.code, r.owner_ok, r.unit_ok, r.dec])).toEqual([
      [DEMO_JOURNEY.missing[0], true, true, null],
      [DEMO_JOURNEY.missing[1], true, true, null],
      [DEMO_JOURNEY.returned, true, true, 'returned'],
      [DEMO_JOURNEY.draft, true, true, 'draft'],
    ]);
    for (const r of rows) expect(r.earlier).toBeGreaterThan(0);
  });

  it('gives the same reports in a second build', () => {
    const a = buildDemoData('x').reporting;
    const b = buildDemoData('x').reporting;
    expect(b.reports).toEqual(a.reports);
    expect(b.photos.map((p) => p.content)).toEqual(a.photos.map((p) => p.content));
  });
});

describe('cards and supervision in 2024', () => {
  it('has a card for every expected project of each locked month, none for December', async () => {
    const rows = await q<{ month: number; cards: number; expected: number }>(`
      select c.month, count(*)::int as cards,
        (select count(distinct r.project_id)::int from progress_reports r where r.month = c.month) as expected
      from project_cards c group by c.month order by c.month`);
    expect(rows.map((r) => r.month)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
    for (const r of rows) expect(r.cards).toBeGreaterThanOrEqual(r.expected);
  });

  it('opens one order per red card, numbered by month, issued the day the period closed, due 15 days later', async () => {
    const [c] = await q<{ red: number; orders: number; unmatched: number; bad: number }>(`
      select (select count(*)::int from project_cards where coalesce(override_color, color) = 'red') as red,
        (select count(*)::int from supervision_orders) as orders,
        (select count(*)::int from supervision_orders o where not exists (select 1 from project_cards c
          where c.project_id = o.project_id and c.period_id = o.period_id and coalesce(c.override_color, c.color) = 'red')) as unmatched,
        (select count(*)::int from supervision_orders o join reporting_periods per on per.id = o.period_id
          where o.number !~ ('^聊督〔2024〕' || per.month || '-[0-9]{3}$')
             or (o.issued_at at time zone 'Asia/Shanghai')::date <> (per.closed_at at time zone 'Asia/Shanghai')::date
             or o.deadline <> (o.issued_at at time zone 'Asia/Shanghai')::date + 15) as bad`);
    expect(c!.orders).toBe(c!.red);
    expect(c!.orders).toBeGreaterThan(0);
    expect(c!.unmatched).toBe(0);
    expect(c!.bad).toBe(0);
  });

  it('has orders open, answered, accepted and returned, answered in time and decided by the office', async () => {
    const rows = await q<{ status: string; n: number; late: number; undecided: number }>(`
      select o.status, count(*)::int as n,
        count(*) filter (where o.responded_at is not null and (o.responded_at at time zone 'Asia/Shanghai')::date > o.deadline)::int as late,
        count(*) filter (where o.status in ('accepted', 'rejected') and (o.decided_by is distinct from u.id or o.decided_at < o.responded_at))::int as undecided
      from supervision_orders o, users u where u.username = 'office' group by o.status order by o.status`);
    expect(rows.map((r) => r.status)).toEqual(['accepted', 'open', 'rejected', 'responded']);
    for (const r of rows) expect(r.n).toBeGreaterThan(0);
    for (const r of rows) expect([r.late, r.undecided]).toEqual([0, 0]);
    const [after] = await q<{ n: number }>(`select count(*)::int as n from supervision_orders
      where greatest(issued_at, responded_at, decided_at) > '${SUPERVISION_AS_OF}T23:59:59+08:00'`);
    expect(after!.n).toBe(0);
  });

  it('lists two red cards running and overdue orders, and has talks recorded', async () => {
    const [e] = await q<{ twoRed: number; notTwoRed: number; overdue: number; notOverdue: number }>(`
      select count(*) filter (where a.reason = 'two_red')::int as "twoRed",
        count(*) filter (where a.reason = 'two_red' and not exists (
          select 1 from project_cards prev join reporting_periods pp on pp.id = prev.period_id join reporting_periods cur on cur.id = a.period_id
          where prev.project_id = a.project_id and pp.region_code = cur.region_code and pp.month = cur.month - 1
            and coalesce(prev.override_color, prev.color) = 'red'))::int as "notTwoRed",
        count(*) filter (where a.reason = 'overdue_order')::int as overdue,
        count(*) filter (where a.reason = 'overdue_order' and (o.status = 'accepted' or o.deadline >= (a.created_at at time zone 'Asia/Shanghai')::date))::int as "notOverdue"
      from accountability_entries a left join supervision_orders o on o.id = a.order_id`);
    expect(e!.twoRed).toBeGreaterThan(0);
    expect(e!.overdue).toBeGreaterThan(0);
    expect([e!.notTwoRed, e!.notOverdue]).toEqual([0, 0]);
    const held = await q<{ talk_date: string; participants: string; outcome: string; created: string }>(`
      select talk_date, participants, outcome, (created_at at time zone 'Asia/Shanghai')::date::text as created
      from accountability_entries where status = 'held'`);
    expect(held.length).toBeGreaterThan(0);
    for (const h of held) {
      expect(h.talk_date > h.created && h.talk_date <= SUPERVISION_AS_OF).toBe(true);
      expect(h.participants.length).toBeGreaterThan(5);
      expect(h.outcome.length).toBeGreaterThan(5);
    }
  });

  it('notified the unit and leader users of the orders, earlier months read', async () => {
    const rows = await q<{ username: string; n: number; unread: number }>(`
      select u.username, count(*)::int as n, count(*) filter (where n.read_at is null)::int as unread
      from notifications n join users u on u.id = n.user_id where n.entity_type = 'supervision_order' group by u.username order by u.username`);
    expect(rows.map((r) => r.username)).toEqual(['leader', 'unit']);
    for (const r of rows) expect(r.n).toBeGreaterThan(r.unread);
  });
});

describe('roadblocks in 2024', () => {
  it('60 over the categories and departments, mostly closed; levels and escalated events agree; three on the dispatch list', async () => {
    const [all] = await q<{ n: number; closed: number; cats: number; depts: number; counties: number }>(`
      select count(*)::int as n, count(*) filter (where status = 'closed')::int as closed, count(distinct category)::int as cats,
             count(distinct department_id)::int as depts, count(distinct split_part(region_path, '/', 3))::int as counties from problems`);
    expect(all).toMatchObject({ n: 60, cats: 10 });
    expect(all!.closed).toBeGreaterThan(30);
    expect(all!.depts).toBeGreaterThan(6);
    expect(all!.counties).toBeGreaterThan(3);
    const mismatched = await q(`
      select p.code from problems p
      where p.escalation_level <> (select count(*) from problem_events e where e.problem_id = p.id and e.action = 'escalated')`);
    expect(mismatched).toEqual([]);
    const levels = await q<{ level: number }>(`select distinct escalation_level as level from problems where status in ('open', 'accepted', 'reopened') order by 1`);
    expect(levels.map((l) => l.level)).toEqual([0, 1, 2, 3]);
    const [dispatch] = await q<{ n: number }>(`select count(*)::int as n from problems where escalation_level = 3 and status in ('open', 'accepted', 'reopened')`);
    expect(dispatch!.n).toBe(3);
  });

  it("the journey's roadblock: the department user's, raised by the unit, accept-by passed on Friday, not escalated", async () => {
    const [p] = await q<{ status: string; accept_due: string; escalation_level: number; dept_user: string; raiser: string }>(`
      select p.status, p.accept_due, p.escalation_level, du.username as dept_user, r.username as raiser
      from problems p join users du on du.org_id = p.department_id and du.role = 'department' join users r on r.id = p.raised_by
      where p.code = $1`, [DEMO_PROBLEM_JOURNEY.code]);
    expect(p).toEqual({ status: 'open', accept_due: '2024-11-29', escalation_level: 0, dept_user: 'department', raiser: 'unit' });
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
