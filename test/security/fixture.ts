// The security matrix's data: two sibling counties of 聊城 (东昌府区 and 莘县), each holding one record
// of every kind the API serves, and a second city (枣庄) with users of its own. Built the real way: the
// county offices open periods, the owners file, the units approve, closing the periods runs the cards
// (red for a project that reports nothing against its plan), which opens supervision orders and, at
// the second red card running, puts the project on the accountability list; roadblocks are raised,
// attached to and accepted; bulletins issued; a ledger imported; tokens created. Everything of
// 东昌府区 carries 东昌府 or DCF- in its names and codes (its users are dcf_…), everything of 莘县 莘县, SX-
// or sx_, so a response or a downloaded file that holds one of them holds something of that county.
import { expect } from 'vitest';
import { ROLES, type Role } from '../../src/domain/enums.ts';
import type { Client, TestApp } from '../helpers/app.ts';
import { createOrg, createPerson, createUser, REGIONS, seedTestRegions } from '../helpers/factories.ts';
import { insertProblem } from '../helpers/problem-rows.ts';
import { reportUrl } from '../helpers/reporting.ts';
import { buildLedger, goodRow, upload } from '../helpers/xlsx.ts';
import { formData, JPEG, PDF } from '../robustness/fixture.ts';
import { signInFrom } from './clients.ts';

export type CountyKey = 'D' | 'S';

/** 东昌府区 (D) is the other county; 莘县 (S) is where the county users of the matrix sit. */
export const COUNTY = {
  D: { region: REGIONS.dongchangfu, prefix: 'DCF', name: '东昌府', markers: ['东昌府', 'DCF-', 'dcf_'] },
  S: { region: REGIONS.shen, prefix: 'SX', name: '莘县', markers: ['莘县', 'SX-', 'sx_'] },
} as const;

/** The records of one county, by the name the matrix uses. */
export interface County {
  code: string;
  gov: string; owner: string; dept: string; leader: string;
  project: string; spare: string; imported: string;
  batch: string;
  may: string; june: string; july: string;
  mayReport: string; juneReport: string; julyReport: string;
  photo: string; correction: string;
  card: string; order: string; accountability: string;
  problem: string; attachment: string;
  /** Unaccepted since 2024, escalated to the city dispatch meeting. */
  overdue: string;
  bulletin: string;
  /** A notification addressed to one of the county's users. */
  notification: number;
  /** The county's viewer (a user record) and an API token of its office. */
  user: string; token: string;
}

export interface SecurityFixture {
  D: County;
  S: County;
  /** Users of 莘县, one per role, tied to 莘县's organisations and leader (viewer and auditor to its government). */
  county: Record<Role, Client>;
  /** The office and the viewer of the other city, 枣庄. */
  otherCity: { office: Client; viewer: Client };
  /** People to set things up with. */
  cityAdmin: Client;
  cityOffice: Client;
  offices: Record<CountyKey, Client>;
  usernames: { county: (role: Role) => string };
}

const ok = (res: { statusCode: number; body: string }, status = 200) => {
  expect(res.statusCode, res.body.slice(0, 500)).toBe(status);
  return JSON.parse(res.body);
};

