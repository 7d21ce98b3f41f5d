// Scale data for benchmarks (`npx tuijin gen --scale province|city|tiny`): real Shandong divisions,
// orgs and leaders per county, projects with consistent dates and stages, annual plans with a monthly
// split, closed monthly periods, approved monthly reports and roadblocks. Deterministic: every value
// comes from a seeded Rng or from hashes of deterministic ids. Loading is bulk only: JS-built rows go
// in slices through jsonb_to_recordset (bulk.ts), the reports are streamed with COPY (reports.ts), and
// every period is carded by the card engine. The words and places come from vocabulary.ts.
import { sql } from 'drizzle-orm';
import { INDUSTRIES, type Category, type Industry, type Level, type Stage } from '../../domain/enums.ts';
import { PROBLEM_CATEGORY_LABELS, type ProblemCategory, type ProblemSeverity } from '../../domain/problems.ts';
import { periodCalendar } from '../../domain/reporting.ts';
import { buildSearchText } from '../../domain/search.ts';
import type { Db } from '../db/client.ts';
import { addDays, addMonths, demoId, monthEnd, Rng } from '../db/seed/demo.prng.ts';
import { loadDivisions, parkRow, type RegionRow } from '../modules/regions/divisions.ts';
import { upsertRegions } from '../modules/regions/regions.repo.ts';
import { computeCardsForPeriod } from '../modules/cards/cards.service.ts';
import { getPeriod } from '../modules/reporting/periods.repo.ts';
import { lanes } from '../lanes.ts';
import { bulk, cols, count, mix32, wan } from './bulk.ts';
import { loadReports } from './reports.ts';
import {
  countySeat, DEPARTMENTS, DEPT_FOR, ENTERPRISE_KINDS, ENTERPRISE_WORDS, GIVEN, INDUSTRY_NAMES, LEADER_TITLES, ROADBLOCK_TITLES, SURNAMES,
} from './vocabulary.ts';

export const SCALES = {
  province: { cities: 16, projects: 50_000, years: [2020, 2021, 2022, 2023, 2024], roadblocks: 200_000 },
  city: { cities: 1, projects: 4_000, years: [2020, 2021, 2022, 2023, 2024], roadblocks: 16_000 },
  tiny: { cities: 2, projects: 200, years: [2024], roadblocks: 400 },
} as const;
export type Scale = keyof typeof SCALES;

export interface GenResult {
  scale: Scale;
  cities: number;
  counties: number;
  orgs: number;
  people: number;
  projects: number;
  plans: number;
  periods: number;
  reports: number;
  roadblocks: number;
  cards: number;
  /** Milliseconds per phase. */
  timings: Record<string, number>;
}

const PROVINCE = '370000';
/** Liaocheng first (the demo city), then the other cities by code. */
const FIRST_CITIES = ['371500', '370400'];
const id = (kind: string, key: string | number) => demoId(`gen-${kind}`, key);
interface County { code: string; name: string; path: string; cityCode: string; kind: 'county' | 'park' }
interface GenProject {
  id: string; countyIdx: number; total: number; opening: number; entry: string; start: string | null; completion: string | null;
  plannedStart: string; plannedCompletion: string; stage: Stage;
}

const monthKey = (d: string) => Number(d.slice(0, 4)) * 12 + Number(d.slice(5, 7)) - 1;
const keyDate = (k: number) => `${Math.floor(k / 12)}-${String((k % 12) + 1).padStart(2, '0')}-01`;


