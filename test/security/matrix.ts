// The security specification, endpoint by endpoint: who of a county (莘县) may do what inside it, and
// which requests name the other county's (东昌府区) records. matrix.test.ts runs it against the served
// OpenAPI document, so an endpoint missing here fails the test.
//
// `who` lists one answer per role, in the order of ROLES:
//
//        admin office unit owner leader department viewer auditor
//
//   Y  allowed: a 2xx (or the `allowed` status the entry names, with why)
//   -  refused: 403
//   n  not there for this caller: 404
//
// For the county's own records. The unit and the owner are the responsible unit and the owner of
// 莘县's projects, the leader their lead leader, the department the lead department of their roadblocks;
// the viewer and the auditor belong to the county government (the responsible unit).
//
// `outside` are requests that name the other county: ids in the path, `region=`/`regionCode=` in the
// query, region codes and ids in the body. Every role of 莘县 and the office and viewer of 枣庄 must be
// answered 403 or 404 (or 400 saying the record named does not exist or is out of reach), and a
// write must leave every table as it was. `list: true`: the answer may be 200, but it holds nothing of
// the other county (its names and codes, in the JSON or in the downloaded file); the city office sends
// the same request as a control and must see the other county in it.
// `ownEffect`: acts on the caller's own things only, so a 200 is right, but nothing changes in the tables
// (the caller's own things being settled first, by the inside request).
import { todayIso } from '../../src/domain/dates.ts';
import { ROLES, type Role } from '../../src/domain/enums.ts';
import { notify } from '../../src/server/modules/notifications/notify.ts';
import type { TestApp } from '../helpers/app.ts';
import { REGIONS } from '../helpers/factories.ts';
import { reportUrl } from '../helpers/reporting.ts';
import { buildLedger, goodRow } from '../helpers/xlsx.ts';
import { formData, JPEG, PDF } from '../robustness/fixture.ts';
import { COUNTY, type County, type SecurityFixture } from './fixture.ts';

export type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface Req {
  method: Method;
  url: string;
  body?: unknown;
  upload?: { file: Buffer; fileName: string };
  /** May be answered 2xx when it changes nothing (it names the other county's record only to have it ignored). */
  harmless?: boolean;
  /** Not a list check (the answer is per user, there is nothing for the control to find). */
  noControl?: boolean;
  /** Sent in a session of its own (sign-out, password change end the session they run in). */
  fresh?: boolean;
}

export interface Ctx {
  t: TestApp;
  f: SecurityFixture;
  q<T>(text: string, params?: unknown[]): Promise<T[]>;
}

export interface Spec {
  who: string;
  outside?: (o: County, x: Ctx) => Req[] | Promise<Req[]>;
  inside: (s: County, x: Ctx, role: Role) => Req | Promise<Req>;
  list?: boolean;
  ownEffect?: boolean;
  /** Who sends the list control requests (default the city office). */
  control?: 'admin';
  /** The status "allowed" means here, when it is not a 2xx, and why. */
  allowed?: { status: number; why: string };
  /** Send the inside requests before the outside ones (see ownEffect). */
  insideFirst?: boolean;
}

const get = (url: string, more: Partial<Req> = {}): Req => ({ method: 'GET', url, ...more });
const post = (url: string, body: unknown = {}, more: Partial<Req> = {}): Req => ({ method: 'POST', url, body, ...more });
const put = (url: string, body: unknown, more: Partial<Req> = {}): Req => ({ method: 'PUT', url, body, ...more });
const patch = (url: string, body: unknown, more: Partial<Req> = {}): Req => ({ method: 'PATCH', url, body, ...more });
const del = (url: string, body?: unknown): Req => ({ method: 'DELETE', url, body });
const ALL = 'Y Y Y Y Y Y Y Y';
const OFFICE = 'Y Y - - - - - -';
const V1 = '/api/v1';
const ok = async (res: Promise<{ statusCode: number; body: string }>) => {
  const r = await res;
  if (r.statusCode >= 300) throw new Error(`preparing the matrix: ${r.statusCode} ${r.body.slice(0, 300)}`);
  return JSON.parse(r.body);
};

// ───────────── records made fresh for a step (through the API, as 莘县's own people) ─────────────

const sOffice = (x: Ctx) => x.f.offices.S;
let seq = 0;
const next = () => (seq += 1);
/** A month after the fixture's (July 2024) for a new period of 莘县. */
const newMonth = () => { const n = next(); return { year: 2024 + Math.floor((7 + n) / 12), month: ((7 + n) % 12) + 1 }; };

async function newProblem(s: County, x: Ctx, step: 'open' | 'accepted' | 'solved'): Promise<string> {
  const id = (await ok(x.f.county.owner.post(`${V1}/problems`, {
    projectId: s.project, category: 'land', severity: 'general', title: `莘县问题${next()}`, description: '莘县用地指标', departmentId: s.dept,
  }))).id;
  if (step !== 'open') await ok(x.f.county.department.post(`${V1}/problems/${id}/accept`, { dueDate: '2099-12-31' }));
  if (step === 'solved') await ok(sOffice(x).post(`${V1}/problems/${id}/solve`, { solution: '已协调解决' }));
  return id;
}

async function orderIn(s: County, x: Ctx, status: 'respondable' | 'responded'): Promise<string> {
  const find = (st: string[]) => x.q<{ id: string }>(
    `select o.id from supervision_orders o join projects p on p.id = o.project_id where p.region_code = $1 and o.status = any($2) order by o.number limit 1`, [s.code, st]);
  if (status === 'responded') {
    const [r] = await find(['responded']);
    if (r) return r.id;
  }
  const [o] = await find(['open', 'rejected']);
  if (!o) throw new Error('preparing the matrix: 莘县 has no supervision order left to respond to');
  if (status === 'responded') await ok(sOffice(x).post(`${V1}/supervision-orders/${o.id}/respond`, { response: '已制定整改措施' }));
  return o.id;
}

async function pendingCorrection(s: County, x: Ctx): Promise<string> {
  const [c] = await x.q<{ id: string }>(`select id from report_corrections where project_id = $1 and status = 'pending'`, [s.project]);
  if (c) return c.id;
  return (await ok(x.f.county.owner.post(reportUrl(s.project, s.june, '/corrections'), { reason: '莘县数据更正', investment: String(next()) }))).id;
}

/** A new project of 莘县 (its owner and unit those of the fixture) with its July report saved, or also submitted. */
async function freshReport(s: County, x: Ctx, status: 'draft' | 'submitted') {
  const n = next();
  const project = (await ok(sOffice(x).post(`${V1}/projects`, projectBody(`SX-R-${n}`, s.code, { ownerId: s.owner, responsibleUnitId: s.gov })))).id as string;
  const url = reportUrl(project, s.july);
  await ok(sOffice(x).put(url, { version: 0, investment: '1' }));
  if (status === 'submitted') await ok(sOffice(x).post(`${url}/submit`, {}));
  return { project, url };
}

