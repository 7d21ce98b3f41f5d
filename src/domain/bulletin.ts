// The monthly bulletin's words (月度通报): its number, title and opening paragraph, and the note of
// what differs between the figures it was issued with and the figures now. Pure: the figures come
// from the statistics (GET /stats), the cards and the roadblocks; nothing here computes a rate.
import { formatRate, type Rate } from './kpi.ts';
import { formatWan, formatYi } from './money.ts';

export interface BulletinRegionName {
  name: string;
  shortName: string;
  level: string;
}

/** 聊城市 → 聊城市重点项目推进工作领导小组办公室 and 聊重推办, until the office sets its own. */
export function defaultBulletinSettings(r: BulletinRegionName): { issuingOffice: string; numberPrefix: string } {
  const first = (r.shortName || r.name).slice(0, 1);
  return { issuingOffice: `${r.name}重点项目推进工作领导小组办公室`, numberPrefix: `${first}重推办` };
}

/** 聊重推办〔2024〕11号 */
export function bulletinNumber(prefix: string, year: number, seq: number): string {
  return `${prefix}〔${year}〕${seq}号`;
}

/** How a document names the whole of its region: 全省, 全市, 全县, 全区. */
export function wholeRegionWord(r: { name: string; level: string }): string {
  if (r.level === 'province') return '全省';
  if (r.level === 'city') return '全市';
  if (r.level === 'park') return '全区';
  const last = r.name.slice(-1);
  return last === '县' ? '全县' : last === '市' ? '全市' : last === '旗' ? '全旗' : '全区';
}

/** The heading of the sub-region column: a city's counties, a province's cities. */
export function subRegionWord(level: string): string {
  if (level === 'province') return '市';
  if (level === 'city') return '县（市、区）';
  return '区域';
}

/** Who a bulletin is addressed to (主送机关), by the level of the issuing region. */
export function recipientsLine(r: { name: string; level: string }): string {
  if (r.level === 'province') return '各市人民政府，省直有关部门：';
  if (r.level === 'city') return '各县（市、区）人民政府，市属开发区管委会，市直有关部门：';
  const own = r.level === 'park' ? '区' : wholeRegionWord(r).slice(1);
  return `各乡镇人民政府、街道办事处，${own}直有关部门：`;
}

export function bulletinTitle(year: number, month: number, r: { name: string; level: string }): string {
  return `关于${year}年${month}月${wholeRegionWord(r)}重点项目推进情况的通报`;
}

/** "1—11月", or "1月" in January. */
export function monthsText(month: number): string {
  return month === 1 ? '1月' : `1—${month}月`;
}

/** A gap (fraction) in percentage points, one decimal: 0.052 → "5.2". */
export function points(gap: number): string {
  return Math.abs(gap * 100).toFixed(1);
}

/** "高于序时进度2.3个百分点" / "低于…" / "与序时进度持平"; empty when there is no figure. */
export function gapWords(gap: Rate): string {
  if (gap == null) return '';
  if (points(gap) === '0.0') return '与序时进度持平';
  return `${gap > 0 ? '高于' : '低于'}序时进度${points(gap)}个百分点`;
}

/** A gap for a table cell: "+2.3", "-4.0", "—". */
export function gapCell(gap: Rate): string {
  if (gap == null) return '—';
  const p = points(gap);
  return p === '0.0' ? '0.0' : `${gap > 0 ? '+' : '-'}${p}`;
}

/** 万元 for a table cell, two decimals, grouped: "12,345.60". */
export function wanCell(v: string | null | undefined): string {
  return v == null ? '—' : formatWan(v).slice(0, -2);
}

export interface OpeningFigures {
  regionName: string;
  regionLevel: string;
  month: number;
  projectCount: number;
  ytdInvestment: string;
  annualCompletionRate: Rate;
  gap: Rate;
  ytdFundsArrived: string;
  fundArrivalRate: Rate;
  startRate: Rate;
  started: number;
  dueToStart: number;
  /** Sub-regions ahead of / behind time-elapsed progress. */
  ahead: number;
  lagging: number;
  subRegions: number;
  cards: { red: number; yellow: number; blue: number };
  overdueProblems: number;
}

