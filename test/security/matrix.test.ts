// Role × region × endpoint. The endpoints come from the OpenAPI document the app serves (and from its
// router, for any route the document hides); each must be in MATRIX (matrix.ts), the readable
// specification of who may do what. For every endpoint:
//  - outside: every role of 莘县 and the office and viewer of 枣庄 send the requests that name 东昌府区's
//    records; each is refused (403/404, or 400 naming the field with the foreign id), or, for a list,
//    holds nothing of 东昌府区 (of 聊城 at all for 枣庄) in its JSON or its downloaded file, while the
//    city office's same request does show 东昌府区; a write leaves every table (row count and a hash of
//    its rows) as it was;
//  - inside: every role of 莘县 sends the request on 莘县's own record and gets the answer the matrix
//    gives for its role; the refused ones leave every table as it was.
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROLES, type Role } from '../../src/domain/enums.ts';
import { buildTestApp, type Client, type TestApp } from '../helpers/app.ts';
import { formData } from '../robustness/fixture.ts';
import { nextAddress, signInFrom, textOf } from './clients.ts';
import { buildSecurityFixture, type SecurityFixture } from './fixture.ts';
import { changedTables as changed, snapshot as takeSnapshot } from './tables.ts';
import { expectations, MARKERS, MATRIX, type Ctx, type Req, type Spec } from './matrix.ts';

let t: TestApp;
let f: SecurityFixture;
let x: Ctx;
let documented: string[] = [];
let routed: string[] = [];

beforeAll(async () => {
  t = await buildTestApp();
  f = await buildSecurityFixture(t);
  x = { t, f, q: async (text, params = []) => (await t.database.pool.query(text, params)).rows };
  const doc = (await t.app.inject({ method: 'GET', url: '/api/docs/json' })).json() as { paths: Record<string, Record<string, unknown>> };
  documented = Object.entries(doc.paths).flatMap(([path, ops]) => Object.keys(ops).map((m) => `${m.toUpperCase()} ${path}`));
  routed = routesOf(t.app.printRoutes({ commonPrefix: false }));
}, 120_000);
afterAll(() => t?.close());

/** "METHOD /api/v1/path/{param}" for every route under /api/v1 the router holds (printRoutes' tree). */
function routesOf(tree: string): string[] {
  const stack: string[] = [];
  const out: string[] = [];
  for (const line of tree.split('\n')) {
    const m = /^([│ ]*)[├└]── (.*?)(?: \(([A-Z, ]+)\))?$/.exec(line);
    if (!m) continue;
    const depth = m[1]!.length / 4;
    stack.length = depth;
    stack.push(m[2]!);
    const path = stack.join('').replace(/:(\w+)/g, '{$1}');
    for (const method of (m[3] ?? '').split(', ').filter((x) => x && x !== 'HEAD')) if (path.startsWith('/api/v1/')) out.push(`${method} ${path}`);
  }
  return out;
}

const snapshot = () => takeSnapshot(t);

async function send(c: Client, req: Req, role?: Role): Promise<LightMyRequestResponse> {
  const client = req.fresh ? await signInFrom(t.app, f.usernames.county(role!)) : c;
  const base = { method: req.method, url: req.url, remoteAddress: nextAddress() };
  if (req.upload) return client.request({ ...base, ...formData(req.upload.file, { fileName: req.upload.fileName }) });
  return client.request({ ...base, payload: req.body as object | undefined });
}

const noRoute = (res: LightMyRequestResponse) => res.statusCode === 404 && /接口不存在/.test(res.body);
const head = (res: LightMyRequestResponse) => `${res.statusCode} ${res.body.slice(0, 200)}`;

/** 403, 404, or a 400 saying the record named does not exist or is out of the caller's reach. */
function refused(res: LightMyRequestResponse): boolean {
  if (res.statusCode === 403 || res.statusCode === 404) return true;
  return res.statusCode === 400 && /不存在|管辖范围|无权|其他/.test(res.body);
}

/** The users who must reach nothing of 东昌府区, with what must not show in their lists. */
function actors(): [string, Client, readonly string[]][] {
  return [
    ...ROLES.map((r): [string, Client, readonly string[]] => [`莘县 ${r}`, f.county[r], MARKERS.D]),
    ['枣庄 office', f.otherCity.office, [...MARKERS.D, ...MARKERS.S, '聊城']],
    ['枣庄 viewer', f.otherCity.viewer, [...MARKERS.D, ...MARKERS.S, '聊城']],
  ];
}

