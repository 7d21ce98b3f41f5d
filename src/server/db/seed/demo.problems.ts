// Demo roadblocks (问题直通车) of 2024, as the city stands on AS_OF (Friday 20 December 2024): 60
// raised across the categories and the city departments, most closed, some solved awaiting the
// raiser, some still open, accepted or reopened. Levels are what the ladder gives on AS_OF (and,
// for solved ones, on the day they were solved), with their 'escalated' events, so the statistics
// and the dispatch meeting's list have content. The department user's bureau has a few open ones,
// among them DEMO_PROBLEM_JOURNEY: due to be accepted today (AS_OF), so not yet overdue — the browser
// journey accepts it with a date by which it will be solved, lets that date pass and watches it climb. Deterministic: fixed seeds, no clock.
import { sql } from 'drizzle-orm';
import { escalationLevelFor, DEFAULT_ESCALATION_DAYS, PROBLEM_CATEGORY_LABELS, problemCode, type ProblemCategory, type ProblemStatus } from '../../../domain/problems.ts';
import { addWorkdays, isWorkday, workdaysBetween } from '../../../domain/workdays.ts';
import type { DbOrTx } from '../client.ts';
import { notifications, problemCoDepartments, problemEvents, problems } from '../schema/index.ts';
import { DEPARTMENTS, type DepartmentKey } from './demo.orgs.ts';
import { addDays, AS_OF, chunks, daysBetween, demoId, Rng } from './demo.prng.ts';

/** The roadblock the browser journey works on: routed to the department user's bureau, raised by the unit. */
export const DEMO_PROBLEM_JOURNEY = { code: 'WT2024-00058', department: 'department', raiser: 'unit', acceptDue: '2024-12-20' } as const;

const TOPICS: Record<ProblemCategory, { dept: DepartmentKey[]; titles: string[] }> = {
  land: { dept: ['land'], titles: ['用地指标未落实', '土地组卷报批进度慢', '不动产权证办理滞后'] },
  approvals: { dept: ['approval'], titles: ['施工许可证办理受阻', '规划许可审批时限长', '可研批复前置条件不明确'] },
  funding: { dept: ['finance', 'drc'], titles: ['专项债资金未及时拨付', '项目贷款审批未通过', '配套资金缺口较大'] },
  demolition: { dept: ['housing'], titles: ['地上附着物补偿未谈妥', '安置房建设滞后影响征迁', '个别户未签订征迁协议'] },
  utilities: { dept: ['power', 'water'], titles: ['电力接入线路未建成', '供水管网未接通', '天然气管道接入滞后'] },
  environment: { dept: ['environment'], titles: ['环评批复未取得', '排污总量指标不足', '扬尘管控影响施工'] },
  energy_quota: { dept: ['drc', 'industry'], titles: ['能耗指标缺口', '节能审查意见未出具'] },
  labour: { dept: ['labour'], titles: ['技术工人招聘困难', '农民工工资支付纠纷'] },
  construction: { dept: ['housing', 'transport'], titles: ['施工单位进场缓慢', '地质条件复杂需变更设计', '施工便道未打通'] },
  other: { dept: ['commerce', 'drc'], titles: ['周边群众阻工', '跨区域协调事项未落实'] },
};
const WEIGHTS: Record<ProblemCategory, number> = {
  land: 14, approvals: 12, funding: 10, demolition: 7, utilities: 9, environment: 6, energy_quota: 4, labour: 3, construction: 8, other: 3,
};

interface ProjectFacts { id: string; code: string; name: string; regionPath: string; responsibleOrgId: string | null; ownerOrgId: string | null; leaderPersonId: string | null }
interface DemoUser { id: string; username: string; orgId: string | null; personId: string | null }

/** Where a roadblock stands on AS_OF. `late` is working days past its current deadline (null: not yet due). */
interface Shape { status: ProblemStatus; late: number | null; land?: boolean; journey?: boolean }

