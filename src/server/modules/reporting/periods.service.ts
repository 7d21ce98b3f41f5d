// Reporting periods: opened and closed by the office of a region, seen by its whole subtree and by
// the offices below it. A project must never sit in two periods for the same days, so a period
// overlapping one of an ancestor or a descendant region is refused.
import type { PeriodDto, PeriodOpen, PeriodProjectRow } from '../../../contract/reporting.ts';
import { daysInMonth, ymd } from '../../../domain/dates.ts';
import { clockToday } from '../../clock.ts';
import { periodCalendar, periodLabel, periodsPerMonth, CADENCE_LABELS, type Cadence, type ReportStatus } from '../../../domain/reporting.ts';
import type { Stage } from '../../../domain/enums.ts';
import type { Db, DbOrTx } from '../../db/client.ts';
import { conflict, invalid, notFound } from '../../errors.ts';
import { requireOffice } from '../access/access.policy.ts';
import type { Principal } from '../access/principal.ts';
import { recordAudit } from '../audit/audit.repo.ts';
import { afterPeriodClosed } from '../bulletins/bulletins.hooks.ts';
import { runCardsForPeriod } from '../cards/cards.service.ts';
import { requireRegionInScope } from '../regions/regions.service.ts';
import * as repo from './periods.repo.ts';
import { effectiveSettings } from './settings.service.ts';

import { iso, money } from './reporting.dto.ts';

const ZERO_COUNTS = { expected: 0, draft: 0, submitted: 0, approved: 0, returned: 0, missing: 0 };

export function labelOf(row: { cadence: string; year: number; month: number; seq: number }): string {
  return periodLabel(row);
}

export function toPeriodDto(row: repo.PeriodRow, counts?: repo.CountsRow): PeriodDto {
  const { periodId: _id, ...c } = counts ?? { periodId: '', ...ZERO_COUNTS };
  return {
    id: row.id,
    regionCode: row.regionCode,
    regionName: row.regionName,
    cadence: row.cadence as Cadence,
    year: row.year,
    month: row.month,
    seq: row.seq,
    label: labelOf(row),
    startsOn: row.startsOn,
    endsOn: row.endsOn,
    deadline: row.deadline,
    status: row.status as PeriodDto['status'],
    openedAt: iso(row.openedAt)!,
    closedAt: iso(row.closedAt),
    counts: c,
  };
}

/** A period the caller may see (own region, ancestor or subtree); anything else does not exist. */
export async function loadVisiblePeriod(db: DbOrTx, p: Principal, id: string, forUpdate = false): Promise<repo.PeriodRow> {
  const row = await repo.getPeriod(db, id, forUpdate);
  if (!row || !(row.regionPath.startsWith(p.regionPath) || p.regionPath.startsWith(row.regionPath))) throw notFound('填报期间');
  return row;
}

async function withCounts(db: DbOrTx, p: Principal, rows: repo.PeriodRow[]): Promise<PeriodDto[]> {
  const counts = await repo.periodCounts(db, rows.map((r) => r.id), p.regionPath);
  return rows.map((r) => toPeriodDto(r, counts.get(r.id)));
}

export async function listPeriods(db: DbOrTx, p: Principal, q: { year?: number; status?: string; regionCode?: string }): Promise<PeriodDto[]> {
  return withCounts(db, p, await repo.listPeriods(db, { callerPath: p.regionPath, ...q }));
}

export async function getPeriod(db: DbOrTx, p: Principal, id: string): Promise<PeriodDto> {
  const row = await loadVisiblePeriod(db, p, id);
  return (await withCounts(db, p, [row]))[0]!;
}

/** The same day one month on (capped at that month's end): a period may not start later than this. */
export function oneMonthAhead(today: string): string {
  const [y, m, d] = today.split('-').map(Number) as [number, number, number];
  const ny = m === 12 ? y + 1 : y;
  const nm = m === 12 ? 1 : m + 1;
  return ymd(ny, nm, Math.min(d, daysInMonth(ny, nm)));
}

