// Recognises the header row of a county ledger: the same column goes by many names (项目单位 /
// 建设单位 / 业主单位 …), with full-width parentheses, line breaks, required-marks and units.
import { createHash } from 'node:crypto';
import type { LedgerField } from '../../contract/ledger.ts';

/** Header names (normalised, without unit) that mean each field. */
const VARIANTS: Record<LedgerField, string[]> = {
  code: ['项目编码', '项目代码', '项目编号', '编码', '编号', '代码', '统一项目代码', '项目统一代码', '投资项目代码', '项目赋码'],
  name: ['项目名称', '名称', '项目'],
  region: ['所属区域', '区域', '县区', '县(市、区)', '县(市,区)', '县(市区)', '县市区', '县(市、区、园区)', '所在区域', '所属县区', '所在县区', '属地', '所属地区', '行政区划', '区域代码', '所在地'],
  owner: ['项目单位', '建设单位', '业主单位', '项目业主', '项目建设单位', '项目法人', '项目法人单位', '实施单位'],
  responsibleUnit: ['责任单位', '牵头单位', '主体责任单位', '责任主体', '牵头责任单位'],
  leader: ['包靠领导', '包挂领导', '帮包领导', '责任领导', '分包领导', '包保领导', '联系领导', '包靠市级领导', '包靠县级领导', '包联领导'],
  level: ['项目级别', '级别', '项目层级', '层级', '重点项目级别'],
  category: ['项目类别', '类别', '项目类型', '类型', '项目分类'],
  industry: ['所属行业', '行业', '行业类别', '产业类别', '所属产业', '行业领域', '产业领域', '产业类型'],
  constructionContent: ['建设内容', '建设规模及内容', '建设内容及规模', '主要建设内容', '建设规模和内容', '建设规模与内容'],
  totalInvestment: ['总投资', '计划总投资', '项目总投资', '总投资额'],
  annualPlan: ['年度计划投资', '年度计划', '年度投资计划', '本年计划投资', '年计划投资', '本年度计划投资', '年度计划完成投资'],
  plannedStart: ['计划开工日期', '计划开工时间', '开工时间', '开工日期', '计划开工'],
  plannedCompletion: ['计划竣工日期', '计划竣工时间', '竣工时间', '竣工日期', '计划竣工', '计划完工时间', '计划完工日期'],
  plannedProduction: ['计划投产日期', '计划投产时间', '投产时间', '投产日期', '计划投产', '计划投用时间'],
  stage: ['当前阶段', '阶段', '项目阶段', '建设阶段', '项目进展阶段', '项目状态', '状态'],
  actualStart: ['实际开工日期', '实际开工时间'],
  batch: ['集中开工批次', '开工批次', '批次', '集中开工活动', '所属批次'],
  longitude: ['经度'],
  latitude: ['纬度'],
  tags: ['标签', '项目标签'],
};

/** Columns county files carry that mean nothing to the ledger: recognised, and left alone. */
const IGNORED = new Set(['序号', '排序']);

const BY_NAME = new Map<string, LedgerField>();
for (const [field, names] of Object.entries(VARIANTS) as [LedgerField, string[]][]) {
  for (const n of names) BY_NAME.set(normaliseHeader(n), field);
}

/** Compares headers as people mean them: no spaces or breaks, half-width brackets, no * marks. */
export function normaliseHeader(h: string): string {
  return h
    .normalize('NFKC') // full-width （）：， → half-width
    .replace(/[\s\u3000]+/g, '')
    .replace(/[*＊※]/g, '')
    .replace(/【/g, '(').replace(/】/g, ')')
    .replace(/[〔［\[]/g, '(').replace(/[〕］\]]/g, ')')
    .toLowerCase();
}

export type MoneyScale = 1 | 10000 | 0.0001;

export interface Recognised {
  field: LedgerField;
  /** Multiply money by this to get 万元 (亿元 columns: 10000). */
  scale: MoneyScale;
  /** A year named in the header ("2024年计划投资"). */
  year?: number;
}

/** What a header means, 'ignore' for known-irrelevant columns, or null when unknown. */
export function recogniseHeader(header: string): Recognised | 'ignore' | null {
  let h = normaliseHeader(header);
  if (!h) return null;
  if (IGNORED.has(h)) return 'ignore';
  let scale: MoneyScale = 1;
  const unit = /\(?(亿元|万元|元|亿)\)?$/.exec(h);
  if (unit && unit.index > 0) {
    scale = unit[1] === '亿元' || unit[1] === '亿' ? 10000 : unit[1] === '元' ? 0.0001 : 1;
    h = h.slice(0, unit.index);
  }
  // Other trailing notes in brackets: "计划开工日期(年月)", "标签(多个用、分隔)".
  const bare = h.replace(/\([^)]*\)$/, '');
  const field = BY_NAME.get(h) ?? BY_NAME.get(bare);
  if (field) return { field, scale };
  const y = /^(20\d{2})年度?(计划投资|投资计划|计划完成投资|计划|计划投资额)$/.exec(bare);
  if (y) return { field: 'annualPlan', scale, year: Number(y[1]) };
  return null;
}

/** Key of a header row for remembered mappings: same headers, same mapping. */
export function headerSignature(headers: readonly string[]): string {
  const norm = headers.map(normaliseHeader).filter(Boolean);
  return createHash('sha256').update(JSON.stringify(norm)).digest('hex');
}
