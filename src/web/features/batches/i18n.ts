// Strings of the batch-event pages (集中开工 / 集中签约), registered under the 'batches' namespace.
import i18n from 'i18next';

const zhCN = {
  title: '集中开工 / 集中签约',
  detailTitle: '活动详情',
  filter: { year: '年份', allYears: '全部年份', kind: '类型', all: '全部' },
  col: {
    name: '活动名称', kind: '类型', eventDate: '日期', level: '级别', season: '季节', region: '区域',
    venue: '会场', mainProject: '主会场项目', projectCount: '项目数', totalInvestment: '总投资',
    actions: '操作', code: '项目编码', projectName: '项目名称', stage: '阶段', leader: '包靠领导',
    owner: '项目单位', plannedStart: '计划开工',
  },
  action: {
    create: '新建活动', edit: '编辑', members: '调整项目', export: '导出台账', back: '返回列表',
    save: '保存', cancel: '取消', add: '加入', remove: '移出', viewDetail: '查看',
  },
  form: {
    createTitle: '新建集中开工/签约活动', editTitle: '编辑活动',
    name: '活动名称', namePlaceholder: '如：2024年秋季全市重大项目集中开工',
    kind: '类型', level: '级别', season: '季节', eventDate: '活动日期', region: '所属区域',
    venue: '会场', venuePlaceholder: '主会场地点', mainProject: '主会场项目',
    mainProjectPlaceholder: '输入项目名称或编码搜索',
    required: '请填写{{field}}', requiredSelect: '请选择{{field}}',
    nameTooLong: '活动名称最长 200 个字',
  },
  members: {
    title: '调整活动项目：{{name}}', search: '搜索项目并加入', searchPlaceholder: '输入项目名称、编码或拼音首字母',
    selected: '已选 {{count}} 个项目，总投资 {{total}}', empty: '尚未加入项目',
    alreadyIn: '已在活动中', saved: '活动项目已保存',
  },
  summary: {
    projectCount: '项目数', totalInvestment: '总投资', mainProject: '主会场项目', venue: '会场',
    date: '日期', region: '区域', level: '级别', none: '未设置',
  },
  msg: { created: '活动已创建', updated: '活动已保存', loadFailed: '加载失败', empty: '暂无活动' },
  projectsTitle: '活动项目（{{count}}）',
  mainVenueTag: '主会场',
};

type Resources = typeof zhCN;

const enUS: Resources = {
  title: 'Groundbreaking / signing events',
  detailTitle: 'Event details',
  filter: { year: 'Year', allYears: 'All years', kind: 'Kind', all: 'All' },
  col: {
    name: 'Event', kind: 'Kind', eventDate: 'Date', level: 'Level', season: 'Season', region: 'Region',
    venue: 'Venue', mainProject: 'Main venue project', projectCount: 'Projects', totalInvestment: 'Total investment',
    actions: 'Actions', code: 'Code', projectName: 'Project', stage: 'Stage', leader: 'Lead leader',
    owner: 'Owner', plannedStart: 'Planned start',
  },
  action: {
    create: 'New event', edit: 'Edit', members: 'Edit projects', export: 'Export ledger', back: 'Back to list',
    save: 'Save', cancel: 'Cancel', add: 'Add', remove: 'Remove', viewDetail: 'View',
  },
  form: {
    createTitle: 'New groundbreaking / signing event', editTitle: 'Edit event',
    name: 'Name', namePlaceholder: 'e.g. Autumn 2024 city-wide groundbreaking',
    kind: 'Kind', level: 'Level', season: 'Season', eventDate: 'Date', region: 'Region',
    venue: 'Venue', venuePlaceholder: 'Main venue location', mainProject: 'Main venue project',
    mainProjectPlaceholder: 'Search by project name or code',
    required: 'Please enter {{field}}', requiredSelect: 'Please select {{field}}',
    nameTooLong: 'The name may have at most 200 characters',
  },
  members: {
    title: 'Projects of {{name}}', search: 'Search and add projects', searchPlaceholder: 'Project name, code or pinyin initials',
    selected: '{{count}} projects selected, total investment {{total}}', empty: 'No projects yet',
    alreadyIn: 'Already in the event', saved: 'Event projects saved',
  },
  summary: {
    projectCount: 'Projects', totalInvestment: 'Total investment', mainProject: 'Main venue project', venue: 'Venue',
    date: 'Date', region: 'Region', level: 'Level', none: 'Not set',
  },
  msg: { created: 'Event created', updated: 'Event saved', loadFailed: 'Failed to load', empty: 'No events' },
  projectsTitle: 'Projects ({{count}})',
  mainVenueTag: 'Main venue',
};

export const resources = { 'zh-CN': zhCN, 'en-US': enUS };
export const NS = 'batches';

// Route modules may be evaluated before the app calls i18n.init(); the store exists only after it.
const register = () => {
  for (const [lng, bundle] of Object.entries(resources)) i18n.addResourceBundle(lng, NS, bundle, true, true);
};
if (i18n.isInitialized || i18n.store) register();
else i18n.on('initialized', register);
