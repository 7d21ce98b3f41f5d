// Organisations of the demo city: governments and park committees (responsible units), city
// departments (functional departments), and enterprises (project owners).
import type { Industry, OrgKind } from '../../../domain/enums.ts';
import { AREAS, CITY_CODE, type DemoArea } from './demo.regions.ts';
import { demoId, type Rng } from './demo.prng.ts';

export interface OrgRow {
  id: string;
  name: string;
  kind: OrgKind;
  regionCode: string;
  contact: string | null;
  phone: string | null;
}

export const CITY_GOVERNMENT = '聊城市人民政府';

export const DEPARTMENTS = {
  drc: '聊城市发展和改革委员会',
  land: '聊城市自然资源和规划局',
  environment: '聊城市生态环境局',
  housing: '聊城市住房和城乡建设局',
  finance: '聊城市财政局',
  approval: '聊城市行政审批服务局',
  power: '国网聊城供电公司',
  labour: '聊城市人力资源和社会保障局',
  industry: '聊城市工业和信息化局',
  commerce: '聊城市商务局',
  transport: '聊城市交通运输局',
  water: '聊城市水利局',
  agriculture: '聊城市农业农村局',
  tourism: '聊城市文化和旅游局',
  education: '聊城市教育和体育局',
  health: '聊城市卫生健康委员会',
} as const;
export type DepartmentKey = keyof typeof DEPARTMENTS;

/** Well-known enterprises of the city, with the brand used in their project names. */
export interface NamedEnterprise {
  name: string;
  brand: string;
  area: string;
  industry: Industry;
}

export const NAMED_ENTERPRISES: NamedEnterprise[] = [
  { name: '鲁西化工集团股份有限公司', brand: '鲁西化工', area: '371572', industry: 'chemicals' },
  { name: '信发集团有限公司', brand: '信发集团', area: '371503', industry: 'chemicals' },
  { name: '时风集团有限责任公司', brand: '时风集团', area: '371526', industry: 'equipment' },
  { name: '东阿阿胶股份有限公司', brand: '东阿阿胶', area: '371524', industry: 'food' },
  { name: '阳谷祥光铜业有限公司', brand: '祥光铜业', area: '371521', industry: 'chemicals' },
  { name: '中通客车股份有限公司', brand: '中通客车', area: '371571', industry: 'new_energy' },
  { name: '山东凤祥股份有限公司', brand: '凤祥股份', area: '371521', industry: 'food' },
  { name: '山东泉林纸业有限责任公司', brand: '泉林纸业', area: '371526', industry: 'chemicals' },
  { name: '山东冠洲股份有限公司', brand: '冠洲股份', area: '371525', industry: 'equipment' },
  { name: '莘县鲁味源调味品有限公司', brand: '鲁味源', area: '371522', industry: 'food' },
  { name: '山东谷丰源生物科技有限公司', brand: '谷丰源', area: '371526', industry: 'food' },
  { name: '高唐县鲁林木业有限公司', brand: '鲁林木业', area: '371526', industry: 'other' },
  { name: '山东晶芯智能装备有限公司', brand: '晶芯装备', area: '371572', industry: 'semiconductors' },
  { name: '聊城显华光电材料有限公司', brand: '显华光电', area: '371571', industry: 'semiconductors' },
  { name: '聊城水城数智科技有限公司', brand: '水城数智', area: '371502', industry: 'digital' },
  { name: '莘县农仓供应链管理有限公司', brand: '莘县农仓', area: '371522', industry: 'logistics' },
  { name: '山东鲁循新能源科技有限公司', brand: '鲁循新能源', area: '371571', industry: 'new_energy' },
  { name: '临清市华运轴承有限公司', brand: '华运轴承', area: '371581', industry: 'equipment' },
  { name: '聊城江北水城文化旅游集团有限公司', brand: '水城文旅', area: '371573', industry: 'tourism' },
  { name: '聊城市交通发展集团有限公司', brand: '聊城交发', area: '371502', industry: 'infrastructure' },
];

const BRAND_WORDS = [
  '鑫泰', '华鲁', '瑞丰', '恒通', '宏达', '金正', '凯盛', '晨阳', '泰和', '博源', '天衡', '康源', '德润', '汇力', '远大',
  '盛世', '宇航', '海诺', '明泰', '新润', '巨能', '昌盛', '永兴', '嘉禾', '正阳', '华信', '鲁冠', '聚力', '和信', '金泰',
  '润丰', '宏图', '益康', '九洲', '华宇', '国润', '泰丰', '瑞源', '荣昌', '鼎盛', '中晟', '运河', '齐鲁', '东岳', '万丰',
  '昊华', '蓝天', '绿源', '银河', '精工', '弘阳', '佳诚', '恒力', '信和', '开元', '启航', '天元', '联众', '卓越', '兴华',
  '中兴', '天润', '鸿运', '金鼎', '同泰', '安泰', '广源', '富源', '中瑞', '水城', '凤凰', '光岳', '景阳', '华通', '宝丰',
];

