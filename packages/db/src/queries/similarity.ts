import { and, asc, eq, inArray, isNotNull, or, sql, type SQL } from "drizzle-orm";
import { union } from "drizzle-orm/pg-core";
import {
  hammingDistance,
  MAX_SEARCH_DISTANCE,
  PERCEPTUAL_HASH_PATTERN,
  type ImageKind,
  type ObjectSimilarity,
  type SimilarImage,
  type TipSimilarity,
} from "@trace/domain";
import type { Executor } from "../client";
import { cases, imageHashes, objectImages, series, tipPhotos, tips, traceObjects } from "../schema";

/**
 * Perceptual hashes cross the API as 16 hex digits and live in the database as a signed bigint
 * (the same 64 bits): Hamming distance is then one XOR and one bit count in SQL.
 */
export function hashToBigint(hash: string): bigint {
  if (!PERCEPTUAL_HASH_PATTERN.test(hash)) throw new Error("not a 16-digit hex perceptual hash");
  return BigInt.asIntN(64, BigInt(`0x${hash}`));
}

export function bigintToHash(value: bigint): string {
  return BigInt.asUintN(64, value).toString(16).padStart(16, "0");
}

const BAND_BITS = 16;
const BANDS = 4;

/** The four 16-bit bands of a hash, most significant first, as the generated columns hold them. */
export function hashBands(hash: string): [number, number, number, number] {
  const bands = [0, 1, 2, 3].map((i) => parseInt(hash.slice(i * 4, i * 4 + 4), 16));
  return bands as [number, number, number, number];
}

/** Every 16-bit value within `radius` bit flips of `value` (itself included). */
export function bandNeighbours(value: number, radius: number): number[] {
  const out: number[] = [];
  const walk = (current: number, from: number, left: number) => {
    out.push(current);
    if (left === 0) return;
    for (let bit = from; bit < BAND_BITS; bit++) walk(current ^ (1 << bit), bit + 1, left - 1);
  };
  walk(value, 0, radius);
  return out;
}

/** `bit_count` over `bit(64)` exists from PostgreSQL 14, so on the server (15) and PGlite (18). */
const distanceTo = (query: bigint): SQL<number> =>
  sql<number>`bit_count((${imageHashes.hash} # ${query.toString()}::bigint)::bit(64))::integer`;

const BAND_COLUMNS = [
  imageHashes.band0,
  imageHashes.band1,
  imageHashes.band2,
  imageHashes.band3,
] as const;

function checkDistance(maxDistance: number): void {
  if (!Number.isInteger(maxDistance) || maxDistance < 0 || maxDistance > MAX_SEARCH_DISTANCE) {
    throw new Error(`maxDistance must be an integer from 0 to ${MAX_SEARCH_DISTANCE}`);
  }
}

/**
 * Every stored hash value within `maxDistance` of `hash`, by multi-index hashing: two hashes
 * within distance d differ by at most floor(d / 4) bits in at least one of their four 16-bit
 * bands (pigeonhole). So each band's neighbours within that radius are listed, and four
 * index-only scans of the (band, hash) indexes yield every candidate with its hash, whose exact
 * distance is checked there, without reading the table. At d = 12 that is 4 × 697 band values,
 * about 4% of the rows at most, and much less in practice.
 */
async function matchingHashes(
  db: Executor,
  hash: string,
  maxDistance: number,
): Promise<{ hash: bigint; distance: number }[]> {
  checkDistance(maxDistance);
  const radius = Math.floor(maxDistance / BANDS);
  const bands = hashBands(hash);
  const distance = distanceTo(hashToBigint(hash));
  const [q0, q1, q2, q3] = BAND_COLUMNS.map((column, i) =>
    db
      .select({ hash: imageHashes.hash, distance })
      .from(imageHashes)
      .where(
        and(
          // One array parameter per band: the statement has the same shape whatever the radius.
          sql`${column} = any(${`{${bandNeighbours(bands[i]!, radius).join(",")}}`}::integer[])`,
          sql`${distance} <= ${maxDistance}`,
        ),
      ),
  );
  // UNION, not UNION ALL: a hash near on several bands is one candidate.
  return union(q0!, q1!, q2!, q3!);
}

export interface HashSearchOptions {
  maxDistance: number;
  /** Leave this image out (the image searched for). */
  excludeImageId?: string | undefined;
  /** Leave every image of this object out (an object resembles itself). */
  excludeObjectId?: string | undefined;
  /** Leave every photo of this tip out. */
  excludeTipId?: string | undefined;
  /** Only object images (for staff without the right to read tips). */
  objectsOnly?: boolean | undefined;
  limit?: number | undefined;
}

const DEFAULT_LIMIT = 50;

