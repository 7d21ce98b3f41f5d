// The words of the demo reports: visual progress (形象进度) by stage, kind of project and how far
// the works have come, the roadblocks owners write about, and the reasons of returns and corrections.
import type { Category, Industry } from '../../../domain/enums.ts';
import type { Rng } from './demo.prng.ts';

/** Where a project stood in a month, for its report's words. */
export interface ProgressFacts {
  stage: 'preparation' | 'started' | 'construction' | 'completed' | 'paused' | 'production';
  category: Category;
  industry: Industry;
  /** Cumulative investment over total investment at the month's end, 0–1. */
  done: number;
  /** Milestones reached in the month: 开工 / 竣工 / 投产 / 封顶 with their dates. */
  reached: { kind: string; date: string }[];
}

const PREPARATION = [
  '项目前期手续办理中，已完成备案，正在办理用地预审与选址意见',
  '完成可行性研究报告编制，环境影响评价报告已报审',
  '土地征收及地上附着物清表工作推进中，完成约{p}%',
  '正在进行施工图设计，同步开展施工总承包招标准备',
  '完成地质勘察和方案设计，建设工程规划许可办理中',
  '节能审查已通过专家评审，正在办理施工许可',
  '施工总承包完成招标，临时水电接入和场地平整准备中',
];

const EARLY = [
  '施工单位进场，完成场地平整和临时设施搭建',
  '土方开挖完成{p}%，同步开展基坑支护施工',
  '桩基工程施工中，已完成工程桩{n}根',
  '完成测量放线，基础垫层施工中',
];

const INDUSTRIAL = [
  ['{b}号车间基础施工，设备基础浇筑完成{p}%', '主体结构施工，{b}号厂房钢结构吊装完成{p}%', '综合楼主体结构施工至{f}层'],
  ['{b}号厂房封顶，开始墙面围护和屋面施工', '主体厂房封顶，动力站及配套公用工程施工中', '厂房主体完工，室内地坪和消防管网施工中'],
  ['生产设备陆续进场，设备安装完成{p}%', '主要生产线设备安装调试中，配套仓储及罐区施工', '设备安装调试，办公楼内外装修收尾'],
  ['生产线单机调试完成，开展联动试车', '设备安装完成，正在进行试生产前的消防、环保验收准备'],
];

const INFRASTRUCTURE = [
  ['路基土方完成{p}%，涵洞及排水工程同步施工', '管网铺设完成{k}公里，沟槽开挖和回填同步推进', '桥梁下部结构施工，已完成桩基{n}根'],
  ['路面基层施工完成{p}%，桥梁上部结构架梁中', '主干管网铺设完成{k}公里，检查井砌筑中', '泵站主体结构完工，进行设备基础施工'],
  ['沥青面层摊铺完成{p}%，交通安全设施安装中', '绿化及附属工程施工，管网试压完成{p}%', '附属工程及亮化绿化施工收尾'],
  ['主体工程完工，开展交工验收前的检测', '全线贯通，正在进行竣工验收资料整理'],
];

const SOCIAL = [
  ['主体结构施工至{f}层', '{b}号楼主体结构施工，其余楼座基础施工', '地下室结构完成，主体结构施工中'],
  ['主体结构封顶，二次结构砌筑完成{p}%', '主体完工，外墙保温及门窗安装中', '主体结构封顶，机电安装同步施工'],
  ['室内装饰装修完成{p}%，室外配套工程施工', '外立面及景观工程施工，设备安装调试中', '装饰装修和智能化系统安装收尾'],
  ['工程完工，正在进行消防、规划等专项验收', '完成竣工验收前的整改，准备交付使用'],
];

const TOURISM_EXTRA = ['游客服务中心主体施工，景观绿化完成{p}%', '滨水步道和景观节点施工中'];

