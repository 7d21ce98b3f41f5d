// Strings of the ledger import wizard (台账导入), registered under the 'import' namespace.
import i18n from 'i18next';
import type { LedgerField } from '../../../contract/ledger.ts';

const fieldsZh: Record<LedgerField, string> = {
  code: '项目编码', name: '项目名称', region: '所属区域', owner: '项目单位', responsibleUnit: '责任单位',
  leader: '包靠领导', level: '项目级别', category: '项目类别', industry: '所属行业', constructionContent: '建设内容',
  totalInvestment: '总投资（万元）', annualPlan: '年度计划投资（万元）', plannedStart: '计划开工日期',
  plannedCompletion: '计划竣工日期', plannedProduction: '计划投产日期', stage: '当前阶段', actualStart: '实际开工日期',
  batch: '集中开工批次', longitude: '经度', latitude: '纬度', tags: '标签',
};
const fieldsEn: Record<LedgerField, string> = {
  code: 'Project code', name: 'Project name', region: 'Region', owner: 'Owner', responsibleUnit: 'Responsible unit',
  leader: 'Lead leader', level: 'Level', category: 'Category', industry: 'Industry', constructionContent: 'Construction content',
  totalInvestment: 'Total investment (10k yuan)', annualPlan: 'Annual plan (10k yuan)', plannedStart: 'Planned start',
  plannedCompletion: 'Planned completion', plannedProduction: 'Planned production', stage: 'Stage', actualStart: 'Actual start',
  batch: 'Batch event', longitude: 'Longitude', latitude: 'Latitude', tags: 'Tags',
};

const zhCN = {
  title: '台账导入',
  steps: { upload: '上传文件', preview: '核对预览', done: '完成导入' },
  upload: {
    intro: '请使用统一的台账模板填写，或直接上传本地已有的台账：系统会自动识别表头，识别不了的列可以手工对应。先检查、后导入，检查不会修改任何数据。',
    template: '下载台账模板',
    drag: '点击或将 .xlsx 文件拖到此处',
    hint: '仅支持 Excel 2007 及以上格式（.xlsx）；以项目编码匹配已有项目，编码相同的更新、新编码的新建。',
    check: '检查文件',
    chosen: '已选择：{{name}}（{{size}}）',
    notXlsx: '“{{name}}”不是 .xlsx 文件，请上传 Excel 2007 及以上格式的台账',
    oldXls: '“{{name}}”是旧版 .xls 文件，请在 Excel 中“另存为”.xlsx 格式后再上传',
    csv: '“{{name}}”是 CSV 文本文件，请在 Excel 中“另存为”.xlsx 格式后再上传',
    empty: '“{{name}}”是空文件（0 字节），请检查后重新选择',
    noFile: '请先选择要导入的台账文件',
  },
  errors: {
    tooLarge: '文件太大，超过了服务器允许的上传大小，请拆分成几个文件分别导入',
    unsupported: '无法识别该文件，请上传 .xlsx 格式的 Excel 台账',
    badFile: '无法读取该文件，文件可能已损坏，请用 Excel 打开后另存为 .xlsx 再上传',
    failed: '检查失败',
    commitFailed: '导入失败，数据未作任何修改',
  },
  summary: {
    file: '文件', sheet: '工作表', headerRow: '表头在第 {{row}} 行', year: '年度计划投资按 {{year}} 年导入',
    rowCount: '数据行', toCreate: '将新建', toUpdate: '将更新', unchanged: '无变化', errorRows: '有问题的行',
  },
  headers: {
    title: '列的识别（{{recognized}}/{{total}} 列已识别）',
    unrecognizedAlert: '有 {{count}} 列未能识别，导入时将被忽略。如需导入，请为它们选择对应的字段，然后重新检查。',
    col: { column: '列', header: '表头', field: '对应字段', source: '识别方式' },
    ignore: '（忽略此列）',
    source: { auto: '自动识别', mapping: '手工对应', remembered: '沿用上次' },
    duplicate: '“{{field}}”被多列同时对应：{{headers}}',
    recheck: '按此对应关系重新检查',
    changed: '对应关系已修改，请重新检查',
    selectPlaceholder: '选择对应字段',
  },
  creates: {
    title: '将自动新建的单位和人员',
    orgs: '新单位（{{count}}）', people: '新的包靠领导（{{count}}）',
    asOwner: '项目单位', asUnit: '责任单位',
    hint: '请核对名称是否与已有单位、领导重复（如简称、错别字），重复的请先在表中改为已有名称。',
  },
  problems: {
    title: '问题清单（{{count}}）',
    alert: '发现 {{count}} 个问题，涉及 {{rows}} 行。请在 Excel 中修正后重新上传；有问题时不能导入。',
    truncated: '仅列出前 {{shown}} 个问题，共 {{count}} 个',
    none: '未发现问题',
    col: { row: '行号', column: '列', message: '问题' },
    search: '按内容筛选',
  },
  rows: {
    title: '逐行预览',
    truncated: '仅列出前 {{shown}} 行，统计数字包含全部 {{count}} 行',
    col: { row: '行号', code: '项目编码', name: '项目名称', action: '处理', changes: '变更内容' },
    action: { create: '新建', update: '更新', unchanged: '无变化', error: '有问题' },
    filterAll: '全部',
    empty: '（空）',
    newProject: '新项目',
  },
  actions: {
    commit: '确认导入', back: '重新选择文件', commitBlocked: '请先修正全部问题再导入',
    nothing: '没有需要新建或更新的项目',
    confirmTitle: '确认导入？', confirmBody: '将新建 {{create}} 个项目、更新 {{update}} 个项目。导入会记入操作日志。',
  },
  done: {
    title: '导入完成',
    body: '已新建 {{create}} 个项目，更新 {{update}} 个项目，{{unchanged}} 个无变化。',
    toLedger: '查看项目台账', again: '继续导入', audit: '查看操作日志',
  },
  fields: fieldsZh,
};

