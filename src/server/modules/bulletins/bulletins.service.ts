// Monthly bulletins (月度通报): issued by the office of a region for a locked period — or for a month
// whose periods of every reporting sub-region are locked (bulletins.scope.ts) — frozen with every
// figure the documents are made from (bulletins.store.ts), numbered per region and year (聊重推办〔2024〕11号).
//
// Access: reading follows the region scope (a bulletin outside the caller's subtree answers 404);
// issuing and the settings are the office's (or admin's) within their scope (403 otherwise).
// Only a locked period may be reported on: an open period's figures are still being filled, and a
// bulletin is an official document that must not publish them as if final.
import type {
  BulletinChanges, BulletinCreate, BulletinDetail, BulletinFigures, BulletinMonths, BulletinSettingsDto, BulletinSettingsPut, BulletinSummary,
} from '../../../contract/bulletins.ts';
import { bulletinNumber, bulletinTitle, defaultBulletinSettings, diffBulletin } from '../../../domain/bulletin.ts';
import { parseYm, ym } from '../../../domain/dates.ts';
import { periodLabel } from '../../../domain/reporting.ts';
import { clock, clockToday } from '../../clock.ts';
import type { Db, DbOrTx } from '../../db/client.ts';
import { conflict, invalid, notFound } from '../../errors.ts';
import { requireOffice, requireRead } from '../access/access.policy.ts';
import type { Principal } from '../access/principal.ts';
import { recordAudit } from '../audit/audit.repo.ts';
import { getRegionInScope } from '../regions/regions.service.ts';
import { getRegion } from '../regions/regions.repo.ts';
import { getPeriod, type PeriodRow } from '../reporting/periods.repo.ts';
import { loadVisiblePeriod } from '../reporting/periods.service.ts';
import { iso } from '../reporting/reporting.dto.ts';
import { buildBulletinDocx } from './bulletins.docx.ts';
import { comparable, gatherFigures, type BulletinRegion, type BulletinScope } from './bulletins.figures.ts';
import * as repo from './bulletins.repo.ts';
import { monthState, monthsOfYear, scopeOfMonth, scopeOfPeriod } from './bulletins.scope.ts';
import { packFigures, unpackFigures } from './bulletins.store.ts';
import { buildBulletinXlsx } from './bulletins.xlsx.ts';

// ───────────── settings ─────────────

async function effectiveSettings(db: DbOrTx, region: { code: string; name: string; shortName: string; level: string }) {
  const row = await repo.getSettings(db, region.code);
  if (row) return { ...row, isDefault: false };
  return { regionCode: region.code, ...defaultBulletinSettings(region), autoOnClose: false, updatedAt: null, isDefault: true };
}

export async function getSettings(db: DbOrTx, p: Principal, regionCode?: string): Promise<BulletinSettingsDto> {
  const region = await getRegionInScope(db, p, regionCode || p.regionCode);
  const s = await effectiveSettings(db, region);
  return {
    regionCode: region.code, regionName: region.name, issuingOffice: s.issuingOffice, numberPrefix: s.numberPrefix,
    autoOnClose: s.autoOnClose, isDefault: s.isDefault, updatedAt: iso(s.updatedAt),
  };
}

export async function saveSettings(db: Db, p: Principal, input: BulletinSettingsPut): Promise<BulletinSettingsDto> {
  requireOffice(p);
  const region = await getRegionInScope(db, p, input.regionCode || p.regionCode);
  requireOffice(p, region.path);
  await db.transaction(async (tx) => {
    const before = await repo.getSettings(tx, region.code);
    const after = { issuingOffice: input.issuingOffice, numberPrefix: input.numberPrefix, autoOnClose: input.autoOnClose };
    await repo.upsertSettings(tx, { regionCode: region.code, ...after, userId: p.id });
    await recordAudit(tx, p, {
      action: 'bulletin_settings.saved', entityType: 'bulletin_settings', entityId: region.code, regionPath: region.path,
      before: before ? { issuingOffice: before.issuingOffice, numberPrefix: before.numberPrefix, autoOnClose: before.autoOnClose } : null,
      after, note: `${region.name}月度通报设置：${input.issuingOffice}，文号前缀 ${input.numberPrefix}，${input.autoOnClose ? '期间锁定时自动生成' : '手动生成'}`,
    });
  });
  return getSettings(db, p, region.code);
}

// ───────────── issuing ─────────────

