// Request and response schemas of cards (红黄蓝亮牌). Names kept as a contract: a card has projectId,
// periodId, color (blue|yellow|red), score, ruleVersion, indicators [{ name, value, threshold, color }],
// overrideColor, overrideReason; effectiveColor = overrideColor ?? color.
import { z } from 'zod';
import { CARD_COLORS, CARD_INDICATORS, CARD_SCORE_PARTS } from '../domain/cards.ts';
import { monthText, pageQuery } from './common.ts';

export const cardColor = z.enum(CARD_COLORS, { message: '颜色应为蓝、黄或红' });

// ───────────── rules ─────────────

const fraction = (what: string) => z.number({ message: `${what}应为数字` }).min(-1, `${what}不能小于 -100%`).max(1, `${what}不能大于 100%`);
const count = (what: string, min = 1, max = 24) =>
  z.number({ message: `${what}应为整数` }).int(`${what}应为整数`).min(min, `${what}不能小于 ${min}`).max(max, `${what}不能大于 ${max}`);

/** A rule set (thresholds and score weights). Gaps are fractions: 0.10 = 10 percentage points. */
export const cardRules = z
  .object({
    investment: z
      .object({ yellowAbove: fraction('黄牌差距阈值'), redAbove: fraction('红牌差距阈值') })
      .refine((v) => v.redAbove >= v.yellowAbove, { message: '红牌差距阈值不能小于黄牌阈值', path: ['redAbove'] }),
    milestones: z.object({ redMonths: count('节点逾期红牌月数', 1, 24) }),
    reporting: z
      .object({ yellowMissing: count('黄牌缺报期数', 1, 12), redMissing: count('红牌连续缺报期数', 1, 12) })
      .refine((v) => v.redMissing >= v.yellowMissing, { message: '红牌连续缺报期数不能小于黄牌期数', path: ['redMissing'] }),
    problems: z.object({ yellowOverdue: count('逾期问题黄牌个数', 1, 100) }),
    score: z.object({
      weights: z
        .record(z.enum(CARD_SCORE_PARTS), z.number({ message: '权重应为数字' }).min(0, '权重不能为负').max(100, '权重不能大于 100'))
        .refine((w) => Object.values(w).some((v) => v > 0), { message: '权重不能全为 0' }),
      gapFloor: z.number({ message: '得分归零差距应为数字' }).gt(0, '得分归零差距应大于 0').max(1, '得分归零差距不能大于 100%'),
      overdueMonthsFloor: z.number({ message: '得分归零逾期月数应为数字' }).gt(0, '得分归零逾期月数应大于 0').max(60, '得分归零逾期月数不能大于 60'),
    }),
    supervision: z.object({ deadlineDays: count('督办期限天数', 1, 365) }),
  })
  .meta({ id: 'CardRules' });
export type CardRulesDto = z.infer<typeof cardRules>;

export const cardRuleSet = z
  .object({
    /** Null for the built-in defaults (version 0). */
    id: z.number().int().nullable(),
    regionCode: z.string(),
    version: z.number().int(),
    rules: cardRules,
    note: z.string().nullable(),
    createdBy: z.string().nullable(),
    createdAt: z.string().nullable(),
  })
  .meta({ id: 'CardRuleSet' });
export type CardRuleSetDto = z.infer<typeof cardRuleSet>;

export const cardRulesQuery = z.object({ regionCode: z.string().trim().optional().meta({ description: '市级区域代码；省略时为调用者所在市' }) });
export const cardRulesResult = z
  .object({
    regionCode: z.string(),
    regionName: z.string(),
    current: cardRuleSet,
    /** Saved versions, newest first (version 0 = defaults is not listed). */
    history: z.array(cardRuleSet),
    /** Whether the caller may save rules for this region (a city's or province's office; a county uses its city's). */
    editable: z.boolean(),
  })
  .meta({ id: 'CardRulesResult' });
export type CardRulesResult = z.infer<typeof cardRulesResult>;

