// A full 2024 of monthly progress reports (调度填报) for the demo city: the city's reporting
// settings, twelve monthly periods (January–November locked, December open), one report per
// active project and month following its annual plan at its own pace — so that by the end of
// November about a fifth of the projects are ahead, half on schedule, a fifth lagging and a few
// never report — with the history of every report, a few corrections, and some site photos.
// Built in memory from fixed seeds like the rest of the demo; written with one statement per slice.
import { sql } from 'drizzle-orm';
import { ACTIVE_STAGES } from '../../../domain/lifecycle.ts';
import type { Stage } from '../../../domain/enums.ts';
import { progressStatus, timeElapsed, type ProgressStatus } from '../../../domain/kpi.ts';
import { checkReport, FUND_SOURCES, fundsTotal, periodCalendar } from '../../../domain/reporting.ts';
import type { DbOrTx } from '../client.ts';
import type { annualPlans, projectMilestones } from '../schema/index.ts';
import { SEASON, spentBefore2024 } from './demo.plans.ts';
import { addDays, chunks, demoId, monthEnd, Rng } from './demo.prng.ts';
import type { DemoProject } from './demo.projects.ts';
import { areaPath, CITY_CODE, CITY_PATH } from './demo.regions.ts';
import { CORRECTION_REASONS, progressText, RETURN_REASONS, roadblocksText, type ProgressFacts } from './demo.reports.text.ts';
import { sitePhoto, type Scene } from './demo.reports.photos.ts';

/** The projects the browser journey works on: the demo owner's projects in the unit's county. */
export const DEMO_JOURNEY = {
  owner: 'owner',
  unit: 'unit',
  /** December 2024 not reported yet: the owner files one, the unit returns and approves it. */
  missing: ['LC2024-0139', 'LC2024-0158'],
  /** December 2024 returned by the unit with a reason. */
  returned: 'LC2024-0129',
  /** December 2024 saved as a draft. */
  draft: 'LC2024-0151',
  year: 2024,
  month: 12,
} as const;

export const REPORTING_SETTINGS = { cadence: 'monthly', deadlineDay: 25, progressTolerance: 0.05, fundsRatioLimit: 3 } as const;
/** How many of the demo city's projects never file a report in 2024. */
export const NEVER_REPORTING = 12;

const YEAR = 2024;
const MONTHS = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12] as const;
const CAMERAS = [['HUAWEI', 'Mate 60 Pro'], ['Xiaomi', 'Xiaomi 14'], ['OPPO', 'Find X7'], ['vivo', 'X100'], ['Apple', 'iPhone 15']] as const;

type PlanRow = typeof annualPlans.$inferInsert;
type MilestoneRow = typeof projectMilestones.$inferInsert;
type Money = Record<string, string>;
type Status = 'draft' | 'submitted' | 'approved' | 'returned';

interface Actor {
  id: string;
  username: string;
}

export interface ReportingInput {
  projects: DemoProject[];
  plans: PlanRow[];
  milestones: MilestoneRow[];
  users: { id?: string; username: string; orgId?: string | null }[];
}

interface Figures {
  investment: number;
  funds: Money;
  progressText: string;
  roadblocksText: string;
  milestoneDates: { milestoneId: string; actualDate: string }[];
}

const mm = (m: number) => String(m).padStart(2, '0');
/** A moment in Liaocheng's time zone. */
const at = (date: string, minutes: number) =>
  `${date}T${mm(Math.floor(minutes / 60))}:${mm(minutes % 60)}:00+08:00`;
const workMinutes = (rng: Rng) => rng.int(8 * 60 + 30, 17 * 60 + 30);
const later = (a: string, b: string) => (a > b ? a : b);
const sumMoney = (m: Money) => Object.values(m).reduce((s, v) => s + Number(v), 0);

