// The 400 key projects of the demo city's 2024 ledger: where they are, who owns and carries them,
// how much they cost and where they stand. Totals are exact: ¥300 bn in all, ¥104.3 bn for the 194
// projects of the autumn groundbreaking.
import type { Category, Industry, Level } from '../../../domain/enums.ts';
import { constructionContent, nameEnergyPlant, nameProject, type Naming } from './demo.catalog.ts';
import { FEATURED, type MainVenue } from './demo.featured.ts';
import type { OrgBook, OrgRow } from './demo.orgs.ts';
import type { Leader, PeopleBook } from './demo.people.ts';
import { AREAS, areaByCode, areaPath, type DemoArea } from './demo.regions.ts';
import { demoId, Rng } from './demo.prng.ts';
import { buildTimeline, type Group, type Timeline, type Track } from './demo.timeline.ts';
import { fundSources, tagsFor } from './demo.money.ts';

export const PROJECT_COUNT = 400;
export const TOTAL_INVESTMENT = 30_000_000;
export const AUTUMN_COUNT = 194;
export const AUTUMN_INVESTMENT = 10_430_000;
const PROVINCIAL_COUNT = 60;

const GROUP_SIZES: Record<Group, number> = { spring24: 120, autumn24: AUTUMN_COUNT, continuing: 44, preparation: 28, reserve: 14 };
const TRACK_SIZES: Record<Group, Partial<Record<Track, number>>> = {
  spring24: { completed: 10, production: 4, paused: 3 },
  autumn24: { started: 110 },
  continuing: { production: 8, completed: 8, paused: 2 },
  preparation: { nextSpring: 20 },
  reserve: {},
};
const DEFAULT_TRACK: Record<Group, Track> = {
  spring24: 'construction', autumn24: 'construction', continuing: 'construction', preparation: 'lagging', reserve: 'reserve',
};
const SIGNED_SIZES: Partial<Record<Group, number>> = { autumn24: 25, preparation: 10, reserve: 5 };

export interface DemoProject extends Timeline {
  id: string;
  code: string;
  name: string;
  area: DemoArea;
  industry: Industry;
  category: Category;
  level: Level;
  /** 万元, whole numbers so every sum is exact. */
  amount: number;
  group: Group;
  track: Track;
  signed: boolean;
  mainVenue: MainVenue | null;
  owner: OrgRow;
  unit: OrgRow;
  leader: Leader;
  content: string;
  address: string;
  longitude: string;
  latitude: string;
  tags: string[];
  fundSources: Record<string, string>;
}

interface Slot {
  area: DemoArea;
  industry: Industry;
  group: Group;
  track: Track;
  signed: boolean;
  amount: number;
  featured: (typeof FEATURED)[number] | null;
  level: Level;
}

const ROADS = ['振兴路', '花园路', '东昌路', '建设路', '光明路', '中华路', '长江路', '黄河路', '湖南路', '辽河路', '嫩江路', '松花江路',
  '华山路', '泰山路', '黄山路', '昌润路', '兴华路', '民生路', '新华路', '人民路', '工业路', '创业路', '经一路', '纬二路'];

