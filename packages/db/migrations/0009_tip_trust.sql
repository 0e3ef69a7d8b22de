CREATE TYPE "public"."tip_trust" AS ENUM('normal', 'low');--> statement-breakpoint
CREATE TYPE "public"."tip_trust_reason" AS ENUM('honeypot_filled', 'filled_too_fast', 'ticket_missing_or_invalid', 'proof_of_work_missing', 'proof_of_work_invalid', 'proof_of_work_reused');--> statement-breakpoint
CREATE TABLE "spent_proofs_of_work" (
	"challenge_digest" text PRIMARY KEY NOT NULL,
	"expires_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "tips" ADD COLUMN "trust" "tip_trust" DEFAULT 'normal' NOT NULL;--> statement-breakpoint
ALTER TABLE "tips" ADD COLUMN "trust_reasons" "tip_trust_reason"[] DEFAULT '{}' NOT NULL;--> statement-breakpoint
CREATE INDEX "spent_proofs_of_work_expires_at_index" ON "spent_proofs_of_work" USING btree ("expires_at");--> statement-breakpoint
CREATE INDEX "tips_trust_received_at_index" ON "tips" USING btree ("trust","received_at");