// Strings of the timeline (进度计划): the Gantt chart, the portfolio page and the project tab.
import { addMessages } from '../../i18n/index.ts';

const zhCN = {
  title: '进度计划',
  subtitle: '按包靠领导、区域或集中开工活动查看项目手续与节点进度',
  tab: '进度计划',
  by: { leader: '按包靠领导', region: '按区域', batch: '按集中开工活动' },
  pick: { leader: '选择包靠领导', region: '选择区域', batch: '选择活动', stage: '阶段（可多选）' },
  needPick: '请先选择一名包靠领导或一场活动',
  series: { baseline: '原计划', planned: '计划', overdue: '逾期', actual: '实际', late: '延误完成', milestone: '节点', today: '今天' },
  status: {
    done_on_time: '按期完成', done_late: '逾期完成', done: '已完成', overdue: '逾期未完成', upcoming: '未到期', unplanned: '未排期', not_required: '不需办理',
  },
  summary: { overdue: '有逾期', late: '有延误', on_track: '正常' },
  kind: { procedure: '手续', milestone: '节点', project: '项目' },
  tip: {
    baseline: '原计划：{{date}}', planned: '计划：{{date}}', actual: '实际：{{date}}', late: '逾期 {{days}} 天', slip: '计划推迟 {{days}} 天',
    span: '{{start}} — {{end}}', open: '进行中', responsible: '责任：{{name}}', overdueCount: '逾期节点 {{count}} 个', clickToOpen: '点击打开项目档案',
  },
  col: { name: '名称', kind: '类型', baseline: '原计划', planned: '计划', actual: '实际', status: '状态', responsible: '责任人/审批部门', project: '项目' },
  counts: '共 {{total}} 个项目 · 本页 {{page}} 个 · 逾期项目 {{overdue}} 个',
  projectCounts: '手续与节点 {{total}} 项 · 逾期 {{overdue}} 项 · 今天 {{today}}',
  export: { png: '导出图片', xlsx: '导出 Excel' },
  empty: '暂无手续和节点计划，可在「审批手续」「节点」页签中填写',
  emptyPortfolio: '没有符合条件的项目',
  showTable: '明细表',
  loadFailed: '进度计划加载失败',
  more: '仅显示前 {{count}} 个项目，可翻页查看',
};

type Messages = typeof zhCN;

const enUS: Messages = {
  title: 'Schedules',
  subtitle: 'Procedures and milestones of the projects of a lead leader, a region or a batch event',
  tab: 'Schedule',
  by: { leader: 'By lead leader', region: 'By region', batch: 'By batch event' },
  pick: { leader: 'Choose a lead leader', region: 'Choose a region', batch: 'Choose an event', stage: 'Stages' },
  needPick: 'Choose a lead leader or an event first',
  series: { baseline: 'Baseline', planned: 'Planned', overdue: 'Overdue', actual: 'Actual', late: 'Done late', milestone: 'Milestone', today: 'Today' },
  status: {
    done_on_time: 'Done on time', done_late: 'Done late', done: 'Done', overdue: 'Overdue', upcoming: 'Upcoming', unplanned: 'Not scheduled', not_required: 'Not required',
  },
  summary: { overdue: 'Overdue', late: 'Late', on_track: 'On track' },
  kind: { procedure: 'Procedure', milestone: 'Milestone', project: 'Project' },
  tip: {
    baseline: 'Baseline: {{date}}', planned: 'Planned: {{date}}', actual: 'Actual: {{date}}', late: '{{days}} days late', slip: 'Re-planned {{days}} days later',
    span: '{{start}} – {{end}}', open: 'In progress', responsible: 'Responsible: {{name}}', overdueCount: '{{count}} overdue', clickToOpen: 'Click to open the file card',
  },
  col: { name: 'Name', kind: 'Kind', baseline: 'Baseline', planned: 'Planned', actual: 'Actual', status: 'Status', responsible: 'Responsible / authority', project: 'Project' },
  counts: '{{total}} projects · {{page}} on this page · {{overdue}} with overdue items',
  projectCounts: '{{total}} procedures and milestones · {{overdue}} overdue · today {{today}}',
  export: { png: 'Export image', xlsx: 'Export Excel' },
  empty: 'No procedures or milestones planned yet: fill them in on the Procedures and Milestones tabs',
  emptyPortfolio: 'No projects match',
  showTable: 'Details',
  loadFailed: 'Failed to load the schedule',
  more: 'First {{count}} projects only; see the next pages',
};

addMessages({ 'zh-CN': { gantt: zhCN }, 'en-US': { gantt: enUS } });
