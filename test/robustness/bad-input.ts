// The bad-input suite (run by bad-input.body.test.ts and bad-input.query.test.ts, one half of the
// endpoints each, so each file stays well under a minute). Every API endpoint is fed bad requests
// generated from its own schema (the OpenAPI document the app serves, itself generated from the
// zod contract): wrong types per field, missing required fields,
// lengths and bounds crossed, 100k-character strings, NUL bytes, emoji and RTL text, bad dates and
// uuids, huge and non-finite numbers, broken and hostile JSON, and random hostile values at one to
// three fields at once (fast-check, fixed seed). Sent as an administrator with the ids of real
// records, so access checks do not hide the validation and :id routes reach their handlers.
// Whatever comes in: never a 5xx; a 4xx has the error shape in Chinese; a 400 names the field, and
// a request that breaks the schema is refused naming the very field that was broken.
import fc from 'fast-check';
import type { LightMyRequestResponse } from 'fastify';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FUND_SOURCES } from '../../src/domain/reporting.ts';
import { buildTestApp, type Client } from '../helpers/app.ts';
import {
  endpointsOf, mutationsOf, OMIT, randomMutations, rawBodies, sample, seedOf, setAt,
  type Endpoint, type Expect, type Mutation, type SampleContext,
} from '../helpers/fuzz.ts';
import { buildFixture, type Fixture } from './fixture.ts';

/** Random requests per endpoint on top of the catalogue of single violations: at least 10, and enough for 25 in all. */
const RANDOM_RUNS = 10;
const AT_LEAST = 25;
const CJK = /[\u4e00-\u9fff]/;
/**
 * Body fields the contract coerces to numbers on purpose (the command line hands a period's year and
 * month over as text; coordinates come as text from forms and files), so text, a boolean or a
 * one-element list becomes a number there; whatever it becomes is still range-checked.
 */
const COERCED = new Set([
  'POST /api/v1/periods year', 'POST /api/v1/periods month',
  'POST /api/v1/projects longitude', 'POST /api/v1/projects latitude', 'PATCH /api/v1/projects/{id} longitude', 'PATCH /api/v1/projects/{id} latitude',
]);

let f: Fixture;
let admin: Client;
const sent: Sent = { catalogue: 0, raw: 0, random: 0, status: {} };

/** The real record behind a field or path parameter of this endpoint. */
function contextOf(ep: Endpoint): SampleContext {
  const byPath: [RegExp, keyof Fixture['ids']][] = [
    [/^\/api\/v1\/(projects|map\/projects)\/\{id\}/, 'project'], [/^\/api\/v1\/batches\/\{id\}/, 'batch'], [/^\/api\/v1\/leaders\/\{id\}/, 'leader'],
    [/^\/api\/v1\/users\/\{id\}/, 'user'], [/^\/api\/v1\/periods\/\{id\}/, 'july'], [/^\/api\/v1\/report-corrections\/\{id\}/, 'correction'],
    [/^\/api\/v1\/report-photos\/\{id\}/, 'photo'], [/^\/api\/v1\/cards\/\{id\}/, 'card'], [/^\/api\/v1\/supervision-orders\/\{id\}/, 'order'],
    [/^\/api\/v1\/accountability\/\{id\}/, 'accountability'], [/^\/api\/v1\/problems\/\{id\}/, 'problem'], [/^\/api\/v1\/bulletins\/\{id\}/, 'bulletin'],
    [/^\/api\/v1\/auth\/tokens\/\{id\}/, 'token'], [/^\/api\/v1\/notifications\/\{id\}/, 'notification'],
  ];
  const byName: Record<string, keyof Fixture['ids']> = {
    projectId: 'project', projectIds: 'project', mainProjectId: 'project', periodId: ep.path.includes('/corrections') ? 'june' : 'july',
    reportId: 'report', attachmentId: 'attachment', departmentId: 'department', coDepartmentIds: 'department', orgId: 'department',
    ownerId: 'department', responsibleUnitId: 'department', unitId: 'department', leaderId: 'leader', personId: 'leader', batchId: 'batch',
  };
  return {
    id(name) {
      const key = name === 'id' ? byPath.find(([re]) => re.test(ep.path))?.[1] : byName[name];
      return key ? f.ids[key] ?? undefined : undefined;
    },
    recordKey: (name) => (name === 'fundSources' || name === 'fundsBySource' ? FUND_SOURCES[0] : undefined),
  };
}

