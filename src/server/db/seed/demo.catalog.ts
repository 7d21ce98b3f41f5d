// Plausible project names and construction content by industry, in the style of a city's key
// project list ("年产10万吨…项目", "…城区雨污分流改造工程").
import type { Category, Industry } from '../../../domain/enums.ts';
import type { DemoArea } from './demo.regions.ts';
import type { Rng } from './demo.prng.ts';

/** [product, unit, min capacity, max capacity] */
type Product = [string, string, number, number];

const PRODUCTS: Partial<Record<Industry, Product[]>> = {
  chemicals: [
    ['聚碳酸酯', '万吨', 10, 30], ['己内酰胺', '万吨', 10, 40], ['尼龙6切片', '万吨', 10, 30], ['高端氟材料', '万吨', 2, 10],
    ['电子级双氧水', '万吨', 5, 20], ['环氧树脂', '万吨', 5, 20], ['聚甲醛', '万吨', 4, 12], ['有机硅新材料', '万吨', 5, 20],
    ['高性能工程塑料', '万吨', 3, 10], ['甲基丙烯酸甲酯', '万吨', 5, 15], ['高纯氧化铝', '万吨', 5, 30], ['铝基新材料', '万吨', 10, 50],
    ['特种铝合金', '万吨', 10, 30], ['生物可降解材料', '万吨', 5, 20], ['高端纸基新材料', '万吨', 10, 40], ['水性涂料', '万吨', 3, 10],
    ['碳纤维复合材料', '吨', 1000, 5000], ['电子级氢氟酸', '万吨', 1, 5], ['铜基新材料', '万吨', 5, 20],
  ],
  equipment: [
    ['高端精密轴承', '万套', 100, 2000], ['新能源汽车零部件', '万套', 20, 200], ['智能农机装备', '台', 5000, 30000],
    ['数控机床', '台', 500, 3000], ['风电轴承', '套', 2000, 10000], ['液压件', '万件', 50, 300], ['工业机器人', '台', 1000, 5000],
    ['高端钢结构件', '万吨', 5, 30], ['特种电线电缆', '公里', 20000, 100000], ['新型彩涂板', '万吨', 20, 80],
    ['汽车轮毂', '万只', 100, 500], ['精密铸件', '万吨', 3, 15], ['智能输配电设备', '台套', 5000, 20000], ['高端紧固件', '万吨', 2, 10],
  ],
  new_energy: [
    ['锂电池正极材料', '万吨', 2, 10], ['锂电池负极材料', '万吨', 2, 10], ['储能电池', 'GWh', 2, 10], ['动力电池电芯', 'GWh', 2, 10],
    ['光伏组件', 'GW', 1, 5], ['氢燃料电池系统', '套', 1000, 5000], ['锂电池电解液', '万吨', 2, 10], ['锂电池隔膜', '亿平方米', 2, 10],
  ],
  food: [
    ['调味品', '万吨', 5, 30], ['肉制品', '万吨', 5, 20], ['预制菜', '万吨', 3, 15], ['冻干果蔬', '万吨', 1, 5],
    ['大豆蛋白', '万吨', 5, 20], ['功能性糖', '万吨', 5, 20], ['乳制品', '万吨', 5, 20], ['休闲食品', '万吨', 2, 10],
    ['面粉及挂面', '万吨', 10, 50], ['熟食禽肉', '万吨', 5, 20], ['食用植物油', '万吨', 10, 30], ['中药饮片', '吨', 1000, 5000],
  ],
  semiconductors: [
    ['半导体封装材料', '吨', 500, 3000], ['功率半导体模块', '万只', 100, 1000], ['MEMS传感器', '万只', 500, 5000],
    ['光刻胶配套材料', '吨', 200, 1000], ['LED外延片', '万片', 20, 100], ['碳化硅衬底', '万片', 5, 30], ['电子特气', '吨', 500, 3000],
  ],
  other: [['高端纺纱', '万锭', 10, 50], ['绿色包装材料', '万吨', 5, 20], ['装配式建筑构件', '万立方米', 10, 50], ['环保板材', '万立方米', 10, 40]],
};

