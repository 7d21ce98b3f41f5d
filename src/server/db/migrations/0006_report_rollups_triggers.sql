-- report_rollups (0005) kept by statement-level triggers on progress_reports: after any insert,
-- update or delete, the rollups of the projects concerned are rebuilt from their approved reports.
-- One function does the work, so the triggers, the backfill below and any repair use the same rule.
CREATE OR REPLACE FUNCTION report_rollups_refresh(ids uuid[]) RETURNS void LANGUAGE sql AS $$
  DELETE FROM report_rollups WHERE project_id = ANY(ids);
  INSERT INTO report_rollups (project_id, year, investment, funds_arrived, month_investment, month_funds, reported_months)
  SELECT r.project_id, r.year, sum(r.investment), sum(r.funds_arrived),
    ARRAY[
    coalesce(sum(r.investment) FILTER (WHERE r.month = 1), 0),
    coalesce(sum(r.investment) FILTER (WHERE r.month = 2), 0),
    coalesce(sum(r.investment) FILTER (WHERE r.month = 3), 0),
    coalesce(sum(r.investment) FILTER (WHERE r.month = 4), 0),
    coalesce(sum(r.investment) FILTER (WHERE r.month = 5), 0),
    coalesce(sum(r.investment) FILTER (WHERE r.month = 6), 0),
    coalesce(sum(r.investment) FILTER (WHERE r.month = 7), 0),
    coalesce(sum(r.investment) FILTER (WHERE r.month = 8), 0),
    coalesce(sum(r.investment) FILTER (WHERE r.month = 9), 0),
    coalesce(sum(r.investment) FILTER (WHERE r.month = 10), 0),
    coalesce(sum(r.investment) FILTER (WHERE r.month = 11), 0),
    coalesce(sum(r.investment) FILTER (WHERE r.month = 12), 0)
    ]::numeric(16, 4)[],
    ARRAY[
    coalesce(sum(r.funds_arrived) FILTER (WHERE r.month = 1), 0),
    coalesce(sum(r.funds_arrived) FILTER (WHERE r.month = 2), 0),
    coalesce(sum(r.funds_arrived) FILTER (WHERE r.month = 3), 0),
    coalesce(sum(r.funds_arrived) FILTER (WHERE r.month = 4), 0),
    coalesce(sum(r.funds_arrived) FILTER (WHERE r.month = 5), 0),
    coalesce(sum(r.funds_arrived) FILTER (WHERE r.month = 6), 0),
    coalesce(sum(r.funds_arrived) FILTER (WHERE r.month = 7), 0),
    coalesce(sum(r.funds_arrived) FILTER (WHERE r.month = 8), 0),
    coalesce(sum(r.funds_arrived) FILTER (WHERE r.month = 9), 0),
    coalesce(sum(r.funds_arrived) FILTER (WHERE r.month = 10), 0),
    coalesce(sum(r.funds_arrived) FILTER (WHERE r.month = 11), 0),
    coalesce(sum(r.funds_arrived) FILTER (WHERE r.month = 12), 0)
    ]::numeric(16, 4)[],
    ARRAY[bool_or(r.month = 1), bool_or(r.month = 2), bool_or(r.month = 3), bool_or(r.month = 4), bool_or(r.month = 5), bool_or(r.month = 6), bool_or(r.month = 7), bool_or(r.month = 8), bool_or(r.month = 9), bool_or(r.month = 10), bool_or(r.month = 11), bool_or(r.month = 12)]
  FROM progress_reports r
  WHERE r.project_id = ANY(ids) AND r.status = 'approved'
  GROUP BY r.project_id, r.year;
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION report_rollups_after_insert() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM report_rollups_refresh(ARRAY(SELECT DISTINCT project_id FROM new_rows));
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION report_rollups_after_update() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM report_rollups_refresh(ARRAY(SELECT project_id FROM new_rows UNION SELECT project_id FROM old_rows));
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION report_rollups_after_delete() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM report_rollups_refresh(ARRAY(SELECT DISTINCT project_id FROM old_rows));
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER progress_reports_rollups_insert AFTER INSERT ON progress_reports
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION report_rollups_after_insert();
--> statement-breakpoint
CREATE TRIGGER progress_reports_rollups_update AFTER UPDATE ON progress_reports
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION report_rollups_after_update();
--> statement-breakpoint
CREATE TRIGGER progress_reports_rollups_delete AFTER DELETE ON progress_reports
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION report_rollups_after_delete();
--> statement-breakpoint
SELECT report_rollups_refresh(ARRAY(SELECT DISTINCT project_id FROM progress_reports WHERE status = 'approved'));
