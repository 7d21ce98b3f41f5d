// The security matrix, first half: sign-in and the caller's account, the ledger, regions and lookups,
// batches, users and the operation log, ledger import and export, reporting. Notation in spec.ts.
import { todayIso } from '../../src/domain/dates.ts';
import { REGIONS } from '../helpers/factories.ts';
import { reportUrl } from '../helpers/reporting.ts';
import { formData, JPEG } from '../robustness/fixture.ts';
import { ALL, del, get, OFFICE, ok, patch, post, put, V1, type Spec } from './spec.ts';
import { freshReport, ledgerRow, ledgerUpload, newMonth, next, pendingCorrection, projectBody, reportingSettings, sOffice, tokenOwner, userId } from './steps.ts';

export const LEDGER_MATRIX: Record<string, Spec> = {
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
  'GET /api/v1/users/{id}/tokens': {
    who: 'Y - - - - - - -', list: true, control: 'admin',
    inside: async (_s, x) => get(`${V1}/users/${await userId(x, 'office')}/tokens`),
    // The tokens of 东昌府区's office (the owner of its fixture token), named after the county.
    outside: async (o, x) => [get(`${V1}/users/${await tokenOwner(x, o.token)}/tokens`)],
  },
  'DELETE /api/v1/users/{id}/tokens/{tokenId}': {
    who: 'Y - - - - - - -',
    // A token of 莘县's office made for this request.
    inside: async (_s, x) => del(`${V1}/users/${await userId(x, 'office')}/tokens/${(await ok(x.f.county.office.post(`${V1}/auth/tokens`, { name: '管理员吊销' }))).id}`),
    outside: async (o, x) => [
      del(`${V1}/users/${await tokenOwner(x, o.token)}/tokens/${o.token}`),
      del(`${V1}/users/${await userId(x, 'office')}/tokens/${o.token}`),
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
};
