// Hostile uploads made without holding them whole in memory: a workbook of a million rows written
// into a zip with the sheet deflated as it is generated (only the compressed bytes are kept) and a multipart body of any size
// streamed from a generator.
import { Readable } from 'node:stream';
import { createDeflateRaw } from 'node:zlib';
import { LEDGER_HEADERS } from '../../src/contract/ledger.ts';
import { rawZip } from '../helpers/xlsx.ts';

/** Deflates text produced chunk by chunk: only the compressed bytes are kept. */
async function deflated(name: string, chunks: Iterable<string>) {
  const deflate = createDeflateRaw({ level: 6 });
  const out: Buffer[] = [];
  deflate.on('data', (b: Buffer) => out.push(b));
  const done = new Promise((resolve, reject) => deflate.on('end', resolve).on('error', reject));
  let realSize = 0;
  for (const text of chunks) {
    const buf = Buffer.from(text, 'utf8');
    realSize += buf.length;
    if (!deflate.write(buf)) await new Promise((r) => deflate.once('drain', r));
  }
  deflate.end();
  await done;
  return { name, data: Buffer.concat(out), realSize };
}

const xmlEscape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');

/**
 * A real workbook with the ledger's header and `rows` data rows (code, name, region), the sheet
 * generated and deflated a thousand rows at a time.
 */
export async function ledgerWithRows(rows: number): Promise<Buffer> {
  const header = [LEDGER_HEADERS.code, LEDGER_HEADERS.name, LEDGER_HEADERS.region];
  const cell = (ref: string, text: string) => `<c r="${ref}" t="inlineStr"><is><t>${xmlEscape(text)}</t></is></c>`;
  function* sheet() {
    yield '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
      + '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
      + `<row r="1">${header.map((h, i) => cell(`${'ABC'[i]}1`, h)).join('')}</row>`;
    for (let start = 2; start < rows + 2; start += 1000) {
      let part = '';
      for (let r = start; r < Math.min(start + 1000, rows + 2); r++) {
        part += `<row r="${r}">${cell(`A${r}`, `M${r}`)}${cell(`B${r}`, `项目${r}`)}${cell(`C${r}`, '东昌府区')}</row>`;
      }
      yield part;
    }
    yield '</sheetData></worksheet>';
  }
  const small = (name: string, text: string) => deflated(name, [text]);
  return rawZip([
    await small('[Content_Types].xml', '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
      + '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>'
      + '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
      + '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>'),
    await small('_rels/.rels', '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
      + '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>'),
    await small('xl/workbook.xml', '<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
      + 'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="台账" sheetId="1" r:id="rId1"/></sheets></workbook>'),
    await small('xl/_rels/workbook.xml.rels', '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
      + '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>'),
    await deflated('xl/worksheets/sheet1.xml', sheet()),
  ]);
}

/**
 * A multipart/form-data body whose file part is `size` bytes, produced as it is read (the start
 * given, the rest filler), so a 200 MB upload never exists in the test's memory.
 */
export function streamedUpload(size: number, start: Buffer, fileName: string): { payload: Readable; headers: Record<string, string> } {
  const boundary = `----robust${Date.now().toString(16)}`;
  const head = Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: application/octet-stream\r\n\r\n`);
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  const chunk = Buffer.alloc(256 * 1024, 0x41);
  function* parts() {
    yield head;
    yield start;
    for (let left = size - start.length; left > 0; left -= chunk.length) yield left >= chunk.length ? chunk : chunk.subarray(0, left);
    yield tail;
  }
  return { payload: Readable.from(parts(), { objectMode: false }), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}