function toSummary(r: repo.SummaryRow): BulletinSummary {
  return {
    id: r.id, regionCode: r.regionCode, regionName: r.regionName, periodId: r.periodId,
    // A month of the sub-regions' periods reads as the month.
    periodLabel: periodLabel({ cadence: r.cadence ?? 'monthly', year: r.year, month: r.month, seq: r.periodSeq ?? 1 }),
    year: r.year, month: r.month, seq: r.seq, number: r.number, title: r.title, issuingOffice: r.issuingOffice,
    trigger: r.trigger === 'period_close' ? 'period_close' : 'manual', createdBy: r.createdBy, createdAt: iso(r.createdAt)!,
  };
}

function toDetail(r: repo.SummaryRow, figures: BulletinFigures, changes: BulletinDetail['changes']): BulletinDetail {
  const { projects, ...rest } = figures;
  // A month of several sub-regions gives its cards by sub-region; the names are in the annex.
  const cards = rest.cards.named === false ? { ...rest.cards, red: [], yellow: [] } : rest.cards;
  return { ...toSummary(r), figures: { ...rest, cards }, projectLines: projects.length, changes };
}

/** The period a bulletin of `region` may report on: visible, covering the region, locked. */
function checkPeriod(period: PeriodRow, region: { name: string; path: string }): void {
  const label = `${period.regionName}${periodLabel(period)}`;
  if (!region.path.startsWith(period.regionPath)) {
    const message = `填报期间「${label}」不包括「${region.name}」，请选择${region.name}或其上级区域的期间；下级区域各自的期间请按统计月份（month）生成`;
    throw invalid(message, [{ field: 'periodId', message }]);
  }
  if (period.status !== 'closed') {
    throw conflict(`填报期间「${label}」尚未锁定（填报中），数据仍在填报审核，锁定后才能印发通报`, [{ field: 'periodId', message: '期间尚未锁定' }]);
  }
}

/**
 * Gathers the figures (outside the transaction: reads only) and packs them, then numbers and stores
 * the bulletin in a short transaction with its audit entry. `actor` is the office user (or the one
 * who closed the period).
 */
async function issue(
  db: Db, actor: Principal, region: BulletinRegion & { shortName: string }, scope: BulletinScope, trigger: 'manual' | 'period_close',
): Promise<{ id: string; figures: BulletinFigures }> {
  const figures = await gatherFigures(db, region, scope, clockToday());
  const stored = await packFigures(figures);
  const settings = await effectiveSettings(db, region);
  const title = bulletinTitle(scope.year, scope.month, region);
  return db.transaction(async (tx) => {
    const seq = await repo.nextSeq(tx, region.code, scope.year);
    const number = bulletinNumber(settings.numberPrefix, scope.year, seq);
    const id = await repo.insertBulletin(tx, {
      regionCode: region.code, regionPath: region.path, periodId: scope.id, year: scope.year, month: scope.month, seq, number, title,
      issuingOffice: settings.issuingOffice, figures: stored.figures, lines: stored.lines, trigger, createdBy: actor.id, createdAt: clock.now(),
    });
    await recordAudit(tx, actor, {
      action: 'bulletin.issued', entityType: 'bulletin', entityId: id, regionPath: region.path,
      after: {
        number, title, periodId: scope.id, month: ym(scope.year, scope.month), periods: scope.periods.length,
        trigger, projectCount: figures.total.projectCount, ytdInvestment: figures.total.ytdInvestment,
      },
      note: `印发${number}《${title}》${trigger === 'period_close' ? '（期间锁定时自动生成）' : ''}`,
    });
    return { id, figures };
  });
}

/** `periodId`: one locked period of the region or above it; `month`: the month of the region's (sub-regions') periods, all locked. */
async function scopeOfInput(db: DbOrTx, p: Principal, region: BulletinRegion, input: BulletinCreate): Promise<BulletinScope> {
  if (input.periodId) {
    const period = await loadVisiblePeriod(db, p, input.periodId);
    checkPeriod(period, region);
    return scopeOfPeriod(period);
  }
  const [year, month] = parseYm(input.month!);
  return scopeOfMonth(region, await monthState(db, region, year, month), year, month);
}

export async function issueBulletin(db: Db, p: Principal, input: BulletinCreate): Promise<BulletinDetail> {
  requireOffice(p);
  const region = await getRegionInScope(db, p, input.regionCode);
  requireOffice(p, region.path);
  const scope = await scopeOfInput(db, p, region, input);
  const { id, figures } = await issue(db, p, region, scope, 'manual');
  const row = await repo.getBulletin(db, id, false);
  // Just gathered: nothing can have changed yet.
  return toDetail(row!, figures, { computedAt: clock.now().toISOString(), items: [], moreProjects: 0 });
}

