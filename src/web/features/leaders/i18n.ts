// Strings of the lead-leader pages (包靠领导), registered under the 'leaders' namespace.
import i18n from 'i18next';

const zhCN = {
  title: '包靠领导',
  searchPlaceholder: '搜索姓名或拼音首字母',
  col: {
    name: '姓名', title: '职务', org: '所在单位', projectCount: '包靠项目', totalInvestment: '总投资',
    code: '项目编码', projectName: '项目名称', stage: '阶段', level: '级别', region: '区域',
    plannedStart: '计划开工', plannedCompletion: '计划竣工', plannedProduction: '计划投产',
    role: '专班角色', duty: '职责', annualPlan: '年度计划投资',
  },
  summary: {
    count: '包靠项目', totalInvestment: '总投资', teamCount: '参加专班', byStage: '按阶段',
    phone: '联系电话', org: '所在单位', region: '区域', none: '—', countValue: '{{count}} 个',
  },
  projectsTitle: '包靠项目（{{count}}）',
  teamTitle: '参加的专班（{{count}}）',
  empty: { leaders: '暂无包靠领导', projects: '暂无包靠项目', team: '未参加专班' },
  back: '返回领导列表',
  loadFailed: '加载失败',
};

type Resources = typeof zhCN;

const enUS: Resources = {
  title: 'Lead leaders',
  searchPlaceholder: 'Search by name or pinyin initials',
  col: {
    name: 'Name', title: 'Title', org: 'Organisation', projectCount: 'Projects', totalInvestment: 'Total investment',
    code: 'Code', projectName: 'Project', stage: 'Stage', level: 'Level', region: 'Region',
    plannedStart: 'Planned start', plannedCompletion: 'Planned completion', plannedProduction: 'Planned production',
    role: 'Team role', duty: 'Duty', annualPlan: 'Annual plan',
  },
  summary: {
    count: 'Projects led', totalInvestment: 'Total investment', teamCount: 'Special teams', byStage: 'By stage',
    phone: 'Phone', org: 'Organisation', region: 'Region', none: '—', countValue: '{{count}}',
  },
  projectsTitle: 'Projects led ({{count}})',
  teamTitle: 'Special teams ({{count}})',
  empty: { leaders: 'No lead leaders', projects: 'No projects', team: 'Not on any special team' },
  back: 'Back to leaders',
  loadFailed: 'Failed to load',
};

export const resources = { 'zh-CN': zhCN, 'en-US': enUS };
export const NS = 'leaders';

// Route modules may be evaluated before the app calls i18n.init(); the store exists only after it.
const register = () => {
  for (const [lng, bundle] of Object.entries(resources)) i18n.addResourceBundle(lng, NS, bundle, true, true);
};
if (i18n.isInitialized || i18n.store) register();
else i18n.on('initialized', register);