export const cardRulesPut = z.object({
  regionCode: z.string().trim().optional(),
  rules: cardRules,
  note: z.string().trim().min(1, '请填写修改说明').max(500, '修改说明不能超过 500 字'),
});
export type CardRulesPut = z.infer<typeof cardRulesPut>;

export const cardRulesPreviewBody = z.object({
  regionCode: z.string().trim().optional(),
  rules: cardRules,
  periodId: z.uuid({ message: '期次 ID 格式不正确' }).optional(),
});
export type CardRulesPreviewBody = z.infer<typeof cardRulesPreviewBody>;

export const colorCounts = z.object({ blue: z.number().int(), yellow: z.number().int(), red: z.number().int(), total: z.number().int() });
export type ColorCounts = z.infer<typeof colorCounts>;

export const cardRulesPreview = z
  .object({
    /** Null when no closed period exists yet. */
    periodId: z.uuid().nullable(),
    periodLabel: z.string().nullable(),
    /** Counts by computed colour: the cards as stored now vs recomputed with the proposed rules. */
    now: colorCounts,
    proposed: colorCounts,
    changes: z.array(
      z.object({
        projectId: z.uuid(),
        projectCode: z.string(),
        projectName: z.string(),
        regionName: z.string(),
        before: cardColor,
        after: cardColor,
        scoreBefore: z.number(),
        scoreAfter: z.number(),
      }),
    ),
  })
  .meta({ id: 'CardRulesPreview' });
export type CardRulesPreview = z.infer<typeof cardRulesPreview>;

// ───────────── cards ─────────────

export const cardIndicator = z.object({
  name: z.enum(CARD_INDICATORS),
  /** Gap as a fraction, months overdue, missing periods running, overdue roadblocks; null when it does not apply. */
  value: z.number().nullable(),
  /** Human-readable thresholds, e.g. '≤0 蓝；0–10 个百分点 黄；>10 个百分点 红'. */
  threshold: z.string(),
  color: cardColor.nullable(),
  /** One line explaining the value (Chinese). */
  detail: z.string(),
});
export type CardIndicatorDto = z.infer<typeof cardIndicator>;

export const card = z
  .object({
    id: z.uuid(),
    projectId: z.uuid(),
    projectCode: z.string(),
    projectName: z.string(),
    regionCode: z.string(),
    regionName: z.string(),
    periodId: z.uuid(),
    periodLabel: z.string(),
    year: z.number().int(),
    month: z.number().int(),
    color: cardColor,
    score: z.number(),
    ruleVersion: z.number().int(),
    indicators: z.array(cardIndicator),
    overrideColor: cardColor.nullable(),
    overrideReason: z.string().nullable(),
    overriddenBy: z.string().nullable(),
    overriddenAt: z.string().nullable(),
    effectiveColor: cardColor,
    computedAt: z.string(),
    /** For grouping and filters. */
    industry: z.string().nullable(),
    unitName: z.string().nullable(),
    leaderName: z.string().nullable(),
  })
  .meta({ id: 'Card' });
export type CardDto = z.infer<typeof card>;

export const CARD_GROUPS = ['region', 'unit', 'industry', 'leader'] as const;
export type CardGroup = (typeof CARD_GROUPS)[number];

const monthOfCards = monthText.optional()
  .meta({ description: '月份 YYYY-MM：该区域本月的期次（无本级或上级期次时为各下级区域各自的期次，如全省为各市的期次）；与 periodId 二选一，都省略时为有亮牌的最近一个月' });

export const cardsQuery = z.object({
  periodId: z.uuid({ message: '期次 ID 格式不正确' }).optional().meta({ description: '一个期次；省略时按 month' }),
  month: monthOfCards,
  region: z.string().trim().optional().meta({ description: '区域代码（含下级）' }),
  /** Filters on the effective colour; comma-separated allowed, e.g. red,yellow. */
  color: z.string().trim().optional().meta({ description: 'blue|yellow|red，可逗号分隔，按生效颜色筛选' }),
  sort: z.enum(['score', '-score', 'code']).default('score').meta({ description: 'score 升序＝得分低者在前' }),
  q: z.string().trim().optional(),
  ...pageQuery,
});
export type CardsQuery = z.infer<typeof cardsQuery>;

