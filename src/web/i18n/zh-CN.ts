// Chinese (the users' language) — the reference catalogue; en-US must have the same keys.
// Enum labels come straight from src/domain/labels.ts so the server's spreadsheets and the
// screens always use the same words.
import {
  BATCH_KIND_LABELS, CATEGORY_LABELS, FACTOR_KIND_LABELS, FACTOR_STATUS_LABELS, INDUSTRY_LABELS, LEVEL_LABELS,
  MILESTONE_KIND_LABELS, PROCEDURE_STATUS_LABELS, ROLE_LABELS, SEASON_LABELS, STAGE_LABELS, TEAM_ROLE_LABELS,
} from '../../domain/labels.ts';

const zhCN = {
  app: { name: '推进', fullName: '推进·重点项目推进平台', subtitle: '重点项目推进平台' },
  common: {
    save: '保存', cancel: '取消', edit: '编辑', add: '添加', remove: '删除', confirm: '确定', back: '返回',
    reload: '刷新', search: '搜索', reset: '重置', loading: '加载中…', none: '暂无', yes: '是', no: '否',
    actions: '操作', saved: '已保存', more: '更多', all: '全部', close: '关闭', loadMore: '加载更多',
    unit: { wan: '万元', yi: '亿元', mu: '亩', tce: '吨标准煤', kva: '千伏安', people: '人' },
    required: '请填写{{field}}', selectRequired: '请选择{{field}}',
    moneyInvalid: '请输入以万元计的金额，如 12500 或 1.2亿', notFound: '页面不存在', notFoundHint: '您访问的页面不存在或已被移除。',
    backHome: '返回台账', forbidden: '无权访问此页面',
  },
  lang: { label: '语言', 'zh-CN': '中文', 'en-US': 'English' },
  menu: {
    cockpit: '驾驶舱', map: '挂图作战', gantt: '进度计划', bulletins: '月度通报', ledger: '台账', reports: '调度填报', periods: '填报期间', stats: '统计分析', cards: '亮牌评定', supervision: '督办约谈', problems: '问题直通车', batches: '集中开工/签约', leaders: '包靠领导', import: '台账导入', users: '用户管理', audit: '操作日志',
    account: '账号', changePassword: '修改密码', tokens: 'API 令牌', logout: '退出', openMenu: '打开菜单',
  },
  auth: {
    title: '登录', welcome: '重点项目推进平台', username: '用户名', password: '密码', login: '登录',
    usernameRequired: '请输入用户名', passwordRequired: '请输入密码', locked: '账号已锁定',
    loggedOut: '已退出登录', sessionExpired: '登录已过期，请重新登录', footer: '建档立卡 · 台账管理 · 全周期闭环推进',
  },
  errors: {
    title: '操作失败', network: '网络连接失败，请检查网络后重试', unknown: '发生未知错误（{{status}}）',
    conflict: '该项目已被他人修改，请刷新后重试', fieldsTitle: '请检查以下内容：', forbidden: '无权执行此操作',
    loadFailed: '加载失败', row: '第 {{row}} 行',
  },
  enum: {
    stage: STAGE_LABELS, level: LEVEL_LABELS, category: CATEGORY_LABELS, industry: INDUSTRY_LABELS, role: ROLE_LABELS,
    batchKind: BATCH_KIND_LABELS, season: SEASON_LABELS, teamRole: TEAM_ROLE_LABELS, factorKind: FACTOR_KIND_LABELS,
    factorStatus: FACTOR_STATUS_LABELS, procedureStatus: PROCEDURE_STATUS_LABELS, milestoneKind: MILESTONE_KIND_LABELS,
    fundSource: { government: '政府投资', specialBonds: '专项债券', bankLoans: '银行贷款', selfRaised: '企业自筹', other: '其他' },
    reserveGrade: { A: 'A级（成熟）', B: 'B级（较成熟）', C: 'C级（谋划）' },
    orgKind: { government: '政府', department: '部门', enterprise: '企业', park: '园区' },
  },
  field: {
    code: '项目编码', name: '项目名称', regionCode: '所属区域', regionName: '所属区域', level: '项目级别',
    category: '项目类别', industry: '所属产业', stage: '项目阶段', stageDate: '阶段日期', pausedFrom: '停缓建前阶段',
    totalInvestment: '总投资', annualPlan: '年度计划投资', fundSources: '资金来源', plannedStart: '计划开工',
    plannedCompletion: '计划竣工', plannedProduction: '计划投产', actualStart: '实际开工', actualCompletion: '实际竣工',
    actualProduction: '实际投产', leaderId: '包靠领导', leaderName: '包靠领导', responsibleUnitId: '责任单位',
    responsibleUnit: '责任单位', ownerId: '项目单位', owner: '项目单位', constructionContent: '建设内容',
    address: '建设地点', longitude: '经度', latitude: '纬度', coordinates: '坐标', reserveGrade: '储备等级',
    targetYear: '目标年份', tags: '标签', batchIds: '集中开工批次', version: '版本', createdAt: '创建时间',
    updatedAt: '更新时间', plannedInvestment: '计划投资', monthly: '月度分解', mustStart: '当年必须开工',
    mustComplete: '当年必须竣工', mustProduce: '当年必须投产', personId: '人员', role: '角色', duty: '职责',
    orgName: '所在单位', phone: '联系电话', status: '状态', plannedDate: '计划日期', actualDate: '实际日期',
    baselineDate: '基准日期', documentNo: '文号', authority: '审批部门', kind: '类型', quantity: '数量',
    unit: '单位', description: '说明', responsible: '责任人', note: '说明', date: '日期', to: '变更为',
  },
  ledger: {
    title: '项目台账', searchPlaceholder: '搜索名称、编码、项目单位或拼音首字母', region: '区域', level: '级别',
    category: '类别', industry: '产业', stage: '阶段', leader: '包靠领导', unit: '责任单位', batch: '集中开工批次',
    tag: '标签', investment: '总投资（万元）', minInvestment: '总投资下限', maxInvestment: '总投资上限', moreFilters: '更多筛选', lessFilters: '收起筛选',
    clearFilters: '清空筛选', export: '导出Excel', create: '新建项目', columns: '显示列', columnsReset: '恢复默认列',
    totalsCount: '项目数', totalsInvestment: '总投资', totalsAnnual: '{{year}}年计划投资', countValue: '{{count}} 个',
    empty: '没有符合条件的项目', annualColumn: '{{year}}年计划', pageTotal: '共 {{total}} 个项目', openCard: '查看 {{name}} 的项目档案',
  },
  card: {
    title: '项目档案', subtitle: '建档立卡', edit: '编辑项目', stageChange: '阶段变更', stageChangeTitle: '阶段变更：{{name}}',
    stageTo: '变更为', stageDate: '变更日期', stageNote: '变更说明', stageNoteRequired: '请填写阶段变更说明',
    noAllowedStages: '当前阶段不可再变更', stageChanged: '阶段已变更为{{stage}}', since: '自 {{date}}',
    tabs: {
      basic: '基本信息', team: '专班与联系人', procedures: '审批手续', factors: '要素需求', milestones: '节点',
      annual: '年度计划', batches: '集中开工批次', history: '变更记录',
    },
    basic: { facts: '项目概况', dates: '计划与实际日期', funds: '资金来源', fundsTotal: '资金来源合计', amount: '金额', people: '责任体系', transitions: '阶段变更记录', noCoordinates: '未标注', actual: '实际' },
    rows: { empty: '暂无记录，点击“编辑”添加', addRow: '添加一行', count: '共 {{count}} 条', saved: '{{tab}}已保存' },
    team: { name: '姓名', leaderHint: '包靠领导在“基本信息”中设置，此处维护专班成员和联系人' },
    procedures: { name: '手续名称', progress: '已办结 {{done}} / {{total}} 项', addUsual: '添加常用手续' },
    factors: { unitHint: '默认按类型' },
    milestones: { name: '节点名称', overdue: '已逾期', key: '关键节点', delay: '较基准推迟 {{days}} 天' },
    annual: {
      year: '年度', plannedInvestment: '年度计划投资（万元）', splitMonthly: '按月分解', month: '{{month}}月',
      cumulative: '累计', sumCheckOk: '月度合计 {{sum}}，与年度计划一致', sumCheckBad: '月度合计 {{sum}}，与年度计划 {{plan}} 不一致（差 {{diff}}）',
      targets: '年度目标', sumMustMatch: '月度分解合计须等于年度计划投资', noPlan: '{{year}}年尚未编制计划', saved: '{{year}}年度计划已保存',
    },
    batches: { empty: '未列入集中开工/签约批次', mainVenue: '主会场', eventDate: '活动日期', open: '查看批次' },
    history: {
      empty: '暂无变更记录', who: '操作人', when: '时间', action: '操作', changes: '变更内容', noFieldChanges: '—',
      rowsChange: '{{before}} 条 → {{after}} 条', loadOlder: '加载更早记录', empty_value: '（空）',
      actions: {
        create: '新建', update: '修改', stage: '阶段变更', team: '调整专班', procedures: '更新审批手续', factors: '更新要素需求',
        milestones: '更新节点', annual: '更新年度计划', import: '台账导入', batch: '批次调整', delete: '删除',
      },
    },
  },
  form: {
    createTitle: '新建项目', editTitle: '编辑项目：{{name}}', basic: '基本信息', investment: '投资与资金',
    schedule: '计划日期', responsibility: '责任体系', location: '建设地点', other: '其他',
    initialStage: '初始阶段', typeToCreate: '可直接输入新名称', tagsPlaceholder: '输入后回车添加标签',
    created: '项目已创建', saved: '项目已保存', conflictTitle: '保存冲突', reloadLatest: '刷新为最新内容',
    invalidRange: '{{field}}超出范围', startBeforeCompletion: '计划竣工不能早于计划开工',
    fundsExceed: '资金来源合计 {{sum}} 超过总投资 {{total}}',
  },
  select: {
    region: '选择区域', org: '选择或搜索单位', person: '选择或搜索领导', batch: '选择批次', tags: '选择标签',
    newItem: '新建：{{name}}',
  },
  shell: { regionLabel: '区域', roleLabel: '角色', placeholder: '该页面正在建设中', demoClock: '演示数据 · 系统日期 {{date}}', demoClockShort: '演示 {{date}}', demoClockHint: '演示数据库描述的是这一天的聊城：截止日期、逾期、升级和默认日期都按这一天计算，时刻照常走。' },
};

export default zhCN;