/** Everything the reporting part of the demo writes, plus the projects' opening balances. */
export function buildReports(input: ReportingInput) {
  const rng = new Rng('demo:reports');
  const user = (name: string): Actor & { orgId: string | null } => {
    const u = input.users.find((x) => x.username === name);
    if (!u?.id) throw new Error(`demo user missing: ${name}`);
    return { id: u.id, username: u.username, orgId: u.orgId ?? null };
  };
  const office = user('office');
  const unit = user('unit');
  const owner = user('owner');
  const filerOf = (p: DemoProject): Actor => (p.owner.id === owner.orgId ? owner : p.unit.id === unit.orgId ? unit : office);
  const reviewerOf = (p: DemoProject): Actor => (p.unit.id === unit.orgId ? unit : office);

  // ── periods ──
  const periods = MONTHS.map((m) => {
    const cal = periodCalendar('monthly', YEAR, m, 1, REPORTING_SETTINGS.deadlineDay);
    const closed = m < 12;
    return {
      id: demoId('period', `${CITY_CODE}:${YEAR}-${mm(m)}`),
      region_code: CITY_CODE, region_path: CITY_PATH, cadence: 'monthly', year: YEAR, month: m, seq: 1,
      starts_on: cal.startsOn, ends_on: cal.endsOn, deadline: cal.deadline, status: closed ? 'closed' : 'open',
      opened_by: office.id, opened_at: at(addDays(cal.startsOn, 1), 9 * 60),
      closed_by: closed ? office.id : null, closed_at: closed ? at(addDays(cal.endsOn, 4), 10 * 60) : null,
    };
  });

  // ── each project's year ──
  const planOf = new Map(input.plans.filter((r) => r.year === YEAR).map((r) => [r.projectId, r]));
  const milestonesOf = new Map<string, MilestoneRow[]>();
  for (const r of input.milestones) milestonesOf.set(r.projectId, [...(milestonesOf.get(r.projectId) ?? []), r]);
  const openings = new Map<string, { investment: number; funds: number }>();

  const years = input.projects.flatMap((p) => {
    const plan = planOf.get(p.id);
    const opening = spentBefore2024(p);
    openings.set(p.id, { investment: opening, funds: opening === 0 ? 0 : Math.round(opening * rng.range(0.85, 1)) });
    const active = MONTHS.filter((m) => activeIn(p, m));
    if (!plan || active.length === 0) return [];
    const reached = (milestonesOf.get(p.id) ?? []).filter((r) => r.actualDate?.startsWith(`${YEAR}-`));
    return [{ p, plan: Number(plan.plannedInvestment), monthly: plan.monthly ?? null, opening, active, reached }];
  });
  const journeyCodes: readonly string[] = [...DEMO_JOURNEY.missing, DEMO_JOURNEY.returned, DEMO_JOURNEY.draft];
  for (const code of journeyCodes) {
    const y = years.find((x) => x.p.code === code);
    if (!y || y.p.owner.id !== owner.orgId || y.p.unit.id !== unit.orgId || !y.active.includes(12)) {
      throw new Error(`demo journey project ${code} must be the demo owner's, in the unit's county, and report in December`);
    }
  }

  // Who never reports: projects with nothing to record this year, outside the journey.
  const never = new Set(
    rng.shuffle(years.filter((y) => y.reached.length === 0 && y.active.length >= 6 && !journeyCodes.includes(y.p.code) && !y.p.mainVenue))
      .slice(0, NEVER_REPORTING).map((y) => y.p.id),
  );

  // Pace at the end of November: lagging (paused and stalled projects first), ahead where the
  // project's remaining investment leaves room, the rest on schedule.
  const n = years.length;
  const reporting = rng.shuffle(years.filter((y) => !never.has(y.p.id)));
  const lagTarget = Math.round(n * 0.235) - never.size;
  const aheadTarget = Math.round(n * 0.225);
  const pace = new Map<string, ProgressStatus>();
  const elapsedOf = (y: (typeof years)[number]) => timeElapsed(11, y.monthly);
  const decShareOf = (y: (typeof years)[number]) => (y.monthly ? Number(y.monthly[11]) / y.plan : 1 / 12);
  const roomOf = (y: (typeof years)[number]) => y.p.amount - y.opening;
  const forcedLag = reporting.filter((y) => y.p.track === 'paused' || y.p.track === 'lagging');
  for (const y of [...forcedLag, ...reporting]) if (pace.size < lagTarget && !pace.has(y.p.id)) pace.set(y.p.id, 'lagging');
  let ahead = 0;
  for (const y of reporting) {
    if (ahead >= aheadTarget || pace.has(y.p.id)) continue;
    if (roomOf(y) >= y.plan * (elapsedOf(y) + 0.14 + decShareOf(y) * 1.2)) {
      pace.set(y.p.id, 'ahead');
      ahead += 1;
    }
  }
  for (const y of reporting) if (!pace.has(y.p.id)) pace.set(y.p.id, 'on_schedule');

  // December: the owner's projects as the journey needs them; the rest a realistic mix.
  const decActive = years.filter((y) => y.active.includes(12));
  const december = new Map<string, Status | 'missing'>();
  for (const code of DEMO_JOURNEY.missing) december.set(years.find((y) => y.p.code === code)!.p.id, 'missing');
  december.set(years.find((y) => y.p.code === DEMO_JOURNEY.returned)!.p.id, 'returned');
  december.set(years.find((y) => y.p.code === DEMO_JOURNEY.draft)!.p.id, 'draft');
  for (const y of decActive) if (never.has(y.p.id)) december.set(y.p.id, 'missing');
  const quota: [Status, number][] = [
    ['approved', Math.round(decActive.length * 0.4)],
    ['submitted', Math.round(decActive.length * 0.2)],
    ['draft', Math.round(decActive.length * 0.1) - 1],
    ['returned', Math.round(decActive.length * 0.05) - 1],
  ];
  const open = rng.shuffle(decActive.filter((y) => !december.has(y.p.id)));
  for (const [status, count] of quota) for (const y of open.splice(0, count)) december.set(y.p.id, status);
  for (const y of open) december.set(y.p.id, 'missing');

  // ── reports ──
  const reports: Record<string, unknown>[] = [];
  const events: Record<string, unknown>[] = [];
  const corrections: Record<string, unknown>[] = [];
  const photos: Record<string, unknown>[] = [];
  const novReports: { y: (typeof years)[number]; id: string; figures: Figures; room: number; filer: Actor }[] = [];
  const photoSlots: { y: (typeof years)[number]; reportId: string; month: number; savedAt: string; filer: Actor; done: number }[] = [];

  for (const y of years) {
    if (never.has(y.p.id)) continue;
    const { p } = y;
    const status = pace.get(y.p.id)!;
    const elapsed = elapsedOf(y);
    const room = roomOf(y);
    // The share of the annual plan done by the end of November.
    let rate = status === 'ahead'
      ? elapsed + rng.range(0.09, 0.22)
      : status === 'on_schedule' ? elapsed + rng.range(-0.035, 0.035) : elapsed - rng.range(0.1, 0.45);
    rate = Math.max(0.03, Math.min(rate, (room - y.plan * decShareOf(y) * 0.6) / y.plan));
    let ytd = Math.round(y.plan * rate);
    ytd = fitStatus(ytd, y.plan, elapsed, status);
    const months11 = y.active.filter((m) => m <= 11);
    const amounts = spread(rng, y, months11, ytd);
    const decStatus = december.get(p.id);
    const decAmount = decStatus && decStatus !== 'missing'
      ? Math.min(room - ytd, Math.round(y.plan * decShareOf(y) * Math.min(1.4, Math.max(0.4, rate / elapsed)) * rng.range(0.8, 1.2)))
      : 0;
    if (decStatus && decStatus !== 'missing') amounts.set(12, Math.max(0, decAmount));

    const filer = filerOf(p);
    const reviewer = reviewerOf(p);
    let cumulative = y.opening;
    for (const m of [...amounts.keys()].sort((a, b) => a - b)) {
      const investment = amounts.get(m)!;
      const cumulativeBefore = cumulative;
      cumulative += investment;
      const reachedNow = y.reached.filter((r) => r.actualDate!.slice(5, 7) === mm(m));
      const facts: ProgressFacts = {
        stage: stageOn(p, monthEnd(`${YEAR}-${mm(m)}-01`)) as ProgressFacts['stage'],
        category: p.category, industry: p.industry, done: cumulative / p.amount,
        reached: reachedNow.map((r) => ({ kind: r.kind ?? 'other', date: r.actualDate! })),
      };
      const figures: Figures = {
        investment,
        funds: fundsFor(rng, p.fundSources, investment),
        progressText: progressText(rng, facts),
        roadblocksText: roadblocksText(rng, status === 'lagging'),
        milestoneDates: reachedNow.map((r) => ({ milestoneId: r.id!, actualDate: r.actualDate! })),
      };
      const issues = checkReport(
        { investment: String(investment), fundsBySource: figures.funds, milestoneDates: figures.milestoneDates },
        { totalInvestment: String(p.amount), cumulativeBefore: String(cumulativeBefore), today: '2024-12-31', fundsRatioLimit: REPORTING_SETTINGS.fundsRatioLimit },
      );
      if (issues.length) throw new Error(`demo report ${p.code} ${YEAR}-${mm(m)}: ${issues.map((i) => i.message).join('; ')}`);

      const period = periods[m - 1]!;
      const id = demoId('report', `${p.code}:${YEAR}-${mm(m)}`);
      const st: Status = m === 12 ? (decStatus as Status) : 'approved';
      const latestMilestone = figures.milestoneDates.reduce((d, x) => later(d, x.actualDate), '');
      const steps = workflow(rng, st, period.starts_on, period.deadline, latestMilestone, m === 12);
      let version = 0;
      const snapshot = (s: Status, f: Figures) => ({ status: s, version, ...snapshotOf(f) });
      const log = (action: string, who: Actor, when: string, s: Status, f: Figures, reason: string | null = null) => {
        version += 1;
        events.push({ report_id: id, action, user_id: who.id, username: who.username, at: when, reason, snapshot: snapshot(s, f) });
      };
      log('saved', filer, steps.saved, 'draft', figures);
      if (steps.submitted) log('submitted', filer, steps.submitted, 'submitted', figures);
      let returnReason: string | null = null;
      if (st === 'returned') {
        returnReason = rng.pick(RETURN_REASONS);
        log('returned', reviewer, steps.reviewed!, 'returned', figures, returnReason);
      } else if (st === 'approved') log('approved', reviewer, steps.reviewed!, 'approved', figures);
      const last = steps.reviewed ?? steps.submitted ?? steps.saved;
      reports.push({
        id, project_id: p.id, period_id: period.id, region_path: areaPath(p.area.code), year: YEAR, month: m, status: st,
        ...rowFigures(figures), version, corrected: false, return_reason: returnReason,
        created_by: filer.id, created_at: steps.saved, updated_by: steps.reviewed ? reviewer.id : filer.id, updated_at: last,
        submitted_by: steps.submitted ? filer.id : null, submitted_at: steps.submitted,
        reviewed_by: steps.reviewed ? reviewer.id : null, reviewed_at: steps.reviewed,
      });
      if (m === 11) novReports.push({ y, id, figures, room: p.amount - cumulative - (amounts.get(12) ?? 0), filer });
      if ((m === 11 || m === 12) && facts.stage !== 'preparation') photoSlots.push({ y, reportId: id, month: m, savedAt: steps.saved, filer, done: facts.done });
    }
  }

  addCorrections(rng, { novReports, reports, events, corrections, office, journeyCodes });
  addPhotos(rng, { photoSlots, photos, journeyCodes });

  return {
    settings: [{
      region_code: CITY_CODE, cadence: REPORTING_SETTINGS.cadence, deadline_day: REPORTING_SETTINGS.deadlineDay,
      progress_tolerance: String(REPORTING_SETTINGS.progressTolerance), funds_ratio_limit: String(REPORTING_SETTINGS.fundsRatioLimit),
      updated_at: at('2024-01-02', 9 * 60), updated_by: office.id,
    }],
    periods, reports, events, corrections, photos, openings,
  };
}

