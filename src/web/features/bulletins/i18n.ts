// Strings of the bulletin pages (月度通报): the list, the bulletin with its frozen figures and the
// note of what changed since, issuing and the office's settings.
import { addMessages } from '../../i18n/index.ts';

const zhCN = {
  title: '月度通报',
  subtitle: '按区域和统计月份生成通报（Word）及项目明细附件（Excel），当月填报期间须已锁定，生成后数据冻结',
  filter: { year: '年份', allYears: '全部年份' },
  col: {
    number: '文号', title: '标题', region: '区域', period: '期间', trigger: '生成方式', createdBy: '印发人', createdAt: '印发时间',
    download: '下载',
  },
  trigger: { manual: '手动生成', period_close: '锁定时自动生成' },
  action: {
    create: '生成通报', settings: '通报设置', docx: '下载 Word', xlsx: '下载 Excel 附件', back: '返回通报列表', save: '保存', cancel: '取消',
  },
  create: {
    title: '生成月度通报', region: '区域', period: '填报期间', periodHint: '只能选择已锁定的期间：填报中的数据尚未审核完毕',
    periodOption: '{{region}} {{label}}', noPeriods: '暂无已锁定的期间', ok: '生成并印发', done: '已印发 {{number}}',
    required: '请选择{{field}}',
    year: '年份', month: '统计月份',
    monthHint: '市、县按本级的填报期间；省按各市当月的期间，须全部锁定后才能生成',
    monthOwn: '本级期间已锁定', monthReady: '{{regions}} 个区域的 {{periods}} 个期间均已锁定',
    monthOpen: '未锁定：{{names}}', monthMissing: '未开启：{{names}}', noMonths: '该年份没有填报期间',
  },
  settings: {
    title: '通报设置', region: '区域', issuingOffice: '发文机关', numberPrefix: '文号前缀', numberPreview: '文号示例：{{number}}',
    autoOnClose: '期间锁定时自动生成通报', autoOnCloseHint: '锁定本区域的填报期间后，系统自动生成并印发当期通报',
    isDefault: '尚未设置，显示的是默认值', saved: '通报设置已保存', required: '请填写{{field}}',
  },
  detail: {
    issuedBy: '发文机关', period: '统计期间', issuedOn: '印发日期', trigger: '生成方式', projectLines: '附件项目数',
    frozen: '本通报的数据已于印发时冻结，以下数字与印发时一致。',
    unchanged: '印发以来数据没有变化',
    comparing: '正在按当前数据重新汇总，与印发时的数据对照…',
    changedTitle: '印发以来数据有 {{count}} 处变化（当前数据，仅供对照，通报内容不变）',
    moreProjects: '另有 {{count}} 个项目的数字有变化，见当前统计',
    computedAt: '对照时间 {{at}}',
    opening: '总体情况',
    regions: '各{{word}}投资完成情况',
    cards: '亮牌情况', red: '红牌项目（{{count}} 个）', yellow: '黄牌项目（{{count}} 个）', noCards: '本期尚无亮牌结果', none: '无',
    namedInAnnex: '红牌、黄牌项目名单及亮牌原因见 Excel 附件「红黄牌项目」表。',
    monthOf: '{{region}} {{label}}（{{count}} 个期间）',
    problems: '逾期问题（截至 {{date}}，按牵头部门）', noOverdue: '无逾期未办结问题',
    batches: '本期集中开工（签约）活动', noBatches: '本期未举办集中开工（签约）活动',
    batchYear: '{{year}} 年以来共 {{count}} 次，涉及项目 {{projects}} 个次，总投资 {{total}}',
  },
  fig: {
    projectCount: '项目数', annualPlan: '年度计划投资', ytdInvestment: '本年累计完成投资', rate: '年度完成率', gap: '与序时进度差距',
    timeElapsed: '序时进度', fundArrivalRate: '资金到位率', rank: '排名', status: '进度', total: '合计', points: '{{value}} 个百分点',
    project: '项目', score: '得分', reasons: '亮牌原因', department: '牵头部门', open: '未办结', overdue: '其中逾期',
    avgDays: '平均办结天数', wan: '（万元）', event: '活动', date: '日期', mainProject: '主会场项目', totalInvestment: '总投资',
    carded: '评定项目数', red: '红牌', yellow: '黄牌', blue: '蓝牌',
  },
  empty: '暂无通报',
  loadFailed: '加载失败',
};