/** Generates the data set; throws if the database already holds projects. */
export async function generate(db: Db, scale: Scale, log: (line: string) => void = () => {}): Promise<GenResult> {
  const cfg = SCALES[scale];
  if ((await count(db, 'projects')) > 0) throw new Error('数据库中已有项目，拒绝生成（请使用空数据库）');
  const timings: Record<string, number> = {};
  let t0 = Date.now();
  const phase = (name: string) => {
    const now = Date.now();
    timings[name] = now - t0;
    log(`${name}: ${((now - t0) / 1000).toFixed(1)}s`);
    t0 = now;
  };
  const rng = (stream: string) => new Rng(`tuijin-gen:${scale}:${stream}`);

  // ── regions: Shandong from GB/T 2260, one park per city ──
  const divisions = loadDivisions({ provinceCode: PROVINCE });
  const cityRows = divisions.filter((r) => r.level === 'city');
  const ordered = [...FIRST_CITIES.map((c) => cityRows.find((r) => r.code === c)!), ...cityRows.filter((r) => !FIRST_CITIES.includes(r.code))];
  const cities = ordered.slice(0, cfg.cities);
  const parks = cities.map((c) => parkRow(`${c.code.slice(0, 4)}90`, `${c.shortName}经济技术开发区`, c));
  await upsertRegions(db, [...divisions, ...parks] as RegionRow[]);
  const counties: County[] = [
    ...divisions.filter((r) => r.level === 'county' && cities.some((c) => c.code === r.parentCode)),
    ...parks,
  ].map((r) => ({ code: r.code, name: r.name, path: r.path, cityCode: r.parentCode!, kind: r.level === 'park' ? 'park' : 'county' }));
  const cityName = new Map(cities.map((c) => [c.code, c.shortName]));
  phase('regions');

  // ── orgs and leaders per county ──
  const orgs: Record<string, unknown>[] = [];
  const people: Record<string, unknown>[] = [];
  const enterprisesOf: string[][] = [];
  const leadersOf: string[][] = [];
  const perCounty = Math.ceil(cfg.projects / counties.length);
  const r1 = rng('orgs');
  counties.forEach((c) => {
    const full = c.kind === 'park' ? c.name : `${cityName.get(c.cityCode)}${c.name}`;
    const gov = id('org', `${c.code}:gov`);
    orgs.push({ id: gov, name: c.kind === 'park' ? `${full}管委会` : `${full}人民政府`, kind: c.kind === 'park' ? 'park' : 'government', region_code: c.code });
    DEPARTMENTS.forEach((d, di) => orgs.push({ id: id('org', `${c.code}:dept:${di}`), name: `${full}${d}`, kind: 'department', region_code: c.code, contact: null, phone: null }));
    const ents: string[] = [];
    for (let e = 0; e < Math.max(3, Math.ceil(perCounty / 6)); e++) {
      const eid = id('org', `${c.code}:ent:${e}`);
      ents.push(eid);
      orgs.push({ id: eid, name: `${full}${r1.pick(ENTERPRISE_WORDS)}${r1.pick(ENTERPRISE_KINDS)}有限公司（${e + 1}）`, kind: 'enterprise', region_code: c.code, contact: `${r1.pick(SURNAMES)}${r1.pick(GIVEN)}`, phone: r1.mobile() });
    }
    enterprisesOf.push(ents);
    const leaders: string[] = [];
    LEADER_TITLES.forEach((title, li) => {
      const pid = id('person', `${c.code}:${li}`);
      leaders.push(pid);
      people.push({ id: pid, name: `${r1.pick(SURNAMES)}${r1.pick(GIVEN)}${r1.pick(GIVEN)}`, title: c.kind === 'park' ? title.replace('县', '管委会') : title, phone: r1.mobile(), org_id: gov, region_code: c.code, is_leader: true });
    });
    leadersOf.push(leaders);
  });
  await bulk(db, 'organizations', [...cols('id', 'uuid'), ...cols('name kind region_code contact phone', 'text')], orgs);
  await bulk(db, 'people', [...cols('id org_id', 'uuid'), ...cols('name title phone region_code', 'text'), ['is_leader', 'boolean']], people);
  phase('orgs');

  // ── projects ──
  const firstYear = cfg.years[0]!;
  const lastYear = cfg.years[cfg.years.length - 1]!;
  const asOf = `${lastYear}-12-31`;
  const r2 = rng('projects');
  const gp: GenProject[] = [];
  const projectRows: Record<string, unknown>[] = [];
  const seqOf = new Map<string, number>();
  const seats = counties.map((c, k) => countySeat(c, k));
  for (let i = 0; i < cfg.projects; i++) {
    const ci = i % counties.length;
    const c = counties[ci]!;
    const category = r2.weighted<Category>({ industrial: 60, infrastructure: 25, social: 15 });
    const industry: Industry = category === 'industrial'
      ? r2.pick(INDUSTRIES.filter((x) => !['infrastructure', 'livelihood', 'other'].includes(x)))
      : category === 'infrastructure' ? r2.pick(['infrastructure', 'logistics', 'new_energy'] as const) : r2.pick(['livelihood', 'tourism', 'other'] as const);
    const level = r2.weighted<Level>({ provincial: 12, municipal: 38, county: 50 });
    const total = Math.round(Math.exp(r2.range(Math.log(3000), Math.log(level === 'provincial' ? 500_000 : 120_000))));
    // Continuing projects (started before the first year) enter the ledger on its first day.
    // (A province's key project list is mostly multi-year work: about 3 million monthly reports over five years.)
    const continuing = r2.chance(0.7);
    const entry = continuing ? `${firstYear}-01-01` : `${r2.int(firstYear, lastYear)}-${String(r2.int(1, 12)).padStart(2, '0')}-01`;
    const plannedStart = continuing ? addMonths(entry, -r2.int(3, 24)) : addMonths(entry, r2.int(1, 8));
    const duration = r2.int(24, 72);
    const plannedCompletion = monthEnd(addMonths(plannedStart, duration));
    const startDelay = continuing ? 0 : r2.weighted({ 0: 50, 1: 20, 2: 15, 4: 10, 8: 5 } as Record<string, number>);
    const startCand = addDays(addMonths(plannedStart, Number(startDelay)), r2.int(0, 25));
    const start = startCand <= asOf ? startCand : null;
    const complCand = start ? addDays(addMonths(start, duration + r2.int(-1, 8)), r2.int(0, 25)) : null;
    const completion = complCand && complCand <= addDays(asOf, -31) ? complCand : null;
    const production = completion && category === 'industrial' ? addMonths(completion, r2.int(0, 4)) : null;
    const withdrawn = !start && r2.chance(0.1);
    const paused = !!start && !completion && r2.chance(0.03);
    const stage: Stage = withdrawn ? 'withdrawn' : paused ? 'paused' : production && production <= asOf ? 'production'
      : completion ? 'completed' : start ? (start > addMonths(asOf, -3) ? 'started' : 'construction') : 'preparation';
    const opening = continuing && start ? Math.round(total * r2.range(0.05, 0.3)) : 0;
    const pid = id('project', `${scale}:${i}`);
    const ents = enterprisesOf[ci]!;
    const owner = r2.pick(ents);
    const year = Number(entry.slice(0, 4));
    const seqKey = `${c.cityCode}:${year}`;
    const seq = (seqOf.get(seqKey) ?? 0) + 1;
    seqOf.set(seqKey, seq);
    const code = `${c.cityCode.slice(0, 4)}-${year}-${String(seq).padStart(5, '0')}`;
    const name = `${cityName.get(c.cityCode)}${c.name}${r2.pick(ENTERPRISE_WORDS)}${r2.pick(INDUSTRY_NAMES[industry])}`;
    gp.push({ id: pid, countyIdx: ci, total, opening, entry, start, completion, plannedStart, plannedCompletion, stage });
    projectRows.push({
      id: pid, code, name, region_code: c.code, region_path: c.path, owner_org_id: owner,
      responsible_org_id: id('org', `${c.code}:gov`), leader_person_id: r2.pick(leadersOf[ci]!),
      level, category, industry, construction_content: `建设${name.replace(/项目|工程$/, '')}及配套设施`,
      total_investment: wan(total), opening_investment: wan(opening), opening_funds_arrived: wan(Math.round(opening * 0.9)),
      planned_start: plannedStart, planned_completion: plannedCompletion,
      planned_production: category === 'industrial' ? addMonths(plannedCompletion, 2) : null,
      actual_start: start, actual_completion: completion, actual_production: production && production <= asOf ? production : null,
      stage, stage_date: stage === 'production' ? production : stage === 'completed' ? completion : start ?? entry,
      paused_from: paused ? 'construction' : null, target_year: year,
      // About 3% have no map point yet (listed beside the war map); the rest scatter around their county's seat.
      longitude: r2.chance(0.03) ? null : (seats[ci]![0] + r2.range(-0.12, 0.12)).toFixed(6),
      latitude: null as string | null,
      search_text: buildSearchText({ code, name }), created_at: `${entry}T09:00:00+08:00`, updated_at: `${entry}T09:00:00+08:00`,
    });
  }
  for (let i = 0; i < projectRows.length; i++) {
    const row = projectRows[i]!;
    if (row.longitude != null) row.latitude = (seats[gp[i]!.countyIdx]![1] + (((mix32(i) % 2000) - 1000) / 1000) * 0.1).toFixed(6);
  }
  await bulk(db, 'projects', [
    ...cols('id owner_org_id responsible_org_id leader_person_id', 'uuid'),
    ...cols('code name region_code region_path level category industry construction_content stage paused_from search_text', 'text'),
    ...cols('total_investment opening_investment opening_funds_arrived longitude latitude', 'numeric'),
    ...cols('planned_start planned_completion planned_production actual_start actual_completion actual_production stage_date', 'date'),
    ['target_year', 'int'], ...cols('created_at updated_at', 'timestamptz'),
  ], projectRows, 5_000);
  phase('projects');

  // ── annual plans: 80% of the remaining investment over the construction months, split by month ──
  const planRows: Record<string, unknown>[] = [];
  /** Each project's monthly plan per year (null: a year without construction), for the reports. */
  const plansOf = new Map<string, Map<number, number[] | null>>();
  const planOf = (pid: string) => plansOf.get(pid) ?? plansOf.set(pid, new Map()).get(pid)!;
  for (const p of gp) {
    const from = monthKey(p.entry);
    const to = monthKey(p.completion ?? asOf);
    if (!p.start) {
      for (let y = Number(p.entry.slice(0, 4)); y <= lastYear; y++) {
        planOf(p.id).set(y, null);
        planRows.push({ project_id: p.id, year: y, planned_investment: wan(0), monthly: null, must_start: y === Number(p.plannedStart.slice(0, 4)), must_complete: false, must_produce: false });
      }
      continue;
    }
    const sFrom = Math.max(monthKey(p.start), from);
    const buildMonths = Math.max(1, to - sFrom + 1);
    const perMonth = ((p.total - p.opening) * 0.8) / Math.max(buildMonths, monthKey(p.plannedCompletion) - monthKey(p.start) + 1);
    for (let y = Number(p.entry.slice(0, 4)); y <= Math.min(lastYear, Math.floor(to / 12)); y++) {
      const monthly = Array.from({ length: 12 }, (_, m) => {
        const k = y * 12 + m;
        return k >= sFrom && k <= to ? Math.floor(perMonth * 10_000) / 10_000 : 0;
      });
      const sum = monthly.reduce((a, b) => a + b, 0);
      planOf(p.id).set(y, monthly);
      planRows.push({
        project_id: p.id, year: y, planned_investment: wan(sum), monthly: monthly.map(wan),
        must_start: Number(p.plannedStart.slice(0, 4)) === y, must_complete: Number(p.plannedCompletion.slice(0, 4)) === y, must_produce: false,
      });
    }
  }
  await bulk(db, 'annual_plans', [
    ['project_id', 'uuid'], ['year', 'int'], ['planned_investment', 'numeric'], ['monthly', 'numeric[]'], ...cols('must_start must_complete must_produce', 'boolean'),
  ], planRows, 20_000);
  phase('plans');

  // ── reporting settings and monthly periods per city, all closed ──
  const periods: Record<string, unknown>[] = [];
  for (const c of cities) {
    for (const y of cfg.years) {
      for (let m = 1; m <= 12; m++) {
        const cal = periodCalendar('monthly', y, m, 1, 25);
        periods.push({
          id: id('period', `${c.code}:${y}-${m}`), region_code: c.code, region_path: c.path, cadence: 'monthly', year: y, month: m, seq: 1,
          starts_on: cal.startsOn, ends_on: cal.endsOn, deadline: cal.deadline, status: 'closed',
          opened_at: `${cal.startsOn}T09:00:00+08:00`, closed_at: `${addDays(cal.endsOn, 5)}T10:00:00+08:00`,
        });
      }
    }
  }
  await bulk(db, 'reporting_settings', [['region_code', 'text']], cities.map((c) => ({ region_code: c.code })));
  await bulk(db, 'reporting_periods', [
    ['id', 'uuid'], ...cols('region_code region_path cadence status', 'text'), ['year', 'int'], ...cols('month seq', 'smallint'),
    ...cols('starts_on ends_on deadline', 'date'), ...cols('opened_at closed_at', 'timestamptz'),
  ], periods);
  phase('periods');

  // ── reports: one approved report per project and month in the ledger (reports.ts) ──
  const { loadedMs, rowsMs, ms: reportMs, copy } = await loadReports(db, { cities, counties, projects: gp, plansOf, periods, years: cfg.years }, log);
  phase('reports');

  // ── roadblocks ──
  const r3 = rng('roadblocks');
  const live = gp.filter((p) => p.stage !== 'withdrawn');
  const probRows: Record<string, unknown>[] = [];
  const codeSeq = new Map<number, number>();
  for (let i = 0; i < cfg.roadblocks; i++) {
    const p = r3.pick(live);
    const c = counties[p.countyIdx]!;
    const category = r3.weighted<ProblemCategory>({ land: 14, approvals: 16, funding: 16, demolition: 8, utilities: 10, environment: 8, energy_quota: 6, labour: 5, construction: 12, other: 5 });
    const severity = r3.weighted<ProblemSeverity>({ general: 70, major: 24, critical: 6 });
    const from = monthKey(p.entry);
    const to = monthKey(p.completion ?? asOf);
    const raised = addDays(keyDate(r3.int(from, Math.max(from, to))), r3.int(0, 27));
    const age = monthKey(asOf) - monthKey(raised);
    const status = age > 3 ? r3.weighted({ closed: 88, solved: 5, accepted: 5, open: 2 }) : r3.weighted({ open: 25, accepted: 45, solved: 15, closed: 15 });
    const accepted = status !== 'open' ? addDays(raised, r3.int(0, 4)) : null;
    const solved = status === 'solved' || status === 'closed' ? addDays(accepted!, r3.int(5, 60)) : null;
    const closed = status === 'closed' ? addDays(solved!, r3.int(1, 7)) : null;
    const year = Number(raised.slice(0, 4));
    const seq = (codeSeq.get(year) ?? 0) + 1;
    codeSeq.set(year, seq);
    const title = r3.pick(ROADBLOCK_TITLES[category]);
    const ts = (d: string | null) => (d ? `${d}T10:00:00+08:00` : null);
    probRows.push({
      id: id('problem', `${scale}:${i}`), code: `WT${year}${String(seq).padStart(6, '0')}`, project_id: p.id, region_path: c.path,
      category, severity, title, description: `${PROBLEM_CATEGORY_LABELS[category]}：${title}，影响项目推进，请协调解决。`,
      department_id: id('org', `${c.code}:dept:${DEPT_FOR[category]}`), status,
      raised_at: ts(raised), accept_due: addDays(raised, 3), accepted_at: ts(accepted), due_date: accepted ? addDays(accepted, 30) : null,
      solved_at: ts(solved), solution: solved ? '经协调已解决' : null, closed_at: ts(closed),
      escalation_level: status === 'open' && age > 0 ? r3.int(1, 3) : 0, updated_at: ts(closed ?? solved ?? accepted ?? raised),
    });
  }
  await bulk(db, 'problems', [
    ...cols('id project_id department_id', 'uuid'), ...cols('code region_path category severity title description status solution', 'text'),
    ...cols('accept_due due_date', 'date'), ...cols('raised_at accepted_at solved_at closed_at updated_at', 'timestamptz'), ['escalation_level', 'smallint'],
  ], probRows, 20_000);
  phase('roadblocks');
  // Planner statistics for the freshly loaded tables (autovacuum would take its time).
  await db.execute(sql`ANALYZE`);
  phase('analyze');

  // ── cards: every city's every period, by the card engine itself (no orders or audit for history) ──
  const periodRows = (await db.execute<{ id: string }>(sql`SELECT id FROM reporting_periods ORDER BY year, month, region_code`)).rows;
  let cardCount = 0;
  await lanes(periodRows, copy ? 2 : 1, async ({ id: periodId }) => {
    const period = (await getPeriod(db, periodId))!;
    const { counts } = await computeCardsForPeriod(db, period);
    cardCount += counts.total;
  });
  phase('cards');
  // The visibility map too, so covering indexes answer without reading the tables (PGlite has no autovacuum).
  await db.execute(sql`VACUUM ANALYZE`);
  phase('vacuum');

  const reports = await count(db, 'progress_reports');
  // The load's rate: rows written until the table stands with its indexes and keys as the migrations
  // made it; the rows alone, and the statistics' roll-ups rebuilt after, are kept beside it.
  timings.reportRowsPerSecond = Math.round(reports / Math.max(0.001, loadedMs / 1000));
  timings.reportRowsOnlyPerSecond = Math.round(reports / Math.max(0.001, rowsMs / 1000));
  timings.reportRollupsMs = reportMs - loadedMs;
  return {
    scale, cities: cities.length, counties: counties.length, orgs: orgs.length, people: people.length, projects: gp.length,
    plans: planRows.length, periods: periods.length, reports, roadblocks: probRows.length, cards: cardCount, timings,
  };
}
