// The demo city's cards and supervision for 2024: the card run of every locked period in order,
// as the office would have run it on the day the period closed. Each run opens supervision orders
// for the red cards and lists projects red twice running; the responsible units answer most orders
// within the deadline and the office accepts or returns the answers; orders left unanswered past
// their deadline go on the accountability list, and the first talks are recorded. Dates follow the
// periods' closing days, so the history reads as it would have happened; answers and talks come
// from a fixed seed.
import { sql } from 'drizzle-orm';
import { effectiveRuleSet } from '../../modules/cards/cards.repo.ts';
import { runCardsForPeriod } from '../../modules/cards/cards.service.ts';
import { getPeriod } from '../../modules/reporting/periods.repo.ts';
import { addDays as addIsoDays, deadlineDaysOf, markOverdueOrders } from '../../modules/supervision/supervision.hooks.ts';
import type { DbOrTx } from '../client.ts';
import { AS_OF, demoId, Rng } from './demo.prng.ts';
import { CITY_CODE, CITY_PATH } from './demo.regions.ts';

/** The day the demo's supervision stands at (the demo's day): November's orders (issued 4 December) are past their deadline. */
export const SUPERVISION_AS_OF = AS_OF;

const RESPONSES = [
  '已召开项目推进专题会，明确施工倒排工期，增加作业班组，力争下月追回投资进度。',
  '已协调金融机构落实项目贷款，资金到位后立即组织设备采购，预计两个月内完成年度计划。',
  '项目用地手续已报批，待批复后即开展土方施工；同时加快厂房钢结构预制，压茬推进。',
  '已督促项目单位完善月度投资计划，逐月调度，按周通报，确保投资进度与序时进度相符。',
  '针对审批手续滞后问题，已提请县行政审批局开辟绿色通道，计划本月内办结施工许可。',
];
const REJECTIONS = ['整改措施不具体，请列明时间节点和责任人。', '未说明投资进度滞后的原因，请补充后重新答复。', '答复内容与项目实际进展不符，请核实后重新报送。'];
const PARTICIPANTS = [
  '市发改委分管负责同志、市重点项目办、县（市、区）分管负责同志、责任单位主要负责人、项目单位负责人',
  '市重点项目办、责任单位主要负责人、包靠领导联络员、项目单位负责人',
];
const OUTCOMES = [
  '指出项目连续滞后的问题，责令责任单位一个月内拿出追赶计划，每周报送进展；下期仍为红牌的，提请市调度会研究。',
  '约谈后项目单位承诺追加施工力量，责任单位建立专班包靠机制，市项目办跟踪督导，两个月后复核。',
  '督办单逾期未答复，对责任单位予以通报；要求三日内书面说明情况并提交整改方案。',
];

/** A China-time instant on a day: 'YYYY-MM-DD' at hh:mm (UTC+8). */
const at = (day: string, minutes: number) =>
  new Date(Date.parse(`${day}T00:00:00+08:00`) + minutes * 60_000).toISOString();

async function rowsOf<T>(db: DbOrTx, q: ReturnType<typeof sql>): Promise<T[]> {
  return (await db.execute(q)).rows as T[];
}

/**
 * Rows the hooks just wrote carry the transaction's time (now()); this dates them to the day the
 * office acted: orders issued (deadline counted from that day), cards computed, entries listed,
 * notices sent.
 */
async function dateNewRows(tx: DbOrTx, day: string, minutes: number, deadlineDays: number) {
  const when = at(day, minutes);
  await tx.execute(sql`UPDATE supervision_orders SET issued_at = ${when}::timestamptz, deadline = ${day}::date + ${deadlineDays}::int WHERE issued_at = now()`);
  await tx.execute(sql`UPDATE project_cards SET computed_at = ${when}::timestamptz WHERE computed_at = now()`);
  await tx.execute(sql`UPDATE accountability_entries SET created_at = ${when}::timestamptz WHERE created_at = now()`);
  await tx.execute(sql`UPDATE notifications SET created_at = ${when}::timestamptz WHERE created_at = now()
    AND entity_type IN ('supervision_order', 'accountability_entry')`);
}

interface Order { id: string; responsibleOrgId: string | null }

