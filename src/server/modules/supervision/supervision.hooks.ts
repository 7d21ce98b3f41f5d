// What the card run and the scheduler ask of supervision. The card run calls afterCardRun in its
// transaction; `npx tuijin escalate` calls markOverdueOrders. Both are idempotent: running them
// again creates nothing new.
import { sql } from 'drizzle-orm';
import { DEFAULT_ORDER_DEADLINE_DAYS } from '../../../contract/supervision.ts';
import { CARD_INDICATOR_LABELS, type CardIndicatorName } from '../../../domain/cards.ts';
import { formatDateZh } from '../../../domain/dates.ts';
import { clockToday } from '../../clock.ts';
import { periodLabel } from '../../../domain/reporting.ts';
import type { DbOrTx } from '../../db/client.ts';
import { recordAuditMany } from '../audit/audit.repo.ts';
import { effectiveRuleSet } from '../cards/cards.repo.ts';
import { notify, type Recipients } from '../notifications/notify.ts';
import * as repo from './supervision.repo.ts';

/** Days an order gives, from the rules (`supervision.deadlineDays`) when they set a sensible number. */
export function deadlineDaysOf(rules: Record<string, unknown> | null): number {
  const s = rules?.supervision as { deadlineDays?: unknown } | undefined;
  const d = s?.deadlineDays;
  return typeof d === 'number' && Number.isInteger(d) && d >= 1 && d <= 365 ? d : DEFAULT_ORDER_DEADLINE_DAYS;
}