export type DemoReporting = ReturnType<typeof buildReports>;

/** The stage a project held on a day (null before it was listed). */
function stageOn(p: DemoProject, day: string): Stage | null {
  let stage: Stage | null = null;
  for (const t of p.history) if (t.date <= day) stage = t.to;
  return stage;
}

/** Was the project in an active stage at any time in month m of 2024? */
function activeIn(p: DemoProject, m: number): boolean {
  const first = `${YEAR}-${mm(m)}-01`;
  const last = monthEnd(first);
  const stages = [stageOn(p, first), ...p.history.filter((t) => t.date > first && t.date <= last).map((t) => t.to)];
  return stages.some((s) => s !== null && ACTIVE_STAGES.includes(s));
}

/** Nudges a year-to-date amount by whole 万元 until its status by kpi.ts is the one intended. */
function fitStatus(ytd: number, plan: number, elapsed: number, want: ProgressStatus): number {
  let v = Math.max(0, ytd);
  for (let i = 0; i < plan && progressStatus(v / plan, elapsed) !== want; i++) {
    v += want === 'ahead' ? 1 : want === 'lagging' ? -1 : v / plan > elapsed ? -1 : 1;
    if (v < 0) return 0;
  }
  return v;
}

/** Spreads the year-to-date amount over the active months: along the plan's monthly split (or the
 * building season), little while still in preparation or after completion, with some noise. */
