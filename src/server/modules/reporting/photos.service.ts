// Site photos of a report. The type is decided by the file's first bytes, never by its name; the
// time and place come from its EXIF (read with exifr), and the distance from the project's site.
import exifr from 'exifr';
import type { ReportPhotoDto } from '../../../contract/reporting.ts';
import type { Db } from '../../db/client.ts';
import { AppError, conflict, notFound } from '../../errors.ts';
import { requireRead } from '../access/access.policy.ts';
import type { Principal } from '../access/principal.ts';
import { recordAudit } from '../audit/audit.repo.ts';
import { isEditable, type ReportStatus } from '../../../domain/reporting.ts';
import * as photos from './photos.repo.ts';
import { toPhotoDto } from './reporting.dto.ts';
import { requireFileReport } from './reporting.policy.ts';
import * as repo from './reports.repo.ts';
import { loadReportScope, requireActive, requireOpen } from './reports.service.ts';

export const PHOTO_MAX_BYTES = 10 * 1024 * 1024;

/**
 * JPEG, PNG, WebP or HEIC/HEIF by their first bytes: the signature and the header that follows it
 * (a JPEG's frame header, a PNG's IHDR, a WebP's image chunk, a HEIF's ftyp box). A signature
 * followed by something else — text, a page, zeros — is not a picture: null, as for anything else.
 */
export function imageType(buf: Buffer): string | null {
  if (isJpeg(buf)) return 'image/jpeg';
  if (buf.length >= 24 && buf.subarray(0, 8).equals(PNG_SIGNATURE) && buf.readUInt32BE(8) === 13 && buf.toString('latin1', 12, 16) === 'IHDR'
    && buf.readUInt32BE(16) > 0 && buf.readUInt32BE(20) > 0) return 'image/png';
  if (buf.length >= 16 && buf.toString('latin1', 0, 4) === 'RIFF' && buf.toString('latin1', 8, 12) === 'WEBP'
    && ['VP8 ', 'VP8L', 'VP8X'].includes(buf.toString('latin1', 12, 16))) return 'image/webp';
  if (buf.length >= 16 && buf.toString('latin1', 4, 8) === 'ftyp' && buf.readUInt32BE(0) >= 16 && buf.readUInt32BE(0) <= buf.length) {
    const brand = buf.toString('latin1', 8, 12);
    if (['heic', 'heix', 'hevc', 'hevx', 'heim', 'heis'].includes(brand)) return 'image/heic';
    if (['mif1', 'msf1'].includes(brand)) return 'image/heif';
  }
  return null;
}

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** Start of image, then marker segments (EXIF and the like) up to a frame header with a width. */
function isJpeg(b: Buffer): boolean {
  if (b.length < 4 || b[0] !== 0xff || b[1] !== 0xd8 || b[2] !== 0xff) return false;
  let p = 2;
  while (p + 4 <= b.length) {
    if (b[p] !== 0xff) return false;
    const marker = b[p + 1]!;
    if (marker === 0xff) { p += 1; continue; }
    if (marker === 0x01 || (marker >= 0xd0 && marker <= 0xd8)) { p += 2; continue; }
    if (marker === 0xd9 || marker === 0xda) return false;
    const length = b.readUInt16BE(p + 2);
    if (length < 2) return false;
    // SOF0–SOF15 but DHT (C4), JPG (C8) and DAC (CC): precision, height, width.
    if (marker >= 0xc0 && marker <= 0xcf && ![0xc4, 0xc8, 0xcc].includes(marker)) return p + 9 <= b.length && b.readUInt16BE(p + 7) > 0;
    p += 2 + length;
  }
  return false;
}

export interface PhotoExif {
  takenAt: Date | null;
  latitude: number | null;
  longitude: number | null;
}

/** EXIF time (camera clock, read as China time unless the file says its offset) and GPS position. */
export async function readExif(buf: Buffer): Promise<PhotoExif> {
  let tags: Record<string, unknown> | undefined;
  try {
    tags = await exifr.parse(buf, { tiff: true, exif: true, gps: true, reviveValues: false, mergeOutput: true });
  } catch {
    tags = undefined;
  }
  const raw = typeof tags?.DateTimeOriginal === 'string' ? tags.DateTimeOriginal : typeof tags?.CreateDate === 'string' ? tags.CreateDate : null;
  const m = raw ? /^(\d{4}):(\d{2}):(\d{2})[ T](\d{2}):(\d{2}):(\d{2})/.exec(raw) : null;
  const offset = typeof tags?.OffsetTimeOriginal === 'string' && /^[+-]\d{2}:\d{2}$/.test(tags.OffsetTimeOriginal) ? tags.OffsetTimeOriginal : '+08:00';
  const takenAt = m ? new Date(`${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6]}${offset}`) : null;
  const num = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? v : null);
  const latitude = num(tags?.latitude);
  const longitude = num(tags?.longitude);
  const valid = latitude != null && longitude != null && Math.abs(latitude) <= 90 && Math.abs(longitude) <= 180 && !(latitude === 0 && longitude === 0);
  return {
    takenAt: takenAt && !Number.isNaN(takenAt.getTime()) ? takenAt : null,
    latitude: valid ? latitude : null,
    longitude: valid ? longitude : null,
  };
}

