// Secure headers on everything the server sends: API answers and errors, downloads (spreadsheets, Word
// files, photos, attachments), the API documentation and the web app's pages and bundles. A content
// security policy that runs only the app's own scripts and lets no one frame it, nosniff, a referrer
// policy, HSTS (browsers heed it once the site is reached over TLS), no X-Powered-By; downloads go out
// as attachments, so a browser saves them rather than showing them in the app's origin.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../helpers/app.ts';
import { buildFixture, type Fixture } from '../robustness/fixture.ts';

let t: TestApp;
let f: Fixture;
let web: TestApp;
const dist = fs.mkdtempSync(path.join(os.tmpdir(), 'tuijin-web-'));

beforeAll(async () => {
  t = await buildTestApp();
  f = await buildFixture(t);
  // A built web app of two files, served the way the server serves dist/web.
  fs.mkdirSync(path.join(dist, 'assets'));
  fs.writeFileSync(path.join(dist, 'index.html'), '<!doctype html><html><head><script type="module" src="/assets/app.js"></script></head><body>推进首页</body></html>');
  fs.writeFileSync(path.join(dist, 'assets', 'app.js'), 'console.log("推进");');
  // The bundle as the build leaves it: a .br and a .gz beside each file of 1 kB or more.
  const big = `export const words = ${JSON.stringify(Array.from({ length: 400 }, (_, i) => `重点项目${i}`))};`;
  fs.writeFileSync(path.join(dist, 'assets', 'big.js'), big);
  fs.writeFileSync(path.join(dist, 'assets', 'big.js.br'), zlib.brotliCompressSync(big));
  fs.writeFileSync(path.join(dist, 'assets', 'big.js.gz'), zlib.gzipSync(big));
  web = await buildTestApp(t.database, { serveWeb: true, webDist: dist });
}, 120_000);
afterAll(async () => {
  await web?.app.close();
  await t?.close();
  fs.rmSync(dist, { recursive: true, force: true });
});

/** What every answer carries, whatever it is. */
function expectSecureHeaders(res: LightMyRequestResponse, what: string) {
  const h = res.headers;
  const csp = String(h['content-security-policy'] ?? '');
  const directive = (name: string) => csp.split(';').map((d) => d.trim()).find((d) => d.startsWith(`${name} `)) ?? '';
  expect(directive('default-src'), `${what}: CSP default-src`).toBe("default-src 'self'");
  expect(directive('script-src'), `${what}: CSP script-src`).toBe("script-src 'self'");
  expect(directive('object-src'), `${what}: CSP object-src`).toBe("object-src 'none'");
  expect(directive('frame-ancestors'), `${what}: CSP frame-ancestors`).toBe("frame-ancestors 'none'");
  expect(h['x-content-type-options'], `${what}: nosniff`).toBe('nosniff');
  expect(h['x-frame-options'], `${what}: X-Frame-Options`).toMatch(/^(DENY|SAMEORIGIN)$/);
  expect(h['referrer-policy'], `${what}: Referrer-Policy`).toMatch(/^(no-referrer|same-origin|strict-origin|strict-origin-when-cross-origin)$/);
  const hsts = /max-age=(\d+)/.exec(String(h['strict-transport-security'] ?? ''));
  expect(Number(hsts?.[1] ?? 0), `${what}: HSTS of at least 180 days`).toBeGreaterThanOrEqual(180 * 24 * 3600);
  expect(h['x-powered-by'], `${what}: X-Powered-By`).toBeUndefined();
}

const get = async (app: TestApp['app'], url: string, signedIn = true) =>
  signedIn ? f.office.request({ method: 'GET', url }) : app.inject({ method: 'GET', url });

describe('the API', () => {
  it.each([
    ['an answer', '/api/v1/auth/me', 200],
    ['a list', '/api/v1/projects', 200],
    ['a refusal', '/api/v1/users', 403],
    ['a record that is not there', '/api/v1/projects/00000000-0000-4000-8000-000000000000', 404],
    ['a path that is no endpoint', '/api/v1/no-such-thing', 404],
    ['bad input', '/api/v1/projects?pageSize=abc', 400],
  ])('%s (%s)', async (what, url, status) => {
    const res = await get(t.app, url);
    expect(res.statusCode, res.body).toBe(status);
    expectSecureHeaders(res, what);
  });

  it('when not signed in, and the health check', async () => {
    for (const url of ['/api/v1/projects', '/api/health']) expectSecureHeaders(await get(t.app, url, false), url);
  });

  it('the API documentation', async () => {
    for (const url of ['/api/docs', '/api/docs/json', '/api/docs/static/swagger-initializer.js']) {
      const res = await get(t.app, url, false);
      expect(res.statusCode, url).toBe(200);
      expectSecureHeaders(res, url);
    }
  });
});

