// The escalation ladder (逐级上报): an overdue roadblock climbs department → county office or
// special team (1) → lead leader (2) → city dispatch meeting (3), by working days overdue against
// the region's problem_settings.escalation_days (nearest ancestor; [0, 5, 10] by default).
//
// Precisely: a roadblock is overdue from the first working day after its missed deadline
// (acceptDue while open/reopened, dueDate while accepted); that day counts 1 working day overdue.
// Level k is reached when the count is at least max(1, escalation_days[k-1]), so with the defaults
// level 1 comes on the first working day after the deadline, level 2 at 5, level 3 at 10. A weekend
// or holiday right after the deadline escalates nothing. The level only climbs; each level climbed
// writes an 'escalated' event and notifies its people in the same transaction. Running twice with
// the same clock changes nothing the second time.
import { loadAdjustments } from './problems.repo.ts';
import { sql } from 'drizzle-orm';
import { ESCALATION_LEVEL_LABELS, escalationLevelFor, overdueOn, type EscalationLevel, type ProblemStatus } from '../../../domain/problems.ts';
import { clock, clockToday } from '../../clock.ts';
import type { Db, DbOrTx } from '../../db/client.ts';
import { invalid } from '../../errors.ts';
import { recordAudit } from '../audit/audit.repo.ts';
import { requireOffice } from '../access/access.policy.ts';
import type { Principal } from '../access/principal.ts';
import { notify, type Recipients } from '../notifications/notify.ts';
import { markOverdueOrders } from '../supervision/supervision.hooks.ts';

/** A step of the contract's EscalationResult, with what the command line prints besides. */
export interface EscalationStep {
  problemId: string;
  code: string;
  title: string;
  projectName: string;
  regionName: string;
  from: EscalationLevel;
  to: EscalationLevel;
  /** Which deadline was missed. */
  kind: 'accept' | 'solve';
  deadline: string;
  overdueWorkdays: number;
  /** Notifications written for this roadblock (all levels climbed). */
  notified: number;
}

export interface EscalationRun {
  at: string;
  /** Roadblocks past a deadline and below level 3, looked at. */
  checked: number;
  /** Of those, overdue by at least one working day. */
  overdue: number;
  escalated: EscalationStep[];
}

interface Candidate {
  id: string;
  code: string;
  title: string;
  status: ProblemStatus;
  accept_due: string;
  due_date: string | null;
  escalation_level: number;
  region_path: string;
  department_id: string;
  project_id: string;
  project_name: string;
  region_name: string;
  leader_person_id: string | null;
  escalation_days: number[] | null;
  team_person_ids: string[] | null;
}


/** Roadblocks whose deadline has passed on `today` and that can still climb, within a region subtree. */
async function overdueCandidates(db: DbOrTx, today: string, regionPath: string): Promise<Candidate[]> {
  const res = await db.execute<Candidate & Record<string, unknown>>(sql`
    SELECT p.id, p.code, p.title, p.status, p.accept_due, p.due_date, p.escalation_level, p.region_path,
           p.department_id, p.project_id, pr.name AS project_name, r.name AS region_name, pr.leader_person_id,
           (SELECT s.escalation_days FROM problem_settings s JOIN regions sr ON sr.code = s.region_code
             WHERE p.region_path LIKE sr.path || '%' ORDER BY length(sr.path) DESC LIMIT 1) AS escalation_days,
           (SELECT array_agg(DISTINCT tm.person_id::text) FROM project_team_members tm
             WHERE tm.project_id = p.project_id AND tm.person_id IS NOT NULL) AS team_person_ids
    FROM problems p
    JOIN projects pr ON pr.id = p.project_id
    JOIN regions r ON r.code = pr.region_code
    WHERE p.region_path LIKE ${regionPath} || '%'
      AND p.escalation_level < 3
      AND ((p.status IN ('open', 'reopened') AND p.accept_due < ${today}::date)
        OR (p.status = 'accepted' AND p.due_date < ${today}::date))
    ORDER BY p.code`);
  return res.rows;
}

/** The first `depth` codes of a region path: '370000/371500/371502/' at depth 2 → '370000/371500/'. */
function pathPrefix(path: string, depth: number): string {
  const codes = path.split('/').filter(Boolean);
  return codes.slice(0, Math.min(depth, codes.length)).join('/') + '/';
}

/**
 * Who hears of each level, besides the lead department (always told its roadblock climbed):
 * 1 the offices of the project's county and the special team, 2 the lead leader, 3 the city office.
 */
function recipientsFor(level: EscalationLevel, c: Candidate): Recipients {
  const department = { orgIds: [c.department_id] };
  if (level === 1) {
    const county = pathPrefix(c.region_path, 3);
    return { ...department, personIds: c.team_person_ids ?? [], roles: { roles: ['office'], regionPath: county, minDepth: county.split('/').length - 1 } };
  }
  if (level === 2) return { ...department, personIds: [c.leader_person_id] };
  const city = pathPrefix(c.region_path, 2);
  return { ...department, roles: { roles: ['office'], regionPath: city, minDepth: city.split('/').length - 1 } };
}

