// Strings of the account pages (password, API tokens), registered under the 'account' namespace.
import i18n from 'i18next';

const zhCN = {
  password: {
    title: '修改密码',
    intro: '修改成功后，本账号在所有设备上的登录都会失效，需要用新密码重新登录。',
    current: '当前密码', next: '新密码', confirm: '确认新密码',
    currentRequired: '请输入当前密码', nextRequired: '请输入新密码', confirmRequired: '请再次输入新密码',
    tooShort: '新密码至少 10 位', lettersDigits: '新密码须同时包含字母和数字', tooLong: '新密码最长 256 位',
    sameAsCurrent: '新密码不能与当前密码相同', mismatch: '两次输入的新密码不一致',
    rule: '至少 10 位，须同时包含字母和数字',
    submit: '修改密码',
    done: '密码已修改，请用新密码重新登录',
  },
  tokens: {
    title: 'API 令牌',
    intro: 'API 令牌供其他系统（如省级平台、数据大屏）以您的身份调用本平台接口，权限与您的账号相同。请求时在请求头中携带 Authorization: Bearer <令牌>。',
    create: '创建令牌', name: '令牌用途', namePlaceholder: '如：省平台数据对接', nameRequired: '请填写令牌用途',
    nameTooLong: '令牌用途最长 100 个字',
    createdTitle: '令牌已创建',
    createdWarning: '令牌只显示这一次，关闭后无法再次查看。请立即复制并妥善保存；如遗失，请吊销后重新创建。',
    copy: '复制', copied: '已复制', done: '我已保存',
    col: { name: '用途', prefix: '令牌前缀', createdAt: '创建时间', lastUsedAt: '最近使用', status: '状态', actions: '操作' },
    never: '从未使用', active: '有效', revoked: '已吊销（{{at}}）',
    revoke: '吊销', revokeConfirm: '吊销令牌“{{name}}”？使用它的系统将立即无法访问。', revokeOk: '吊销', cancel: '取消',
    revokedMsg: '令牌已吊销', empty: '还没有 API 令牌',
  },
};

type Resources = typeof zhCN;

const enUS: Resources = {
  password: {
    title: 'Change password',
    intro: 'After the change every session of this account ends on every device; sign in again with the new password.',
    current: 'Current password', next: 'New password', confirm: 'Confirm new password',
    currentRequired: 'Enter your current password', nextRequired: 'Enter a new password', confirmRequired: 'Enter the new password again',
    tooShort: 'At least 10 characters', lettersDigits: 'Use both letters and digits', tooLong: 'At most 256 characters',
    sameAsCurrent: 'The new password must differ from the current one', mismatch: 'The two new passwords differ',
    rule: 'At least 10 characters, with letters and digits',
    submit: 'Change password',
    done: 'Password changed; please sign in with the new password',
  },
  tokens: {
    title: 'API tokens',
    intro: 'API tokens let other systems (the provincial platform, dashboards) call this platform as you, with your permissions. Send them as Authorization: Bearer <token>.',
    create: 'Create token', name: 'Purpose', namePlaceholder: 'e.g. provincial platform sync', nameRequired: 'Enter what the token is for',
    nameTooLong: 'At most 100 characters',
    createdTitle: 'Token created',
    createdWarning: 'The token is shown only this once. Copy it now and keep it safe; if it is lost, revoke it and create a new one.',
    copy: 'Copy', copied: 'Copied', done: 'I have saved it',
    col: { name: 'Purpose', prefix: 'Prefix', createdAt: 'Created', lastUsedAt: 'Last used', status: 'Status', actions: 'Actions' },
    never: 'Never', active: 'Active', revoked: 'Revoked ({{at}})',
    revoke: 'Revoke', revokeConfirm: 'Revoke token "{{name}}"? Systems using it lose access at once.', revokeOk: 'Revoke', cancel: 'Cancel',
    revokedMsg: 'Token revoked', empty: 'No API tokens yet',
  },
};

export const resources = { 'zh-CN': zhCN, 'en-US': enUS };
export const NS = 'account';

// Route modules may be evaluated before the app calls i18n.init(); the store exists only after it.
const register = () => {
  for (const [lng, bundle] of Object.entries(resources)) i18n.addResourceBundle(lng, NS, bundle, true, true);
};
if (i18n.isInitialized || i18n.store) register();
else i18n.on('initialized', register);
