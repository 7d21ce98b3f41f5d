// People of the demo city: the leaders who carry projects (包靠领导), the staff who serve on special
// teams (帮包专员, 专班成员) and the owners' contacts (联系人). All names are invented.
import { AREAS, CITY_CODE, type DemoArea } from './demo.regions.ts';
import { CITY_GOVERNMENT, DEPARTMENTS, type DepartmentKey, type OrgBook, type OrgRow } from './demo.orgs.ts';
import { demoId, type Rng } from './demo.prng.ts';

export interface PersonRow {
  id: string;
  name: string;
  title: string | null;
  phone: string | null;
  orgId: string | null;
  regionCode: string;
  isLeader: boolean;
}

/** A leader, and how many projects they tend to carry relative to others. */
export interface Leader {
  person: PersonRow;
  /** null for city leaders; the area code for county and park leaders. */
  area: string | null;
  weight: number;
  /** May carry provincial projects (the city's top and deputy leaders). */
  provincial: boolean;
}

export interface Staff {
  person: PersonRow;
  /** The bureau or department they work for, as shown on the team list. */
  orgName: string;
  duty: string;
}

const SURNAMES = [
  '王', '李', '张', '刘', '陈', '杨', '赵', '黄', '周', '吴', '徐', '孙', '胡', '朱', '高', '林', '何', '郭', '马', '罗',
  '梁', '宋', '郑', '谢', '韩', '唐', '冯', '于', '董', '程', '曹', '袁', '邓', '许', '傅', '沈', '曾', '彭', '吕', '苏',
  '卢', '蒋', '蔡', '贾', '丁', '魏', '薛', '叶', '阎', '潘', '杜', '戴', '夏', '田', '任', '姜', '范', '方', '石', '姚',
  '谭', '邹', '金', '陆', '郝', '孔', '白', '崔', '康', '毛', '邱', '秦', '史', '顾', '侯', '邵', '孟', '段', '尹', '乔',
];
const GIVEN = [
  '伟', '强', '磊', '军', '洋', '勇', '杰', '涛', '明', '超', '刚', '平', '辉', '鹏', '华', '飞', '鑫', '波', '斌', '宇',
  '浩', '凯', '健', '俊', '帆', '旭', '宁', '峰', '建', '国', '志', '海', '东', '亮', '红', '霞', '丽', '静', '敏', '燕',
  '艳', '娟', '芳', '玲', '萍', '雪', '梅', '琳', '晶', '婷', '慧', '瑞', '博', '文', '晓', '立', '永', '新', '春', '成',
  '庆', '振', '德', '学', '广', '长', '金', '宏', '世', '延', '兆', '利', '民', '光', '荣', '继', '玉', '秀', '涵', '书',
];

// [title, relative share of projects, may carry provincial projects]
const CITY_LEADERS: [string, number, boolean][] = [
  ['市委书记', 2, true], ['市长', 3, true], ['市委副书记', 4, true], ['常务副市长', 8, true],
  ['副市长', 10, true], ['副市长', 10, true], ['副市长', 9, true], ['副市长', 9, true], ['副市长', 8, true], ['副市长', 8, true],
  ['市委常委、秘书长', 5, true], ['市委常委、统战部部长', 4, false], ['市人大常委会副主任', 4, false], ['市人大常委会副主任', 4, false],
  ['市政协副主席', 4, false], ['市政协副主席', 4, false], ['市政协副主席', 3, false], ['市政府秘书长', 4, false],
];

// [position, what they do on a special team]
const DEPT_STAFF: Partial<Record<DepartmentKey, [string[], string]>> = {
  drc: [['重大项目服务中心主任', '固定资产投资科科长', '重点项目科副科长'], '负责项目手续和调度协调'],
  land: [['用地审批科科长', '国土空间规划科副科长'], '负责用地要素保障'],
  environment: [['环评审批科科长', '污染防治科副科长'], '负责环评服务和环境容量保障'],
  housing: [['建筑业发展科科长'], '负责施工许可和质量安全监管'],
  finance: [['经济建设科科长', '债务管理科副科长'], '负责资金争取和专项债券申报'],
  approval: [['投资建设审批科科长', '社会事务审批科副科长'], '负责审批手续办理'],
  power: [['营销部副主任', '客户经理'], '负责电力接入保障'],
  labour: [['就业促进科科长'], '负责用工保障'],
  industry: [['投资与技术改造科科长'], '负责技改政策和企业服务'],
  commerce: [['外资科科长'], '负责招商服务和外资协调'],
  transport: [['建设管理科科长'], '负责交通配套协调'],
  water: [['规划计划科科长'], '负责用水保障'],
};

