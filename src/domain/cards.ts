// Cards (红黄蓝亮牌): the pure rules. A project's card for a period is the worst colour of its
// indicators (investment gap, the three milestones, reporting, overdue roadblocks); indicators that
// do not apply (no annual plan, no milestone due) are listed with colour null and do not count.
// The score (0–100) ranks projects; its formula is documented at `cardScore` and weighted by the rules.
import Decimal from 'decimal.js';

export const CARD_COLORS = ['blue', 'yellow', 'red'] as const;
export type CardColor = (typeof CARD_COLORS)[number];
export const CARD_COLOR_LABELS: Record<CardColor, string> = { blue: '蓝牌', yellow: '黄牌', red: '红牌' };

export const CARD_INDICATORS = ['investment', 'start', 'completion', 'production', 'reporting', 'problems'] as const;
export type CardIndicatorName = (typeof CARD_INDICATORS)[number];
export const CARD_INDICATOR_LABELS: Record<CardIndicatorName, string> = {
  investment: '投资完成进度',
  start: '开工节点',
  completion: '竣工节点',
  production: '投产节点',
  reporting: '按时填报',
  problems: '问题办理',
};

/** Score components and their weights (any non-negative numbers; they are normalised to 100). */
export const CARD_SCORE_PARTS = ['investment', 'milestones', 'reporting', 'problems'] as const;
export type CardScorePart = (typeof CARD_SCORE_PARTS)[number];

export interface CardRules {
  investment: {
    /** Gap (time-elapsed − annual completion rate, a fraction) above which the card is yellow. Default 0. */
    yellowAbove: number;
    /** Gap above which the card is red. Default 0.10 (10 points). */
    redAbove: number;
  };
  milestones: {
    /** Overdue by at least this many whole months → red; overdue less → yellow. Default 3. */
    redMonths: number;
  };
  reporting: {
    /** Missing reports running (this period and those before) at which the card is yellow / red. Defaults 1 / 2. */
    yellowMissing: number;
    redMissing: number;
  };
  problems: {
    /** Open roadblocks past their deadline at which the card is yellow. Default 1. */
    yellowOverdue: number;
  };
  score: {
    weights: Record<CardScorePart, number>;
    /** Gap at which the investment component reaches 0 (default 0.30: 30 points behind). */
    gapFloor: number;
    /** Months overdue at which a milestone component reaches 0 (default 6). */
    overdueMonthsFloor: number;
  };
  supervision: {
    /** Days a red card's supervision order gives for the written response. Default 15. */
    deadlineDays: number;
  };
}

export const DEFAULT_CARD_RULES: CardRules = {
  investment: { yellowAbove: 0, redAbove: 0.1 },
  milestones: { redMonths: 3 },
  reporting: { yellowMissing: 1, redMissing: 2 },
  problems: { yellowOverdue: 1 },
  score: { weights: { investment: 40, milestones: 30, reporting: 20, problems: 10 }, gapFloor: 0.3, overdueMonthsFloor: 6 },
  supervision: { deadlineDays: 15 },
};