describe('downloads', () => {
  const files = () => [
    ['the ledger export', '/api/v1/ledger/export.xlsx', /spreadsheetml/],
    ['the ledger template', '/api/v1/ledger/template.xlsx', /spreadsheetml/],
    ['the statistics table', '/api/v1/stats.xlsx?year=2024&month=6', /spreadsheetml/],
    ['a bulletin', `/api/v1/bulletins/${f.ids.bulletin}.docx`, /wordprocessingml/],
    ['the dispatch list', '/api/v1/problems/dispatch.docx', /wordprocessingml/],
    ['a roadblock attachment', `/api/v1/problems/${f.ids.problem}/attachments/${f.ids.attachment}`, /application\/pdf/],
  ] as const;

  it('carry the headers and go out as attachments of their own type', async () => {
    for (const [what, url, type] of files()) {
      const res = await get(t.app, url);
      expect(res.statusCode, `${what}: ${res.body.slice(0, 200)}`).toBe(200);
      expect(res.headers['content-type'], what).toMatch(type);
      expect(res.headers['content-disposition'], what).toMatch(/^attachment;/);
      expectSecureHeaders(res, what);
    }
  });

  it('a site photo is shown as the image it was checked to be, with nosniff', async () => {
    const res = await get(t.app, `/api/v1/report-photos/${f.ids.photo}`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('image/jpeg');
    expect(res.headers['cache-control']).toMatch(/^private/);
    expectSecureHeaders(res, 'a photo');
  });
});

describe('the policy and TLS', () => {
  const directives = (res: LightMyRequestResponse) => String(res.headers['content-security-policy']).split(';').map((d) => d.trim().split(' ')[0]);

  it('over plain HTTP the policy does not make browsers fetch the app\'s own files over https (which would break it opened by address)', async () => {
    expect(directives(await get(t.app, '/api/health', false))).not.toContain('upgrade-insecure-requests');
  });

  it('behind TLS (TUIJIN_SECURE_COOKIES=1) it does', async () => {
    const tls = await buildTestApp(t.database, { config: { secureCookies: true } });
    try {
      const res = await tls.app.inject({ method: 'GET', url: '/api/health' });
      expect(directives(res)).toContain('upgrade-insecure-requests');
      expectSecureHeaders(res, 'behind TLS');
    } finally {
      await tls.app.close();
    }
  });
});

describe('the web app', () => {
  it('sends the bundle\'s precompressed files as they are, as the client accepts, long-cached', async () => {
    const plain = fs.readFileSync(path.join(dist, 'assets', 'big.js'));
    for (const [asked, encoding, file] of [['gzip, deflate, br', 'br', 'big.js.br'], ['gzip', 'gzip', 'big.js.gz'], ['identity', undefined, 'big.js']] as const) {
      const res = await web.app.inject({ method: 'GET', url: '/assets/big.js', headers: { 'accept-encoding': asked } });
      expect(res.statusCode, asked).toBe(200);
      expect(res.headers['content-encoding'], asked).toBe(encoding);
      expect(res.headers['content-type'], asked).toMatch(/javascript/);
      expect(res.headers['cache-control'], asked).toContain('immutable');
      // The file written by the build, byte for byte (not compressed again on the way).
      expect(res.rawPayload.equals(fs.readFileSync(path.join(dist, 'assets', file))), asked).toBe(true);
      const body = encoding === 'br' ? zlib.brotliDecompressSync(res.rawPayload) : encoding === 'gzip' ? zlib.gunzipSync(res.rawPayload) : res.rawPayload;
      expect(body.equals(plain), asked).toBe(true);
    }
  });

  it.each([
    ['its first page', '/', /text\/html/, '推进首页'],
    ['a page of the app (client-side route)', '/projects/123', /text\/html/, '推进首页'],
    ['its script bundle', '/assets/app.js', /javascript/, 'console.log'],
  ])('%s', async (what, url, type, body) => {
    const res = await web.app.inject({ method: 'GET', url });
    expect(res.statusCode, `${what}: ${res.body.slice(0, 200)}`).toBe(200);
    expect(res.headers['content-type'], what).toMatch(type);
    expect(res.body).toContain(body);
    expectSecureHeaders(res, what);
  });
});
