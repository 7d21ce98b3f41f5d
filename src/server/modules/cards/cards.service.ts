// Cards (红黄蓝亮牌): the run over a period, rule sets and their preview, reads and overrides.
// Access: reads by region scope (outside = 404); running, overriding and saving rules are the
// office's (or admin's) within their scope. The run (computeCardsForPeriod) computes the facts of
// every project of the period set-based (cards.repo periodFacts, with the statistics' facts),
// evaluates each card with the pure rules (domain/cards.ts) and writes them with one upsert;
// runCardsForPeriod then calls afterCardRun, and runCards adds the audit entry.
import type {
  CardDto, CardList, CardRuleSetDto, CardRulesPreview, CardRulesPreviewBody, CardRulesPut, CardRulesResult, CardRunMonthBody,
  CardRunMonthResult, CardRunResult, CardsQuery, CardsSummary, CardsSummaryQuery, ColorCounts,
} from '../../../contract/cards.ts';
import {
  CARD_COLOR_LABELS, CARD_COLORS, evaluateCard, milestoneDue, normalizeRules, toStoredIndicators, withThresholds, type CardColor, type CardFacts, type CardResult, type CardRules, DEFAULT_CARD_RULES,
} from '../../../domain/cards.ts';
import { parseYm, ym } from '../../../domain/dates.ts';
import { INDUSTRY_LABELS } from '../../../domain/labels.ts';
import { ratio } from '../../../domain/kpi.ts';
import { periodLabel } from '../../../domain/reporting.ts';
import type { Industry } from '../../../domain/enums.ts';
import type { Db, DbOrTx } from '../../db/client.ts';
import { conflict, forbidden, invalid, notFound } from '../../errors.ts';
import { canOffice, requireOffice, requireRead } from '../access/access.policy.ts';
import type { Principal } from '../access/principal.ts';
import { recordAudit } from '../audit/audit.repo.ts';
import { getRegionInScope } from '../regions/regions.service.ts';
import { loadVisiblePeriod } from '../reporting/periods.service.ts';
import { getPeriod as getPeriodRow, listPeriods, type PeriodRow } from '../reporting/periods.repo.ts';
import { cardPeriodsOf } from '../cockpit/cockpit.repo.ts';
import { lanes } from '../../lanes.ts';
import { afterCardRun } from '../supervision/supervision.hooks.ts';
import { iso } from '../reporting/reporting.dto.ts';
import * as repo from './cards.repo.ts';

// ───────────── rules ─────────────

interface EffectiveRules {
  id: number | null;
  version: number;
  rules: CardRules;
}

async function rulesAt(db: DbOrTx, regionPath: string): Promise<EffectiveRules> {
  const row = await repo.effectiveRuleSet(db, regionPath);
  return row ? { id: row.id, version: row.version, rules: normalizeRules(row.rules) } : { id: null, version: 0, rules: normalizeRules(null) };
}

function toRuleSetDto(row: repo.RuleSetRow | null, regionCode: string): CardRuleSetDto {
  if (!row) return { id: null, regionCode, version: 0, rules: normalizeRules(null), note: '默认规则', createdBy: null, createdAt: null };
  return {
    id: row.id, regionCode: row.regionCode, version: row.version, rules: normalizeRules(row.rules),
    note: row.note, createdBy: row.createdBy, createdAt: iso(row.createdAt),
  };
}

export async function getRules(db: DbOrTx, p: Principal, regionCode?: string): Promise<CardRulesResult> {
  const region = await getRegionInScope(db, p, regionCode ?? p.regionCode);
  const current = await repo.effectiveRuleSet(db, region.path);
  return {
    regionCode: region.code,
    regionName: region.name,
    current: toRuleSetDto(current, region.code),
    history: (await repo.ruleSetHistory(db, region.code)).map((r) => toRuleSetDto(r, region.code)),
    editable: rulesRegion(region.level) && canOffice(p, region.path),
  };
}

