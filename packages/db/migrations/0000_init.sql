CREATE TYPE "public"."case_status" AS ENUM('open', 'closed');--> statement-breakpoint
CREATE TYPE "public"."country_confidence" AS ENUM('possible', 'likely', 'confirmed');--> statement-breakpoint
CREATE TYPE "public"."delivery_channel" AS ENUM('portal', 'webhook');--> statement-breakpoint
CREATE TYPE "public"."message_author" AS ENUM('staff', 'tipster');--> statement-breakpoint
CREATE TYPE "public"."object_category" AS ENUM('clothing', 'logo_or_text', 'packaging', 'furniture_or_decor', 'textile_or_pattern', 'toy', 'printed_matter', 'location_or_view', 'other');--> statement-breakpoint
CREATE TYPE "public"."object_status" AS ENUM('draft', 'in_review', 'approved', 'published', 'origin_found', 'withdrawn');--> statement-breakpoint
CREATE TYPE "public"."public_tip_status" AS ENUM('received', 'under_review', 'passed_on', 'closed');--> statement-breakpoint
CREATE TYPE "public"."referral_disposition" AS ENUM('useful_lead', 'no_result', 'investigation_opened', 'victim_identified', 'other');--> statement-breakpoint
CREATE TYPE "public"."referral_status" AS ENUM('pending', 'delivered', 'acknowledged', 'disposed');--> statement-breakpoint
CREATE TYPE "public"."role" AS ENUM('analyst', 'coordinator', 'agency_liaison', 'admin');--> statement-breakpoint
CREATE TYPE "public"."series_status" AS ENUM('unassessed', 'assessing', 'country_narrowed', 'handed_over', 'victim_identified', 'closed');--> statement-breakpoint
CREATE TYPE "public"."tip_confidence" AS ENUM('certain', 'think_so', 'guess');--> statement-breakpoint
CREATE TYPE "public"."tip_priority" AS ENUM('normal', 'high', 'urgent');--> statement-breakpoint
CREATE TYPE "public"."triage_status" AS ENUM('new', 'useful', 'not_useful', 'spam', 'duplicate', 'urgent_safeguarding', 'routed');--> statement-breakpoint
CREATE TABLE "agencies" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"country" char(2),
	"delivery_channel" "delivery_channel" DEFAULT 'portal' NOT NULL,
	"webhook_url" text,
	"languages" text[] NOT NULL,
	"is_active" boolean DEFAULT true NOT NULL,
	CONSTRAINT "agencies_code_unique" UNIQUE("code")
);
--> statement-breakpoint
CREATE TABLE "staff_sessions" (
	"token_hash" text PRIMARY KEY NOT NULL,
	"user_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_seen_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"revoked_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "staff_users" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"email" text NOT NULL,
	"display_name" text NOT NULL,
	"role" "role" NOT NULL,
	"agency_id" uuid,
	"password_hash" text NOT NULL,
	"is_disabled" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "staff_users_email_unique" UNIQUE("email")
);
--> statement-breakpoint
CREATE TABLE "cases" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"reference" text NOT NULL,
	"title" text NOT NULL,
	"lead_agency_id" uuid NOT NULL,
	"status" "case_status" DEFAULT 'open' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "cases_reference_unique" UNIQUE("reference")
);
--> statement-breakpoint
CREATE TABLE "series" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"code" text NOT NULL,
	"title" text NOT NULL,
	"suspected_countries" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"status" "series_status" DEFAULT 'unassessed' NOT NULL,
	"victims_identified" integer DEFAULT 0 NOT NULL,
	"offenders_prosecuted" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "series_code_unique" UNIQUE("code")
);
--> statement-breakpoint
CREATE TABLE "object_images" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"object_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"storage_key" text NOT NULL,
	"media_type" text NOT NULL,
	"width" integer NOT NULL,
	"height" integer NOT NULL,
	"alt" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "trace_objects" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"ref" text NOT NULL,
	"series_id" uuid NOT NULL,
	"category" "object_category" NOT NULL,
	"title" jsonb NOT NULL,
	"question" jsonb NOT NULL,
	"region_hint" jsonb,
	"status" "object_status" DEFAULT 'draft' NOT NULL,
	"author_id" uuid NOT NULL,
	"approved_by_id" uuid,
	"publish_at" timestamp with time zone,
	"published_at" timestamp with time zone,
	"withdrawn_reason" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "trace_objects_ref_unique" UNIQUE("ref")
);
--> statement-breakpoint
CREATE TABLE "messages" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tip_id" uuid NOT NULL,
	"author" "message_author" NOT NULL,
	"staff_author_id" uuid,
	"body" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"read_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "tip_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tip_id" uuid NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"actor_id" uuid,
	"triage_status" "triage_status" NOT NULL,
	"public_status" "public_tip_status" NOT NULL,
	"note" text
);
--> statement-breakpoint
CREATE TABLE "tips" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"object_id" uuid,
	"country" char(2),
	"place_or_shop" text,
	"brand_or_product" text,
	"time_period" text,
	"evidence_links" text[] DEFAULT '{}' NOT NULL,
	"confidence" "tip_confidence" NOT NULL,
	"text" text,
	"language" char(2) NOT NULL,
	"contact_ciphertext" text,
	"concerns_other_abuse" boolean DEFAULT false NOT NULL,
	"triage_status" "triage_status" DEFAULT 'new' NOT NULL,
	"public_status" "public_tip_status" DEFAULT 'received' NOT NULL,
	"priority" "tip_priority" DEFAULT 'normal' NOT NULL,
	"duplicate_of_id" uuid,
	"receipt_hash" text NOT NULL,
	"received_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "tips_receiptHash_unique" UNIQUE("receipt_hash")
);
--> statement-breakpoint
CREATE TABLE "outbox" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"topic" text NOT NULL,
	"idempotency_key" text NOT NULL,
	"payload" jsonb NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"available_at" timestamp with time zone DEFAULT now() NOT NULL,
	"processed_at" timestamp with time zone,
	"last_error" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "outbox_idempotencyKey_unique" UNIQUE("idempotency_key")
);
--> statement-breakpoint
CREATE TABLE "referral_tips" (
	"referral_id" uuid NOT NULL,
	"tip_id" uuid NOT NULL,
	CONSTRAINT "referral_tips_referral_id_tip_id_pk" PRIMARY KEY("referral_id","tip_id")
);
--> statement-breakpoint
CREATE TABLE "referrals" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"agency_id" uuid NOT NULL,
	"object_id" uuid,
	"status" "referral_status" DEFAULT 'pending' NOT NULL,
	"disposition" "referral_disposition",
	"disposition_note" text,
	"idempotency_key" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"delivered_at" timestamp with time zone,
	"acknowledged_at" timestamp with time zone,
	CONSTRAINT "referrals_idempotencyKey_unique" UNIQUE("idempotency_key")
);
--> statement-breakpoint
CREATE TABLE "routing_rules" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"position" integer NOT NULL,
	"is_enabled" boolean DEFAULT true NOT NULL,
	"condition" jsonb NOT NULL,
	"actions" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "audit_events" (
	"seq" bigserial PRIMARY KEY NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"actor_id" uuid,
	"action" text NOT NULL,
	"entity_type" text NOT NULL,
	"entity_id" text,
	"reason" text,
	"prev_hash" text NOT NULL,
	"hash" text NOT NULL,
	CONSTRAINT "audit_events_hash_unique" UNIQUE("hash")
);
--> statement-breakpoint
ALTER TABLE "staff_sessions" ADD CONSTRAINT "staff_sessions_user_id_staff_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."staff_users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "staff_users" ADD CONSTRAINT "staff_users_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cases" ADD CONSTRAINT "cases_lead_agency_id_agencies_id_fk" FOREIGN KEY ("lead_agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "series" ADD CONSTRAINT "series_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "object_images" ADD CONSTRAINT "object_images_object_id_trace_objects_id_fk" FOREIGN KEY ("object_id") REFERENCES "public"."trace_objects"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "trace_objects" ADD CONSTRAINT "trace_objects_series_id_series_id_fk" FOREIGN KEY ("series_id") REFERENCES "public"."series"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "trace_objects" ADD CONSTRAINT "trace_objects_author_id_staff_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."staff_users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "trace_objects" ADD CONSTRAINT "trace_objects_approved_by_id_staff_users_id_fk" FOREIGN KEY ("approved_by_id") REFERENCES "public"."staff_users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "messages" ADD CONSTRAINT "messages_tip_id_tips_id_fk" FOREIGN KEY ("tip_id") REFERENCES "public"."tips"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "messages" ADD CONSTRAINT "messages_staff_author_id_staff_users_id_fk" FOREIGN KEY ("staff_author_id") REFERENCES "public"."staff_users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tip_events" ADD CONSTRAINT "tip_events_tip_id_tips_id_fk" FOREIGN KEY ("tip_id") REFERENCES "public"."tips"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tip_events" ADD CONSTRAINT "tip_events_actor_id_staff_users_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."staff_users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tips" ADD CONSTRAINT "tips_object_id_trace_objects_id_fk" FOREIGN KEY ("object_id") REFERENCES "public"."trace_objects"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tips" ADD CONSTRAINT "tips_duplicate_of_id_tips_id_fk" FOREIGN KEY ("duplicate_of_id") REFERENCES "public"."tips"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referral_tips" ADD CONSTRAINT "referral_tips_referral_id_referrals_id_fk" FOREIGN KEY ("referral_id") REFERENCES "public"."referrals"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referral_tips" ADD CONSTRAINT "referral_tips_tip_id_tips_id_fk" FOREIGN KEY ("tip_id") REFERENCES "public"."tips"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referrals" ADD CONSTRAINT "referrals_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referrals" ADD CONSTRAINT "referrals_object_id_trace_objects_id_fk" FOREIGN KEY ("object_id") REFERENCES "public"."trace_objects"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "staff_sessions_user_id_index" ON "staff_sessions" USING btree ("user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "object_images_object_id_position_index" ON "object_images" USING btree ("object_id","position");--> statement-breakpoint
CREATE INDEX "trace_objects_status_published_at_index" ON "trace_objects" USING btree ("status","published_at");--> statement-breakpoint
CREATE INDEX "trace_objects_series_id_index" ON "trace_objects" USING btree ("series_id");--> statement-breakpoint
CREATE INDEX "messages_tip_id_created_at_index" ON "messages" USING btree ("tip_id","created_at");--> statement-breakpoint
CREATE INDEX "tip_events_tip_id_at_index" ON "tip_events" USING btree ("tip_id","at");--> statement-breakpoint
CREATE INDEX "tips_triage_status_received_at_index" ON "tips" USING btree ("triage_status","received_at");--> statement-breakpoint
CREATE INDEX "tips_priority_received_at_index" ON "tips" USING btree ("priority","received_at");--> statement-breakpoint
CREATE INDEX "tips_object_id_received_at_index" ON "tips" USING btree ("object_id","received_at");--> statement-breakpoint
CREATE INDEX "tips_country_index" ON "tips" USING btree ("country");--> statement-breakpoint
CREATE INDEX "tips_language_index" ON "tips" USING btree ("language");--> statement-breakpoint
CREATE INDEX "outbox_processed_at_available_at_index" ON "outbox" USING btree ("processed_at","available_at");--> statement-breakpoint
CREATE INDEX "referrals_agency_id_status_index" ON "referrals" USING btree ("agency_id","status");