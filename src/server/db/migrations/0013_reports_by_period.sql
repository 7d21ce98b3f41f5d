DROP INDEX "progress_reports_period_status_idx";--> statement-breakpoint
CREATE INDEX "progress_reports_period_status_idx" ON "progress_reports" USING btree ("period_id","status","project_id");