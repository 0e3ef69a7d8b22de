import { sql } from "drizzle-orm";
import { check, index, integer, pgTable, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { at, createdAt, id } from "./columns";
import { imageStatusEnum, imageVariantFormatEnum } from "./enums";
import { objectImages } from "./objects";
import { tips } from "./tips";

/**
 * A photo a tipster attaches to a tip. It is uploaded before the tip (the upload answers with an
 * opaque token, stored here only as a hash) and tied to the tip in the tip's own transaction;
 * an upload no tip claims by `expiresAt` is deleted. Like `tips`, nothing here may identify the
 * sender: no file name, no address, and the bytes were stripped of metadata before storage.
 */
export const tipPhotos = pgTable(
  "tip_photos",
  {
    id: id(),
    /** Null until a tip claims the upload. */
    tipId: uuid().references(() => tips.id),
    position: integer(),
    /** SHA-256 of the upload token; cleared when a tip claims the photo, so a token works once. */
    tokenHash: text().unique(),
    expiresAt: at(),
    storageKey: text().notNull(),
    mediaType: text().notNull(),
    width: integer().notNull(),
    height: integer().notNull(),
    status: imageStatusEnum().notNull().default("pending"),
    processedAt: at(),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex().on(t.tipId, t.position),
    index("tip_photos_unclaimed_idx")
      .on(t.expiresAt)
      .where(sql`${t.tipId} is null`),
    check(
      "tip_photos_claimed_or_expiring",
      sql`(${t.tipId} is not null and ${t.position} is not null) or ${t.expiresAt} is not null`,
    ),
  ],
);

/**
 * The resized, re-encoded copies of one image (an object image or a tip photo), content-addressed
 * like their source. Derived data: rebuilt by re-running `image.process`.
 */
export const imageVariants = pgTable(
  "image_variants",
  {
    id: id(),
    objectImageId: uuid().references(() => objectImages.id, { onDelete: "cascade" }),
    tipPhotoId: uuid().references(() => tipPhotos.id, { onDelete: "cascade" }),
    format: imageVariantFormatEnum().notNull(),
    width: integer().notNull(),
    height: integer().notNull(),
    storageKey: text().notNull(),
    byteSize: integer().notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex().on(t.objectImageId, t.format, t.width),
    uniqueIndex().on(t.tipPhotoId, t.format, t.width),
    // Delivery looks a variant up by its URL: the image id and the content hash.
    index().on(t.storageKey),
    check("image_variants_one_owner", sql`num_nonnulls(${t.objectImageId}, ${t.tipPhotoId}) = 1`),
  ],
);