const NOUNS: Record<Industry, string[]> = {
  chemicals: ['化工', '新材料', '精细化工', '化学', '高分子材料', '新材料科技'],
  equipment: ['机械', '装备制造', '轴承', '智能装备', '精密机械', '机电', '重工', '汽车零部件'],
  new_energy: ['新能源', '储能科技', '电池材料', '光伏科技', '氢能科技', '新能源汽车'],
  food: ['食品', '调味品', '生物科技', '农产品加工', '肉制品', '粮油', '乳业'],
  semiconductors: ['半导体', '电子科技', '微电子', '光电科技'],
  digital: ['数字科技', '信息技术', '网络科技', '云计算'],
  agriculture: ['农业发展', '种业', '生态农业', '现代农业'],
  logistics: ['物流', '供应链管理', '冷链物流', '国际物流'],
  tourism: ['文化旅游发展', '文旅投资', '旅游开发'],
  infrastructure: ['城市建设投资', '交通投资', '水务发展', '城乡发展'],
  livelihood: ['城市建设发展', '健康产业发展', '文教投资', '安居投资'],
  other: ['纺织', '木业', '包装', '建材'],
};

// Platform companies write the place in full ("莘县城市建设投资有限公司").
const PUBLIC_INDUSTRIES: readonly Industry[] = ['infrastructure', 'livelihood'];

export class OrgBook {
  readonly rows: OrgRow[] = [];
  private byName = new Map<string, OrgRow>();
  /** Enterprises by area and industry, so a second project can go to an existing owner. */
  private owners = new Map<string, { org: OrgRow; brand: string }[]>();
  readonly brandOf = new Map<string, string>();

  constructor(private rng: Rng) {
    this.add(CITY_GOVERNMENT, 'government', CITY_CODE);
    for (const a of AREAS) this.add(a.unitName, a.kind === 'park' ? 'park' : 'government', a.code);
    for (const name of Object.values(DEPARTMENTS)) this.add(name, 'department', CITY_CODE);
    for (const e of NAMED_ENTERPRISES) this.addEnterprise(e.name, e.brand, e.area, e.industry);
  }

  get(name: string): OrgRow {
    const row = this.byName.get(name);
    if (!row) throw new Error(`demo organisation missing: ${name}`);
    return row;
  }

  unitOf(area: DemoArea): OrgRow {
    return this.get(area.unitName);
  }

  /** An owner for a new project: sometimes one the area already has, otherwise a new company. */
  ownerFor(area: DemoArea, industry: Industry, reuse: number): { org: OrgRow; brand: string } {
    const existing = this.owners.get(`${area.code}:${industry}`) ?? [];
    if (existing.length > 0 && this.rng.chance(reuse)) return this.rng.pick(existing);
    return this.newEnterprise(area, industry);
  }

  enterpriseCount(): number {
    return this.rows.filter((r) => r.kind === 'enterprise').length;
  }

  private newEnterprise(area: DemoArea, industry: Industry): { org: OrgRow; brand: string } {
    for (let attempt = 0; attempt < 200; attempt++) {
      const noun = this.rng.pick(NOUNS[industry]);
      let name: string;
      let brand: string;
      if (PUBLIC_INDUSTRIES.includes(industry)) {
        name = `${area.name}${noun}${this.rng.chance(0.4) ? '集团' : ''}有限公司`;
        brand = '';
      } else {
        const prefix = this.rng.pick(['山东', '聊城', area.prefix, area.prefix]);
        brand = `${prefix}${this.rng.pick(BRAND_WORDS)}`;
        const suffix = this.rng.weighted({ 有限公司: 6, 股份有限公司: 2, 集团有限公司: 1 });
        const tech = !noun.endsWith('科技') && this.rng.chance(0.2) ? '科技' : '';
        name = `${brand}${noun}${tech}${suffix}`;
      }
      if (this.byName.has(name)) continue;
      const org = this.addEnterprise(name, brand, area.code, industry);
      return { org, brand };
    }
    throw new Error('could not name a new demo enterprise');
  }

  private addEnterprise(name: string, brand: string, area: string, industry: Industry): OrgRow {
    const org = this.add(name, 'enterprise', area);
    const key = `${area}:${industry}`;
    const list = this.owners.get(key) ?? [];
    list.push({ org, brand });
    this.owners.set(key, list);
    this.brandOf.set(org.id, brand);
    return org;
  }

  private add(name: string, kind: OrgKind, regionCode: string): OrgRow {
    const row: OrgRow = { id: demoId('org', name), name, kind, regionCode, contact: null, phone: this.rng.landline() };
    this.rows.push(row);
    this.byName.set(name, row);
    return row;
  }
}
