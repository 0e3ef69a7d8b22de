DROP INDEX "tips_priority_received_at_index";--> statement-breakpoint
ALTER TABLE "tips" ADD COLUMN "search_vector" "tsvector" GENERATED ALWAYS AS (to_tsvector('tip_search'::regconfig, coalesce(text, '') || ' ' || coalesce(place_or_shop, '') || ' ' || coalesce(brand_or_product, '') || ' ' || coalesce(time_period, ''))) STORED NOT NULL;--> statement-breakpoint
CREATE INDEX "tips_inbox_priority_idx" ON "tips" USING btree ("priority" DESC NULLS FIRST,"received_at","id");--> statement-breakpoint
CREATE INDEX "tips_inbox_received_idx" ON "tips" USING btree ("received_at","id");--> statement-breakpoint
CREATE INDEX "tips_search_idx" ON "tips" USING gin ("search_vector");