-- Every change to what the public object pages show (objects, their images, those images'
-- variants) notifies `trace_public_catalogue`, after the commit, to every API process caching
-- public reads. Triggers rather than calls in each writer: no write path can forget it.
-- Notifications of one transaction with the same payload are delivered once.
CREATE FUNCTION trace_notify_public_catalogue() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('trace_public_catalogue', '');
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER trace_objects_public_catalogue AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON trace_objects
  FOR EACH STATEMENT EXECUTE FUNCTION trace_notify_public_catalogue();
--> statement-breakpoint
CREATE TRIGGER object_images_public_catalogue AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON object_images
  FOR EACH STATEMENT EXECUTE FUNCTION trace_notify_public_catalogue();
--> statement-breakpoint
-- Variants of tip photos are never public: only those of object images count.
CREATE TRIGGER image_variants_public_catalogue_insert AFTER INSERT ON image_variants
  FOR EACH ROW WHEN (NEW.object_image_id IS NOT NULL) EXECUTE FUNCTION trace_notify_public_catalogue();
--> statement-breakpoint
CREATE TRIGGER image_variants_public_catalogue_update AFTER UPDATE ON image_variants
  FOR EACH ROW WHEN (NEW.object_image_id IS NOT NULL OR OLD.object_image_id IS NOT NULL) EXECUTE FUNCTION trace_notify_public_catalogue();
--> statement-breakpoint
CREATE TRIGGER image_variants_public_catalogue_delete AFTER DELETE ON image_variants
  FOR EACH ROW WHEN (OLD.object_image_id IS NOT NULL) EXECUTE FUNCTION trace_notify_public_catalogue();
--> statement-breakpoint
CREATE TRIGGER image_variants_public_catalogue_truncate AFTER TRUNCATE ON image_variants
  FOR EACH STATEMENT EXECUTE FUNCTION trace_notify_public_catalogue();
