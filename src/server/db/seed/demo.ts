// The demo city, modelled on Liaocheng (聊城市) in 2024: 400 provincial and municipal key projects
// worth ¥300 bn, the autumn batch groundbreaking of 194 projects worth ¥104.3 bn, and one user per
// role. Loaded into an empty database on first start. Every value is derived from fixed seeds, so
// two runs give the same ledger; everything is written in one transaction, or nothing is.
import { eq, inArray, sql } from 'drizzle-orm';
import { buildSearchText } from '../../../domain/search.ts';
import { recordAudit } from '../../modules/audit/audit.repo.ts';
import { hashPassword, verifyPassword } from '../../modules/auth/passwords.ts';
import type { Db, DbOrTx } from '../client.ts';
import {
  annualPlans, batches, batchProjects, organizations, people, projectFactorNeeds, projectMilestones, projectProcedures,
  projects, projectTeamMembers, regions, stageTransitions, users,
} from '../schema/index.ts';
import { buildBatches } from './demo.batches.ts';
import { seedCardsAndSupervision } from './demo.cards.ts';
import { DocNumbers, factorRows, milestoneRows, procedureRows, teamRows } from './demo.details.ts';
import { OrgBook } from './demo.orgs.ts';
import { PeopleBook } from './demo.people.ts';
import { planRows } from './demo.plans.ts';
import { seedDemoProblems } from './demo.problems.ts';
import { AS_OF, chunks, Rng } from './demo.prng.ts';
import { saveClockSetting } from '../../clock.ts';
import { buildProjects, regionPathOf, type DemoProject } from './demo.projects.ts';
import { buildReports, insertReports } from './demo.reports.ts';
import { seedRegions } from './demo.regions.ts';
import { buildUsers, DEMO_PASSWORD, DEMO_USERNAMES, type DemoLogin } from './demo.users.ts';

export { seedRegions } from './demo.regions.ts';
export type { DemoLogin } from './demo.users.ts';
export { DEMO_JOURNEY } from './demo.reports.ts';
export { DEMO_PROBLEM_JOURNEY } from './demo.problems.ts';

/** True when nobody can sign in yet: the state in which the demo may be loaded. */
export async function isDatabaseEmpty(db: DbOrTx): Promise<boolean> {
  const { rows } = await db.execute<{ found: boolean }>(sql`select exists (select 1 from ${users}) as found`);
  return !rows[0]?.found;
}

/** The demo sign-ins that still work (user present, enabled, password unchanged), for the console on
 * later starts. A password someone has changed is never printed. */
export async function demoLogins(db: DbOrTx): Promise<DemoLogin[]> {
  const rows = await db
    .select({ username: users.username, role: users.role, displayName: users.displayName, passwordHash: users.passwordHash, disabled: users.disabled, regionName: regions.name })
    .from(users)
    .innerJoin(regions, eq(regions.code, users.regionCode))
    .where(inArray(users.username, [...DEMO_USERNAMES]));
  const byName = new Map(rows.map((r) => [r.username, r]));
  const out: DemoLogin[] = [];
  for (const username of DEMO_USERNAMES) {
    const r = byName.get(username);
    if (!r || r.disabled || !(await verifyPassword(r.passwordHash, DEMO_PASSWORD))) continue;
    out.push({ role: r.role as DemoLogin['role'], username, password: DEMO_PASSWORD, displayName: r.displayName, regionName: r.regionName });
  }
  return out;
}

/** Everything the demo writes, built in memory first (no database needed to build it). */
export function buildDemoData(passwordHash: string) {
  const orgs = new OrgBook(new Rng('demo:orgs'));
  const book = new PeopleBook(new Rng('demo:people'), orgs);
  const list = buildProjects(orgs, book);

  const detailRng = new Rng('demo:details');
  const docs = new DocNumbers(new Rng('demo:documents'));
  const planRng = new Rng('demo:plans');
  const team: ReturnType<typeof teamRows> = [];
  const procedures: ReturnType<typeof procedureRows> = [];
  const factors: ReturnType<typeof factorRows> = [];
  const milestones: ReturnType<typeof milestoneRows> = [];
  const plans: ReturnType<typeof planRows> = [];
  const transitions: (typeof stageTransitions.$inferInsert)[] = [];
  for (const p of list) {
    team.push(...teamRows(detailRng, p, book));
    procedures.push(...procedureRows(detailRng, docs, p));
    factors.push(...factorRows(detailRng, p));
    milestones.push(...milestoneRows(detailRng, p, book));
    plans.push(...planRows(planRng, p));
    transitions.push(...p.history.map((h) => ({ projectId: p.id, fromStage: h.from, toStage: h.to, date: h.date, note: h.note })));
  }
  const events = buildBatches(list);
  const accounts = buildUsers(orgs, book, list, passwordHash);
  const reporting = buildReports({ projects: list, plans, milestones, users: accounts.rows });
  return {
    organizations: orgs.rows,
    people: book.rows,
    projects: list.map((p) => {
      const opening = reporting.openings.get(p.id)!;
      return { ...projectRow(p), openingInvestment: String(opening.investment), openingFundsArrived: String(opening.funds) };
    }),
    team, procedures, factors, milestones, plans, transitions,
    batches: events.batches,
    batchProjects: events.members,
    users: accounts.rows,
    logins: accounts.logins,
    reporting,
  };
}

