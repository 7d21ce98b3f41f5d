// Roadblocks (问题 / 拦路虎) handled in a closed loop (直通车): raised, routed to a lead department
// (and co-handling ones), accepted, given a date, handled, solved, verified and closed — or
// reopened; overdue ones climb the escalation ladder. Plus the in-app notification centre and the
// working-day calendar the deadlines are counted in.
import { sql } from 'drizzle-orm';
import {
  bigint, bigserial, boolean, customType, date, index, integer, jsonb, pgTable, primaryKey, smallint, text, timestamp, uuid, varchar,
} from 'drizzle-orm/pg-core';
import { organizations } from './orgs.ts';
import { projects } from './projects.ts';
import { regions } from './regions.ts';
import { progressReports } from './reporting.ts';
import { users } from './users.ts';

const bytea = customType<{ data: Buffer; driverData: Buffer }>({ dataType: () => 'bytea' });

export const problems = pgTable(
  'problems',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    /** 问题编号, e.g. WT2024-00017. */
    code: varchar('code', { length: 24 }).notNull(),
    projectId: uuid('project_id').notNull().references(() => projects.id, { onDelete: 'cascade' }),
    reportId: uuid('report_id').references(() => progressReports.id, { onDelete: 'set null' }),
    regionPath: text('region_path').notNull(),
    /** land | approvals | funding | demolition | utilities | environment | energy_quota | labour | construction | other */
    category: varchar('category', { length: 16 }).notNull(),
    /** general | major | critical */
    severity: varchar('severity', { length: 10 }).notNull(),
    title: text('title').notNull(),
    description: text('description').notNull(),
    /** Lead department (an organisation of kind department). */
    departmentId: uuid('department_id').notNull().references(() => organizations.id),
    /** open | accepted | solved | closed | reopened */
    status: varchar('status', { length: 10 }).notNull().default('open'),
    raisedBy: uuid('raised_by').references(() => users.id),
    raisedAt: timestamp('raised_at', { withTimezone: true }).notNull().defaultNow(),
    /** Accept by this date (working days after raising or reopening). */
    acceptDue: date('accept_due').notNull(),
    acceptedAt: timestamp('accepted_at', { withTimezone: true }),
    acceptedBy: uuid('accepted_by').references(() => users.id),
    /** 办结时限: the date the department committed to. */
    dueDate: date('due_date'),
    solvedAt: timestamp('solved_at', { withTimezone: true }),
    solvedBy: uuid('solved_by').references(() => users.id),
    solution: text('solution'),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    closedBy: uuid('closed_by').references(() => users.id),
    /** 0 department · 1 county or special team · 2 lead leader · 3 city dispatch meeting. */
    escalationLevel: smallint('escalation_level').notNull().default(0),
    escalatedAt: timestamp('escalated_at', { withTimezone: true }),
    version: integer('version').notNull().default(1),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('problems_code_idx').on(t.code),
    index('problems_project_idx').on(t.projectId),
    index('problems_department_idx').on(t.departmentId, t.status),
    index('problems_path_status_idx').on(t.regionPath.op('text_pattern_ops'), t.status),
    // The card run counts each project's open roadblocks past their deadlines: read from this small
    // index alone (a tenth of the roadblocks are open), not from every roadblock's row.
    index('problems_open_project_idx').on(t.projectId, t.status, t.acceptDue, t.dueDate)
      .where(sql`status IN ('open', 'accepted', 'reopened')`),
    // The statistics count the open roadblocks of a region when read (their age and deadlines depend on
    // the day): from this index alone, without the solved nine tenths.
    index('problems_open_path_idx')
      .on(t.regionPath.op('text_pattern_ops'), t.status, t.raisedAt, t.acceptDue, t.dueDate, t.departmentId, t.category, t.escalationLevel)
      .where(sql`status IN ('open', 'accepted', 'reopened')`),
  ],
);