const userId = async (x: Ctx, role: Role) => (await x.q<{ id: string }>(`select id from users where username = $1`, [x.f.usernames.county(role)]))[0]!.id;

const projectBody = (code: string, regionCode: string, more: object = {}) => ({
  code, name: `莘县新项目${code}`, regionCode, level: 'county', category: 'industrial', industry: 'chemicals', totalInvestment: '100', ...more,
});
const ledgerRow = (code: string, region: string) => goodRow(code, { name: `导入项目${code}`, region, owner: null, responsibleUnit: null, leader: null });
const ledgerUpload = async (rows: ReturnType<typeof goodRow>[]) => ({ file: await buildLedger(rows), fileName: '台账.xlsx' });
const borders = (regions: { code: string; name: string }[]) => ({
  type: 'FeatureCollection',
  features: regions.map((r, i) => ({ type: 'Feature', properties: { name: r.name, adcode: r.code }, geometry: { type: 'Polygon', coordinates: [[[115 + i, 36], [115.1 + i, 36], [115.1 + i, 36.1], [115 + i, 36]]] } })),
});
const ruleNote = { note: '修改亮牌规则' };
const targets = { startRate: 80, investmentRate: 80, fundsRate: 80, onTimeRate: 80 };
const bulletinSettings = (regionCode?: string) => ({ regionCode, issuingOffice: '重点项目推进办公室', numberPrefix: '推进', autoOnClose: false });
const reportingSettings = (regionCode: string) => ({ regionCode, cadence: 'monthly', deadlineDay: 6, progressTolerance: 0.1, fundsRatioLimit: 2 });

/** The current card rules of the city, as GET /card-rules gives them (a valid body to save). */
async function cityRules(x: Ctx) {
  return (await ok(x.f.cityOffice.get(`${V1}/card-rules?regionCode=${REGIONS.city.code}`))).current.rules;
}

// ───────────── the matrix ─────────────