export function buildProjects(orgs: OrgBook, people: PeopleBook): DemoProject[] {
  const slots = layOut(new Rng('demo:layout'));
  assignAmounts(new Rng('demo:amounts'), slots);
  assignTracks(new Rng('demo:tracks'), slots);
  // The biggest projects are the province's key projects.
  [...slots].sort((a, b) => b.amount - a.amount).slice(0, PROVINCIAL_COUNT).forEach((s) => (s.level = 'provincial'));
  const ordered = [...slots].sort((a, b) => AREAS.indexOf(a.area) - AREAS.indexOf(b.area) || b.amount - a.amount);

  const rng = new Rng('demo:projects');
  const names = new Set<string>();
  const leaderPicker = new LeaderPicker(new Rng('demo:leaders'), people);
  return ordered.map((s, i) => {
    const code = `LC2024-${String(i + 1).padStart(4, '0')}`;
    const f = s.featured;
    let owner: OrgRow;
    let naming: Naming;
    if (f) {
      owner = orgs.get(f.owner);
      naming = { name: f.name, category: f.industry === 'infrastructure' ? 'infrastructure' : 'industrial' };
    } else {
      const reuse = s.industry === 'infrastructure' || s.industry === 'livelihood' ? 0.8 : 0.4;
      const o = orgs.ownerFor(s.area, s.industry, reuse);
      owner = o.org;
      naming = uniqueName(rng, names, s, o.brand);
    }
    names.add(naming.name);
    const timeline = buildTimeline(rng, { group: s.group, track: s.track, amount: s.amount, category: naming.category, level: s.level, signed: s.signed });
    const [lon, lat] = place(rng, s.area);
    return {
      ...timeline,
      id: demoId('project', code),
      code,
      name: naming.name,
      area: s.area,
      industry: s.industry,
      category: naming.category,
      level: s.level,
      amount: s.amount,
      group: s.group,
      track: s.track,
      signed: s.signed,
      mainVenue: f?.mainVenue ?? null,
      owner,
      unit: orgs.unitOf(s.area),
      leader: leaderPicker.pick(s.level, s.area),
      content: f?.content ?? constructionContent(rng, naming, s.industry, s.amount),
      address: address(rng, s.area),
      longitude: lon,
      latitude: lat,
      tags: tagsFor(rng, { industry: s.industry, category: naming.category, level: s.level, signed: s.signed }),
      fundSources: fundSources(rng, naming.category, s.amount),
    };
  });
}

export const regionPathOf = (p: DemoProject) => areaPath(p.area.code);

function layOut(rng: Rng): Slot[] {
  const groups: Group[] = [];
  for (const [g, n] of Object.entries(GROUP_SIZES) as [Group, number][]) {
    const taken = FEATURED.filter((f) => f.group === g).length;
    for (let i = 0; i < n - taken; i++) groups.push(g);
  }
  const areaWeights = Object.fromEntries(AREAS.map((a) => [a.code, a.weight])) as Record<string, number>;
  const slots: Slot[] = FEATURED.map((f) => ({
    area: areaByCode.get(f.area)!, industry: f.industry, group: f.group, track: f.track, signed: !!f.signed,
    amount: f.amount, featured: f, level: 'municipal',
  }));
  for (const group of rng.shuffle(groups)) {
    const area = areaByCode.get(rng.weighted(areaWeights))!;
    const industry = rng.weighted(area.industries);
    slots.push({ area, industry, group, track: DEFAULT_TRACK[group], signed: false, amount: 0, featured: null, level: 'municipal' });
  }
  return slots;
}

/** Lognormal sizes scaled to the two exact totals, rounded as a ledger would write them. */
function assignAmounts(rng: Rng, slots: Slot[]) {
  const pools: [Slot[], number][] = [
    [slots.filter((s) => s.group === 'autumn24'), AUTUMN_INVESTMENT],
    [slots.filter((s) => s.group !== 'autumn24'), TOTAL_INVESTMENT - AUTUMN_INVESTMENT],
  ];
  for (const [pool, target] of pools) {
    const free = pool.filter((s) => !s.featured);
    const fixed = pool.reduce((sum, s) => sum + (s.featured ? s.amount : 0), 0);
    const raw = free.map((s) => {
      const size = Math.min(9, Math.max(0.12, Math.exp(0.95 * rng.normal())));
      const kind = s.industry === 'infrastructure' ? 1.3 : s.industry === 'livelihood' ? 0.7 : 1;
      return size * kind * (s.group === 'continuing' ? 1.6 : 1);
    });
    const rawSum = raw.reduce((a, b) => a + b, 0);
    free.forEach((s, i) => (s.amount = roundAmount((raw[i]! / rawSum) * (target - fixed))));
    const sum = pool.reduce((a, s) => a + s.amount, 0);
    const largest = free.reduce((a, b) => (b.amount > a.amount ? b : a));
    largest.amount += target - sum;
    if (largest.amount <= 0) throw new Error('demo amounts could not reach their total');
  }
}

