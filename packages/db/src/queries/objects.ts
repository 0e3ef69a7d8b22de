import { and, asc, count, desc, eq, inArray } from "drizzle-orm";
import {
  pickLocalized,
  publicObjectStatus,
  type Locale,
  type LocalizedText,
  type ObjectStatus,
  type PublicImage,
  type PublicObject,
  type PublicObjectListInput,
  type PublicObjectSummary,
} from "@trace/domain";
import type { Executor } from "../client";
import { objectImages, traceObjects } from "../schema";
import { listImageVariants } from "./images";
import { iso } from "./serialize";

/** The statuses that exist publicly; everything else must be unreachable from the public surface. */
const PUBLIC_STATUSES: ObjectStatus[] = ["published", "origin_found"];

type ImageRow = typeof objectImages.$inferSelect;
type ObjectRow = typeof traceObjects.$inferSelect;

type VariantsByImage = Awaited<ReturnType<typeof listImageVariants>>;

function toPublicImage(image: ImageRow, locale: Locale, variants: VariantsByImage): PublicImage {
  return {
    id: image.id,
    width: image.width,
    height: image.height,
    alt: pickLocalized(image.alt, locale),
    variants: variants.get(image.id) ?? [],
  };
}

function toSummary(
  row: ObjectRow,
  cover: ImageRow | undefined,
  locale: Locale,
  variants: VariantsByImage,
): PublicObjectSummary {
  return {
    ref: row.ref,
    category: row.category,
    status: publicObjectStatus(row.status)!,
    title: pickLocalized(row.title, locale),
    regionHint: row.regionHint ? pickLocalized(row.regionHint, locale) : null,
    cover: cover ? toPublicImage(cover, locale, variants) : null,
    publishedAt: iso(row.publishedAt ?? row.createdAt),
  };
}

function publicFilter(input: Pick<PublicObjectListInput, "category" | "status">) {
  const statuses: ObjectStatus[] =
    input.status === "open"
      ? ["published"]
      : input.status === "origin_found"
        ? ["origin_found"]
        : PUBLIC_STATUSES;
  return and(
    inArray(traceObjects.status, statuses),
    input.category ? eq(traceObjects.category, input.category) : undefined,
  );
}

export async function listPublishedObjects(
  db: Executor,
  input: PublicObjectListInput,
): Promise<{ items: PublicObjectSummary[]; total: number }> {
  const where = publicFilter(input);
  const [rows, [totalRow]] = await Promise.all([
    db
      .select()
      .from(traceObjects)
      .where(where)
      // Open objects first: they are the ones that still need the public's eyes.
      .orderBy(asc(traceObjects.status), desc(traceObjects.publishedAt), asc(traceObjects.ref))
      .limit(input.limit)
      .offset(input.offset),
    db.select({ total: count() }).from(traceObjects).where(where),
  ]);
  const covers = rows.length
    ? await db
        .select()
        .from(objectImages)
        .where(
          and(
            inArray(
              objectImages.objectId,
              rows.map((r) => r.id),
            ),
            eq(objectImages.position, 0),
          ),
        )
    : [];
  const coverByObject = new Map(covers.map((c) => [c.objectId, c]));
  const variants = await listImageVariants(
    db,
    "object",
    covers.map((c) => c.id),
  );
  return {
    items: rows.map((row) => toSummary(row, coverByObject.get(row.id), input.locale, variants)),
    total: totalRow?.total ?? 0,
  };
}

export async function getPublicObjectByRef(
  db: Executor,
  ref: string,
  locale: Locale,
): Promise<PublicObject | null> {
  const [row] = await db
    .select()
    .from(traceObjects)
    .where(and(eq(traceObjects.ref, ref), inArray(traceObjects.status, PUBLIC_STATUSES)));
  if (!row) return null;
  const images = await db
    .select()
    .from(objectImages)
    .where(eq(objectImages.objectId, row.id))
    .orderBy(asc(objectImages.position));
  const variants = await listImageVariants(
    db,
    "object",
    images.map((i) => i.id),
  );
  return {
    ...toSummary(row, images[0], locale, variants),
    question: pickLocalized(row.question, locale),
    images: images.map((image) => toPublicImage(image, locale, variants)),
  };
}

/**
 * Where an image's bytes are. With `publicOnly`, only while its object is public: the public
 * surface must never reach an unvetted or withdrawn image.
 */
export async function findImage(
  db: Executor,
  imageId: string,
  { publicOnly }: { publicOnly: boolean },
): Promise<{ storageKey: string; mediaType: string } | null> {
  const [row] = await db
    .select({ storageKey: objectImages.storageKey, mediaType: objectImages.mediaType })
    .from(objectImages)
    .innerJoin(traceObjects, eq(traceObjects.id, objectImages.objectId))
    .where(
      and(
        eq(objectImages.id, imageId),
        publicOnly ? inArray(traceObjects.status, PUBLIC_STATUSES) : undefined,
      ),
    );
  return row ?? null;
}

export async function findObjectByRef(
  db: Executor,
  ref: string,
): Promise<{ id: string; status: ObjectStatus } | null> {
  const [row] = await db
    .select({ id: traceObjects.id, status: traceObjects.status })
    .from(traceObjects)
    .where(eq(traceObjects.ref, ref));
  return row ?? null;
}

export interface NewObject {
  ref: string;
  seriesId: string;
  category: ObjectRow["category"];
  title: LocalizedText;
  question: LocalizedText;
  regionHint: LocalizedText | null;
  status: ObjectStatus;
  authorId: string;
  approvedById: string | null;
  publishedAt: Date | null;
  /** When its origin was found; the demo seed sets it for objects seeded as origin_found. */
  originFoundAt?: Date | null;
  createdAt: Date;
}

export interface NewObjectImage {
  storageKey: string;
  mediaType: string;
  width: number;
  height: number;
  alt: LocalizedText;
}

export async function insertObject(
  db: Executor,
  object: NewObject,
  images: NewObjectImage[],
): Promise<string> {
  const [row] = await db
    .insert(traceObjects)
    .values({ ...object, updatedAt: object.createdAt })
    .returning({ id: traceObjects.id });
  const id = row!.id;
  if (images.length) {
    await db
      .insert(objectImages)
      .values(images.map((image, position) => ({ ...image, objectId: id, position })));
  }
  return id;
}
