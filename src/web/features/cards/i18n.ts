// Strings of the card and supervision pages (亮牌评定, 督办约谈), registered under the 'cards' namespace.
// Colour, indicator and status labels come from the domain and contract so screens and spreadsheets agree.
import i18n from 'i18next';
import { CARD_COLOR_LABELS, CARD_INDICATOR_LABELS } from '../../../domain/cards.ts';
import { ACCOUNTABILITY_REASON_LABELS, ACCOUNTABILITY_STATUS_LABELS, ORDER_STATUS_LABELS } from '../../../contract/supervision.ts';

const zhCN = {
  color: CARD_COLOR_LABELS,
  colorShort: { blue: '蓝', yellow: '黄', red: '红' },
  indicator: CARD_INDICATOR_LABELS,
  scorePart: { investment: '投资完成进度', milestones: '关键节点', reporting: '按时填报', problems: '问题办理' },
  groupBy: { region: '县区', unit: '责任单位', industry: '行业', leader: '包靠领导' },
  filter: {
    period: '评定期间', region: '区域', color: '牌色', allColors: '全部牌色', groupBy: '分组', noPeriods: '暂无填报期间',
    periodValue: '{{region}} {{label}}', open: '（填报中）', monthView: '{{month}}（各下级区域的期间）',
  },
  cards: {
    title: '亮牌评定', rules: '评定规则',
    tabs: { list: '红黄牌名单', ranking: '排名', distribution: '分布' },
    total: '参评项目', count: '{{count}} 个',
    run: '重新评定', runConfirmTitle: '重新评定本期亮牌？',
    runConfirm: '将按现行规则重新计算 {{label}} 所有在建项目的亮牌。已有的人工调整保留；红牌项目将生成督办单。',
    runMonth: '评定全月', runMonthConfirmTitle: '评定{{month}}全部期间的亮牌？',
    runMonthConfirm: '将按现行规则重新计算{{scope}}{{month}}全部填报期间（含下级区域各自的期间）的亮牌，每个期间单独提交。已有的人工调整保留；红牌项目将生成督办单。',
    scopeSelected: '所选区域及其下级区域', scopeOwn: '本辖区',
    runMonthDone: '已评定 {{periods}} 个期间、{{count}} 个项目（红牌 {{red}} 个）',
    runDone: '已评定 {{count}} 个项目', noCards: '本期尚未评定亮牌', noCardsHint: '期间锁定时自动评定，也可点击“重新评定”。',
    emptyList: '本期没有红牌或黄牌项目', emptyRanking: '没有符合条件的项目',
    chartTitle: '亮牌分布（按{{group}}）', chartEmpty: '没有可显示的分布',
    colon: '：', sep: '；', overridden: '已调整', overriddenTip: '计算结果为{{color}}，人工调整为{{override}}',
  },
  col: {
    rank: '排名', project: '项目', code: '项目编码', region: '区域', color: '亮牌', computed: '计算结果', score: '得分',
    reasons: '亮牌原因', period: '期间', group: '分组', blue: '蓝牌', yellow: '黄牌', red: '红牌', total: '合计',
    avgScore: '平均得分', actions: '操作', indicator: '指标', value: '实际值', threshold: '标准', gave: '结果', detail: '说明',
  },
  detail: {
    title: '亮牌说明', project: '项目', period: '期间', effective: '亮牌结果', computed: '计算结果', score: '得分',
    ruleVersion: '规则版本', ruleVersionValue: '第 {{version}} 版', defaultRules: '默认规则', computedAt: '评定时间',
    indicators: '评定指标', notApplicable: '不适用', worst: '亮牌取各指标中最差的颜色；不适用的指标不参与评定。',
    override: '人工调整', overrideColor: '调整为', overrideReason: '调整原因', overrideReasonPlaceholder: '写明调整的依据，如：经现场核实，已完成主体施工',
    overrideSave: '确认调整', overrideRemove: '撤销调整', overrideRemoveReason: '撤销原因',
    overrideSaved: '已调整亮牌', overrideRemoved: '已撤销调整', overriddenBy: '{{who}} 于 {{time}} 调整',
    openProject: '查看项目', reasonRequired: '请填写原因', colorRequired: '请选择牌色',
  },
  rules: {
    title: '亮牌评定规则', back: '返回亮牌评定', region: '适用城市', current: '现行规则', currentVersion: '第 {{version}} 版',
    defaults: '未保存过规则，使用默认规则（第 0 版）', history: '版本记录', noHistory: '暂无保存的版本',
    cityOnly: '区县（园区）按所在市的规则评定，规则由市级项目办制定；此处仅供查看。',
    investment: '投资进度', investmentHint: '差距 = 序时进度 − 年度投资完成率（百分点）。差距 ≤ 0 为蓝牌。',
    yellowAbove: '差距超过（黄牌）', redAbove: '差距超过（红牌）',
    milestones: '关键节点（开工、竣工、投产）', milestonesHint: '按期完成为蓝牌；逾期不足红牌月数为黄牌。',
    redMonths: '逾期达到（红牌）',
    reporting: '按期填报', reportingHint: '本期未填报为黄牌；连续未填报达到红牌期数为红牌。',
    yellowMissing: '未填报期数（黄牌）', redMissing: '连续未填报期数（红牌）',
    problems: '问题办理', problemsHint: '超过办结时限仍未解决的问题达到黄牌个数为黄牌。', yellowOverdue: '逾期问题达到（黄牌）',
    weights: '得分权重', weightsHint: '得分 = 各分项得分（0–100）按权重加权平均，权重按比例折算为 100；用于排名。',
    gapFloor: '投资分项归零差距', gapFloorHint: '差距达到该值时投资分项得 0 分，其间连续递减',
    overdueMonthsFloor: '节点分项归零逾期', overdueMonthsFloorHint: '节点逾期达到该月数时节点分项得 0 分',
    supervision: '督办', deadlineDays: '督办期限', days: '天', months: '个月', points: '个百分点', periods: '期', items: '个',
    note: '修改说明', notePlaceholder: '如：按市委督查室要求调整投资进度标准',
    preview: '预览', save: '保存为新版本', saved: '已保存为第 {{version}} 版', previewFirst: '请先预览修改对上期亮牌的影响',
    previewTitle: '对 {{label}} 亮牌的影响', previewNoPeriod: '没有已锁定的期间可供预览',
    before: '现行规则', after: '新规则', changes: '牌色变化的项目（{{count}}）', noChanges: '没有项目的牌色发生变化',
    col: { version: '版本', note: '说明', createdAt: '保存时间', createdBy: '保存人', from: '原牌色', to: '新牌色' },
    reset: '恢复为现行规则', load: '载入', stale: '规则已改动，请重新预览', noteRequired: '请填写修改说明', required: '请填写{{field}}',
  },
  supervision: {
    title: '督办约谈', tabs: { orders: '督办单', accountability: '约谈名单' },
    status: ORDER_STATUS_LABELS,
    accountabilityStatus: ACCOUNTABILITY_STATUS_LABELS,
    reason: ACCOUNTABILITY_REASON_LABELS,
    overdue: '已逾期', allStatuses: '全部状态', export: '导出 Excel', issuedOn: '{{date}} 下达',
    col: {
      number: '督办单号', project: '项目', region: '区域', unit: '责任单位', leader: '包靠领导', unitLeader: '责任单位 / 包靠领导', reason: '督办事由', issuedAt: '下达日期',
      deadline: '答复期限', status: '状态', response: '书面答复', respondedAt: '答复时间', decisionNote: '审核意见', period: '期间',
      cause: '列入原因', createdAt: '列入日期', talkDate: '约谈日期', participants: '参加人员', outcome: '约谈结果', actions: '操作',
    },
    respond: '书面答复', respondTitle: '答复督办单 {{number}}', responsePlaceholder: '写明整改措施、进展和完成时限',
    responseRequired: '请填写书面答复', responded: '答复已提交',
    accept: '通过', reject: '退回', acceptTitle: '通过答复', rejectTitle: '退回答复', note: '审核意见',
    notePlaceholder: '退回时写明需要补充或整改的内容', noteRequired: '退回时请填写意见', accepted: '已通过答复', rejected: '已退回答复',
    record: '记录约谈', recordTitle: '记录约谈：{{project}}', recorded: '已记录约谈',
    talkDateRequired: '请选择约谈日期', participantsRequired: '请填写参加人员', outcomeRequired: '请填写约谈结果',
    participantsPlaceholder: '如：市委督查室 张三；县政府 李四；项目单位负责人 王五', outcomePlaceholder: '约谈要求和整改承诺',
    emptyOrders: '暂无督办单', focused: '通知所指督办单', focusedEntry: '通知所指约谈记录', showAll: '关闭', emptyAccountability: '暂无约谈名单', view: '详情', orderTitle: '督办单 {{number}}',
  },
  timeline: {
    tab: '亮牌记录', empty: '该项目尚无亮牌记录', scoreValue: '{{score}} 分', override: '人工调整：{{reason}}', computedWas: '计算结果{{color}}',
    viewIndicators: '查看指标',
  },
  common: { cancel: '取消', confirm: '确定', close: '关闭', loadFailed: '加载失败' },
};

