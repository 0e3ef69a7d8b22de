import { createHash } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { asc, eq, sql } from "drizzle-orm";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  createFsMediaStore,
  deleteObjectImage,
  findSimilarImages,
  getImageHashes,
  insertObject,
  loadObjectSimilarity,
  loadTipSimilarity,
  schema,
  type Database,
} from "@trace/db";
import { seedDemoData } from "@trace/db/seed";
import { createTestDatabases } from "@trace/db/testing";
import {
  NEAR_DUPLICATE_MAX_DISTANCE,
  SIMILAR_IMAGE_MAX_DISTANCE,
  type ObjectSimilarity,
  type TipSimilarity,
} from "@trace/domain";
import { indexImageHash } from "./images/index-image-hash";
import { hammingDistance, perceptualHash } from "./images/perceptual-hash";
import { call, createHarness, loginAs, type Harness } from "./test/harness";

const engines = await createTestDatabases();

/** Flat synthetic pictures: a "room" (shapes on a wall colour) and unrelated ones. */
const ROOM = `<svg xmlns="http://www.w3.org/2000/svg" width="960" height="720">
  <rect width="960" height="720" fill="#d8c8a8"/><rect x="80" y="420" width="520" height="220" fill="#6b3e26"/>
  <circle cx="760" cy="200" r="110" fill="#f2c94c"/><rect x="640" y="360" width="60" height="280" fill="#2f4a6d"/>
  <polygon points="120,120 360,80 300,300" fill="#b5543c"/></svg>`;
const OTHER = `<svg xmlns="http://www.w3.org/2000/svg" width="960" height="720">
  <rect width="960" height="720" fill="#1d3557"/><circle cx="300" cy="500" r="180" fill="#e63946"/>
  <rect x="560" y="80" width="300" height="200" fill="#f1faee"/></svg>`;
const CLOSE_UP = ROOM.replace(
  'width="960" height="720">',
  'width="960" height="720" viewBox="600 80 320 240">',
);

const jpeg = (svg: string) => sharp(Buffer.from(svg)).jpeg({ quality: 85 }).toBuffer();
/** The same room photographed again: a little cropped, smaller, re-compressed. */
const retaken = async (svg: string) =>
  sharp(await jpeg(svg))
    .extract({ left: 20, top: 14, width: 920, height: 692 })
    .resize(640)
    .jpeg({ quality: 60 })
    .toBuffer();

