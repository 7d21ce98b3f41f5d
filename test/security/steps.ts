// Records the security matrix makes fresh for a step, through the API as 莘县's own people, and the
// bodies its requests send.
import type { Role } from '../../src/domain/enums.ts';
import { REGIONS } from '../helpers/factories.ts';
import { reportUrl } from '../helpers/reporting.ts';
import { buildLedger, goodRow } from '../helpers/xlsx.ts';
import type { County } from './fixture.ts';
import { ok, V1, type Ctx } from './spec.ts';


export const sOffice = (x: Ctx) => x.f.offices.S;
let seq = 0;
export const next = () => (seq += 1);
/** A month after the fixture's (July 2024) for a new period of 莘县. */
export const newMonth = () => { const n = next(); return { year: 2024 + Math.floor((7 + n) / 12), month: ((7 + n) % 12) + 1 }; };

export async function newProblem(s: County, x: Ctx, step: 'open' | 'accepted' | 'solved'): Promise<string> {
  const id = (await ok(x.f.county.owner.post(`${V1}/problems`, {
    projectId: s.project, category: 'land', severity: 'general', title: `莘县问题${next()}`, description: '莘县用地指标', departmentId: s.dept,
  }))).id;
  if (step !== 'open') await ok(x.f.county.department.post(`${V1}/problems/${id}/accept`, { dueDate: '2099-12-31' }));
  if (step === 'solved') await ok(sOffice(x).post(`${V1}/problems/${id}/solve`, { solution: '已协调解决' }));
  return id;
}

export async function orderIn(s: County, x: Ctx, status: 'respondable' | 'responded'): Promise<string> {
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

export async function pendingCorrection(s: County, x: Ctx): Promise<string> {
  const [c] = await x.q<{ id: string }>(`select id from report_corrections where project_id = $1 and status = 'pending'`, [s.project]);
  if (c) return c.id;
  return (await ok(x.f.county.owner.post(reportUrl(s.project, s.june, '/corrections'), { reason: '莘县数据更正', investment: String(next()) }))).id;
}

/** A new project of 莘县 (its owner and unit those of the fixture) with its July report saved, or also submitted. */
export async function freshReport(s: County, x: Ctx, status: 'draft' | 'submitted') {
  const n = next();
  const project = (await ok(sOffice(x).post(`${V1}/projects`, projectBody(`SX-R-${n}`, s.code, { ownerId: s.owner, responsibleUnitId: s.gov })))).id as string;
  const url = reportUrl(project, s.july);
  await ok(sOffice(x).put(url, { version: 0, investment: '1' }));
  if (status === 'submitted') await ok(sOffice(x).post(`${url}/submit`, {}));
  return { project, url };
}

/** The user an API token belongs to. */
export const tokenOwner = async (x: Ctx, tokenId: string) => (await x.q<{ id: string }>(`select user_id as id from api_tokens where id = $1`, [tokenId]))[0]!.id;
export const userId = async (x: Ctx, role: Role) => (await x.q<{ id: string }>(`select id from users where username = $1`, [x.f.usernames.county(role)]))[0]!.id;

export const projectBody = (code: string, regionCode: string, more: object = {}) => ({
  code, name: `莘县新项目${code}`, regionCode, level: 'county', category: 'industrial', industry: 'chemicals', totalInvestment: '100', ...more,
});
export const ledgerRow = (code: string, region: string) => goodRow(code, { name: `导入项目${code}`, region, owner: null, responsibleUnit: null, leader: null });
export const ledgerUpload = async (rows: ReturnType<typeof goodRow>[]) => ({ file: await buildLedger(rows), fileName: '台账.xlsx' });
export const borders = (regions: { code: string; name: string }[]) => ({
  type: 'FeatureCollection',
  features: regions.map((r, i) => ({ type: 'Feature', properties: { name: r.name, adcode: r.code }, geometry: { type: 'Polygon', coordinates: [[[115 + i, 36], [115.1 + i, 36], [115.1 + i, 36.1], [115 + i, 36]]] } })),
});
export const ruleNote = { note: '修改亮牌规则' };
export const targets = { startRate: 80, investmentRate: 80, fundsRate: 80, onTimeRate: 80 };
export const bulletinSettings = (regionCode?: string) => ({ regionCode, issuingOffice: '重点项目推进办公室', numberPrefix: '推进', autoOnClose: false });
export const reportingSettings = (regionCode: string) => ({ regionCode, cadence: 'monthly', deadlineDay: 6, progressTolerance: 0.1, fundsRatioLimit: 2 });

/** The current card rules of the city, as GET /card-rules gives them (a valid body to save). */
export async function cityRules(x: Ctx) {
  return (await ok(x.f.cityOffice.get(`${V1}/card-rules?regionCode=${REGIONS.city.code}`))).current.rules;
}
