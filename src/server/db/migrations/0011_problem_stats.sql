CREATE TABLE "problem_stat_groups" (
	"region_path" text NOT NULL,
	"department_id" uuid NOT NULL,
	"category" varchar(16) NOT NULL,
	"total" integer NOT NULL,
	"solved" integer NOT NULL,
	"solved_on_time" integer NOT NULL,
	"days_sum" bigint NOT NULL,
	"days_count" integer NOT NULL,
	CONSTRAINT "problem_stat_groups_region_path_department_id_category_pk" PRIMARY KEY("region_path","department_id","category")
);
--> statement-breakpoint
CREATE INDEX "problem_stat_groups_path_idx" ON "problem_stat_groups" USING btree ("region_path" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "problems_open_path_idx" ON "problems" USING btree ("region_path" text_pattern_ops,"status","raised_at","accept_due","due_date","department_id","category","escalation_level") WHERE status IN ('open', 'accepted', 'reopened');--> statement-breakpoint
-- The roadblock statistics' sums that do not depend on the day (problem_stat_groups), kept by statement
-- triggers on problems: the old rows taken out, the new rows put in, per region, lead department and
-- category. As with stats_groups (0008), a transaction's changes are written to problem_stat_deltas
-- while it runs (writers only insert there, so they never wait for each other) and added to the sums
-- when it commits. Updates that change nothing counted (accepting, escalating, handling notes) add
-- nothing. Days are China dates (UTC+8), as the statistics count them.
CREATE TABLE problem_stat_deltas (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, LIKE problem_stat_groups);
--> statement-breakpoint
CREATE OR REPLACE FUNCTION problem_stat_deltas_fold() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF current_setting('tuijin.problem_stats_folded', true) = 'on' THEN
    RETURN NULL;
  END IF;
  PERFORM set_config('tuijin.problem_stats_folded', 'on', true);
  WITH d AS (DELETE FROM problem_stat_deltas RETURNING *)
  INSERT INTO problem_stat_groups AS g (region_path, department_id, category, total, solved, solved_on_time, days_sum, days_count)
  SELECT d.region_path, d.department_id, d.category, sum(d.total), sum(d.solved), sum(d.solved_on_time), sum(d.days_sum), sum(d.days_count)
  FROM d GROUP BY 1, 2, 3
  ORDER BY 1, 2, 3
  ON CONFLICT (region_path, department_id, category) DO UPDATE SET
    total = g.total + excluded.total,
    solved = g.solved + excluded.solved,
    solved_on_time = g.solved_on_time + excluded.solved_on_time,
    days_sum = g.days_sum + excluded.days_sum,
    days_count = g.days_count + excluded.days_count;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER problem_stat_deltas_fold AFTER INSERT ON problem_stat_deltas
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION problem_stat_deltas_fold();
--> statement-breakpoint
-- What one roadblock adds to its group's sums.
CREATE OR REPLACE FUNCTION problem_stat_terms(status text, raised_at timestamptz, solved_at timestamptz, due_date date,
  OUT total integer, OUT solved integer, OUT solved_on_time integer, OUT days_sum integer, OUT days_count integer)
LANGUAGE sql IMMUTABLE AS $$
  SELECT 1,
    CASE WHEN status IN ('solved', 'closed') THEN 1 ELSE 0 END,
    CASE WHEN status IN ('solved', 'closed') AND due_date IS NOT NULL
      AND ((solved_at AT TIME ZONE 'UTC') + interval '8 hours')::date <= due_date THEN 1 ELSE 0 END,
    CASE WHEN status IN ('solved', 'closed') AND solved_at IS NOT NULL
      THEN ((solved_at AT TIME ZONE 'UTC') + interval '8 hours')::date - ((raised_at AT TIME ZONE 'UTC') + interval '8 hours')::date
      ELSE 0 END,
    CASE WHEN status IN ('solved', 'closed') AND solved_at IS NOT NULL THEN 1 ELSE 0 END
$$;
--> statement-breakpoint
-- Roadblocks taken out (sign -1: deleted, or the old side of an update) and put in (1): their sums
-- per group written as this transaction's changes, groups whose sums do not change left out.
CREATE OR REPLACE FUNCTION problem_stats_apply(gone problems[], came problems[]) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO problem_stat_deltas (region_path, department_id, category, total, solved, solved_on_time, days_sum, days_count)
  SELECT x.region_path, x.department_id, x.category, sum(x.sign * (x.t).total), sum(x.sign * (x.t).solved),
    sum(x.sign * (x.t).solved_on_time), sum(x.sign * (x.t).days_sum), sum(x.sign * (x.t).days_count)
  FROM (
    SELECT o.region_path, o.department_id, o.category, -1 AS sign, problem_stat_terms(o.status, o.raised_at, o.solved_at, o.due_date) AS t
    FROM unnest(gone) o
    UNION ALL
    SELECT n.region_path, n.department_id, n.category, 1, problem_stat_terms(n.status, n.raised_at, n.solved_at, n.due_date)
    FROM unnest(came) n
  ) x
  GROUP BY 1, 2, 3
  HAVING sum(x.sign * (x.t).total) <> 0 OR sum(x.sign * (x.t).solved) <> 0 OR sum(x.sign * (x.t).solved_on_time) <> 0
    OR sum(x.sign * (x.t).days_sum) <> 0 OR sum(x.sign * (x.t).days_count) <> 0;
  IF FOUND THEN
    PERFORM set_config('tuijin.problem_stats_folded', 'off', true);
  END IF;
END
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION problem_stats_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM problem_stats_apply('{}', ARRAY(SELECT ROW(n.*)::problems FROM new_rows n));
  ELSIF TG_OP = 'DELETE' THEN
    PERFORM problem_stats_apply(ARRAY(SELECT ROW(o.*)::problems FROM old_rows o), '{}');
  ELSE
    PERFORM problem_stats_apply(ARRAY(SELECT ROW(o.*)::problems FROM old_rows o), ARRAY(SELECT ROW(n.*)::problems FROM new_rows n));
  END IF;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER problems_stats_insert AFTER INSERT ON problems
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION problem_stats_changed();
--> statement-breakpoint
CREATE TRIGGER problems_stats_update AFTER UPDATE ON problems
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION problem_stats_changed();
--> statement-breakpoint
CREATE TRIGGER problems_stats_delete AFTER DELETE ON problems
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION problem_stats_changed();
--> statement-breakpoint
-- The roadblocks there are already.
INSERT INTO problem_stat_groups (region_path, department_id, category, total, solved, solved_on_time, days_sum, days_count)
SELECT p.region_path, p.department_id, p.category, sum((p.t).total), sum((p.t).solved), sum((p.t).solved_on_time), sum((p.t).days_sum), sum((p.t).days_count)
FROM (SELECT region_path, department_id, category, problem_stat_terms(status, raised_at, solved_at, due_date) AS t FROM problems) p
GROUP BY 1, 2, 3;