async function checkOutside(key: string, spec: Spec, problems: string[]): Promise<number> {
  if (!spec.outside) return 0;
  const reqs = await spec.outside(f.D, x);
  const before = key.startsWith('GET ') ? null : await snapshot();
  for (const [who, client, markers] of actors()) {
    for (const req of reqs) {
      const res = await send(client, req);
      const what = `outside, ${who}: ${req.method} ${req.url}`;
      if (noRoute(res) || res.statusCode >= 500) problems.push(`${what} → ${head(res)}`);
      else if (spec.list && req.method === 'GET' && res.statusCode === 200) {
        const text = await textOf(res);
        const seen = markers.filter((m) => text.includes(m));
        if (seen.length) problems.push(`${what} → shows ${seen.join(', ')}`);
      } else if ((spec.ownEffect || req.harmless) && res.statusCode < 300) {
        // Acting on the caller's own things, or ignoring the other county's: the snapshot below checks it.
      } else if (!refused(res)) problems.push(`${what} → ${head(res)}`);
    }
  }
  if (before) {
    const diff = changed(before, await snapshot());
    if (diff.length) problems.push(`outside requests changed ${diff.join(', ')}`);
  }
  // Control: the city office, above both counties, does see 东昌府区 through the same list requests.
  if (spec.list) {
    for (const req of reqs.filter((r) => r.method === 'GET' && !r.noControl)) {
      const res = await send(spec.control === 'admin' ? f.cityAdmin : f.cityOffice, req);
      const text = res.statusCode === 200 ? await textOf(res) : '';
      if (res.statusCode !== 200) problems.push(`control, city office: ${req.url} → ${head(res)}`);
      else if (!MARKERS.D.some((m) => text.includes(m))) problems.push(`control, city office: ${req.url} shows nothing of 东昌府区, so the check proves nothing`);
    }
  }
  return reqs.length;
}

async function checkInside(key: string, spec: Spec, problems: string[]): Promise<number> {
  const want = expectations(spec);
  const refusedRoles = ROLES.filter((r) => want[r] !== 'Y');
  const allowed = ROLES.filter((r) => want[r] === 'Y');
  const status = { '-': 403, n: 404 } as const;
  // The refused first, around one snapshot. A refused request changes nothing, so they all send the one
  // prepared for the first of them (a record made fresh for the step is made once).
  const shared = refusedRoles.length ? await spec.inside(f.S, x, refusedRoles[0]!) : null;
  const prepared = refusedRoles.map((r) => [r, shared!] as const);
  const before = key.startsWith('GET ') ? null : await snapshot();
  for (const [role, req] of prepared) {
    const res = await send(f.county[role], req, role);
    const w = status[want[role] as '-' | 'n'];
    if (res.statusCode !== w || noRoute(res)) problems.push(`inside, 莘县 ${role}: ${req.method} ${req.url} → ${head(res)} (expected ${w})`);
  }
  if (before) {
    const diff = changed(before, await snapshot());
    if (diff.length) problems.push(`refused inside requests (${refusedRoles.join(', ')}) changed ${diff.join(', ')}`);
  }
  for (const role of allowed) {
    const req = await spec.inside(f.S, x, role);
    const res = await send(f.county[role], req, role);
    const good = spec.allowed ? res.statusCode === spec.allowed.status && !noRoute(res) : res.statusCode >= 200 && res.statusCode < 300;
    if (!good) problems.push(`inside, 莘县 ${role}: ${req.method} ${req.url} → ${head(res)} (expected ${spec.allowed?.status ?? '2xx'})`);
  }
  return ROLES.length;
}

describe('every endpoint is in the matrix', () => {
  it('the served OpenAPI document and the router list no endpoint the matrix leaves out, and the matrix none they lack', () => {
    const keys = Object.keys(MATRIX);
    expect(documented.length).toBeGreaterThan(100);
    expect(documented.filter((k) => !keys.includes(k)), 'endpoints not in the matrix').toEqual([]);
    expect(routed.filter((k) => !keys.includes(k)), 'routes not in the matrix (hidden from the document?)').toEqual([]);
    expect(keys.filter((k) => !documented.includes(k)), 'matrix entries for endpoints that do not exist').toEqual([]);
  });
});

describe('role × region × endpoint', () => {
  for (const [key, spec] of Object.entries(MATRIX)) {
    it(key, async () => {
      const problems: string[] = [];
      let sent = 0;
      if (spec.insideFirst) sent += await checkInside(key, spec, problems);
      sent += await checkOutside(key, spec, problems);
      if (!spec.insideFirst) sent += await checkInside(key, spec, problems);
      expect(sent).toBeGreaterThan(0);
      expect(problems).toEqual([]);
    });
  }
});
