import { describe, expect, it } from 'vitest';
import { monthLabel, monthName } from './rowLabel.ts';

describe('month rows of the series table and chart', () => {
  it('keep the server label in Chinese and read as month and year in English', () => {
    const row = { key: '2024-03', label: '2024年3月' };
    expect(monthLabel(row, 'zh-CN')).toBe('2024年3月');
    expect(monthLabel(row, 'en-US')).toBe('Mar 2024');
    expect(monthName('2024-12', 'en-US')).toBe('Dec');
  });
});
