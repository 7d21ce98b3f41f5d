// Scale data for benchmarks (`npx tuijin gen --scale province|city|tiny`): real Shandong divisions,
// orgs and leaders per county, projects with consistent dates and stages, annual plans with a monthly
// split, closed monthly periods, approved monthly reports and roadblocks. Deterministic: every value
// comes from a seeded Rng or from hashes of deterministic ids. Loading is bulk only: JS-built rows go
// in slices through jsonb_to_recordset, the reports are computed in SQL (INSERT … SELECT) per city-year.
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { sql } from 'drizzle-orm';
import type pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { INDUSTRIES, type Category, type Industry, type Level, type Stage } from '../../domain/enums.ts';
import { PROBLEM_CATEGORIES, PROBLEM_CATEGORY_LABELS, type ProblemCategory, type ProblemSeverity } from '../../domain/problems.ts';
import { periodCalendar } from '../../domain/reporting.ts';
import { buildSearchText } from '../../domain/search.ts';
import type { Db } from '../db/client.ts';
import { addDays, addMonths, chunks, demoId, monthEnd, Rng } from '../db/seed/demo.prng.ts';
import { AREAS } from '../db/seed/demo.regions.ts';
import { loadDivisions, parkRow, type RegionRow } from '../modules/regions/divisions.ts';
import { upsertRegions } from '../modules/regions/regions.repo.ts';
import { computeCardsForPeriod } from '../modules/cards/cards.service.ts';
import { getPeriod } from '../modules/reporting/periods.repo.ts';

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
/** Approximate seats of Shandong's cities (longitude, latitude), for the projects' map points. */
const CITY_SEATS: Record<string, [number, number]> = {
  370100: [117.0, 36.65], 370200: [120.38, 36.07], 370300: [118.05, 36.78], 370400: [117.32, 34.81], 370500: [118.67, 37.43],
  370600: [121.45, 37.46], 370700: [119.16, 36.71], 370800: [116.59, 35.41], 370900: [117.09, 36.2], 371000: [122.12, 37.51],
  371100: [119.53, 35.42], 371300: [118.36, 35.1], 371400: [116.36, 37.44], 371500: [115.99, 36.46], 371600: [118.02, 37.38],
  371700: [115.48, 35.23],
};
/** A county's seat: the demo city's real ones, else a point around its city's seat. */
function countySeat(c: { code: string; cityCode: string }, k: number): [number, number] {
  const demo = AREAS.find((a) => a.code === c.code);
  if (demo) return demo.seat;
  const [lon, lat] = CITY_SEATS[c.cityCode] ?? [117.0, 36.4];
  const angle = (mix32(Number(c.code)) % 360) * (Math.PI / 180);
  const r = 0.12 + (k % 5) * 0.07;
  return [lon + r * Math.cos(angle), lat + r * Math.sin(angle) * 0.8];
}
/** Liaocheng first (the demo city), then the other cities by code. */
const FIRST_CITIES = ['371500', '370400'];
const id = (kind: string, key: string | number) => demoId(`gen-${kind}`, key);
const DEPARTMENTS = ['发展和改革局', '自然资源和规划局', '住房和城乡建设局', '生态环境局', '工业和信息化局', '行政审批服务局'];
const DEPT_FOR: Record<ProblemCategory, number> = {
  land: 1, approvals: 5, funding: 0, demolition: 2, utilities: 2, environment: 3, energy_quota: 0, labour: 4, construction: 2, other: 0,
};
const SURNAMES = '王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕苏卢蒋蔡贾丁魏薛叶阎余潘杜戴夏钟汪田任姜范方石姚谭廖邹熊金陆郝孔白崔康毛邱秦江史顾侯邵孟龙万段'.split('');
const GIVEN = '建国志强海涛文博明华晓东丽娜秀英伟刚永军红梅春燕立新玉兰德胜宏亮国庆卫东振华子涵思远雨萱浩然子轩'.split('');
const LEADER_TITLES = ['县委书记', '县长', '常务副县长', '副县长', '副县长', '县委常委'];
const ENTERPRISE_WORDS = ['鲁信', '齐鲁', '泰和', '华润', '恒通', '鑫源', '金泰', '汇丰', '中兴', '宏达', '瑞丰', '昌盛', '东方', '北辰', '新华', '安泰', '润泽', '鼎盛', '海川', '天元'];
const ENTERPRISE_KINDS = ['化工', '装备制造', '新能源', '食品', '半导体', '数字科技', '农业发展', '物流', '文旅', '建设投资', '城市发展', '实业'];
const INDUSTRY_NAMES: Record<Industry, string[]> = {
  chemicals: ['高端化工新材料项目', '精细化工产业园项目', '可降解材料项目'],
  equipment: ['智能装备制造基地项目', '高端轴承生产线项目', '汽车零部件产业园项目'],
  new_energy: ['光伏发电项目', '储能电站项目', '氢能产业园项目', '风电场项目'],
  food: ['食品精深加工项目', '冷链食品产业园项目', '乳制品加工项目'],
  semiconductors: ['半导体封装测试项目', '功率器件生产线项目'],
  digital: ['数据中心项目', '数字经济产业园项目', '工业互联网平台项目'],
  agriculture: ['现代农业产业园项目', '高标准农田建设项目', '蔬菜育苗基地项目'],
  logistics: ['物流园区项目', '保税仓储中心项目', '冷链物流中心项目'],
  tourism: ['文旅综合体项目', '古城保护开发项目', '乡村旅游提升项目'],
  infrastructure: ['道路改造工程', '污水处理厂扩建工程', '供热管网改造工程', '城际公路建设工程'],
  livelihood: ['人民医院新院区项目', '中学新建项目', '老旧小区改造项目', '养老服务中心项目'],
  other: ['综合服务中心项目', '城市更新项目'],
};
const PROGRESS_TEXTS = {
  prep: ['正在办理前期手续', '可研报告编制中', '用地预审办理中', '施工图设计中'],
  build: ['主体结构施工中', '设备安装调试中', '厂房钢结构吊装', '基础工程施工', '室外配套工程施工', '按计划推进'],
  done: ['已竣工，正在办理验收', '已投产运营', '竣工验收完成'],
};
const ROADBLOCK_TITLES: Record<ProblemCategory, string[]> = {
  land: ['用地指标不足', '土地征收进度滞后', '用地规划调整未批复'],
  approvals: ['施工许可证办理缓慢', '环评批复未下达', '规划许可待审批'],
  funding: ['专项债资金未到位', '银行贷款审批延迟', '配套资金缺口'],
  demolition: ['地上附着物拆迁受阻', '坟墓迁移未完成'],
  utilities: ['供电线路未接入', '供水管网未接通', '天然气管道未通'],
  environment: ['环保督察要求停工整改', '扬尘治理不达标'],
  energy_quota: ['能耗指标不足', '煤炭消费替代未落实'],
  labour: ['施工人员短缺', '技术工人招聘困难'],
  construction: ['施工进度滞后', '主要材料价格上涨', '设备到货延迟'],
  other: ['协调事项待明确', '其他问题'],
};

