// Site photos: EXIF time and GPS kept (a JPEG built with piexifjs), the distance from the site,
// type by magic bytes, the 10 MB limit, nothing saved on refusal; streaming and deleting, scoped.
import piexif from 'piexifjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, login, type Client, type TestApp } from './helpers/app.ts';
import { buildProject, createOrg, createUser, REGIONS, seedTestRegions } from './helpers/factories.ts';
import { openPeriod, reportUrl } from './helpers/reporting.ts';

let t: TestApp;
let office: Client, owner: Client, shenViewer: Client, viewer: Client;
const ids: Record<string, string> = {};

/** The smallest valid JPEG (1×1, grey). */
const TINY_JPEG = Buffer.from(
  '/9j/4AAQSkZJRgABAQEASABIAAD/2wBDAP//////////////////////////////////////////////////////////////////////////////////////wgALCAABAAEBAREA/8QAFBABAAAAAAAAAAAAAAAAAAAAAP/aAAgBAQABPxA=',
  'base64',
);

const dms = (d: number) => {
  const a = Math.abs(d);
  const deg = Math.floor(a);
  const min = Math.floor((a - deg) * 60);
  const sec = Math.round(((a - deg) * 60 - min) * 60 * 100);
  return [[deg, 1], [min, 1], [sec, 100]];
};

function jpegWithExif(o: { taken: string; lat: number; lon: number }): Buffer {
  const exif = {
    '0th': {},
    Exif: { [piexif.ExifIFD.DateTimeOriginal]: o.taken },
    GPS: {
      [piexif.GPSIFD.GPSLatitudeRef]: o.lat >= 0 ? 'N' : 'S', [piexif.GPSIFD.GPSLatitude]: dms(o.lat),
      [piexif.GPSIFD.GPSLongitudeRef]: o.lon >= 0 ? 'E' : 'W', [piexif.GPSIFD.GPSLongitude]: dms(o.lon),
    },
  };
  return Buffer.from(piexif.insert(piexif.dump(exif), TINY_JPEG.toString('binary')), 'binary');
}

