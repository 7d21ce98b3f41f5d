// Strings of the administration pages (users, audit log), registered under the 'admin' namespace.
import i18n from 'i18next';

const zhCN = {
  users: {
    title: '用户管理',
    searchPlaceholder: '搜索用户名或姓名', allRoles: '全部角色', create: '新建用户',
    col: {
      username: '用户名', displayName: '姓名', role: '角色', region: '管辖区域', link: '所属单位 / 对应人员',
      status: '状态', passwordChangedAt: '密码修改于', createdAt: '创建时间', actions: '操作',
    },
    status: { active: '正常', disabled: '已停用', locked: '已锁定至 {{until}}' },
    self: '（我）',
    action: { edit: '编辑', reset: '重置密码', disable: '停用', enable: '启用', tokens: 'API 令牌' },
    tokens: {
      title: 'API 令牌：{{name}}',
      intro: '该用户为系统对接创建的令牌（只显示前缀）。吊销某个令牌后，使用它的对接立即失效；不影响该用户的密码、登录和其他令牌。',
      name: '用途', prefix: '前缀', createdAt: '创建时间', lastUsedAt: '最近使用', never: '从未使用',
      revoke: '吊销', confirm: '吊销令牌「{{name}}」？使用它的对接将立即失效。', revoked: '已吊销令牌「{{name}}」',
      revokedAt: '已于 {{at}} 吊销', empty: '该用户没有 API 令牌',
    },
    disableConfirm: '停用用户“{{name}}”？其所有登录将立即失效。',
    enableConfirm: '启用用户“{{name}}”？如因多次输错密码被锁定，也会一并解锁。',
    disabledMsg: '用户已停用', enabledMsg: '用户已启用',
    form: {
      createTitle: '新建用户', editTitle: '编辑用户：{{name}}',
      username: '用户名', usernameHint: '登录用，创建后不能修改；可用字母、数字和 _ . @ -',
      usernameRequired: '请填写用户名', usernameInvalid: '用户名只能包含字母、数字和 _ . @ -',
      usernameLength: '用户名 2 到 64 个字符',
      displayName: '姓名', displayNameRequired: '请填写姓名',
      password: '初始密码', passwordHint: '至少 10 位，须同时包含字母和数字；请通过安全渠道告知本人，并提醒其登录后修改',
      passwordRequired: '请填写初始密码', passwordShort: '密码至少 10 位', passwordLettersDigits: '密码须同时包含字母和数字',
      generate: '随机生成',
      role: '角色', roleRequired: '请选择角色',
      region: '管辖区域', regionRequired: '请选择管辖区域', regionHint: '用户只能看到该区域及其下级区域的数据',
      org: '所属单位', orgRequired: '责任单位、项目单位和职能部门用户须指定所属单位',
      person: '对应人员', personRequired: '包靠领导用户须指定对应的人员',
      disabled: '停用此账号',
      save: '保存', cancel: '取消', created: '用户已创建', saved: '用户已保存',
      selfLimited: '不能修改自己的角色、区域或停用自己的账号',
    },
    reset: {
      title: '重置密码：{{name}}',
      intro: '重置后该用户的所有登录和 API 令牌立即失效，需用新密码重新登录、重新创建令牌。请通过安全渠道告知本人。',
      password: '新密码', confirm: '确认新密码', mismatch: '两次输入的密码不一致', confirmRequired: '请再次输入新密码',
      submit: '重置密码', done: '密码已重置',
    },
    roleHint: {
      admin: '管理用户和系统设置', office: '维护台账、导入、集中开工、年度计划', unit: '维护本单位负责的项目',
      owner: '填报本单位的项目', leader: '查看包靠的项目', department: '处理转办给本部门的问题',
      viewer: '只读查看', auditor: '只读查看全部内容和操作日志',
    },
    empty: '没有符合条件的用户',
  },
  audit: {
    title: '操作日志',
    filter: { entityType: '对象类型', action: '操作', username: '操作人', usernamePlaceholder: '用户名', all: '全部', reset: '清空筛选' },
    col: { at: '时间', username: '操作人', action: '操作', object: '对象', note: '说明', changes: '变更字段' },
    openBatch: '查看活动', loadMore: '加载更多', noMore: '已显示全部记录', empty: '没有符合条件的记录',
    count: '已加载 {{count}} 条',
    fields: {
      level: '级别', username: '用户名', displayName: '姓名', disabled: '停用', passwordReset: '重置密码', orgId: '所属单位', personId: '对应人员',
      eventDate: '活动日期', venue: '会场', season: '季节', mainProjectId: '主会场项目', projectIds: '活动项目', name: '名称',
      fromStage: '原阶段', toStage: '新阶段', prefix: '令牌前缀', year: '年度',
      batchId: '活动', batchName: '活动名称', projectCount: '项目数', added: '加入的项目', removed: '移出的项目', id: '编号',
    },
    diff: { field: '字段', before: '修改前', after: '修改后', empty: '（空）', raw: '原始数据', rows: '{{count}} 条', none: '无字段变化' },
    entity: {
      project: '项目', batch: '集中开工/签约', user: '用户', api_token: 'API 令牌', annual_plan: '年度计划',
      team: '专班', procedures: '审批手续', factorNeeds: '要素需求', milestones: '节点', system: '系统',
    },
    action: {
      project: { created: '新建项目', updated: '修改项目', stage_changed: '阶段变更', annual_plan_updated: '更新年度计划', team_updated: '调整专班', procedures_updated: '更新审批手续', factorNeeds_updated: '更新要素需求', milestones_updated: '更新节点', imported: '导入新建项目', import_updated: '导入更新项目' },
      batch: { created: '新建活动', updated: '修改活动', deleted: '删除活动', projects_set: '调整活动项目', project_added: '活动加入项目', project_removed: '活动移出项目' },
      user: { created: '新建用户', updated: '修改用户', disabled: '停用用户' },
      auth: { login: '登录', login_failed: '登录失败', password_changed: '修改密码' },
      token: { created: '创建 API 令牌', revoked: '吊销 API 令牌' },
      seed: { demo: '载入演示数据' },
    },
  },
};