const KIND_TEXT = { accept: '未按期受理', solve: '未按办结时限办结' } as const;

async function climb(tx: DbOrTx, c: Candidate, to: EscalationLevel, o: { kind: 'accept' | 'solve'; deadline: string; workdays: number; asOf: string; who: Principal | null }): Promise<number> {
  const from = c.escalation_level as EscalationLevel;
  // Stamped by the server clock, which a demo database pins to its own day.
  const at = clock.now();
  // Guarded: a concurrent run that got there first leaves nothing to do.
  const updated = await tx.execute(sql`
    UPDATE problems SET escalation_level = ${to}, escalated_at = ${at.toISOString()}::timestamptz, updated_at = now()
    WHERE id = ${c.id} AND escalation_level < ${to}`);
  if (!updated.rowCount) return 0;
  let notified = 0;
  for (let level = (from + 1) as EscalationLevel; level <= to; level = (level + 1) as EscalationLevel) {
    const label = ESCALATION_LEVEL_LABELS[level];
    const note = `${KIND_TEXT[o.kind]}（时限 ${o.deadline}），已超期 ${o.workdays} 个工作日，升级至${label}`;
    await tx.execute(sql`
      INSERT INTO problem_events (problem_id, action, at, user_id, username, note, data)
      VALUES (${c.id}, 'escalated', ${at.toISOString()}::timestamptz, ${o.who?.id ?? null}, ${o.who?.username ?? 'system'}, ${note},
        ${JSON.stringify({ from: level - 1, to: level, kind: o.kind, deadline: o.deadline, overdueWorkdays: o.workdays, at: o.asOf })}::jsonb)`);
    notified += await notify(tx, recipientsFor(level, c), {
      kind: 'problem_escalated',
      title: `问题升级至${label}：${c.code} ${c.title}`,
      body: `${c.region_name} · ${c.project_name}：${note}`,
      link: `/problems/${c.id}`,
      entityType: 'problem',
      entityId: c.id,
      at,
    });
  }
  await recordAudit(tx, o.who, {
    action: 'escalate', entityType: 'problem', entityId: c.id, projectId: c.project_id, regionPath: c.region_path,
    before: { escalationLevel: from }, after: { escalationLevel: to }, note: `${KIND_TEXT[o.kind]}，超期 ${o.workdays} 个工作日`,
  });
  return notified;
}

/** Runs the ladder on `asOf` over a region subtree (the whole database by default). */
export async function runEscalation(db: Db, asOf: string, o: { regionPath?: string; who?: Principal | null } = {}): Promise<EscalationRun> {
  const adj = await loadAdjustments(db);
  const candidates = await overdueCandidates(db, asOf, o.regionPath ?? '');
  const escalated: EscalationStep[] = [];
  let overdue = 0;
  for (const c of candidates) {
    const od = overdueOn({ status: c.status, acceptDue: c.accept_due, dueDate: c.due_date }, asOf, adj);
    // Overdue "at all" means at least the first working day after the deadline.
    if (!od.overdue || !od.kind || !od.deadline || od.workdays < 1) continue;
    overdue++;
    const level = escalationLevelFor(od.workdays, true, c.escalation_days ?? undefined);
    if (level <= c.escalation_level) continue;
    const facts = { kind: od.kind, deadline: od.deadline, workdays: od.workdays, asOf, who: o.who ?? null };
    const notified = await db.transaction((tx) => climb(tx, c, level, facts));
    escalated.push({
      problemId: c.id, code: c.code, title: c.title, projectName: c.project_name, regionName: c.region_name,
      from: c.escalation_level as EscalationLevel, to: level, kind: od.kind, deadline: od.deadline, overdueWorkdays: od.workdays, notified,
    });
  }
  return { at: asOf, checked: candidates.length, overdue, escalated };
}

/**
 * What the scheduler runs (`npx tuijin escalate`) and POST /problems/escalate: the ladder, then
 * supervision orders past their deadline onto the accountability list.
 */
export async function escalate(db: Db, at: string, o: { regionPath?: string; who?: Principal | null } = {}): Promise<EscalationRun & { overdueOrders: number }> {
  const run = await runEscalation(db, at, o);
  const overdueOrders = await markOverdueOrders(db, at);
  return { ...run, overdueOrders };
}

/** POST /problems/escalate: the office runs it over its own subtree, today or for a past day (catch-up). */
export async function escalateNow(db: Db, p: Principal, at?: string) {
  requireOffice(p);
  const today = clockToday();
  if (at && at > today) throw invalid('不能按未来日期升级', [{ field: 'at', message: `日期不能晚于今天（${today}）` }]);
  return escalate(db, at ?? today, { regionPath: p.regionPath, who: p });
}