/** The opening paragraph: the period's figures in words. */
export function openingParagraph(f: OpeningFigures): string {
  const whole = wholeRegionWord({ name: f.regionName, level: f.regionLevel });
  const parts: string[] = [];
  let first = `${monthsText(f.month)}，${whole}${f.projectCount}个重点项目完成投资${formatYi(f.ytdInvestment)}`;
  if (f.annualCompletionRate != null) first += `，占年度计划的${formatRate(f.annualCompletionRate)}`;
  const gw = gapWords(f.gap);
  if (gw) first += `，${gw}`;
  parts.push(first);
  if (f.fundArrivalRate != null) parts.push(`到位资金${formatYi(f.ytdFundsArrived)}，资金到位率${formatRate(f.fundArrivalRate)}`);
  if (f.dueToStart > 0) parts.push(`计划年内开工的${f.dueToStart}个项目已开工${f.started}个，开工率${formatRate(f.startRate)}`);
  let text = `${parts.join('；')}。`;
  if (f.subRegions > 0) {
    const ahead = f.ahead > 0 ? `${f.ahead}个快于序时进度` : '无快于序时进度的';
    const behind = f.lagging > 0 ? `${f.lagging}个滞后于序时进度` : '无滞后于序时进度的';
    text += `${f.subRegions}个${subRegionWord(f.regionLevel)}中，${ahead}，${behind}。`;
  }
  const { red, yellow, blue } = f.cards;
  if (red + yellow + blue > 0) text += `本期亮红牌${red}个、黄牌${yellow}个、蓝牌${blue}个`;
  else text += '本期尚无亮牌结果';
  text += f.overdueProblems > 0 ? `；逾期未办结问题${f.overdueProblems}个。` : '；无逾期未办结问题。';
  return text;
}

/** The parts of a bulletin's frozen figures the opening paragraph reads. */
export interface OpeningSource {
  region: { name: string; level: string };
  period: { month: number };
  total: Pick<OpeningFigures, 'projectCount' | 'ytdInvestment' | 'annualCompletionRate' | 'gap' | 'ytdFundsArrived' | 'fundArrivalRate' | 'startRate' | 'started' | 'dueToStart'>;
  regions: { annualCompletionRate: Rate; progressStatus: string | null }[];
  cards: { counts: { red: number; yellow: number; blue: number } };
  problems: { overdue: number };
}

/** The opening paragraph of a bulletin from its frozen figures (the Word document and the page). */
export function openingOf(f: OpeningSource): string {
  const t = f.total;
  return openingParagraph({
    regionName: f.region.name, regionLevel: f.region.level, month: f.period.month, projectCount: t.projectCount,
    ytdInvestment: t.ytdInvestment, annualCompletionRate: t.annualCompletionRate, gap: t.gap, ytdFundsArrived: t.ytdFundsArrived,
    fundArrivalRate: t.fundArrivalRate, startRate: t.startRate, started: t.started, dueToStart: t.dueToStart,
    ahead: f.regions.filter((r) => r.progressStatus === 'ahead').length,
    lagging: f.regions.filter((r) => r.progressStatus === 'lagging').length,
    subRegions: f.regions.filter((r) => r.annualCompletionRate != null).length,
    cards: f.cards.counts, overdueProblems: f.problems.overdue,
  });
}

// ───────────── what changed since the bulletin was issued ─────────────

export interface ComparableRow {
  key: string;
  label: string;
  projectCount: number;
  annualPlan: string;
  ytdInvestment: string;
  annualCompletionRate: Rate;
  gap: Rate;
  rank: number | null;
}

export interface ComparableCard {
  projectId: string;
  code: string;
  name: string;
  color: string;
}

export interface ComparableProject {
  id: string;
  code: string;
  name: string;
  annualPlan: string;
  ytdInvestment: string;
}

export interface Comparable {
  total: ComparableRow;
  regions: ComparableRow[];
  /** Red and yellow cards. */
  cards: ComparableCard[];
  projects: ComparableProject[];
  overdueProblems: number;
}

export type ChangeKind = 'total' | 'region' | 'card' | 'project' | 'problems';
export interface Change {
  kind: ChangeKind;
  text: string;
}

const COLOR_WORDS: Record<string, string> = { red: '红牌', yellow: '黄牌', blue: '蓝牌' };
const rankText = (r: number | null) => (r == null ? '—' : `第${r}名`);