/** Bytes of the text, every one percent-encoded: also carries lone surrogates and NUL. */
const encode = (s: string) => Array.from(Buffer.from(s, 'utf8'), (b) => `%${b.toString(16).padStart(2, '0')}`).join('');
let ip = 0;

async function send(ep: Endpoint, mutations: Mutation[], raw?: { payload: string | Buffer; contentType: string }): Promise<LightMyRequestResponse> {
  const res = await request(ep, mutations, raw);
  sent.status[res.statusCode] = (sent.status[res.statusCode] ?? 0) + 1;
  return res;
}

async function request(ep: Endpoint, mutations: Mutation[], raw?: { payload: string | Buffer; contentType: string }): Promise<LightMyRequestResponse> {
  const ctx = contextOf(ep);
  const params: Record<string, unknown> = Object.fromEntries(ep.params.map((p) => [p.name, sample(p.schema, p.name, ctx)]));
  const query: Record<string, unknown> = Object.fromEntries(ep.query.filter((p) => p.required).map((p) => [p.name, sample(p.schema, p.name, ctx)]));
  let body = ep.body ? sample(ep.body, 'body', ctx) : undefined;
  for (const m of mutations) {
    const name = String(m.at[0]);
    if (m.where === 'params') params[name] = m.value;
    else if (m.where === 'query') {
      if (m.value === OMIT) delete query[name];
      else query[name] = m.value;
    } else body = setAt(body, ep.body!, m.at, m.value, ctx);
  }
  const url = ep.path.replace(/\{(\w+)\}/g, (_, k: string) => encode(String(params[k])));
  const qs = Object.entries(query).flatMap(([k, v]) => (Array.isArray(v) ? v : [v]).map((x) => `${k}=${encode(typeof x === 'string' ? x : JSON.stringify(x) ?? String(x))}`)).join('&');
  // A new address per request, so the sign-in rate limit does not hide the validation behind it.
  ip += 1;
  const headers: Record<string, string> = { 'x-forwarded-for': `10.${(ip >> 16) & 255}.${(ip >> 8) & 255}.${ip & 255}` };
  let payload: string | Buffer | undefined;
  if (raw) {
    payload = raw.payload;
    headers['content-type'] = raw.contentType;
  } else if (ep.body && body !== OMIT && body !== undefined) {
    payload = JSON.stringify(body);
    headers['content-type'] = 'application/json';
  }
  return admin.request({ method: ep.method as 'GET', url: qs ? `${url}?${qs}` : url, payload, headers });
}

/** What is wrong with the answer, or null. */
async function judge(res: LightMyRequestResponse, expect: Expect, fields: string[]): Promise<string | null> {
  const head = `${res.statusCode} ${res.body.slice(0, 300)}`;
  if (res.statusCode >= 500) return `server error: ${head}`;
  if (res.statusCode < 400) {
    if (expect === 'reject') return `accepted: ${head}`;
    // A streamed file has sent its 200 before the rows are read: a failure shows as a file cut short.
    if (/spreadsheetml|wordprocessingml/.test(String(res.headers['content-type']))) {
      try {
        await JSZip.loadAsync(res.rawPayload);
      } catch {
        return `the file broke off (${res.rawPayload.length} bytes)`;
      }
    }
    return null;
  }
  let error: { code?: unknown; message?: unknown; details?: { field?: unknown; message?: unknown }[] };
  try {
    error = JSON.parse(res.body).error;
  } catch {
    return `not JSON: ${head}`;
  }
  if (!error || typeof error.code !== 'string' || typeof error.message !== 'string') return `no error shape: ${head}`;
  if (!CJK.test(error.message)) return `message not in Chinese: ${head}`;
  if (error.details !== undefined && !Array.isArray(error.details)) return `details not a list: ${head}`;
  if (res.statusCode === 400 && error.code === 'validation_failed') {
    const details = error.details ?? [];
    if (details.length === 0) return `names no field: ${head}`;
    for (const d of details) {
      if (typeof d.field !== 'string' || d.field === '') return `a detail without a field: ${head}`;
      if (typeof d.message !== 'string' || !CJK.test(d.message)) return `a detail not in Chinese: ${head}`;
    }
    const named = (f: string) => details.some((d) => d.field === f || String(d.field).startsWith(`${f}.`));
    if (expect === 'reject' && fields.length > 0 && !fields.some(named)) return `does not name ${fields.join(', ')}: ${head}`;
  }
  return null;
}