function spread(rng: Rng, y: { p: DemoProject; plan: number; monthly: string[] | null }, months: number[], total: number): Map<number, number> {
  const out = new Map<number, number>();
  if (months.length === 0) return out;
  const season = SEASON.reduce((a, b) => a + b, 0);
  const weights = months.map((m) => {
    const split = y.monthly ? Number(y.monthly[m - 1]) / y.plan : 0;
    let w = split > 0 ? split : (SEASON[m - 1]! / season) * (y.monthly ? 0.3 : 1);
    const stage = stageOn(y.p, monthEnd(`${YEAR}-${mm(m)}-01`));
    if (stage === 'preparation' && !y.monthly) w *= 0.35;
    if ((stage === 'completed' || stage === 'production') && y.p.actualCompletion && y.p.actualCompletion < `${YEAR}-${mm(m)}-01`) w *= 0.25;
    return w * rng.range(0.75, 1.25);
  });
  const sum = weights.reduce((a, b) => a + b, 0);
  let used = 0;
  months.forEach((m, i) => {
    const v = i === months.length - 1 ? total - used : Math.floor((total * weights[i]!) / sum);
    out.set(m, v);
    used += v;
  });
  return out;
}

/** Funds arrived in a month: near the investment, split over the project's own sources. */
function fundsFor(rng: Rng, sources: Record<string, string>, investment: number): Money {
  if (investment <= 0) return {};
  const total = Math.round(investment * rng.range(0.6, 1.3));
  const keys = FUND_SOURCES.filter((k) => Number(sources[k] ?? 0) > 0);
  const weights = keys.map((k) => Number(sources[k]) * rng.range(0.7, 1.3));
  const sum = weights.reduce((a, b) => a + b, 0);
  const parts = weights.map((w) => Math.floor((total * w) / sum));
  const largest = weights.indexOf(Math.max(...weights));
  parts[largest]! += total - parts.reduce((a, b) => a + b, 0);
  const out: Money = {};
  keys.forEach((k, i) => {
    if (parts[i]! > 0) out[k] = String(parts[i]);
  });
  return out;
}

