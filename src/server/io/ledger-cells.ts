// Turns one ledger cell into a value of its field, or a message in Chinese saying what is wrong.
// Pure: names of regions, orgs, people and batches are resolved later, against the database.
import Decimal from 'decimal.js';
import { parseDate } from '../../domain/dates.ts';
import { CATEGORIES, INDUSTRIES, LEVELS, STAGES, type Category, type Industry, type Level, type Stage } from '../../domain/enums.ts';
import { CATEGORY_LABELS, INDUSTRY_LABELS, LEVEL_LABELS, matchLabel, STAGE_LABELS } from '../../domain/labels.ts';
import { parseMoney } from '../../domain/money.ts';
import type { MoneyScale } from './ledger-columns.ts';
import { cellText, type Plain } from './xlsx-read.ts';

export type CellResult<T> = { ok: true; value: T | null } | { ok: false; message: string };

const LEVEL_EXTRA: Record<string, Level> = {
  省重点: 'provincial', 省重点项目: 'provincial', 省级重点项目: 'provincial', 省级重点: 'provincial', 省: 'provincial', 省重大项目: 'provincial', 省级重大项目: 'provincial',
  市重点: 'municipal', 市重点项目: 'municipal', 市级重点项目: 'municipal', 市级重点: 'municipal', 市: 'municipal', 市重大项目: 'municipal',
  县重点: 'county', 县重点项目: 'county', 县级重点项目: 'county', 县级重点: 'county', 县: 'county', 区级: 'county', 区重点: 'county', 区级重点项目: 'county', '县(区)级': 'county',
};
const CATEGORY_EXTRA: Record<string, Category> = {
  产业: 'industrial', 产业项目: 'industrial', 工业: 'industrial', 工业项目: 'industrial', 产业类项目: 'industrial',
  基础设施: 'infrastructure', 基础设施项目: 'infrastructure', 基础设施类项目: 'infrastructure', 基建: 'infrastructure',
  社会民生: 'social', 民生: 'social', 社会事业: 'social', 民生类: 'social', 社会民生项目: 'social', 社会事业类: 'social',
};
const INDUSTRY_EXTRA: Record<string, Industry> = {
  化工: 'chemicals', 新材料: 'chemicals', 高端化工: 'chemicals', 装备制造: 'equipment', 高端装备: 'equipment', 机床: 'equipment',
  新能源: 'new_energy', 锂电池: 'new_energy', 锂电: 'new_energy', 食品: 'food', 食品加工业: 'food', 农副食品加工: 'food',
  集成电路: 'semiconductors', 数字经济: 'digital', 信息技术: 'digital', 大数据: 'digital', 农业: 'agriculture', 现代农业: 'agriculture',
  物流: 'logistics', 商贸物流: 'logistics', 文旅: 'tourism', 文化旅游: 'tourism', 旅游: 'tourism', 基础设施: 'infrastructure',
  民生: 'livelihood', 社会事业: 'livelihood',
};
const STAGE_EXTRA: Record<string, Stage> = {
  谋划: 'reserve', 谋划储备: 'reserve', 储备项目: 'reserve', 前期工作: 'preparation', 前期手续: 'preparation', 手续办理: 'preparation',
  已开工: 'started', 新开工: 'started', 续建: 'construction', 在建项目: 'construction', 建设中: 'construction',
  已竣工: 'completed', 完工: 'completed', 已投产: 'production', 投产达效: 'production', 达产: 'production',
  停建: 'paused', 缓建: 'paused', 停工: 'paused', 已调出: 'withdrawn', 退出: 'withdrawn',
};

export const errorCell = (what: string, error: string) => `${what}单元格为错误值（${error}），请修正公式或改填数值`;

export const isErrorCell = (v: Plain): v is { error: string } => v != null && typeof v === 'object' && !(v instanceof Date);

/** Text as written, without the apostrophe our export puts before = + - @ to keep formulas inert. */
export function text(v: Plain): string {
  const s = cellText(v);
  return /^'[=+\-@\t\r]/.test(s) ? s.slice(1) : s;
}

export function parseEnum<K extends string>(
  v: Plain, labels: Record<K, string>, codes: readonly K[], extra: Record<string, K>, what: string,
): CellResult<K> {
  const t = text(v).replace(/\s+/g, '');
  if (!t) return { ok: true, value: null };
  const m = matchLabel(labels, t, extra) ?? matchLabel(labels, t.replace(/(重点)?项目$/, ''), extra);
  if (m && codes.includes(m)) return { ok: true, value: m };
  return { ok: false, message: `${what}「${t}」无法识别，应为：${codes.map((c) => labels[c]).join('、')}` };
}