function checkFile(buf: Buffer): string {
  if (buf.length > PHOTO_MAX_BYTES) {
    const message = `照片大小为 ${(buf.length / 1024 / 1024).toFixed(1)} MB，超过 10 MB 的上限，请压缩后再上传`;
    throw new AppError('payload_too_large', message, [{ field: 'file', message }]);
  }
  const type = imageType(buf);
  if (!type) {
    const message = '只能上传 JPEG、PNG、WebP 或 HEIC 格式的照片（按文件内容识别，与扩展名无关）';
    throw new AppError('unsupported_file', message, [{ field: 'file', message }]);
  }
  return type;
}

function requireEditableReport(s: { period: Parameters<typeof requireOpen>[0]; report: repo.ReportRow | null }) {
  requireOpen(s.period);
  if (s.report && !isEditable(s.report.status as ReportStatus)) {
    throw conflict('报告已提交或已审核，不能再增删照片；如需修改请由审核人退回', [{ field: 'status', message: `当前状态：${s.report.status}` }]);
  }
}

export async function addPhoto(db: Db, p: Principal, projectId: string, periodId: string, file: { buffer: Buffer; fileName: string; caption?: string | null }): Promise<ReportPhotoDto> {
  const mimeType = checkFile(file.buffer);
  const exif = await readExif(file.buffer);
  return db.transaction(async (tx) => {
    const s = await loadReportScope(tx, p, projectId, periodId, true);
    requireFileReport(p, s.project);
    requireEditableReport(s);
    let report = s.report;
    if (!report) {
      requireActive(s.project);
      // A draft with nothing saved yet keeps version 0, so the form the user has open still saves.
      report = await repo.insertReport(tx, {
        projectId, periodId, regionPath: s.project.regionPath, year: s.period.year, month: s.period.month, status: 'draft', version: 0, createdBy: p.id, updatedBy: p.id,
      });
      if (!report) throw conflict('该报告刚被他人创建，请刷新后重试');
    }
    const row = await photos.insertPhoto(tx, {
      reportId: report.id, projectId, fileName: file.fileName.slice(0, 200) || 'photo', mimeType, size: file.buffer.length, content: file.buffer,
      takenAt: exif.takenAt, latitude: exif.latitude == null ? null : exif.latitude.toFixed(6), longitude: exif.longitude == null ? null : exif.longitude.toFixed(6),
      caption: file.caption?.trim().slice(0, 500) || null, uploadedBy: p.id,
    });
    await recordAudit(tx, p, {
      action: 'report.photo_added', entityType: 'report', entityId: report.id, projectId, regionPath: s.project.regionPath,
      after: { photoId: row.id, fileName: row.fileName, size: row.size, takenAt: row.takenAt, latitude: row.latitude, longitude: row.longitude },
    });
    return toPhotoDto(row, s.project);
  });
}

async function photoInScope(db: Db, p: Principal, id: string) {
  const meta = await photos.getPhotoMeta(db, id);
  if (!meta) throw notFound('照片');
  const report = await repo.getReportById(db, meta.reportId);
  if (!report) throw notFound('照片');
  requireRead(p, report.regionPath, '照片');
  return { meta, report };
}

export async function photoContent(db: Db, p: Principal, id: string) {
  const { meta } = await photoInScope(db, p, id);
  const content = await photos.getPhotoContent(db, id);
  if (!content) throw notFound('照片');
  return { content, mimeType: meta.mimeType, fileName: meta.fileName };
}

export async function deletePhoto(db: Db, p: Principal, id: string): Promise<void> {
  const { meta, report } = await photoInScope(db, p, id);
  await db.transaction(async (tx) => {
    const s = await loadReportScope(tx, p, report.projectId, report.periodId, true);
    requireFileReport(p, s.project);
    requireEditableReport(s);
    await photos.deletePhoto(tx, id);
    await recordAudit(tx, p, {
      action: 'report.photo_deleted', entityType: 'report', entityId: report.id, projectId: report.projectId, regionPath: report.regionPath,
      before: { photoId: id, fileName: meta.fileName, size: meta.size },
    });
  });
}
