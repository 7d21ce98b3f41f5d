// Strings of the statistics page (统计分析), registered under the 'stats' namespace.
import i18n from 'i18next';

const zhCN = {
  title: '统计分析',
  subtitle: '{{region}} · {{year}}年1—{{month}}月',
  filter: {
    region: '区域', year: '年度', month: '月份', groupBy: '分组', compare: '对比去年同期',
    yearValue: '{{year}}年', monthValue: '{{month}}月', drill: '筛选', clearDrill: '清除筛选',
  },
  groupBy: {
    region: '区域', county: '县（市、区）', industry: '产业', level: '级别', category: '类别', leader: '包靠领导', unit: '责任单位',
    batch: '集中开工批次', project: '项目', month: '月份',
  },
  drillKind: {
    industry: '产业', level: '级别', category: '类别', leaderId: '包靠领导', unitId: '责任单位', batchId: '集中开工批次',
  },
  card: {
    projectCount: '项目数', totalInvestment: '总投资', annualPlan: '年度计划投资', ytdInvestment: '年内累计完成投资',
    completion: '年度投资完成率', timeElapsed: '序时进度', gap: '差距', fundArrival: '资金到位率', startRate: '开工率',
    onTimeCompletionRate: '按期竣工率', productionRate: '投产率', counts: '{{reached}} / {{due}} 个',
    monthInvestment: '本月完成 {{value}}', cumulative: '累计完成 {{value}}', reported: '本月已审核报告 {{count}} 个',
    lastYear: '去年同期 {{value}}',
  },
  def: {
    projectCount: '统计范围：本区域（含下辖区域）内有本年度计划或本年有已审核调度报告的项目。',
    totalInvestment: '统计范围内项目的总投资之和。',
    annualPlan: '统计范围内项目本年度计划投资之和。',
    ytdInvestment: '年内累计完成投资 = 本年1月至本月已审核调度报告的完成投资之和。',
    completion: '年度投资完成率 = 年内累计完成投资 ÷ 年度计划投资。',
    timeElapsed: '序时进度 = 截至本月计划应完成投资占年度计划的比例（有分月计划时按分月计划，否则为 月份÷12）。',
    gap: '差距 = 年度投资完成率 − 序时进度（百分点）；超出容差（±{{tolerance}}个百分点）为超前或滞后，否则为正常。',
    fundArrival: '资金到位率 = 年内累计到位资金 ÷ 年度计划投资。',
    startRate: '开工率 = 截至本月已开工项目数 ÷ 计划本年开工且截至本月应开工的项目数。',
    onTimeCompletionRate: '按期竣工率 = 在计划竣工月份内竣工的项目数 ÷ 计划本年竣工且截至本月应竣工的项目数。',
    productionRate: '投产率 = 截至本月已投产项目数 ÷ 计划本年投产且截至本月应投产的项目数。',
  },
  status: { ahead: '超前', on_schedule: '正常', lagging: '滞后' },
  pp: '{{value}}个百分点',
  col: {
    rank: '排名', label: '名称', code: '项目编码', region: '区域', city: '所属市', projectCount: '项目数', annualPlan: '年度计划',
    ytdInvestment: '年内累计完成', monthInvestment: '本月完成', completion: '完成率', timeElapsed: '序时进度', gap: '与序时差距',
    fundArrival: '资金到位率', startRate: '开工率', onTimeCompletionRate: '按期竣工率',
    productionRate: '投产率', lastYearCompletion: '去年同期完成率', yoyCompletion: '完成率同比',
    lastYearYtd: '去年同期累计完成', yoyYtd: '投资同比',
  },
  total: '合计',
  byProjects: '本区域无下级区域，按项目查看',
  ownLevel: '直接属于本区域、不属于任何下级区域的项目',
  drillHint: { region: '点击行查看下级区域', county: '点击县区查看其项目；各县区统一排名', group: '点击行查看该组项目', project: '点击项目名称查看项目卡片' },
  table: { title: '按{{group}}排名', empty: '暂无数据' },
  chart: {
    monthTitle: '逐月进度', monthInvestment: '当月完成投资（万元）', completion: '年度投资完成率',
    timeElapsed: '序时进度', lastYear: '去年同期完成率', rankingTitle: '各{{group}}年度投资完成率',
    rankingMore: '仅显示前 {{count}} 项', money: '万元', rate: '%',
  },
  export: { table: '导出本表', standard: '导出统计表（重点项目进展情况统计表）', series: '导出逐月表' },
  seriesView: { chart: '图表', table: '表格' },
  loadFailed: '统计数据加载失败',
};

type Resources = typeof zhCN;