type Resources = typeof zhCN;

const enUS: Resources = {
  users: {
    title: 'Users',
    searchPlaceholder: 'Search username or name', allRoles: 'All roles', create: 'New user',
    col: {
      username: 'Username', displayName: 'Name', role: 'Role', region: 'Region', link: 'Organisation / person',
      status: 'Status', passwordChangedAt: 'Password changed', createdAt: 'Created', actions: 'Actions',
    },
    status: { active: 'Active', disabled: 'Disabled', locked: 'Locked until {{until}}' },
    self: ' (me)',
    action: { edit: 'Edit', reset: 'Reset password', disable: 'Disable', enable: 'Enable', tokens: 'API tokens' },
    tokens: {
      title: 'API tokens: {{name}}',
      intro: 'Tokens this user made for integrations (prefix only). Revoking one stops whatever uses it at once; the password, sessions and other tokens stay.',
      name: 'Purpose', prefix: 'Prefix', createdAt: 'Created', lastUsedAt: 'Last used', never: 'Never',
      revoke: 'Revoke', confirm: 'Revoke the token "{{name}}"? Whatever uses it stops at once.', revoked: 'Token "{{name}}" revoked',
      revokedAt: 'Revoked {{at}}', empty: 'This user has no API tokens',
    },
    disableConfirm: 'Disable "{{name}}"? All their sessions end at once.',
    enableConfirm: 'Enable "{{name}}"? A lock after failed sign-ins is lifted too.',
    disabledMsg: 'User disabled', enabledMsg: 'User enabled',
    form: {
      createTitle: 'New user', editTitle: 'Edit user: {{name}}',
      username: 'Username', usernameHint: 'Used to sign in; cannot be changed later. Letters, digits and _ . @ -',
      usernameRequired: 'Enter a username', usernameInvalid: 'Only letters, digits and _ . @ -',
      usernameLength: '2 to 64 characters',
      displayName: 'Name', displayNameRequired: 'Enter the name',
      password: 'Initial password', passwordHint: 'At least 10 characters with letters and digits; hand it over safely and ask them to change it',
      passwordRequired: 'Enter an initial password', passwordShort: 'At least 10 characters', passwordLettersDigits: 'Use both letters and digits',
      generate: 'Generate',
      role: 'Role', roleRequired: 'Choose a role',
      region: 'Region', regionRequired: 'Choose a region', regionHint: 'The user sees this region and the regions below it',
      org: 'Organisation', orgRequired: 'Unit, owner and department users need an organisation',
      person: 'Person', personRequired: 'Lead leader users need a person',
      disabled: 'Disable this account',
      save: 'Save', cancel: 'Cancel', created: 'User created', saved: 'User saved',
      selfLimited: 'You cannot change your own role or region, or disable yourself',
    },
    reset: {
      title: 'Reset password: {{name}}',
      intro: 'All their sessions and API tokens end at once; they sign in with the new password and make new tokens. Hand it over safely.',
      password: 'New password', confirm: 'Confirm new password', mismatch: 'The passwords differ', confirmRequired: 'Enter the new password again',
      submit: 'Reset password', done: 'Password reset',
    },
    roleHint: {
      admin: 'Manages users and settings', office: 'Keeps the ledger, imports, batch events, annual plans', unit: 'Keeps its own projects',
      owner: 'Reports on its own projects', leader: 'Sees the projects they carry', department: 'Handles problems routed to it',
      viewer: 'Read only', auditor: 'Reads everything, including the audit log',
    },
    empty: 'No matching users',
  },
  audit: {
    title: 'Audit log',
    filter: { entityType: 'Object type', action: 'Action', username: 'User', usernamePlaceholder: 'Username', all: 'All', reset: 'Clear filters' },
    col: { at: 'Time', username: 'User', action: 'Action', object: 'Object', note: 'Note', changes: 'Changed fields' },
    openBatch: 'Open event', loadMore: 'Load more', noMore: 'All entries shown', empty: 'No matching entries',
    count: '{{count}} loaded',
    fields: {
      level: 'Level', username: 'Username', displayName: 'Name', disabled: 'Disabled', passwordReset: 'Password reset', orgId: 'Organisation', personId: 'Person',
      eventDate: 'Event date', venue: 'Venue', season: 'Season', mainProjectId: 'Main venue project', projectIds: 'Event projects', name: 'Name',
      fromStage: 'From stage', toStage: 'To stage', prefix: 'Token prefix', year: 'Year',
      batchId: 'Event', batchName: 'Event name', projectCount: 'Projects', added: 'Projects added', removed: 'Projects removed', id: 'ID',
    },
    diff: { field: 'Field', before: 'Before', after: 'After', empty: '(empty)', raw: 'Raw data', rows: '{{count}} rows', none: 'No field changes' },
    entity: {
      project: 'Project', batch: 'Batch event', user: 'User', api_token: 'API token', annual_plan: 'Annual plan',
      team: 'Special team', procedures: 'Procedures', factorNeeds: 'Factor needs', milestones: 'Milestones', system: 'System',
    },
    action: {
      project: { created: 'Project created', updated: 'Project updated', stage_changed: 'Stage changed', annual_plan_updated: 'Annual plan updated', team_updated: 'Team updated', procedures_updated: 'Procedures updated', factorNeeds_updated: 'Factor needs updated', milestones_updated: 'Milestones updated', imported: 'Created by import', import_updated: 'Updated by import' },
      batch: { created: 'Event created', updated: 'Event updated', deleted: 'Event deleted', projects_set: 'Event projects set', project_added: 'Project added to event', project_removed: 'Project removed from event' },
      user: { created: 'User created', updated: 'User updated', disabled: 'User disabled' },
      auth: { login: 'Signed in', login_failed: 'Sign-in failed', password_changed: 'Password changed' },
      token: { created: 'API token created', revoked: 'API token revoked' },
      seed: { demo: 'Demo data loaded' },
    },
  },
};

export const resources = { 'zh-CN': zhCN, 'en-US': enUS };
export const NS = 'admin';
/** Object types and their actions, for the filters (the log may hold others; they show by code). */
export const AUDIT_ACTIONS = Object.entries(zhCN.audit.action).flatMap(([entity, actions]) =>
  Object.keys(actions).map((a) => `${entity}.${a}`),
);
export const AUDIT_ENTITIES = Object.keys(zhCN.audit.entity);

// Route modules may be evaluated before the app calls i18n.init(); the store exists only after it.
const register = () => {
  for (const [lng, bundle] of Object.entries(resources)) i18n.addResourceBundle(lng, NS, bundle, true, true);
};
if (i18n.isInitialized || i18n.store) register();
else i18n.on('initialized', register);