/** Each figure of a row as it is printed, so a change shows only where the printed number differs. */
const ROW_FIELDS: { label: string; show: (r: ComparableRow) => string }[] = [
  { label: '项目数', show: (r) => `${r.projectCount}个` },
  { label: '年度计划投资', show: (r) => formatWan(r.annualPlan) },
  { label: '本年累计完成投资', show: (r) => formatWan(r.ytdInvestment) },
  { label: '年度完成率', show: (r) => formatRate(r.annualCompletionRate) },
  { label: '与序时进度差距', show: (r) => (r.gap == null ? '—' : `${gapCell(r.gap)}个百分点`) },
  { label: '排名', show: (r) => rankText(r.rank) },
];

function rowChanges(kind: ChangeKind, name: string, was: ComparableRow, now: ComparableRow, skipRank: boolean): Change[] {
  const out: Change[] = [];
  for (const f of ROW_FIELDS) {
    if (skipRank && f.label === '排名') continue;
    const a = f.show(was);
    const b = f.show(now);
    if (a !== b) out.push({ kind, text: `${name} ${f.label} 由 ${a} 变为 ${b}` });
  }
  return out;
}

/**
 * What differs now from the frozen figures, in sentences such as "东昌府区 年度完成率 由 85.2% 变为
 * 86.0%". Project lines are many: at most `projectLimit` are spelled out, the rest counted.
 */
export function diffBulletin(was: Comparable, now: Comparable, projectLimit = 20): { items: Change[]; moreProjects: number } {
  const items: Change[] = [...rowChanges('total', was.total.label, was.total, now.total, true)];
  const nowRegions = new Map(now.regions.map((r) => [r.key, r]));
  for (const r of was.regions) {
    const n = nowRegions.get(r.key);
    if (!n) items.push({ kind: 'region', text: `${r.label} 已不在统计范围内` });
    else items.push(...rowChanges('region', r.label, r, n, false));
  }
  const wasKeys = new Set(was.regions.map((r) => r.key));
  for (const n of now.regions) if (!wasKeys.has(n.key)) items.push({ kind: 'region', text: `新增统计区域 ${n.label}` });

  const wasCards = new Map(was.cards.map((c) => [c.projectId, c]));
  const nowCards = new Map(now.cards.map((c) => [c.projectId, c]));
  for (const c of was.cards) {
    const n = nowCards.get(c.projectId);
    if (n?.color !== c.color) items.push({ kind: 'card', text: `${c.name}（${c.code}） 由 ${COLOR_WORDS[c.color]} 变为 ${n ? COLOR_WORDS[n.color] : '非红黄牌'}` });
  }
  for (const n of now.cards) {
    if (!wasCards.has(n.projectId)) items.push({ kind: 'card', text: `${n.name}（${n.code}） 由 非红黄牌 变为 ${COLOR_WORDS[n.color]}` });
  }

  const nowProjects = new Map(now.projects.map((p) => [p.id, p]));
  const projectLines: Change[] = [];
  for (const p of was.projects) {
    const n = nowProjects.get(p.id);
    const name = `${p.name}（${p.code}）`;
    if (!n) {
      projectLines.push({ kind: 'project', text: `${name} 已不在统计范围内` });
      continue;
    }
    for (const [label, a, b] of [['年度计划投资', p.annualPlan, n.annualPlan], ['本年累计完成投资', p.ytdInvestment, n.ytdInvestment]] as const) {
      if (formatWan(a) !== formatWan(b)) projectLines.push({ kind: 'project', text: `${name} ${label} 由 ${formatWan(a)} 变为 ${formatWan(b)}` });
    }
  }
  const wasProjects = new Set(was.projects.map((p) => p.id));
  for (const n of now.projects) if (!wasProjects.has(n.id)) projectLines.push({ kind: 'project', text: `新增统计项目 ${n.name}（${n.code}）` });
  items.push(...projectLines.slice(0, projectLimit));

  if (was.overdueProblems !== now.overdueProblems) {
    items.push({ kind: 'problems', text: `逾期未办结问题 由 ${was.overdueProblems} 个 变为 ${now.overdueProblems} 个` });
  }
  return { items, moreProjects: Math.max(0, projectLines.length - projectLimit) };
}