/** The unsolved ones, set by hand so each level of the ladder and each state has examples. */
const UNSOLVED: Shape[] = [
  { status: 'open', late: 0, land: true, journey: true },
  { status: 'open', late: null, land: true },
  { status: 'accepted', late: null, land: true },
  { status: 'accepted', late: 6, land: true },
  { status: 'open', late: 2 },
  { status: 'reopened', late: 1 },
  { status: 'accepted', late: 8 },
  { status: 'accepted', late: 12 },
  { status: 'accepted', late: 25 },
  { status: 'open', late: 15 },
  { status: 'accepted', late: null },
  { status: 'accepted', late: null },
  { status: 'open', late: null },
  { status: 'solved', late: null },
  { status: 'solved', late: null },
  { status: 'solved', late: null },
];
const TOTAL = 60;

const at = (date: string, hhmm: string) => new Date(`${date}T${hhmm}:00+08:00`);
/** The last working day on or before `d`. */
const workdayOnOrBefore = (d: string) => (isWorkday(d) ? d : addWorkdays(d, -1));
/** The ladder on `day` for a deadline: the level and the day each level was reached. */
function ladder(deadline: string, day: string): { level: number; reached: string[] } {
  const wd = workdaysBetween(deadline, day);
  const level = escalationLevelFor(wd, wd >= 1, DEFAULT_ESCALATION_DAYS);
  const reached = DEFAULT_ESCALATION_DAYS.slice(0, level).map((n) => addWorkdays(deadline, Math.max(1, n)));
  return { level, reached };
}

