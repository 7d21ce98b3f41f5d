// What hangs off each demo project's file card: its special team, the approval procedures, the
// factor needs and the milestones — each consistent with the stage the project has reached.
import type { projectFactorNeeds, projectMilestones, projectProcedures, projectTeamMembers } from '../schema/index.ts';
import type { FactorKind, FactorStatus, ProcedureStatus } from '../../../domain/enums.ts';
import { DEPARTMENTS } from './demo.orgs.ts';
import type { PeopleBook, Staff } from './demo.people.ts';
import type { DemoProject } from './demo.projects.ts';
import { addDays, addMonths, AS_OF, daysBetween, demoId, maxDate, minDate, Rng } from './demo.prng.ts';

type TeamRow = typeof projectTeamMembers.$inferInsert;
type ProcedureRow = typeof projectProcedures.$inferInsert;
type FactorRow = typeof projectFactorNeeds.$inferInsert;
type MilestoneRow = typeof projectMilestones.$inferInsert;

export function teamRows(rng: Rng, p: DemoProject, people: PeopleBook): TeamRow[] {
  const staff = people.areaStaff.get(p.area.code)!;
  const specialists = rng.shuffle(staff.slice(0, 3)).slice(0, rng.int(1, 2));
  const memberPool = rng.shuffle<Staff>([...staff.slice(3), ...people.cityStaff]);
  const members = memberPool.slice(0, rng.int(1, 3));
  const contact = people.contactOf(p.owner);
  const rows: TeamRow[] = [{
    projectId: p.id, personId: p.leader.person.id, name: p.leader.person.name, role: 'leader',
    duty: '包靠领导，统筹协调解决项目推进中的重大问题', orgName: p.leader.person.title, phone: null, sort: 0,
  }];
  for (const s of specialists) {
    rows.push({ projectId: p.id, personId: s.person.id, name: s.person.name, role: 'specialist', duty: '帮包专员，全程跟踪服务，协调要素保障', orgName: s.orgName, phone: s.person.phone, sort: rows.length });
  }
  for (const m of members) {
    rows.push({ projectId: p.id, personId: m.person.id, name: m.person.name, role: 'member', duty: `专班成员，${m.duty}`, orgName: m.orgName, phone: m.person.phone, sort: rows.length });
  }
  rows.push({ projectId: p.id, personId: contact.id, name: contact.name, role: 'contact', duty: `项目联系人（${contact.title}）`, orgName: p.owner.name, phone: contact.phone, sort: rows.length });
  return rows;
}

const PROCEDURES = ['项目备案/核准', '用地预审与选址意见', '建设用地规划许可', '环境影响评价', '节能审查', '建设工程规划许可', '施工许可'] as const;
/** Days before the start at which each procedure is usually done, earliest first. */
const LEAD_DAYS: [number, number][] = [[150, 300], [110, 220], [80, 160], [50, 140], [45, 130], [20, 60], [1, 15]];

/** Running document numbers per kind and year, like a bureau's register. */
export class DocNumbers {
  private next = new Map<string, number>();
  constructor(private rng: Rng) {}

  take(kind: string, year: number): number {
    const key = `${kind}:${year}`;
    const n = this.next.get(key) ?? this.rng.int(3, 30);
    this.next.set(key, n + this.rng.int(1, 4));
    return n;
  }
}

function documentNo(docs: DocNumbers, rng: Rng, p: DemoProject, i: number, date: string): string {
  const y = Number(date.slice(0, 4));
  const region = p.area.code;
  const seq5 = () => String(docs.take(`seq${i}`, y)).padStart(5, '0');
  switch (i) {
    case 0:
      return approvedByCity(p)
        ? `聊发改投资〔${y}〕${docs.take('approval', y)}号`
        : `${date.slice(2, 4)}${date.slice(5, 7)}-${region}-04-01-${String(rng.int(100000, 999999))}`;
    case 1: return `用字第${region}${y}${seq5()}号`;
    case 2: return `地字第${region}${y}${seq5()}号`;
    case 3: return `聊环审〔${y}〕${docs.take('eia', y)}号`;
    case 4: return `聊发改能审〔${y}〕${docs.take('energy', y)}号`;
    case 5: return `建字第${region}${y}${seq5()}号`;
    default: return `${region}${date.replaceAll('-', '')}${String((docs.take(`permit${region}`, y) % 99) + 1).padStart(2, '0')}01`;
  }
}

