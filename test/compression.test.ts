// Response compression: a large JSON answer comes back as br or gzip when the client asks for it and
// plain when it does not (the ledger page sent from memory, the war map and the OpenAPI document
// through the plugin); tiny bodies and spreadsheets go out as they are; a streamed export still
// streams; the client's preference and refusals are honoured.
import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, signIn, type TestApp } from './helpers/app.ts';
import { buildProject, createUser, REGIONS, seedTestRegions } from './helpers/factories.ts';

let t: TestApp;
let cookie: string;

beforeAll(async () => {
  t = await buildTestApp();
  const db = t.database.db;
  await seedTestRegions(db);
  await createUser(db, { username: 'office', role: 'office', regionCode: REGIONS.city.code });
  for (let i = 1; i <= 60; i++) {
    await buildProject(db, {
      code: `ZIP-${String(i).padStart(3, '0')}`, name: `压缩测试项目${i}`, stage: 'construction', totalInvestment: String(1000 + i),
      longitude: String(115.9 + i / 1000), latitude: String(36.4 + i / 1000), constructionContent: '新建厂房及配套设施，购置生产设备。'.repeat(3),
    });
  }
  cookie = `tuijin_session=${(await signIn(t.app, 'office')).cookie}`;
});
afterAll(() => t.close());

const get = (url: string, headers: Record<string, string> = {}) => t.app.inject({ method: 'GET', url, headers: { cookie, ...headers } });

function decode(encoding: string | undefined, raw: Buffer): string {
  if (encoding === 'br') return zlib.brotliDecompressSync(raw).toString('utf8');
  if (encoding === 'gzip') return zlib.gunzipSync(raw).toString('utf8');
  return raw.toString('utf8');
}

describe('large JSON answers', () => {
  for (const url of ['/api/v1/projects?pageSize=60', '/api/v1/map/projects', '/api/docs/json']) {
    it(`${url}: br or gzip when asked, plain when not, the same JSON either way`, async () => {
      const plain = await get(url);
      expect(plain.statusCode).toBe(200);
      expect(plain.headers['content-encoding']).toBeUndefined();
      const json = JSON.parse(plain.body);
      expect(plain.rawPayload.length).toBeGreaterThan(10_000);

      for (const [asked, expected] of [['br', 'br'], ['gzip', 'gzip'], ['gzip, deflate, br', 'br'], ['gzip;q=1, br;q=0.5', 'gzip'], ['br;q=0, gzip', 'gzip']] as const) {
        const res = await get(url, { 'accept-encoding': asked });
        expect(res.statusCode, asked).toBe(200);
        expect(res.headers['content-encoding'], asked).toBe(expected);
        expect(String(res.headers.vary), asked).toMatch(/accept-encoding/i);
        expect(res.rawPayload.length, asked).toBeLessThan(plain.rawPayload.length / 3);
        expect(JSON.parse(decode(expected, res.rawPayload)), asked).toEqual(json);
      }
      for (const asked of ['identity', 'deflate', 'br;q=0, gzip;q=0']) {
        const res = await get(url, { 'accept-encoding': asked });
        expect(res.headers['content-encoding'], asked).toBeUndefined();
        expect(JSON.parse(res.body), asked).toEqual(json);
      }
      const refused = await get(url, { 'accept-encoding': 'br', 'x-no-compression': '1' });
      expect(refused.headers['content-encoding']).toBeUndefined();
    });
  }
});

describe('an answer made for one request', () => {
  it('is compressed at the cheap levels (br quality 1, gzip level 1), not the libraries\' defaults', async () => {
    const url = '/api/v1/map/projects';
    const plain = await get(url);
    const gz = await get(url, { 'accept-encoding': 'gzip' });
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gz.rawPayload.length).toBe(zlib.gzipSync(plain.rawPayload, { level: 1 }).length);
    expect(gz.rawPayload.length).not.toBe(zlib.gzipSync(plain.rawPayload).length);
    const br = await get(url, { 'accept-encoding': 'br' });
    expect(br.rawPayload.length).toBe(zlib.brotliCompressSync(plain.rawPayload, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 1 } }).length);
  });
});

describe('what is never compressed', () => {
  it('leaves tiny bodies as they are', async () => {
    const res = await get('/api/health', { 'accept-encoding': 'br, gzip' });
    expect(res.headers['content-encoding']).toBeUndefined();
    expect(res.json()).toEqual({ ok: true });
    const small = await get('/api/v1/projects?pageSize=1&q=nothing-matches', { 'accept-encoding': 'br, gzip' });
    expect(small.rawPayload.length).toBeLessThan(1024);
    expect(small.headers['content-encoding']).toBeUndefined();
  });

  it('sends spreadsheets as they are, and a streamed export still streams', async () => {
    const template = await get('/api/v1/ledger/template.xlsx', { 'accept-encoding': 'br, gzip' });
    expect(template.statusCode).toBe(200);
    expect(template.headers['content-encoding']).toBeUndefined();
    expect(template.rawPayload.subarray(0, 2).toString('latin1')).toBe('PK');

    const exported = await get('/api/v1/ledger/export.xlsx', { 'accept-encoding': 'br, gzip' });
    expect(exported.statusCode).toBe(200);
    expect(exported.headers['content-encoding']).toBeUndefined();
    expect(exported.headers['content-length']).toBeUndefined();
    expect(exported.rawPayload.subarray(0, 2).toString('latin1')).toBe('PK');
  });
});