/**
 * What the roadblock statistics count that does not depend on the day they are read: per region (the
 * roadblock's own), lead department and category, how many were raised, solved (closed included),
 * solved by their deadline, and the days from raised to solved (sum and count, for the average). Kept
 * by triggers on problems (migration 0011_problem_stats), never written by the application; what does
 * depend on the day (open ones overdue, their age) is counted from the open roadblocks when read.
 */
export const problemStatGroups = pgTable(
  'problem_stat_groups',
  {
    regionPath: text('region_path').notNull(),
    departmentId: uuid('department_id').notNull(),
    category: varchar('category', { length: 16 }).notNull(),
    total: integer('total').notNull(),
    solved: integer('solved').notNull(),
    solvedOnTime: integer('solved_on_time').notNull(),
    daysSum: bigint('days_sum', { mode: 'number' }).notNull(),
    daysCount: integer('days_count').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.regionPath, t.departmentId, t.category] }),
    index('problem_stat_groups_path_idx').on(t.regionPath.op('text_pattern_ops')),
  ],
);

/** Co-handling departments (协办单位) of a roadblock. */
export const problemCoDepartments = pgTable(
  'problem_co_departments',
  {
    problemId: uuid('problem_id').notNull().references(() => problems.id, { onDelete: 'cascade' }),
    orgId: uuid('org_id').notNull().references(() => organizations.id),
  },
  (t) => [primaryKey({ columns: [t.problemId, t.orgId] }), index('problem_co_departments_org_idx').on(t.orgId)],
);

/** Every step of a roadblock, timed: raised, accepted, handling notes, solved, verified, reopened, escalated. */
export const problemEvents = pgTable(
  'problem_events',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    problemId: uuid('problem_id').notNull().references(() => problems.id, { onDelete: 'cascade' }),
    action: varchar('action', { length: 24 }).notNull(),
    userId: uuid('user_id').references(() => users.id),
    username: text('username'),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    note: text('note'),
    data: jsonb('data').$type<Record<string, unknown>>(),
  },
  (t) => [index('problem_events_problem_idx').on(t.problemId, t.id)],
);

export const problemAttachments = pgTable(
  'problem_attachments',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    problemId: uuid('problem_id').notNull().references(() => problems.id, { onDelete: 'cascade' }),
    fileName: text('file_name').notNull(),
    mimeType: varchar('mime_type', { length: 100 }).notNull(),
    size: integer('size').notNull(),
    content: bytea('content').notNull(),
    uploadedBy: uuid('uploaded_by').references(() => users.id),
    uploadedAt: timestamp('uploaded_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('problem_attachments_problem_idx').on(t.problemId)],
);

/** Roadblock settings per region (nearest ancestor applies): accept limit and the escalation ladder. */
export const problemSettings = pgTable('problem_settings', {
  regionCode: varchar('region_code', { length: 12 }).primaryKey().references(() => regions.code),
  /** Working days a department has to accept a roadblock. */
  acceptDays: smallint('accept_days').notNull().default(3),
  /** Working days overdue before each further step of the ladder. */
  escalationDays: jsonb('escalation_days').$type<number[]>().notNull().default([0, 5, 10]),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  updatedBy: uuid('updated_by').references(() => users.id),
});

/** The office's adjustments to the working-day calendar (extra holidays or make-up workdays). */
export const workdayAdjustments = pgTable('workday_adjustments', {
  date: date('date').primaryKey(),
  isWorkday: boolean('is_workday').notNull(),
  note: text('note'),
  updatedBy: uuid('updated_by').references(() => users.id),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/** The in-app notification centre: one row per recipient. */
export const notifications = pgTable(
  'notifications',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    userId: uuid('user_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
    kind: varchar('kind', { length: 32 }).notNull(),
    title: text('title').notNull(),
    body: text('body'),
    /** In-app path to open, e.g. /problems/<id>. */
    link: text('link'),
    entityType: varchar('entity_type', { length: 32 }),
    entityId: text('entity_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    readAt: timestamp('read_at', { withTimezone: true }),
  },
  (t) => [index('notifications_user_idx').on(t.userId, t.readAt, t.id)],
);
