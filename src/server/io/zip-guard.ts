// Checks an uploaded .xlsx (a zip) before any spreadsheet library touches it: the central
// directory must be sane and small enough once inflated, so a zip bomb is refused without parsing.
// The declared sizes may lie, so every entry is also inflated here, as a stream whose bytes are
// counted and dropped: checking a sheet of a million rows costs no more memory than a small one.
import { createInflateRaw } from 'node:zlib';
import { AppError } from '../errors.ts';

export const ZIP_LIMITS = {
  /** Sum of the uncompressed sizes of all entries. */
  maxTotalUncompressed: 200 * 1024 * 1024,
  /** An entry this large must not compress better than `maxRatio`. */
  largeEntry: 10 * 1024 * 1024,
  maxRatio: 100,
  maxEntries: 5000,
};

export interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  uncompressedSize: number;
  localHeaderOffset: number;
}

const SIG_LOCAL = 0x04034b50;
const SIG_CENTRAL = 0x02014b50;
const SIG_EOCD = 0x06054b50;
const SIG_ZIP64_LOCATOR = 0x07064b50;
const SIG_ZIP64_EOCD = 0x06064b50;
const MAX32 = 0xffffffff;

const notXlsx = () => new AppError('unsupported_file', '文件不是 Excel 工作簿（.xlsx），请上传 .xlsx 格式的台账');
const corrupt = (why: string) => new AppError('bad_file', `文件已损坏，无法读取（${why}）`);
const bomb = (why: string) => new AppError('bad_file', `文件解压后过大，疑似压缩炸弹，已拒绝（${why}）`);

/** Refuses anything that is not a zip holding a workbook, then anything whose entries would inflate too far. */
export async function guardXlsxZip(buf: Buffer, limits = ZIP_LIMITS): Promise<ZipEntry[]> {
  if (buf.length >= 8 && buf.readUInt32BE(0) === 0xd0cf11e0) {
    throw new AppError('unsupported_file', '不支持旧版 .xls 或加密的工作簿，请在 Excel 中另存为 .xlsx 后再上传');
  }
  if (buf.length < 30 || buf.readUInt32LE(0) !== SIG_LOCAL) throw notXlsx();
  return guardZip(buf, (names) => {
    if (!names.has('[Content_Types].xml') || !names.has('xl/workbook.xml')) throw notXlsx();
  }, limits);
}

/**
 * Refuses a zip whose directory is broken or whose entries would inflate too far (declared or
 * real). `expect` sees the entry names first, before anything is inflated, and throws for a zip
 * that does not hold what the caller takes (an Office document's parts, say).
 */
export async function guardZip(buf: Buffer, expect: (names: Set<string>) => void, limits = ZIP_LIMITS): Promise<ZipEntry[]> {
  if (buf.length < 30 || buf.readUInt32LE(0) !== SIG_LOCAL) throw corrupt('不是 zip 格式');
  const { entries, cdOffset } = readCentralDirectory(buf, limits);
  expect(new Set(entries.map((e) => e.name)));

  let total = 0;
  for (const e of entries) {
    total += e.uncompressedSize;
    if (total > limits.maxTotalUncompressed) throw bomb(`解压总大小超过 ${mb(limits.maxTotalUncompressed)}`);
    const ratio = e.uncompressedSize / Math.max(1, e.compressedSize);
    if (e.uncompressedSize > limits.largeEntry && ratio > limits.maxRatio) throw bomb(`${e.name} 压缩比 ${Math.round(ratio)}:1`);
  }
  verifyContiguous(buf, entries, cdOffset);
  for (const e of entries) await verifyInflatedSize(buf, e);
  return entries;
}

/**
 * The spreadsheet reader walks the local headers front to back, not the central directory: so the
 * local entries must be exactly the listed ones, back to back, with the same sizes. Otherwise an
 * entry hidden between them would be inflated without ever having been checked.
 */
function verifyContiguous(buf: Buffer, entries: ZipEntry[], cdOffset: number): void {
  const sorted = [...entries].sort((a, b) => a.localHeaderOffset - b.localHeaderOffset);
  let expected = 0;
  for (let i = 0; i < sorted.length; i++) {
    const e = sorted[i]!;
    const h = e.localHeaderOffset;
    if (h !== expected) throw corrupt('包含目录之外的数据');
    if (h + 30 > buf.length || buf.readUInt32LE(h) !== SIG_LOCAL) throw corrupt(`${e.name} 文件头损坏`);
    const flags = buf.readUInt16LE(h + 6);
    const hasDescriptor = (flags & 0x08) !== 0;
    const localCompressed = buf.readUInt32LE(h + 18);
    if (!hasDescriptor && localCompressed !== MAX32 && localCompressed !== e.compressedSize) throw corrupt(`${e.name} 文件头与目录不一致`);
    const end = h + 30 + buf.readUInt16LE(h + 26) + buf.readUInt16LE(h + 28) + e.compressedSize;
    const next = sorted[i + 1]?.localHeaderOffset ?? cdOffset;
    const gap = next - end;
    // A data descriptor (12–24 bytes) may follow the data when flag bit 3 is set.
    if (!(gap === 0 || (hasDescriptor && gap >= 12 && gap <= 24))) throw corrupt('包含目录之外的数据');
    expected = next;
  }
  if (sorted.length === 0 && cdOffset !== 0) throw corrupt('包含目录之外的数据');
}