interface County { code: string; name: string; path: string; cityCode: string; kind: 'county' | 'park' }
interface GenProject {
  id: string; countyIdx: number; total: number; opening: number; entry: string; start: string | null; completion: string | null;
  plannedStart: string; plannedCompletion: string; stage: Stage;
}

const wan = (n: number) => n.toFixed(4);
const monthKey = (d: string) => Number(d.slice(0, 4)) * 12 + Number(d.slice(5, 7)) - 1;
const keyDate = (k: number) => `${Math.floor(k / 12)}-${String((k % 12) + 1).padStart(2, '0')}-01`;

type Column = [name: string, type: string];
async function bulk(db: Db, table: string, columns: Column[], rows: Record<string, unknown>[], size = 10_000) {
  const names = columns.map(([n]) => `"${n}"`).join(', ');
  const shape = columns.map(([n, t]) => `"${n}" ${t}`).join(', ');
  for (const part of chunks(rows, size)) {
    try {
      await db.execute(sql`insert into ${sql.raw(`"${table}" (${names})`)} select ${sql.raw(columns.map(([n]) => `x."${n}"`).join(', '))}
        from jsonb_to_recordset(${JSON.stringify(part)}::jsonb) as ${sql.raw(`x(${shape})`)}`);
    } catch (e) {
      // The driver's message repeats every parameter; the cause is what helps.
      throw new Error(`写入 ${table} 失败: ${String((e as { cause?: unknown }).cause ?? e).slice(0, 500)}`);
    }
  }
}
const cols = (names: string, type: string): Column[] => names.split(' ').map((n) => [n, type]);