function roundAmount(v: number): number {
  const step = v < 10_000 ? 10 : v < 100_000 ? 100 : 1000;
  return Math.max(3000, Math.round(v / step) * step);
}

/** Tracks inside each group: short, small projects are the ones already completed or producing. */
function assignTracks(rng: Rng, slots: Slot[]) {
  for (const group of Object.keys(GROUP_SIZES) as Group[]) {
    const inGroup = slots.filter((s) => s.group === group);
    for (const [track, n] of Object.entries(TRACK_SIZES[group]) as [Track, number][]) {
      const need = n - inGroup.filter((s) => s.featured?.track === track).length;
      const small = (s: Slot) => group !== 'spring24' || s.amount <= 60_000;
      const industrial = (s: Slot) => track !== 'production' || !['infrastructure', 'livelihood', 'tourism'].includes(s.industry);
      const open = rng.shuffle(inGroup.filter((s) => !s.featured && s.track === DEFAULT_TRACK[group] && industrial(s)));
      const preferred = [...open.filter((s) => track === 'paused' || small(s)), ...open.filter((s) => track !== 'paused' && !small(s))];
      preferred.slice(0, need).forEach((s) => (s.track = track));
    }
    const need = (SIGNED_SIZES[group] ?? 0) - inGroup.filter((s) => s.signed).length;
    const investable = rng.shuffle(inGroup.filter((s) => !s.signed && !['infrastructure', 'livelihood'].includes(s.industry)));
    investable.slice(0, Math.max(0, need)).forEach((s) => (s.signed = true));
  }
}

function uniqueName(rng: Rng, names: Set<string>, s: Slot, brand: string): Naming {
  for (let attempt = 0; attempt < 30; attempt++) {
    const n = s.industry === 'new_energy' && rng.chance(0.3)
      ? { name: nameEnergyPlant(rng, s.area, brand), category: 'industrial' as const }
      : nameProject(rng, s.industry, s.area, brand, s.amount);
    if (!names.has(n.name)) return n;
  }
  const n = nameProject(rng, s.industry, s.area, brand, s.amount);
  for (const phase of ['（二期）', '（三期）', '（四期）', '（五期）']) {
    const name = n.name.replace(/(项目|工程)$/, `$1${phase}`);
    if (!names.has(name)) return { ...n, name };
  }
  throw new Error(`no unique demo project name for ${n.name}`);
}

/** A point near the county seat (parks lie close to the city centre), inside the city's extent. */
function place(rng: Rng, area: DemoArea): [string, string] {
  const spread = area.kind === 'park' ? 0.03 : 0.1;
  const lon = Math.min(116.58, Math.max(115.42, area.seat[0] + rng.range(-spread, spread)));
  const lat = Math.min(36.98, Math.max(35.82, area.seat[1] + rng.range(-spread * 0.8, spread * 0.8)));
  return [lon.toFixed(6), lat.toFixed(6)];
}

function address(rng: Rng, area: DemoArea): string {
  const town = rng.pick(area.towns);
  const [a, b] = rng.shuffle(ROADS);
  return rng.chance(0.6)
    ? `山东省聊城市${area.name}${town}${a}以${rng.pick(['东', '西'])}、${b}以${rng.pick(['南', '北'])}`
    : `山东省聊城市${area.name}${town}${a}${rng.int(1, 399)}号`;
}

/** One leader per project: city leaders carry the provincial ones; the rest are shared between city
 * leaders and the county's or park's own leaders. */
class LeaderPicker {
  constructor(private rng: Rng, private people: PeopleBook) {}

  pick(level: Level, area: DemoArea): Leader {
    const city = this.people.cityLeaders();
    const pool = level === 'provincial'
      ? city.filter((l) => l.provincial)
      : this.rng.chance(0.55) ? this.people.areaLeaders(area) : city;
    const weights = Object.fromEntries(pool.map((l, i) => [String(i), l.weight])) as Record<string, number>;
    return pool[Number(this.rng.weighted(weights))]!;
  }
}
