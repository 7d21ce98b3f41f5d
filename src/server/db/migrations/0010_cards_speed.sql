CREATE INDEX "problems_open_project_idx" ON "problems" USING btree ("project_id","status","accept_due","due_date") WHERE status IN ('open', 'accepted', 'reopened');
--> statement-breakpoint
-- A card run rewrites every card of its period in place. With room left on each page the new version
-- stays on its page (a HOT update: no new index entries, the old version pruned on the page); full
-- pages sent every rewrite to new pages with four index entries each, and PGlite, which has no
-- autovacuum, kept every dead copy.
ALTER TABLE "project_cards" SET (fillfactor = 70);