/** Large and provincial projects are approved (核准) by the city; the rest are filed (备案) locally. */
const approvedByCity = (p: DemoProject) => p.level === 'provincial' || p.category === 'infrastructure';

function authority(p: DemoProject, i: number): string {
  const local = p.area.kind === 'county';
  switch (i) {
    case 0: return approvedByCity(p) ? DEPARTMENTS.drc : local ? `${p.area.name}行政审批服务局` : `${p.area.place}经济发展局`;
    case 1: case 2: return DEPARTMENTS.land;
    case 3: return DEPARTMENTS.environment;
    case 4: return DEPARTMENTS.drc;
    case 5: return local ? `${p.area.name}自然资源局` : DEPARTMENTS.land;
    default: return local ? `${p.area.name}行政审批服务局` : DEPARTMENTS.approval;
  }
}

export function procedureRows(rng: Rng, docs: DocNumbers, p: DemoProject): ProcedureRow[] {
  const onExistingSite = p.category === 'industrial' && rng.chance(0.2);
  const noEnergyReview = p.category === 'social' || (p.category === 'infrastructure' && rng.chance(0.5));
  const started = p.actualStart !== null;
  // How many procedures a project not yet started has completed, by how close it is to starting.
  const doneCount = started ? 7 : p.stage === 'reserve' ? (p.reserveGrade === 'A' ? rng.int(0, 1) : 0) : p.track === 'lagging' ? rng.int(3, 5) : rng.int(2, 5);
  const anchor = p.actualStart ?? p.plannedStart;
  const listed = p.history[0]!.date;
  let previous = '';
  let lastActual = '';
  let firstOpen = -1;
  return PROCEDURES.map((name, i) => {
    const [lo, hi] = LEAD_DAYS[i]!;
    let planned = addDays(anchor, -rng.int(lo, hi));
    if (planned < previous) planned = addDays(previous, rng.int(3, 20));
    previous = planned;
    // A project not yet started has done only what was due by now.
    const due = started || planned <= addDays(AS_OF, -5);
    const done = i < doneCount && due;
    if (!done && firstOpen < 0) firstOpen = i;
    let status: ProcedureStatus = done ? 'done' : i === firstOpen && p.stage !== 'reserve' ? 'in_progress' : 'pending';
    if ((onExistingSite && (i === 1 || i === 2)) || (noEnergyReview && i === 4)) status = 'not_required';
    let actual: string | null = null;
    if (status === 'done') {
      if (started) {
        const dayBefore = addDays(p.actualStart!, -1);
        const onTime = i === 6 ? addDays(p.actualStart!, -rng.int(1, 10)) : addDays(planned, rng.int(-10, 25));
        // Procedures are taken in order and all before the start.
        actual = minDate(maxDate(onTime, lastActual), dayBefore);
      } else {
        actual = minDate(maxDate(addDays(planned, rng.int(-5, 15)), listed, lastActual), AS_OF);
      }
      lastActual = actual;
    }
    const plannedDate = status === 'not_required' ? null : planned;
    return {
      projectId: p.id, name, status, sort: i,
      plannedDate,
      baselineDate: plannedDate && !actual && (p.track === 'lagging' || p.track === 'paused') ? firstPlan(p, plannedDate) : plannedDate,
      actualDate: actual,
      documentNo: actual ? documentNo(docs, rng, p, i, actual) : null,
      authority: status === 'not_required' ? null : authority(p, i),
    };
  });
}

/**
 * Lagging and paused projects have re-planned their open procedures: the whole remaining path was
 * first planned some weeks earlier, and that first plan is kept as the baseline. The shift comes
 * from a stream of its own per project, so the rest of the demo comes out as before.
 */
function firstPlan(p: DemoProject, planned: string): string {
  return addDays(planned, -new Rng(`demo:replan:${p.code}`).int(20, 75));
}