type Resources = typeof zhCN;

const enUS: Resources = {
  color: { blue: 'Blue', yellow: 'Yellow', red: 'Red' },
  colorShort: { blue: 'Blue', yellow: 'Yellow', red: 'Red' },
  indicator: {
    investment: 'Investment progress', start: 'Start milestone', completion: 'Completion milestone', production: 'Production milestone',
    reporting: 'Reporting on time', problems: 'Roadblocks',
  },
  scorePart: { investment: 'Investment progress', milestones: 'Key milestones', reporting: 'Reporting on time', problems: 'Roadblocks' },
  groupBy: { region: 'County', unit: 'Responsible unit', industry: 'Industry', leader: 'Lead leader' },
  filter: {
    period: 'Period', region: 'Region', color: 'Colour', allColors: 'All colours', groupBy: 'Group by', noPeriods: 'No periods yet',
    periodValue: '{{region}} {{label}}', open: ' (open)', monthView: '{{month}} (each sub-region\'s periods)',
  },
  cards: {
    title: 'Cards', rules: 'Rules',
    tabs: { list: 'Red and yellow list', ranking: 'Ranking', distribution: 'Distribution' },
    total: 'Projects rated', count: '{{count}}',
    run: 'Re-run cards', runConfirmTitle: 'Re-run the cards of this period?',
    runConfirm: 'Every active project of {{label}} is rated again with the current rules. Overrides are kept; red cards open supervision orders.',
    runMonth: 'Rate the month', runMonthConfirmTitle: 'Rate every period of {{month}}?',
    runMonthConfirm: 'Every period of {{month}} in {{scope}} (sub-regions\' own periods included) is rated again with the current rules, each committed on its own. Overrides are kept; red cards open supervision orders.',
    scopeSelected: 'the selected region and below', scopeOwn: 'your region',
    runMonthDone: '{{periods}} periods, {{count}} projects rated ({{red}} red)',
    runDone: '{{count}} projects rated', noCards: 'No cards for this period yet', noCardsHint: 'Cards are rated when the period is locked, or with "Re-run cards".',
    emptyList: 'No red or yellow cards in this period', emptyRanking: 'No projects match',
    chartTitle: 'Cards by {{group}}', chartEmpty: 'Nothing to show',
    colon: ': ', sep: '; ', overridden: 'Overridden', overriddenTip: 'Computed {{color}}, overridden to {{override}}',
  },
  col: {
    rank: 'Rank', project: 'Project', code: 'Code', region: 'Region', color: 'Card', computed: 'Computed', score: 'Score',
    reasons: 'Why', period: 'Period', group: 'Group', blue: 'Blue', yellow: 'Yellow', red: 'Red', total: 'Total',
    avgScore: 'Mean score', actions: 'Actions', indicator: 'Indicator', value: 'Value', threshold: 'Threshold', gave: 'Gave', detail: 'Detail',
  },
  detail: {
    title: 'Why this card', project: 'Project', period: 'Period', effective: 'Card', computed: 'Computed', score: 'Score',
    ruleVersion: 'Rule version', ruleVersionValue: 'Version {{version}}', defaultRules: 'Default rules', computedAt: 'Rated at',
    indicators: 'Indicators', notApplicable: 'Not applicable', worst: 'The card is the worst indicator colour; indicators that do not apply are left out.',
    override: 'Override', overrideColor: 'Override to', overrideReason: 'Reason', overrideReasonPlaceholder: 'Why the card is changed, e.g. main structure finished, checked on site',
    overrideSave: 'Override', overrideRemove: 'Remove override', overrideRemoveReason: 'Why the override is removed',
    overrideSaved: 'Card overridden', overrideRemoved: 'Override removed', overriddenBy: 'By {{who}} at {{time}}',
    openProject: 'Open project', reasonRequired: 'Please give a reason', colorRequired: 'Please choose a colour',
  },
  rules: {
    title: 'Card rules', back: 'Back to cards', region: 'City', current: 'Current rules', currentVersion: 'Version {{version}}',
    defaults: 'No rules saved: the defaults apply (version 0)', history: 'Versions', noHistory: 'No saved versions',
    cityOnly: 'Counties and parks are assessed by their city\'s rules, which the city\'s project office sets; shown here read-only.',
    investment: 'Investment progress', investmentHint: 'Gap = time-elapsed progress − annual completion rate (points). Gap ≤ 0 is blue.',
    yellowAbove: 'Gap above (yellow)', redAbove: 'Gap above (red)',
    milestones: 'Key milestones (start, completion, production)', milestonesHint: 'On time is blue; overdue by less than the red months is yellow.',
    redMonths: 'Overdue by (red)',
    reporting: 'Reporting', reportingHint: 'A missing report is yellow; missing reports running for the red count is red.',
    yellowMissing: 'Missing periods (yellow)', redMissing: 'Missing periods running (red)',
    problems: 'Roadblocks', problemsHint: 'Open roadblocks past their deadline, from this many, give yellow.', yellowOverdue: 'Overdue roadblocks (yellow)',
    weights: 'Score weights', weightsHint: 'Score = weighted mean of the component scores (0–100), weights scaled to 100; used for ranking.',
    gapFloor: 'Gap scoring zero', gapFloorHint: 'The investment component falls continuously to 0 at this gap',
    overdueMonthsFloor: 'Overdue scoring zero', overdueMonthsFloorHint: 'A milestone component is 0 when overdue this many months',
    supervision: 'Supervision', deadlineDays: 'Response deadline', days: 'days', months: 'months', points: 'points', periods: 'periods', items: '',
    note: 'Note', notePlaceholder: 'Why the rules change',
    preview: 'Preview', save: 'Save as new version', saved: 'Saved as version {{version}}', previewFirst: 'Preview the effect on last period first',
    previewTitle: 'Effect on the cards of {{label}}', previewNoPeriod: 'No locked period to preview on',
    before: 'Current rules', after: 'New rules', changes: 'Projects changing colour ({{count}})', noChanges: 'No project changes colour',
    col: { version: 'Version', note: 'Note', createdAt: 'Saved at', createdBy: 'Saved by', from: 'From', to: 'To' },
    reset: 'Back to current rules', load: 'Load', stale: 'Rules changed since: preview again', noteRequired: 'Please write a note', required: 'Please fill in {{field}}',
  },
  supervision: {
    title: 'Supervision', tabs: { orders: 'Supervision orders', accountability: 'Accountability list' },
    status: { open: 'Awaiting response', responded: 'Awaiting review', accepted: 'Accepted', rejected: 'Rejected' },
    accountabilityStatus: { pending: 'Talk pending', held: 'Talk held' },
    reason: { two_red: 'Two red cards running', overdue_order: 'Order overdue' },
    overdue: 'Overdue', allStatuses: 'All statuses', export: 'Export Excel', issuedOn: 'issued {{date}}',
    col: {
      number: 'Number', project: 'Project', region: 'Region', unit: 'Responsible unit', leader: 'Lead leader', unitLeader: 'Unit / lead leader', reason: 'Reason', issuedAt: 'Issued',
      deadline: 'Deadline', status: 'Status', response: 'Response', respondedAt: 'Responded', decisionNote: 'Review note', period: 'Period',
      cause: 'Cause', createdAt: 'Listed', talkDate: 'Talk date', participants: 'Participants', outcome: 'Outcome', actions: 'Actions',
    },
    respond: 'Respond', respondTitle: 'Respond to {{number}}', responsePlaceholder: 'Measures taken, progress and dates',
    responseRequired: 'Please write the response', responded: 'Response sent',
    accept: 'Accept', reject: 'Reject', acceptTitle: 'Accept the response', rejectTitle: 'Reject the response', note: 'Note',
    notePlaceholder: 'What must be added or fixed (required to reject)', noteRequired: 'Please write why it is rejected', accepted: 'Response accepted', rejected: 'Response rejected',
    record: 'Record talk', recordTitle: 'Record the talk: {{project}}', recorded: 'Talk recorded',
    talkDateRequired: 'Please pick the date', participantsRequired: 'Please list the participants', outcomeRequired: 'Please write the outcome',
    participantsPlaceholder: 'Who took part', outcomePlaceholder: 'What was required and promised',
    emptyOrders: 'No supervision orders', focused: 'The order from your notice', focusedEntry: 'The entry from your notice', showAll: 'Close', emptyAccountability: 'Nobody on the list', view: 'Details', orderTitle: 'Order {{number}}',
  },
  timeline: {
    tab: 'Cards', empty: 'No cards for this project yet', scoreValue: '{{score}} pts', override: 'Overridden: {{reason}}', computedWas: 'computed {{color}}',
    viewIndicators: 'Indicators',
  },
  common: { cancel: 'Cancel', confirm: 'OK', close: 'Close', loadFailed: 'Failed to load' },
};

export const resources = { 'zh-CN': zhCN, 'en-US': enUS };
export const NS = 'cards';

// Route modules may be evaluated before the app calls i18n.init(); the store exists only after it.
const register = () => {
  for (const [lng, bundle] of Object.entries(resources)) i18n.addResourceBundle(lng, NS, bundle, true, true);
};
if (i18n.isInitialized || i18n.store) register();
else i18n.on('initialized', register);
