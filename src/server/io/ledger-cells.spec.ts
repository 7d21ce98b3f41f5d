import { describe, expect, it } from 'vitest';
import { normaliseHeader, recogniseHeader } from './ledger-columns.ts';
import { parseCoordinate, parseDateCell, parseLevel, parseMoneyCell, parseStage, parseTags, text } from './ledger-cells.ts';
import { neutralise } from './ledger-sheet.ts';

describe('ledger headers', () => {
  it('recognises variants with full-width brackets, breaks, marks and units', () => {
    expect(normaliseHeader(' 总投资\n（万元） ')).toBe('总投资(万元)');
    expect(recogniseHeader('*项目名称')).toEqual({ field: 'name', scale: 1 });
    expect(recogniseHeader('计划总投资（亿元）')).toEqual({ field: 'totalInvestment', scale: 10000 });
    expect(recogniseHeader('2024年计划投资(万元)')).toEqual({ field: 'annualPlan', scale: 1, year: 2024 });
    expect(recogniseHeader('县（市、区）')).toMatchObject({ field: 'region' });
    expect(recogniseHeader('包挂领导')).toMatchObject({ field: 'leader' });
    expect(recogniseHeader('序号')).toBe('ignore');
    expect(recogniseHeader('备注')).toBeNull();
  });
});

describe('ledger cells', () => {
  it('reads money in 万元, scales 亿元 columns, keeps a cell that states its own unit', () => {
    expect(parseMoneyCell(1.5, 10000, '总投资')).toEqual({ ok: true, value: '15000' });
    expect(parseMoneyCell('12亿', 10000, '总投资')).toEqual({ ok: true, value: '120000' });
    expect(parseMoneyCell('1,234.5', 1, '总投资')).toEqual({ ok: true, value: '1234.5' });
    expect(parseMoneyCell(0.1 + 0.2, 1, '总投资')).toEqual({ ok: true, value: '0.3' });
    expect(parseMoneyCell(-5, 1, '总投资')).toEqual({ ok: false, message: '总投资不能为负数' });
  });

  it('reads dates as Excel dates, serials and text, and refuses a bare year', () => {
    expect(parseDateCell(new Date(Date.UTC(2024, 8, 1)), '计划开工日期')).toEqual({ ok: true, value: '2024-09-01' });
    expect(parseDateCell('2024/9/1', '计划开工日期')).toEqual({ ok: true, value: '2024-09-01' });
    expect(parseDateCell('2024年9月', '计划开工日期')).toEqual({ ok: true, value: '2024-09-01' });
    expect(parseDateCell(45536, '计划开工日期')).toEqual({ ok: true, value: '2024-09-01' });
    expect(parseDateCell(2024, '计划开工日期').ok).toBe(false);
  });

  it('matches vocabulary variants and says what is allowed otherwise', () => {
    expect(parseLevel('省级重点项目')).toEqual({ ok: true, value: 'provincial' });
    expect(parseLevel('市重点')).toEqual({ ok: true, value: 'municipal' });
    expect(parseStage('已开工')).toEqual({ ok: true, value: 'started' });
    expect(parseLevel('特级')).toEqual({ ok: false, message: '项目级别「特级」无法识别，应为：省级、市级、县级' });
  });

  it('splits tags and range-checks coordinates', () => {
    expect(parseTags('外资，招商引资、新质生产力;外资 数字')).toEqual({ ok: true, value: ['外资', '招商引资', '新质生产力', '数字'] });
    expect(parseCoordinate(115.9853211, 'longitude')).toEqual({ ok: true, value: '115.985321' });
    expect(parseCoordinate('200', 'longitude')).toEqual({ ok: false, message: '经度应在 73 到 136 之间' });
  });

  it('neutralises formula-looking text on export and restores it on import', () => {
    for (const s of ['=1+1', '+86 635', '-新建', '@SUM(A1)']) {
      expect(neutralise(s)).toBe(`'${s}`);
      expect(text(neutralise(s))).toBe(s);
    }
    expect(neutralise('新建厂房')).toBe('新建厂房');
    expect(text("'普通文本")).toBe("'普通文本");
  });
});