export async function seedDemoProblems(tx: DbOrTx): Promise<number> {
  const rng = new Rng('demo:problems');
  const projects = (await tx.execute<ProjectFacts & Record<string, unknown>>(sql`
    SELECT id, code, name, region_path AS "regionPath", responsible_org_id AS "responsibleOrgId", owner_org_id AS "ownerOrgId",
           leader_person_id AS "leaderPersonId"
    FROM projects WHERE stage IN ('preparation', 'started', 'construction') ORDER BY code`)).rows;
  const deptRows = (await tx.execute<{ id: string; name: string }>(sql`SELECT id, name FROM organizations WHERE kind = 'department'`)).rows;
  const deptId = (k: DepartmentKey) => deptRows.find((d) => d.name === DEPARTMENTS[k])!.id;
  const userRows = (await tx.execute<DemoUser & Record<string, unknown>>(sql`
    SELECT id, username, org_id AS "orgId", person_id AS "personId" FROM users`)).rows;
  const user = (name: string) => userRows.find((u) => u.username === name)!;
  const unit = user('unit');
  const owner = user('owner');
  const office = user('office');
  const raiserOf = (p: ProjectFacts) => (p.responsibleOrgId === unit.orgId ? unit : p.ownerOrgId === owner.orgId ? owner : office);
  const unitProjects = projects.filter((p) => p.responsibleOrgId === unit.orgId);

  type Draft = {
    project: ProjectFacts; category: ProblemCategory; title: string; dept: DepartmentKey; co: DepartmentKey[]; status: ProblemStatus;
    raisedOn: string; acceptDue: string; acceptedOn: string | null; dueDate: string | null; solvedOn: string | null; closedOn: string | null;
    reopenedOn: string | null; journey: boolean;
  };
  const drafts: Draft[] = [];
  const topic = (land: boolean | undefined) => {
    const category: ProblemCategory = land ? 'land' : rng.weighted(WEIGHTS);
    const t = TOPICS[category];
    return { category, title: rng.pick(t.titles), dept: land ? ('land' as const) : rng.pick(t.dept) };
  };

  for (const s of UNSOLVED) {
    const { category, title, dept } = topic(s.land);
    const project = s.journey ? unitProjects[0]! : rng.pick(projects);
    // The deadline that matters now: `late` working days before AS_OF, or one still ahead.
    const deadline = s.late == null ? addWorkdays(AS_OF, rng.int(2, 15)) : addWorkdays(workdayOnOrBefore(AS_OF), -s.late);
    const d: Draft = {
      project, category, title, dept, co: rng.chance(0.25) ? ['approval'] : [], status: s.status, raisedOn: '', acceptDue: '', acceptedOn: null,
      dueDate: null, solvedOn: null, closedOn: null, reopenedOn: null, journey: !!s.journey,
    };
    if (s.status === 'open') {
      d.acceptDue = deadline;
      d.raisedOn = addWorkdays(deadline, -3);
    } else if (s.status === 'reopened') {
      d.reopenedOn = addWorkdays(deadline, -3);
      d.acceptDue = deadline;
      d.raisedOn = addDays(d.reopenedOn, -rng.int(40, 80));
      d.acceptedOn = addWorkdays(d.raisedOn, 2);
      d.dueDate = addDays(d.acceptedOn, 20);
      d.solvedOn = addDays(d.reopenedOn, -rng.int(2, 6));
    } else if (s.status === 'accepted') {
      d.dueDate = deadline;
      d.acceptedOn = workdayOnOrBefore(addDays(deadline, -rng.int(15, 45)));
      d.raisedOn = addWorkdays(d.acceptedOn, -rng.int(1, 3));
      d.acceptDue = addWorkdays(d.raisedOn, 3);
    } else {
      d.solvedOn = addWorkdays(workdayOnOrBefore(AS_OF), -rng.int(0, 3));
      d.acceptedOn = addWorkdays(d.solvedOn, -rng.int(8, 20));
      d.raisedOn = addWorkdays(d.acceptedOn, -rng.int(1, 3));
      d.acceptDue = addWorkdays(d.raisedOn, 3);
      d.dueDate = addDays(d.acceptedOn, rng.int(15, 30));
    }
    if (s.journey) d.co = [];
    drafts.push(d);
  }
  // The rest: closed between January and November; about a quarter accepted or solved late.
  while (drafts.length < TOTAL) {
    const { category, title, dept } = topic(false);
    const raisedOn = workdayOnOrBefore(addDays('2024-01-08', rng.int(0, 290)));
    const acceptDue = addWorkdays(raisedOn, 3);
    const acceptedOn = addWorkdays(raisedOn, rng.chance(0.15) ? rng.int(4, 9) : rng.int(0, 3));
    const dueDate = addDays(acceptedOn, rng.int(10, 45));
    const late = rng.chance(0.25);
    const solved = late ? addWorkdays(dueDate, rng.int(1, 14)) : workdayOnOrBefore(addDays(acceptedOn, rng.int(3, daysBetween(acceptedOn, dueDate))));
    if (solved >= AS_OF) continue;
    drafts.push({
      project: rng.pick(projects), category, title, dept, co: rng.chance(0.2) ? [rng.pick(['approval', 'land', 'finance'] as const)].filter((c) => c !== dept) : [],
      status: 'closed', raisedOn, acceptDue, acceptedOn, dueDate, solvedOn: solved, closedOn: addWorkdays(solved, rng.int(1, 4)), reopenedOn: null, journey: false,
    });
  }
  drafts.sort((a, b) => a.raisedOn.localeCompare(b.raisedOn) || Number(a.journey) - Number(b.journey));

  const rows: (typeof problems.$inferInsert)[] = [];
  const events: (typeof problemEvents.$inferInsert)[] = [];
  const co: (typeof problemCoDepartments.$inferInsert)[] = [];
  const notes: (typeof notifications.$inferInsert)[] = [];
  const deptUser = user('department');
  const leaderUser = user('leader');
  drafts.forEach((d, i) => {
    const code = problemCode(2024, i + 1);
    if (d.journey && code !== DEMO_PROBLEM_JOURNEY.code) throw new Error(`demo journey roadblock came out as ${code}, not ${DEMO_PROBLEM_JOURNEY.code}`);
    const id = demoId('problem', code);
    const raiser = raiserOf(d.project);
    const deptName = DEPARTMENTS[d.dept];
    const handler = d.dept === 'land' ? deptUser : null;
    // Levels: missed acceptance up to the day it was accepted; missed date up to the day it was solved; or up to AS_OF.
    const acceptLadder = ladder(d.acceptDue, d.acceptedOn && !d.reopenedOn ? d.acceptedOn : AS_OF);
    const solveLadder = d.dueDate && d.status !== 'open' && d.status !== 'reopened' ? ladder(d.dueDate, d.solvedOn ?? AS_OF) : { level: 0, reached: [] };
    const climb = acceptLadder.level >= solveLadder.level ? acceptLadder : solveLadder;
    const level = climb.level;
    const desc = `${d.project.name}${d.title}，影响项目按期推进。已多次对接未能解决，请${deptName}牵头协调（${PROBLEM_CATEGORY_LABELS[d.category]}）。`;
    rows.push({
      id, code, projectId: d.project.id, regionPath: d.project.regionPath, category: d.category, severity: rng.weighted({ general: 6, major: 3, critical: 1 }),
      title: d.title, description: desc, departmentId: deptId(d.dept), status: d.status, raisedBy: raiser.id, raisedAt: at(d.raisedOn, '10:12'),
      acceptDue: d.acceptDue, acceptedAt: d.acceptedOn ? at(d.acceptedOn, '15:40') : null, acceptedBy: d.acceptedOn ? handler?.id ?? null : null,
      dueDate: d.dueDate, solvedAt: d.solvedOn && d.status !== 'reopened' ? at(d.solvedOn, '16:20') : null, solvedBy: d.solvedOn ? handler?.id ?? null : null,
      solution: d.solvedOn && d.status !== 'reopened' ? `经${deptName}协调，${d.title}问题已解决，项目恢复正常推进。` : null,
      closedAt: d.closedOn ? at(d.closedOn, '09:05') : null, closedBy: d.closedOn ? raiser.id : null,
      escalationLevel: level, escalatedAt: level ? at(climb.reached[level - 1]!, '08:30') : null,
      updatedAt: at(d.closedOn ?? d.solvedOn ?? d.acceptedOn ?? d.raisedOn, '17:00'),
    });
    for (const c of d.co) co.push({ problemId: id, orgId: deptId(c) });
    const ev = (action: string, day: string, hhmm: string, who: DemoUser | null, note: string | null, data: Record<string, unknown> | null = null) =>
      events.push({ problemId: id, action, userId: who?.id ?? null, username: who?.username ?? (action === 'escalated' ? 'system' : deptName), at: at(day, hhmm), note, data });
    ev('raised', d.raisedOn, '10:12', raiser, null, { acceptDue: d.acceptDue });
    if (d.acceptedOn) ev('accepted', d.acceptedOn, '15:40', handler, `承诺于${d.dueDate}前办结`, { dueDate: d.dueDate });
    if (d.acceptedOn && d.solvedOn && rng.chance(0.5)) ev('progress', addWorkdays(d.acceptedOn, 2), '11:00', handler, '已召开专题协调会，明确责任分工和时间节点');
    if (d.solvedOn) ev('solved', d.solvedOn, '16:20', handler, null);
    if (d.reopenedOn) ev('reopened', d.reopenedOn, '09:30', raiser, '问题未彻底解决，现场仍不具备施工条件', { acceptDue: d.acceptDue });
    if (d.closedOn) ev('verified', d.closedOn, '09:05', raiser, null);
    climb.reached.forEach((day, k) =>
      ev('escalated', day, '08:30', null, `超期 ${workdaysBetween(climb === acceptLadder ? d.acceptDue : d.dueDate!, day)} 个工作日，升级至第 ${k + 1} 级`, { from: k, to: k + 1, at: day }));

    // The demo users' bells: the bureau hears of each roadblock routed to it and of each climb; the
    // lead leader of level 2, the city office of level 3. Read once the roadblock left their hands.
    const settled = d.status === 'closed' || d.status === 'solved';
    const note = (u: DemoUser, kind: string, title: string, day: string, read: boolean) =>
      notes.push({ userId: u.id, kind, title, link: `/problems/${id}`, entityType: 'problem', entityId: id, createdAt: at(day, '08:30'), readAt: read ? at(day, '18:00') : null });
    if (d.dept === 'land' || d.co.includes('land')) note(deptUser, 'problem_raised', `新问题待受理：${code} ${d.title}`, d.raisedOn, !!d.acceptedOn && d.status !== 'reopened');
    climb.reached.forEach((day, k) => {
      const title = `问题升级至${['县级调度办/专班', '包联领导', '市调度会'][k]}：${code} ${d.title}`;
      if (d.dept === 'land') note(deptUser, 'problem_escalated', title, day, settled);
      if (k === 1 && d.project.leaderPersonId && d.project.leaderPersonId === leaderUser.personId) note(leaderUser, 'problem_escalated', title, day, settled);
      if (k === 2) note(office, 'problem_escalated', title, day, settled);
    });
  });
  for (const part of chunks(rows, 200)) await tx.insert(problems).values(part);
  for (const part of chunks(co, 500)) await tx.insert(problemCoDepartments).values(part);
  for (const part of chunks(events, 500)) await tx.insert(problemEvents).values(part);
  for (const part of chunks(notes, 500)) await tx.insert(notifications).values(part);
  return rows.length;
}