function projectRow(p: DemoProject): typeof projects.$inferInsert {
  return {
    id: p.id,
    code: p.code,
    name: p.name,
    regionCode: p.area.code,
    regionPath: regionPathOf(p),
    ownerOrgId: p.owner.id,
    responsibleOrgId: p.unit.id,
    leaderPersonId: p.leader.person.id,
    level: p.level,
    category: p.category,
    industry: p.industry,
    constructionContent: p.content,
    address: p.address,
    longitude: p.longitude,
    latitude: p.latitude,
    totalInvestment: String(p.amount),
    fundSources: p.fundSources,
    plannedStart: p.plannedStart,
    plannedCompletion: p.plannedCompletion,
    plannedProduction: p.plannedProduction,
    actualStart: p.actualStart,
    actualCompletion: p.actualCompletion,
    actualProduction: p.actualProduction,
    stage: p.stage,
    stageDate: p.stageDate,
    pausedFrom: p.pausedFrom,
    reserveGrade: p.reserveGrade,
    targetYear: p.targetYear,
    tags: p.tags,
    searchText: buildSearchText({ code: p.code, name: p.name, owner: p.owner.name }),
  };
}

/** Loads the regions and the demo city in one transaction and returns the demo sign-ins. */
export async function seedDemo(db: Db): Promise<DemoLogin[]> {
  const data = buildDemoData(await hashPassword(DEMO_PASSWORD));
  await db.transaction(async (tx) => {
    await seedRegions(tx);
    // Parents before children, so every foreign key finds its row.
    const insert = async <T extends Parameters<typeof tx.insert>[0]>(table: T, rows: T['$inferInsert'][]) => {
      for (const part of chunks(rows, 500)) await tx.insert(table).values(part);
    };
    await insert(organizations, data.organizations);
    await insert(people, data.people);
    await insert(projects, data.projects);
    await insert(projectTeamMembers, data.team);
    await insert(projectProcedures, data.procedures);
    await insert(projectFactorNeeds, data.factors);
    await insert(projectMilestones, data.milestones);
    await insert(annualPlans, data.plans);
    await insert(stageTransitions, data.transitions);
    await insert(batches, data.batches);
    await insert(batchProjects, data.batchProjects);
    await insert(users, data.users);
    await insertReports(tx, data.reporting);
    // Roadblocks before the cards: an open one past its deadline turns a card yellow.
    await seedDemoProblems(tx);
    await recordAudit(tx, null, {
      action: 'seed.demo',
      entityType: 'system',
      note: `载入演示数据：聊城市2024年重点项目${data.projects.length}个、集中开工及签约活动${data.batches.length}场、`
        + `2024年1—12月调度报告${data.reporting.reports.length}份、演示账号${data.users.length}个`,
      after: {
        projects: data.projects.length, organizations: data.organizations.length, people: data.people.length, batches: data.batches.length,
        reports: data.reporting.reports.length,
      },
    });
    // Cards of the locked periods, and the supervision they set off (runs on the data above).
    await seedCardsAndSupervision(tx);
    // The server's clock stands on the demo's day whenever this database is opened.
    await saveClockSetting(tx, AS_OF);
  });
  // Fresh tables have no statistics: without them the planner expects a handful of rows and picks
  // nested loops that take seconds on the month series. Autovacuum would catch up later (PGlite has
  // none); do it now, with the visibility map that lets covering indexes answer without the table.
  await db.execute(sql`VACUUM ANALYZE`);
  return data.logins;
}