const COMPLETED = [
  '项目已竣工，办理竣工验收备案及不动产登记',
  '竣工后开展设备试运行，完善配套设施',
  '已竣工投用，支付工程结算款，进行绿化收尾',
  '竣工验收完成，正在办理环保设施验收',
];

const MILESTONE_WORDS: Record<string, string> = {
  start: '举行开工仪式，施工单位进场施工',
  completion: '完成竣工验收',
  production: '设备调试完成，正式投产',
  other: '主体工程封顶',
};

const ROADBLOCKS = [
  '受连续降雨影响，土方和基础施工进度放缓',
  '配套电力线路接入尚需协调供电公司，影响设备调试',
  '建设资金到位不足，需协调银行贷款支持',
  '部分用地指标尚未落实，影响二期地块开工',
  '环评批复前置条件尚未全部满足，需协调市生态环境局',
  '钢材等原材料价格上涨，施工单位进度放缓',
  '施工用水用电临时接入容量不足，需协调扩容',
  '部分设备进口周期延长，安装计划顺延约一个月',
  '地上附着物补偿尚未全部完成，影响场地移交',
  '冬季施工条件受限，混凝土工程需采取保温措施',
];

export const RETURN_REASONS = [
  '本月完成投资与形象进度不匹配，请核实后重新填报',
  '资金到位明细缺少银行贷款到账说明，请补充',
  '形象进度描述过于简单，请补充主要工程量完成情况',
  '本月完成投资较上月大幅增加，请附相关合同或结算依据',
];

export const CORRECTION_REASONS = {
  up: ['漏报当月设备采购款，申请补报', '工程款结算滞后，当月部分工程量未计入，申请补报', '统计时遗漏分包单位完成的工程量，申请更正'],
  down: ['误将设备订货预付款计入当月完成投资，申请核减', '重复计入上月已报工程量，申请核减'],
};

const fill = (rng: Rng, s: string) =>
  s.replace('{p}', String(rng.int(3, 19) * 5))
    .replace('{n}', String(rng.int(4, 60) * 10))
    .replace('{b}', String(rng.int(1, 6)))
    .replace('{f}', String(rng.int(3, 18)))
    .replace('{k}', (rng.int(12, 180) / 10).toFixed(1));

const dayText = (d: string) => `${Number(d.slice(5, 7))}月${Number(d.slice(8, 10))}日`;

/** 形象进度 of one month's report. */
export function progressText(rng: Rng, f: ProgressFacts): string {
  const parts: string[] = [];
  for (const m of f.reached) parts.push(`${dayText(m.date)}${MILESTONE_WORDS[m.kind] ?? '完成节点'}`);
  if (f.stage === 'preparation') parts.push(fill(rng, rng.pick(PREPARATION)));
  else if (f.stage === 'completed' || f.stage === 'production') {
    if (!f.reached.some((m) => m.kind === 'completion' || m.kind === 'production')) parts.push(rng.pick(COMPLETED));
  } else if (f.stage === 'started' || f.done < 0.12) parts.push(fill(rng, rng.pick(EARLY)));
  else {
    const bank = f.category === 'industrial' ? INDUSTRIAL : f.category === 'infrastructure' ? INFRASTRUCTURE : SOCIAL;
    const phase = f.done < 0.45 ? 0 : f.done < 0.7 ? 1 : f.done < 0.92 ? 2 : 3;
    parts.push(fill(rng, rng.pick(bank[phase]!)));
    if (f.industry === 'tourism' && rng.chance(0.5)) parts.push(fill(rng, rng.pick(TOURISM_EXTRA)));
  }
  if (f.stage === 'paused') parts.push('月中起暂停施工，现场做好安全防护');
  return `${parts.join('；')}。`;
}

/** A roadblock now and then; more often for a project that is falling behind. */
export function roadblocksText(rng: Rng, lagging: boolean): string {
  return rng.chance(lagging ? 0.3 : 0.06) ? `${rng.pick(ROADBLOCKS)}。` : '';
}
