// The words and places the scale generator draws from: Shandong's city seats, county departments,
// people's names, enterprise and project names, progress texts and roadblock titles.
import type { Industry } from '../../domain/enums.ts';
import type { ProblemCategory } from '../../domain/problems.ts';
import { AREAS } from '../db/seed/demo.regions.ts';
import { mix32 } from './bulk.ts';

/** Approximate seats of Shandong's cities (longitude, latitude), for the projects' map points. */
export const CITY_SEATS: Record<string, [number, number]> = {
  370100: [117.0, 36.65], 370200: [120.38, 36.07], 370300: [118.05, 36.78], 370400: [117.32, 34.81], 370500: [118.67, 37.43],
  370600: [121.45, 37.46], 370700: [119.16, 36.71], 370800: [116.59, 35.41], 370900: [117.09, 36.2], 371000: [122.12, 37.51],
  371100: [119.53, 35.42], 371300: [118.36, 35.1], 371400: [116.36, 37.44], 371500: [115.99, 36.46], 371600: [118.02, 37.38],
  371700: [115.48, 35.23],
};
/** A county's seat: the demo city's real ones, else a point around its city's seat. */
export function countySeat(c: { code: string; cityCode: string }, k: number): [number, number] {
  const demo = AREAS.find((a) => a.code === c.code);
  if (demo) return demo.seat;
  const [lon, lat] = CITY_SEATS[c.cityCode] ?? [117.0, 36.4];
  const angle = (mix32(Number(c.code)) % 360) * (Math.PI / 180);
  const r = 0.12 + (k % 5) * 0.07;
  return [lon + r * Math.cos(angle), lat + r * Math.sin(angle) * 0.8];
}
export const DEPARTMENTS = ['发展和改革局', '自然资源和规划局', '住房和城乡建设局', '生态环境局', '工业和信息化局', '行政审批服务局'];
export const DEPT_FOR: Record<ProblemCategory, number> = {
  land: 1, approvals: 5, funding: 0, demolition: 2, utilities: 2, environment: 3, energy_quota: 0, labour: 4, construction: 2, other: 0,
};
export const SURNAMES = '王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕苏卢蒋蔡贾丁魏薛叶阎余潘杜戴夏钟汪田任姜范方石姚谭廖邹熊金陆郝孔白崔康毛邱秦江史顾侯邵孟龙万段'.split('');
export const GIVEN = '建国志强海涛文博明华晓东丽娜秀英伟刚永军红梅春燕立新玉兰德胜宏亮国庆卫东振华子涵思远雨萱浩然子轩'.split('');
export const LEADER_TITLES = ['县委书记', '县长', '常务副县长', '副县长', '副县长', '县委常委'];
export const ENTERPRISE_WORDS = ['鲁信', '齐鲁', '泰和', '华润', '恒通', '鑫源', '金泰', '汇丰', '中兴', '宏达', '瑞丰', '昌盛', '东方', '北辰', '新华', '安泰', '润泽', '鼎盛', '海川', '天元'];
export const ENTERPRISE_KINDS = ['化工', '装备制造', '新能源', '食品', '半导体', '数字科技', '农业发展', '物流', '文旅', '建设投资', '城市发展', '实业'];
export const INDUSTRY_NAMES: Record<Industry, string[]> = {
  chemicals: ['高端化工新材料项目', '精细化工产业园项目', '可降解材料项目'],
  equipment: ['智能装备制造基地项目', '高端轴承生产线项目', '汽车零部件产业园项目'],
  new_energy: ['光伏发电项目', '储能电站项目', '氢能产业园项目', '风电场项目'],
  food: ['食品精深加工项目', '冷链食品产业园项目', '乳制品加工项目'],
  semiconductors: ['半导体封装测试项目', '功率器件生产线项目'],
  digital: ['数据中心项目', '数字经济产业园项目', '工业互联网平台项目'],
  agriculture: ['现代农业产业园项目', '高标准农田建设项目', '蔬菜育苗基地项目'],
  logistics: ['物流园区项目', '保税仓储中心项目', '冷链物流中心项目'],
  tourism: ['文旅综合体项目', '古城保护开发项目', '乡村旅游提升项目'],
  infrastructure: ['道路改造工程', '污水处理厂扩建工程', '供热管网改造工程', '城际公路建设工程'],
  livelihood: ['人民医院新院区项目', '中学新建项目', '老旧小区改造项目', '养老服务中心项目'],
  other: ['综合服务中心项目', '城市更新项目'],
};
export const PROGRESS_TEXTS = {
  prep: ['正在办理前期手续', '可研报告编制中', '用地预审办理中', '施工图设计中'],
  build: ['主体结构施工中', '设备安装调试中', '厂房钢结构吊装', '基础工程施工', '室外配套工程施工', '按计划推进'],
  done: ['已竣工，正在办理验收', '已投产运营', '竣工验收完成'],
};
export const ROADBLOCK_TITLES: Record<ProblemCategory, string[]> = {
  land: ['用地指标不足', '土地征收进度滞后', '用地规划调整未批复'],
  approvals: ['施工许可证办理缓慢', '环评批复未下达', '规划许可待审批'],
  funding: ['专项债资金未到位', '银行贷款审批延迟', '配套资金缺口'],
  demolition: ['地上附着物拆迁受阻', '坟墓迁移未完成'],
  utilities: ['供电线路未接入', '供水管网未接通', '天然气管道未通'],
  environment: ['环保督察要求停工整改', '扬尘治理不达标'],
  energy_quota: ['能耗指标不足', '煤炭消费替代未落实'],
  labour: ['施工人员短缺', '技术工人招聘困难'],
  construction: ['施工进度滞后', '主要材料价格上涨', '设备到货延迟'],
  other: ['协调事项待明确', '其他问题'],
};

