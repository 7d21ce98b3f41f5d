// Reads each data row into values, checks it, and compares it with the project of the same code:
// create, update (field by field, before → after), unchanged, or error (with row + column + why).
import Decimal from 'decimal.js';
import { LEDGER_HEADERS, type LedgerField } from '../../../contract/ledger.ts';
import type { Stage } from '../../../domain/enums.ts';
import { CATEGORY_LABELS, INDUSTRY_LABELS, LEVEL_LABELS, STAGE_LABELS } from '../../../domain/labels.ts';
import { canTransition, hasReached } from '../../../domain/lifecycle.ts';
import { moneyEquals } from '../../../domain/money.ts';
import {
  errorCell, isErrorCell, parseCategory, parseCoordinate, parseDateCell, parseIndustry, parseLevel, parseMoneyCell, parseNameList, parseStage,
  parseTags, parseTextCell, text, type CellResult,
} from '../../io/ledger-cells.ts';
import type { Plain } from '../../io/xlsx-read.ts';
import { inScope } from '../access/access.policy.ts';
import type { Principal } from '../access/principal.ts';
import type { Column } from './ledger.headers.ts';
import { pickLeader, type Lookups } from './ledger.lookups.ts';
import type { ExistingProject } from './ledger.repo.ts';
import type { Change, Problem, RowPlan, RowValues } from './ledger.types.ts';

const REQUIRED_ON_CREATE: LedgerField[] = ['name', 'region', 'level', 'category', 'industry', 'totalInvestment'];

/** Rows that are not projects: totals, and the template's example row. */
export function isSkippableRow(cells: Plain[], columns: Column[]): boolean {
  const codeCol = columns.find((c) => c.field === 'code');
  const code = codeCol ? text(cells[codeCol.index] ?? null) : '';
  if (code.startsWith('示例')) return true;
  if (code) return false;
  return columns.slice(0, 4).some((c) => /^(合计|总计|小计|总合计)/.test(text(cells[c.index] ?? null).replace(/\s+/g, '')));
}

function parseCell(field: LedgerField, v: Plain, col: Column, lookups: Lookups): CellResult<RowValues[LedgerField]> {
  const what = LEDGER_HEADERS[field].replace(/\(.*\)$/, '');
  if (isErrorCell(v)) return { ok: false, message: errorCell(what, v.error) };
  switch (field) {
    case 'code': return parseTextCell(v, what, 40);
    case 'name': return parseTextCell(v, what, 200, 2);
    case 'owner': case 'responsibleUnit': return parseTextCell(v, what, 100, 2);
    case 'leader': return parseTextCell(v, what, 50);
    case 'constructionContent': return parseTextCell(v, what, 4000);
    case 'level': return parseLevel(v);
    case 'category': return parseCategory(v);
    case 'industry': return parseIndustry(v);
    case 'stage': return parseStage(v);
    case 'totalInvestment': case 'annualPlan': return parseMoneyCell(v, col.scale, what);
    case 'plannedStart': case 'plannedCompletion': case 'plannedProduction': case 'actualStart': return parseDateCell(v, what);
    case 'longitude': case 'latitude': return parseCoordinate(v, field);
    case 'tags': return parseTags(v);
    case 'region': {
      const t = text(v);
      if (!t) return { ok: true, value: null };
      const r = lookups.regions.resolve(t);
      return r.ok ? { ok: true, value: r.value } : { ok: false, message: r.message };
    }
    case 'batch': {
      const names = parseNameList(v);
      if (!names.length) return { ok: true, value: null };
      const missing = names.filter((n) => !lookups.batches.has(n));
      if (missing.length) return { ok: false, message: `集中开工批次「${missing.join('、')}」不存在或不在您的管辖范围内，请先在「集中开工」中建立批次` };
      return { ok: true, value: names.map((n) => lookups.batches.get(n)![0]!) };
    }
  }
}

export interface PlanContext {
  principal: Principal;
  lookups: Lookups;
  columns: Column[];
  /** Row number where each code was first seen in this file. */
  seenCodes: Map<string, number>;
}