function multipart(file: Buffer, fileName: string, caption?: string) {
  const boundary = '----tuijin' + Math.random().toString(16).slice(2);
  const parts: Buffer[] = [];
  if (caption) parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="caption"\r\n\r\n${caption}\r\n`));
  parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: application/octet-stream\r\n\r\n`));
  parts.push(file, Buffer.from(`\r\n--${boundary}--\r\n`));
  return { payload: Buffer.concat(parts), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

const upload = (c: Client, file: Buffer, name: string, caption?: string) =>
  c.request({ method: 'POST', url: reportUrl(ids.project!, ids.period!, '/photos'), ...multipart(file, name, caption) });

const photoCount = async () => (await t.database.pool.query('select count(*)::int as n from report_photos')).rows[0].n as number;

beforeAll(async () => {
  t = await buildTestApp();
  const db = t.database.db;
  await seedTestRegions(db);
  const company = await createOrg(db, { name: '高端食品有限公司', regionCode: REGIONS.dongchangfu.code });
  // The site: 36.450000 N, 115.980000 E.
  const p = await buildProject(db, { stage: 'construction', ownerOrgId: company.id, latitude: '36.450000', longitude: '115.980000' });
  await createUser(db, { username: 'office', role: 'office', regionCode: REGIONS.city.code });
  await createUser(db, { username: 'owner', role: 'owner', regionCode: REGIONS.dongchangfu.code, orgId: company.id });
  await createUser(db, { username: 'viewer', role: 'viewer', regionCode: REGIONS.dongchangfu.code });
  await createUser(db, { username: 'shenviewer', role: 'viewer', regionCode: REGIONS.shen.code });
  [office, owner, viewer, shenViewer] = (await Promise.all(['office', 'owner', 'viewer', 'shenviewer'].map((u) => login(t.app, u)))) as [Client, Client, Client, Client];
  const period = await openPeriod(office, { year: 2026, month: 5 });
  Object.assign(ids, { project: p.id, period: period.id });
});
afterAll(() => t.close());

describe('uploading', () => {
  it('keeps the EXIF time and position and measures the distance from the site; creates the draft at version 0', async () => {
    const jpeg = jpegWithExif({ taken: '2026:05:12 09:30:00', lat: 36.451, lon: 115.98 });
    const res = await upload(owner, jpeg, '现场.jpg', '主体施工');
    expect(res.statusCode, res.body).toBe(201);
    const ph = res.json();
    expect(ph).toMatchObject({ fileName: '现场.jpg', mimeType: 'image/jpeg', size: jpeg.length, caption: '主体施工', latitude: '36.451', longitude: '115.98' });
    // Camera clocks in China: 09:30 local = 01:30 UTC.
    expect(ph.takenAt).toBe('2026-05-12T01:30:00.000Z');
    expect(ph.distanceMeters).toBeGreaterThan(105);
    expect(ph.distanceMeters).toBeLessThan(116);
    ids.photo = ph.id;
    const r = (await owner.get(reportUrl(ids.project!, ids.period!))).json();
    expect(r).toMatchObject({ status: 'draft', version: 0 });
    expect(r.photos.map((x: { id: string }) => x.id)).toEqual([ph.id]);
    // The form opened before the upload still saves at version 0.
    expect((await owner.put(reportUrl(ids.project!, ids.period!), { version: 0, investment: '10' })).statusCode).toBe(200);
  });

  it('a photo without EXIF has no time or place', async () => {
    const res = await upload(owner, TINY_JPEG, 'plain.jpg');
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ takenAt: null, latitude: null, longitude: null, distanceMeters: null });
  });

  it('refuses a file that is not an image whatever its name, and one over 10 MB; nothing is saved', async () => {
    const before = await photoCount();
    const fake = await upload(owner, Buffer.from('%PDF-1.4 not a photo'), 'photo.jpg');
    expect(fake.statusCode).toBe(415);
    expect(fake.json().error.message).toContain('JPEG、PNG、WebP 或 HEIC');
    expect(fake.json().error.details[0].field).toBe('file');
    const big = Buffer.concat([TINY_JPEG, Buffer.alloc(10 * 1024 * 1024)]);
    const tooBig = await upload(owner, big, 'big.jpg');
    expect(tooBig.statusCode).toBe(413);
    expect(tooBig.json().error.message).toContain('超过 10 MB');
    expect(await photoCount()).toBe(before);
  });

  it('accepts PNG by its signature', async () => {
    const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64'); // 1×1
    const res = await upload(owner, png, 'x.bin');
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().mimeType).toBe('image/png');
    ids.png = res.json().id;
  });

  it('only those who file may upload', async () => {
    expect((await upload(viewer, TINY_JPEG, 'v.jpg')).statusCode).toBe(403);
    expect((await upload(shenViewer, TINY_JPEG, 's.jpg')).statusCode).toBe(404);
  });
});

describe('reading and deleting', () => {
  it('streams the image to readers in scope, not to another county', async () => {
    const res = await viewer.get(`/api/v1/report-photos/${ids.photo}`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('image/jpeg');
    expect(res.rawPayload.subarray(0, 3)).toEqual(Buffer.from([0xff, 0xd8, 0xff]));
    expect((await shenViewer.get(`/api/v1/report-photos/${ids.photo}`)).statusCode).toBe(404);
  });

  it('deletes for who may edit; read-only users cannot; none once submitted', async () => {
    expect((await viewer.delete(`/api/v1/report-photos/${ids.png}`)).statusCode).toBe(403);
    expect((await owner.delete(`/api/v1/report-photos/${ids.png}`)).statusCode).toBe(200);
    expect((await viewer.get(`/api/v1/report-photos/${ids.png}`)).statusCode).toBe(404);
    expect((await owner.post(reportUrl(ids.project!, ids.period!, '/submit'), {})).statusCode).toBe(200);
    const res = await owner.delete(`/api/v1/report-photos/${ids.photo}`);
    expect(res.statusCode).toBe(409);
    expect((await upload(owner, TINY_JPEG, 'late.jpg')).statusCode).toBe(409);
    const { rows } = await t.database.pool.query(`select action from audit_log where action like 'report.photo%' order by id`);
    expect(rows.map((r: { action: string }) => r.action)).toEqual(['report.photo_added', 'report.photo_added', 'report.photo_added', 'report.photo_deleted']);
  });
});
