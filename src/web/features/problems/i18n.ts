// Strings of the roadblock pages (问题直通车) and the notification centre, under the 'problems' namespace.
import i18n from 'i18next';
import {
  ESCALATION_LEVEL_LABELS, PROBLEM_ACTION_LABELS, PROBLEM_CATEGORY_LABELS, PROBLEM_SEVERITY_LABELS, PROBLEM_STATUS_LABELS,
} from '../../../domain/problems.ts';

const zhCN = {
  enum: {
    category: PROBLEM_CATEGORY_LABELS,
    severity: PROBLEM_SEVERITY_LABELS,
    status: PROBLEM_STATUS_LABELS,
    level: ESCALATION_LEVEL_LABELS as Record<number, string>,
    event: PROBLEM_ACTION_LABELS as Record<string, string>,
  },
  title: '问题直通车',
  tab: '问题',
  statsTitle: '问题统计',
  tabs: { mine: '待我受理', handling: '办理中', all: '全部' },
  raise: '反映问题',
  raiseTitle: '反映问题',
  statsLink: '问题统计',
  settingsLink: '办理设置',
  settings: {
    title: '问题办理设置', back: '返回问题列表',
    intro: '受理时限和升级天数按工作日计算。工作日以国家法定节假日和调休安排为准，项目办可在下方逐日调整。',
    handling: '受理时限与升级', acceptDays: '受理时限', acceptDaysHint: '问题反映后，牵头部门须在此期限内受理',
    escalateTo: '逾期升级至{{level}}', escalateHint: '超过办结时限的工作日数', workdays: '个工作日',
    required: '请填写天数', notDecreasing: '应不少于上一级的天数', save: '保存设置', saved: '问题办理设置已保存',
    defaults: '该区域尚未单独设置，当前为系统默认值；保存后即为该区域的设置。',
    inherited: '该区域尚未单独设置，当前沿用{{region}}的设置；保存后即为该区域的设置。',
    own: '以下为{{region}}的设置，下级区域未单独设置时沿用。',
  },
  workdays: {
    title: '工作日调整', year: '年份', yearLabel: '{{year}}年',
    intro: '国家法定节假日和调休上班日已内置（chinese-days），无需录入。此处只录入本地的例外，例如临时放假或另行安排的上班日；这里的每一行都优先于内置日历。',
    date: '日期', kind: '类型', workday: '工作日', restday: '休息日', note: '说明', notePlaceholder: '如：防汛临时放假',
    noteTooLong: '说明最长 200 个字', dateRequired: '请选择日期', empty: '本年度没有调整，按内置日历计算',
    add: '添加一天', remove: '删除', save: '保存 {{year}} 年的调整', saved: '已保存 {{year}} 年的 {{count}} 条调整',
  },
  dispatchDocx: '市调度会清单（Word）',
  dispatchXlsx: '市调度会清单（Excel）',
  overdue: '逾期',
  overdueDays: '逾期 {{count}} 个工作日',
  levelTag: '{{level}}',
  filter: {
    q: '搜索编号、标题或项目', status: '状态', category: '类别', severity: '严重程度', department: '牵头部门',
    level: '升级层级', overdueOnly: '只看逾期', region: '区域', reset: '重置',
  },
  col: {
    code: '问题编号', project: '项目', title: '问题', category: '类别', severity: '严重程度', department: '牵头部门',
    coDepartments: '协办部门', status: '状态', due: '受理/办结时限', level: '升级层级', raisedAt: '反映时间',
    raisedBy: '反映人', actions: '操作', acceptDue: '受理时限', dueDate: '办结时限', region: '区域',
    description: '问题描述', solution: '解决情况', report: '来源报告',
  },
  acceptBy: '受理时限',
  dueBy: '办结时限',
  empty: { mine: '当前没有待您受理的问题', handling: '当前没有办理中的问题', all: '没有符合条件的问题', project: '本项目暂无反映的问题' },
  form: {
    project: '项目', projectPlaceholder: '输入项目名称、编码或拼音首字母搜索', category: '问题类别', severity: '严重程度',
    title: '问题标题', titlePlaceholder: '一句话概括问题，如：供电线路迁改未落实', description: '问题描述',
    descriptionPlaceholder: '问题的具体情况、影响和需要协调的事项', department: '牵头部门', coDepartments: '协办部门',
    coDepartmentsPlaceholder: '可选，多个部门', attachments: '附件', addFile: '选择文件',
    required: { project: '请选择项目', category: '请选择问题类别', severity: '请选择严重程度', title: '请填写问题标题', description: '请填写问题描述', department: '请选择牵头部门' },
    submit: '提交', cancel: '取消', raised: '问题 {{code}} 已反映，已通知牵头部门', attachFailed: '问题已反映，但附件 {{name}} 上传失败：{{error}}',
    fromReport: '来自调度填报',
  },
  detail: {
    back: '返回问题列表', timeline: '办理过程', info: '问题信息', attachments: '附件', upload: '上传附件', noAttachments: '暂无附件',
    uploaded: '附件已上传', raisedBy: '{{name}} 于 {{at}} 反映', committed: '承诺办结时限：', took: '用时 {{d}}',
    escalatedTo: '升级至{{level}}', notFound: '问题不存在或无权查看', version: '已被他人修改，请刷新后重试',
  },
  action: {
    accept: '受理', progress: '记录办理情况', solve: '办结', verify: '确认解决', reopen: '重新打开',
    acceptTitle: '受理问题', progressTitle: '记录办理情况', solveTitle: '办结问题', verifyTitle: '确认问题已解决', reopenTitle: '重新打开问题',
    dueDate: '办结时限', dueDateRequired: '请选择承诺的办结时限', note: '说明', noteRequired: '请填写办理情况',
    solution: '解决情况', solutionRequired: '请填写解决情况', reason: '重新打开的原因', reasonRequired: '请填写重新打开的原因',
    done: { accept: '已受理', progress: '已记录', solve: '已办结，等待反映人确认', verify: '已确认解决，问题关闭', reopen: '问题已重新打开' },
    ok: '确定',
  },
  duration: { minutes: '{{n}} 分钟', hours: '{{n}} 小时', days: '{{n}} 天' },
  stats: {
    open: '未办结', solved: '已办结', onTimeRate: '按时办结率', avgDays: '平均办结天数', ageing: '未办结问题账龄',
    by: { department: '按部门', category: '按类别', region: '按县区' },
    col: { name: '名称', open: '未办结', solved: '已办结', onTimeRate: '按时办结率', avgDays: '平均办结天数', b7: '≤7天', b30: '8–30天', b90: '31–90天', b90plus: '>90天' },
    slowestFirst: '办结最慢的排在前面',
    chart: '未办结与已办结问题数',
    tipOnTime: '按时办结率 = 在办结时限内办结的问题 ÷ 已办结的问题',
    tipAvg: '平均办结天数 = 从反映到办结的自然日平均数',
    days: '{{n}} 天',
  },
  notifications: {
    title: '通知', all: '全部通知', unreadOnly: '只看未读', markRead: '标为已读', markAllRead: '全部标为已读', empty: '暂无通知',
    emptyUnread: '没有未读通知', bell: '通知（{{count}} 条未读）', unread: '未读', allRead: '已全部标为已读', open: '查看',
  },
  loadFailed: '加载失败',
};