const snapshotOf = (f: Figures) => ({
  investment: String(f.investment), fundsArrived: fundsTotal(f.funds), fundsBySource: f.funds,
  progressText: f.progressText, roadblocksText: f.roadblocksText, milestoneDates: f.milestoneDates,
});

const rowFigures = (f: Figures) => ({
  investment: String(f.investment), funds_arrived: fundsTotal(f.funds), funds_by_source: f.funds,
  progress_text: f.progressText, roadblocks_text: f.roadblocksText, milestone_dates: f.milestoneDates,
});

/** When a report was saved, submitted and reviewed: mostly before the deadline, some late, and
 * never before a milestone it reports. December is still open: nothing after the 24th. */
function workflow(rng: Rng, status: Status, startsOn: string, deadline: string, milestone: string, open: boolean) {
  const late = !open && rng.chance(0.08);
  let savedDay = late ? addDays(deadline, rng.int(1, 3)) : addDays(deadline, -rng.int(2, 12));
  if (savedDay < startsOn) savedDay = startsOn;
  if (milestone && savedDay < milestone) savedDay = milestone;
  const savedMin = workMinutes(rng);
  const saved = at(savedDay, savedMin);
  if (status === 'draft') return { saved, submitted: null, reviewed: null };
  const submitDay = rng.chance(0.6) || open ? savedDay : addDays(savedDay, 1);
  const submitted = at(submitDay, submitDay === savedDay ? Math.min(savedMin + rng.int(10, 90), 18 * 60) : workMinutes(rng));
  if (status === 'submitted') return { saved, submitted, reviewed: null };
  const reviewDay = addDays(submitDay, open ? rng.int(0, 1) : rng.int(1, 2));
  return { saved, submitted, reviewed: later(at(reviewDay, workMinutes(rng)), addMinutes(submitted, 30)) };
}

function addMinutes(ts: string, minutes: number): string {
  const d = new Date(Date.parse(ts) + minutes * 60_000 + 8 * 3_600_000);
  return `${d.toISOString().slice(0, 19)}+08:00`;
}

/** A handful of November reports corrected after the period was locked (approved by the office),
 * and one correction still waiting for its decision. */
