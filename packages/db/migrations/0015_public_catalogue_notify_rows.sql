-- Statement triggers fire even for a statement that changes no row (the scheduled publication
-- runs an UPDATE every 30 seconds), and each of those emptied every API process's cache of
-- public reads. Row triggers notify only for rows that changed; TRUNCATE keeps its statement
-- trigger. One notification per transaction all the same (identical ones are merged).
DROP TRIGGER trace_objects_public_catalogue ON trace_objects;
--> statement-breakpoint
DROP TRIGGER object_images_public_catalogue ON object_images;
--> statement-breakpoint
CREATE TRIGGER trace_objects_public_catalogue AFTER INSERT OR UPDATE OR DELETE ON trace_objects
  FOR EACH ROW EXECUTE FUNCTION trace_notify_public_catalogue();
--> statement-breakpoint
CREATE TRIGGER trace_objects_public_catalogue_truncate AFTER TRUNCATE ON trace_objects
  FOR EACH STATEMENT EXECUTE FUNCTION trace_notify_public_catalogue();
--> statement-breakpoint
CREATE TRIGGER object_images_public_catalogue AFTER INSERT OR UPDATE OR DELETE ON object_images
  FOR EACH ROW EXECUTE FUNCTION trace_notify_public_catalogue();
--> statement-breakpoint
CREATE TRIGGER object_images_public_catalogue_truncate AFTER TRUNCATE ON object_images
  FOR EACH STATEMENT EXECUTE FUNCTION trace_notify_public_catalogue();