export function addDays(isoDate: string, days: number): string {
  const d = new Date(`${isoDate}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** 聊督〔2024〕12-: the city's first character, 督, the year in 〔〕, the month. */
export function orderNumberPrefix(cityShortName: string, year: number, month: number): string {
  return `${cityShortName.slice(0, 1)}督〔${year}〕${month}-`;
}

export function orderNumber(prefix: string, seq: number): string {
  return `${prefix}${String(seq).padStart(3, '0')}`;
}

/** Why the order was opened: the red indicators of the card, with their explanation when the card gives one. */
export function orderReason(label: string, indicators: repo.RedCard['indicators']): string {
  const red = (indicators ?? []).filter((i) => i?.color === 'red');
  const parts = red.map((i) => {
    const name = CARD_INDICATOR_LABELS[(i.name ?? '') as CardIndicatorName] ?? i.name ?? '指标';
    return i.detail ? `${name}（${i.detail}）` : name;
  });
  return `${label}亮红牌${parts.length ? `：${parts.join('；')}` : '（项目办调整为红牌）'}`;
}

type Addressee = { responsibleOrgId: string | null; leaderPersonId: string | null };

/** The responsible unit and the lead leader, when either has a user to notify (else null: no notice to send). */
function recipientsOf(reachable: Set<string>, a: Addressee): Recipients | null {
  return [a.responsibleOrgId, a.leaderPersonId].some((x) => x && reachable.has(x)) ? { orgIds: [a.responsibleOrgId], personIds: [a.leaderPersonId] } : null;
}

/**
 * After the cards of a period are (re)computed: open a supervision order for every red card that
 * has none (deadline 15 days by default), and put a project with two red cards running on the
 * accountability list. Idempotent. Returns what it created.
 */
export async function afterCardRun(db: DbOrTx, periodId: string, userId: string | null): Promise<{ ordersOpened: number; accountabilityAdded: number }> {
  const period = await repo.hookPeriod(db, periodId);
  if (!period) return { ordersOpened: 0, accountabilityAdded: 0 };
  const prevId = await repo.previousPeriodId(db, period);
  const cards = await repo.redCards(db, periodId, prevId);
  if (!cards.length) return { ordersOpened: 0, accountabilityAdded: 0 };

  const city = await repo.numberingRegion(db, period.regionPath);
  // The rules that made the cards: the newest rule set of the nearest region up the tree (the city's, as a rule).
  const days = deadlineDaysOf((await effectiveRuleSet(db, period.regionPath))?.rules ?? null);
  const issued = clockToday();
  const deadline = addDays(issued, days);
  const prefix = orderNumberPrefix(city.shortName, period.year, period.month);
  const seq = await repo.maxOrderSeq(db, prefix);
  const who = await repo.userWho(db, userId);
  const label = periodLabel(period);
  // Only units and leaders with a user get a notice: asking notify() for the others writes nothing.
  const reachable = await repo.withUsers(db, cards.map((c) => c.responsibleOrgId), cards.map((c) => c.leaderPersonId));
  const recipients = (c: Addressee) => recipientsOf(reachable, c);

  const opening = cards.filter((c) => !c.hasOrder).map((c, i) => ({ card: c, number: orderNumber(prefix, seq + i + 1), reason: orderReason(label, c.indicators) }));
  const orderIds = await repo.insertOrders(db, periodId, who?.id ?? null, deadline, opening.map(({ card: c, number, reason }) => ({
    number, projectId: c.projectId, cardId: c.cardId, regionPath: c.regionPath, responsibleOrgId: c.responsibleOrgId, leaderPersonId: c.leaderPersonId, reason,
  })));
  await recordAuditMany(db, who, opening.map(({ card: c, number, reason }) => ({
    action: 'supervision_order.opened', entityType: 'supervision_order', entityId: orderIds.get(number)!, projectId: c.projectId, regionPath: c.regionPath,
    after: { number, periodId, cardId: c.cardId, deadline, reason }, note: `${number}：${reason}`,
  })));
  for (const { card: c, number, reason } of opening) {
    const to = recipients(c);
    if (!to) continue;
    const id = orderIds.get(number)!;
    await notify(db, to, {
      kind: 'supervision_order',
      title: `督办单 ${number}：${c.projectName}`,
      body: `${reason}。请于${formatDateZh(deadline)}前书面答复。`,
      link: `/supervision?order=${id}`,
      entityType: 'supervision_order',
      entityId: id,
    });
  }

  const twoRed = cards.filter((c) => c.prevRed && !c.hasTwoRedEntry);
  const entryIds = await repo.insertEntries(db, twoRed.map((c) => ({ projectId: c.projectId, regionPath: c.regionPath, reason: 'two_red', periodId, orderId: null })));
  await recordAuditMany(db, who, twoRed.map((c, i) => ({
    action: 'accountability.added', entityType: 'accountability_entry', entityId: entryIds[i]!, projectId: c.projectId, regionPath: c.regionPath,
    after: { reason: 'two_red', periodId }, note: `连续两期红牌（${label}），列入约谈名单`,
  })));
  for (const [i, c] of twoRed.entries()) {
    const to = recipients(c);
    if (!to) continue;
    await notify(db, to, {
      kind: 'accountability',
      title: `列入约谈名单：${c.projectName}`,
      body: `项目连续两期亮红牌（至${label}），已列入约谈名单。`,
      link: `/supervision?tab=accountability&entry=${entryIds[i]}`,
      entityType: 'accountability_entry',
      entityId: entryIds[i]!,
    });
  }
  return { ordersOpened: opening.length, accountabilityAdded: twoRed.length };
}

/** Of two runs at once (the scheduler on one app server, the office's run on another), one waits. */
const OVERDUE_ORDERS_LOCK = 7_150_032;

/** Puts projects whose supervision order is past its deadline without an accepted response on the accountability list. */
export async function markOverdueOrders(db: DbOrTx, today: string): Promise<number> {
  // One transaction under an advisory lock: a run that waited sees the entries the other committed.
  return db.transaction(async (tx) => {
    await tx.execute(sql`SELECT pg_advisory_xact_lock(${OVERDUE_ORDERS_LOCK})`);
    return markOverdueOrdersLocked(tx, today);
  });
}

async function markOverdueOrdersLocked(db: DbOrTx, today: string): Promise<number> {
  const orders = await repo.overdueOrdersWithoutEntry(db, today);
  const ids = await repo.insertEntries(db, orders.map((o) => ({ projectId: o.projectId, regionPath: o.regionPath, reason: 'overdue_order', periodId: o.periodId, orderId: o.id })));
  await recordAuditMany(db, null, orders.map((o, i) => ({
    action: 'accountability.added', entityType: 'accountability_entry', entityId: ids[i]!, projectId: o.projectId, regionPath: o.regionPath,
    after: { reason: 'overdue_order', orderId: o.id, orderNumber: o.number, deadline: o.deadline, orderStatus: o.status },
    note: `督办单 ${o.number} 逾期（时限 ${o.deadline}）未办结，列入约谈名单`,
  })));
  const reachable = await repo.withUsers(db, orders.map((o) => o.responsibleOrgId), orders.map((o) => o.leaderPersonId));
  for (const [i, o] of orders.entries()) {
    const to = recipientsOf(reachable, o);
    if (!to) continue;
    await notify(db, to, {
      kind: 'accountability',
      title: `列入约谈名单：${o.projectName}`,
      body: `督办单 ${o.number} 已超过办理时限（${formatDateZh(o.deadline)}）仍未办结，项目已列入约谈名单。`,
      link: `/supervision?tab=accountability&entry=${ids[i]}`,
      entityType: 'accountability_entry',
      entityId: ids[i]!,
    });
  }
  return orders.length;
}