const enUS: Resources = {
  title: 'Statistics',
  subtitle: '{{region}} · Jan–{{month}}/{{year}}',
  filter: {
    region: 'Region', year: 'Year', month: 'Month', groupBy: 'Group by', compare: 'Compare with last year',
    yearValue: '{{year}}', monthValue: 'Month {{month}}', drill: 'Filter', clearDrill: 'Clear filter',
  },
  groupBy: {
    region: 'Region', county: 'County', industry: 'Industry', level: 'Level', category: 'Category', leader: 'Lead leader', unit: 'Responsible unit',
    batch: 'Batch event', project: 'Project', month: 'Month',
  },
  drillKind: {
    industry: 'Industry', level: 'Level', category: 'Category', leaderId: 'Lead leader', unitId: 'Responsible unit', batchId: 'Batch event',
  },
  card: {
    projectCount: 'Projects', totalInvestment: 'Total investment', annualPlan: 'Annual plan', ytdInvestment: 'Year-to-date investment',
    completion: 'Annual completion rate', timeElapsed: 'Time elapsed', gap: 'Gap', fundArrival: 'Fund arrival rate', startRate: 'Start rate',
    onTimeCompletionRate: 'On-time completion rate', productionRate: 'Production rate', counts: '{{reached}} / {{due}}',
    monthInvestment: 'This month {{value}}', cumulative: 'Cumulative {{value}}', reported: '{{count}} approved reports this month',
    lastYear: 'Last year {{value}}',
  },
  def: {
    projectCount: 'Projects in the region (and its sub-regions) with an annual plan for the year or an approved report in it.',
    totalInvestment: 'Sum of the total investment of the projects counted.',
    annualPlan: 'Sum of the annual planned investment of the projects counted.',
    ytdInvestment: 'Year-to-date investment = investment in approved reports from January to this month.',
    completion: 'Annual completion rate = year-to-date investment ÷ annual planned investment.',
    timeElapsed: 'Time-elapsed progress = share of the annual plan due by the end of this month (by the monthly split where there is one, else month ÷ 12).',
    gap: 'Gap = annual completion rate − time-elapsed progress (percentage points); beyond the tolerance (±{{tolerance}} pp) it is ahead or lagging, else on schedule.',
    fundArrival: 'Fund arrival rate = year-to-date funds arrived ÷ annual planned investment.',
    startRate: 'Start rate = projects started by the end of this month ÷ projects due to start this year by then.',
    onTimeCompletionRate: 'On-time completion rate = projects completed within their planned month ÷ projects due to complete this year by then.',
    productionRate: 'Production rate = projects in production by the end of this month ÷ projects due to produce this year by then.',
  },
  status: { ahead: 'Ahead', on_schedule: 'On schedule', lagging: 'Lagging' },
  pp: '{{value}} pp',
  col: {
    rank: 'Rank', label: 'Name', code: 'Code', region: 'Region', city: 'City', projectCount: 'Projects', annualPlan: 'Annual plan',
    ytdInvestment: 'Year to date', monthInvestment: 'This month', completion: 'Completion', timeElapsed: 'Time elapsed', gap: 'Gap',
    fundArrival: 'Fund arrival', startRate: 'Start rate', onTimeCompletionRate: 'On-time completion',
    productionRate: 'Production rate', lastYearCompletion: 'Completion last year', yoyCompletion: 'Completion YoY',
    lastYearYtd: 'Year to date last year', yoyYtd: 'Investment YoY',
  },
  total: 'Total',
  byProjects: 'No sub-regions here: see the projects',
  ownLevel: 'Projects of the region itself, in none of its sub-regions',
  drillHint: { region: 'Click a row to see its sub-regions', county: 'Click a county to see its projects; all counties ranked together', group: 'Click a row to see its projects', project: 'Click a project name to open its card' },
  table: { title: 'Ranking by {{group}}', empty: 'No data' },
  chart: {
    monthTitle: 'Month by month', monthInvestment: 'Investment in the month (10k yuan)', completion: 'Annual completion rate',
    timeElapsed: 'Time elapsed', lastYear: 'Completion last year', rankingTitle: 'Annual completion rate by {{group}}',
    rankingMore: 'Top {{count}} only', money: '10k yuan', rate: '%',
  },
  export: { table: 'Export this table', standard: 'Export the standard table (key project progress)', series: 'Export the month series' },
  seriesView: { chart: 'Chart', table: 'Table' },
  loadFailed: 'Failed to load the statistics',
};

export const resources = { 'zh-CN': zhCN, 'en-US': enUS };
export const NS = 'stats';

// Route modules may be evaluated before the app calls i18n.init(); the store exists only after it.
const register = () => {
  for (const [lng, bundle] of Object.entries(resources)) i18n.addResourceBundle(lng, NS, bundle, true, true);
};
if (i18n.isInitialized || i18n.store) register();
else i18n.on('initialized', register);
