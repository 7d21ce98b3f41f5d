// The cockpit's gauges: the four key rates against the office's targets for the year. Targets are
// percentages of the year's goal. Investment completion and fund arrival grow through the year, so
// their bar for "now" is the target scaled by time-elapsed progress (序时进度); start and on-time
// completion rates already count only what was due by now, so their target applies as it is.
import Decimal from 'decimal.js';
import type { Rate } from './kpi.ts';

export const COCKPIT_GAUGES = ['start', 'investment', 'funds', 'onTime'] as const;
export type CockpitGauge = (typeof COCKPIT_GAUGES)[number];

/** Targets in percent, one per gauge. */
export interface CockpitTargetValues {
  startRate: number;
  investmentRate: number;
  fundsRate: number;
  onTimeRate: number;
}

/**
 * When the office has set nothing: every project due to start has started and every one due to
 * complete has completed (100%), the whole annual plan is invested (100%), and nine tenths of it is
 * covered by funds that arrived (90%: funds usually trail the work they pay for).
 */
export const DEFAULT_COCKPIT_TARGETS: CockpitTargetValues = { startRate: 100, investmentRate: 100, fundsRate: 90, onTimeRate: 100 };

export const GAUGE_TARGET_KEY: Record<CockpitGauge, keyof CockpitTargetValues> = {
  start: 'startRate', investment: 'investmentRate', funds: 'fundsRate', onTime: 'onTimeRate',
};

/** Gauges whose target grows with the year (by time-elapsed progress). */
const PRO_RATA: ReadonlySet<CockpitGauge> = new Set(['investment', 'funds']);

export type GaugeStatus = 'met' | 'behind';

export interface GaugeReading {
  key: CockpitGauge;
  rate: Rate;
  /** The year's target as a fraction (1 = 100%). */
  target: number;
  /** What should be reached by now, as a fraction; null when time-elapsed progress is unknown. */
  targetToDate: Rate;
  status: GaugeStatus | null;
}

export function gaugeReading(key: CockpitGauge, rate: Rate, targetPercent: number, timeElapsed: Rate): GaugeReading {
  const target = new Decimal(targetPercent).dividedBy(100);
  const toDate = PRO_RATA.has(key) ? (timeElapsed == null ? null : target.times(timeElapsed)) : target;
  const status = rate == null || toDate == null ? null : toDate.lessThanOrEqualTo(rate) ? 'met' : 'behind';
  return { key, rate, target: target.toNumber(), targetToDate: toDate?.toNumber() ?? null, status };
}
