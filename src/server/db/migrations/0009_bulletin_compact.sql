ALTER TABLE "bulletins" ALTER COLUMN "period_id" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "bulletins" ADD COLUMN "month" smallint;--> statement-breakpoint
UPDATE "bulletins" b SET "month" = p."month" FROM "reporting_periods" p WHERE p."id" = b."period_id";--> statement-breakpoint
ALTER TABLE "bulletins" ALTER COLUMN "month" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "bulletins" ADD COLUMN "lines" "bytea";
