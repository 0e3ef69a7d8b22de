CREATE TABLE "tip_idempotency_keys" (
	"key_hash" text PRIMARY KEY NOT NULL,
	"tip_id" uuid NOT NULL,
	"receipt_ciphertext" text NOT NULL,
	"request_hash" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "tip_idempotency_keys" ADD CONSTRAINT "tip_idempotency_keys_tip_id_tips_id_fk" FOREIGN KEY ("tip_id") REFERENCES "public"."tips"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "tip_idempotency_keys_created_at_index" ON "tip_idempotency_keys" USING btree ("created_at");--> statement-breakpoint
CREATE INDEX "tip_idempotency_keys_tip_id_index" ON "tip_idempotency_keys" USING btree ("tip_id");