async function count(db: Db, table: string): Promise<number> {
  const r = await db.execute(sql`select count(*)::int as n from ${sql.raw(`"${table}"`)}`);
  return (r.rows[0] as { n: number }).n;
}

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

  // ── reports: one approved report per project and month in the ledger ──
  // Investment = the plan's month × a factor in [0.6, 1.2) from a hash of the project and month, so the
  // cumulative never passes opening + 0.96 × (total − opening) ≤ total. Rows are computed here and
  // streamed with COPY on PostgreSQL (jsonb batches on PGlite, whose wire server has no COPY). The
  // secondary indexes are rebuilt once afterwards instead of row by row, the foreign keys (a trigger
  // per key per row) are put back and validated in one pass each, and the statistics' roll-ups are
  // rebuilt once for every project instead of by the per-statement triggers.
  const tReports = Date.now();
  const periodIdOf = new Map(periods.map((x) => [`${x.region_code}:${x.year}-${x.month}`, x.id as string]));
  const reportLines = function* (c: RegionRow): Generator<ReportRow> {
    for (let i = 0; i < gp.length; i++) {
      const p = gp[i]!;
      if (p.stage === 'withdrawn' || counties[p.countyIdx]!.cityCode !== c.code) continue;
      const path = counties[p.countyIdx]!.path;
      const plans = plansOf.get(p.id);
      for (const y of cfg.years) {
        if (!plans?.has(y)) continue;
        const monthly = plans.get(y) ?? null;
        for (let m = 1; m <= 12; m++) {
          const startsOn = `${y}-${String(m).padStart(2, '0')}-01`;
          if (startsOn < `${p.entry.slice(0, 7)}-01` || (p.completion && startsOn > p.completion)) continue;
          const endsOn = monthEnd(startsOn);
          const h = mix32(i * 7919 + y * 13 + m);
          const inv = round4((monthly?.[m - 1] ?? 0) * (0.6 + (0.6 * (h % 1000)) / 1000));
          const funds = round4(inv * (0.7 + (0.35 * (mix32(h) % 1000)) / 1000));
          const done = !!p.completion && p.completion <= endsOn;
          const texts = inv > 0 ? PROGRESS_TEXTS.build : done ? PROGRESS_TEXTS.done : PROGRESS_TEXTS.prep;
          const day1 = addDays(endsOn, 1);
          const day3 = addDays(endsOn, 3);
          yield [
            `${p.id.slice(0, 24)}${(y * 12 + m).toString(16).padStart(12, '0')}`, p.id, periodIdOf.get(`${c.code}:${y}-${m}`)!, path, y, m,
            wan(inv), wan(funds), texts[(h >>> 10) % texts.length]!, `${day1} 09:00:00+08`, `${day3} 15:00:00+08`, `${day1} 10:00:00+08`,
          ];
        }
      }
    }
  };
  await db.execute(sql.raw(REPORT_INDEXES.map(([name]) => `drop index if exists "${name}"`).join('; ')));
  const fks = (await db.execute<{ name: string; def: string }>(sql`
    SELECT conname AS name, pg_get_constraintdef(oid) AS def FROM pg_constraint
    WHERE conrelid = 'progress_reports'::regclass AND contype = 'f' ORDER BY conname`)).rows;
  for (const fk of fks) await db.execute(sql.raw(`alter table progress_reports drop constraint "${fk.name}"`));
  await db.execute(sql.raw(ROLLUP_TRIGGERS.map((tg) => `alter table progress_reports disable trigger ${tg}`).join('; ')));
  const copy = await canCopy(db);
  // Two cities at a time on PostgreSQL: this process computes the rows while the server parses them.
  const since = () => `${((Date.now() - tReports) / 1000).toFixed(1)}s`;
  try {
    await lanes(cities, copy ? 2 : 1, async (c) => {
      if (copy) await copyReports(db, reportLines(c));
      else await bulk(db, 'progress_reports', REPORT_COLUMNS, [...reportLines(c)].map(reportRecord));
      log(`reports: ${c.name} (${since()})`);
    });
  } finally {
    await db.execute(sql.raw(ROLLUP_TRIGGERS.map((tg) => `alter table progress_reports enable trigger ${tg}`).join('; ')));
    await lanes(REPORT_INDEXES, copy ? REPORT_INDEXES.length : 1, ([name, def]) => db.transaction(async (tx) => {
      await tx.execute(sql`SET LOCAL maintenance_work_mem = '256MB'`);
      await tx.execute(sql.raw(`create index if not exists "${name}" on progress_reports ${def}`));
    }));
    for (const fk of fks) {
      await db.execute(sql.raw(`alter table progress_reports add constraint "${fk.name}" ${fk.def} not valid`));
      await db.execute(sql.raw(`alter table progress_reports validate constraint "${fk.name}"`));
    }
  }
  log(`reports: indexes and keys (${since()})`);
  await lanes(cities, copy ? 2 : 1, (c) => db.execute(sql`SELECT report_rollups_refresh(ARRAY(SELECT id FROM projects WHERE region_path LIKE ${`${c.path}%`}))`));
  const reportMs = Date.now() - tReports;
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
  timings.reportRowsPerSecond = Math.round(reports / Math.max(0.001, reportMs / 1000));
  return {
    scale, cities: cities.length, counties: counties.length, orgs: orgs.length, people: people.length, projects: gp.length,
    plans: planRows.length, periods: periods.length, reports, roadblocks: probRows.length, cards: cardCount, timings,
  };
}