/**
 * Images whose perceptual hash lies within `maxDistance` of `hash`, nearest first: object images
 * with their object, series and case; photos of received tips with their tip. Photos uploaded
 * but never sent with a tip are left out. The image pipeline calls this for duplicate warnings.
 *
 * Two statements on purpose: the planner cannot estimate how few rows a Hamming filter keeps
 * (it assumes a third), and would join a whole table to that guess. Given the few matching
 * hash values as a list, it looks each image up by index.
 */
export async function findSimilarImages(
  db: Executor,
  hash: string,
  options: HashSearchOptions,
): Promise<SimilarImage[]> {
  const matches = await matchingHashes(db, hash, options.maxDistance);
  if (matches.length === 0) return [];
  const distance = distanceTo(hashToBigint(hash));
  const rows = await db
    .select({
      distance,
      objectImageId: imageHashes.objectImageId,
      tipPhotoId: imageHashes.tipPhotoId,
      tipId: tipPhotos.tipId,
      width: sql<number>`coalesce(${objectImages.width}, ${tipPhotos.width})`,
      height: sql<number>`coalesce(${objectImages.height}, ${tipPhotos.height})`,
      objectId: traceObjects.id,
      ref: traceObjects.ref,
      title: traceObjects.title,
      status: traceObjects.status,
      seriesId: series.id,
      seriesCode: series.code,
      seriesTitle: series.title,
      caseId: cases.id,
      caseReference: cases.reference,
    })
    .from(imageHashes)
    .leftJoin(objectImages, eq(objectImages.id, imageHashes.objectImageId))
    .leftJoin(traceObjects, eq(traceObjects.id, objectImages.objectId))
    .leftJoin(series, eq(series.id, traceObjects.seriesId))
    .leftJoin(cases, eq(cases.id, series.caseId))
    .leftJoin(tipPhotos, eq(tipPhotos.id, imageHashes.tipPhotoId))
    .where(
      and(
        inArray(
          imageHashes.hash,
          matches.map((m) => m.hash),
        ),
        options.objectsOnly ? isNotNull(imageHashes.objectImageId) : undefined,
        or(isNotNull(imageHashes.objectImageId), isNotNull(tipPhotos.tipId)),
        options.excludeImageId
          ? sql`coalesce(${imageHashes.objectImageId}, ${imageHashes.tipPhotoId}) <> ${options.excludeImageId}`
          : undefined,
        options.excludeObjectId
          ? sql`${objectImages.objectId} is distinct from ${options.excludeObjectId}`
          : undefined,
        options.excludeTipId
          ? sql`${tipPhotos.tipId} is distinct from ${options.excludeTipId}`
          : undefined,
      ),
    )
    .orderBy(asc(distance), asc(imageHashes.id))
    .limit(options.limit ?? DEFAULT_LIMIT);

  return rows.map((row): SimilarImage => {
    if (row.objectImageId) {
      return {
        kind: "object",
        imageId: row.objectImageId,
        width: row.width,
        height: row.height,
        distance: row.distance,
        object: { id: row.objectId!, ref: row.ref!, title: row.title!.en, status: row.status! },
        series: { id: row.seriesId!, code: row.seriesCode!, title: row.seriesTitle! },
        case: { id: row.caseId!, reference: row.caseReference! },
      };
    }
    return {
      kind: "tip",
      imageId: row.tipPhotoId!,
      width: row.width,
      height: row.height,
      distance: row.distance,
      tipId: row.tipId!,
    };
  });
}

/**
 * Every stored hash row within `maxDistance`, nearest first, whatever owns it: what the index
 * answers, for the equivalence tests and the benchmark.
 */
export async function searchImageHashes(
  db: Executor,
  hash: string,
  maxDistance: number,
): Promise<{ id: string; hash: string; distance: number }[]> {
  const matches = await matchingHashes(db, hash, maxDistance);
  if (matches.length === 0) return [];
  const distance = distanceTo(hashToBigint(hash));
  const rows = await db
    .select({ id: imageHashes.id, hash: imageHashes.hash, distance })
    .from(imageHashes)
    .where(
      inArray(
        imageHashes.hash,
        matches.map((m) => m.hash),
      ),
    )
    .orderBy(asc(distance), asc(imageHashes.id));
  return rows.map((r) => ({ id: r.id, hash: bigintToHash(r.hash), distance: r.distance }));
}

/** Stores (or replaces) the perceptual hash of one image. */
export async function saveImageHash(
  db: Executor,
  input: { kind: ImageKind; imageId: string; hash: string },
): Promise<void> {
  const value = hashToBigint(input.hash);
  const target = input.kind === "object" ? imageHashes.objectImageId : imageHashes.tipPhotoId;
  await db
    .insert(imageHashes)
    .values(
      input.kind === "object"
        ? { objectImageId: input.imageId, hash: value }
        : { tipPhotoId: input.imageId, hash: value },
    )
    .onConflictDoUpdate({ target, set: { hash: value } });
}

