CREATE TABLE "image_hashes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"object_image_id" uuid,
	"tip_photo_id" uuid,
	"hash" bigint NOT NULL,
	"band0" integer GENERATED ALWAYS AS ((("hash" >> 48) & 65535)::integer) STORED NOT NULL,
	"band1" integer GENERATED ALWAYS AS ((("hash" >> 32) & 65535)::integer) STORED NOT NULL,
	"band2" integer GENERATED ALWAYS AS ((("hash" >> 16) & 65535)::integer) STORED NOT NULL,
	"band3" integer GENERATED ALWAYS AS ((("hash" >> 0) & 65535)::integer) STORED NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "image_hashes_one_owner" CHECK (num_nonnulls("image_hashes"."object_image_id", "image_hashes"."tip_photo_id") = 1)
);
--> statement-breakpoint
ALTER TABLE "image_hashes" ADD CONSTRAINT "image_hashes_object_image_id_object_images_id_fk" FOREIGN KEY ("object_image_id") REFERENCES "public"."object_images"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "image_hashes" ADD CONSTRAINT "image_hashes_tip_photo_id_tip_photos_id_fk" FOREIGN KEY ("tip_photo_id") REFERENCES "public"."tip_photos"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "image_hashes_object_image_id_index" ON "image_hashes" USING btree ("object_image_id");--> statement-breakpoint
CREATE UNIQUE INDEX "image_hashes_tip_photo_id_index" ON "image_hashes" USING btree ("tip_photo_id");--> statement-breakpoint
CREATE INDEX "image_hashes_band0_hash_index" ON "image_hashes" USING btree ("band0","hash");--> statement-breakpoint
CREATE INDEX "image_hashes_band1_hash_index" ON "image_hashes" USING btree ("band1","hash");--> statement-breakpoint
CREATE INDEX "image_hashes_band2_hash_index" ON "image_hashes" USING btree ("band2","hash");--> statement-breakpoint
CREATE INDEX "image_hashes_band3_hash_index" ON "image_hashes" USING btree ("band3","hash");--> statement-breakpoint
CREATE INDEX "image_hashes_hash_index" ON "image_hashes" USING btree ("hash");