describe.each(engines)("similar images [$name]", (engine) => {
  let h: Harness;
  let analyst: string;
  let coordinator: string;
  /** The room, as first published in the fixture series. */
  let original: { objectId: string; imageId: string; seriesId: string };
  /** The room again, in a draft of another case's series; plus a close-up of it. */
  let again: { objectId: string; imageId: string; closeUpId: string; seriesId: string };
  let unrelated: { objectId: string; imageId: string };
  let tipId: string;
  let tipPhotoId: string;

  const query = <T>(path: string, input: unknown, cookie: string) =>
    call<T>(h.staffApp, "query", path, input, { cookie });

  async function addObject(seriesId: string, ref: string, pictures: Buffer[]) {
    const { db } = h.deps.database;
    const images = await Promise.all(
      pictures.map(async (bytes) => {
        const meta = await sharp(bytes).metadata();
        return {
          storageKey: await h.deps.media.put(bytes),
          mediaType: "image/jpeg",
          width: meta.width!,
          height: meta.height!,
          alt: { en: `Synthetic picture for ${ref}` },
        };
      }),
    );
    const objectId = await insertObject(
      db,
      {
        ref,
        seriesId,
        category: "furniture_or_decor",
        title: { en: `Object ${ref}` },
        question: { en: "Where is this?" },
        regionHint: null,
        status: "draft",
        authorId: h.fixtures.users.analyst.id,
        approvedById: null,
        publishedAt: null,
        createdAt: h.clock.now,
      },
      images,
    );
    const rows = await db
      .select({ id: schema.objectImages.id })
      .from(schema.objectImages)
      .where(eq(schema.objectImages.objectId, objectId))
      .orderBy(asc(schema.objectImages.position));
    for (const [i, row] of rows.entries()) {
      await indexImageHash(db, { kind: "object", imageId: row.id, bytes: pictures[i]! });
    }
    return { objectId, imageIds: rows.map((r) => r.id) };
  }

  beforeAll(async () => {
    h = await createHarness(await engine.open());
    const { db } = h.deps.database;
    analyst = await loginAs(h, "analyst");
    coordinator = await loginAs(h, "coordinator");
    const [fixtureSeries] = await db.select().from(schema.series);
    const [otherCase] = await db
      .insert(schema.cases)
      .values({
        reference: "CASE-TEST-2",
        title: "Another case",
        leadAgencyId: h.fixtures.agencyId,
      })
      .returning();
    const [otherSeries] = await db
      .insert(schema.series)
      .values({ caseId: otherCase!.id, code: "S-TEST-B", title: "Another series" })
      .returning();

    const first = await addObject(fixtureSeries!.id, "TOA-RM0001", [await jpeg(ROOM)]);
    original = {
      objectId: first.objectId,
      imageId: first.imageIds[0]!,
      seriesId: fixtureSeries!.id,
    };
    const second = await addObject(otherSeries!.id, "TOA-RM0002", [
      await retaken(ROOM),
      await jpeg(CLOSE_UP),
    ]);
    again = {
      objectId: second.objectId,
      imageId: second.imageIds[0]!,
      closeUpId: second.imageIds[1]!,
      seriesId: otherSeries!.id,
    };
    const third = await addObject(fixtureSeries!.id, "TOA-RM0003", [await jpeg(OTHER)]);
    unrelated = { objectId: third.objectId, imageId: third.imageIds[0]! };

    // A tipster's photo of the same room, sent with a tip about the original object.
    const [tip] = await db
      .insert(schema.tips)
      .values({
        objectId: original.objectId,
        confidence: "think_so",
        language: "en",
        receiptHash: createHash("sha256").update("similarity-test").digest("hex"),
      })
      .returning();
    tipId = tip!.id;
    const photoBytes = await retaken(ROOM);
    const [photo] = await db
      .insert(schema.tipPhotos)
      .values({
        tipId,
        position: 0,
        storageKey: await h.deps.media.put(photoBytes),
        mediaType: "image/jpeg",
        width: 640,
        height: 481,
      })
      .returning();
    tipPhotoId = photo!.id;
    await indexImageHash(db, { kind: "tip", imageId: tipPhotoId, bytes: photoBytes });
    // An upload no tip ever claimed: the same picture, which must never be listed.
    const [unclaimed] = await db
      .insert(schema.tipPhotos)
      .values({
        tokenHash: "unclaimed-token-hash",
        expiresAt: new Date(h.clock.now.getTime() + 3_600_000),
        storageKey: await h.deps.media.put(photoBytes),
        mediaType: "image/jpeg",
        width: 640,
        height: 481,
      })
      .returning();
    await indexImageHash(db, { kind: "tip", imageId: unclaimed!.id, bytes: photoBytes });
  });
  afterAll(() => engine.dispose());

  it("shows an object's near-duplicate in another series, with its case, and not the object's own images", async () => {
    const res = await query<ObjectSimilarity>(
      "similarity.forObject",
      { id: again.objectId },
      analyst,
    );
    expect(res.status).toBe(200);
    const result = res.body.result!.data;
    expect(result.series.id).toBe(again.seriesId);
    expect(result.maxDistance).toBe(SIMILAR_IMAGE_MAX_DISTANCE);
    expect(result.images.map((i) => i.imageId)).toEqual([again.imageId, again.closeUpId]);
    const [first] = result.images;
    expect(first!.hash).toMatch(/^[0-9a-f]{16}$/);
    const objectMatches = first!.matches.filter((m) => m.kind === "object");
    expect(objectMatches).toEqual([
      expect.objectContaining({
        kind: "object",
        imageId: original.imageId,
        object: expect.objectContaining({ id: original.objectId, ref: "TOA-RM0001" }),
        series: expect.objectContaining({ id: original.seriesId, code: "S-TEST-A" }),
        case: expect.objectContaining({ reference: "CASE-TEST-1" }),
      }),
    ]);
    expect(objectMatches[0]!.distance).toBeLessThanOrEqual(NEAR_DUPLICATE_MAX_DISTANCE);
    const ids = result.images.flatMap((i) => i.matches.map((m) => m.imageId));
    expect(ids).not.toContain(again.closeUpId);
    expect(ids).not.toContain(again.imageId);
    expect(ids).not.toContain(unrelated.imageId);
  });

  it("lists tipsters' photos of received tips only, never an unclaimed upload", async () => {
    const res = await query<ObjectSimilarity>(
      "similarity.forObject",
      { id: original.objectId },
      coordinator,
    );
    const matches = res.body.result!.data.images[0]!.matches;
    const tipMatches = matches.filter((m) => m.kind === "tip");
    expect(tipMatches).toEqual([expect.objectContaining({ imageId: tipPhotoId, tipId })]);
    expect(matches.filter((m) => m.kind === "object").map((m) => m.imageId)).toEqual([
      again.imageId,
    ]);
    // Nearest first.
    const distances = matches.map((m) => m.distance);
    expect(distances).toEqual([...distances].sort((a, b) => a - b));
  });

  it("narrows to the distance asked for", async () => {
    const res = await query<ObjectSimilarity>(
      "similarity.forObject",
      { id: again.objectId, maxDistance: 0 },
      analyst,
    );
    const exact = res.body.result!.data.images[0]!.matches;
    const hashes = await getImageHashes(h.deps.database.db, "object", [
      again.imageId,
      original.imageId,
    ]);
    const d = hammingDistance(hashes.get(again.imageId)!, hashes.get(original.imageId)!);
    expect(d).toBeGreaterThan(0);
    expect(exact.map((m) => m.imageId)).not.toContain(original.imageId);
  });

  it("gives each tip photo its distance to every image of the tip's object, and the matches elsewhere", async () => {
    const res = await query<TipSimilarity>("similarity.forTip", { id: tipId }, analyst);
    expect(res.status).toBe(200);
    const result = res.body.result!.data;
    expect(result.object).toEqual({ id: original.objectId, ref: "TOA-RM0001" });
    expect(result.photos).toHaveLength(1);
    const [photo] = result.photos;
    expect(photo!.photoId).toBe(tipPhotoId);
    expect(photo!.toObject).toEqual([
      expect.objectContaining({ imageId: original.imageId, position: 0 }),
    ]);
    expect(photo!.toObject[0]!.distance).toBeLessThanOrEqual(NEAR_DUPLICATE_MAX_DISTANCE);
    // The object's own image is listed above, not again; the same room elsewhere is found.
    expect(photo!.matches.map((m) => m.imageId)).toEqual([again.imageId]);
    expect(photo!.matches[0]).toMatchObject({ kind: "object", series: { code: "S-TEST-B" } });
  });

  it("answers a tip without photos with an empty list", async () => {
    const [plain] = await h.deps.database.db
      .insert(schema.tips)
      .values({
        confidence: "guess",
        language: "fr",
        receiptHash: createHash("sha256").update("no-photo").digest("hex"),
      })
      .returning();
    const res = await query<TipSimilarity>("similarity.forTip", { id: plain!.id }, analyst);
    expect(res.body.result!.data).toMatchObject({ object: null, photos: [] });
  });

  it("shows an image not yet hashed as waiting, with no matches", async () => {
    const { db } = h.deps.database;
    await db
      .delete(schema.imageHashes)
      .where(eq(schema.imageHashes.objectImageId, unrelated.imageId));
    const res = await query<ObjectSimilarity>(
      "similarity.forObject",
      { id: unrelated.objectId },
      analyst,
    );
    expect(res.body.result!.data.images).toEqual([
      expect.objectContaining({ imageId: unrelated.imageId, hash: null, matches: [] }),
    ]);
  });

  it("answers unknown records with 404 and bad input with 400", async () => {
    const missing = "00000000-0000-4000-8000-000000000000";
    const object = await query("similarity.forObject", { id: missing }, analyst);
    expect(object.status).toBe(404);
    expect(object.body.error!.data.appCode).toBe("staff_object_not_found");
    const tip = await query("similarity.forTip", { id: missing }, analyst);
    expect(tip.status).toBe(404);
    expect(tip.body.error!.data.appCode).toBe("tip_not_found");
    for (const input of [
      { id: "not-a-uuid" },
      { id: again.objectId, maxDistance: 16 },
      { id: again.objectId, maxDistance: -1 },
      { id: again.objectId, maxDistance: 2.5 },
    ]) {
      expect((await query("similarity.forObject", input, analyst)).status).toBe(400);
    }
  });

  it("refuses staff without the right to read objects or tips, and anonymous callers", async () => {
    for (const role of ["admin", "agency_liaison"] as const) {
      const cookie = await loginAs(h, role);
      const object = await query("similarity.forObject", { id: again.objectId }, cookie);
      expect(object.status).toBe(403);
      expect(object.body.error!.data.appCode).toBe("forbidden");
      expect((await query("similarity.forTip", { id: tipId }, cookie)).status).toBe(403);
    }
    const anonymous = await call(h.staffApp, "query", "similarity.forObject", {
      id: again.objectId,
    });
    expect(anonymous.status).toBe(401);
    // The public listener has no such procedure at all.
    expect(
      (await call(h.publicApp, "query", "similarity.forObject", { id: again.objectId })).status,
    ).toBe(404);
  });

  it("forgets an image's hash when the image is removed", async () => {
    const { db } = h.deps.database;
    await deleteObjectImage(db, again.objectId, again.closeUpId);
    const left = await db
      .select({ n: sql<number>`count(*)::int` })
      .from(schema.imageHashes)
      .where(eq(schema.imageHashes.objectImageId, again.closeUpId));
    expect(left[0]!.n).toBe(0);
  });

  it("finds duplicates for the upload pipeline, leaving the uploaded image out", async () => {
    const { db } = h.deps.database;
    const hash = (await getImageHashes(db, "object", [again.imageId])).get(again.imageId)!;
    const found = await findSimilarImages(db, hash, {
      maxDistance: NEAR_DUPLICATE_MAX_DISTANCE,
      excludeImageId: again.imageId,
    });
    expect(found.map((m) => m.imageId).sort()).toEqual([original.imageId, tipPhotoId].sort());
    const objectsOnly = await findSimilarImages(db, hash, {
      maxDistance: NEAR_DUPLICATE_MAX_DISTANCE,
      excludeImageId: again.imageId,
      objectsOnly: true,
    });
    expect(objectsOnly.map((m) => m.imageId)).toEqual([original.imageId]);
    expect(
      await findSimilarImages(db, hash, { maxDistance: NEAR_DUPLICATE_MAX_DISTANCE, limit: 1 }),
    ).toHaveLength(1);
  });
});

