import { describe, expect, it } from 'vitest';
import { excelSerialToIso, formatDateZh, chinaDateTime, formatYearMonth, isIsoDate, parseDate, todayIso } from './dates.ts';

describe('parseDate', () => {
  const ok = (value: string | null) => ({ ok: true, value });
  it('reads the forms county spreadsheets use', () => {
    expect(parseDate('2024-09-01')).toEqual(ok('2024-09-01'));
    expect(parseDate('2024/9/1')).toEqual(ok('2024-09-01'));
    expect(parseDate('2024.9.1')).toEqual(ok('2024-09-01'));
    expect(parseDate('2024年9月1日')).toEqual(ok('2024-09-01'));
    expect(parseDate('20240901')).toEqual(ok('2024-09-01'));
    expect(parseDate(' 2024 - 9 - 1 ')).toEqual(ok('2024-09-01'));
  });

  it('takes a month-only date as the first of that month', () => {
    expect(parseDate('2024年9月')).toEqual(ok('2024-09-01'));
    expect(parseDate('2024-09')).toEqual(ok('2024-09-01'));
    expect(parseDate('2024年9月份')).toEqual(ok('2024-09-01'));
  });

  it('reads Excel dates and serial numbers without a time-zone shift', () => {
    expect(parseDate(new Date(Date.UTC(2024, 8, 1)))).toEqual(ok('2024-09-01'));
    expect(parseDate(45536)).toEqual(ok('2024-09-01'));
    expect(parseDate('45536')).toEqual(ok('2024-09-01'));
    expect(excelSerialToIso(60)).toBe('1900-02-28');
    expect(excelSerialToIso(61)).toBe('1900-03-01');
  });

  it('treats blanks and dashes as no date', () => {
    expect(parseDate('')).toEqual(ok(null));
    expect(parseDate('—')).toEqual(ok(null));
    expect(parseDate(null)).toEqual(ok(null));
  });

  it('refuses impossible dates and text', () => {
    expect(parseDate('2024-02-30')).toEqual({ ok: false });
    expect(parseDate('2023-02-29')).toEqual({ ok: false });
    expect(parseDate('2024-13-01')).toEqual({ ok: false });
    expect(parseDate('明年三月')).toEqual({ ok: false });
    expect(parseDate(true)).toEqual({ ok: false });
    expect(parseDate(new Date('nope'))).toEqual({ ok: false });
    expect(parseDate(-3)).toEqual({ ok: false });
  });

  it('accepts leap days', () => {
    expect(parseDate('2024-02-29')).toEqual(ok('2024-02-29'));
    expect(isIsoDate('2024-02-29')).toBe(true);
    expect(isIsoDate('2024-2-29')).toBe(false);
  });
});

describe('formats', () => {
  it('writes dates the Chinese way', () => {
    expect(formatYearMonth('2024-09-26')).toBe('2024年9月');
    expect(formatDateZh('2024-09-06')).toBe('2024年9月6日');
    expect(formatDateZh(null)).toBe('—');
  });

  it('takes today in China (UTC+8)', () => {
    expect(todayIso(new Date('2024-09-30T16:30:00Z'))).toBe('2024-10-01');
    expect(todayIso(new Date('2024-09-30T15:30:00Z'))).toBe('2024-09-30');
  });

  it('writes a timestamp as China time to the minute', () => {
    expect(chinaDateTime('2024-12-19T05:51:30.000Z')).toBe('2024-12-19 13:51');
    expect(chinaDateTime(new Date('2024-09-30T16:30:00Z'))).toBe('2024-10-01 00:30');
    expect(chinaDateTime(null)).toBeNull();
  });
});
