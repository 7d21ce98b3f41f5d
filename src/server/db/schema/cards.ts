// Cards and supervision (红黄蓝亮牌督办): versioned rule sets, one card per project and period,
// supervision orders for red cards, and the accountability list (约谈).
import { sql } from 'drizzle-orm';
import {
  bigserial, date, index, integer, jsonb, numeric, pgTable, text, timestamp, uniqueIndex, uuid, varchar,
} from 'drizzle-orm/pg-core';
import { organizations, people } from './orgs.ts';
import { projects } from './projects.ts';
import { regions } from './regions.ts';
import { reportingPeriods } from './reporting.ts';
import { users } from './users.ts';

/** A version of a city's card rules. Saving rules adds a version; cards record the version that made them. */
export const cardRuleSets = pgTable(
  'card_rule_sets',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    regionCode: varchar('region_code', { length: 12 }).notNull().references(() => regions.code),
    version: integer('version').notNull(),
    /** Thresholds and score weights (shape in src/domain/cards.ts). */
    rules: jsonb('rules').$type<Record<string, unknown>>().notNull(),
    note: text('note'),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('card_rule_sets_region_version_uq').on(t.regionCode, t.version)],
);

/** The card of a project in a period: computed colour and score, explained by its indicators. */
export const projectCards = pgTable(
  'project_cards',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    projectId: uuid('project_id').notNull().references(() => projects.id, { onDelete: 'cascade' }),
    periodId: uuid('period_id').notNull().references(() => reportingPeriods.id, { onDelete: 'cascade' }),
    regionPath: text('region_path').notNull(),
    year: integer('year').notNull(),
    month: integer('month').notNull(),
    /** blue | yellow | red — the worst indicator colour. */
    color: varchar('color', { length: 8 }).notNull(),
    score: numeric('score', { precision: 5, scale: 2 }).notNull(),
    ruleSetId: integer('rule_set_id').references(() => cardRuleSets.id),
    ruleVersion: integer('rule_version').notNull(),
    /** [{ name, value, threshold, color, detail }] */
    indicators: jsonb('indicators').$type<Record<string, unknown>[]>().notNull(),
    overrideColor: varchar('override_color', { length: 8 }),
    overrideReason: text('override_reason'),
    overriddenBy: uuid('overridden_by').references(() => users.id),
    overriddenAt: timestamp('overridden_at', { withTimezone: true }),
    computedAt: timestamp('computed_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('project_cards_project_period_uq').on(t.projectId, t.periodId),
    // A period's cards in a region: the card pages, the cockpit and the bulletin read them by both. No
    // colour here: the colour shown is the override's when there is one, and a card run that changes
    // colours then rewrites its rows in place (heap-only updates: no indexed column changes).
    index('project_cards_period_path_idx').on(t.periodId, t.regionPath.op('text_pattern_ops')),
    index('project_cards_path_idx').on(t.regionPath.op('text_pattern_ops'), t.year, t.month),
  ],
);

/** A supervision order (督办单) opened by a red card, sent to the responsible unit and lead leader. */
export const supervisionOrders = pgTable(
  'supervision_orders',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    /** 督办单编号, e.g. 聊督〔2024〕11-003. */
    number: text('number').notNull(),
    projectId: uuid('project_id').notNull().references(() => projects.id, { onDelete: 'cascade' }),
    cardId: uuid('card_id').references(() => projectCards.id, { onDelete: 'set null' }),
    periodId: uuid('period_id').references(() => reportingPeriods.id, { onDelete: 'set null' }),
    regionPath: text('region_path').notNull(),
    responsibleOrgId: uuid('responsible_org_id').references(() => organizations.id),
    leaderPersonId: uuid('leader_person_id').references(() => people.id),
    reason: text('reason').notNull(),
    issuedAt: timestamp('issued_at', { withTimezone: true }).notNull().defaultNow(),
    issuedBy: uuid('issued_by').references(() => users.id),
    deadline: date('deadline').notNull(),
    /** open | responded | accepted | rejected */
    status: varchar('status', { length: 12 }).notNull().default('open'),
    response: text('response'),
    respondedAt: timestamp('responded_at', { withTimezone: true }),
    respondedBy: uuid('responded_by').references(() => users.id),
    decisionNote: text('decision_note'),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    decidedBy: uuid('decided_by').references(() => users.id),
  },
  (t) => [
    uniqueIndex('supervision_orders_number_uq').on(t.number),
    index('supervision_orders_project_idx').on(t.projectId),
    index('supervision_orders_path_idx').on(t.regionPath.op('text_pattern_ops'), t.status),
  ],
);

/** The accountability list (约谈): two red cards running or an overdue supervision order. */
export const accountabilityEntries = pgTable(
  'accountability_entries',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    projectId: uuid('project_id').notNull().references(() => projects.id, { onDelete: 'cascade' }),
    regionPath: text('region_path').notNull(),
    /** two_red | overdue_order */
    reason: varchar('reason', { length: 16 }).notNull(),
    periodId: uuid('period_id').references(() => reportingPeriods.id, { onDelete: 'set null' }),
    orderId: uuid('order_id').references(() => supervisionOrders.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    /** pending | held */
    status: varchar('status', { length: 8 }).notNull().default('pending'),
    talkDate: date('talk_date'),
    participants: text('participants'),
    outcome: text('outcome'),
    recordedBy: uuid('recorded_by').references(() => users.id),
    recordedAt: timestamp('recorded_at', { withTimezone: true }),
  },
  (t) => [
    index('accountability_project_idx').on(t.projectId),
    index('accountability_path_idx').on(t.regionPath.op('text_pattern_ops'), t.status),
  ],
);
