import { index, integer, jsonb, pgTable, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import type { LocalizedText } from "@trace/domain";
import { at, createdAt, id } from "./columns";
import { imageStatusEnum, objectCategoryEnum, objectStatusEnum } from "./enums";
import { series } from "./cases";
import { staffUsers } from "./staff";

export const traceObjects = pgTable(
  "trace_objects",
  {
    id: id(),
    ref: text().notNull().unique(),
    seriesId: uuid()
      .notNull()
      .references(() => series.id),
    category: objectCategoryEnum().notNull(),
    title: jsonb().$type<LocalizedText>().notNull(),
    question: jsonb().$type<LocalizedText>().notNull(),
    regionHint: jsonb().$type<LocalizedText>(),
    status: objectStatusEnum().notNull().default("draft"),
    authorId: uuid()
      .notNull()
      .references(() => staffUsers.id),
    approvedById: uuid().references(() => staffUsers.id),
    publishAt: at(),
    publishedAt: at(),
    /** When the origin was found (status origin_found); feeds the public statistics timeline. */
    originFoundAt: at(),
    withdrawnReason: text(),
    createdAt: createdAt(),
    updatedAt: at().notNull().defaultNow(),
  },
  (t) => [index().on(t.status, t.publishedAt), index().on(t.seriesId)],
);

/**
 * Images are stored by content hash in the media store; names never come from the uploader.
 * `storageKey` is the sanitised original (metadata stripped on upload); its variants are made in
 * the background (`image.process`) and live in `image_variants`.
 */
export const objectImages = pgTable(
  "object_images",
  {
    id: id(),
    objectId: uuid()
      .notNull()
      .references(() => traceObjects.id),
    position: integer().notNull(),
    storageKey: text().notNull(),
    mediaType: text().notNull(),
    width: integer().notNull(),
    height: integer().notNull(),
    alt: jsonb().$type<LocalizedText>().notNull(),
    status: imageStatusEnum().notNull().default("pending"),
    processedAt: at(),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex().on(t.objectId, t.position)],
);