export async function openPeriod(db: Db, p: Principal, input: PeriodOpen): Promise<PeriodDto> {
  requireOffice(p);
  const region = await requireRegionInScope(db, p, input.regionCode ?? p.regionCode);
  const id = await db.transaction(async (tx) => {
    const settings = await effectiveSettings(tx, region.path);
    const n = periodsPerMonth(settings.cadence);
    const seq = input.seq ?? 1;
    if (seq > n) {
      const message = `「${region.name}」按${CADENCE_LABELS[settings.cadence]}填报，每月最多 ${n} 期，期次应为 1–${n}`;
      throw invalid(message, [{ field: 'seq', message }]);
    }
    const cal = periodCalendar(settings.cadence, input.year, input.month, seq, settings.deadlineDay);
    const label = periodLabel({ cadence: settings.cadence, year: input.year, month: input.month, seq });
    const latest = oneMonthAhead(clockToday());
    if (cal.startsOn > latest) {
      const message = `${label}开始于 ${cal.startsOn}，距今超过一个月，暂不能开启（最晚可开启 ${latest} 之前开始的期间）`;
      throw invalid(message, [{ field: 'month', message }]);
    }
    const deadline = input.deadline ?? cal.deadline;
    if (deadline < cal.startsOn) {
      const message = `截止日期 ${deadline} 早于期间开始日期 ${cal.startsOn}`;
      throw invalid(message, [{ field: 'deadline', message }]);
    }
    const clashes = await repo.overlappingPeriods(tx, region.path, cal.startsOn, cal.endsOn);
    const same = clashes.find((c) => c.regionCode === region.code && c.year === input.year && c.month === input.month && c.seq === seq);
    if (same) {
      throw conflict(`「${region.name}」${label}的填报期间已存在（${same.status === 'open' ? '填报中' : '已锁定'}），不能重复开启`, [{ field: 'month', message: '该期间已存在' }]);
    }
    if (clashes.length) {
      const c = clashes[0]!;
      const whose = c.regionCode === region.code ? '本区域' : region.path.startsWith(c.regionPath) ? `上级区域「${c.regionName}」` : `下级区域「${c.regionName}」`;
      throw conflict(
        `${whose}已开启「${labelOf(c)}」填报期间（${c.startsOn} 至 ${c.endsOn}），与 ${cal.startsOn} 至 ${cal.endsOn} 重叠；同一项目不能同时处于两个期间`,
        [{ field: 'month', message: '与已有期间重叠' }],
      );
    }
    const newId = await repo.insertPeriod(tx, {
      regionCode: region.code, regionPath: region.path, cadence: settings.cadence, year: input.year, month: input.month, seq,
      startsOn: cal.startsOn, endsOn: cal.endsOn, deadline, openedBy: p.id,
    });
    if (!newId) throw conflict(`「${region.name}」${label}的填报期间已存在，不能重复开启`, [{ field: 'month', message: '该期间已存在' }]);
    await recordAudit(tx, p, {
      action: 'period.opened', entityType: 'period', entityId: newId, regionPath: region.path,
      after: { regionCode: region.code, cadence: settings.cadence, year: input.year, month: input.month, seq, startsOn: cal.startsOn, endsOn: cal.endsOn, deadline },
      note: `开启 ${region.name}${label}填报期间`,
    });
    return newId;
  });
  return getPeriod(db, p, id);
}

export async function closePeriod(db: Db, p: Principal, id: string): Promise<PeriodDto> {
  requireOffice(p);
  await db.transaction(async (tx) => {
    const row = await loadVisiblePeriod(tx, p, id, true);
    requireOffice(p, row.regionPath);
    if (row.status === 'closed') throw conflict(`${labelOf(row)}填报期间已于 ${iso(row.closedAt)?.slice(0, 10) ?? ''} 锁定，不能重复锁定`);
    await repo.closePeriod(tx, id, p.id);
    await recordAudit(tx, p, {
      action: 'period.closed', entityType: 'period', entityId: id, regionPath: row.regionPath,
      before: { status: 'open' }, after: { status: 'closed' }, note: `锁定 ${row.regionName}${labelOf(row)}填报期间`,
    });
    // The card run of the period, in the same transaction: if it fails the period stays open.
    await runCardsForPeriod(tx, row, p.id);
  });
  // Then, if the office turned it on, the period's bulletin (a failure is logged, the close stands).
  await afterPeriodClosed(db, p, id);
  return getPeriod(db, p, id);
}

export function toPeriodProjectRow(r: repo.PeriodProjectDbRow): PeriodProjectRow {
  return {
    projectId: r.projectId,
    code: r.code,
    name: r.name,
    regionCode: r.regionCode,
    regionName: r.regionName,
    stage: r.stage as Stage,
    owner: r.owner,
    responsibleUnit: r.responsibleUnit,
    leaderName: r.leaderName,
    contactName: r.contactName,
    contactPhone: r.contactPhone,
    reportId: r.reportId,
    status: (r.status as ReportStatus | null) ?? 'missing',
    investment: money(r.investment),
    fundsArrived: money(r.fundsArrived),
    submittedAt: iso(r.submittedAt),
    reviewedAt: iso(r.reviewedAt),
    remindCount: r.remindCount,
    lastRemindedAt: iso(r.lastRemindedAt),
  };
}

const NOT_REPORTED = new Set(['missing', 'draft', 'returned']);

export function matchesStatus(row: PeriodProjectRow, status?: string): boolean {
  if (!status) return true;
  if (status === 'notReported') return NOT_REPORTED.has(row.status);
  return row.status === status;
}

export async function periodProjects(db: DbOrTx, p: Principal, id: string, q: { status?: string; q?: string }) {
  const period = await loadVisiblePeriod(db, p, id);
  const rows = (await repo.periodProjects(db, period, { scopePath: p.regionPath, q: q.q })).map(toPeriodProjectRow);
  return { period: (await withCounts(db, p, [period]))[0]!, items: rows.filter((r) => matchesStatus(r, q.status)) };
}

