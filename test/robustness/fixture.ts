// A small data set with one real record behind every kind of id the API takes, so that requests
// with real ids in the path reach their handlers: the cards example (projects, a closed May and a
// June whose close runs the cards and opens supervision orders), an open July with a report and a
// photo, a correction, a roadblock with an attachment, a batch, a leader, a token, a bulletin, an
// accountability entry. Built through the API where a route exists, so it goes the real way.
import { expect } from 'vitest';
import { accountabilityEntries } from '../../src/server/db/schema/index.ts';
import { login, type Client, type TestApp } from '../helpers/app.ts';
import { setUpCardsExample } from '../helpers/cards.ts';
import { createPerson, createUser, REGIONS } from '../helpers/factories.ts';
import { openPeriod, reportUrl } from '../helpers/reporting.ts';
import { setPlan } from '../helpers/stats.ts';

/** The smallest JPEG (1×1, grey). */
export const JPEG = Buffer.from(
  '/9j/4AAQSkZJRgABAQEASABIAAD/2wBDAP//////////////////////////////////////////////////////////////////////////////////////wgALCAABAAEBAREA/8QAFBABAAAAAAAAAAAAAAAAAAAAAP/aAAgBAQABPxA=',
  'base64',
);
export const PDF = Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(200, 0x20), Buffer.from('%%EOF\n')]);

/** A multipart/form-data body with the file in field `file` and text fields beside it. */
export function formData(file: Buffer, o: { fileName?: string; contentType?: string; fields?: Record<string, string> } = {}) {
  const boundary = `----robust${Math.random().toString(16).slice(2)}`;
  const parts: Buffer[] = [];
  for (const [name, value] of Object.entries(o.fields ?? {})) {
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`));
  }
  parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${o.fileName ?? 'file.bin'}"\r\n`
    + `Content-Type: ${o.contentType ?? 'application/octet-stream'}\r\n\r\n`));
  parts.push(file, Buffer.from(`\r\n--${boundary}--\r\n`));
  return { payload: Buffer.concat(parts), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

export interface Fixture {
  admin: Client;
  office: Client;
  /** Real ids by the name the API gives them. */
  ids: {
    project: string; otherProject: string; may: string; june: string; july: string; report: string; photo: string; correction: string;
    problem: string; attachment: string; department: string; batch: string; leader: string; user: string; token: string;
    card: string; order: string; accountability: string; bulletin: string; notification: string | null;
  };
}

export async function buildFixture(t: TestApp): Promise<Fixture> {
  const db = t.database.db;
  const q = async <T>(text: string, params: unknown[] = []) => (await t.database.pool.query(text, params)).rows as T[];
  const { P, may, june, deptId } = await setUpCardsExample(db);
  await createUser(db, { username: 'robust-admin', role: 'admin', regionCode: REGIONS.province.code });
  const dummy = await createUser(db, { username: 'robust-dummy', role: 'viewer', regionCode: REGIONS.city.code });
  await createUser(db, { username: 'robust-dept', role: 'department', regionCode: REGIONS.city.code, orgId: deptId });
  const leader = await createPerson(db, { name: '王副市长', regionCode: REGIONS.city.code });
  const admin = await login(t.app, 'robust-admin');
  const office = await login(t.app, 'city');
  const ok = (res: { statusCode: number; body: string }, status = 200) => {
    expect(res.statusCode, res.body).toBe(status);
    return JSON.parse(res.body);
  };

  ok(await office.post(`/api/v1/periods/${june}/close`, {}));
  const july = (await openPeriod(office, { year: 2024, month: 7, regionCode: REGIONS.city.code })).id;
  await setPlan(db, P.gap0, 2024, { planned: '1200' });
  const report = ok(await office.put(reportUrl(P.gap0, july), { version: 0, investment: '100', progressText: '主体施工' }));
  const photo = ok(await office.request({ method: 'POST', url: reportUrl(P.gap0, july, '/photos'), ...formData(JPEG, { fileName: '现场.jpg' }) }), 201);
  const correction = ok(await office.post(reportUrl(P.gap0, june, '/corrections'), { reason: '数据录入错误', investment: '610' }), 201);
  const problem = ok(await office.post('/api/v1/problems', {
    projectId: P.gap0, category: 'land', severity: 'general', title: '用地指标', description: '等待用地指标', departmentId: deptId,
  }), 201);
  const attachment = ok(await office.request({ method: 'POST', url: `/api/v1/problems/${problem.id}/attachments`, ...formData(PDF, { fileName: '红线图.pdf' }) }), 201);
  const batch = ok(await office.post('/api/v1/batches', {
    name: '2024年第三季度集中开工', kind: 'groundbreaking', level: 'municipal', eventDate: '2024-09-01', regionCode: REGIONS.city.code, projectIds: [P.gap0],
  }), 201);
  const token = ok(await admin.post('/api/v1/auth/tokens', { name: '接口测试' }));
  const bulletin = ok(await office.post('/api/v1/bulletins', { regionCode: REGIONS.city.code, periodId: june }), 201);

  const [card] = await q<{ id: string }>(`select id from project_cards where project_id = $1 and period_id = $2`, [P.gap10p, june]);
  const [order] = await q<{ id: string; project_id: string }>(`select id, project_id from supervision_orders order by number limit 1`);
  const [entry] = await db.insert(accountabilityEntries).values({
    projectId: order!.project_id, regionPath: `${REGIONS.dongchangfu.path}`, reason: 'overdue_order', orderId: order!.id, periodId: june,
  }).returning();
  const [notification] = await q<{ id: string }>(`select id from notifications limit 1`);
  return {
    admin, office,
    ids: {
      project: P.gap0, otherProject: P.gap10p, may, june, july, report: report.id, photo: photo.id, correction: correction.id,
      problem: problem.id, attachment: attachment.id, department: deptId, batch: batch.id, leader: leader.id, user: dummy.id,
      token: token.id, card: card!.id, order: order!.id, accountability: entry!.id, bulletin: bulletin.id, notification: notification?.id ?? null,
    },
  };
}