const LANDMARKS: Record<string, string[]> = {
  '371502': ['光岳楼', '古城', '东关运河'],
  '371503': ['茌山', '金牛湖'],
  '371521': ['景阳冈', '狮子楼', '张秋古镇'],
  '371522': ['马西林场', '中华生态园'],
  '371524': ['鱼山', '阿胶世界', '艾山'],
  '371525': ['冠州梨园', '武训'],
  '371526': ['鱼邱湖', '清平'],
  '371581': ['运河钞关', '舍利宝塔', '中洲古城'],
  '371571': ['徒骇河'],
  '371572': ['九州洼'],
  '371573': ['东昌湖', '江北水城', '运河湿地'],
};

const TOURISM = ['文化旅游综合体项目', '文化旅游区提升项目', '研学旅行基地项目', '康养度假区项目', '夜间文旅消费集聚区项目'];
const DIGITAL = ['大数据中心项目', '工业互联网平台项目', '智慧物联产业园项目', '数字经济产业园项目', '算力中心项目', '软件和信息服务产业园项目'];
const AGRICULTURE = ['现代农业产业园项目', '设施蔬菜基地项目', '种业研发繁育基地项目', '智慧农业示范园项目', '食用菌工厂化生产项目', '高标准农田建设项目'];
const LOGISTICS = ['冷链物流园项目', '多式联运物流园项目', '农产品批发市场及仓储物流项目', '智慧仓储物流中心项目', '电商物流产业园项目', '公路港物流项目'];
// Public works by size: a substation costs a few hundred million, a water network billions.
const INFRA_LARGE = ['城乡供水一体化工程', '城区道路提升改造工程', '河道综合治理工程', '海绵城市建设工程', '城区雨污分流改造工程', '农村公路提档升级工程'];
const INFRA_SMALL = ['110千伏输变电工程', '220千伏输变电工程', '污水处理厂扩建工程', '集中供热管网改造工程', '老旧管网更新改造工程', '燃气管网改造工程'];
const LIVELIHOOD_LARGE = ['人民医院新院区建设项目', '城中村改造项目', '保障性租赁住房项目', '老旧小区改造项目'];
const LIVELIHOOD_SMALL = [
  '中医医院综合楼建设项目', '城区学校新建项目', '养老服务中心建设项目', '全民健身中心建设项目', '职业教育实训基地项目',
  '妇幼保健院迁建项目', '第二实验中学建设项目',
];

/** What a public works project builds, by the kind of work its name says. */
const INFRA_CONTENT: [RegExp, (km: string) => string][] = [
  [/输变电/, (km) => '新建变电站1座及配套间隔，新建架空及电缆线路约' + km + '公里，同步建设通信及自动化系统。'],
  [/供水/, (km) => '新建供水厂1座，新建及改造城乡供水主管网约' + km + '公里，配套建设加压泵站及智慧水务平台。'],
  [/道路|公路/, (km) => '新建及改造道路约' + km + '公里，同步实施雨污水管网、照明、绿化及交通安全设施工程。'],
  [/河道/, (km) => '实施河道清淤疏浚、堤防加固及生态护岸约' + km + '公里，配套建设闸涵及滨河绿道。'],
  [/污水/, (km) => '扩建污水处理厂及深度处理设施，新建配套截污管网约' + km + '公里。'],
  [/供热/, (km) => '新建及改造集中供热一级管网约' + km + '公里，新建换热站若干座。'],
  [/燃气/, (km) => '更新改造老旧燃气管网约' + km + '公里，配套建设调压站及安全监测系统。'],
];

export interface Naming {
  name: string;
  category: Category;
  /** Product and yearly capacity, for the construction content. */
  product?: { name: string; unit: string; capacity: number };
}

/** Capacity grows with the investment (on a log scale), so a small plant is not given a giant's output. */
function capacity(rng: Rng, min: number, max: number, amountWan: number): number {
  const t = Math.min(1, Math.max(0, Math.log(amountWan / 3000) / Math.log(200)));
  const v = Math.min(max, Math.max(min, (min + (max - min) * t) * rng.range(0.8, 1.2)));
  const step = v >= 1000 ? 500 : v >= 100 ? 50 : v >= 20 ? 5 : 1;
  return Math.max(min, Math.round(v / step) * step);
}

export function categoryOf(industry: Industry, rng: Rng): Category {
  if (industry === 'infrastructure') return 'infrastructure';
  if (industry === 'livelihood') return 'social';
  if (industry === 'logistics') return rng.chance(0.3) ? 'infrastructure' : 'industrial';
  if (industry === 'tourism') return rng.chance(0.3) ? 'social' : 'industrial';
  return 'industrial';
}