type Resources = typeof zhCN;

const enUS: Resources = {
  enum: {
    category: {
      land: 'Land', approvals: 'Approvals', funding: 'Funding', demolition: 'Demolition & resettlement', utilities: 'Power/water/gas/heat',
      environment: 'Environment', energy_quota: 'Energy quota', labour: 'Labour', construction: 'Construction', other: 'Other',
    },
    severity: { general: 'General', major: 'Major', critical: 'Critical' },
    status: { open: 'To accept', accepted: 'In hand', solved: 'Solved', closed: 'Closed', reopened: 'Reopened' },
    level: { 0: 'Department', 1: 'County office / special team', 2: 'Lead leader', 3: 'City dispatch meeting' } as Record<number, string>,
    event: {
      raised: 'Raised', accepted: 'Accepted', progress: 'Handling note', solved: 'Solved', verified: 'Verified and closed',
      reopened: 'Reopened', escalated: 'Escalated', attached: 'Attachment',
    },
  },
  title: 'Roadblocks',
  tab: 'Roadblocks',
  statsTitle: 'Roadblock statistics',
  tabs: { mine: 'To accept', handling: 'In hand', all: 'All' },
  raise: 'Raise a roadblock',
  raiseTitle: 'Raise a roadblock',
  statsLink: 'Statistics',
  settingsLink: 'Handling settings',
  settings: {
    title: 'Roadblock handling settings', back: 'Back to roadblocks',
    intro: 'Limits and escalation are counted in working days: the national holidays and make-up workdays, plus the office adjustments below.',
    handling: 'Acceptance limit and escalation', acceptDays: 'Accept within', acceptDaysHint: 'The lead department must accept a raised roadblock within this limit',
    escalateTo: 'Escalate to {{level}} after', escalateHint: 'Working days past the due date', workdays: 'working days',
    required: 'Enter the number of days', notDecreasing: 'Must not be less than the previous level', save: 'Save settings', saved: 'Handling settings saved',
    defaults: 'This region has no settings of its own; the defaults apply. Saving gives it its own.',
    inherited: 'This region has no settings of its own; those of {{region}} apply. Saving gives it its own.',
    own: 'Settings of {{region}}; lower regions without their own inherit them.',
  },
  workdays: {
    title: 'Working-day adjustments', year: 'Year', yearLabel: '{{year}}',
    intro: 'National holidays and make-up workdays are built in (chinese-days) and need no entry. Enter only local exceptions here, such as an extra day off or an extra working day; each row overrides the built-in calendar.',
    date: 'Date', kind: 'Kind', workday: 'Working day', restday: 'Day off', note: 'Note', notePlaceholder: 'e.g. flood-control day off',
    noteTooLong: 'Note at most 200 characters', dateRequired: 'Choose a date', empty: 'No adjustments this year; the built-in calendar applies',
    add: 'Add a day', remove: 'Remove', save: 'Save adjustments for {{year}}', saved: '{{count}} adjustments for {{year}} saved',
  },
  dispatchDocx: 'Dispatch meeting list (Word)',
  dispatchXlsx: 'Dispatch meeting list (Excel)',
  overdue: 'Overdue',
  overdueDays: '{{count}} working days overdue',
  levelTag: '{{level}}',
  filter: {
    q: 'Search code, title or project', status: 'Status', category: 'Category', severity: 'Severity', department: 'Lead department',
    level: 'Escalation', overdueOnly: 'Overdue only', region: 'Region', reset: 'Reset',
  },
  col: {
    code: 'Code', project: 'Project', title: 'Roadblock', category: 'Category', severity: 'Severity', department: 'Lead department',
    coDepartments: 'Co-handling', status: 'Status', due: 'Accept by / due', level: 'Escalation', raisedAt: 'Raised',
    raisedBy: 'Raised by', actions: 'Actions', acceptDue: 'Accept by', dueDate: 'Due date', region: 'Region',
    description: 'Description', solution: 'Solution', report: 'From report',
  },
  acceptBy: 'Accept by',
  dueBy: 'Due',
  empty: { mine: 'Nothing waiting for you to accept', handling: 'Nothing in hand', all: 'No roadblocks match', project: 'No roadblocks raised for this project' },
  form: {
    project: 'Project', projectPlaceholder: 'Search by name, code or pinyin initials', category: 'Category', severity: 'Severity',
    title: 'Title', titlePlaceholder: 'One line, e.g. power line relocation not done', description: 'Description',
    descriptionPlaceholder: 'What is happening, its effect, and what needs coordinating', department: 'Lead department', coDepartments: 'Co-handling departments',
    coDepartmentsPlaceholder: 'Optional, several allowed', attachments: 'Attachments', addFile: 'Choose files',
    required: { project: 'Choose the project', category: 'Choose a category', severity: 'Choose a severity', title: 'Enter a title', description: 'Describe the roadblock', department: 'Choose the lead department' },
    submit: 'Submit', cancel: 'Cancel', raised: 'Roadblock {{code}} raised; the lead department has been notified', attachFailed: 'Raised, but attachment {{name}} failed: {{error}}',
    fromReport: 'From progress report',
  },
  detail: {
    back: 'Back to roadblocks', timeline: 'Steps', info: 'Roadblock', attachments: 'Attachments', upload: 'Upload', noAttachments: 'No attachments',
    uploaded: 'Attachment uploaded', raisedBy: 'Raised by {{name}} on {{at}}', committed: 'Committed due date: ', took: 'took {{d}}',
    escalatedTo: 'Escalated to {{level}}', notFound: 'Roadblock not found or not visible to you', version: 'Changed by someone else; reload and retry',
  },
  action: {
    accept: 'Accept', progress: 'Record handling', solve: 'Mark solved', verify: 'Confirm solved', reopen: 'Reopen',
    acceptTitle: 'Accept roadblock', progressTitle: 'Record handling', solveTitle: 'Mark solved', verifyTitle: 'Confirm it is solved', reopenTitle: 'Reopen roadblock',
    dueDate: 'Due date', dueDateRequired: 'Choose the date you commit to', note: 'Note', noteRequired: 'Describe the handling',
    solution: 'Solution', solutionRequired: 'Describe the solution', reason: 'Reason for reopening', reasonRequired: 'Give the reason',
    done: { accept: 'Accepted', progress: 'Recorded', solve: 'Solved; waiting for the raiser to confirm', verify: 'Confirmed; roadblock closed', reopen: 'Reopened' },
    ok: 'OK',
  },
  duration: { minutes: '{{n}} min', hours: '{{n}} h', days: '{{n}} days' },
  stats: {
    open: 'Open', solved: 'Solved', onTimeRate: 'On-time rate', avgDays: 'Avg. days to solve', ageing: 'Age of open roadblocks',
    by: { department: 'By department', category: 'By category', region: 'By county' },
    col: { name: 'Name', open: 'Open', solved: 'Solved', onTimeRate: 'On-time rate', avgDays: 'Avg. days', b7: '≤7 d', b30: '8–30 d', b90: '31–90 d', b90plus: '>90 d' },
    slowestFirst: 'Slowest first',
    chart: 'Open and solved roadblocks',
    tipOnTime: 'On-time rate = solved by the due date ÷ solved',
    tipAvg: 'Average calendar days from raising to solving',
    days: '{{n}} d',
  },
  notifications: {
    title: 'Notifications', all: 'All notifications', unreadOnly: 'Unread only', markRead: 'Mark read', markAllRead: 'Mark all read', empty: 'No notifications',
    emptyUnread: 'No unread notifications', bell: 'Notifications ({{count}} unread)', unread: 'Unread', allRead: 'All marked read', open: 'Open',
  },
  loadFailed: 'Failed to load',
};

export const resources = { 'zh-CN': zhCN, 'en-US': enUS };
export const NS = 'problems';

// Route modules may be evaluated before the app calls i18n.init(); the store exists only after it.
const register = () => {
  for (const [lng, bundle] of Object.entries(resources)) i18n.addResourceBundle(lng, NS, bundle, true, true);
};
if (i18n.isInitialized || i18n.store) register();
else i18n.on('initialized', register);
