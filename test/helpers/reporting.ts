// Factories for progress reporting: periods and reports straight in the tables (fast, for figures),
// and the same through the API (for workflow tests), usable by any test file.
import { expect } from 'vitest';
import { sql } from 'drizzle-orm';
import type { Db } from '../../src/server/db/client.ts';
import { progressReports, projectMilestones, reportingPeriods } from '../../src/server/db/schema/index.ts';
import { periodCalendar, fundsTotal, type Cadence } from '../../src/domain/reporting.ts';
import type { Client } from './app.ts';

/** A period row (no checks): monthly by default, open unless told. */
export async function insertPeriod(
  db: Db,
  o: { regionCode: string; year: number; month: number; seq?: number; cadence?: Cadence; status?: 'open' | 'closed'; deadline?: string },
) {
  const cadence = o.cadence ?? 'monthly';
  const cal = periodCalendar(cadence, o.year, o.month, o.seq ?? 1);
  const [row] = await db
    .insert(reportingPeriods)
    .values({
      regionCode: o.regionCode,
      regionPath: sql`(select path from regions where code = ${o.regionCode})`,
      cadence, year: o.year, month: o.month, seq: o.seq ?? 1,
      startsOn: cal.startsOn, endsOn: cal.endsOn, deadline: o.deadline ?? cal.deadline,
      status: o.status ?? 'open',
      closedAt: o.status === 'closed' ? new Date() : null,
    })
    .returning();
  return row!;
}

/** A report row (no checks), approved unless told: the figures statistics read. */
export async function insertReport(
  db: Db,
  o: { projectId: string; period: { id: string; year: number; month: number }; investment: string; fundsBySource?: Record<string, string>; status?: string; progressText?: string },
) {
  const fundsBySource = o.fundsBySource ?? {};
  const [row] = await db
    .insert(progressReports)
    .values({
      projectId: o.projectId, periodId: o.period.id,
      regionPath: sql`(select region_path from projects where id = ${o.projectId})`,
      year: o.period.year, month: o.period.month, status: o.status ?? 'approved',
      investment: o.investment, fundsArrived: fundsTotal(fundsBySource), fundsBySource, progressText: o.progressText ?? '',
    })
    .returning();
  return row!;
}

export async function insertMilestone(db: Db, o: { projectId: string; name: string; kind: 'start' | 'completion' | 'production' | 'other'; plannedDate?: string }) {
  const [row] = await db.insert(projectMilestones).values({ projectId: o.projectId, name: o.name, kind: o.kind, plannedDate: o.plannedDate ?? null }).returning();
  return row!;
}

/** Opens a period through the API and returns its JSON (expects 201). */
export async function openPeriod(c: Client, body: { year: number; month: number; regionCode?: string; seq?: number; deadline?: string }) {
  const res = await c.post('/api/v1/periods', body);
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: string; year: number; month: number; status: string; deadline: string; startsOn: string; endsOn: string };
}

export const reportUrl = (projectId: string, periodId: string, tail = '') => `/api/v1/reports/${projectId}/${periodId}${tail}`;

/** Saves a report at its current version through the API (expects 200); returns the report JSON. */
export async function fileReport(
  c: Client,
  projectId: string,
  periodId: string,
  body: { investment: string | number; fundsBySource?: Record<string, string | number>; progressText?: string; roadblocksText?: string; milestoneDates?: { milestoneId: string; actualDate: string }[] },
) {
  const current = (await c.get(reportUrl(projectId, periodId))).json();
  const res = await c.put(reportUrl(projectId, periodId), { version: current.version, ...body });
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}

/** submit | approve | return through the API (expects 200). */
export async function reportStep(c: Client, projectId: string, periodId: string, action: 'submit' | 'approve' | 'return', body: object = {}) {
  const res = await c.post(reportUrl(projectId, periodId, `/${action}`), body);
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}

/** Files, submits and approves a report: owner files, reviewer approves. */
export async function approvedReport(owner: Client, reviewer: Client, projectId: string, periodId: string, investment: string | number, fundsBySource: Record<string, string | number> = {}) {
  await fileReport(owner, projectId, periodId, { investment, fundsBySource });
  await reportStep(owner, projectId, periodId, 'submit');
  return reportStep(reviewer, projectId, periodId, 'approve');
}
