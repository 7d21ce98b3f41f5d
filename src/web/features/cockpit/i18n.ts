// Strings of the cockpit (驾驶舱), registered under the 'cockpit' namespace.
import i18n from 'i18next';

const zhCN = {
  title: '{{region}}重点项目驾驶舱',
  period: '{{year}}年1—{{month}}月',
  filter: { region: '区域', year: '年度', month: '月份', yearValue: '{{year}}年', monthValue: '{{month}}月' },
  up: '返回上级',
  toStats: '统计分析',
  toLedger: '项目台账',
  screen: '大屏模式',
  exitScreen: '退出大屏',
  screenHint: '按 Esc 退出',
  editTargets: '设置目标',
  loadFailed: '驾驶舱加载失败',
  kpi: {
    projects: '本年统计项目', projectsUnit: '个', totalInvestment: '总投资', annualPlan: '年度计划投资', ytd: '年内累计完成',
    completion: '年度投资完成率', elapsed: '序时进度 {{value}}', gap: '差距', gapValue: '{{value}} 个百分点',
    month: '本月完成 {{value}}',
  },
  status: { ahead: '超前', on_schedule: '正常', lagging: '滞后' },
  gauge: {
    title: '四率仪表', start: '开工率', investment: '投资完成率', funds: '资金到位率', onTime: '按期竣工率',
    target: '目标 {{value}}', toDate: '应达 {{value}}', met: '达标', behind: '未达标', none: '无应达项目',
    counts: '{{reached}} / {{due}} 个',
  },
  curve: {
    title: '投资完成 S 曲线（累计）', plan: '{{year}}年计划', actual: '{{year}}年完成',
    unit: '亿元', monthLabel: '{{month}}月',
  },
  ranking: {
    regionTitle: '下级区域年度投资完成率排名', projectTitle: '项目年度投资完成率排名', elapsed: '序时进度',
    completion: '完成率', gap: '差距', hintRegion: '点击区域进入其驾驶舱', hintProject: '点击项目查看项目卡片',
    bottom: '完成率最低的 {{count}} 个'
  },
  cards: {
    title: '亮牌分布', blue: '蓝牌', yellow: '黄牌', red: '红牌', redList: '红牌项目', none: '本期暂无亮牌',
    noRed: '本期无红牌项目', all: '全部亮牌', score: '{{score}} 分', total: '共 {{count}} 个',
  },
  roadblocks: {
    title: '问题堵点', open: '未办结', overdue: '已逾期', escalated: '已升级', solved: '已办结', onTime: '按时办结率',
    byLevel: '升级层级', all: '全部问题',
  },
  batches: {
    title: '{{year}}年集中开工 / 签约', groundbreaking: '集中开工', signing: '集中签约', events: '{{count}} 场',
    projects: '{{count}} 个项目', none: '本年暂无活动', part: '其中本区域 {{count}} 个',
  },
  targets: {
    title: '{{region}}{{year}}年四率目标', source: { own: '本区域设置', inherited: '沿用上级区域目标', default: '默认目标' },
    startRate: '开工率目标', investmentRate: '投资完成率目标', fundsRate: '资金到位率目标', onTimeRate: '按期竣工率目标',
    help: '投资完成率与资金到位率为全年目标，仪表按序时进度折算为当期应达值；开工率与按期竣工率按截至当期应达项目计算。',
    saved: '目标已保存', updated: '{{who}} 于 {{at}} 设置',
  },
};

const enUS: typeof zhCN = {
  title: '{{region}} key projects cockpit',
  period: 'Jan–{{month}}/{{year}}',
  filter: { region: 'Region', year: 'Year', month: 'Month', yearValue: '{{year}}', monthValue: 'M{{month}}' },
  up: 'Up one level',
  toStats: 'Statistics',
  toLedger: 'Ledger',
  screen: 'Screen mode',
  exitScreen: 'Exit screen mode',
  screenHint: 'Press Esc to exit',
  editTargets: 'Set targets',
  loadFailed: 'Failed to load the cockpit',
  kpi: {
    projects: 'Projects in this year’s figures', projectsUnit: '', totalInvestment: 'Total investment', annualPlan: 'Annual plan', ytd: 'Year to date',
    completion: 'Annual completion', elapsed: 'Time elapsed {{value}}', gap: 'Gap', gapValue: '{{value}} pp',
    month: 'This month {{value}}',
  },
  status: { ahead: 'Ahead', on_schedule: 'On schedule', lagging: 'Lagging' },
  gauge: {
    title: 'Four rates', start: 'Started', investment: 'Invested', funds: 'Funds', onTime: 'On time',
    target: 'Target {{value}}', toDate: 'Due now {{value}}', met: 'Met', behind: 'Behind', none: 'Nothing due yet',
    counts: '{{reached}} / {{due}}',
  },
  curve: {
    title: 'Investment S-curve (cumulative)', plan: 'Plan {{year}}', actual: 'Actual {{year}}',
    unit: '100M yuan', monthLabel: 'M{{month}}',
  },
  ranking: {
    regionTitle: 'Sub-regions by annual completion', projectTitle: 'Projects by annual completion', elapsed: 'Time elapsed',
    completion: 'Completion', gap: 'Gap', hintRegion: 'Click a region to open its cockpit', hintProject: 'Click a project to open its card',
    bottom: 'Lowest {{count}}'
  },
  cards: {
    title: 'Cards', blue: 'Blue', yellow: 'Yellow', red: 'Red', redList: 'Red-card projects', none: 'No cards in this period',
    noRed: 'No red cards in this period', all: 'All cards', score: '{{score}} pts', total: '{{count}} in all',
  },
  roadblocks: {
    title: 'Roadblocks', open: 'Open', overdue: 'Overdue', escalated: 'Escalated', solved: 'Solved', onTime: 'Solved on time',
    byLevel: 'Escalation level', all: 'All roadblocks',
  },
  batches: {
    title: 'Batch events {{year}}', groundbreaking: 'Groundbreaking', signing: 'Signing', events: '{{count}} events',
    projects: '{{count}} projects', none: 'No events this year', part: '{{count}} in this region',
  },
  targets: {
    title: 'Targets of {{region}} for {{year}}', source: { own: 'Set for this region', inherited: 'Inherited from the region above', default: 'Defaults' },
    startRate: 'Start rate target', investmentRate: 'Investment completion target', fundsRate: 'Fund arrival target', onTimeRate: 'On-time completion target',
    help: 'Investment and funds targets are for the whole year; the gauges scale them by time-elapsed progress. Start and on-time completion count only what is due by the period.',
    saved: 'Targets saved', updated: 'Set by {{who}} at {{at}}',
  },
};

export const resources = { 'zh-CN': zhCN, 'en-US': enUS };
export const NS = 'cockpit';

// Route modules may be evaluated before the app calls i18n.init(); the store exists only after it.
const register = () => {
  for (const [lng, bundle] of Object.entries(resources)) i18n.addResourceBundle(lng, NS, bundle, true, true);
};
if (i18n.isInitialized || i18n.store) register();
else i18n.on('initialized', register);
