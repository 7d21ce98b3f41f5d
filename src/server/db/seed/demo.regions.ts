// The demo city's region tree: all of Shandong from GB/T 2260, plus Liaocheng's three parks with
// local codes, and what the demo needs to know about each Liaocheng county (seat, industries).
import type { Industry } from '../../../domain/enums.ts';
import type { DbOrTx } from '../client.ts';
import { loadDivisions, parkRow, type RegionRow } from '../../modules/regions/divisions.ts';
import { upsertRegions } from '../../modules/regions/regions.repo.ts';

export const PROVINCE_CODE = '370000';
export const CITY_CODE = '371500';
export const CITY_PATH = `${PROVINCE_CODE}/${CITY_CODE}/`;
export const CITY_NAME = '聊城市';

export const PARKS = [
  { code: '371571', name: '聊城经济技术开发区' },
  { code: '371572', name: '聊城高新技术产业开发区' },
  { code: '371573', name: '江北水城旅游度假区' },
] as const;

export interface DemoArea {
  code: string;
  name: string;
  /** How the place is written in front of a company name. */
  prefix: string;
  /** How the place is written in front of a public project's name. */
  place: string;
  kind: 'county' | 'park';
  /** The responsible unit: county government or park committee. */
  unitName: string;
  /** Titles of the two local leaders who carry projects. */
  leaderTitles: [string, string];
  /** Seat of the county or centre of the park (longitude, latitude). */
  seat: [number, number];
  /** Share of the city's key projects. */
  weight: number;
  industries: Partial<Record<Industry, number>>;
  /** Streets and towns used in addresses. */
  towns: string[];
}

const county = (
  code: string, name: string, prefix: string, heads: [string, string], seat: [number, number], weight: number,
  industries: Partial<Record<Industry, number>>, towns: string[],
): DemoArea => ({
  code, name, prefix, place: name, kind: 'county', unitName: `${name}人民政府`,
  leaderTitles: [`${name}${heads[0]}`, `${name}${heads[1]}`], seat, weight, industries, towns,
});

const park = (
  code: string, name: string, short: string, place: string, seat: [number, number], weight: number,
  industries: Partial<Record<Industry, number>>, towns: string[],
): DemoArea => ({
  code, name, prefix: '聊城', place, kind: 'park', unitName: `${name}管委会`,
  leaderTitles: [`${short}党工委书记`, `${short}管委会主任`], seat, weight, industries, towns,
});

export const AREAS: DemoArea[] = [
  county('371502', '东昌府区', '聊城', ['区委书记', '区长'], [115.985, 36.456], 44,
    { equipment: 4, digital: 3, logistics: 3, livelihood: 4, infrastructure: 3, food: 2, new_energy: 2, chemicals: 1 },
    ['古楼街道', '柳园街道', '新区街道', '湖西街道', '道口铺街道', '闫寺街道', '沙镇镇', '堂邑镇', '梁水镇镇']),
  county('371503', '茌平区', '茌平', ['区委书记', '区长'], [116.255, 36.580], 38,
    { chemicals: 6, equipment: 3, new_energy: 2, food: 1, infrastructure: 1, livelihood: 1 },
    ['振兴街道', '信发街道', '温陈街道', '博平镇', '韩屯镇', '胡屯镇', '杜郎口镇', '菜屯镇']),
  county('371521', '阳谷县', '阳谷', ['县委书记', '县长'], [115.791, 36.114], 36,
    { chemicals: 5, food: 4, equipment: 3, tourism: 1, infrastructure: 1, livelihood: 1 },
    ['博济桥街道', '侨润街道', '狮子楼街道', '阿城镇', '七级镇', '安乐镇', '石佛镇', '张秋镇']),
  county('371522', '莘县', '莘县', ['县委书记', '县长'], [115.671, 36.234], 38,
    { food: 6, agriculture: 4, equipment: 2, chemicals: 2, logistics: 2, new_energy: 1, livelihood: 1, infrastructure: 1 },
    ['燕塔街道', '莘亭街道', '莘州街道', '东鲁街道', '张鲁回族镇', '朝城镇', '观城镇', '古城镇', '十八里铺镇']),
  county('371524', '东阿县', '东阿', ['县委书记', '县长'], [116.248, 36.334], 30,
    { food: 5, agriculture: 2, equipment: 2, chemicals: 2, tourism: 2, livelihood: 1, infrastructure: 1 },
    ['铜城街道', '新城街道', '刘集镇', '牛角店镇', '大桥镇', '高集镇', '姜楼镇', '鱼山镇']),
  county('371525', '冠县', '冠县', ['县委书记', '县长'], [115.442, 36.484], 32,
    { equipment: 5, new_energy: 3, agriculture: 2, food: 2, chemicals: 1, infrastructure: 1, livelihood: 1 },
    ['清泉街道', '崇文街道', '烟庄街道', '贾镇', '桑阿镇', '柳林镇', '清水镇', '东古城镇']),
  county('371526', '高唐县', '高唐', ['县委书记', '县长'], [116.230, 36.866], 36,
    { equipment: 5, food: 4, chemicals: 3, new_energy: 2, infrastructure: 1, livelihood: 1 },
    ['鱼邱湖街道', '汇鑫街道', '人和街道', '梁村镇', '尹集镇', '清平镇', '固河镇', '三十里铺镇']),
  county('371581', '临清市', '临清', ['市委书记', '市长'], [115.705, 36.839], 40,
    { equipment: 7, food: 2, chemicals: 2, logistics: 2, new_energy: 2, tourism: 1, livelihood: 1, infrastructure: 1, other: 1 },
    ['青年路街道', '新华路街道', '先锋路街道', '大辛庄街道', '烟店镇', '潘庄镇', '康庄镇', '魏湾镇', '尚店镇']),
  park('371571', '聊城经济技术开发区', '经开区', '聊城经开区', [116.052, 36.420], 40,
    { new_energy: 5, equipment: 4, semiconductors: 2, logistics: 2, food: 1, digital: 1 },
    ['蒋官屯街道', '北城街道', '广平乡', '东城街道']),
  park('371572', '聊城高新技术产业开发区', '高新区', '聊城高新区', [116.085, 36.495], 42,
    { chemicals: 6, semiconductors: 3, digital: 2, equipment: 2, new_energy: 2 },
    ['许营镇', '顾官屯镇', '韩集乡', '九州街道']),
  park('371573', '江北水城旅游度假区', '度假区', '江北水城度假区', [115.995, 36.428], 24,
    { tourism: 4, livelihood: 3, digital: 2, infrastructure: 2, logistics: 1 },
    ['朱老庄镇', '李海务街道', '于集镇', '凤凰街道']),
];

export const areaByCode = new Map(AREAS.map((a) => [a.code, a]));

export function areaPath(code: string): string {
  return `${CITY_PATH}${code}/`;
}

/** Shandong's divisions plus Liaocheng's parks, as region rows. */
export function demoRegionRows(): RegionRow[] {
  const rows = loadDivisions({ provinceCode: PROVINCE_CODE });
  const city = rows.find((r) => r.code === CITY_CODE);
  if (!city) throw new Error('行政区划数据中缺少聊城市（371500）');
  return [...rows, ...PARKS.map((p, i) => parkRow(p.code, p.name, city, 900 + i))];
}

export async function seedRegions(db: DbOrTx): Promise<void> {
  await upsertRegions(db, demoRegionRows());
}
