// Chinese labels of the vocabularies, used where the server itself speaks Chinese
// (spreadsheet import and export). The web app has the same labels in its i18n files.
import type {
  BatchKind, Category, FactorKind, FactorStatus, Industry, Level, MilestoneKind,
  ProcedureStatus, Role, Season, Stage, TeamRole,
} from './enums.ts';

export const STAGE_LABELS: Record<Stage, string> = {
  reserve: '储备',
  preparation: '前期',
  started: '开工',
  construction: '在建',
  completed: '竣工',
  production: '投产',
  paused: '停缓建',
  withdrawn: '调出',
};

export const LEVEL_LABELS: Record<Level, string> = {
  provincial: '省级',
  municipal: '市级',
  county: '县级',
};

export const CATEGORY_LABELS: Record<Category, string> = {
  industrial: '产业类',
  infrastructure: '基础设施类',
  social: '社会民生类',
};

export const INDUSTRY_LABELS: Record<Industry, string> = {
  chemicals: '高端化工及新材料',
  equipment: '机床及高端装备',
  new_energy: '锂电池及新能源',
  food: '食品加工',
  semiconductors: '半导体',
  digital: '数字经济',
  agriculture: '现代农业',
  logistics: '现代物流',
  tourism: '文化旅游',
  infrastructure: '基础设施',
  livelihood: '社会民生',
  other: '其他',
};

export const ROLE_LABELS: Record<Role, string> = {
  admin: '系统管理员',
  office: '项目办',
  unit: '责任单位',
  owner: '项目单位',
  leader: '包靠领导',
  department: '职能部门',
  viewer: '查看',
  auditor: '督查审计',
};

export const BATCH_KIND_LABELS: Record<BatchKind, string> = { groundbreaking: '集中开工', signing: '集中签约' };
export const SEASON_LABELS: Record<Season, string> = { spring: '春季', summer: '夏季', autumn: '秋季', winter: '冬季' };
export const TEAM_ROLE_LABELS: Record<TeamRole, string> = {
  leader: '包靠领导', specialist: '帮包专员', member: '专班成员', contact: '联系人',
};
export const FACTOR_KIND_LABELS: Record<FactorKind, string> = {
  land: '用地', energy: '能耗', funding: '资金', power: '用电', water: '用水',
  labour: '用工', environment: '环境容量', other: '其他',
};
export const FACTOR_STATUS_LABELS: Record<FactorStatus, string> = {
  pending: '待保障', in_progress: '保障中', satisfied: '已保障',
};
export const PROCEDURE_STATUS_LABELS: Record<ProcedureStatus, string> = {
  pending: '未办理', in_progress: '办理中', done: '已办结', not_required: '无需办理',
};
export const MILESTONE_KIND_LABELS: Record<MilestoneKind, string> = {
  start: '开工', completion: '竣工', production: '投产', other: '其他',
};

/** Reverse lookup that also accepts common variants (e.g. 省重点, 市级重点项目). */
export function matchLabel<K extends string>(labels: Record<K, string>, text: string, extra: Record<string, K> = {}): K | undefined {
  const t = text.trim();
  if (!t) return undefined;
  if (t in extra) return extra[t];
  for (const [code, label] of Object.entries(labels) as [K, string][]) {
    if (t === code || t === label) return code;
  }
  for (const [code, label] of Object.entries(labels) as [K, string][]) {
    if (t.startsWith(label) || label.startsWith(t)) return code;
  }
  return undefined;
}