export function planRow(row: number, cells: Plain[], ctx: PlanContext): RowPlan {
  const values: Partial<Record<LedgerField, unknown>> = {};
  const problems: Problem[] = [];
  const colOf = new Map<LedgerField, Column>();
  for (const col of ctx.columns) {
    if (!col.field || colOf.has(col.field)) continue;
    colOf.set(col.field, col);
    const r = parseCell(col.field, cells[col.index] ?? null, col, ctx.lookups);
    if (!r.ok) problems.push({ row, column: col.header, field: col.field, message: r.message });
    else if (r.value !== null) values[col.field] = r.value;
  }
  const v = values as Partial<RowValues>;
  const plan: RowPlan = { row, code: v.code ?? null, name: v.name ?? null, action: 'error', values: v, existing: null, changes: [], problems, transition: null };
  const problem = (field: LedgerField, message: string) => {
    const col = colOf.get(field);
    problems.push({ row, column: col?.header ?? LEDGER_HEADERS[field], field, message: col ? message : `${message}（文件中没有该列）` });
  };

  if (!v.code) {
    if (!problems.some((p) => p.field === 'code')) problem('code', '项目编码不能为空');
    return plan;
  }
  const first = ctx.seenCodes.get(v.code);
  if (first !== undefined) problem('code', `项目编码「${v.code}」与第 ${first} 行重复`);
  else ctx.seenCodes.set(v.code, row);

  const existing = ctx.lookups.projects.get(v.code) ?? null;
  if (existing && !inScope(ctx.principal, existing.regionPath)) {
    problem('code', `项目编码「${v.code}」已被其他区域使用，不能在此导入`);
    return plan;
  }
  plan.existing = existing;
  if (!existing) {
    for (const f of REQUIRED_ON_CREATE) {
      if (values[f] === undefined && !problems.some((p) => p.field === f)) problem(f, `新建项目须填写${LEDGER_HEADERS[f].replace(/\(.*\)$/, '')}`);
    }
  }

  const stage: Stage = v.stage ?? (existing?.stage as Stage | undefined) ?? 'preparation';
  if (existing && v.stage && v.stage !== existing.stage) {
    if (canTransition(existing.stage as Stage, v.stage, existing.pausedFrom as Stage | null)) {
      plan.transition = { from: existing.stage as Stage, to: v.stage };
    } else {
      problem('stage', `项目阶段不能从「${STAGE_LABELS[existing.stage as Stage]}」直接变更为「${STAGE_LABELS[v.stage]}」`);
    }
  } else if (!existing) {
    plan.transition = { from: null, to: stage };
  }
  if (v.actualStart && !hasReached(stage, 'started') && stage !== 'paused' && stage !== 'withdrawn') {
    problem('actualStart', `已填写实际开工日期，但当前阶段为「${STAGE_LABELS[stage]}」，请核对阶段`);
  }
  if (v.leader && v.leader !== existing?.leader) {
    const projectPath = v.region?.path ?? existing?.regionPath ?? ctx.principal.regionPath;
    const leader = pickLeader(ctx.lookups.leaders.get(v.leader), projectPath);
    if (leader === 'ambiguous') problem('leader', `有多位名为「${v.leader}」的领导，无法确定是哪一位，请导入后在项目档案中选择`);
    else if (leader) plan.leaderPersonId = leader.id;
  }
  const start = v.plannedStart ?? existing?.plannedStart;
  const completion = v.plannedCompletion ?? existing?.plannedCompletion;
  if (start && completion && completion < start) problem('plannedCompletion', '计划竣工日期早于计划开工日期');

  if (problems.length) return plan;
  if (!existing) {
    plan.action = 'create';
    return plan;
  }
  plan.changes = diff(v, existing, colOf, ctx.lookups);
  plan.action = plan.changes.length ? 'update' : 'unchanged';
  return plan;
}

function diff(v: Partial<RowValues>, e: ExistingProject, colOf: Map<LedgerField, Column>, lookups: Lookups): Change[] {
  const changes: Change[] = [];
  const add = (field: LedgerField, before: string | null, after: string | null) =>
    changes.push({ field, column: colOf.get(field)?.header ?? LEDGER_HEADERS[field], before, after });
  const strField = (f: 'name' | 'owner' | 'responsibleUnit' | 'leader' | 'constructionContent' | 'plannedStart' | 'plannedCompletion' | 'plannedProduction' | 'actualStart') => {
    const now = v[f];
    if (now !== undefined && now !== (e[f] ?? null)) add(f, e[f] ?? null, now);
  };
  strField('name');
  if (v.region && v.region.code !== e.regionCode) add('region', lookups.regions.byCode.get(e.regionCode)?.name ?? e.regionCode, v.region.name);
  strField('owner');
  strField('responsibleUnit');
  strField('leader');
  if (v.level && v.level !== e.level) add('level', LEVEL_LABELS[e.level as keyof typeof LEVEL_LABELS] ?? e.level, LEVEL_LABELS[v.level]);
  if (v.category && v.category !== e.category) add('category', CATEGORY_LABELS[e.category as keyof typeof CATEGORY_LABELS] ?? e.category, CATEGORY_LABELS[v.category]);
  if (v.industry && v.industry !== e.industry) add('industry', INDUSTRY_LABELS[e.industry as keyof typeof INDUSTRY_LABELS] ?? e.industry, INDUSTRY_LABELS[v.industry]);
  strField('constructionContent');
  if (v.totalInvestment !== undefined && !moneyEquals(v.totalInvestment, e.totalInvestment)) add('totalInvestment', money(e.totalInvestment), v.totalInvestment);
  if (v.annualPlan !== undefined && !moneyEquals(v.annualPlan, e.annualPlan)) add('annualPlan', money(e.annualPlan), v.annualPlan);
  strField('plannedStart');
  strField('plannedCompletion');
  strField('plannedProduction');
  if (v.stage && v.stage !== e.stage) add('stage', STAGE_LABELS[e.stage as Stage] ?? e.stage, STAGE_LABELS[v.stage]);
  strField('actualStart');
  if (v.batch) {
    const added = v.batch.filter((b) => !e.batchIds.includes(b.id));
    if (added.length) add('batch', null, added.map((b) => b.name).join('、'));
  }
  for (const f of ['longitude', 'latitude'] as const) {
    const now = v[f];
    if (now !== undefined && (e[f] == null || !new Decimal(now).equals(e[f]!))) add(f, e[f] == null ? null : new Decimal(e[f]!).toString(), new Decimal(now).toString());
  }
  if (v.tags && !sameSet(v.tags, e.tags)) add('tags', e.tags.join('、') || null, v.tags.join('、'));
  return changes;
}

const money = (s: string | null) => (s == null ? null : new Decimal(s).toString());
const sameSet = (a: string[], b: string[]) => a.length === b.length && a.every((x) => b.includes(x));