/** Card rules are set by a city's (or the province's) office; a county or park is assessed by its city's. */
const rulesRegion = (level: string) => level === 'city' || level === 'province';

export async function saveRules(db: Db, p: Principal, input: CardRulesPut): Promise<CardRulesResult> {
  requireOffice(p);
  const region = await getRegionInScope(db, p, input.regionCode ?? p.regionCode);
  requireOffice(p, region.path);
  // The city assesses its counties by these rules: a county (or park) does not set its own.
  if (!rulesRegion(region.level)) throw forbidden('亮牌规则由市级项目办制定，区县不能自行修改');
  await db.transaction(async (tx) => {
    const before = await repo.effectiveRuleSet(tx, region.path);
    const saved = await repo.insertRuleSet(tx, { regionCode: region.code, rules: input.rules, note: input.note, userId: p.id });
    await recordAudit(tx, p, {
      action: 'card_rules.saved', entityType: 'card_rule_set', entityId: String(saved.id), regionPath: region.path,
      before: before ? { version: before.version, rules: before.rules } : { version: 0 },
      after: { version: saved.version, rules: input.rules }, note: `${region.name}亮牌规则第 ${saved.version} 版：${input.note}`,
    });
  });
  return getRules(db, p, region.code);
}

// ───────────── computing cards ─────────────

export interface ComputedCard extends CardResult {
  projectId: string;
  regionPath: string;
}

/** Facts of every project of the period within scopePath: a few set-based queries, nothing per project. */
async function periodFacts(db: DbOrTx, period: PeriodRow, scopePath: string, lookBack: number): Promise<{ projectId: string; regionPath: string; facts: CardFacts }[]> {
  const ref = toRef(period);
  const rows = await repo.periodFacts(db, ref, scopePath, lookBack);
  // The card's completion rate and time-elapsed progress are the two rates GET /stats gives for the
  // project and month, computed as kpi.ts figures() does from the statistics' own facts (read with the
  // rest: approved reports only).
  return rows.map((r) => ({
    projectId: r.projectId,
    regionPath: r.regionPath,
    facts: {
      periodEnd: period.endsOn,
      investment: r.annualPlan != null
        ? { timeElapsed: ratio(r.plannedToDate, r.annualPlan), completionRate: ratio(r.ytdInvestment, r.annualPlan) }
        : { timeElapsed: null, completionRate: null },
      milestones: {
        start: { due: milestoneDue(r.plannedStart, r.mustStart, period.year), actual: r.actualStart },
        completion: { due: milestoneDue(r.plannedCompletion, r.mustComplete, period.year), actual: r.actualCompletion },
        production: { due: milestoneDue(r.plannedProduction, r.mustProduce, period.year), actual: r.actualProduction },
      },
      missingRunning: r.missingRunning,
      overdueProblems: r.overdueProblems,
    },
  }));
}

const toRef = (period: PeriodRow): repo.PeriodRef => ({
  id: period.id, regionCode: period.regionCode, regionPath: period.regionPath, year: period.year, month: period.month,
  startsOn: period.startsOn, endsOn: period.endsOn,
});

const lookBackOf = (...rules: CardRules[]) => Math.max(...rules.map((r) => Math.max(r.reporting.redMissing, r.reporting.yellowMissing)));

/** The colour counts added up (a summary's groups, a month's runs). */
function addUpColors(rows: ColorCounts[]): ColorCounts {
  return rows.reduce((t, r) => ({ blue: t.blue + r.blue, yellow: t.yellow + r.yellow, red: t.red + r.red, total: t.total + r.total }), countColors([]));
}

function countColors(colors: Iterable<string>): ColorCounts {
  const c: ColorCounts = { blue: 0, yellow: 0, red: 0, total: 0 };
  for (const x of colors) {
    c[x as CardColor]++;
    c.total++;
  }
  return c;
}

