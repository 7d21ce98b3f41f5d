// Upload limits. Every upload of the API (the operations the served document describes as multipart)
// has its size limit and its accepted types proven somewhere: here, the county borders' own 5 MB and the
// 5 MB limit of every JSON body; the others in the files named beside them (see docs/security.md).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Client, TestApp } from '../helpers/app.ts';
import { REGIONS } from '../helpers/factories.ts';
import { formData } from '../robustness/fixture.ts';
import { appWithAdmin } from './clients.ts';
import { changedTables, snapshot } from './tables.ts';

/** Each upload, its limit, and the tests that prove its size (413) and type limits. */
const UPLOADS: Record<string, { limit: string; size: string; types: string }> = {
  'POST /api/v1/ledger/import': { limit: '20 MB (TUIJIN_UPLOAD_MAX_MB)', size: 'test/ledger.files.test.ts', types: 'test/robustness/hostile-files.test.ts' },
  'POST /api/v1/reports/{projectId}/{periodId}/photos': { limit: '10 MB', size: 'test/reporting.photos.test.ts', types: 'test/robustness/hostile-files.test.ts' },
  'POST /api/v1/problems/{id}/attachments': { limit: '20 MB', size: 'test/problems.files.test.ts', types: 'test/robustness/hostile-files.test.ts' },
  'PUT /api/v1/map/boundaries/{regionCode}': { limit: '5 MB', size: 'test/security/uploads.test.ts', types: 'test/robustness/hostile-files.test.ts' },
};

let t: TestApp;
let admin: Client;
beforeAll(async () => {
  ({ t, admin } = await appWithAdmin());
});
afterAll(() => t.close());

/** A FeatureCollection of the city's two counties padded with a property to `bytes`. */
function bigBorders(bytes: number): Buffer {
  const square = (x: number) => [[[x, 36.4], [x + 0.1, 36.4], [x + 0.1, 36.5], [x, 36.4]]];
  const features = [REGIONS.dongchangfu, REGIONS.shen].map((r, i) => ({ type: 'Feature', properties: { name: r.name, adcode: r.code, note: '' }, geometry: { type: 'Polygon', coordinates: square(115.5 + i) } }));
  const base = Buffer.byteLength(JSON.stringify({ type: 'FeatureCollection', features }));
  features[0]!.properties.note = 'x'.repeat(Math.max(0, bytes - base));
  return Buffer.from(JSON.stringify({ type: 'FeatureCollection', features }));
}

describe('uploads', () => {
  it('the table above names every upload the API document describes', async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/api/docs/json' })).json() as { paths: Record<string, Record<string, { summary?: string }>> };
    const uploads = Object.entries(doc.paths).flatMap(([path, ops]) => Object.entries(ops).filter(([, op]) => /multipart/.test(op.summary ?? '')).map(([m]) => `${m.toUpperCase()} ${path}`));
    expect(uploads.sort()).toEqual(Object.keys(UPLOADS).sort());
  });

  it('county borders over 5 MB are refused with 413, as a file or as a JSON body, and nothing is stored', async () => {
    const before = await snapshot(t);
    const url = `/api/v1/map/boundaries/${REGIONS.city.code}`;
    const file = await admin.request({ method: 'PUT', url, ...formData(bigBorders(5 * 1024 * 1024 + 1024), { fileName: '边界.geojson', contentType: 'application/geo+json' }) });
    expect(file.statusCode, file.body).toBe(413);
    expect(file.json().error.message).toMatch(/超过 5 MB/);
    const body = await admin.request({ method: 'PUT', url, payload: bigBorders(5 * 1024 * 1024 + 1024), headers: { 'content-type': 'application/json' } });
    expect(body.statusCode, body.body).toBe(413);
    expect(body.json().error).toMatchObject({ code: 'payload_too_large', message: '上传内容过大' });
    expect(changedTables(before, await snapshot(t))).toEqual([]);
    // Just under the limit it is taken.
    const ok = await admin.request({ method: 'PUT', url, ...formData(bigBorders(4 * 1024 * 1024), { fileName: '边界.geojson' }) });
    expect(ok.statusCode, ok.body.slice(0, 300)).toBe(200);
  });

  it('any JSON body over 5 MB is refused with 413 before it is read', async () => {
    const huge = JSON.stringify({ name: 'x'.repeat(5 * 1024 * 1024) });
    for (const [method, url] of [['POST', '/api/v1/projects'], ['POST', '/api/v1/auth/tokens'], ['PUT', '/api/v1/workdays/adjustments']] as const) {
      const res = await admin.request({ method, url, payload: huge, headers: { 'content-type': 'application/json' } });
      expect(res.statusCode, `${method} ${url}`).toBe(413);
    }
  });
});