export const cardList = z
  .object({
    /** The one period shown, or null when the month is several sub-regions' own periods (periodIds). */
    periodId: z.uuid().nullable(),
    periodIds: z.array(z.uuid()),
    /** YYYY-MM of what is shown. */
    month: z.string().nullable(),
    periodLabel: z.string().nullable(),
    items: z.array(card.extend({ rank: z.number().int() })),
    total: z.number().int(),
    page: z.number().int(),
    pageSize: z.number().int(),
  })
  .meta({ id: 'CardList' });
export type CardList = z.infer<typeof cardList>;

export const cardsSummaryQuery = z.object({
  periodId: z.uuid({ message: '期次 ID 格式不正确' }).optional(),
  month: monthOfCards,
  region: z.string().trim().optional(),
  groupBy: z.enum(CARD_GROUPS).default('region'),
});
export type CardsSummaryQuery = z.infer<typeof cardsSummaryQuery>;

export const cardsSummary = z
  .object({
    /** The one period shown, or null when the month is several sub-regions' own periods (periodIds). */
    periodId: z.uuid().nullable(),
    periodIds: z.array(z.uuid()),
    /** YYYY-MM of what is shown. */
    month: z.string().nullable(),
    periodLabel: z.string().nullable(),
    groupBy: z.enum(CARD_GROUPS),
    /** Counts by effective colour. */
    total: colorCounts,
    rows: z.array(colorCounts.extend({ key: z.string(), label: z.string(), avgScore: z.number().nullable() })),
  })
  .meta({ id: 'CardsSummary' });
export type CardsSummary = z.infer<typeof cardsSummary>;

export const cardRunQuery = z.object({ periodId: z.uuid({ message: '期次 ID 格式不正确' }) });
export const cardRunResult = z
  .object({
    periodId: z.uuid(),
    periodLabel: z.string(),
    ruleVersion: z.number().int(),
    /** Counts by computed colour. */
    counts: colorCounts,
    ordersOpened: z.number().int(),
    accountabilityAdded: z.number().int(),
  })
  .meta({ id: 'CardRunResult' });
export type CardRunResult = z.infer<typeof cardRunResult>;

/** Every period of a month in a region and below (a city's or province's office rating its sub-regions at once). */
export const cardRunMonthBody = z.object({
  regionCode: z.string({ message: '区域代码应为文字' }).trim().min(2, '请选择区域').optional()
    .meta({ description: '区域代码（默认本人所在区域）；评定该区域及其下级区域本月的全部填报期间' }),
  month: monthText.meta({ description: '月份 YYYY-MM' }),
});
export type CardRunMonthBody = z.infer<typeof cardRunMonthBody>;
export const cardRunMonthResult = z
  .object({
    regionCode: z.string(),
    regionName: z.string(),
    month: z.string(),
    /** One run per period, each committed on its own, by region code. */
    runs: z.array(cardRunResult),
    counts: colorCounts,
    ordersOpened: z.number().int(),
    accountabilityAdded: z.number().int(),
  })
  .meta({ id: 'CardRunMonthResult' });
export type CardRunMonthResult = z.infer<typeof cardRunMonthResult>;

export const cardOverrideBody = z.object({
  color: cardColor,
  reason: z.string().trim().min(1, '请填写调整理由').max(500, '调整理由不能超过 500 字'),
});
export const cardOverrideDeleteBody = z.object({
  reason: z.string().trim().min(1, '请填写撤销理由').max(500, '撤销理由不能超过 500 字'),
});

export const projectCards = z.object({ items: z.array(card) }).meta({ id: 'ProjectCards' });