/**
 * Computes and writes the cards of a period (every expected project of its region subtree) in the
 * caller's transaction: the facts set-based, each card evaluated, all cards written in one upsert.
 * No supervision and no audit (runCardsForPeriod adds them); the scale generator calls this for every
 * historical period. Idempotent: a second run rewrites the same cards in place and keeps any override.
 */
export async function computeCardsForPeriod(tx: DbOrTx, period: PeriodRow): Promise<{ ruleVersion: number; counts: ColorCounts }> {
  const eff = await rulesAt(tx, period.regionPath);
  const facts = await periodFacts(tx, period, period.regionPath, lookBackOf(eff.rules));
  const cards = facts.map((f) => {
    const c = evaluateCard(f.facts, eff.rules);
    return { projectId: f.projectId, regionPath: f.regionPath, color: c.color, score: c.score, indicators: toStoredIndicators(c.indicators) };
  });
  await repo.upsertCards(tx, toRef(period), eff, cards);
  return { ruleVersion: eff.version, counts: countColors(cards.map((c) => c.color)) };
}

/**
 * Computes and writes the cards of a period, then lets supervision act on them (afterCardRun), in
 * the caller's transaction.
 */
export async function runCardsForPeriod(tx: DbOrTx, period: PeriodRow, userId: string | null): Promise<CardRunResult> {
  const { ruleVersion, counts } = await computeCardsForPeriod(tx, period);
  const sup = await afterCardRun(tx, period.id, userId);
  return {
    periodId: period.id,
    periodLabel: `${period.regionName}${periodLabel(period)}`,
    ruleVersion,
    counts,
    ordersOpened: sup.ordersOpened,
    accountabilityAdded: sup.accountabilityAdded,
  };
}

export async function runCards(db: Db, p: Principal, periodId: string): Promise<CardRunResult> {
  requireOffice(p);
  return db.transaction(async (tx) => {
    const period = await loadVisiblePeriod(tx, p, periodId, true);
    requireOffice(p, period.regionPath);
    const result = await runCardsForPeriod(tx, period, p.id);
    await recordAudit(tx, p, {
      action: 'cards.run', entityType: 'period', entityId: period.id, regionPath: period.regionPath,
      after: { ruleVersion: result.ruleVersion, counts: result.counts }, note: `${result.periodLabel}亮牌评定`,
    });
    return result;
  });
}

/** How many periods a month's run rates side by side: two on PostgreSQL, one on PGlite (one session). */
export const monthRunWidth = (engine: 'pglite' | 'postgres') => (engine === 'postgres' ? 2 : 1);

/**
 * Runs the cards of every period of a month in a region and below — a province's or city's office
 * rating all its sub-regions' periods at once. Each period is run as by runCards, in its own
 * transaction with its own audit entry, at most `width` at a time (PostgreSQL runs two side by side;
 * PGlite has one session). Periods already run stay run if a later one fails, and running the month
 * again gives the same cards.
 */
export async function runCardsForMonth(db: Db, p: Principal, body: CardRunMonthBody, width = 1): Promise<CardRunMonthResult> {
  requireOffice(p);
  const region = await getRegionInScope(db, p, body.regionCode ?? p.regionCode);
  requireOffice(p, region.path);
  const [year, month] = parseYm(body.month);
  const periods = (await listPeriods(db, { callerPath: region.path, year }))
    .filter((x) => x.month === month && x.regionPath.startsWith(region.path))
    .sort((a, b) => a.regionCode.localeCompare(b.regionCode) || a.seq - b.seq);
  if (!periods.length) {
    const message = `「${region.name}」及其下级区域没有${year}年${month}月的填报期间`;
    throw invalid(message, [{ field: 'month', message }]);
  }
  const runs: CardRunResult[] = [];
  await lanes(periods, width, async (period, i) => {
    runs[i] = await runCards(db, p, period.id);
  });
  return {
    regionCode: region.code, regionName: region.name, month: body.month, runs,
    counts: addUpColors(runs.map((r) => r.counts)),
    ordersOpened: runs.reduce((n, r) => n + r.ordersOpened, 0),
    accountabilityAdded: runs.reduce((n, r) => n + r.accountabilityAdded, 0),
  };
}

