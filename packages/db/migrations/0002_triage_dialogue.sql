CREATE TYPE "public"."tip_event_kind" AS ENUM('status', 'assigned', 'unassigned');--> statement-breakpoint
ALTER TABLE "tip_events" ADD COLUMN "kind" "tip_event_kind" DEFAULT 'status' NOT NULL;--> statement-breakpoint
ALTER TABLE "tips" ADD COLUMN "assignee_id" uuid;--> statement-breakpoint
ALTER TABLE "tips" ADD CONSTRAINT "tips_assignee_id_staff_users_id_fk" FOREIGN KEY ("assignee_id") REFERENCES "public"."staff_users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "messages_unread_idx" ON "messages" USING btree ("tip_id") WHERE "messages"."read_at" is null;--> statement-breakpoint
CREATE INDEX "tips_assignee_id_received_at_index" ON "tips" USING btree ("assignee_id","received_at");