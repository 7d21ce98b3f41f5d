// Named projects of the demo city, after the kinds of project the 2023–2024 reports mention
// (green chemical chain extension in the high-tech zone, seasoning chain in Shen county, OSB in
// Gaotang, lithium battery recycling and storage …). The rest of the 400 are generated.
import type { Industry } from '../../../domain/enums.ts';
import type { Group, Track } from './demo.timeline.ts';

export type MainVenue = 'spring2024' | 'autumn2024' | 'signing2024' | 'spring2025';

export interface FeaturedProject {
  name: string;
  owner: string;
  area: string;
  industry: Industry;
  /** 万元 */
  amount: number;
  group: Group;
  track: Track;
  signed?: boolean;
  mainVenue?: MainVenue;
  content: string;
}

export const FEATURED: FeaturedProject[] = [
  {
    name: '鲁西化工绿色化工产业链延链补链项目', owner: '鲁西化工集团股份有限公司', area: '371572', industry: 'chemicals',
    amount: 850_000, group: 'autumn24', track: 'construction', mainVenue: 'autumn2024',
    content: '依托聊城高新区化工产业园，延伸己内酰胺—尼龙6、聚碳酸酯、有机硅等产业链条，建设高端尼龙、特种工程塑料及配套公用工程装置，同步实施绿色低碳和安全环保提升工程。',
  },
  {
    name: '鲁西化工年产20万吨高端尼龙新材料项目', owner: '鲁西化工集团股份有限公司', area: '371572', industry: 'chemicals',
    amount: 500_000, group: 'spring24', track: 'construction',
    content: '新建尼龙6聚合、纺丝及改性工程塑料生产装置，配套建设仓储、罐区及公用工程设施，建成后年产高端尼龙新材料20万吨。',
  },
  {
    name: '莘县调味品全产业链项目', owner: '莘县鲁味源调味品有限公司', area: '371522', industry: 'food',
    amount: 120_000, group: 'autumn24', track: 'construction', signed: true,
    content: '建设辣椒、花椒等调味原料种植基地及初加工中心，新建复合调味料、酱料生产车间和冷链仓储中心，打造从种植、加工到冷链配送的调味品全产业链。',
  },
  {
    name: '凤祥股份高端食品制造产业园项目', owner: '山东凤祥股份有限公司', area: '371521', industry: 'food',
    amount: 150_000, group: 'spring24', track: 'construction',
    content: '新建调理食品、预制菜及熟食生产车间，建设智能化立体冷库和研发检测中心，购置自动化生产线24条，建成后年产高端食品15万吨。',
  },
  {
    name: '谷丰源年产10万吨大豆分离蛋白项目', owner: '山东谷丰源生物科技有限公司', area: '371526', industry: 'food',
    amount: 80_000, group: 'autumn24', track: 'started', signed: true,
    content: '新建大豆分离蛋白生产车间、原料筒仓、成品库及污水处理设施，购置浸出、分离、喷雾干燥等设备，建成后年产大豆分离蛋白10万吨。',
  },
  {
    name: '鲁林木业年产40万立方米OSB定向结构刨花板项目', owner: '高唐县鲁林木业有限公司', area: '371526', industry: 'other',
    amount: 65_000, group: 'autumn24', track: 'started',
    content: '新建OSB定向结构刨花板生产车间、原料堆场及成品库，引进连续平压生产线1条，建成后年产OSB定向结构刨花板40万立方米。',
  },
  {
    name: '东阿阿胶智能灌装生产线项目', owner: '东阿阿胶股份有限公司', area: '371524', industry: 'food',
    amount: 32_000, group: 'spring24', track: 'completed',
    content: '对阿胶浆、复方阿胶口服液生产车间进行智能化改造，新上智能灌装生产线6条及数字化质量追溯系统。',
  },
  {
    name: '晶芯装备半导体湿法工艺设备制造项目', owner: '山东晶芯智能装备有限公司', area: '371572', industry: 'semiconductors',
    amount: 180_000, group: 'autumn24', track: 'construction', signed: true,
    content: '建设半导体湿法清洗、刻蚀工艺设备研发中心和洁净生产厂房，建成后年产半导体湿法工艺设备300台（套）。',
  },
  {
    name: '显华光电OLED基板材料项目', owner: '聊城显华光电材料有限公司', area: '371571', industry: 'semiconductors',
    amount: 320_000, group: 'continuing', track: 'construction',
    content: '建设OLED玻璃基板及柔性基板材料生产线，配套建设洁净厂房、动力站及研发中心，建成后年产OLED基板材料300万片。',
  },
  {
    name: '水城数智大数据和5G新材料产业园项目', owner: '聊城水城数智科技有限公司', area: '371502', industry: 'digital',
    amount: 260_000, group: 'autumn24', track: 'construction',
    content: '建设大数据中心、5G通信新材料研发生产基地及产业孵化载体，总建筑面积约32万平方米，打造数字经济与新材料融合发展产业园。',
  },
  {
    name: '莘县农产品云仓项目', owner: '莘县农仓供应链管理有限公司', area: '371522', industry: 'logistics',
    amount: 45_000, group: 'spring24', track: 'production',
    content: '建设农产品智能分拣中心、冷链云仓及电商直播基地，配套建设农产品溯源与供应链管理平台，年吞吐农产品60万吨。',
  },
  {
    name: '鲁循新能源年回收10万吨锂电池及新型储能项目', owner: '山东鲁循新能源科技有限公司', area: '371571', industry: 'new_energy',
    amount: 400_000, group: 'spring24', track: 'construction', mainVenue: 'spring2024',
    content: '建设退役锂电池拆解、湿法冶金回收生产线及储能电池系统集成基地，建成后年回收处理锂电池10万吨、形成储能系统集成能力5GWh。',
  },
  {
    name: '信发集团高端铝基新材料项目', owner: '信发集团有限公司', area: '371503', industry: 'chemicals',
    amount: 1_200_000, group: 'continuing', track: 'construction',
    content: '建设高端铝板带箔、汽车轻量化铝材及高纯铝生产线，配套建设再生铝回收及公用工程，打造铝基新材料全产业链。',
  },
  {
    name: '信发集团绿电低碳铝一体化项目', owner: '信发集团有限公司', area: '371503', industry: 'chemicals',
    amount: 800_000, group: 'preparation', track: 'nextSpring', signed: true, mainVenue: 'signing2024',
    content: '配套建设风光储一体化绿电项目，实施电解铝绿电替代及低碳铝深加工，建成后年产低碳铝及铝合金深加工产品50万吨。',
  },
  {
    name: '时风集团新能源智能农机及电动汽车项目', owner: '时风集团有限责任公司', area: '371526', industry: 'equipment',
    amount: 300_000, group: 'spring24', track: 'construction',
    content: '新建新能源智能农机和电动汽车整车生产车间，配套建设涂装、总装、检测线及研发中心，建成后年产智能农机3万台、电动汽车5万辆。',
  },
  {
    name: '中通客车新能源客车智能制造基地项目', owner: '中通客车股份有限公司', area: '371571', industry: 'new_energy',
    amount: 350_000, group: 'autumn24', track: 'construction',
    content: '建设新能源客车智能焊装、涂装、总装车间及氢燃料电池客车研发中心，建成后年产新能源客车1.5万辆。',
  },
  {
    name: '祥光铜业高端电解铜箔项目', owner: '阳谷祥光铜业有限公司', area: '371521', industry: 'chemicals',
    amount: 600_000, group: 'continuing', track: 'construction',
    content: '建设锂电铜箔和高频高速电子电路铜箔生产线，配套建设溶铜、生箔、分切车间，建成后年产高端电解铜箔10万吨。',
  },
  {
    name: '华运轴承高端精密轴承产业园项目', owner: '临清市华运轴承有限公司', area: '371581', industry: 'equipment',
    amount: 150_000, group: 'autumn24', track: 'started', signed: true,
    content: '建设高端精密轴承锻造、车加工、热处理及装配车间，引进智能磨超生产线40条，建成后年产高端精密轴承3000万套。',
  },
  {
    name: '江北水城运河文化旅游综合体项目', owner: '聊城江北水城文化旅游集团有限公司', area: '371573', industry: 'tourism',
    amount: 180_000, group: 'spring24', track: 'construction',
    content: '依托东昌湖和京杭运河文化资源，建设运河文化展示中心、滨水商业街区、精品酒店及游客服务中心等配套设施。',
  },
  {
    name: '国道309线聊城段改扩建工程', owner: '聊城市交通发展集团有限公司', area: '371502', industry: 'infrastructure',
    amount: 260_000, group: 'spring24', track: 'construction',
    content: '对国道309线聊城段进行改扩建，全长约38公里，按一级公路标准建设，同步实施桥涵、交叉口、交通安全及绿化工程。',
  },
  {
    name: '冠洲股份高端新型彩涂板及光伏支架项目', owner: '山东冠洲股份有限公司', area: '371525', industry: 'equipment',
    amount: 220_000, group: 'preparation', track: 'nextSpring', mainVenue: 'spring2025',
    content: '新建高端彩涂板、镀铝锌板生产线及光伏支架加工车间，建成后年产新型彩涂板60万吨、光伏支架20万吨。',
  },
];