type Resources = typeof zhCN;

const enUS: Resources = {
  title: 'Ledger import',
  steps: { upload: 'Upload', preview: 'Review', done: 'Done' },
  upload: {
    intro: 'Fill in the ledger template, or upload a ledger you already keep: headers are recognised automatically and unrecognised columns can be mapped by hand. The check changes nothing; importing is a separate step.',
    template: 'Download template',
    drag: 'Click or drag an .xlsx file here',
    hint: 'Only Excel 2007+ files (.xlsx). Projects are matched by code: existing codes are updated, new codes created.',
    check: 'Check file',
    chosen: 'Selected: {{name}} ({{size}})',
    notXlsx: '"{{name}}" is not an .xlsx file; please upload an Excel 2007+ ledger',
    oldXls: '"{{name}}" is an old .xls file; open it in Excel and save it as .xlsx first',
    csv: '"{{name}}" is a CSV text file; open it in Excel and save it as .xlsx first',
    empty: '"{{name}}" is empty (0 bytes); please choose another file',
    noFile: 'Please choose a ledger file first',
  },
  errors: {
    tooLarge: 'The file is larger than the server accepts; split it into several files',
    unsupported: 'The file was not recognised; please upload an .xlsx Excel ledger',
    badFile: 'The file could not be read; it may be damaged. Open it in Excel and save it as .xlsx',
    failed: 'Check failed',
    commitFailed: 'Import failed; no data was changed',
  },
  summary: {
    file: 'File', sheet: 'Sheet', headerRow: 'Header on row {{row}}', year: 'Annual plan read for {{year}}',
    rowCount: 'Data rows', toCreate: 'To create', toUpdate: 'To update', unchanged: 'Unchanged', errorRows: 'Rows with problems',
  },
  headers: {
    title: 'Columns ({{recognized}}/{{total}} recognised)',
    unrecognizedAlert: '{{count}} columns were not recognised and will be ignored. To import them, choose a field for each and check again.',
    col: { column: 'Column', header: 'Header', field: 'Field', source: 'Matched by' },
    ignore: '(ignore this column)',
    source: { auto: 'Automatic', mapping: 'By hand', remembered: 'Remembered' },
    duplicate: '"{{field}}" is mapped from several columns: {{headers}}',
    recheck: 'Check again with this mapping',
    changed: 'The mapping changed; check again',
    selectPlaceholder: 'Choose a field',
  },
  creates: {
    title: 'Organisations and people that will be created',
    orgs: 'New organisations ({{count}})', people: 'New lead leaders ({{count}})',
    asOwner: 'Owner', asUnit: 'Responsible unit',
    hint: 'Check these are not existing ones under another spelling; if so, use the existing name in the file.',
  },
  problems: {
    title: 'Problems ({{count}})',
    alert: '{{count}} problems found in {{rows}} rows. Fix them in Excel and upload again; nothing can be imported while problems remain.',
    truncated: 'Showing the first {{shown}} of {{count}} problems',
    none: 'No problems found',
    col: { row: 'Row', column: 'Column', message: 'Problem' },
    search: 'Filter by text',
  },
  rows: {
    title: 'Rows',
    truncated: 'Showing the first {{shown}} rows; the counts cover all {{count}} rows',
    col: { row: 'Row', code: 'Code', name: 'Name', action: 'Action', changes: 'Changes' },
    action: { create: 'Create', update: 'Update', unchanged: 'Unchanged', error: 'Problem' },
    filterAll: 'All',
    empty: '(empty)',
    newProject: 'New project',
  },
  actions: {
    commit: 'Import', back: 'Choose another file', commitBlocked: 'Fix every problem before importing',
    nothing: 'Nothing to create or update',
    confirmTitle: 'Import now?', confirmBody: '{{create}} projects will be created and {{update}} updated. The import is recorded in the audit log.',
  },
  done: {
    title: 'Import complete',
    body: '{{create}} projects created, {{update}} updated, {{unchanged}} unchanged.',
    toLedger: 'Open the ledger', again: 'Import another file', audit: 'Open the audit log',
  },
  fields: fieldsEn,
};

export const resources = { 'zh-CN': zhCN, 'en-US': enUS };
export const NS = 'import';
/** Field keys in template order, for the mapping pickers. */
export const LEDGER_FIELD_KEYS = Object.keys(fieldsZh) as LedgerField[];

// Route modules may be evaluated before the app calls i18n.init(); the store exists only after it.
const register = () => {
  for (const [lng, bundle] of Object.entries(resources)) i18n.addResourceBundle(lng, NS, bundle, true, true);
};
if (i18n.isInitialized || i18n.store) register();
else i18n.on('initialized', register);