/** The county's GeoJSON-free facts first (organisations, people, users), then its records through the API. */
async function buildCounty(t: TestApp, key: CountyKey): Promise<{ county: County; clients: Record<Role, Client> }> {
  const db = t.database.db;
  const { region, prefix, name } = COUNTY[key];
  const gov = await createOrg(db, { name: `${name}人民政府`, kind: 'government', regionCode: region.code });
  const owner = await createOrg(db, { name: `${name}推进实业有限公司`, regionCode: region.code });
  const dept = await createOrg(db, { name: `${name}自然资源局`, kind: 'department', regionCode: region.code });
  const leader = await createPerson(db, { name: `${name}包靠领导`, regionCode: region.code });
  // The viewer and the auditor belong to the county government too, as such accounts do: belonging to
  // the responsible unit must not let a read-only role act for it.
  const orgFor: Partial<Record<Role, string>> = { unit: gov.id, owner: owner.id, department: dept.id, viewer: gov.id, auditor: gov.id };
  const clients = {} as Record<Role, Client>;
  const ids: Record<string, string> = {};
  for (const role of ROLES) {
    const u = await createUser(db, {
      username: `${prefix.toLowerCase()}_${role}`, role, regionCode: region.code, orgId: orgFor[role] ?? null, personId: role === 'leader' ? leader.id : null,
    });
    ids[`user_${role}`] = u.id;
    clients[role] = await signInFrom(t.app, u.username);
  }
  const office = clients.office;

  const projectBody = (code: string, title: string) => ({
    code, name: title, regionCode: region.code, level: 'county', category: 'industrial', industry: 'chemicals', totalInvestment: '12000',
    ownerId: owner.id, responsibleUnitId: gov.id, leaderId: leader.id, plannedStart: '2024-03-01', plannedCompletion: '2025-12-31',
    constructionContent: `${name}新建生产线`, address: `${name}工业园`, longitude: 115.9, latitude: 36.4, tags: [`${name}标签`],
  });
  const project = ok(await office.post('/api/v1/projects', projectBody(`${prefix}-1`, `${name}重点推进项目`)), 201).id as string;
  const spare = ok(await office.post('/api/v1/projects', projectBody(`${prefix}-2`, `${name}备用项目`)), 201).id as string;
  ok(await office.put(`/api/v1/projects/${project}/team`, { items: [{ personId: leader.id, name: leader.name, role: 'leader', duty: `${name}包靠` }] }));
  ok(await office.put(`/api/v1/projects/${project}/procedures`, { items: [{ name: `${name}用地预审`, status: 'pending', plannedDate: '2024-04-01' }] }));
  ok(await office.put(`/api/v1/projects/${project}/factor-needs`, { items: [{ kind: 'land', quantity: '50', unit: '亩', description: `${name}用地` }] }));
  ok(await office.put(`/api/v1/projects/${project}/milestones`, { items: [{ name: `${name}开工`, kind: 'start', plannedDate: '2024-03-01' }] }));
  for (const id of [project, spare]) ok(await office.put(`/api/v1/projects/${id}/annual-plans/2024`, { plannedInvestment: '1200' }));
  const batch = ok(await office.post('/api/v1/batches', {
    name: `${name}秋季集中开工`, kind: 'groundbreaking', level: 'county', eventDate: '2024-09-26', regionCode: region.code, projectIds: [project],
  }), 201).id as string;

  // May and June: the owner files nothing against a plan of 1200, the unit approves, the office
  // closes: two red cards running (a supervision order each, then the accountability list).
  const periods: Record<string, string> = {};
  const reports: Record<string, string> = {};
  for (const month of [5, 6, 7]) {
    const label = ({ 5: 'may', 6: 'june', 7: 'july' } as const)[month as 5 | 6 | 7];
    periods[label] = ok(await office.post('/api/v1/periods', { year: 2024, month, regionCode: region.code }), 201).id;
    const url = reportUrl(project, periods[label]!);
    reports[label] = ok(await clients.owner.put(url, { version: 0, investment: '0', progressText: `${name}${month}月形象进度` })).id;
    if (month === 7) break;
    ok(await clients.owner.post(`${url}/submit`, {}));
    ok(await clients.unit.post(`${url}/approve`, {}));
    for (const id of [spare]) {
      const u = reportUrl(id, periods[label]!);
      ok(await office.put(u, { version: 0, investment: '0' }));
      ok(await office.post(`${u}/submit`, {}));
      ok(await office.post(`${u}/approve`, {}));
    }
    ok(await office.post(`/api/v1/periods/${periods[label]}/close`, {}));
  }
  const spareJuly = reportUrl(spare, periods.july!);
  ok(await office.put(spareJuly, { version: 0, investment: '0' }));
  ok(await office.post(`${spareJuly}/submit`, {}));
  const photo = ok(await clients.owner.request({ method: 'POST', url: reportUrl(project, periods.july!, '/photos'), ...formData(JPEG, { fileName: `${name}现场.jpg` }) }), 201).id;
  const correction = ok(await clients.owner.post(reportUrl(project, periods.june!, '/corrections'), { reason: `${name}数据录入错误`, investment: '10' }), 201).id;
  ok(await office.post(`/api/v1/periods/${periods.july}/reminders`, {}));

  const problem = ok(await clients.owner.post('/api/v1/problems', {
    projectId: project, reportId: reports.july, category: 'land', severity: 'general', title: `${name}用地指标`, description: `${name}二期用地指标不足`, departmentId: dept.id,
  }), 201).id as string;
  const attachment = ok(await clients.owner.request({ method: 'POST', url: `/api/v1/problems/${problem}/attachments`, ...formData(PDF, { fileName: `${name}红线图.pdf` }) }), 201).id;
  ok(await clients.department.post(`/api/v1/problems/${problem}/accept`, { dueDate: '2099-12-31', note: `${name}已受理` }));
  // A roadblock left unaccepted since 2024: the county's escalation lifts it to the city dispatch meeting.
  const overdue = (await insertProblem(db, { projectId: spare, departmentId: dept.id, title: `${name}逾期未受理问题`, raisedOn: '2024-06-03', acceptDue: '2024-06-06' })).id;
  ok(await office.post('/api/v1/problems/escalate'));

  const bulletin = ok(await office.post('/api/v1/bulletins', { regionCode: region.code, periodId: periods.june }), 201).id;
  ok(await office.put('/api/v1/reporting-settings', { regionCode: region.code, cadence: 'monthly', deadlineDay: 5, progressTolerance: 0.1, fundsRatioLimit: 2 }));
  ok(await office.put('/api/v1/problem-settings', { regionCode: region.code, acceptDays: 3, escalationDays: [5, 10, 15] }));
  ok(await office.put(`/api/v1/cockpit/targets?region=${region.code}&year=2024`, { investmentRate: 90, startRate: 90, fundsRate: 90, onTimeRate: 90 }));
  ok(await office.put(`/api/v1/bulletin-settings?region=${region.code}`, { regionCode: region.code, issuingOffice: `${name}重点项目推进办公室`, numberPrefix: `${name}推进`, autoOnClose: false }));

  const imported = await upload(office, await buildLedger([goodRow(`${prefix}-IMP`, {
    name: `${name}导入项目`, region: region.name, owner: owner.name, responsibleUnit: gov.name, leader: leader.name,
  })]), { dryRun: false, year: 2024 });
  ok(imported);
  const token = ok(await office.post('/api/v1/auth/tokens', { name: `${name}接口` })).id;

  const q = async <T>(text: string, params: unknown[]) => (await t.database.pool.query(text, params)).rows as T[];
  const [card] = await q<{ id: string }>(`select id from project_cards where project_id = $1 and period_id = $2`, [project, periods.june]);
  const [order] = await q<{ id: string }>(`select id from supervision_orders where project_id = $1 order by number limit 1`, [project]);
  const [entry] = await q<{ id: string }>(`select id from accountability_entries where project_id = $1 limit 1`, [project]);
  const [note] = await q<{ id: number }>(`select n.id from notifications n join users u on u.id = n.user_id where u.username like $1 order by n.id limit 1`, [`${prefix.toLowerCase()}\\_%`]);
  const [imp] = await q<{ id: string }>(`select id from projects where code = $1`, [`${prefix}-IMP`]);
  expect({ card, order, entry, note, imp }, `${name}: every record was made`).toEqual({
    card: { id: expect.any(String) }, order: { id: expect.any(String) }, entry: { id: expect.any(String) }, note: { id: expect.any(Number) }, imp: { id: expect.any(String) },
  });
  return {
    clients,
    county: {
      code: region.code, gov: gov.id, owner: owner.id, dept: dept.id, leader: leader.id,
      project, spare, imported: imp!.id, batch,
      may: periods.may!, june: periods.june!, july: periods.july!,
      mayReport: reports.may!, juneReport: reports.june!, julyReport: reports.july!,
      photo, correction, card: card!.id, order: order!.id, accountability: entry!.id,
      problem, attachment, overdue, bulletin, notification: note!.id, user: ids.user_viewer!, token,
    },
  };
}

