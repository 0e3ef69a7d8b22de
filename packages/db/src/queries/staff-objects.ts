import { and, asc, count, desc, eq, inArray, lte, max, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type {
  ObjectContent,
  ObjectState,
  StaffObject,
  StaffObjectListInput,
  StaffObjectSummary,
} from "@trace/domain";
import type { Executor } from "../client";
import { objectImages, series, staffUsers, traceObjects } from "../schema";
import { iso, isoOrNull } from "./serialize";
import { listImageVariants } from "./images";
import type { NewObjectImage } from "./objects";

/** Every object, whatever its status: for staff only, never for the public surface. */
export async function listStaffObjects(
  db: Executor,
  input: StaffObjectListInput,
): Promise<{ items: StaffObjectSummary[]; total: number }> {
  const where = and(
    input.status ? eq(traceObjects.status, input.status) : undefined,
    input.seriesId ? eq(traceObjects.seriesId, input.seriesId) : undefined,
    input.category ? eq(traceObjects.category, input.category) : undefined,
  );
  const [rows, [totalRow]] = await Promise.all([
    db
      .select({ object: traceObjects, seriesCode: series.code })
      .from(traceObjects)
      .innerJoin(series, eq(series.id, traceObjects.seriesId))
      .where(where)
      .orderBy(desc(traceObjects.updatedAt), asc(traceObjects.ref))
      .limit(input.limit)
      .offset(input.offset),
    db.select({ total: count() }).from(traceObjects).where(where),
  ]);
  const covers = rows.length
    ? await db
        .select({ id: objectImages.id, objectId: objectImages.objectId })
        .from(objectImages)
        .where(
          and(
            inArray(
              objectImages.objectId,
              rows.map((r) => r.object.id),
            ),
            eq(objectImages.position, 0),
          ),
        )
    : [];
  const coverOf = new Map(covers.map((c) => [c.objectId, c.id]));
  return {
    items: rows.map(({ object, seriesCode }) => ({
      id: object.id,
      ref: object.ref,
      status: object.status,
      category: object.category,
      title: object.title.en,
      series: { id: object.seriesId, code: seriesCode },
      coverImageId: coverOf.get(object.id) ?? null,
      publishAt: isoOrNull(object.publishAt),
      updatedAt: iso(object.updatedAt),
    })),
    total: totalRow?.total ?? 0,
  };
}

const approver = alias(staffUsers, "approver");

export async function getStaffObject(db: Executor, id: string): Promise<StaffObject | null> {
  const [row] = await db
    .select({
      object: traceObjects,
      series: { id: series.id, code: series.code, title: series.title },
      author: { id: staffUsers.id, displayName: staffUsers.displayName },
      approver: { id: approver.id, displayName: approver.displayName },
    })
    .from(traceObjects)
    .innerJoin(series, eq(series.id, traceObjects.seriesId))
    .innerJoin(staffUsers, eq(staffUsers.id, traceObjects.authorId))
    .leftJoin(approver, eq(approver.id, traceObjects.approvedById))
    .where(eq(traceObjects.id, id));
  if (!row) return null;
  const images = await db
    .select()
    .from(objectImages)
    .where(eq(objectImages.objectId, id))
    .orderBy(asc(objectImages.position));
  const variants = await listImageVariants(
    db,
    "object",
    images.map((i) => i.id),
  );
  const o = row.object;
  return {
    id: o.id,
    ref: o.ref,
    status: o.status,
    category: o.category,
    title: o.title,
    question: o.question,
    regionHint: o.regionHint,
    series: row.series,
    author: row.author,
    approvedBy: row.approver?.id ? row.approver : null,
    publishAt: isoOrNull(o.publishAt),
    publishedAt: isoOrNull(o.publishedAt),
    withdrawnReason: o.withdrawnReason,
    images: images.map((i) => ({
      id: i.id,
      position: i.position,
      width: i.width,
      height: i.height,
      alt: i.alt,
      status: i.status,
      variants: variants.get(i.id) ?? [],
    })),
    createdAt: iso(o.createdAt),
    updatedAt: iso(o.updatedAt),
  };
}

/**
 * The lifecycle state of an object, locked until the transaction ends: two coordinators acting
 * at once take turns, and the second sees the first one's result.
 */
export async function lockObjectState(
  tx: Executor,
  id: string,
): Promise<(ObjectState & { imageIds: string[] }) | null> {
  const [row] = await tx
    .select({
      status: traceObjects.status,
      authorId: traceObjects.authorId,
      approvedById: traceObjects.approvedById,
      publishAt: traceObjects.publishAt,
      withdrawnReason: traceObjects.withdrawnReason,
    })
    .from(traceObjects)
    .where(eq(traceObjects.id, id))
    .for("update");
  if (!row) return null;
  const images = await tx
    .select({ id: objectImages.id })
    .from(objectImages)
    .where(eq(objectImages.objectId, id))
    .orderBy(asc(objectImages.position));
  return { ...row, publishAt: isoOrNull(row.publishAt), imageIds: images.map((i) => i.id) };
}

/** Writes a state decided by the domain's `transitionObject`. */
export async function saveObjectState(
  tx: Executor,
  id: string,
  state: ObjectState,
  now: Date,
): Promise<void> {
  await tx
    .update(traceObjects)
    .set({
      status: state.status,
      approvedById: state.approvedById,
      publishAt: state.publishAt ? new Date(state.publishAt) : null,
      withdrawnReason: state.withdrawnReason,
      // The moment it became public; kept when the origin is later found.
      ...(state.status === "published" ? { publishedAt: now } : {}),
      ...(state.status === "origin_found" ? { originFoundAt: now } : {}),
      updatedAt: now,
    })
    .where(eq(traceObjects.id, id));
}

export async function saveObjectContent(
  tx: Executor,
  id: string,
  content: ObjectContent,
  now: Date,
): Promise<void> {
  await tx
    .update(traceObjects)
    .set({ ...content, updatedAt: now })
    .where(eq(traceObjects.id, id));
}

/** Adds an image after the object's last one. */
export async function appendObjectImage(
  tx: Executor,
  objectId: string,
  image: NewObjectImage,
  now: Date,
): Promise<string> {
  const [last] = await tx
    .select({ position: max(objectImages.position) })
    .from(objectImages)
    .where(eq(objectImages.objectId, objectId));
  const position = last?.position === null || last?.position === undefined ? 0 : last.position + 1;
  const [row] = await tx
    .insert(objectImages)
    .values({ ...image, objectId, position })
    .returning({ id: objectImages.id });
  await tx.update(traceObjects).set({ updatedAt: now }).where(eq(traceObjects.id, objectId));
  return row!.id;
}

/** Renumbers an object's images 0…n-1 in the given order (every id must be one of its images). */
export async function setObjectImageOrder(
  tx: Executor,
  objectId: string,
  imageIds: readonly string[],
  now: Date,
): Promise<void> {
  // Two passes: positions are unique per object, so move them out of the way first.
  await tx
    .update(objectImages)
    .set({ position: sql`${objectImages.position} + 100000` })
    .where(eq(objectImages.objectId, objectId));
  for (const [position, id] of imageIds.entries()) {
    await tx
      .update(objectImages)
      .set({ position })
      .where(and(eq(objectImages.id, id), eq(objectImages.objectId, objectId)));
  }
  await tx.update(traceObjects).set({ updatedAt: now }).where(eq(traceObjects.id, objectId));
}

export async function deleteObjectImage(
  tx: Executor,
  objectId: string,
  imageId: string,
): Promise<void> {
  await tx
    .delete(objectImages)
    .where(and(eq(objectImages.id, imageId), eq(objectImages.objectId, objectId)));
}

/**
 * Publishes every approved object whose time has come, and returns their ids. One UPDATE: when
 * several API instances run the job at once, each row is taken by exactly one of them (the
 * others wait for its lock, re-check the WHERE and skip it).
 */
export async function publishDueObjects(tx: Executor, now: Date): Promise<string[]> {
  const rows = await tx
    .update(traceObjects)
    .set({ status: "published", publishedAt: now, updatedAt: now })
    .where(and(eq(traceObjects.status, "approved"), lte(traceObjects.publishAt, now)))
    .returning({ id: traceObjects.id });
  return rows.map((r) => r.id);
}

export async function seriesExists(db: Executor, id: string): Promise<boolean> {
  const [row] = await db.select({ id: series.id }).from(series).where(eq(series.id, id));
  return row !== undefined;
}
