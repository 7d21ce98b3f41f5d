// Strings of the war map (挂图作战), registered under the 'map' namespace.
import i18n from 'i18next';
import { CARD_COLOR_LABELS } from '../../../domain/cards.ts';

const zhCN = {
  title: '挂图作战',
  subtitle: '{{region}} · {{count}} 个项目上图',
  subtitlePeriod: '{{region}} · {{count}} 个项目上图 · {{period}}亮牌',
  filter: {
    region: '区域', stage: '阶段', color: '亮牌', industry: '产业', leader: '包靠领导', batch: '集中开工活动', period: '亮牌期间',
    allStages: '全部阶段（不含已调出）', allColors: '全部', allIndustries: '全部产业', allBatches: '全部活动', latestCard: '各项目最近一次亮牌',
    clear: '清除筛选', open: '（填报中）', toggle: '筛选',
  },
  color: { ...CARD_COLOR_LABELS, none: '未亮牌' },
  legend: {
    title: '图例', size: '圆点大小表示总投资', cluster: '数字气泡为密集处的项目合并，点击或放大后展开', county: '浅色为区县边界',
  },
  attribution: '地图',
  noBoundaries: '未加载区县边界：{{message}}',
  cluster: {
    title: '{{count}} 个项目', investment: '总投资 {{value}}', zoom: '放大查看', list: '其中', more: '另有 {{count}} 个',
  },
  panel: {
    empty: '点击地图上的项目查看摘要；数字气泡可放大展开。',
    owner: '项目单位', investment: '总投资', stage: '阶段', card: '亮牌', leader: '包靠领导', region: '区域', industry: '产业',
    ytd: '年度投资完成', ytdValue: '{{year}}年1—{{month}}月完成 {{value}}', rate: '完成率 {{value}}', noPlan: '无年度计划',
    noReport: '暂无已审核的调度数据', open: '查看项目档案', noCard: '未亮牌', close: '关闭',
  },
  unplaced: {
    title: '无坐标项目（{{count}} 个）', hint: '以下项目未填写经纬度，未在地图上显示；请在项目档案中补充坐标。', none: '所有项目均已上图。',
    code: '项目编码', name: '项目名称', region: '区域', stage: '阶段', investment: '总投资', card: '亮牌', leader: '包靠领导',
  },
  boundary: {
    manage: '边界管理', title: '区县边界管理', region: '区域', current: '当前边界', bundled: '内置边界', uploaded: '管理员上传',
    features: '{{count}} 个区县', updatedAt: '上传于 {{time}}', file: 'GeoJSON 文件', pick: '选择 .geojson / .json 文件',
    source: '数据来源（显示为地图署名）', sourcePlaceholder: '如：某市自然资源和规划局 2024 年行政区划', upload: '上传', reset: '恢复内置边界',
    resetConfirm: '删除上传的边界，恢复内置边界？', uploaded_ok: '边界已上传', reset_ok: '已恢复内置边界',
    rules: '要求：GeoJSON FeatureCollection，要素为 Polygon 或 MultiPolygon，每个要素须能按区划代码（id / adcode）或名称对应到本区域的一个下辖区县；不超过 {{size}} MB。',
    tooBig: '文件超过 {{size}} MB', none: '暂无边界数据',
  },
  loadFailed: '加载失败',
};

type Resources = typeof zhCN;

const enUS: Resources = {
  title: 'War map',
  subtitle: '{{region}} · {{count}} projects on the map',
  subtitlePeriod: '{{region}} · {{count}} projects on the map · cards of {{period}}',
  filter: {
    region: 'Region', stage: 'Stage', color: 'Card', industry: 'Industry', leader: 'Lead leader', batch: 'Batch event', period: 'Card period',
    allStages: 'All stages (not withdrawn)', allColors: 'All', allIndustries: 'All industries', allBatches: 'All events', latestCard: 'Latest card of each project',
    clear: 'Clear filters', open: ' (open)', toggle: 'Filters',
  },
  color: { blue: 'Blue card', yellow: 'Yellow card', red: 'Red card', none: 'No card' },
  legend: {
    title: 'Legend', size: 'Dot size shows total investment', cluster: 'Numbered bubbles merge dense projects; click or zoom in to expand', county: 'Light shapes are county borders',
  },
  attribution: 'Map',
  noBoundaries: 'County borders not loaded: {{message}}',
  cluster: {
    title: '{{count}} projects', investment: 'Total investment {{value}}', zoom: 'Zoom in', list: 'Including', more: '{{count}} more',
  },
  panel: {
    empty: 'Click a project on the map for its summary; numbered bubbles expand when you zoom in.',
    owner: 'Owner', investment: 'Total investment', stage: 'Stage', card: 'Card', leader: 'Lead leader', region: 'Region', industry: 'Industry',
    ytd: 'Investment this year', ytdValue: 'Jan–{{month}}/{{year}}: {{value}}', rate: '{{value}} of plan', noPlan: 'No annual plan',
    noReport: 'No approved figures yet', open: 'Open the project file', noCard: 'No card', close: 'Close',
  },
  unplaced: {
    title: 'Projects without coordinates ({{count}})', hint: 'These projects have no longitude/latitude and are not on the map; add them on the project file.', none: 'Every project is on the map.',
    code: 'Code', name: 'Project', region: 'Region', stage: 'Stage', investment: 'Total investment', card: 'Card', leader: 'Lead leader',
  },
  boundary: {
    manage: 'Borders', title: 'County borders', region: 'Region', current: 'Current borders', bundled: 'Bundled', uploaded: 'Uploaded by an admin',
    features: '{{count}} counties', updatedAt: 'uploaded {{time}}', file: 'GeoJSON file', pick: 'Choose a .geojson / .json file',
    source: 'Source (shown as the map credit)', sourcePlaceholder: 'e.g. city natural resources bureau, 2024 divisions', upload: 'Upload', reset: 'Back to bundled borders',
    resetConfirm: 'Delete the uploaded borders and use the bundled ones?', uploaded_ok: 'Borders uploaded', reset_ok: 'Bundled borders restored',
    rules: 'A GeoJSON FeatureCollection of Polygon or MultiPolygon features, each matching one sub-region of this region by code (id / adcode) or name; at most {{size}} MB.',
    tooBig: 'The file is larger than {{size}} MB', none: 'No borders yet',
  },
  loadFailed: 'Failed to load',
};

export const resources = { 'zh-CN': zhCN, 'en-US': enUS };
export const NS = 'map';

// Route modules may be evaluated before the app calls i18n.init(); the store exists only after it.
const register = () => {
  for (const [lng, bundle] of Object.entries(resources)) i18n.addResourceBundle(lng, NS, bundle, true, true);
};
if (i18n.isInitialized || i18n.store) register();
else i18n.on('initialized', register);