export const MATRIX: Record<string, Spec> = {
  // ── sign-in and the caller's own account ──
  'POST /api/v1/auth/login': { who: ALL, inside: (_s, x, role) => post(`${V1}/auth/login`, { username: x.f.usernames.county(role), password: 'Passw0rd-for-tests' }) },
  'GET /api/v1/auth/me': { who: ALL, inside: () => get(`${V1}/auth/me`) },
  'GET /api/v1/auth/tokens': { who: ALL, list: true, inside: () => get(`${V1}/auth/tokens`), outside: () => [get(`${V1}/auth/tokens`, { noControl: true })] },
  'POST /api/v1/auth/tokens': { who: ALL, inside: () => post(`${V1}/auth/tokens`, { name: '莘县接口' }) },
  'DELETE /api/v1/auth/tokens/{id}': {
    who: ALL,
    outside: (o) => [del(`${V1}/auth/tokens/${o.token}`)],
    inside: async (_s, x, role) => del(`${V1}/auth/tokens/${(await ok(x.f.county[role].post(`${V1}/auth/tokens`, { name: '用后吊销' }))).id}`),
  },
  'POST /api/v1/auth/logout': { who: ALL, inside: () => post(`${V1}/auth/logout`, undefined, { fresh: true }) },

  // ── the ledger ──
  'GET /api/v1/projects': {
    who: ALL, list: true, inside: () => get(`${V1}/projects`),
    outside: (o) => [
      get(`${V1}/projects?pageSize=500`), get(`${V1}/projects?region=${o.code}`), get(`${V1}/projects?q=${encodeURIComponent('东昌府')}`),
      get(`${V1}/projects?leaderId=${o.leader}`), get(`${V1}/projects?responsibleUnitId=${o.gov}`), get(`${V1}/projects?ownerId=${o.owner}`),
      get(`${V1}/projects?batchId=${o.batch}`), get(`${V1}/projects?tag=${encodeURIComponent('东昌府标签')}`),
    ],
  },
  'POST /api/v1/projects': {
    who: OFFICE,
    inside: (s, _x, role) => post(`${V1}/projects`, projectBody(`SX-NEW-${role}`, s.code)),
    outside: (o, x) => [
      post(`${V1}/projects`, projectBody('DCF-X1', o.code)),
      post(`${V1}/projects`, projectBody('SX-X1', x.f.S.code, { ownerId: o.owner })),
      post(`${V1}/projects`, projectBody('SX-X2', x.f.S.code, { responsibleUnitId: o.gov })),
      post(`${V1}/projects`, projectBody('SX-X3', x.f.S.code, { leaderId: o.leader })),
    ],
  },
  'GET /api/v1/projects/{id}': { who: ALL, inside: (s) => get(`${V1}/projects/${s.project}`), outside: (o) => [get(`${V1}/projects/${o.project}`)] },
  'PATCH /api/v1/projects/{id}': {
    who: 'Y Y Y Y - - - -',
    inside: (s, _x, role) => patch(`${V1}/projects/${s.project}`, { constructionContent: `${role}更新的建设内容` }),
    outside: (o, x) => [
      patch(`${V1}/projects/${o.project}`, { name: '越权修改' }),
      patch(`${V1}/projects/${x.f.S.spare}`, { regionCode: o.code }),
      patch(`${V1}/projects/${x.f.S.spare}`, { leaderId: o.leader }),
      patch(`${V1}/projects/${x.f.S.spare}`, { ownerId: o.owner }),
    ],
  },
  'POST /api/v1/projects/{id}/stage': {
    who: 'Y Y Y - - - - -',
    inside: async (s, x) => {
      const { stage } = await ok(sOffice(x).get(`${V1}/projects/${s.spare}`));
      const to = ({ preparation: 'started', started: 'construction', construction: 'completed', completed: 'production' } as Record<string, string>)[stage];
      return post(`${V1}/projects/${s.spare}/stage`, { to, date: todayIso(), note: '阶段推进' });
    },
    outside: (o) => [post(`${V1}/projects/${o.project}/stage`, { to: 'started', date: '2024-08-01', note: '越权' })],
  },
  'GET /api/v1/projects/{id}/card': { who: ALL, inside: (s) => get(`${V1}/projects/${s.project}/card`), outside: (o) => [get(`${V1}/projects/${o.project}/card`)] },
  'GET /api/v1/projects/{id}/history': { who: ALL, inside: (s) => get(`${V1}/projects/${s.project}/history`), outside: (o) => [get(`${V1}/projects/${o.project}/history`)] },
  'PUT /api/v1/projects/{id}/team': {
    who: 'Y Y Y Y - - - -',
    inside: (s) => put(`${V1}/projects/${s.project}/team`, { items: [{ personId: s.leader, name: '莘县包靠领导', role: 'leader' }] }),
    outside: (o, x) => [
      put(`${V1}/projects/${o.project}/team`, { items: [] }),
      put(`${V1}/projects/${x.f.S.project}/team`, { items: [{ personId: o.leader, name: '东昌府区包靠领导', role: 'leader' }] }),
    ],
  },
  'PUT /api/v1/projects/{id}/procedures': {
    who: 'Y Y Y Y - - - -',
    inside: (s) => put(`${V1}/projects/${s.project}/procedures`, { items: [{ name: '莘县用地预审', status: 'pending', plannedDate: '2024-04-01' }] }),
    outside: (o) => [put(`${V1}/projects/${o.project}/procedures`, { items: [] })],
  },
  'PUT /api/v1/projects/{id}/factor-needs': {
    who: 'Y Y Y Y - - - -',
    inside: (s) => put(`${V1}/projects/${s.project}/factor-needs`, { items: [{ kind: 'land', quantity: '50', unit: '亩' }] }),
    outside: (o) => [put(`${V1}/projects/${o.project}/factor-needs`, { items: [] })],
  },
  'PUT /api/v1/projects/{id}/milestones': {
    who: 'Y Y Y Y - - - -',
    inside: (s) => put(`${V1}/projects/${s.project}/milestones`, { items: [{ name: '莘县开工', kind: 'start', plannedDate: '2024-03-01' }] }),
    outside: (o) => [put(`${V1}/projects/${o.project}/milestones`, { items: [] })],
  },
  'GET /api/v1/projects/{id}/annual-plans/{year}': {
    who: ALL, inside: (s) => get(`${V1}/projects/${s.project}/annual-plans/2024`), outside: (o) => [get(`${V1}/projects/${o.project}/annual-plans/2024`)],
  },
  'PUT /api/v1/projects/{id}/annual-plans/{year}': {
    who: 'Y Y Y Y - - - -',
    inside: (s) => put(`${V1}/projects/${s.project}/annual-plans/2024`, { plannedInvestment: '1200' }),
    outside: (o) => [put(`${V1}/projects/${o.project}/annual-plans/2024`, { plannedInvestment: '1' })],
  },
  'GET /api/v1/projects/{id}/reports': { who: ALL, inside: (s) => get(`${V1}/projects/${s.project}/reports?year=2024`), outside: (o) => [get(`${V1}/projects/${o.project}/reports?year=2024`)] },
  'GET /api/v1/projects/{id}/cards': { who: ALL, inside: (s) => get(`${V1}/projects/${s.project}/cards`), outside: (o) => [get(`${V1}/projects/${o.project}/cards`)] },
  'GET /api/v1/projects/{id}/gantt': { who: ALL, inside: (s) => get(`${V1}/projects/${s.project}/gantt`), outside: (o) => [get(`${V1}/projects/${o.project}/gantt`)] },
  'GET /api/v1/projects/{id}/gantt.xlsx': { who: ALL, inside: (s) => get(`${V1}/projects/${s.project}/gantt.xlsx`), outside: (o) => [get(`${V1}/projects/${o.project}/gantt.xlsx`)] },

  // ── regions, lookups, leaders ──
  'GET /api/v1/regions/tree': { who: ALL, list: true, inside: () => get(`${V1}/regions/tree`), outside: () => [get(`${V1}/regions/tree`)] },
  'GET /api/v1/regions/{code}': {
    who: ALL, inside: (s) => get(`${V1}/regions/${s.code}`),
    outside: (o) => [get(`${V1}/regions/${o.code}`), get(`${V1}/regions/${REGIONS.city.code}`)],
  },
  'GET /api/v1/lookups/orgs': {
    who: ALL, list: true, inside: () => get(`${V1}/lookups/orgs`),
    outside: () => [get(`${V1}/lookups/orgs?limit=100`), get(`${V1}/lookups/orgs?q=${encodeURIComponent('东昌府')}`), get(`${V1}/lookups/orgs?kind=department&limit=100`)],
  },
  'GET /api/v1/lookups/people': {
    who: ALL, list: true, inside: () => get(`${V1}/lookups/people`),
    outside: () => [get(`${V1}/lookups/people?limit=100`), get(`${V1}/lookups/people?leader=true&q=${encodeURIComponent('东昌府')}`)],
  },
  'GET /api/v1/lookups/tags': { who: ALL, list: true, inside: () => get(`${V1}/lookups/tags`), outside: () => [get(`${V1}/lookups/tags`), get(`${V1}/lookups/tags?q=${encodeURIComponent('东昌府')}`)] },
  'GET /api/v1/leaders': { who: ALL, list: true, inside: () => get(`${V1}/leaders`), outside: () => [get(`${V1}/leaders`), get(`${V1}/leaders?q=${encodeURIComponent('东昌府')}`)] },
  'GET /api/v1/leaders/{id}': { who: ALL, inside: (s) => get(`${V1}/leaders/${s.leader}`), outside: (o) => [get(`${V1}/leaders/${o.leader}`)] },

  // ── concentrated groundbreakings and signings ──
  'GET /api/v1/batches': { who: ALL, list: true, inside: () => get(`${V1}/batches`), outside: () => [get(`${V1}/batches`), get(`${V1}/batches?year=2024&kind=groundbreaking`)] },
  'POST /api/v1/batches': {
    who: OFFICE,
    inside: (s) => post(`${V1}/batches`, { name: '莘县集中签约', kind: 'signing', level: 'county', eventDate: '2024-10-01', regionCode: s.code, projectIds: [s.project] }),
    outside: (o, x) => [
      post(`${V1}/batches`, { name: '越权活动', kind: 'signing', level: 'county', eventDate: '2024-10-01', regionCode: o.code }),
      post(`${V1}/batches`, { name: '越权活动', kind: 'signing', level: 'county', eventDate: '2024-10-01', regionCode: x.f.S.code, projectIds: [o.project] }),
    ],
  },
  'GET /api/v1/batches/{id}': { who: ALL, inside: (s) => get(`${V1}/batches/${s.batch}`), outside: (o) => [get(`${V1}/batches/${o.batch}`)] },
  'PATCH /api/v1/batches/{id}': {
    who: OFFICE,
    inside: (s) => patch(`${V1}/batches/${s.batch}`, { venue: '莘县会场' }),
    outside: (o, x) => [
      patch(`${V1}/batches/${o.batch}`, { name: '越权' }),
      patch(`${V1}/batches/${x.f.S.batch}`, { regionCode: o.code }),
      patch(`${V1}/batches/${x.f.S.batch}`, { mainProjectId: o.project }),
    ],
  },
  'PUT /api/v1/batches/{id}/projects': {
    who: OFFICE,
    inside: (s) => put(`${V1}/batches/${s.batch}/projects`, { projectIds: [s.project, s.spare] }),
    outside: (o, x) => [
      put(`${V1}/batches/${o.batch}/projects`, { projectIds: [] }),
      put(`${V1}/batches/${x.f.S.batch}/projects`, { projectIds: [x.f.S.project, o.project] }),
    ],
  },
  'DELETE /api/v1/batches/{id}': {
    who: OFFICE,
    inside: async (s, x) => del(`${V1}/batches/${(await ok(sOffice(x).post(`${V1}/batches`, {
      name: `莘县待删活动${next()}`, kind: 'signing', level: 'county', eventDate: '2024-11-01', regionCode: s.code,
    }))).id}`),
    outside: (o) => [del(`${V1}/batches/${o.batch}`)],
  },

  // ── users, the operation log ──
  'GET /api/v1/users': { who: 'Y - - - - - - -', list: true, control: 'admin', inside: () => get(`${V1}/users`), outside: () => [get(`${V1}/users`), get(`${V1}/users?q=dcf`)] },
  'POST /api/v1/users': {
    who: 'Y - - - - - - -',
    inside: (s, _x, role) => post(`${V1}/users`, { username: `sx_new_${role}`, displayName: '莘县新用户', password: 'Passw0rd-new-2024', role: 'viewer', regionCode: s.code }),
    outside: (o, x) => [
      post(`${V1}/users`, { username: 'dcf_new', displayName: '越权', password: 'Passw0rd-new-2024', role: 'office', regionCode: o.code }),
      post(`${V1}/users`, { username: 'sx_x1', displayName: '越权', password: 'Passw0rd-new-2024', role: 'unit', regionCode: x.f.S.code, orgId: o.gov }),
      post(`${V1}/users`, { username: 'sx_x2', displayName: '越权', password: 'Passw0rd-new-2024', role: 'leader', regionCode: x.f.S.code, personId: o.leader }),
    ],
  },
  'PATCH /api/v1/users/{id}': {
    who: 'Y - - - - - - -',
    inside: async (s, x) => patch(`${V1}/users/${await userId(x, 'owner')}`, { displayName: '莘县项目单位' }),
    outside: (o, x) => [
      patch(`${V1}/users/${o.user}`, { disabled: true }),
      patch(`${V1}/users/${o.user}`, { resetPassword: 'Passw0rd-taken-2024' }),
      patch(`${V1}/users/${x.f.S.user}`, { regionCode: o.code }),
      patch(`${V1}/users/${x.f.S.user}`, { orgId: o.gov }),
    ],
  },
  'GET /api/v1/audit': {
    who: 'Y Y - - - - - Y', list: true, inside: () => get(`${V1}/audit`),
    outside: (o) => [get(`${V1}/audit?limit=200`), get(`${V1}/audit?projectId=${o.project}`), get(`${V1}/audit?username=dcf_office`)],
  },
  'GET /api/v1/audit/verify': { who: 'Y Y - - - - - Y', list: true, inside: () => get(`${V1}/audit/verify`), outside: () => [get(`${V1}/audit/verify`, { noControl: true })] },

  // ── ledger import and export ──
  'GET /api/v1/ledger/template.xlsx': { who: ALL, inside: () => get(`${V1}/ledger/template.xlsx`) },
  'POST /api/v1/ledger/import': {
    who: OFFICE,
    inside: async (_s, _x, role) => ({ method: 'POST', url: `${V1}/ledger/import?dryRun=false`, upload: await ledgerUpload([ledgerRow(`SX-IMP-${role}`, '莘县')]) }),
    // A new project in the other county, and one of its projects (matched by its code) moved into 莘县.
    outside: async () => [
      { method: 'POST', url: `${V1}/ledger/import?dryRun=false`, upload: await ledgerUpload([ledgerRow('DCF-IMP-X', '东昌府区')]) },
      { method: 'POST', url: `${V1}/ledger/import?dryRun=false`, upload: await ledgerUpload([ledgerRow('DCF-1', '莘县')]) },
    ],
  },
  'GET /api/v1/ledger/export.xlsx': {
    who: ALL, list: true, inside: () => get(`${V1}/ledger/export.xlsx`),
    outside: (o) => [get(`${V1}/ledger/export.xlsx`), get(`${V1}/ledger/export.xlsx?region=${o.code}`)],
  },

  // ── reporting ──
  'GET /api/v1/reporting-settings': { who: ALL, inside: (s) => get(`${V1}/reporting-settings?regionCode=${s.code}`), outside: (o) => [get(`${V1}/reporting-settings?regionCode=${o.code}`)] },
  'PUT /api/v1/reporting-settings': {
    who: OFFICE, inside: (s) => put(`${V1}/reporting-settings`, reportingSettings(s.code)),
    outside: (o) => [put(`${V1}/reporting-settings`, reportingSettings(o.code)), put(`${V1}/reporting-settings`, reportingSettings(REGIONS.city.code))],
  },
  'GET /api/v1/periods': { who: ALL, list: true, inside: () => get(`${V1}/periods`), outside: (o) => [get(`${V1}/periods`), get(`${V1}/periods?regionCode=${o.code}`)] },
  'POST /api/v1/periods': {
    who: OFFICE, inside: (s) => post(`${V1}/periods`, { ...newMonth(), regionCode: s.code }),
    outside: (o) => [post(`${V1}/periods`, { year: 2025, month: 1, regionCode: o.code }), post(`${V1}/periods`, { year: 2025, month: 2, regionCode: REGIONS.city.code })],
  },
  'GET /api/v1/periods/{id}': { who: ALL, inside: (s) => get(`${V1}/periods/${s.july}`), outside: (o) => [get(`${V1}/periods/${o.july}`)] },
  'POST /api/v1/periods/{id}/close': {
    who: OFFICE,
    inside: async (s, x) => post(`${V1}/periods/${(await ok(sOffice(x).post(`${V1}/periods`, { ...newMonth(), regionCode: s.code }))).id}/close`),
    outside: (o) => [post(`${V1}/periods/${o.july}/close`)],
  },
  'GET /api/v1/periods/{id}/projects': { who: ALL, inside: (s) => get(`${V1}/periods/${s.july}/projects`), outside: (o) => [get(`${V1}/periods/${o.july}/projects`)] },
  'POST /api/v1/periods/{id}/reminders': {
    who: 'Y Y Y - - - - -', inside: (s) => post(`${V1}/periods/${s.july}/reminders`),
    outside: (o, x) => [post(`${V1}/periods/${o.july}/reminders`), post(`${V1}/periods/${x.f.S.july}/reminders`, { projectIds: [o.project] }, { harmless: true })],
  },
  'GET /api/v1/periods/{id}/reminders.xlsx': { who: ALL, inside: (s) => get(`${V1}/periods/${s.july}/reminders.xlsx`), outside: (o) => [get(`${V1}/periods/${o.july}/reminders.xlsx`)] },
  'GET /api/v1/periods/{id}/projects.xlsx': { who: ALL, inside: (s) => get(`${V1}/periods/${s.july}/projects.xlsx`), outside: (o) => [get(`${V1}/periods/${o.july}/projects.xlsx`)] },
  'GET /api/v1/reports': {
    who: ALL, list: true, inside: () => get(`${V1}/reports?view=all`),
    outside: (o) => ['due', 'review', 'all'].flatMap((view) => [get(`${V1}/reports?view=${view}`), get(`${V1}/reports?view=${view}&periodId=${o.july}`)]),
  },
  'GET /api/v1/reports/{projectId}/{periodId}': {
    who: ALL, inside: (s) => get(reportUrl(s.project, s.july)),
    outside: (o, x) => [get(reportUrl(o.project, o.july)), get(reportUrl(o.project, o.june)), get(reportUrl(x.f.S.project, o.july))],
  },
  'PUT /api/v1/reports/{projectId}/{periodId}': {
    who: 'Y Y Y Y - - - -',
    inside: async (s, x) => {
      const { url } = await freshReport(s, x, 'draft');
      return put(url, { version: 1, investment: '2' });
    },
    outside: (o, x) => [put(reportUrl(o.project, o.july), { version: 1, investment: '5' }), put(reportUrl(x.f.S.spare, o.july), { version: 0, investment: '5' })],
  },
  'POST /api/v1/reports/{projectId}/{periodId}/photos': {
    who: 'Y Y Y Y - - - -',
    inside: async (s, x) => ({ method: 'POST', url: `${(await freshReport(s, x, 'draft')).url}/photos`, upload: { file: JPEG, fileName: '莘县现场.jpg' } }),
    outside: (o) => [{ method: 'POST', url: reportUrl(o.project, o.july, '/photos'), upload: { file: JPEG, fileName: '越权.jpg' } }],
  },
  'GET /api/v1/report-photos/{id}': { who: ALL, inside: (s) => get(`${V1}/report-photos/${s.photo}`), outside: (o) => [get(`${V1}/report-photos/${o.photo}`)] },
  'DELETE /api/v1/report-photos/{id}': {
    who: 'Y Y Y Y - - - -',
    inside: async (s, x) => {
      const { url } = await freshReport(s, x, 'draft');
      return del(`${V1}/report-photos/${(await ok(sOffice(x).request({ method: 'POST', url: `${url}/photos`, ...formData(JPEG, { fileName: '待删.jpg' }) }))).id}`);
    },
    outside: (o) => [del(`${V1}/report-photos/${o.photo}`)],
  },
  'POST /api/v1/reports/{projectId}/{periodId}/submit': {
    who: 'Y Y Y Y - - - -',
    inside: async (s, x) => post(`${(await freshReport(s, x, 'draft')).url}/submit`),
    outside: (o) => [post(reportUrl(o.project, o.july, '/submit'))],
  },
  'POST /api/v1/reports/{projectId}/{periodId}/return': {
    who: 'Y Y Y - - - - -',
    inside: async (s, x) => post(`${(await freshReport(s, x, 'submitted')).url}/return`, { reason: '数据需核实' }),
    outside: (o) => [post(reportUrl(o.project, o.july, '/return'), { reason: '越权退回' })],
  },
  'POST /api/v1/reports/{projectId}/{periodId}/approve': {
    who: 'Y Y Y - - - - -',
    inside: async (s, x) => post(`${(await freshReport(s, x, 'submitted')).url}/approve`),
    outside: (o) => [post(reportUrl(o.project, o.july, '/approve'))],
  },
  'POST /api/v1/reports/{projectId}/{periodId}/corrections': {
    who: 'Y Y Y Y - - - -',
    inside: async (s, x) => {
      const [c] = await x.q<{ id: string }>(`select id from report_corrections where project_id = $1 and status = 'pending'`, [s.spare]);
      if (c) await ok(sOffice(x).post(`${V1}/report-corrections/${c.id}/reject`, { note: '重新申请' }));
      return post(reportUrl(s.spare, s.june, '/corrections'), { reason: '莘县数据录入错误', investment: '3' });
    },
    outside: (o) => [post(reportUrl(o.project, o.june, '/corrections'), { reason: '越权更正申请', investment: '1' })],
  },
  'GET /api/v1/report-corrections': {
    who: ALL, list: true, inside: () => get(`${V1}/report-corrections`),
    outside: (o) => [get(`${V1}/report-corrections`), get(`${V1}/report-corrections?projectId=${o.project}`)],
  },
  'POST /api/v1/report-corrections/{id}/approve': {
    who: OFFICE, inside: async (s, x) => post(`${V1}/report-corrections/${await pendingCorrection(s, x)}/approve`),
    outside: (o) => [post(`${V1}/report-corrections/${o.correction}/approve`)],
  },
  'POST /api/v1/report-corrections/{id}/reject': {
    who: OFFICE, inside: async (s, x) => post(`${V1}/report-corrections/${await pendingCorrection(s, x)}/reject`, { note: '依据不足' }),
    outside: (o) => [post(`${V1}/report-corrections/${o.correction}/reject`, { note: '越权驳回' })],
  },

  // ── statistics ──
  'GET /api/v1/stats': {
    who: ALL, list: true, inside: () => get(`${V1}/stats?year=2024&month=6`),
    outside: (o) => [
      get(`${V1}/stats?year=2024&month=6&groupBy=project`), get(`${V1}/stats?year=2024&month=6&region=${o.code}&groupBy=project`),
      get(`${V1}/stats?year=2024&month=6&groupBy=project&leaderId=${o.leader}`), get(`${V1}/stats?year=2024&month=6&groupBy=project&unitId=${o.gov}`),
      get(`${V1}/stats?year=2024&month=6&groupBy=project&batchId=${o.batch}`), get(`${V1}/stats?year=2024&month=6&groupBy=leader`), get(`${V1}/stats?year=2024&month=6&groupBy=unit`),
    ],
  },
  'GET /api/v1/stats.xlsx': {
    who: ALL, list: true, inside: () => get(`${V1}/stats.xlsx?year=2024&month=6`),
    outside: (o) => [get(`${V1}/stats.xlsx?year=2024&month=6&groupBy=project`), get(`${V1}/stats.xlsx?year=2024&month=6&region=${o.code}&groupBy=project`)],
  },
  'GET /api/v1/stats/standard.xlsx': {
    who: ALL, list: true, inside: () => get(`${V1}/stats/standard.xlsx?year=2024&month=6`),
    outside: (o) => [get(`${V1}/stats/standard.xlsx?year=2024&month=6`), get(`${V1}/stats/standard.xlsx?year=2024&month=6&region=${o.code}`)],
  },

  // ── cards ──
  'POST /api/v1/cards/run': { who: OFFICE, inside: (s) => post(`${V1}/cards/run?periodId=${s.june}`, undefined), outside: (o) => [post(`${V1}/cards/run?periodId=${o.june}`, undefined)] },
  'GET /api/v1/cards': {
    who: ALL, list: true, inside: (s) => get(`${V1}/cards?periodId=${s.june}`),
    outside: (o) => [get(`${V1}/cards`), get(`${V1}/cards?periodId=${o.june}`), get(`${V1}/cards?region=${o.code}`)],
  },
  'GET /api/v1/cards/summary': {
    who: ALL, list: true, inside: (s) => get(`${V1}/cards/summary?periodId=${s.june}`),
    outside: (o) => [get(`${V1}/cards/summary?periodId=${o.june}`), get(`${V1}/cards/summary?region=${o.code}`), get(`${V1}/cards/summary?groupBy=unit&periodId=${o.june}`)],
  },
  'GET /api/v1/cards/{id}': { who: ALL, inside: (s) => get(`${V1}/cards/${s.card}`), outside: (o) => [get(`${V1}/cards/${o.card}`)] },
  'POST /api/v1/cards/{id}/override': {
    who: OFFICE, inside: (s) => post(`${V1}/cards/${s.card}/override`, { color: 'yellow', reason: '已落实整改' }),
    outside: (o) => [post(`${V1}/cards/${o.card}/override`, { color: 'blue', reason: '越权调整' })],
  },
  'DELETE /api/v1/cards/{id}/override': {
    who: OFFICE,
    inside: async (s, x) => {
      await ok(sOffice(x).post(`${V1}/cards/${s.card}/override`, { color: 'yellow', reason: '已落实整改' }));
      return del(`${V1}/cards/${s.card}/override`, { reason: '撤销调整' });
    },
    outside: (o) => [del(`${V1}/cards/${o.card}/override`, { reason: '越权撤销' })],
  },
  'GET /api/v1/card-rules': { who: ALL, inside: () => get(`${V1}/card-rules`), outside: () => [get(`${V1}/card-rules?regionCode=${REGIONS.city.code}`)] },
  // The rules belong to the city: no one of a county may change them.
  'PUT /api/v1/card-rules': {
    who: '- - - - - - - -',
    inside: async (_s, x) => put(`${V1}/card-rules`, { rules: await cityRules(x), ...ruleNote }),
    outside: () => [] as Req[],
  },
  'POST /api/v1/card-rules/preview': {
    who: OFFICE, inside: async (s, x) => post(`${V1}/card-rules/preview`, { rules: await cityRules(x), periodId: s.june }),
    outside: () => [] as Req[],
  },

  // ── supervision ──
  'GET /api/v1/supervision-orders': {
    who: ALL, list: true, inside: () => get(`${V1}/supervision-orders`),
    outside: (o) => [get(`${V1}/supervision-orders`), get(`${V1}/supervision-orders?region=${o.code}`), get(`${V1}/supervision-orders?projectId=${o.project}`)],
  },
  'GET /api/v1/supervision-orders.xlsx': {
    who: ALL, list: true, inside: () => get(`${V1}/supervision-orders.xlsx`),
    outside: (o) => [get(`${V1}/supervision-orders.xlsx`), get(`${V1}/supervision-orders.xlsx?region=${o.code}`)],
  },
  'GET /api/v1/supervision-orders/{id}': { who: ALL, inside: (s) => get(`${V1}/supervision-orders/${s.order}`), outside: (o) => [get(`${V1}/supervision-orders/${o.order}`)] },
  'POST /api/v1/supervision-orders/{id}/respond': {
    who: 'Y Y Y - - - - -', inside: async (s, x) => post(`${V1}/supervision-orders/${await orderIn(s, x, 'respondable')}/respond`, { response: '已整改到位' }),
    outside: (o) => [post(`${V1}/supervision-orders/${o.order}/respond`, { response: '越权答复督办单' })],
  },
  'POST /api/v1/supervision-orders/{id}/reject': {
    who: OFFICE, inside: async (s, x) => post(`${V1}/supervision-orders/${await orderIn(s, x, 'responded')}/reject`, { note: '整改措施不具体' }),
    outside: (o) => [post(`${V1}/supervision-orders/${o.order}/reject`, { note: '越权退回' })],
  },
  'POST /api/v1/supervision-orders/{id}/accept': {
    who: OFFICE, inside: async (s, x) => post(`${V1}/supervision-orders/${await orderIn(s, x, 'responded')}/accept`),
    outside: (o) => [post(`${V1}/supervision-orders/${o.order}/accept`)],
  },
  'GET /api/v1/accountability': {
    who: ALL, list: true, inside: () => get(`${V1}/accountability`),
    outside: (o) => [get(`${V1}/accountability`), get(`${V1}/accountability?region=${o.code}`), get(`${V1}/accountability?projectId=${o.project}`)],
  },
  'GET /api/v1/accountability.xlsx': {
    who: ALL, list: true, inside: () => get(`${V1}/accountability.xlsx`),
    outside: (o) => [get(`${V1}/accountability.xlsx`), get(`${V1}/accountability.xlsx?region=${o.code}`)],
  },
  'GET /api/v1/accountability/{id}': { who: ALL, inside: (s) => get(`${V1}/accountability/${s.accountability}`), outside: (o) => [get(`${V1}/accountability/${o.accountability}`)] },
  'POST /api/v1/accountability/{id}/record': {
    who: OFFICE, inside: (s) => post(`${V1}/accountability/${s.accountability}/record`, { talkDate: '2024-08-01', participants: '莘县责任单位负责人', outcome: '限期整改' }),
    outside: (o) => [post(`${V1}/accountability/${o.accountability}/record`, { talkDate: '2024-08-01', participants: '越权记录', outcome: '越权记录' })],
  },

  // ── roadblocks ──
  'POST /api/v1/problems/escalate': { who: OFFICE, ownEffect: true, insideFirst: true, inside: () => post(`${V1}/problems/escalate`, undefined), outside: () => [post(`${V1}/problems/escalate`, undefined)] },
  'GET /api/v1/problems/stats': {
    who: ALL, list: true, inside: () => get(`${V1}/problems/stats`),
    outside: (o) => ['department', 'category', 'region'].flatMap((g) => [
      get(`${V1}/problems/stats?groupBy=${g}`, { noControl: g === 'category' }), get(`${V1}/problems/stats?groupBy=${g}&region=${o.code}`, { noControl: g === 'category' }),
    ]),
  },
  'GET /api/v1/problems/dispatch': { who: ALL, list: true, inside: () => get(`${V1}/problems/dispatch`), outside: () => [get(`${V1}/problems/dispatch`)] },
  'GET /api/v1/problems/dispatch.docx': { who: ALL, list: true, inside: () => get(`${V1}/problems/dispatch.docx`), outside: () => [get(`${V1}/problems/dispatch.docx`)] },
  'GET /api/v1/problems/dispatch.xlsx': { who: ALL, list: true, inside: () => get(`${V1}/problems/dispatch.xlsx`), outside: () => [get(`${V1}/problems/dispatch.xlsx`)] },
  'GET /api/v1/problems': {
    who: ALL, list: true, inside: () => get(`${V1}/problems`),
    outside: (o) => [
      get(`${V1}/problems?pageSize=100`), get(`${V1}/problems?region=${o.code}`), get(`${V1}/problems?projectId=${o.project}`),
      get(`${V1}/problems?departmentId=${o.dept}`), get(`${V1}/problems?reportId=${o.julyReport}`), get(`${V1}/problems?q=${encodeURIComponent('东昌府')}`),
    ],
  },
  'POST /api/v1/problems': {
    who: 'Y Y Y Y Y - - -',
    inside: (s) => post(`${V1}/problems`, { projectId: s.project, category: 'land', severity: 'general', title: '莘县新问题', description: '莘县用地指标', departmentId: s.dept }),
    outside: (o, x) => [
      post(`${V1}/problems`, { projectId: o.project, category: 'land', severity: 'general', title: '越权', description: '越权', departmentId: o.dept }),
      post(`${V1}/problems`, { projectId: x.f.S.project, category: 'land', severity: 'general', title: '越权', description: '越权', departmentId: x.f.S.dept, reportId: o.julyReport }),
      post(`${V1}/problems`, { projectId: x.f.S.project, category: 'land', severity: 'general', title: '越权', description: '越权', departmentId: o.dept }),
      post(`${V1}/problems`, { projectId: x.f.S.project, category: 'land', severity: 'general', title: '越权', description: '越权', departmentId: x.f.S.dept, coDepartmentIds: [o.dept] }),
    ],
  },
  'GET /api/v1/problems/{id}': { who: ALL, inside: (s) => get(`${V1}/problems/${s.problem}`), outside: (o) => [get(`${V1}/problems/${o.problem}`), get(`${V1}/problems/${o.overdue}`)] },
  'POST /api/v1/problems/{id}/accept': {
    who: 'Y Y - - - Y - -', inside: async (s, x) => post(`${V1}/problems/${await newProblem(s, x, 'open')}/accept`, { dueDate: '2099-12-31' }),
    outside: (o) => [post(`${V1}/problems/${o.overdue}/accept`, { dueDate: '2099-12-31' })],
  },
  'POST /api/v1/problems/{id}/progress': {
    who: 'Y Y - - - Y - -', inside: async (s, x) => post(`${V1}/problems/${await newProblem(s, x, 'accepted')}/progress`, { note: '正在协调' }),
    outside: (o) => [post(`${V1}/problems/${o.problem}/progress`, { note: '越权' })],
  },
  'POST /api/v1/problems/{id}/solve': {
    who: 'Y Y - - - Y - -', inside: async (s, x) => post(`${V1}/problems/${await newProblem(s, x, 'accepted')}/solve`, { solution: '已解决' }),
    outside: (o) => [post(`${V1}/problems/${o.problem}/solve`, { solution: '越权' })],
  },
  // The owner raised them (newProblem), so the owner may verify and reopen.
  'POST /api/v1/problems/{id}/verify': {
    who: 'Y Y - Y - - - -', inside: async (s, x) => post(`${V1}/problems/${await newProblem(s, x, 'solved')}/verify`),
    outside: (o) => [post(`${V1}/problems/${o.problem}/verify`)],
  },
  'POST /api/v1/problems/{id}/reopen': {
    who: 'Y Y - Y - - - -', inside: async (s, x) => post(`${V1}/problems/${await newProblem(s, x, 'solved')}/reopen`, { reason: '未落实' }),
    outside: (o) => [post(`${V1}/problems/${o.problem}/reopen`, { reason: '越权' })],
  },
  'POST /api/v1/problems/{id}/attachments': {
    who: 'Y Y Y Y Y Y - -', inside: (s) => ({ method: 'POST', url: `${V1}/problems/${s.problem}/attachments`, upload: { file: PDF, fileName: '莘县材料.pdf' } }),
    outside: (o) => [{ method: 'POST', url: `${V1}/problems/${o.problem}/attachments`, upload: { file: PDF, fileName: '越权.pdf' } }],
  },
  'GET /api/v1/problems/{id}/attachments/{attachmentId}': {
    who: ALL, inside: (s) => get(`${V1}/problems/${s.problem}/attachments/${s.attachment}`),
    outside: (o, x) => [get(`${V1}/problems/${o.problem}/attachments/${o.attachment}`), get(`${V1}/problems/${x.f.S.problem}/attachments/${o.attachment}`)],
  },
  'GET /api/v1/workdays/adjustments': { who: OFFICE, inside: () => get(`${V1}/workdays/adjustments`) },
  // The adjustments are one calendar for every region: a county may not change what the others count by.
  'PUT /api/v1/workdays/adjustments': {
    who: '- - - - - - - -', inside: () => put(`${V1}/workdays/adjustments`, { year: 2024, items: [] }),
    outside: () => [put(`${V1}/workdays/adjustments`, { year: 2024, items: [] }), put(`${V1}/workdays/adjustments`, { items: [{ date: '2024-10-08', isWorkday: false }] })],
  },
  'GET /api/v1/problem-settings': { who: ALL, inside: (s) => get(`${V1}/problem-settings?regionCode=${s.code}`), outside: (o) => [get(`${V1}/problem-settings?regionCode=${o.code}`)] },
  'PUT /api/v1/problem-settings': {
    who: OFFICE, inside: (s) => put(`${V1}/problem-settings`, { regionCode: s.code, acceptDays: 4, escalationDays: [5, 10, 15] }),
    outside: (o) => [put(`${V1}/problem-settings`, { regionCode: o.code, acceptDays: 1, escalationDays: [0, 0, 0] }), put(`${V1}/problem-settings`, { regionCode: REGIONS.city.code, acceptDays: 1, escalationDays: [0, 0, 0] })],
  },

  // ── notifications: the caller's own ──
  'GET /api/v1/notifications': { who: ALL, list: true, inside: () => get(`${V1}/notifications`), outside: () => [get(`${V1}/notifications?pageSize=100`, { noControl: true })] },
  'GET /api/v1/notifications/unread-count': { who: ALL, inside: () => get(`${V1}/notifications/unread-count`) },
  'POST /api/v1/notifications/{id}/read': {
    who: ALL,
    inside: async (_s, x, role) => {
      await notify(x.t.database.db, { userIds: [await userId(x, role)] }, { kind: 'test', title: '莘县通知' });
      const [n] = await x.q<{ id: number }>(`select id from notifications where user_id = $1 and read_at is null order by id desc limit 1`, [await userId(x, role)]);
      return post(`${V1}/notifications/${n!.id}/read`, undefined);
    },
    outside: (o) => [post(`${V1}/notifications/${o.notification}/read`, undefined)],
  },
  'POST /api/v1/notifications/read-all': { who: ALL, ownEffect: true, insideFirst: true, inside: () => post(`${V1}/notifications/read-all`, undefined), outside: () => [post(`${V1}/notifications/read-all`, undefined)] },

  // ── the leaders' views ──
  'GET /api/v1/cockpit': {
    who: ALL, list: true, inside: () => get(`${V1}/cockpit?year=2024&month=6`),
    outside: (o) => [get(`${V1}/cockpit?year=2024&month=6`), get(`${V1}/cockpit?year=2024&month=6&region=${o.code}`)],
  },
  'GET /api/v1/cockpit/targets': { who: ALL, inside: (s) => get(`${V1}/cockpit/targets?region=${s.code}&year=2024`), outside: (o) => [get(`${V1}/cockpit/targets?region=${o.code}&year=2024`)] },
  'PUT /api/v1/cockpit/targets': {
    who: OFFICE, inside: (s) => put(`${V1}/cockpit/targets?region=${s.code}&year=2024`, targets),
    outside: (o) => [put(`${V1}/cockpit/targets?region=${o.code}&year=2024`, targets), put(`${V1}/cockpit/targets?region=${REGIONS.city.code}&year=2024`, targets)],
  },
  'GET /api/v1/map/boundaries': { who: ALL, list: true, inside: () => get(`${V1}/map/boundaries`), outside: (o) => [get(`${V1}/map/boundaries`), get(`${V1}/map/boundaries?region=${o.code}`)] },
  'PUT /api/v1/map/boundaries/{regionCode}': {
    who: 'Y - - - - - - -',
    allowed: { status: 400, why: 'a county has no sub-regions to draw: the administrator passes the access check and is told so' },
    inside: (s) => put(`${V1}/map/boundaries/${s.code}`, borders([REGIONS.shen])),
    outside: (o) => [
      put(`${V1}/map/boundaries/${REGIONS.city.code}`, borders([REGIONS.dongchangfu, REGIONS.shen])),
      put(`${V1}/map/boundaries/${o.code}`, borders([REGIONS.dongchangfu])),
    ],
  },
  'DELETE /api/v1/map/boundaries/{regionCode}': {
    who: 'Y - - - - - - -',
    allowed: { status: 404, why: 'the county has no uploaded boundary: the administrator passes the access check and is told so' },
    inside: (s) => del(`${V1}/map/boundaries/${s.code}`),
    outside: () => [del(`${V1}/map/boundaries/${REGIONS.city.code}`)],
  },
  'GET /api/v1/map/projects': {
    who: ALL, list: true, inside: () => get(`${V1}/map/projects`),
    outside: (o) => [
      get(`${V1}/map/projects`), get(`${V1}/map/projects?region=${o.code}`), get(`${V1}/map/projects?leader=${o.leader}`),
      get(`${V1}/map/projects?batch=${o.batch}`), get(`${V1}/map/projects?periodId=${o.june}`),
    ],
  },
  'GET /api/v1/gantt': {
    who: ALL, list: true, inside: (s) => get(`${V1}/gantt?leader=${s.leader}`),
    outside: (o) => [get(`${V1}/gantt?leader=${o.leader}`), get(`${V1}/gantt?region=${o.code}`), get(`${V1}/gantt?batch=${o.batch}`), get(`${V1}/gantt`)],
  },
  'GET /api/v1/gantt.xlsx': {
    who: ALL, list: true, inside: (s) => get(`${V1}/gantt.xlsx?leader=${s.leader}`),
    outside: (o) => [get(`${V1}/gantt.xlsx?leader=${o.leader}`), get(`${V1}/gantt.xlsx?region=${o.code}`), get(`${V1}/gantt.xlsx?batch=${o.batch}`)],
  },

  // ── the monthly bulletin ──
  'POST /api/v1/bulletins': {
    who: OFFICE, inside: (s) => post(`${V1}/bulletins`, { regionCode: s.code, periodId: s.may }),
    outside: (o, x) => [
      post(`${V1}/bulletins`, { regionCode: o.code, periodId: o.june }), post(`${V1}/bulletins`, { regionCode: x.f.S.code, periodId: o.june }),
      post(`${V1}/bulletins`, { regionCode: o.code, month: '2024-06' }), post(`${V1}/bulletins`, { regionCode: REGIONS.city.code, month: '2024-06' }),
    ],
  },
  'GET /api/v1/bulletins/months': {
    who: ALL, list: true, inside: () => get(`${V1}/bulletins/months?year=2024`),
    outside: (o) => [get(`${V1}/bulletins/months?year=2024`), get(`${V1}/bulletins/months?year=2024&region=${o.code}`)],
  },
  'GET /api/v1/bulletins': { who: ALL, list: true, inside: () => get(`${V1}/bulletins`), outside: (o) => [get(`${V1}/bulletins`), get(`${V1}/bulletins?region=${o.code}`)] },
  'GET /api/v1/bulletins/{id}': { who: ALL, inside: (s) => get(`${V1}/bulletins/${s.bulletin}`), outside: (o) => [get(`${V1}/bulletins/${o.bulletin}`)] },
  'GET /api/v1/bulletins/{id}/changes': { who: ALL, inside: (s) => get(`${V1}/bulletins/${s.bulletin}/changes`), outside: (o) => [get(`${V1}/bulletins/${o.bulletin}/changes`)] },
  'GET /api/v1/bulletins/{id}.docx': { who: ALL, inside: (s) => get(`${V1}/bulletins/${s.bulletin}.docx`), outside: (o) => [get(`${V1}/bulletins/${o.bulletin}.docx`)] },
  'GET /api/v1/bulletins/{id}.xlsx': { who: ALL, inside: (s) => get(`${V1}/bulletins/${s.bulletin}.xlsx`), outside: (o) => [get(`${V1}/bulletins/${o.bulletin}.xlsx`)] },
  'GET /api/v1/bulletin-settings': { who: ALL, inside: (s) => get(`${V1}/bulletin-settings?region=${s.code}`), outside: (o) => [get(`${V1}/bulletin-settings?region=${o.code}`)] },
  'PUT /api/v1/bulletin-settings': {
    who: OFFICE, inside: (s) => put(`${V1}/bulletin-settings?region=${s.code}`, bulletinSettings()),
    outside: (o, x) => [
      put(`${V1}/bulletin-settings?region=${o.code}`, bulletinSettings()), put(`${V1}/bulletin-settings`, bulletinSettings(o.code)),
      put(`${V1}/bulletin-settings?region=${x.f.S.code}`, bulletinSettings(o.code)), put(`${V1}/bulletin-settings?region=${REGIONS.city.code}`, bulletinSettings()),
    ],
  },

  // Last: it ends every session of the caller.
  'POST /api/v1/auth/password': {
    who: ALL,
    inside: () => post(`${V1}/auth/password`, { currentPassword: 'Passw0rd-for-tests', newPassword: 'Passw0rd-changed-2024' }, { fresh: true }),
  },
};

/** `who` as one expectation per role. */
export function expectations(spec: Spec): Record<Role, 'Y' | '-' | 'n'> {
  const cells = spec.who.trim().split(/\s+/);
  if (cells.length !== ROLES.length || cells.some((c) => !['Y', '-', 'n'].includes(c))) throw new Error(`bad who: ${spec.who}`);
  return Object.fromEntries(ROLES.map((r, i) => [r, cells[i]])) as Record<Role, 'Y' | '-' | 'n'>;
}

export const MARKERS = { D: COUNTY.D.markers, S: COUNTY.S.markers };