export async function previewRules(db: DbOrTx, p: Principal, body: CardRulesPreviewBody): Promise<CardRulesPreview> {
  requireOffice(p);
  const region = await getRegionInScope(db, p, body.regionCode ?? p.regionCode);
  const proposed = normalizeRules(body.rules);
  const periodId = body.periodId ?? (await repo.latestClosedPeriod(db, region.path));
  const empty = { blue: 0, yellow: 0, red: 0, total: 0 };
  if (!periodId) return { periodId: null, periodLabel: null, now: empty, proposed: empty, changes: [] };
  const period = await loadVisiblePeriod(db, p, periodId);
  const current = await rulesAt(db, period.regionPath);
  // The projects of the period inside the region the rules are for (and the caller's scope).
  const scope = region.path.startsWith(period.regionPath) ? region.path : period.regionPath;
  if (!scope.startsWith(p.regionPath)) throw notFound('填报期间');
  const facts = await periodFacts(db, period, scope, lookBackOf(current.rules, proposed));
  const before = facts.map((f) => evaluateCard(f.facts, current.rules));
  const after = facts.map((f) => evaluateCard(f.facts, proposed));
  const changedIdx = facts.map((_, i) => i).filter((i) => before[i]!.color !== after[i]!.color);
  const names = await projectNames(db, changedIdx.map((i) => facts[i]!.projectId));
  return {
    periodId: period.id,
    periodLabel: `${period.regionName}${periodLabel(period)}`,
    now: countColors(before.map((c) => c.color)),
    proposed: countColors(after.map((c) => c.color)),
    changes: changedIdx.map((i) => {
      const n = names.get(facts[i]!.projectId)!;
      return {
        projectId: facts[i]!.projectId, projectCode: n.code, projectName: n.name, regionName: n.regionName,
        before: before[i]!.color, after: after[i]!.color, scoreBefore: before[i]!.score, scoreAfter: after[i]!.score,
      };
    }).sort((a, b) => a.projectCode.localeCompare(b.projectCode)),
  };
}

async function projectNames(db: DbOrTx, ids: string[]) {
  return new Map((await repo.projectNames(db, ids)).map((r) => [r.id, r]));
}

// ───────────── reading ─────────────

/** Cards as the API gives them: each indicator's threshold from the rule set that made the card (read once per call). */
async function toCardDtos(db: DbOrTx, rows: repo.CardRow[]): Promise<CardDto[]> {
  const ids = [...new Set(rows.map((r) => r.ruleSetId).filter((id): id is number => id != null))];
  const rules = new Map((await repo.ruleSetRules(db, ids)).map((r) => [r.id, normalizeRules(r.rules)]));
  return rows.map((r) => toCardDto(r, (r.ruleSetId != null && rules.get(r.ruleSetId)) || DEFAULT_CARD_RULES));
}

function toCardDto(r: repo.CardRow, rules: CardRules): CardDto {
  return {
    id: r.id,
    projectId: r.projectId,
    projectCode: r.projectCode,
    projectName: r.projectName,
    regionCode: r.regionCode,
    regionName: r.regionName,
    periodId: r.periodId,
    periodLabel: periodLabel(r),
    year: r.year,
    month: r.month,
    color: r.color as CardColor,
    score: Number(r.score),
    ruleVersion: r.ruleVersion,
    indicators: withThresholds(r.indicators, rules),
    overrideColor: (r.overrideColor as CardColor | null) ?? null,
    overrideReason: r.overrideReason,
    overriddenBy: r.overriddenBy,
    overriddenAt: iso(r.overriddenAt),
    effectiveColor: (r.overrideColor ?? r.color) as CardColor,
    computedAt: iso(r.computedAt)!,
    industry: r.industry,
    unitName: r.unitName,
    leaderName: r.leaderName,
  };
}

