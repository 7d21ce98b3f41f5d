CREATE TABLE "stats_groups" (
	"region_code" varchar(12) NOT NULL,
	"year" integer NOT NULL,
	"month" integer NOT NULL,
	"region_path" text NOT NULL,
	"project_count" integer NOT NULL,
	"total_investment" numeric NOT NULL,
	"annual_plan" numeric NOT NULL,
	"planned_to_date" numeric NOT NULL,
	"ytd_investment" numeric NOT NULL,
	"ytd_funds" numeric NOT NULL,
	"month_investment" numeric NOT NULL,
	"cumulative_investment" numeric NOT NULL,
	"cumulative_funds" numeric NOT NULL,
	"due_to_start" integer NOT NULL,
	"started" integer NOT NULL,
	"due_to_complete" integer NOT NULL,
	"completed_on_time" integer NOT NULL,
	"due_to_produce" integer NOT NULL,
	"producing" integer NOT NULL,
	"reported_count" integer NOT NULL,
	CONSTRAINT "stats_groups_region_code_year_month_pk" PRIMARY KEY("region_code","year","month")
);
--> statement-breakpoint
CREATE TABLE "stats_project_years" (
	"project_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"region_code" varchar(12) NOT NULL,
	"region_path" text NOT NULL,
	"total_investment" numeric(16, 4) NOT NULL,
	"annual_plan" numeric(16, 4) NOT NULL,
	"base_investment" numeric NOT NULL,
	"base_funds" numeric NOT NULL,
	"planned" numeric[] NOT NULL,
	"month_investment" numeric(16, 4)[] NOT NULL,
	"ytd_investment" numeric[] NOT NULL,
	"ytd_funds" numeric[] NOT NULL,
	"reported" boolean[] NOT NULL,
	"due_start" smallint,
	"started" smallint,
	"due_complete" smallint,
	"completed_on_time" smallint,
	"due_produce" smallint,
	"producing" smallint,
	CONSTRAINT "stats_project_years_project_id_year_pk" PRIMARY KEY("project_id","year")
);
--> statement-breakpoint
ALTER TABLE "stats_project_years" ADD CONSTRAINT "stats_project_years_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "stats_groups_year_path_idx" ON "stats_groups" USING btree ("year","region_path" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "stats_project_years_year_path_idx" ON "stats_project_years" USING btree ("year","region_path" text_pattern_ops);
--> statement-breakpoint
-- The statistics' facts (stats_project_years: per project and year, month by month) and their sums per
-- region, year and month (stats_groups), kept by triggers so that every write path keeps them true:
--   annual_plans          any insert, update or delete  -> the projects' facts rebuilt
--   projects              an update of what the figures read (region, withdrawal, investment, opening
--                         balance, planned and actual dates) -> the projects' facts rebuilt; a deleted
--                         project's facts go with it (foreign key)
--   progress_reports      report_rollups rebuilt (0006), then the projects' facts
--   stats_project_years   the old rows taken out of the sums, the new rows added in: written as the
--                         transaction's changes (stats_group_deltas) and added to stats_groups when
--                         it commits (sums only ever change by adding, so concurrent writers never
--                         lose each other's part, and they never wait for each other before commit)
-- A rebuild first locks the projects' rows, so two transactions rebuilding one project take turns and
-- the second reads what the first committed.
-- kpi.ts dueDateInYear(planned, must, year).
CREATE OR REPLACE FUNCTION stats_due_date(planned date, must boolean, y integer) RETURNS date LANGUAGE sql IMMUTABLE AS $$
  SELECT CASE WHEN planned BETWEEN make_date(y, 1, 1) AND make_date(y, 12, 31) THEN planned
    WHEN NOT coalesce(must, false) THEN NULL
    WHEN planned < make_date(y, 1, 1) THEN make_date(y, 1, 1)
    ELSE make_date(y, 12, 31) END
$$;
--> statement-breakpoint
-- The first month k of year y whose last day is on or after d (a date before y: 1); null when none is.
CREATE OR REPLACE FUNCTION stats_month_by(d date, y integer) RETURNS smallint LANGUAGE sql IMMUTABLE AS $$
  SELECT CASE WHEN d IS NULL OR d > make_date(y, 12, 31) THEN NULL
    WHEN d < make_date(y, 1, 1) THEN 1
    ELSE extract(month FROM d) END::smallint
$$;
--> statement-breakpoint
-- A project's facts for every year it is counted in, rebuilt from its ledger row, its plans and its report roll-ups.
-- Driven by the ids, one index lookup per project and table (hash and merge joins off): a report or a
-- plan rebuilds one project in a few milliseconds, an import of thousands of projects reads only theirs
-- (the planner, expecting four years per project, would otherwise read every plan and roll-up).
CREATE OR REPLACE FUNCTION stats_facts_refresh(ids uuid[]) RETURNS void LANGUAGE plpgsql
SET enable_hashjoin = off SET enable_mergejoin = off AS $$
BEGIN
  PERFORM 1 FROM projects p JOIN unnest(ids) AS i(id) ON p.id = i.id ORDER BY p.id FOR NO KEY UPDATE OF p;
  DELETE FROM stats_project_years s USING unnest(ids) AS i(id) WHERE s.project_id = i.id;
  INSERT INTO stats_project_years (project_id, year, region_code, region_path, total_investment, annual_plan,
    base_investment, base_funds, planned, month_investment, ytd_investment, ytd_funds, reported,
    due_start, started, due_complete, completed_on_time, due_produce, producing)
  SELECT p.id, py.year, p.region_code, p.region_path, p.total_investment, coalesce(ap.planned_investment, 0),
    p.opening_investment + coalesce(prior.inv, 0), p.opening_funds_arrived + coalesce(prior.funds, 0),
    m.planned, coalesce(cur.month_investment, array_fill(0, ARRAY[12])::numeric(16, 4)[]), m.ytd_inv, m.ytd_funds,
    coalesce(cur.reported_months, array_fill(false, ARRAY[12])),
    stats_month_by(d.s, py.year),
    CASE WHEN d.s IS NOT NULL AND stats_month_by(p.actual_start, py.year) IS NOT NULL
      THEN greatest(stats_month_by(d.s, py.year), stats_month_by(p.actual_start, py.year)) END,
    stats_month_by(d.c, py.year),
    CASE WHEN d.c IS NOT NULL AND p.actual_completion <= (make_date(extract(year FROM d.c)::int, extract(month FROM d.c)::int, 1) + interval '1 month')::date - 1
      THEN greatest(stats_month_by(d.c, py.year), stats_month_by(p.actual_completion, py.year)) END,
    stats_month_by(d.p, py.year),
    CASE WHEN d.p IS NOT NULL AND stats_month_by(p.actual_production, py.year) IS NOT NULL
      THEN greatest(stats_month_by(d.p, py.year), stats_month_by(p.actual_production, py.year)) END
  FROM (
    SELECT a.project_id, a.year FROM unnest(ids) AS i(id) JOIN annual_plans a ON a.project_id = i.id JOIN projects x ON x.id = i.id
    WHERE x.stage <> 'withdrawn'
    UNION
    SELECT r.project_id, r.year FROM unnest(ids) AS i(id) JOIN report_rollups r ON r.project_id = i.id
  ) py
  JOIN projects p ON p.id = py.project_id
  LEFT JOIN annual_plans ap ON ap.project_id = py.project_id AND ap.year = py.year
  LEFT JOIN report_rollups cur ON cur.project_id = py.project_id AND cur.year = py.year
  LEFT JOIN LATERAL (
    SELECT sum(pr.investment) AS inv, sum(pr.funds_arrived) AS funds FROM report_rollups pr WHERE pr.project_id = py.project_id AND pr.year < py.year
  ) prior ON true
  -- kpi.ts monthlySplit(): 12 amounts that do not add up to zero.
  LEFT JOIN LATERAL (
    SELECT ap.monthly, t.total FROM (SELECT sum(v.x) AS total FROM unnest(ap.monthly) AS v(x)) t
    WHERE array_length(ap.monthly, 1) = 12 AND t.total <> 0
  ) split ON true
  CROSS JOIN LATERAL (
    SELECT stats_due_date(p.planned_start, ap.must_start, py.year) AS s,
      stats_due_date(p.planned_completion, ap.must_complete, py.year) AS c,
      stats_due_date(p.planned_production, ap.must_produce, py.year) AS p
  ) d
  CROSS JOIN LATERAL (
    SELECT
      -- kpi.ts plannedToDate(): plan × the split's share by month k (at scale 30), else plan × k/12.
      array_agg(round(CASE WHEN split.total IS NOT NULL
        THEN (coalesce(ap.planned_investment, 0) * coalesce(t.split_to_date, 0))::numeric(60, 30) / split.total
        ELSE coalesce(ap.planned_investment, 0) * t.k / 12 END, 4) ORDER BY t.k) AS planned,
      array_agg(t.ytd_inv ORDER BY t.k) AS ytd_inv,
      array_agg(t.ytd_funds ORDER BY t.k) AS ytd_funds
    FROM (
      SELECT u.k::int AS k, sum(u.inv) OVER w AS ytd_inv, sum(u.funds) OVER w AS ytd_funds, sum(u.split) OVER w AS split_to_date
      FROM unnest(coalesce(cur.month_investment, array_fill(0, ARRAY[12])::numeric(16, 4)[]),
        coalesce(cur.month_funds, array_fill(0, ARRAY[12])::numeric(16, 4)[]), split.monthly) WITH ORDINALITY AS u(inv, funds, split, k)
      WINDOW w AS (ORDER BY u.k)
    ) t
  ) m;
END
$$;
--> statement-breakpoint
-- A transaction's changes to the sums per region, year and month, until it commits: writers only ever
-- insert here, so two transactions of one county never wait for each other (nor deadlock) while they
-- run; the sums' rows are locked only while a transaction commits.
CREATE TABLE stats_group_deltas (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, LIKE stats_groups);
--> statement-breakpoint
-- At commit (once per transaction: the first of its deferred events; set back whenever it adds more):
-- the transaction's changes summed and added to stats_groups, rows in key order.
CREATE OR REPLACE FUNCTION stats_group_deltas_fold() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF current_setting('tuijin.stats_folded', true) = 'on' THEN
    RETURN NULL;
  END IF;
  PERFORM set_config('tuijin.stats_folded', 'on', true);
  WITH d AS (DELETE FROM stats_group_deltas RETURNING *)
  INSERT INTO stats_groups AS g (region_code, year, month, region_path, project_count, total_investment, annual_plan, planned_to_date, ytd_investment, ytd_funds, month_investment, cumulative_investment, cumulative_funds, due_to_start, started, due_to_complete, completed_on_time, due_to_produce, producing, reported_count)
  SELECT d.region_code, d.year, d.month, min(d.region_path), sum(d.project_count), sum(d.total_investment), sum(d.annual_plan), sum(d.planned_to_date), sum(d.ytd_investment), sum(d.ytd_funds), sum(d.month_investment), sum(d.cumulative_investment), sum(d.cumulative_funds), sum(d.due_to_start), sum(d.started), sum(d.due_to_complete), sum(d.completed_on_time), sum(d.due_to_produce), sum(d.producing), sum(d.reported_count)
  FROM d GROUP BY d.region_code, d.year, d.month
  ORDER BY 1, 2, 3
  ON CONFLICT (region_code, year, month) DO UPDATE SET
    project_count = g.project_count + excluded.project_count,
    total_investment = g.total_investment + excluded.total_investment,
    annual_plan = g.annual_plan + excluded.annual_plan,
    planned_to_date = g.planned_to_date + excluded.planned_to_date,
    ytd_investment = g.ytd_investment + excluded.ytd_investment,
    ytd_funds = g.ytd_funds + excluded.ytd_funds,
    month_investment = g.month_investment + excluded.month_investment,
    cumulative_investment = g.cumulative_investment + excluded.cumulative_investment,
    cumulative_funds = g.cumulative_funds + excluded.cumulative_funds,
    due_to_start = g.due_to_start + excluded.due_to_start,
    started = g.started + excluded.started,
    due_to_complete = g.due_to_complete + excluded.due_to_complete,
    completed_on_time = g.completed_on_time + excluded.completed_on_time,
    due_to_produce = g.due_to_produce + excluded.due_to_produce,
    producing = g.producing + excluded.producing,
    reported_count = g.reported_count + excluded.reported_count;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER stats_group_deltas_fold AFTER INSERT ON stats_group_deltas
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION stats_group_deltas_fold();
--> statement-breakpoint
-- Adds (sign 1) or takes away (sign -1) projects' facts in the sums of their region, year and month:
-- one pass over the facts with a column per month, then a row per month, written as this transaction's
-- changes to the sums (folded into stats_groups when it commits, below).
CREATE OR REPLACE FUNCTION stats_groups_add(facts stats_project_years[], sign integer) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO stats_group_deltas (region_code, year, month, region_path, project_count, total_investment, annual_plan,
    planned_to_date, ytd_investment, ytd_funds, month_investment, cumulative_investment, cumulative_funds,
    due_to_start, started, due_to_complete, completed_on_time, due_to_produce, producing, reported_count)
  SELECT s.region_code, s.year, m.k, s.region_path, sign * s.n, sign * s.total_investment, sign * s.annual_plan,
    sign * m.pl, sign * m.yi, sign * m.yf, sign * m.mi, sign * (s.base_investment + m.yi), sign * (s.base_funds + m.yf),
    sign * m.ds, sign * m.st, sign * m.dc, sign * m.ct, sign * m.dp, sign * m.pr, sign * m.rc
  FROM (
    SELECT f.region_code, f.year, min(f.region_path) AS region_path, count(*) AS n, sum(f.total_investment) AS total_investment,
      sum(f.annual_plan) AS annual_plan, sum(f.base_investment) AS base_investment, sum(f.base_funds) AS base_funds,
    sum(f.planned[1]) AS pl1, sum(f.ytd_investment[1]) AS yi1, sum(f.ytd_funds[1]) AS yf1, sum(f.month_investment[1]) AS mi1, count(*) FILTER (WHERE f.due_start <= 1) AS ds1, count(*) FILTER (WHERE f.started <= 1) AS st1, count(*) FILTER (WHERE f.due_complete <= 1) AS dc1, count(*) FILTER (WHERE f.completed_on_time <= 1) AS ct1, count(*) FILTER (WHERE f.due_produce <= 1) AS dp1, count(*) FILTER (WHERE f.producing <= 1) AS pr1, count(*) FILTER (WHERE f.reported[1]) AS rc1,
    sum(f.planned[2]) AS pl2, sum(f.ytd_investment[2]) AS yi2, sum(f.ytd_funds[2]) AS yf2, sum(f.month_investment[2]) AS mi2, count(*) FILTER (WHERE f.due_start <= 2) AS ds2, count(*) FILTER (WHERE f.started <= 2) AS st2, count(*) FILTER (WHERE f.due_complete <= 2) AS dc2, count(*) FILTER (WHERE f.completed_on_time <= 2) AS ct2, count(*) FILTER (WHERE f.due_produce <= 2) AS dp2, count(*) FILTER (WHERE f.producing <= 2) AS pr2, count(*) FILTER (WHERE f.reported[2]) AS rc2,
    sum(f.planned[3]) AS pl3, sum(f.ytd_investment[3]) AS yi3, sum(f.ytd_funds[3]) AS yf3, sum(f.month_investment[3]) AS mi3, count(*) FILTER (WHERE f.due_start <= 3) AS ds3, count(*) FILTER (WHERE f.started <= 3) AS st3, count(*) FILTER (WHERE f.due_complete <= 3) AS dc3, count(*) FILTER (WHERE f.completed_on_time <= 3) AS ct3, count(*) FILTER (WHERE f.due_produce <= 3) AS dp3, count(*) FILTER (WHERE f.producing <= 3) AS pr3, count(*) FILTER (WHERE f.reported[3]) AS rc3,
    sum(f.planned[4]) AS pl4, sum(f.ytd_investment[4]) AS yi4, sum(f.ytd_funds[4]) AS yf4, sum(f.month_investment[4]) AS mi4, count(*) FILTER (WHERE f.due_start <= 4) AS ds4, count(*) FILTER (WHERE f.started <= 4) AS st4, count(*) FILTER (WHERE f.due_complete <= 4) AS dc4, count(*) FILTER (WHERE f.completed_on_time <= 4) AS ct4, count(*) FILTER (WHERE f.due_produce <= 4) AS dp4, count(*) FILTER (WHERE f.producing <= 4) AS pr4, count(*) FILTER (WHERE f.reported[4]) AS rc4,
    sum(f.planned[5]) AS pl5, sum(f.ytd_investment[5]) AS yi5, sum(f.ytd_funds[5]) AS yf5, sum(f.month_investment[5]) AS mi5, count(*) FILTER (WHERE f.due_start <= 5) AS ds5, count(*) FILTER (WHERE f.started <= 5) AS st5, count(*) FILTER (WHERE f.due_complete <= 5) AS dc5, count(*) FILTER (WHERE f.completed_on_time <= 5) AS ct5, count(*) FILTER (WHERE f.due_produce <= 5) AS dp5, count(*) FILTER (WHERE f.producing <= 5) AS pr5, count(*) FILTER (WHERE f.reported[5]) AS rc5,
    sum(f.planned[6]) AS pl6, sum(f.ytd_investment[6]) AS yi6, sum(f.ytd_funds[6]) AS yf6, sum(f.month_investment[6]) AS mi6, count(*) FILTER (WHERE f.due_start <= 6) AS ds6, count(*) FILTER (WHERE f.started <= 6) AS st6, count(*) FILTER (WHERE f.due_complete <= 6) AS dc6, count(*) FILTER (WHERE f.completed_on_time <= 6) AS ct6, count(*) FILTER (WHERE f.due_produce <= 6) AS dp6, count(*) FILTER (WHERE f.producing <= 6) AS pr6, count(*) FILTER (WHERE f.reported[6]) AS rc6,
    sum(f.planned[7]) AS pl7, sum(f.ytd_investment[7]) AS yi7, sum(f.ytd_funds[7]) AS yf7, sum(f.month_investment[7]) AS mi7, count(*) FILTER (WHERE f.due_start <= 7) AS ds7, count(*) FILTER (WHERE f.started <= 7) AS st7, count(*) FILTER (WHERE f.due_complete <= 7) AS dc7, count(*) FILTER (WHERE f.completed_on_time <= 7) AS ct7, count(*) FILTER (WHERE f.due_produce <= 7) AS dp7, count(*) FILTER (WHERE f.producing <= 7) AS pr7, count(*) FILTER (WHERE f.reported[7]) AS rc7,
    sum(f.planned[8]) AS pl8, sum(f.ytd_investment[8]) AS yi8, sum(f.ytd_funds[8]) AS yf8, sum(f.month_investment[8]) AS mi8, count(*) FILTER (WHERE f.due_start <= 8) AS ds8, count(*) FILTER (WHERE f.started <= 8) AS st8, count(*) FILTER (WHERE f.due_complete <= 8) AS dc8, count(*) FILTER (WHERE f.completed_on_time <= 8) AS ct8, count(*) FILTER (WHERE f.due_produce <= 8) AS dp8, count(*) FILTER (WHERE f.producing <= 8) AS pr8, count(*) FILTER (WHERE f.reported[8]) AS rc8,
    sum(f.planned[9]) AS pl9, sum(f.ytd_investment[9]) AS yi9, sum(f.ytd_funds[9]) AS yf9, sum(f.month_investment[9]) AS mi9, count(*) FILTER (WHERE f.due_start <= 9) AS ds9, count(*) FILTER (WHERE f.started <= 9) AS st9, count(*) FILTER (WHERE f.due_complete <= 9) AS dc9, count(*) FILTER (WHERE f.completed_on_time <= 9) AS ct9, count(*) FILTER (WHERE f.due_produce <= 9) AS dp9, count(*) FILTER (WHERE f.producing <= 9) AS pr9, count(*) FILTER (WHERE f.reported[9]) AS rc9,
    sum(f.planned[10]) AS pl10, sum(f.ytd_investment[10]) AS yi10, sum(f.ytd_funds[10]) AS yf10, sum(f.month_investment[10]) AS mi10, count(*) FILTER (WHERE f.due_start <= 10) AS ds10, count(*) FILTER (WHERE f.started <= 10) AS st10, count(*) FILTER (WHERE f.due_complete <= 10) AS dc10, count(*) FILTER (WHERE f.completed_on_time <= 10) AS ct10, count(*) FILTER (WHERE f.due_produce <= 10) AS dp10, count(*) FILTER (WHERE f.producing <= 10) AS pr10, count(*) FILTER (WHERE f.reported[10]) AS rc10,
    sum(f.planned[11]) AS pl11, sum(f.ytd_investment[11]) AS yi11, sum(f.ytd_funds[11]) AS yf11, sum(f.month_investment[11]) AS mi11, count(*) FILTER (WHERE f.due_start <= 11) AS ds11, count(*) FILTER (WHERE f.started <= 11) AS st11, count(*) FILTER (WHERE f.due_complete <= 11) AS dc11, count(*) FILTER (WHERE f.completed_on_time <= 11) AS ct11, count(*) FILTER (WHERE f.due_produce <= 11) AS dp11, count(*) FILTER (WHERE f.producing <= 11) AS pr11, count(*) FILTER (WHERE f.reported[11]) AS rc11,
    sum(f.planned[12]) AS pl12, sum(f.ytd_investment[12]) AS yi12, sum(f.ytd_funds[12]) AS yf12, sum(f.month_investment[12]) AS mi12, count(*) FILTER (WHERE f.due_start <= 12) AS ds12, count(*) FILTER (WHERE f.started <= 12) AS st12, count(*) FILTER (WHERE f.due_complete <= 12) AS dc12, count(*) FILTER (WHERE f.completed_on_time <= 12) AS ct12, count(*) FILTER (WHERE f.due_produce <= 12) AS dp12, count(*) FILTER (WHERE f.producing <= 12) AS pr12, count(*) FILTER (WHERE f.reported[12]) AS rc12
    FROM unnest(facts) AS f
    GROUP BY f.region_code, f.year
  ) s
  CROSS JOIN LATERAL (VALUES
      (1, s.pl1, s.yi1, s.yf1, s.mi1, s.ds1, s.st1, s.dc1, s.ct1, s.dp1, s.pr1, s.rc1),
      (2, s.pl2, s.yi2, s.yf2, s.mi2, s.ds2, s.st2, s.dc2, s.ct2, s.dp2, s.pr2, s.rc2),
      (3, s.pl3, s.yi3, s.yf3, s.mi3, s.ds3, s.st3, s.dc3, s.ct3, s.dp3, s.pr3, s.rc3),
      (4, s.pl4, s.yi4, s.yf4, s.mi4, s.ds4, s.st4, s.dc4, s.ct4, s.dp4, s.pr4, s.rc4),
      (5, s.pl5, s.yi5, s.yf5, s.mi5, s.ds5, s.st5, s.dc5, s.ct5, s.dp5, s.pr5, s.rc5),
      (6, s.pl6, s.yi6, s.yf6, s.mi6, s.ds6, s.st6, s.dc6, s.ct6, s.dp6, s.pr6, s.rc6),
      (7, s.pl7, s.yi7, s.yf7, s.mi7, s.ds7, s.st7, s.dc7, s.ct7, s.dp7, s.pr7, s.rc7),
      (8, s.pl8, s.yi8, s.yf8, s.mi8, s.ds8, s.st8, s.dc8, s.ct8, s.dp8, s.pr8, s.rc8),
      (9, s.pl9, s.yi9, s.yf9, s.mi9, s.ds9, s.st9, s.dc9, s.ct9, s.dp9, s.pr9, s.rc9),
      (10, s.pl10, s.yi10, s.yf10, s.mi10, s.ds10, s.st10, s.dc10, s.ct10, s.dp10, s.pr10, s.rc10),
      (11, s.pl11, s.yi11, s.yf11, s.mi11, s.ds11, s.st11, s.dc11, s.ct11, s.dp11, s.pr11, s.rc11),
      (12, s.pl12, s.yi12, s.yf12, s.mi12, s.ds12, s.st12, s.dc12, s.ct12, s.dp12, s.pr12, s.rc12)
  ) AS m(k, pl, yi, yf, mi, ds, st, dc, ct, dp, pr, rc);
  PERFORM set_config('tuijin.stats_folded', 'off', true);
END
$$;
--> statement-breakpoint
-- Facts taken out (deleted, or the old side of an update) and put in (inserted, or the new side).
CREATE OR REPLACE FUNCTION stats_project_years_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP <> 'INSERT' THEN
    PERFORM stats_groups_add(ARRAY(SELECT ROW(o.*)::stats_project_years FROM old_rows o), -1);
  END IF;
  IF TG_OP <> 'DELETE' THEN
    PERFORM stats_groups_add(ARRAY(SELECT ROW(n.*)::stats_project_years FROM new_rows n), 1);
  END IF;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER stats_project_years_groups_insert AFTER INSERT ON stats_project_years
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION stats_project_years_changed();
--> statement-breakpoint
CREATE TRIGGER stats_project_years_groups_update AFTER UPDATE ON stats_project_years
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION stats_project_years_changed();
--> statement-breakpoint
CREATE TRIGGER stats_project_years_groups_delete AFTER DELETE ON stats_project_years
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION stats_project_years_changed();
--> statement-breakpoint
-- Plans: a plan added, changed or removed changes its project's facts.
CREATE OR REPLACE FUNCTION stats_plans_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM stats_facts_refresh(ARRAY(SELECT DISTINCT project_id FROM new_rows));
  ELSIF TG_OP = 'UPDATE' THEN
    PERFORM stats_facts_refresh(ARRAY(SELECT project_id FROM new_rows UNION SELECT project_id FROM old_rows));
  ELSE
    PERFORM stats_facts_refresh(ARRAY(SELECT DISTINCT project_id FROM old_rows));
  END IF;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER annual_plans_stats_insert AFTER INSERT ON annual_plans
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION stats_plans_changed();
--> statement-breakpoint
CREATE TRIGGER annual_plans_stats_update AFTER UPDATE ON annual_plans
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION stats_plans_changed();
--> statement-breakpoint
CREATE TRIGGER annual_plans_stats_delete AFTER DELETE ON annual_plans
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION stats_plans_changed();
--> statement-breakpoint
-- Projects: only a change of what the figures read (region, withdrawal, investment, opening balance, dates).
CREATE OR REPLACE FUNCTION stats_projects_after_update() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM stats_facts_refresh(ARRAY(
    SELECT n.id FROM new_rows n JOIN old_rows o ON o.id = n.id
    WHERE (n.region_code, n.region_path, n.stage = 'withdrawn', n.total_investment, n.opening_investment, n.opening_funds_arrived,
        n.planned_start, n.planned_completion, n.planned_production, n.actual_start, n.actual_completion, n.actual_production)
      IS DISTINCT FROM (o.region_code, o.region_path, o.stage = 'withdrawn', o.total_investment, o.opening_investment, o.opening_funds_arrived,
        o.planned_start, o.planned_completion, o.planned_production, o.actual_start, o.actual_completion, o.actual_production)));
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER projects_stats_update AFTER UPDATE ON projects
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION stats_projects_after_update();
--> statement-breakpoint
-- Reports: 0006's report_rollups_refresh, which its triggers and the generator call, keeps its body
-- under another name; the name now locks the projects' rows, rebuilds their roll-ups, then their facts.
ALTER FUNCTION report_rollups_refresh(uuid[]) RENAME TO report_rollups_rebuild;
--> statement-breakpoint
CREATE FUNCTION report_rollups_refresh(ids uuid[]) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  PERFORM 1 FROM projects WHERE id = ANY(ids) ORDER BY id FOR NO KEY UPDATE;
  PERFORM report_rollups_rebuild(ids);
  PERFORM stats_facts_refresh(ids);
END
$$;
--> statement-breakpoint
-- The facts of every project as the data stand.
SELECT stats_facts_refresh(ARRAY(SELECT id FROM projects));
