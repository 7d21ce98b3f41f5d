import Decimal from 'decimal.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatMoney, formatWan, formatYi, moneyEquals, normalizeMoney, parseMoney, sumMoney } from './money.ts';

describe('parseMoney', () => {
  it('reads numbers, grouped text and Chinese units into 万元', () => {
    expect(parseMoney(1234.5)).toEqual({ ok: true, value: '1234.5' });
    expect(parseMoney('1,234.50')).toEqual({ ok: true, value: '1234.5' });
    expect(parseMoney('１２')).toEqual({ ok: false, error: 'not_a_number' });
    expect(parseMoney('800万元')).toEqual({ ok: true, value: '800' });
    expect(parseMoney('12亿')).toEqual({ ok: true, value: '120000' });
    expect(parseMoney('1.043亿元')).toEqual({ ok: true, value: '10430' });
    expect(parseMoney(' 0 ')).toEqual({ ok: true, value: '0' });
  });

  it('removes spreadsheet float noise', () => {
    expect(parseMoney(0.1 + 0.2)).toEqual({ ok: true, value: '0.3' });
  });

  it('refuses text, negatives and absurd sizes', () => {
    expect(parseMoney('about 5')).toEqual({ ok: false, error: 'not_a_number' });
    expect(parseMoney('-5')).toEqual({ ok: false, error: 'negative' });
    expect(parseMoney('-5', { allowNegative: true })).toEqual({ ok: true, value: '-5' });
    expect(parseMoney('1e20')).toEqual({ ok: false, error: 'not_a_number' });
    expect(parseMoney('100000000000')).toEqual({ ok: false, error: 'too_large' });
    expect(parseMoney(Number.NaN)).toEqual({ ok: false, error: 'not_a_number' });
    expect(parseMoney(null)).toEqual({ ok: false, error: 'not_a_number' });
  });

  it('rounds below one yuan (the fifth decimal of 万元) half up', () => {
    expect(parseMoney('1.00005')).toEqual({ ok: true, value: '1.0001' });
    expect(parseMoney('1.00004')).toEqual({ ok: true, value: '1' });
  });
});

describe('sums and formats', () => {
  it('adds exactly', () => {
    expect(sumMoney(['0.1', '0.2', null, '', '120000.5'])).toBe('120000.8');
    expect(sumMoney(Array(400).fill('75000'))).toBe('30000000');
    expect(moneyEquals('12500.0000', '12500')).toBe(true);
    expect(moneyEquals(null, '')).toBe(true);
    expect(moneyEquals('1', null)).toBe(false);
  });

  it('normalises without trailing zeros or exponents', () => {
    expect(normalizeMoney('12500.0000')).toBe('12500');
    expect(normalizeMoney('0.0000001')).toBe('0');
    expect(normalizeMoney('30000000')).toBe('30000000');
    expect(normalizeMoney('0.5000')).toBe('0.5');
    expect(normalizeMoney('0.0000')).toBe('0');
    expect(normalizeMoney('7.')).toBe('7');
  });

  it('trims numeric text as decimal.js rounds it, whatever the text', () => {
    const viaDecimal = (v: string) => new Decimal(v).toDecimalPlaces(4, Decimal.ROUND_HALF_UP).toFixed().replace(/(\.\d*?)0+$/, '$1').replace(/\.$/, '') || '0';
    const digits = (min: number, max: number) => fc.array(fc.constantFrom(...'0123456789'), { minLength: min, maxLength: max }).map((a) => a.join(''));
    const text = fc.tuple(fc.constantFrom('', '-'), digits(1, 20), fc.option(digits(0, 8))).map(([sign, int, frac]) => `${sign}${int}${frac == null ? '' : `.${frac}`}`)
      .filter((t) => !t.endsWith('.'));
    fc.assert(fc.property(text, (t) => normalizeMoney(t) === viaDecimal(t)), { numRuns: 5000 });
  });

  it('formats 万元 and 亿元 the way Chinese readers expect', () => {
    expect(formatWan('12345.678')).toBe('12,345.68万元');
    expect(formatYi('30000000')).toBe('3,000.00亿元');
    expect(formatYi('10430000')).toBe('1,043.00亿元');
    expect(formatMoney('9999')).toBe('9,999.00万元');
    expect(formatMoney('10000')).toBe('1.00亿元');
    expect(formatMoney(null)).toBe('—');
    expect(formatWan('-1234')).toBe('-1,234.00万元');
  });
});