const REPORT_INDEXES: [string, string][] = [
  ['progress_reports_period_status_idx', 'using btree ("period_id","status")'],
  ['progress_reports_project_year_idx', 'using btree ("project_id","year","month")'],
  ['progress_reports_path_year_idx', 'using btree ("region_path" text_pattern_ops,"year","month")'],
];

const ROLLUP_TRIGGERS = ['progress_reports_rollups_insert', 'progress_reports_rollups_update', 'progress_reports_rollups_delete'];

/** id, project, period, region path, year, month, investment, funds, text, created, reviewed, submitted. */
type ReportRow = [string, string, string, string, number, number, string, string, string, string, string, string];
const REPORT_COLUMNS: Column[] = [
  ...cols('id project_id period_id', 'uuid'), ...cols('region_path status progress_text', 'text'), ...cols('year month version', 'int'),
  ...cols('investment funds_arrived', 'numeric'), ...cols('created_at updated_at submitted_at reviewed_at', 'timestamptz'),
];
const reportRecord = (r: ReportRow) => ({
  id: r[0], project_id: r[1], period_id: r[2], region_path: r[3], year: r[4], month: r[5], status: 'approved', version: 1,
  investment: r[6], funds_arrived: r[7], progress_text: r[8], created_at: r[9], updated_at: r[10], submitted_at: r[11], reviewed_at: r[10],
});

/** True when the connection takes COPY FROM STDIN (PostgreSQL; not PGlite's wire server). */
async function canCopy(db: Db): Promise<boolean> {
  const v = await db.execute<{ v: string }>(sql`select version() as v`);
  return !/wasm|emscripten/i.test(v.rows[0]!.v);
}

/** Streams report rows into progress_reports with COPY (text format; the values hold no tab, newline or backslash). */
async function copyReports(db: Db, rows: Iterable<ReportRow>): Promise<void> {
  const client = await (db as unknown as { $client: pg.Pool }).$client.connect();
  try {
    const stream = client.query(copyFrom(`COPY progress_reports (id, project_id, period_id, region_path, year, month, investment,
      funds_arrived, progress_text, created_at, updated_at, submitted_at, reviewed_at, status, version) FROM STDIN`));
    await pipeline(Readable.from((function* () {
      let buf = '';
      let n = 0;
      for (const r of rows) {
        buf += `${r.join('\t')}\t${r[10]}\tapproved\t1\n`;
        if (++n % 2000 === 0) {
          yield buf;
          buf = '';
        }
      }
      if (buf) yield buf;
    })()), stream);
  } finally {
    client.release();
  }
}

/** Runs `fn` over `items` with at most `n` at once. */
async function lanes<T>(items: readonly T[], n: number, fn: (item: T) => Promise<unknown>): Promise<void> {
  let next = 0;
  await Promise.all(Array.from({ length: Math.min(n, items.length) }, async () => {
    while (next < items.length) await fn(items[next++]!);
  }));
}

/** A 32-bit integer hash (murmur3's finaliser): cheap, deterministic, well mixed. */
function mix32(x: number): number {
  let h = x | 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}
const round4 = (x: number) => Math.round(x * 10_000) / 10_000;