const fieldOf = (m: Mutation) => m.at.join('.');

interface Sent { catalogue: number; raw: number; random: number; status: Record<number, number> }

/** The catalogue of single violations, the raw bodies, then random hostile values (fast-check). */
async function checkEndpoint(ep: Endpoint): Promise<void> {
  const problems: string[] = [];
  const catalogue = mutationsOf(ep, contextOf(ep)).map((m) => ({
    m, expect: COERCED.has(`${ep.method} ${ep.path} ${fieldOf(m)}`) && /^wrong type (boolean|array|string)$/.test(m.kind) ? 'survive' as const : m.expect,
  }));
  const run = async ({ m, expect: e }: (typeof catalogue)[number]) => {
    const res = await send(ep, [m]);
    sent.catalogue += 1;
    const p = await judge(res, e, e === 'reject' && m.at.length ? [fieldOf(m)] : []);
    if (p) problems.push(`${m.where} ${fieldOf(m) || '(whole)'} — ${m.kind}: ${p}`);
  };
  // What must be refused never reaches a handler, so those go four at a time; what may be
  // accepted can write, so it goes one by one and the data set evolves the same way each run.
  const refused = catalogue.filter((c) => c.expect === 'reject');
  for (let i = 0; i < refused.length; i += 4) await Promise.all(refused.slice(i, i + 4).map(run));
  for (const c of catalogue.filter((x) => x.expect === 'survive')) await run(c);
  for (const r of ep.body ? rawBodies(sample(ep.body, 'body', contextOf(ep))) : []) {
    const res = await send(ep, [], r);
    sent.raw += 1;
    const p = await judge(res, r.expect, []);
    if (p) problems.push(`raw body — ${r.kind}: ${p}`);
  }
  if (ep.params.length > 0) {
    // Percent-encoding that does not decode, in the first path parameter.
    const url = ep.path.replace(/\{\w+\}/, '%E0%A4%A').replace(/\{\w+\}/g, '00000000-0000-4000-8000-000000000000');
    const p = await judge(await admin.request({ method: ep.method as 'GET', url }), 'reject', []);
    if (p) problems.push(`malformed URL: ${p}`);
  }
  expect(problems).toEqual([]);

  await fc.assert(
    fc.asyncProperty(randomMutations(ep), async (ms) => {
      sent.random += 1;
      const p = await judge(await send(ep, ms), 'survive', []);
      if (p) throw new Error(p);
    }),
    { seed: seedOf(ep), numRuns: Math.max(RANDOM_RUNS, AT_LEAST - catalogue.length) },
  );
}

/** Registers one test per endpoint that `pick` selects (endpoints without any input have nothing to fuzz). */
export async function badInputSuite(title: string, pick: (ep: Endpoint) => boolean): Promise<void> {
  const t = await buildTestApp();
  const endpoints = endpointsOf((await t.app.inject({ method: 'GET', url: '/api/docs/json' })).json())
    .filter((ep) => (ep.params.length + ep.query.length > 0 || ep.body) && pick(ep));
  beforeAll(async () => {
    f = await buildFixture(t);
    admin = f.admin;
  });
  afterAll(async () => {
    console.log(`${title}: ${endpoints.length} endpoints; ${sent.catalogue} single violations, ${sent.raw} raw bodies, ${sent.random} random requests; answers by status ${JSON.stringify(sent.status)}`);
    await t.close();
  });
  describe(title, () => {
    for (const ep of endpoints) it(`${ep.method} ${ep.path}`, () => checkEndpoint(ep));
  });
}