function addCorrections(rng: Rng, c: {
  novReports: { y: { p: DemoProject }; id: string; figures: Figures; room: number; filer: Actor }[];
  reports: Record<string, unknown>[]; events: Record<string, unknown>[]; corrections: Record<string, unknown>[];
  office: Actor; journeyCodes: readonly string[];
}) {
  const pool = rng.shuffle(c.novReports.filter((r) => r.figures.investment >= 200 && !c.journeyCodes.includes(r.y.p.code)));
  const money = (f: { investment: number; funds: Money }) => ({ investment: String(f.investment), fundsArrived: fundsTotal(f.funds), fundsBySource: f.funds });
  pool.slice(0, 5).forEach((r, i) => {
    const pending = i === 4;
    const report = c.reports.find((x) => x.id === r.id)!;
    const requested = at(`2024-12-0${5 + (i % 3)}`, workMinutes(rng));
    const decided = addMinutes(requested, rng.int(60 * 20, 60 * 26));
    const base = { report_id: r.id, project_id: r.y.p.id, period_id: report.period_id, region_path: report.region_path, requested_by: r.filer.id, requested_at: requested };
    if (pending) {
      // Asked for a write-down; a smaller figure always fits under the total.
      const proposed = scaled(r.figures, 0.9);
      c.corrections.push({ ...base, status: 'pending', reason: rng.pick(CORRECTION_REASONS.down), before: money(r.figures), proposed: { ...money(proposed), progressText: null } });
      c.events.push({ report_id: r.id, action: 'correction_requested', user_id: r.filer.id, username: r.filer.username, at: requested, reason: '申请更正', snapshot: { status: 'approved', version: report.version, ...snapshotOf(r.figures) } });
      return;
    }
    // The figures first approved differed; the report now holds the corrected ones.
    const up = r.room < r.figures.investment * 0.12 || i % 2 === 0;
    const before = scaled(r.figures, up ? 0.86 : 1.1);
    const reason = rng.pick(up ? CORRECTION_REASONS.up : CORRECTION_REASONS.down);
    const own = c.events.filter((e) => e.report_id === r.id);
    for (const e of own) Object.assign(e.snapshot as object, snapshotOf(before));
    c.events.push({ report_id: r.id, action: 'correction_requested', user_id: r.filer.id, username: r.filer.username, at: requested, reason, snapshot: { status: 'approved', version: report.version, ...snapshotOf(before) } });
    const version = (report.version as number) + 1;
    c.events.push({ report_id: r.id, action: 'correction_approved', user_id: c.office.id, username: c.office.username, at: decided, reason: '经核实，同意更正', snapshot: { status: 'approved', version, ...snapshotOf(r.figures) } });
    c.corrections.push({
      ...base, status: 'approved', reason, before: money(before), proposed: { ...money(r.figures), progressText: null },
      decided_by: c.office.id, decided_at: decided, decision_note: '经核实，同意更正',
    });
    Object.assign(report, { corrected: true, version, updated_by: c.office.id, updated_at: decided });
  });
}

function scaled(f: Figures, factor: number): Figures {
  const funds: Money = {};
  for (const [k, v] of Object.entries(f.funds)) funds[k] = String(Math.round(Number(v) * factor));
  return { ...f, investment: Math.round(f.investment * factor), funds };
}

const CAPTIONS: Record<Scene, string[]> = {
  0: ['主体结构施工现场', '塔吊作业，主体结构施工', '项目建设现场全景'],
  1: ['厂房封顶后围护施工', '生产车间设备安装现场', '厂房主体完工'],
  2: ['道路路基施工现场', '路面摊铺施工', '管网铺设施工现场'],
};

