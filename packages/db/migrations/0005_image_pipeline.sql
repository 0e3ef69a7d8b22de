CREATE TYPE "public"."image_status" AS ENUM('pending', 'ready', 'failed');--> statement-breakpoint
CREATE TYPE "public"."image_variant_format" AS ENUM('avif', 'webp', 'jpeg');--> statement-breakpoint
CREATE TABLE "image_variants" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"object_image_id" uuid,
	"tip_photo_id" uuid,
	"format" "image_variant_format" NOT NULL,
	"width" integer NOT NULL,
	"height" integer NOT NULL,
	"storage_key" text NOT NULL,
	"byte_size" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "image_variants_one_owner" CHECK (num_nonnulls("image_variants"."object_image_id", "image_variants"."tip_photo_id") = 1)
);
--> statement-breakpoint
CREATE TABLE "tip_photos" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tip_id" uuid,
	"position" integer,
	"token_hash" text,
	"expires_at" timestamp with time zone,
	"storage_key" text NOT NULL,
	"media_type" text NOT NULL,
	"width" integer NOT NULL,
	"height" integer NOT NULL,
	"status" "image_status" DEFAULT 'pending' NOT NULL,
	"processed_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "tip_photos_tokenHash_unique" UNIQUE("token_hash"),
	CONSTRAINT "tip_photos_claimed_or_expiring" CHECK (("tip_photos"."tip_id" is not null and "tip_photos"."position" is not null) or "tip_photos"."expires_at" is not null)
);
--> statement-breakpoint
ALTER TABLE "object_images" ADD COLUMN "status" "image_status" DEFAULT 'pending' NOT NULL;--> statement-breakpoint
ALTER TABLE "object_images" ADD COLUMN "processed_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "image_variants" ADD CONSTRAINT "image_variants_object_image_id_object_images_id_fk" FOREIGN KEY ("object_image_id") REFERENCES "public"."object_images"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "image_variants" ADD CONSTRAINT "image_variants_tip_photo_id_tip_photos_id_fk" FOREIGN KEY ("tip_photo_id") REFERENCES "public"."tip_photos"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tip_photos" ADD CONSTRAINT "tip_photos_tip_id_tips_id_fk" FOREIGN KEY ("tip_id") REFERENCES "public"."tips"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "image_variants_object_image_id_format_width_index" ON "image_variants" USING btree ("object_image_id","format","width");--> statement-breakpoint
CREATE UNIQUE INDEX "image_variants_tip_photo_id_format_width_index" ON "image_variants" USING btree ("tip_photo_id","format","width");--> statement-breakpoint
CREATE INDEX "image_variants_storage_key_index" ON "image_variants" USING btree ("storage_key");--> statement-breakpoint
CREATE UNIQUE INDEX "tip_photos_tip_id_position_index" ON "tip_photos" USING btree ("tip_id","position");--> statement-breakpoint
CREATE INDEX "tip_photos_unclaimed_idx" ON "tip_photos" USING btree ("expires_at") WHERE "tip_photos"."tip_id" is null;