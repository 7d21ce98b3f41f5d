// Rows → response shapes shared by reports, corrections and photos.
import type { CorrectionDto, ReportPhotoDto } from '../../../contract/reporting.ts';
import { distanceMeters } from '../../../domain/geo.ts';
import { periodLabel, type CorrectionStatus, type ReportAction } from '../../../domain/reporting.ts';
import { trimMoney } from '../projects/projects.repo.ts';
import type { CorrectionRow, ReportRow } from './reports.repo.ts';

export const iso = (d: Date | string | null | undefined): string | null => (d == null ? null : d instanceof Date ? d.toISOString() : new Date(d).toISOString());
export const money = (v: string | null | undefined): string | null => (v == null ? null : trimMoney(String(v)));

export const trimSources = (s: Record<string, unknown> | null | undefined): Record<string, string> =>
  Object.fromEntries(Object.entries(s ?? {}).filter(([, v]) => v != null).map(([k, v]) => [k, trimMoney(String(v))]));

/** The figures of a report at one moment: what events and corrections keep. */
export function snapshot(r: ReportRow): Record<string, unknown> {
  return {
    status: r.status,
    version: r.version,
    investment: trimMoney(r.investment),
    fundsArrived: trimMoney(r.fundsArrived),
    fundsBySource: trimSources(r.fundsBySource),
    progressText: r.progressText,
    roadblocksText: r.roadblocksText,
    milestoneDates: r.milestoneDates,
    corrected: r.corrected,
  };
}

export function toEventDto(e: { id: number; action: string; username: string | null; displayName: string | null; at: Date; reason: string | null; snapshot: Record<string, unknown> }) {
  const s = e.snapshot ?? {};
  return {
    id: e.id,
    action: e.action as ReportAction,
    username: e.username,
    displayName: e.displayName,
    at: iso(e.at)!,
    reason: e.reason,
    investment: typeof s.investment === 'string' ? s.investment : null,
    fundsArrived: typeof s.fundsArrived === 'string' ? s.fundsArrived : null,
  };
}

export function toCorrectionDto(r: CorrectionRow): CorrectionDto {
  const b = r.before as { investment?: string; fundsArrived?: string; fundsBySource?: Record<string, string> };
  const pr = r.proposed as { investment?: string; fundsArrived?: string; fundsBySource?: Record<string, string>; progressText?: string | null };
  return {
    id: r.id,
    reportId: r.reportId,
    projectId: r.projectId,
    projectCode: r.projectCode,
    projectName: r.projectName,
    periodId: r.periodId,
    periodLabel: periodLabel(r),
    status: r.status as CorrectionStatus,
    reason: r.reason,
    before: { investment: money(b.investment ?? '0')!, fundsArrived: money(b.fundsArrived ?? '0')!, fundsBySource: trimSources(b.fundsBySource) },
    proposed: {
      investment: money(pr.investment ?? '0')!, fundsArrived: money(pr.fundsArrived ?? '0')!, fundsBySource: trimSources(pr.fundsBySource),
      progressText: pr.progressText ?? null,
    },
    requestedBy: r.requestedBy,
    requestedAt: iso(r.requestedAt)!,
    decidedBy: r.decidedBy,
    decidedAt: iso(r.decidedAt),
    decisionNote: r.decisionNote,
  };
}

export interface PhotoMeta {
  id: string;
  fileName: string;
  mimeType: string;
  size: number;
  takenAt: Date | null;
  latitude: string | null;
  longitude: string | null;
  caption: string | null;
  uploadedAt: Date;
}

const trimCoord = (v: string | null) => (v == null ? null : v.includes('.') ? v.replace(/0+$/, '').replace(/\.$/, '') : v);

export function toPhotoDto(ph: PhotoMeta, site: { latitude: string | null; longitude: string | null }): ReportPhotoDto {
  return {
    id: ph.id,
    fileName: ph.fileName,
    mimeType: ph.mimeType,
    size: ph.size,
    takenAt: iso(ph.takenAt),
    latitude: trimCoord(ph.latitude),
    longitude: trimCoord(ph.longitude),
    distanceMeters: distanceMeters(ph, site),
    caption: ph.caption,
    url: `/api/v1/report-photos/${ph.id}`,
    uploadedAt: iso(ph.uploadedAt)!,
  };
}