/** About twenty site photos on November and December reports, taken near each project's site. */
function addPhotos(rng: Rng, c: {
  photoSlots: { y: { p: DemoProject }; reportId: string; month: number; savedAt: string; filer: Actor; done: number }[];
  photos: Record<string, unknown>[]; journeyCodes: readonly string[];
}) {
  const mine = c.photoSlots.filter((s) => s.month === 12 && c.journeyCodes.includes(s.y.p.code));
  const others = rng.shuffle(c.photoSlots.filter((s) => !c.journeyCodes.includes(s.y.p.code))).slice(0, 8);
  for (const s of [...mine, ...others]) {
    const { p } = s.y;
    const scene: Scene = p.category === 'infrastructure' ? 2 : p.category === 'industrial' && s.done > 0.5 ? 1 : 0;
    for (let k = 0; k < 2; k++) {
      const day = addDays(s.savedAt.slice(0, 10), -rng.int(1, 12));
      const time = `${mm(rng.int(8, 16))}:${mm(rng.int(0, 59))}:${mm(rng.int(0, 59))}`;
      const takenAt = `${day}T${time}`;
      const latitude = Number((Number(p.latitude) + rng.range(-0.0022, 0.0022)).toFixed(6));
      const longitude = Number((Number(p.longitude) + rng.range(-0.0028, 0.0028)).toFixed(6));
      const content = sitePhoto({ scene, takenAt, latitude, longitude, camera: rng.pick(CAMERAS) });
      c.photos.push({
        report_id: s.reportId, project_id: p.id, file_name: `IMG_${day.replaceAll('-', '')}_${time.replaceAll(':', '')}.jpg`,
        mime_type: 'image/jpeg', size: content.length, content: content.toString('base64'), taken_at: `${takenAt}+08:00`,
        latitude: latitude.toFixed(6), longitude: longitude.toFixed(6), caption: rng.pick(CAPTIONS[scene]),
        uploaded_by: s.filer.id, uploaded_at: s.savedAt,
      });
    }
  }
}

// ── writing ──

type Column = [name: string, type: string, select?: string];

/** Inserts rows (objects keyed by column name) with one statement per slice, via jsonb_to_recordset. */
async function bulkInsert(db: DbOrTx, table: string, columns: Column[], rows: Record<string, unknown>[], size = 1000) {
  const names = columns.map(([name]) => `"${name}"`).join(', ');
  const shape = columns.map(([name, type]) => `"${name}" ${type}`).join(', ');
  const select = columns.map(([name, , expr]) => expr ?? `x."${name}"`).join(', ');
  for (const part of chunks(rows, size)) {
    await db.execute(sql`insert into ${sql.raw(`"${table}" (${names})`)} select ${sql.raw(select)}
      from jsonb_to_recordset(${JSON.stringify(part)}::jsonb) as ${sql.raw(`x(${shape})`)}`);
  }
}

const col = (names: string, type: string): Column[] => names.split(' ').map((n) => [n, type]);

export async function insertReports(db: DbOrTx, r: DemoReporting): Promise<void> {
  await bulkInsert(db, 'reporting_settings', [
    ...col('region_code cadence', 'text'), ['deadline_day', 'smallint'], ...col('progress_tolerance funds_ratio_limit', 'numeric'),
    ['updated_at', 'timestamptz'], ['updated_by', 'uuid'],
  ], r.settings);
  await bulkInsert(db, 'reporting_periods', [
    ['id', 'uuid'], ...col('region_code region_path cadence status', 'text'), ['year', 'int'], ...col('month seq', 'smallint'),
    ...col('starts_on ends_on deadline', 'date'), ...col('opened_by closed_by', 'uuid'), ...col('opened_at closed_at', 'timestamptz'),
  ], r.periods);
  await bulkInsert(db, 'progress_reports', [
    ...col('id project_id period_id created_by updated_by submitted_by reviewed_by', 'uuid'), ['region_path', 'text'], ['year', 'int'],
    ['month', 'smallint'], ...col('status progress_text roadblocks_text return_reason', 'text'), ...col('investment funds_arrived', 'numeric'),
    ...col('funds_by_source milestone_dates', 'jsonb'), ['version', 'int'], ['corrected', 'boolean'],
    ...col('created_at updated_at submitted_at reviewed_at', 'timestamptz'),
  ], r.reports);
  await bulkInsert(db, 'report_events', [
    ...col('report_id user_id', 'uuid'), ...col('action username reason', 'text'), ['at', 'timestamptz'], ['snapshot', 'jsonb'],
  ], r.events, 2000);
  await bulkInsert(db, 'report_corrections', [
    ...col('report_id project_id period_id requested_by decided_by', 'uuid'), ...col('region_path status reason decision_note', 'text'),
    ...col('before proposed', 'jsonb'), ...col('requested_at decided_at', 'timestamptz'),
  ], r.corrections);
  await bulkInsert(db, 'report_photos', [
    ...col('report_id project_id uploaded_by', 'uuid'), ...col('file_name mime_type caption', 'text'), ['size', 'int'],
    ['content', 'text', `decode(x."content", 'base64')`], ...col('latitude longitude', 'numeric'), ...col('taken_at uploaded_at', 'timestamptz'),
  ], r.photos);
}