async function loadCard(db: DbOrTx, p: Principal, id: string, forUpdate = false): Promise<repo.CardRow> {
  const row = await repo.getCard(db, id, forUpdate);
  if (!row) throw notFound('亮牌');
  requireRead(p, row.regionPath, '亮牌');
  return row;
}

export async function getCard(db: DbOrTx, p: Principal, id: string): Promise<CardDto> {
  return (await toCardDtos(db, [await loadCard(db, p, id)]))[0]!;
}

export async function projectCardTimeline(db: DbOrTx, p: Principal, projectId: string): Promise<{ items: CardDto[] }> {
  const path = await repo.projectRegionPath(db, projectId);
  if (path == null) throw notFound('项目');
  requireRead(p, path, '项目');
  return { items: await toCardDtos(db, await repo.projectCards(db, projectId, p.regionPath)) };
}

/** What a card list or summary shows: one period, or a month of several sub-regions' own periods. */
interface CardsView {
  periodIds: string[];
  periodId: string | null;
  month: string;
  label: string;
}

const noView = { periodId: null, periodIds: [], month: null, periodLabel: null };
const viewFields = (v: CardsView) => ({ periodId: v.periodId, periodIds: v.periodIds, month: v.month, periodLabel: v.label });
/** The repository's period filter: one id as itself (an equality the planner reads best), several as a list. */
const periodsOf = (v: CardsView) => (v.periodIds.length === 1 ? v.periodIds[0]! : v.periodIds);

/**
 * The region asked for (in scope; default the caller's) and what of its cards to show: the period
 * given (visible to the caller); or the month given — the period of the region or of a region above
 * it, else each sub-region's own period of the month (a province's month is its cities' periods, as
 * in the cockpit); or, with neither, the latest month with cards in the region, chosen the same way.
 */
async function resolveView(db: DbOrTx, p: Principal, q: { periodId?: string; month?: string; region?: string }) {
  const region = await getRegionInScope(db, p, q.region ?? p.regionCode);
  const one = (period: PeriodRow): CardsView =>
    ({ periodIds: [period.id], periodId: period.id, month: ym(period.year, period.month), label: `${period.regionName}${periodLabel(period)}` });
  if (q.periodId) return { region, view: one(await loadVisiblePeriod(db, p, q.periodId)) };
  const latest = q.month ? parseYm(q.month) : await repo.latestCardMonth(db, region.path);
  if (!latest) return { region, view: null };
  const [year, month] = latest;
  const periods = await cardPeriodsOf(db, region.path, year, month);
  if (!periods.length) return { region, view: null };
  if (periods.length === 1) return { region, view: one((await getPeriodRow(db, periods[0]!.id))!) };
  return { region, view: { periodIds: periods.map((x) => x.id), periodId: null, month: ym(year, month), label: `${year}年${month}月` } };
}

function parseColors(s?: string): CardColor[] | undefined {
  if (!s) return undefined;
  const list = s.split(',').map((x) => x.trim()).filter(Boolean);
  const bad = list.find((x) => !(CARD_COLORS as readonly string[]).includes(x));
  if (bad) throw invalid(`颜色「${bad}」无效，应为 blue、yellow 或 red`, [{ field: 'color', message: `颜色「${bad}」无效，应为 blue、yellow 或 red` }]);
  return list as CardColor[];
}

export async function listCards(db: DbOrTx, p: Principal, q: CardsQuery): Promise<CardList> {
  const colors = parseColors(q.color);
  const { region, view } = await resolveView(db, p, q);
  if (!view) return { ...noView, items: [], total: 0, page: q.page, pageSize: q.pageSize };
  const { rows, total } = await repo.listCards(db, { periodId: periodsOf(view), regionPath: region.path, colors, q: q.q }, q.sort, q.page, q.pageSize);
  const dtos = await toCardDtos(db, rows);
  return {
    ...viewFields(view),
    items: dtos.map((d, i) => ({ ...d, rank: rows[i]!.rank! })),
    total,
    page: q.page,
    pageSize: q.pageSize,
  };
}

