// Reporting settings per region: a region without its own row inherits from the nearest ancestor
// that has one, else the defaults (monthly, due on the 25th, ±5% tolerance, funds ≤ 3× investment).
import { inArray, sql } from 'drizzle-orm';
import type { ReportingSettingsDto, ReportingSettingsPut } from '../../../contract/reporting.ts';
import type { Cadence } from '../../../domain/reporting.ts';
import type { Db, DbOrTx } from '../../db/client.ts';
import { reportingSettings } from '../../db/schema/index.ts';
import { notFound } from '../../errors.ts';
import { requireOffice } from '../access/access.policy.ts';
import type { Principal } from '../access/principal.ts';
import { recordAudit } from '../audit/audit.repo.ts';
import { getRegion } from '../regions/regions.repo.ts';
import { requireRegionInScope } from '../regions/regions.service.ts';

export interface EffectiveSettings {
  cadence: Cadence;
  deadlineDay: number;
  progressTolerance: number;
  fundsRatioLimit: number;
  inheritedFrom: string | null;
}

export const DEFAULT_SETTINGS: EffectiveSettings = { cadence: 'monthly', deadlineDay: 25, progressTolerance: 0.05, fundsRatioLimit: 3, inheritedFrom: null };

/** The settings that apply at a region path ('370000/371500/371502/'). */
export async function effectiveSettings(db: DbOrTx, regionPath: string): Promise<EffectiveSettings> {
  const codes = regionPath.split('/').filter(Boolean);
  if (!codes.length) return DEFAULT_SETTINGS;
  const rows = await db.select().from(reportingSettings).where(inArray(reportingSettings.regionCode, codes));
  const byCode = new Map(rows.map((r) => [r.regionCode, r]));
  for (let i = codes.length - 1; i >= 0; i--) {
    const r = byCode.get(codes[i]!);
    if (r) {
      return {
        cadence: r.cadence as Cadence,
        deadlineDay: r.deadlineDay,
        progressTolerance: Number(r.progressTolerance),
        fundsRatioLimit: Number(r.fundsRatioLimit),
        inheritedFrom: r.regionCode,
      };
    }
  }
  return DEFAULT_SETTINGS;
}

/** Readable by anyone whose scope contains the region or lies under it (a county reads its city's settings). */
export async function getSettings(db: DbOrTx, p: Principal, regionCode?: string): Promise<ReportingSettingsDto> {
  const region = await getRegion(db, regionCode ?? p.regionCode);
  if (!region || !(region.path.startsWith(p.regionPath) || p.regionPath.startsWith(region.path))) throw notFound('区域');
  const s = await effectiveSettings(db, region.path);
  return { regionCode: region.code, regionName: region.name, ...s };
}

export async function putSettings(db: Db, p: Principal, input: ReportingSettingsPut): Promise<ReportingSettingsDto> {
  requireOffice(p);
  const region = await requireRegionInScope(db, p, input.regionCode);
  await db.transaction(async (tx) => {
    const before = await effectiveSettings(tx, region.path);
    const values = {
      regionCode: region.code,
      cadence: input.cadence,
      deadlineDay: input.deadlineDay,
      progressTolerance: String(input.progressTolerance),
      fundsRatioLimit: String(input.fundsRatioLimit),
      updatedBy: p.id,
    };
    await tx
      .insert(reportingSettings)
      .values(values)
      .onConflictDoUpdate({ target: reportingSettings.regionCode, set: { ...values, updatedAt: sql`now()` } });
    await recordAudit(tx, p, {
      action: 'reporting_settings.updated', entityType: 'region', entityId: region.code, regionPath: region.path,
      before, after: { cadence: input.cadence, deadlineDay: input.deadlineDay, progressTolerance: input.progressTolerance, fundsRatioLimit: input.fundsRatioLimit },
    });
  });
  return getSettings(db, p, region.code);
}
