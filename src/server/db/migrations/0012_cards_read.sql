DROP INDEX "project_cards_period_color_idx";--> statement-breakpoint
CREATE INDEX "project_cards_period_path_idx" ON "project_cards" USING btree ("period_id","region_path" text_pattern_ops);