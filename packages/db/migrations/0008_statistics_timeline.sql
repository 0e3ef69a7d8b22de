CREATE TABLE "series_outcomes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"series_id" uuid NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"victims_identified" integer NOT NULL,
	"offenders_prosecuted" integer NOT NULL
);
--> statement-breakpoint
ALTER TABLE "series" ADD COLUMN "narrowed_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "trace_objects" ADD COLUMN "origin_found_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "series_outcomes" ADD CONSTRAINT "series_outcomes_series_id_series_id_fk" FOREIGN KEY ("series_id") REFERENCES "public"."series"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "series_outcomes_series_id_at_index" ON "series_outcomes" USING btree ("series_id","at");--> statement-breakpoint
-- Backfill for databases that existed before these dates were kept: the audit trail's own time of
-- the step where it has one, else the closest honest bound (the row's last change or creation).
UPDATE "trace_objects" SET "origin_found_at" = coalesce(
	(SELECT max(a."at") FROM "audit_events" a
	 WHERE a."entity_type" = 'object' AND a."entity_id" = "trace_objects"."id"::text AND a."action" = 'object.origin_found'),
	"updated_at")
WHERE "status" = 'origin_found';--> statement-breakpoint
UPDATE "series" SET "narrowed_at" = coalesce(
	(SELECT max(a."at") FROM "audit_events" a
	 WHERE a."entity_type" = 'series' AND a."entity_id" = "series"."id"::text AND a."action" IN ('series.status_changed', 'series.updated')),
	"created_at")
WHERE "status" IN ('country_narrowed', 'handed_over', 'victim_identified')
	OR "suspected_countries" @> '[{"confidence":"confirmed"}]'::jsonb;--> statement-breakpoint
INSERT INTO "series_outcomes" ("series_id", "at", "victims_identified", "offenders_prosecuted")
SELECT s."id",
	coalesce(
		(SELECT max(a."at") FROM "audit_events" a
		 WHERE a."entity_type" = 'series' AND a."entity_id" = s."id"::text AND a."action" = 'series.outcome_recorded'),
		s."created_at"),
	s."victims_identified", s."offenders_prosecuted"
FROM "series" s
WHERE s."victims_identified" > 0 OR s."offenders_prosecuted" > 0;
