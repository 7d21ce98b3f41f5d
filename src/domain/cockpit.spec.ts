import { describe, expect, it } from 'vitest';
import { DEFAULT_COCKPIT_TARGETS, gaugeReading } from './cockpit.ts';

describe('gaugeReading', () => {
  it('scales investment and funds targets by time-elapsed progress', () => {
    expect(gaugeReading('investment', 0.8, 100, 11 / 12)).toMatchObject({ target: 1, status: 'behind' });
    expect(gaugeReading('investment', 0.8, 100, 11 / 12).targetToDate).toBeCloseTo(0.9167, 4);
    expect(gaugeReading('funds', 0.7, 90, 0.75)).toEqual({ key: 'funds', rate: 0.7, target: 0.9, targetToDate: 0.675, status: 'met' });
  });

  it('applies start and on-time targets as they are', () => {
    expect(gaugeReading('start', 0.95, 100, 0.5)).toEqual({ key: 'start', rate: 0.95, target: 1, targetToDate: 1, status: 'behind' });
    expect(gaugeReading('onTime', 1, 100, 0.5).status).toBe('met');
  });

  it('meets a target reached exactly, in exact decimals', () => {
    expect(gaugeReading('investment', 0.55, 110, 0.5).status).toBe('met');
  });

  it('gives no status without a rate or without time-elapsed progress', () => {
    expect(gaugeReading('start', null, 100, 0.5)).toMatchObject({ rate: null, status: null });
    expect(gaugeReading('investment', 0.4, 100, null)).toMatchObject({ targetToDate: null, status: null });
  });

  it('has documented defaults', () => {
    expect(DEFAULT_COCKPIT_TARGETS).toEqual({ startRate: 100, investmentRate: 100, fundsRate: 90, onTimeRate: 100 });
  });
});