/** The units' answers to a period's orders and the office's decisions. */
async function answer(tx: DbOrTx, rng: Rng, orders: Order[], issued: string, latest: boolean, who: { office: string; unit: string; unitOrg: string | null }) {
  for (const o of orders) {
    const r = rng.next();
    if (r < 0.25) continue; // not answered: overdue once the deadline passes
    const respondedOn = addIsoDays(issued, rng.int(2, 10));
    const respondedBy = o.responsibleOrgId && o.responsibleOrgId === who.unitOrg ? who.unit : null;
    const response = rng.pick(RESPONSES);
    const decidedOn = addIsoDays(respondedOn, rng.int(1, 4));
    const [status, note] = latest && r < 0.45 ? ['responded', null] : r < 0.35 ? ['rejected', rng.pick(REJECTIONS)] : ['accepted', rng.next() < 0.5 ? '同意，请抓好落实。' : null];
    const decided = status !== 'responded';
    await tx.execute(sql`UPDATE supervision_orders SET status = ${status}, response = ${response},
      responded_at = ${at(respondedOn, rng.int(9 * 60, 17 * 60))}::timestamptz, responded_by = ${respondedBy}::uuid,
      decision_note = ${note}, decided_at = ${decided ? at(decidedOn, rng.int(9 * 60, 17 * 60)) : null}::timestamptz,
      decided_by = ${decided ? who.office : null}::uuid
      WHERE id = ${o.id}::uuid`);
  }
}

/** Cards for every locked 2024 period of the demo city, the orders they opened, the answers and the talks. */
export async function seedCardsAndSupervision(tx: DbOrTx): Promise<{ cards: number; orders: number; accountability: number }> {
  const office = demoId('user', 'office');
  const unit = demoId('user', 'unit');
  const [unitRow] = await rowsOf<{ orgId: string | null }>(tx, sql`SELECT org_id AS "orgId" FROM users WHERE id = ${unit}::uuid`);
  const who = { office, unit, unitOrg: unitRow?.orgId ?? null };
  const periods = await rowsOf<{ id: string; closedOn: string; last: boolean }>(tx, sql`
    SELECT id, to_char(closed_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM-DD') AS "closedOn",
      row_number() OVER (ORDER BY year DESC, month DESC, seq DESC) = 1 AS last
    FROM reporting_periods WHERE region_code = ${CITY_CODE} AND year = 2024 AND status = 'closed' ORDER BY year, month, seq`);
  const deadlineDays = deadlineDaysOf((await effectiveRuleSet(tx, CITY_PATH))?.rules ?? null);
  const rng = new Rng('demo:supervision');

  for (const p of periods) {
    // The morning the period closes: orders whose deadline has passed go on the accountability list…
    await markOverdueOrders(tx, p.closedOn);
    await dateNewRows(tx, p.closedOn, 9 * 60, deadlineDays);
    // …then the office runs the period's cards, which opens the orders for its red cards.
    const period = await getPeriod(tx, p.id);
    await runCardsForPeriod(tx, period!, office);
    await dateNewRows(tx, p.closedOn, 10 * 60 + 30, deadlineDays);
    const orders = await rowsOf<Order>(tx, sql`SELECT id, responsible_org_id AS "responsibleOrgId" FROM supervision_orders
      WHERE period_id = ${p.id}::uuid ORDER BY number`);
    await answer(tx, rng, orders, p.closedOn, p.last, who);
  }
  await markOverdueOrders(tx, SUPERVISION_AS_OF);
  await dateNewRows(tx, SUPERVISION_AS_OF, 9 * 60, deadlineDays);

  // The first talks: the earliest entries of each reason, a week or so after they were listed.
  const held = await rowsOf<{ id: string; listedOn: string }>(tx, sql`
    SELECT a.id, to_char(a.created_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM-DD') AS "listedOn"
    FROM accountability_entries a JOIN projects p ON p.id = a.project_id
    WHERE a.created_at < ${at(addIsoDays(SUPERVISION_AS_OF, -14), 0)}::timestamptz
    ORDER BY a.created_at, p.code LIMIT 3`);
  for (const e of held) {
    const talkOn = addIsoDays(e.listedOn, rng.int(5, 12));
    await tx.execute(sql`UPDATE accountability_entries SET status = 'held', talk_date = ${talkOn}::date,
      participants = ${rng.pick(PARTICIPANTS)}, outcome = ${rng.pick(OUTCOMES)}, recorded_by = ${office}::uuid,
      recorded_at = ${at(talkOn, 17 * 60)}::timestamptz WHERE id = ${e.id}::uuid`);
  }
  // Notices of earlier months have been read; those of December are still new.
  await tx.execute(sql`UPDATE notifications SET read_at = created_at + interval '1 day'
    WHERE entity_type IN ('supervision_order', 'accountability_entry') AND created_at < ${at('2024-12-01', 0)}::timestamptz`);

  const [n] = await rowsOf<{ cards: number; orders: number; accountability: number }>(tx, sql`SELECT
    (SELECT count(*)::int FROM project_cards) AS cards, (SELECT count(*)::int FROM supervision_orders) AS orders,
    (SELECT count(*)::int FROM accountability_entries) AS accountability`);
  return n!;
}