export async function buildSecurityFixture(t: TestApp): Promise<SecurityFixture> {
  const db = t.database.db;
  await seedTestRegions(db);
  await createUser(db, { username: 'sd_admin', role: 'admin', regionCode: REGIONS.province.code });
  await createUser(db, { username: 'lc_admin', role: 'admin', regionCode: REGIONS.city.code });
  await createUser(db, { username: 'lc_office', role: 'office', regionCode: REGIONS.city.code });
  await createUser(db, { username: 'zz_office', role: 'office', regionCode: REGIONS.otherCity.code });
  await createUser(db, { username: 'zz_viewer', role: 'viewer', regionCode: REGIONS.otherCity.code });
  const cityAdmin = await signInFrom(t.app, 'lc_admin');
  const cityOffice = await signInFrom(t.app, 'lc_office');
  ok(await (await signInFrom(t.app, 'sd_admin')).put('/api/v1/workdays/adjustments', { year: 2024, items: [{ date: '2024-12-28', isWorkday: true, note: '调休上班' }] }));
  const d = await buildCounty(t, 'D');
  const s = await buildCounty(t, 'S');
  // The city's county borders: one uploaded boundary that both counties are drawn from.
  const square = (x: number) => [[[x, 36.4], [x + 0.1, 36.4], [x + 0.1, 36.5], [x, 36.4]]];
  const borders = {
    type: 'FeatureCollection',
    features: [REGIONS.dongchangfu, REGIONS.shen].map((r, i) => ({ type: 'Feature', properties: { name: r.name, adcode: r.code }, geometry: { type: 'Polygon', coordinates: square(115.5 + i) } })),
  };
  ok(await cityAdmin.put(`/api/v1/map/boundaries/${REGIONS.city.code}?source=${encodeURIComponent('聊城边界')}`, borders));
  return {
    D: d.county,
    S: s.county,
    county: s.clients,
    otherCity: { office: await signInFrom(t.app, 'zz_office'), viewer: await signInFrom(t.app, 'zz_viewer') },
    cityAdmin,
    cityOffice,
    offices: { D: d.clients.office, S: s.clients.office },
    usernames: { county: (role) => `sx_${role}` },
  };
}