export const parseLevel = (v: Plain) => parseEnum(v, LEVEL_LABELS, LEVELS, LEVEL_EXTRA, '项目级别');
export const parseCategory = (v: Plain) => parseEnum(v, CATEGORY_LABELS, CATEGORIES, CATEGORY_EXTRA, '项目类别');
export const parseIndustry = (v: Plain) => parseEnum(v, INDUSTRY_LABELS, INDUSTRIES, INDUSTRY_EXTRA, '所属行业');
export const parseStage = (v: Plain) => parseEnum(v, STAGE_LABELS, STAGES, STAGE_EXTRA, '当前阶段');

export function parseMoneyCell(v: Plain, scale: MoneyScale, what: string): CellResult<string> {
  if (v == null || (typeof v === 'string' && !text(v))) return { ok: true, value: null };
  if (typeof v === 'object' && !(v instanceof Date)) return { ok: false, message: errorCell(what, v.error) };
  if (v instanceof Date || typeof v === 'boolean') return { ok: false, message: `${what}应为以万元计的数字` };
  const raw = typeof v === 'number' ? v : text(v);
  const r = parseMoney(raw);
  if (!r.ok) {
    const message = r.error === 'negative' ? `${what}不能为负数` : r.error === 'too_large' ? `${what}超出允许范围` : `${what}「${cellText(v)}」不是有效金额，应为以万元计的数字`;
    return { ok: false, message };
  }
  // A column in 亿元 scales every bare number; a cell that says "12亿" already carries its unit.
  const carriesUnit = typeof raw === 'string' && /[万亿]元?$/.test(raw);
  if (scale === 1 || carriesUnit) return { ok: true, value: r.value };
  const scaled = parseMoney(new Decimal(r.value).times(scale).toFixed());
  return scaled.ok ? { ok: true, value: scaled.value } : { ok: false, message: `${what}超出允许范围` };
}

export function parseDateCell(v: Plain, what: string): CellResult<string> {
  if (v != null && typeof v === 'object' && !(v instanceof Date)) return { ok: false, message: errorCell(what, v.error) };
  const r = parseDate(typeof v === 'string' ? text(v) : v);
  // "2024" alone reads as Excel day 2024 (a day in 1905): no key project is dated before 1949.
  if (!r.ok || (r.value !== null && r.value < '1949-10-01')) {
    return { ok: false, message: `${what}「${cellText(v)}」不是有效日期，应为 2024-09-01、2024/9/1 或 2024年9月` };
  }
  return { ok: true, value: r.value };
}

/** Longitude and latitude of a site in China, six decimals as stored. */
export function parseCoordinate(v: Plain, axis: 'longitude' | 'latitude'): CellResult<string> {
  const t = typeof v === 'number' ? String(v) : text(v);
  if (!t) return { ok: true, value: null };
  const [min, max, what] = axis === 'longitude' ? [73, 136, '经度'] : [3, 54, '纬度'];
  if (!/^[-+]?\d+(\.\d+)?$/.test(t)) return { ok: false, message: `${what}「${t}」应为数字（度）` };
  const d = new Decimal(t);
  if (d.lessThan(min) || d.greaterThan(max)) return { ok: false, message: `${what}应在 ${min} 到 ${max} 之间` };
  return { ok: true, value: d.toDecimalPlaces(6, Decimal.ROUND_HALF_UP).toFixed(6) };
}

/** Tags written as "外资、招商引资" or "外资,招商引资" or with spaces. */
export function parseTags(v: Plain): CellResult<string[]> {
  const t = text(v);
  if (!t) return { ok: true, value: null };
  const tags = [...new Set(t.split(/[，,、;；/\s]+/).map((s) => s.trim()).filter(Boolean))];
  const long = tags.find((s) => s.length > 30);
  if (long) return { ok: false, message: `标签「${long}」过长，每个标签最多 30 个字` };
  if (tags.length > 20) return { ok: false, message: '标签最多 20 个' };
  return { ok: true, value: tags };
}

/** Batch names: one or several separated by 、；; */
export function parseNameList(v: Plain): string[] {
  return [...new Set(text(v).split(/[、;；\n]+/).map((s) => s.trim()).filter(Boolean))];
}

export function parseTextCell(v: Plain, what: string, max: number, min = 1): CellResult<string> {
  if (v != null && typeof v === 'object' && !(v instanceof Date)) return { ok: false, message: errorCell(what, v.error) };
  const t = text(v);
  if (!t) return { ok: true, value: null };
  if (t.length < min) return { ok: false, message: `${what}至少 ${min} 个字` };
  if (t.length > max) return { ok: false, message: `${what}最长 ${max} 个字` };
  return { ok: true, value: t };
}