/** The demo data carries deliberate near-duplicates across series, so the panels show something. */
describe.each(engines)("similar images in the demo data [$name]", (engine) => {
  let database: Database;
  let mediaDir: string;

  beforeAll(async () => {
    database = await engine.open();
    mediaDir = await mkdtemp(join(tmpdir(), "trace-media-"));
    await seedDemoData(database, {
      media: createFsMediaStore(mediaDir),
      hashPassword: async (p) => `test-only:${p}`,
      hashReceipt: (code) => createHash("sha256").update(code).digest("hex"),
      encryptContact: (plain) => `test:${plain.length}`,
      encryptSecret: (plain) => `test:${plain.length}`,
      random: (n) => new Uint8Array(n).map(() => Math.floor(Math.random() * 256)),
      now: new Date("2026-05-01T10:00:00.000Z"),
      perceptualHash,
    });
  });
  afterAll(async () => {
    await engine.dispose();
    await rm(mediaDir, { recursive: true, force: true });
  });

  it.each([
    ["Church tower behind houses, seen from a window", "View of a church tower from a window"],
    ["Yellow lamp on a bedside table", "Table lamp with a yellow pleated shade"],
    ["Plush bear with a red bow", "Brown plush bear with a checked bow"],
  ])("finds %s near “%s”, in another series", async (draftTitle, originalTitle) => {
    const [draft] = await database.db
      .select({ id: schema.traceObjects.id, seriesId: schema.traceObjects.seriesId })
      .from(schema.traceObjects)
      .where(sql`${schema.traceObjects.title}->>'en' = ${draftTitle}`);
    const similarity = await loadObjectSimilarity(database.db, draft!.id, {
      maxDistance: SIMILAR_IMAGE_MAX_DISTANCE,
      includeTipPhotos: true,
    });
    const matches = similarity!.images[0]!.matches.filter((m) => m.kind === "object");
    expect(matches).toEqual([
      expect.objectContaining({
        kind: "object",
        object: expect.objectContaining({ title: originalTitle }),
      }),
    ]);
    const [match] = matches;
    expect(match!.kind === "object" && match!.series.id).not.toBe(draft!.seriesId);
    expect(match!.distance).toBeLessThanOrEqual(NEAR_DUPLICATE_MAX_DISTANCE);
  });

  it("finds no other pair of demo objects within the similar range", async () => {
    const images = await database.db
      .select({ id: schema.objectImages.id, objectId: schema.objectImages.objectId })
      .from(schema.objectImages)
      .innerJoin(schema.imageHashes, eq(schema.imageHashes.objectImageId, schema.objectImages.id));
    const hashes = await getImageHashes(
      database.db,
      "object",
      images.map((i) => i.id),
    );
    const objectOf = new Map(images.map((i) => [i.id, i.objectId]));
    const pairs = new Set<string>();
    for (const image of images) {
      for (const match of await findSimilarImages(database.db, hashes.get(image.id)!, {
        maxDistance: SIMILAR_IMAGE_MAX_DISTANCE,
        excludeObjectId: image.objectId,
        objectsOnly: true,
      })) {
        pairs.add([image.objectId, objectOf.get(match.imageId)].sort().join("|"));
      }
    }
    // Exactly the three deliberate pairs: the demo does not cry wolf.
    expect(pairs.size).toBe(3);
  });

  it("compares the tipsters' photos with the tip's object and with every object", async () => {
    const photos = await database.db
      .select({ tipId: schema.tipPhotos.tipId })
      .from(schema.tipPhotos)
      .orderBy(asc(schema.tipPhotos.createdAt));
    const views = await Promise.all(
      photos.map((p) =>
        loadTipSimilarity(database.db, p.tipId!, { maxDistance: SIMILAR_IMAGE_MAX_DISTANCE }),
      ),
    );
    const aboutObject = views.find((v) => v!.object !== null)!;
    const general = views.find((v) => v!.object === null)!;
    // The photo of the bag: near the object's first image, far from its close-ups.
    const [first, ...closeUps] = aboutObject.photos[0]!.toObject;
    expect(first!.distance).toBeLessThanOrEqual(NEAR_DUPLICATE_MAX_DISTANCE);
    expect(closeUps.length).toBeGreaterThan(0);
    for (const closeUp of closeUps)
      expect(closeUp.distance).toBeGreaterThan(SIMILAR_IMAGE_MAX_DISTANCE);
    // The general tip's view from a window: the same view in two series.
    const seriesCodes = general.photos[0]!.matches.map((m) =>
      m.kind === "object" ? m.series.code : null,
    );
    expect(new Set(seriesCodes)).toEqual(new Set(["S-0087-A", "S-0142-B"]));
  });
});