/** The months a region's office may issue for in a year (default: this year), with what keeps each one back. */
export async function bulletinMonths(db: DbOrTx, p: Principal, q: { region?: string; year?: number }): Promise<BulletinMonths> {
  const region = await getRegionInScope(db, p, q.region || p.regionCode);
  const items = await monthsOfYear(db, region, q.year ?? Number(clockToday().slice(0, 4)));
  return { regionCode: region.code, regionName: region.name, items };
}

/**
 * After a period closes (committed): when its region's office turned it on, the bulletin of the
 * period's region. Returns its id, or null when the setting is off.
 */
export async function issueOnClose(db: Db, actor: Principal, periodId: string): Promise<string | null> {
  const period = await getPeriod(db, periodId);
  if (!period) throw notFound('填报期间');
  const settings = await repo.getSettings(db, period.regionCode);
  if (!settings?.autoOnClose) return null;
  const region = await getRegion(db, period.regionCode);
  if (!region) throw notFound('区域');
  checkPeriod(period, region);
  return (await issue(db, actor, region, scopeOfPeriod(period), 'period_close')).id;
}

// ───────────── reading ─────────────

export async function listBulletins(db: DbOrTx, p: Principal, q: { region?: string; year?: number }): Promise<BulletinSummary[]> {
  const scopePath = q.region ? (await getRegionInScope(db, p, q.region)).path : p.regionPath;
  return (await repo.listBulletins(db, { scopePath, year: q.year })).map(toSummary);
}

/** A readable bulletin and its frozen figures; `forDocument`: the lists only where the Word document names cards. */
async function loadBulletin(db: DbOrTx, p: Principal, id: string, forDocument = false) {
  const row = await repo.getBulletin(db, id, !forDocument);
  if (!row) throw notFound('通报');
  requireRead(p, row.regionPath, '通报');
  const named = (row.figures.cards as { named?: boolean } | undefined)?.named !== false;
  const lines = forDocument && named ? await repo.getBulletinLines(db, id) : row.lines;
  return { row, figures: await unpackFigures(row.figures, lines) };
}

/** The frozen figures, and what differs when they are gathered again now (for the same period, or the same month). */
export async function getBulletin(db: DbOrTx, p: Principal, id: string, withChanges = true): Promise<BulletinDetail> {
  const { row, figures } = await loadBulletin(db, p, id);
  return toDetail(row, figures, withChanges ? await changesOf(db, p, row, figures) : null);
}

/** What differs in the bulletin's figures when they are gathered again now. */
export async function getBulletinChanges(db: DbOrTx, p: Principal, id: string): Promise<BulletinChanges> {
  const { row, figures } = await loadBulletin(db, p, id);
  return changesOf(db, p, row, figures);
}

async function changesOf(db: DbOrTx, p: Principal, row: repo.SummaryRow, figures: BulletinFigures): Promise<BulletinChanges> {
  const region = { code: row.regionCode, name: row.regionName, path: row.regionPath, level: figures.region.level };
  const scope = row.periodId
    ? scopeOfPeriod(await loadVisiblePeriod(db, p, row.periodId))
    : scopeOfMonth(region, await monthState(db, region, row.year, row.month), row.year, row.month, false);
  const now = await gatherFigures(db, region, scope, clockToday());
  const diff = diffBulletin(comparable(figures), comparable(now));
  return { computedAt: clock.now().toISOString(), items: diff.items, moreProjects: diff.moreProjects };
}

export interface BulletinFile {
  buffer: Buffer;
  fileName: string;
  asciiFileName: string;
}

const fileBase = (row: repo.SummaryRow) => ({
  name: `${row.number}${row.title}`,
  ascii: `bulletin-${row.regionCode}-${row.year}-${String(row.seq).padStart(3, '0')}`,
});

export async function bulletinDocx(db: DbOrTx, p: Principal, id: string): Promise<BulletinFile> {
  const { row, figures } = await loadBulletin(db, p, id, true);
  const base = fileBase(row);
  return { buffer: await buildBulletinDocx({ ...row, figures }), fileName: `${base.name}.docx`, asciiFileName: `${base.ascii}.docx` };
}

export async function bulletinXlsx(db: DbOrTx, p: Principal, id: string): Promise<BulletinFile> {
  const { row, figures } = await loadBulletin(db, p, id);
  const base = fileBase(row);
  return { buffer: await buildBulletinXlsx({ number: row.number, figures }), fileName: `${base.name}（附件）.xlsx`, asciiFileName: `${base.ascii}-annex.xlsx` };
}