/** The stored hashes of some images of one kind, by image id; images not yet hashed are absent. */
export async function getImageHashes(
  db: Executor,
  kind: ImageKind,
  imageIds: readonly string[],
): Promise<Map<string, string>> {
  if (imageIds.length === 0) return new Map();
  const column = kind === "object" ? imageHashes.objectImageId : imageHashes.tipPhotoId;
  const rows = await db
    .select({ imageId: column, hash: imageHashes.hash })
    .from(imageHashes)
    .where(inArray(column, [...imageIds]));
  return new Map(rows.map((r) => [r.imageId!, bigintToHash(r.hash)]));
}

/**
 * The similar images of every image of one object, anywhere in Trace but the object itself.
 * Null when no object has this id.
 */
export async function loadObjectSimilarity(
  db: Executor,
  objectId: string,
  options: { maxDistance: number; includeTipPhotos: boolean },
): Promise<ObjectSimilarity | null> {
  const [object] = await db
    .select({ id: traceObjects.id, seriesId: series.id, seriesCode: series.code })
    .from(traceObjects)
    .innerJoin(series, eq(series.id, traceObjects.seriesId))
    .where(eq(traceObjects.id, objectId));
  if (!object) return null;
  const images = await db
    .select({
      id: objectImages.id,
      position: objectImages.position,
      width: objectImages.width,
      height: objectImages.height,
    })
    .from(objectImages)
    .where(eq(objectImages.objectId, objectId))
    .orderBy(asc(objectImages.position));
  const hashes = await getImageHashes(
    db,
    "object",
    images.map((i) => i.id),
  );
  return {
    objectId,
    series: { id: object.seriesId, code: object.seriesCode },
    maxDistance: options.maxDistance,
    images: await Promise.all(
      images.map(async (image) => {
        const hash = hashes.get(image.id) ?? null;
        return {
          imageId: image.id,
          position: image.position,
          width: image.width,
          height: image.height,
          hash,
          matches: hash
            ? await findSimilarImages(db, hash, {
                maxDistance: options.maxDistance,
                excludeObjectId: objectId,
                objectsOnly: !options.includeTipPhotos,
              })
            : [],
        };
      }),
    ),
  };
}

/**
 * For each photo of one tip: the distance to each image of the tip's object, and the similar
 * images anywhere else (other objects, other tips' photos). Null when no tip has this id.
 */
export async function loadTipSimilarity(
  db: Executor,
  tipId: string,
  options: { maxDistance: number },
): Promise<TipSimilarity | null> {
  const [tip] = await db
    .select({ id: tips.id, objectId: traceObjects.id, ref: traceObjects.ref })
    .from(tips)
    .leftJoin(traceObjects, eq(traceObjects.id, tips.objectId))
    .where(eq(tips.id, tipId));
  if (!tip) return null;
  const photos = await db
    .select({
      id: tipPhotos.id,
      position: tipPhotos.position,
      width: tipPhotos.width,
      height: tipPhotos.height,
    })
    .from(tipPhotos)
    .where(eq(tipPhotos.tipId, tipId))
    .orderBy(asc(tipPhotos.position));
  const objectImageRows = tip.objectId
    ? await db
        .select({
          id: objectImages.id,
          position: objectImages.position,
          width: objectImages.width,
          height: objectImages.height,
        })
        .from(objectImages)
        .where(eq(objectImages.objectId, tip.objectId))
        .orderBy(asc(objectImages.position))
    : [];
  const [photoHashes, objectHashes] = await Promise.all([
    getImageHashes(
      db,
      "tip",
      photos.map((p) => p.id),
    ),
    getImageHashes(
      db,
      "object",
      objectImageRows.map((i) => i.id),
    ),
  ]);
  return {
    tipId,
    object: tip.objectId ? { id: tip.objectId, ref: tip.ref! } : null,
    maxDistance: options.maxDistance,
    photos: await Promise.all(
      photos.map(async (photo) => {
        const hash = photoHashes.get(photo.id) ?? null;
        return {
          photoId: photo.id,
          // Claimed photos always have a position (a check constraint says so).
          position: photo.position ?? 0,
          width: photo.width,
          height: photo.height,
          hash,
          toObject: hash
            ? objectImageRows.flatMap((image) => {
                const other = objectHashes.get(image.id);
                return other
                  ? [
                      {
                        imageId: image.id,
                        position: image.position,
                        width: image.width,
                        height: image.height,
                        distance: hammingDistance(hash, other),
                      },
                    ]
                  : [];
              })
            : [],
          matches: hash
            ? await findSimilarImages(db, hash, {
                maxDistance: options.maxDistance,
                excludeTipId: tipId,
                // The tip's own object is already listed above, every image with its distance.
                excludeObjectId: tip.objectId ?? undefined,
              })
            : [],
        };
      }),
    ),
  };
}
