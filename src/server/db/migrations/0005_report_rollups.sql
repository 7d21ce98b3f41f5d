CREATE TABLE "report_rollups" (
	"project_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"investment" numeric(16, 4) NOT NULL,
	"funds_arrived" numeric(16, 4) NOT NULL,
	"month_investment" numeric(16, 4)[] NOT NULL,
	"month_funds" numeric(16, 4)[] NOT NULL,
	"reported_months" boolean[] NOT NULL,
	CONSTRAINT "report_rollups_project_id_year_pk" PRIMARY KEY("project_id","year")
);
--> statement-breakpoint
ALTER TABLE "report_rollups" ADD CONSTRAINT "report_rollups_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;