/**
 * The colour counts and the lowest-scored red cards of one or more periods in a region the caller may
 * see (checked by the caller): the cockpit, where a province's month is each city's own period.
 */
export async function cardsAcrossPeriods(
  db: DbOrTx, periodIds: string[], region: { path: string }, redLimit: number,
): Promise<{ total: ColorCounts; red: CardDto[] }> {
  const { counts, red } = await repo.countsAndLowestRed(db, { periodId: periodIds, regionPath: region.path }, redLimit);
  return { total: counts, red: await toCardDtos(db, red) };
}

export async function cardsSummary(db: DbOrTx, p: Principal, q: CardsSummaryQuery): Promise<CardsSummary> {
  const { region, view } = await resolveView(db, p, q);
  const groupBy = q.groupBy ?? 'region';
  if (!view) return { ...noView, groupBy, total: countColors([]), rows: [] };
  const rows = await repo.summary(db, { periodId: periodsOf(view), regionPath: region.path, regionCode: region.code }, groupBy);
  const label = (r: repo.SummaryRow) =>
    r.label ?? (r.key === 'none' ? '未填写' : groupBy === 'industry' ? (INDUSTRY_LABELS[r.key as Industry] ?? r.key) : r.key);
  const total = addUpColors(rows);
  return {
    ...viewFields(view),
    groupBy,
    total,
    rows: rows.map((r) => ({
      key: r.key, label: label(r), blue: r.blue, yellow: r.yellow, red: r.red, total: r.total,
      avgScore: r.avgScore == null ? null : Number(r.avgScore),
    })),
  };
}

// ───────────── override ─────────────

export async function overrideCard(db: Db, p: Principal, id: string, input: { color: CardColor; reason: string }): Promise<CardDto> {
  requireOffice(p);
  await db.transaction(async (tx) => {
    const row = await loadCard(tx, p, id, true);
    requireOffice(p, row.regionPath);
    await repo.setOverride(tx, id, { color: input.color, reason: input.reason, userId: p.id });
    await recordAudit(tx, p, {
      action: 'card.overridden', entityType: 'card', entityId: id, projectId: row.projectId, regionPath: row.regionPath,
      before: { color: row.color, overrideColor: row.overrideColor, overrideReason: row.overrideReason },
      after: { color: row.color, overrideColor: input.color, overrideReason: input.reason },
      note: `${row.projectName}${periodLabel(row)}亮牌由${CARD_COLOR_LABELS[(row.overrideColor ?? row.color) as CardColor]}调整为${CARD_COLOR_LABELS[input.color]}：${input.reason}`,
    });
  });
  return getCard(db, p, id);
}

export async function clearOverride(db: Db, p: Principal, id: string, reason: string): Promise<CardDto> {
  requireOffice(p);
  await db.transaction(async (tx) => {
    const row = await loadCard(tx, p, id, true);
    requireOffice(p, row.regionPath);
    if (!row.overrideColor) throw conflict('该亮牌没有人工调整，无需撤销');
    await repo.setOverride(tx, id, { color: null, reason: null, userId: null });
    await recordAudit(tx, p, {
      action: 'card.override_cleared', entityType: 'card', entityId: id, projectId: row.projectId, regionPath: row.regionPath,
      before: { color: row.color, overrideColor: row.overrideColor, overrideReason: row.overrideReason },
      after: { color: row.color, overrideColor: null },
      note: `${row.projectName}${periodLabel(row)}撤销人工调整，恢复为${CARD_COLOR_LABELS[row.color as CardColor]}：${reason}`,
    });
  });
  return getCard(db, p, id);
}


