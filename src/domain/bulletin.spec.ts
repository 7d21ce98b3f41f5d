import { describe, expect, it } from 'vitest';
import {
  bulletinNumber, bulletinTitle, defaultBulletinSettings, diffBulletin, gapCell, gapWords, monthsText, openingParagraph, recipientsLine,
  wholeRegionWord, type Comparable,
} from './bulletin.ts';

describe('number, title and words', () => {
  it('derives the office and prefix from the region, and numbers as 〔year〕seq号', () => {
    expect(defaultBulletinSettings({ name: '聊城市', shortName: '聊城', level: 'city' })).toEqual({ issuingOffice: '聊城市重点项目推进工作领导小组办公室', numberPrefix: '聊重推办' });
    expect(bulletinNumber('聊重推办', 2024, 11)).toBe('聊重推办〔2024〕11号');
  });

  it('names the whole region by its kind', () => {
    expect(wholeRegionWord({ name: '聊城市', level: 'city' })).toBe('全市');
    expect(wholeRegionWord({ name: '莘县', level: 'county' })).toBe('全县');
    expect(wholeRegionWord({ name: '东昌府区', level: 'county' })).toBe('全区');
    expect(wholeRegionWord({ name: '临清市', level: 'county' })).toBe('全市');
    expect(wholeRegionWord({ name: '山东省', level: 'province' })).toBe('全省');
    expect(bulletinTitle(2024, 11, { name: '聊城市', level: 'city' })).toBe('关于2024年11月全市重点项目推进情况的通报');
    expect(recipientsLine({ name: '莘县', level: 'county' })).toBe('各乡镇人民政府、街道办事处，县直有关部门：');
  });

  it('writes months and gaps as a bulletin does', () => {
    expect(monthsText(1)).toBe('1月');
    expect(monthsText(11)).toBe('1—11月');
    expect(gapWords(0.023)).toBe('高于序时进度2.3个百分点');
    expect(gapWords(-0.1)).toBe('低于序时进度10.0个百分点');
    expect(gapWords(0.0004)).toBe('与序时进度持平');
    expect(gapWords(null)).toBe('');
    expect(gapCell(-0.04)).toBe('-4.0');
    expect(gapCell(null)).toBe('—');
  });

  it('puts the period’s figures in words', () => {
    const text = openingParagraph({
      regionName: '聊城市', regionLevel: 'city', month: 11, projectCount: 400, ytdInvestment: '9876543.21', annualCompletionRate: 0.9512,
      gap: 0.0345, ytdFundsArrived: '8000000', fundArrivalRate: 0.77, startRate: 0.9, started: 90, dueToStart: 100,
      ahead: 5, lagging: 2, subRegions: 11, cards: { red: 12, yellow: 40, blue: 340 }, overdueProblems: 7,
    });
    expect(text).toBe('1—11月，全市400个重点项目完成投资987.65亿元，占年度计划的95.1%，高于序时进度3.5个百分点；到位资金800.00亿元，资金到位率77.0%；'
      + '计划年内开工的100个项目已开工90个，开工率90.0%。11个县（市、区）中，5个快于序时进度，2个滞后于序时进度。本期亮红牌12个、黄牌40个、蓝牌340个；逾期未办结问题7个。');
    const none = openingParagraph({
      regionName: '莘县', regionLevel: 'county', month: 1, projectCount: 3, ytdInvestment: '0', annualCompletionRate: null, gap: null,
      ytdFundsArrived: '0', fundArrivalRate: null, startRate: null, started: 0, dueToStart: 0,
      ahead: 0, lagging: 0, subRegions: 2, cards: { red: 0, yellow: 0, blue: 0 }, overdueProblems: 0,
    });
    expect(none).toBe('1月，全县3个重点项目完成投资0.00亿元。2个区域中，无快于序时进度的，无滞后于序时进度的。本期尚无亮牌结果；无逾期未办结问题。');
  });
});

describe('what changed since', () => {
  const row = (key: string, label: string, ytd: string, rate: number, rank: number | null) => ({
    key, label, projectCount: 10, annualPlan: '1000', ytdInvestment: ytd, annualCompletionRate: rate, gap: rate - 0.9, rank,
  });
  const was: Comparable = {
    total: row('371500', '聊城市', '1700', 0.85, null),
    regions: [row('371502', '东昌府区', '852', 0.852, 1), row('371522', '莘县', '848', 0.848, 2)],
    cards: [{ projectId: 'a', code: 'A', name: '甲项目', color: 'red' }, { projectId: 'b', code: 'B', name: '乙项目', color: 'yellow' }],
    projects: [{ id: 'a', code: 'A', name: '甲项目', annualPlan: '100', ytdInvestment: '50' }],
    overdueProblems: 3,
  };

  it('is empty for the same figures', () => {
    expect(diffBulletin(was, structuredClone(was))).toEqual({ items: [], moreProjects: 0 });
  });

  it('names each printed figure that differs', () => {
    const now: Comparable = {
      ...structuredClone(was),
      total: row('371500', '聊城市', '1708', 0.854, null),
      regions: [row('371502', '东昌府区', '860', 0.86, 1), row('371522', '莘县', '848', 0.848, 2)],
      cards: [{ projectId: 'a', code: 'A', name: '甲项目', color: 'yellow' }, { projectId: 'c', code: 'C', name: '丙项目', color: 'red' }],
      projects: [{ id: 'a', code: 'A', name: '甲项目', annualPlan: '100', ytdInvestment: '58' }],
      overdueProblems: 4,
    };
    const texts = diffBulletin(was, now).items.map((i) => i.text);
    expect(texts).toEqual([
      '聊城市 本年累计完成投资 由 1,700.00万元 变为 1,708.00万元',
      '聊城市 年度完成率 由 85.0% 变为 85.4%',
      '聊城市 与序时进度差距 由 -5.0个百分点 变为 -4.6个百分点',
      '东昌府区 本年累计完成投资 由 852.00万元 变为 860.00万元',
      '东昌府区 年度完成率 由 85.2% 变为 86.0%',
      '东昌府区 与序时进度差距 由 -4.8个百分点 变为 -4.0个百分点',
      '甲项目（A） 由 红牌 变为 黄牌',
      '乙项目（B） 由 黄牌 变为 非红黄牌',
      '丙项目（C） 由 非红黄牌 变为 红牌',
      '甲项目（A） 本年累计完成投资 由 50.00万元 变为 58.00万元',
      '逾期未办结问题 由 3 个 变为 4 个',
    ]);
  });

  it('spells out a limited number of project lines and counts the rest', () => {
    const many = Array.from({ length: 30 }, (_, i) => ({ id: `p${i}`, code: `P${i}`, name: `项目${i}`, annualPlan: '100', ytdInvestment: '10' }));
    const r = diffBulletin({ ...was, projects: many }, { ...was, projects: many.map((p) => ({ ...p, ytdInvestment: '11' })) }, 20);
    expect(r.items.filter((i) => i.kind === 'project')).toHaveLength(20);
    expect(r.moreProjects).toBe(10);
  });
});