type Resources = typeof zhCN;

const enUS: Resources = {
  title: 'Monthly bulletins',
  subtitle: 'Issued for a region and a month as Word (bulletin) and Excel (project annex); the month\'s periods must be locked; figures are frozen on issue',
  filter: { year: 'Year', allYears: 'All years' },
  col: {
    number: 'Number', title: 'Title', region: 'Region', period: 'Period', trigger: 'Issued by', createdBy: 'Issued by', createdAt: 'Issued at',
    download: 'Download',
  },
  trigger: { manual: 'By hand', period_close: 'On period close' },
  action: {
    create: 'Issue bulletin', settings: 'Settings', docx: 'Word', xlsx: 'Excel annex', back: 'Back to bulletins', save: 'Save', cancel: 'Cancel',
  },
  create: {
    title: 'Issue a monthly bulletin', region: 'Region', period: 'Reporting period', periodHint: 'Only locked periods: figures of an open period are still being reviewed',
    periodOption: '{{region}} {{label}}', noPeriods: 'No locked periods', ok: 'Issue', done: 'Issued {{number}}',
    required: 'Please choose the {{field}}',
    year: 'Year', month: 'Month',
    monthHint: 'A city or county reports in its own periods; a province in each city\'s period of the month, all of which must be locked',
    monthOwn: 'Own period locked', monthReady: '{{periods}} periods of {{regions}} regions locked',
    monthOpen: 'Open: {{names}}', monthMissing: 'Not opened: {{names}}', noMonths: 'No periods in this year',
  },
  settings: {
    title: 'Bulletin settings', region: 'Region', issuingOffice: 'Issuing office', numberPrefix: 'Number prefix', numberPreview: 'Number: {{number}}',
    autoOnClose: 'Issue automatically when a period is locked', autoOnCloseHint: 'When a period of this region is locked, its bulletin is issued at once',
    isDefault: 'Not set yet: these are the defaults', saved: 'Settings saved', required: 'Please enter the {{field}}',
  },
  detail: {
    issuedBy: 'Issuing office', period: 'Period', issuedOn: 'Issued on', trigger: 'Issued', projectLines: 'Projects in the annex',
    frozen: 'The figures were frozen when the bulletin was issued; the numbers below are those of the issue.',
    unchanged: 'Nothing has changed since the bulletin was issued',
    comparing: 'Gathering the current figures to compare with the issued ones…',
    changedTitle: '{{count}} figures differ now (current figures for reference; the bulletin stays as issued)',
    moreProjects: '{{count}} more projects have changed figures; see the statistics',
    computedAt: 'Compared at {{at}}',
    opening: 'Overview',
    regions: 'Investment by {{word}}',
    cards: 'Cards', red: 'Red cards ({{count}})', yellow: 'Yellow cards ({{count}})', noCards: 'No cards for this period yet', none: 'None',
    namedInAnnex: 'The red and yellow projects and their reasons are listed in the Excel annex (sheet 红黄牌项目).',
    monthOf: '{{region}} {{label}} ({{count}} periods)',
    problems: 'Overdue roadblocks (as of {{date}}, by lead department)', noOverdue: 'No overdue roadblocks',
    batches: 'Groundbreaking / signing events of the period', noBatches: 'No events in this period',
    batchYear: '{{count}} events in {{year}} so far, {{projects}} project entries, total investment {{total}}',
  },
  fig: {
    projectCount: 'Projects', annualPlan: 'Annual plan', ytdInvestment: 'Year to date', rate: 'Completion', gap: 'Gap to time elapsed',
    timeElapsed: 'Time elapsed', fundArrivalRate: 'Funds arrived', rank: 'Rank', status: 'Progress', total: 'Total', points: '{{value}} pts',
    project: 'Project', score: 'Score', reasons: 'Reasons', department: 'Lead department', open: 'Open', overdue: 'Overdue',
    avgDays: 'Avg. days to solve', wan: ' (10k yuan)', event: 'Event', date: 'Date', mainProject: 'Main venue project', totalInvestment: 'Total investment',
    carded: 'Carded', red: 'Red', yellow: 'Yellow', blue: 'Blue',
  },
  empty: 'No bulletins yet',
  loadFailed: 'Failed to load',
};

addMessages({ 'zh-CN': { bulletins: zhCN }, 'en-US': { bulletins: enUS } });
