-- Images uploaded before the pipeline existed have no variants yet: queue each for processing
-- exactly as a new upload would be (same topic, payload and idempotency key).
INSERT INTO "outbox" ("topic", "idempotency_key", "payload")
SELECT 'image.process', 'image.process:object:' || "id", jsonb_build_object('kind', 'object', 'imageId', "id")
FROM "object_images"
ON CONFLICT ("idempotency_key") DO NOTHING;
