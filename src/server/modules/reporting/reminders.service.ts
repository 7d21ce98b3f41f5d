// One-click reminders (催报): every project of a period that has not submitted yet gets a reminder
// recorded, and the caller gets a message ready to paste into the work group. Also the xlsx lists.
import ExcelJS from 'exceljs';
import type { PeriodProjectRow } from '../../../contract/reporting.ts';
import { STAGE_LABELS } from '../../../domain/labels.ts';
import { chinaDateTime, formatDateZh } from '../../../domain/dates.ts';
import { REPORT_STATUS_LABELS, type ReportStatus } from '../../../domain/reporting.ts';
import type { Db } from '../../db/client.ts';
import { conflict } from '../../errors.ts';
import { neutralise, styleHeaderRow } from '../../io/ledger-sheet.ts';
import type { Principal } from '../access/principal.ts';
import { recordAudit } from '../audit/audit.repo.ts';
import * as repo from './periods.repo.ts';
import { labelOf, loadVisiblePeriod, matchesStatus, toPeriodProjectRow } from './periods.service.ts';
import { isOffice, requireRemind } from './reporting.policy.ts';
import { clock, clockToday } from '../../clock.ts';

export const statusLabel = (s: ReportStatus | 'missing') => (s === 'missing' ? '未填报' : REPORT_STATUS_LABELS[s]);

/** 催报通知: grouped by owner, each project with its status and contact, ready to paste. */
export function reminderMessage(period: { label: string; regionName: string; deadline: string }, rows: PeriodProjectRow[]): string {
  if (!rows.length) return `${period.regionName}${period.label}调度填报：所有项目均已提交，无需催报。`;
  const byOwner = new Map<string, PeriodProjectRow[]>();
  for (const r of rows) {
    const k = r.owner ?? '（未指定项目单位）';
    byOwner.set(k, [...(byOwner.get(k) ?? []), r]);
  }
  const lines = [
    `【催报通知】${period.regionName}${period.label}重点项目调度填报截止日期为${formatDateZh(period.deadline)}，以下 ${rows.length} 个项目尚未提交，请相关单位抓紧填报：`,
  ];
  let i = 0;
  for (const [owner, items] of byOwner) {
    lines.push(`${owner}：`);
    for (const r of items) {
      i += 1;
      const contact = r.contactName ? `，联系人 ${r.contactName}${r.contactPhone ? ` ${r.contactPhone}` : ''}` : '';
      lines.push(`  ${i}. ${r.name}（${r.code}，${statusLabel(r.status)}${contact}）`);
    }
  }
  lines.push('请登录重点项目推进平台完成填报，已提交的请忽略。');
  return lines.join('\n');
}

/** Rows a caller may remind: the office all in scope, a unit the projects it is responsible for. */
async function remindable(db: Db, p: Principal, period: repo.PeriodRow, projectIds?: string[]) {
  const rows = await repo.periodProjects(db, period, {
    scopePath: p.regionPath,
    responsibleOrgId: isOffice(p) ? undefined : (p.orgId ?? '00000000-0000-0000-0000-000000000000'),
    projectIds,
  });
  return rows.map(toPeriodProjectRow).filter((r) => matchesStatus(r, 'notReported'));
}

export async function sendReminders(db: Db, p: Principal, periodId: string, projectIds?: string[]) {
  requireRemind(p);
  const period = await loadVisiblePeriod(db, p, periodId);
  if (period.status !== 'open') throw conflict(`${labelOf(period)}填报期间已锁定，不能再催报`);
  const due = await remindable(db, p, period, projectIds);
  await db.transaction(async (tx) => {
    await repo.insertReminders(tx, period.id, due.map((r) => r.projectId), p.id);
    if (due.length) {
      await recordAudit(tx, p, {
        action: 'period.reminded', entityType: 'period', entityId: period.id, regionPath: period.regionPath,
        after: { projectIds: due.map((r) => r.projectId) }, note: `催报 ${due.length} 个项目`,
      });
    }
  });
  const items = due.map((r) => ({ ...r, remindCount: r.remindCount + 1, lastRemindedAt: clock.now().toISOString() }));
  return { count: items.length, message: reminderMessage({ label: labelOf(period), regionName: period.regionName, deadline: period.deadline }, items), items };
}

type Column = { header: string; width: number; value: (r: PeriodProjectRow) => string | number | null };

const COLUMNS: Record<'reminders' | 'projects', Column[]> = {
  reminders: [
    { header: '项目编码', width: 16, value: (r) => r.code },
    { header: '项目名称', width: 40, value: (r) => r.name },
    { header: '项目单位', width: 30, value: (r) => r.owner },
    { header: '责任单位', width: 26, value: (r) => r.responsibleUnit },
    { header: '联系人', width: 12, value: (r) => r.contactName },
    { header: '联系电话', width: 16, value: (r) => r.contactPhone },
    { header: '填报状态', width: 10, value: (r) => statusLabel(r.status) },
    { header: '已催报次数', width: 10, value: (r) => r.remindCount },
  ],
  projects: [
    { header: '项目编码', width: 16, value: (r) => r.code },
    { header: '项目名称', width: 40, value: (r) => r.name },
    { header: '所属区域', width: 14, value: (r) => r.regionName },
    { header: '项目阶段', width: 8, value: (r) => STAGE_LABELS[r.stage] },
    { header: '项目单位', width: 30, value: (r) => r.owner },
    { header: '责任单位', width: 26, value: (r) => r.responsibleUnit },
    { header: '包靠领导', width: 12, value: (r) => r.leaderName },
    { header: '填报状态', width: 10, value: (r) => statusLabel(r.status) },
    { header: '本期完成投资(万元)', width: 16, value: (r) => (r.investment == null ? null : Number(r.investment)) },
    { header: '本期到位资金(万元)', width: 16, value: (r) => (r.fundsArrived == null ? null : Number(r.fundsArrived)) },
    { header: '提交时间', width: 20, value: (r) => chinaDateTime(r.submittedAt) },
    { header: '已催报次数', width: 10, value: (r) => r.remindCount },
  ],
};

/** The reminder list (not yet submitted) or the whole period table, as an xlsx buffer. */
export async function periodWorkbook(db: Db, p: Principal, periodId: string, kind: 'reminders' | 'projects') {
  const period = await loadVisiblePeriod(db, p, periodId);
  const all = (await repo.periodProjects(db, period, { scopePath: p.regionPath })).map(toPeriodProjectRow);
  const rows = kind === 'reminders' ? all.filter((r) => matchesStatus(r, 'notReported')) : all;
  const title = `${period.regionName}${labelOf(period)}${kind === 'reminders' ? '催报名单' : '调度填报情况'}`;
  const wb = new ExcelJS.Workbook();
  wb.creator = '推进 · 重点项目推进平台';
  const ws = wb.addWorksheet(kind === 'reminders' ? '催报名单' : '填报情况', { views: [{ state: 'frozen', ySplit: 1 }] });
  const cols = COLUMNS[kind];
  ws.columns = cols.map((c) => ({ header: c.header, width: c.width }));
  styleHeaderRow(ws.getRow(1));
  for (const r of rows) ws.addRow(cols.map((c) => { const v = c.value(r); return typeof v === 'string' ? neutralise(v) : v; }));
  const buffer = Buffer.from(await wb.xlsx.writeBuffer());
  const day = clockToday().replace(/-/g, '');
  return { buffer, fileName: `${title}-${day}.xlsx`, asciiFileName: `period-${kind}-${period.year}-${period.month}-${day}.xlsx` };
}