// [bureau, position, what they do on a special team]; specialists are drawn from the first three.
const AREA_STAFF_COUNTY: [string, string, string][] = [
  ['发展和改革局', '副局长', '负责项目手续协调'], ['重点项目服务中心', '主任', '负责项目调度服务'],
  ['发展和改革局', '投资科科长', '负责项目调度服务'], ['自然资源局', '副局长', '负责用地要素保障'],
  ['行政审批服务局', '副局长', '负责审批手续办理'], ['住房和城乡建设局', '副局长', '负责施工许可和质量安全监管'],
  ['工业和信息化局', '副局长', '负责企业服务'], ['投资促进服务中心', '主任', '负责招商服务'], ['生态环境分局', '副局长', '负责环评服务'],
];
const AREA_STAFF_PARK: [string, string, string][] = [
  ['经济发展局', '副局长', '负责项目手续协调'], ['项目服务中心', '主任', '负责项目调度服务'], ['经济发展局', '项目科科长', '负责项目调度服务'],
  ['规划建设局', '科长', '负责规划和施工许可服务'], ['招商服务中心', '副主任', '负责招商服务'], ['安全环保局', '副局长', '负责环评和安全服务'],
  ['财政金融局', '科长', '负责资金和融资对接'], ['企业服务中心', '主任', '负责企业服务'],
];
const CONTACT_TITLES = ['总经理', '副总经理', '项目经理', '办公室主任', '工程部经理', '总经理助理', '企划部部长'];

export class PeopleBook {
  readonly rows: PersonRow[] = [];
  readonly leaders: Leader[] = [];
  /** Area staff by area code (specialists come first in each list). */
  readonly areaStaff = new Map<string, Staff[]>();
  readonly cityStaff: Staff[] = [];
  private contacts = new Map<string, PersonRow>();
  private used = new Set<string>();

  constructor(private rng: Rng, private orgs: OrgBook) {
    const cityGov = orgs.get(CITY_GOVERNMENT);
    CITY_LEADERS.forEach(([title, weight, provincial]) => {
      const onGovernment = /市长|秘书长/.test(title) && !title.startsWith('市委');
      const person = this.add(title, CITY_CODE, onGovernment ? cityGov.id : null, true);
      this.leaders.push({ person, area: null, weight, provincial });
    });
    for (const area of AREAS) {
      const unit = orgs.unitOf(area);
      area.leaderTitles.forEach((title, i) => {
        const person = this.add(title, area.code, unit.id, true);
        this.leaders.push({ person, area: area.code, weight: i === 0 ? 4 : 5, provincial: false });
      });
      const titles = area.kind === 'park' ? AREA_STAFF_PARK : AREA_STAFF_COUNTY;
      this.areaStaff.set(area.code, titles.map(([bureau, position, duty]) => ({
        person: this.add(`${area.place}${bureau}${position}`, area.code, unit.id, false), orgName: `${area.place}${bureau}`, duty,
      })));
    }
    for (const [key, [titles, duty]] of Object.entries(DEPT_STAFF) as [DepartmentKey, [string[], string]][]) {
      const org = orgs.get(DEPARTMENTS[key]);
      for (const t of titles) this.cityStaff.push({ person: this.add(t, CITY_CODE, org.id, false), orgName: org.name, duty });
    }
  }

  areaLeaders(area: DemoArea): Leader[] {
    return this.leaders.filter((l) => l.area === area.code);
  }

  cityLeaders(): Leader[] {
    return this.leaders.filter((l) => l.area === null);
  }

  /** The owner's contact person (one per enterprise), created on first use. */
  contactOf(org: OrgRow): PersonRow {
    let p = this.contacts.get(org.id);
    if (!p) {
      p = this.add(this.rng.pick(CONTACT_TITLES), org.regionCode, org.id, false);
      org.contact = p.name;
      this.contacts.set(org.id, p);
    }
    return p;
  }

  private add(title: string, regionCode: string, orgId: string | null, isLeader: boolean): PersonRow {
    const name = this.newName();
    const row: PersonRow = { id: demoId('person', name), name, title, phone: this.rng.mobile(), orgId, regionCode, isLeader };
    this.rows.push(row);
    return row;
  }

  private newName(): string {
    for (;;) {
      const given = this.rng.chance(0.75) ? `${this.rng.pick(GIVEN)}${this.rng.pick(GIVEN)}` : this.rng.pick(GIVEN);
      const name = `${this.rng.pick(SURNAMES)}${given}`;
      if (given.length === 2 && given[0] === given[1]) continue;
      if (!this.used.has(name)) {
        this.used.add(name);
        return name;
      }
    }
  }
}
