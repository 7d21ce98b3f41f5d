// The demo city's 2024 as loaded on first start: a full year of monthly reports with the status
// mix the issue asks for, the cards and supervision orders they gave, and the year's roadblocks.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import exifr from 'exifr';
import { progressStatus, ratio, timeElapsed } from '../src/domain/kpi.ts';
import { periodCalendar } from '../src/domain/reporting.ts';
import { buildDemoData, DEMO_JOURNEY, DEMO_PROBLEM_JOURNEY, seedDemo } from '../src/server/db/seed/demo.ts';
import { SUPERVISION_AS_OF } from '../src/server/db/seed/demo.cards.ts';
import { escalate } from '../src/server/modules/problems/problems.escalation.ts';
import { buildTestApp, type TestApp } from './helpers/app.ts';

let t: TestApp;
const q = async <T = Record<string, unknown>>(text: string, params: unknown[] = []) =>
  (await t.database.pool.query(text, params)).rows as T[];

beforeAll(async () => {
  t = await buildTestApp();
  await seedDemo(t.database.db);
});
afterAll(() => t.close());

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

  it("the journey's roadblock: the department user's, raised by the unit, to be accepted on the demo's day, not escalated", async () => {
    const [p] = await q<{ status: string; accept_due: string; escalation_level: number; dept_user: string; raiser: string }>(`
      select p.status, p.accept_due, p.escalation_level, du.username as dept_user, r.username as raiser
      from problems p join users du on du.org_id = p.department_id and du.role = 'department' join users r on r.id = p.raised_by
      where p.code = $1`, [DEMO_PROBLEM_JOURNEY.code]);
    expect(p).toEqual({ status: 'open', accept_due: '2024-12-20', escalation_level: 0, dept_user: 'department', raiser: 'unit' });
    const [clock] = await q<{ value: string }>(`select value from app_settings where key = 'clock.asOf'`);
    expect(clock!.value).toBe('2024-12-20');
  });

  it("stands where the ladder puts it on the demo's day: the daily run on that day lifts nothing, a week later it does", async () => {
    const before = await q(`select code, escalation_level from problems order by code`);
    const onTheDay = await escalate(t.database.db, SUPERVISION_AS_OF);
    expect(onTheDay.escalated).toEqual([]);
    expect(onTheDay.overdueOrders).toBe(0);
    expect(await q(`select code, escalation_level from problems order by code`)).toEqual(before);
    const weekLater = await escalate(t.database.db, '2024-12-27');
    expect(weekLater.escalated.map((e) => e.code)).toContain(DEMO_PROBLEM_JOURNEY.code);
  });
});