export function factorRows(rng: Rng, p: DemoProject): FactorRow[] {
  const rows: FactorRow[] = [];
  const industrial = p.category === 'industrial';
  const started = p.actualStart !== null;
  const status = (kind: FactorKind): FactorStatus => {
    if (p.stage === 'reserve') return 'pending';
    if (started) return kind === 'funding' ? (rng.chance(0.4) ? 'in_progress' : 'satisfied') : rng.chance(0.9) ? 'satisfied' : 'in_progress';
    return rng.weighted({ pending: 2, in_progress: 3, satisfied: p.track === 'nextSpring' ? 2 : 1 });
  };
  const add = (kind: FactorKind, quantity: number, unit: string, description: string) =>
    rows.push({ projectId: p.id, kind, quantity: String(quantity), unit, description, status: status(kind), sort: rows.length });
  if (p.category !== 'infrastructure' || rng.chance(0.4)) {
    const mu = Math.max(10, Math.round(p.amount / rng.range(300, 700)));
    add('land', mu, '亩', `新增建设用地${mu}亩，需落实用地指标并完成土地供应`);
  }
  if (industrial && p.industry !== 'digital' && rng.chance(0.8)) {
    const tce = Math.max(500, Math.round((p.amount * rng.range(0.05, 0.4)) / 10) * 10);
    add('energy', tce, '吨标准煤', `年综合能耗约${tce}吨标准煤（当量值），需落实能耗指标`);
  }
  if (rng.chance(0.45)) {
    const gap = Math.max(1000, Math.round((p.amount * rng.range(0.1, 0.3)) / 100) * 100);
    add('funding', gap, '万元', p.category === 'industrial' ? `资金缺口${gap}万元，需协调银行贷款支持` : `需争取地方政府专项债券${gap}万元`);
  }
  if (industrial && rng.chance(0.6)) {
    const kva = Math.round(rng.range(2000, 40000) / 500) * 500;
    add('power', kva, 'kVA', `新上${kva}kVA专用变压器，需协调供电线路接入`);
  }
  if (industrial && rng.chance(0.5)) {
    const people = Math.max(50, Math.round(p.amount / rng.range(100, 300) / 10) * 10);
    add('labour', people, '人', `达产后需用工约${people}人，其中技术工人约${Math.round(people * 0.3)}人`);
  }
  return rows;
}

export function milestoneRows(rng: Rng, p: DemoProject, people: PeopleBook): MilestoneRow[] {
  const contact = people.contactOf(p.owner).name;
  const specialist = people.areaStaff.get(p.area.code)![0]!.person.name;
  const rows: MilestoneRow[] = [];
  const add = (name: string, kind: MilestoneRow['kind'], planned: string, actual: string | null, responsible: string) =>
    rows.push({ id: demoId('milestone', `${p.code}:${rows.length}`), projectId: p.id, name, kind, plannedDate: planned, baselineDate: milestoneBaseline(p, kind, planned), actualDate: actual, responsible, sort: rows.length });
  add('项目开工', 'start', p.plannedStart, p.actualStart, specialist);
  if (p.actualStart || p.stage === 'preparation') {
    const span = daysBetween(p.plannedStart, p.plannedCompletion);
    const topOut = addDays(p.plannedStart, Math.round(span * rng.range(0.4, 0.6)));
    const reached = p.actualCompletion !== null || (p.stage === 'construction' && topOut < AS_OF && rng.chance(0.8));
    const actual = reached ? minDate(addDays(topOut, rng.int(-10, 20)), p.actualCompletion ?? addDays(AS_OF, -1)) : null;
    add(p.category === 'industrial' ? '主体厂房封顶' : '主体结构完工', 'other', topOut, actual && p.actualStart && actual > p.actualStart ? actual : null, contact);
  }
  add('项目竣工', 'completion', p.plannedCompletion, p.actualCompletion, contact);
  if (p.plannedProduction) add('投产达效', 'production', p.plannedProduction, p.actualProduction, contact);
  return rows;
}

/**
 * The first plan of a milestone that was re-planned: a lagging project first meant to start a
 * season earlier; a paused one to complete half a year earlier. Every other milestone kept its date.
 */
function milestoneBaseline(p: DemoProject, kind: MilestoneRow['kind'], planned: string): string {
  if (p.track === 'lagging' && kind === 'start') return addMonths(planned, -3);
  if (p.track === 'paused' && kind === 'completion') return addMonths(planned, -6);
  return planned;
}