function readCentralDirectory(buf: Buffer, limits: typeof ZIP_LIMITS): { entries: ZipEntry[]; cdOffset: number } {
  const eocd = findEocd(buf);
  if (eocd < 0) throw corrupt('找不到压缩包目录');
  let count = buf.readUInt16LE(eocd + 10);
  let cdSize = buf.readUInt32LE(eocd + 12);
  let cdOffset = buf.readUInt32LE(eocd + 16);
  if (count === 0xffff || cdSize === MAX32 || cdOffset === MAX32) {
    const loc = eocd - 20;
    if (loc < 0 || buf.readUInt32LE(loc) !== SIG_ZIP64_LOCATOR) throw corrupt('ZIP64 目录缺失');
    const z64 = readU64(buf, loc + 8);
    if (z64 + 56 > buf.length || buf.readUInt32LE(z64) !== SIG_ZIP64_EOCD) throw corrupt('ZIP64 目录损坏');
    count = readU64(buf, z64 + 32);
    cdSize = readU64(buf, z64 + 40);
    cdOffset = readU64(buf, z64 + 48);
  }
  if (count > limits.maxEntries) throw bomb(`包含 ${count} 个文件`);
  if (cdOffset + cdSize > buf.length) throw corrupt('目录超出文件范围');

  const entries: ZipEntry[] = [];
  let p = cdOffset;
  for (let i = 0; i < count; i++) {
    if (p + 46 > buf.length || buf.readUInt32LE(p) !== SIG_CENTRAL) throw corrupt('目录项损坏');
    const method = buf.readUInt16LE(p + 10);
    let compressedSize = buf.readUInt32LE(p + 20);
    let uncompressedSize = buf.readUInt32LE(p + 24);
    const nameLen = buf.readUInt16LE(p + 28);
    const extraLen = buf.readUInt16LE(p + 30);
    const commentLen = buf.readUInt16LE(p + 32);
    let localHeaderOffset = buf.readUInt32LE(p + 42);
    const name = buf.toString('utf8', p + 46, p + 46 + nameLen);
    // ZIP64 extra field: the 64-bit values follow in a fixed order, only for fields set to 0xFFFFFFFF.
    let x = p + 46 + nameLen;
    const xEnd = x + extraLen;
    while (x + 4 <= xEnd) {
      const id = buf.readUInt16LE(x);
      const size = buf.readUInt16LE(x + 2);
      if (id === 0x0001) {
        let q = x + 4;
        if (uncompressedSize === MAX32) { uncompressedSize = readU64(buf, q); q += 8; }
        if (compressedSize === MAX32) { compressedSize = readU64(buf, q); q += 8; }
        if (localHeaderOffset === MAX32) { localHeaderOffset = readU64(buf, q); q += 8; }
      }
      x += 4 + size;
    }
    entries.push({ name, method, compressedSize, uncompressedSize, localHeaderOffset });
    p = xEnd + commentLen;
  }
  return { entries, cdOffset };
}

/** Inflates one entry with its declared size as the cap: an entry that lies about its size fails. */
async function verifyInflatedSize(buf: Buffer, e: ZipEntry): Promise<void> {
  const h = e.localHeaderOffset;
  if (h + 30 > buf.length || buf.readUInt32LE(h) !== SIG_LOCAL) throw corrupt(`${e.name} 文件头损坏`);
  const start = h + 30 + buf.readUInt16LE(h + 26) + buf.readUInt16LE(h + 28);
  const end = start + e.compressedSize;
  if (end > buf.length) throw corrupt(`${e.name} 数据不完整`);
  if (e.method === 0) {
    if (e.compressedSize !== e.uncompressedSize) throw corrupt(`${e.name} 大小不一致`);
    return;
  }
  if (e.method !== 8) throw corrupt(`${e.name} 使用了不支持的压缩方式`);
  let size = 0;
  await new Promise<void>((resolve, reject) => {
    const inflate = createInflateRaw();
    inflate.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > e.uncompressedSize) {
        inflate.destroy();
        reject(bomb(`${e.name} 实际大小超过声明`));
      }
    });
    inflate.on('error', () => reject(corrupt(`${e.name} 无法解压`)));
    inflate.on('end', () => resolve());
    inflate.end(buf.subarray(start, end));
  });
  if (size !== e.uncompressedSize) throw corrupt(`${e.name} 大小与声明不符`);
}

function findEocd(buf: Buffer): number {
  const min = Math.max(0, buf.length - 22 - 0xffff);
  for (let i = buf.length - 22; i >= min; i--) {
    if (buf.readUInt32LE(i) === SIG_EOCD) return i;
  }
  return -1;
}

function readU64(buf: Buffer, at: number): number {
  const v = buf.readBigUInt64LE(at);
  return v > BigInt(Number.MAX_SAFE_INTEGER) ? Number.MAX_SAFE_INTEGER : Number(v);
}

const mb = (n: number) => `${Math.round(n / 1024 / 1024)} MB`;