/** A project name for an owner (brand) in an area. `brand` is empty for public platform owners. */
export function nameProject(rng: Rng, industry: Industry, area: DemoArea, brand: string, amountWan: number): Naming {
  const category = categoryOf(industry, rng);
  const who = brand || area.place;
  const products = PRODUCTS[industry];
  if (products) {
    const [product, unit, min, max] = rng.pick(products);
    const cap = capacity(rng, min, max, amountWan);
    const form = rng.weighted({ capacity: 7, upgrade: 2, chain: 1 });
    const name =
      form === 'capacity' ? `${who}年产${cap}${unit}${product}项目`
        : form === 'upgrade' ? `${who}${product}智能化技术改造项目`
          : `${who}${product}产业链延链补链项目`;
    return { name, category, product: { name: product, unit, capacity: cap } };
  }
  switch (industry) {
    case 'digital':
      return { name: `${who}${rng.pick(DIGITAL)}`, category };
    case 'agriculture':
      return { name: `${who}${rng.pick(AGRICULTURE)}`, category };
    case 'logistics':
      return { name: `${who}${rng.pick(LOGISTICS)}`, category };
    case 'tourism':
      return { name: `${area.place}${rng.pick(LANDMARKS[area.code] ?? ['运河'])}${rng.pick(TOURISM)}`, category };
    case 'infrastructure':
      return { name: `${area.place}${rng.pick(amountWan >= 100_000 ? INFRA_LARGE : INFRA_SMALL)}`, category };
    case 'livelihood':
      return { name: `${area.place}${rng.pick(amountWan >= 80_000 ? LIVELIHOOD_LARGE : LIVELIHOOD_SMALL)}`, category };
    default:
      return { name: `${who}产业升级项目`, category };
  }
}

/** New energy owners also build generation and storage, not only factories. */
export function nameEnergyPlant(rng: Rng, area: DemoArea, brand: string): string {
  const mw = rng.pick([50, 100, 150, 200, 300]);
  const who = brand || area.place;
  return rng.pick([
    `${who}${mw}MW农光互补光伏发电项目`, `${who}${mw}MW分散式风电项目`, `${who}${mw}MW/${mw * 2}MWh独立储能电站项目`,
  ]);
}

const fmt = (n: number) => (n >= 100 ? String(Math.round(n)) : n.toFixed(1).replace(/\.0$/, ''));

/** Construction content in the ledger's usual wording, scaled to the investment (万元). */
export function constructionContent(rng: Rng, n: Naming, industry: Industry, amountWan: number): string {
  const land = Math.max(20, Math.round(amountWan / rng.range(250, 600)));
  const floor = Math.round((land * 666.7 * rng.range(0.8, 1.4)) / 100) * 100;
  if (n.category === 'infrastructure') {
    const km = fmt(amountWan / rng.range(800, 3000));
    const work = INFRA_CONTENT.find(([re]) => re.test(n.name))?.[1](km)
      ?? `建设内容包括新建及改造管网、道路约${km}公里，配套建设附属设施及智慧化监测系统。`;
    return `项目总投资${amountWan}万元，${work}项目建成后，将显著提升区域承载能力和公共服务水平。`;
  }
  if (n.category === 'social') {
    return `项目占地约${land}亩，总建筑面积约${floor}平方米，主要建设${industry === 'livelihood' ? '主体楼、综合楼及配套用房' : '游客服务中心、文化展示区及配套设施'}，同步实施室外工程、绿化及停车场等配套工程。`;
  }
  const equipment = rng.int(60, 600);
  const output = fmt((amountWan / 10000) * rng.range(1.2, 2.5));
  const tax = fmt((amountWan / 10000) * rng.range(0.1, 0.3));
  const jobs = Math.max(50, Math.round(amountWan / rng.range(80, 200) / 10) * 10);
  const product = n.product ? `年产${n.product.capacity}${n.product.unit}${n.product.name}` : '预期产能';
  return `项目占地约${land}亩，总建筑面积约${floor}平方米，主要建设生产车间、仓库、研发中心及配套设施，购置先进生产设备${equipment}台（套）。项目建成后，可形成${product}的生产能力，预计年产值${output}亿元、利税${tax}亿元，新增就业${jobs}人。`;
}
