// The security matrix, second half: statistics, cards, supervision, roadblocks, notifications, the
// leaders' views and the monthly bulletin. Notation in spec.ts.
import { notify } from '../../src/server/modules/notifications/notify.ts';
import { REGIONS } from '../helpers/factories.ts';
import { PDF } from '../robustness/fixture.ts';
import { ALL, del, get, OFFICE, ok, post, put, V1, type Req, type Spec } from './spec.ts';
import { bulletinSettings, borders, cityRules, newProblem, orderIn, ruleNote, sOffice, targets, userId } from './steps.ts';

export const OVERSIGHT_MATRIX: Record<string, Spec> = {
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
  'POST /api/v1/cards/run-month': {
    who: OFFICE, inside: () => post(`${V1}/cards/run-month`, { month: '2024-06' }),
    outside: (o) => [post(`${V1}/cards/run-month`, { regionCode: o.code, month: '2024-06' })],
  },
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
