import { readdir } from "node:fs/promises";
import { count, eq, like } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { schema } from "@trace/db";
import { createTestDatabases } from "@trace/db/testing";
import type {
  ImageUploadResult,
  PublicObject,
  StaffObject,
  TipDetail,
  TipPhotoUploadResult,
} from "@trace/domain";
import { createOutboxWorker } from "../jobs/outbox-worker";
import { call, createHarness, loginAs, type Harness } from "../test/harness";
import { runExpireTipPhotoUploads } from "./expire-tip-photos";
import { MAX_UNCLAIMED_TIP_PHOTOS } from "./tip-photos";
import { createImageProcessHandler, IMAGE_PROCESS_TOPIC } from "./process-image";
import {
  htmlWithPngInside,
  JPEG_MAGIC_THEN_HTML,
  jpegWithEverything,
  metadataFound,
  patternImage,
  pngBomb,
  SVG_SCRIPT,
  truncatedJpeg,
} from "./test-images";

const engines = await createTestDatabases();
const IMMUTABLE = "public, max-age=31536000, immutable";

describe.each(engines)("image pipeline over HTTP [$name]", (engine) => {
  let h: Harness;
  let analyst: string;
  let coordinator: string;
  let seriesId: string;

  const filesStored = async () =>
    (await readdir(h.mediaDir, { recursive: true, withFileTypes: true })).filter((e) => e.isFile())
      .length;
  const rows = async (
    table:
      | typeof schema.objectImages
      | typeof schema.outbox
      | typeof schema.tipPhotos
      | typeof schema.tips,
  ) => {
    const [row] = await h.deps.database.db.select({ n: count() }).from(table);
    return row!.n;
  };
  const snapshot = async () => ({
    files: await filesStored(),
    images: await rows(schema.objectImages),
    jobs: await rows(schema.outbox),
    photos: await rows(schema.tipPhotos),
    tips: await rows(schema.tips),
  });

  const upload = (objectId: string, bytes: Uint8Array, name = "photo.jpg", cookie = analyst) => {
    const form = new FormData();
    // The declared type and name lie on purpose: only the bytes count.
    form.set("image", new File([bytes as Uint8Array<ArrayBuffer>], name, { type: "image/jpeg" }));
    return h.staffApp.request(`http://localhost/staff-api/objects/${objectId}/images`, {
      method: "POST",
      headers: { Cookie: cookie },
      body: form,
    });
  };
  const uploadTipPhoto = (bytes: Uint8Array, name = "IMG_0001.jpg") => {
    const form = new FormData();
    form.set("photo", new File([bytes as Uint8Array<ArrayBuffer>], name, { type: "image/jpeg" }));
    return h.publicApp.request("http://localhost/public-api/tip-photos", {
      method: "POST",
      body: form,
    });
  };

  /** Runs queued image jobs through the real outbox worker until none is left. */
  const processImages = async () => {
    const worker = createOutboxWorker({
      database: h.deps.database,
      logger: h.deps.logger,
      handlers: { [IMAGE_PROCESS_TOPIC]: createImageProcessHandler(h.deps) },
      concurrency: 4,
      leaseMs: 60_000,
      maxAttempts: 3,
      backoff: { baseMs: 1_000, maxMs: 1_000 },
      pollIntervalMs: 1_000,
    });
    const outcomes = [];
    for (let round = await worker.runOnce(); round.length; round = await worker.runOnce()) {
      outcomes.push(...round);
    }
    return outcomes;
  };

  const newDraft = async (title: string) => {
    const res = await call<StaffObject>(
      h.staffApp,
      "mutation",
      "objects.create",
      { seriesId, category: "other", title: { en: title }, question: { en: `Where from?` } },
      { cookie: analyst },
    );
    expect(res.status).toBe(200);
    return res.body.result!.data;
  };
  const staffObject = async (id: string) =>
    (await call<StaffObject>(h.staffApp, "query", "objects.byId", { id }, { cookie: analyst })).body
      .result!.data;

  beforeAll(async () => {
    h = await createHarness(await engine.open());
    analyst = await loginAs(h, "analyst");
    coordinator = await loginAs(h, "coordinator");
    const [row] = await h.deps.database.db.select().from(schema.series);
    seriesId = row!.id;
  });
  afterAll(() => engine.dispose());

  describe("refusals", () => {
    const cases: [string, () => Promise<Uint8Array> | Uint8Array, number, string][] = [
      ["a 20,000 × 20,000 PNG bomb", () => pngBomb(20_000), 413, "image_too_many_pixels"],
      ["a truncated JPEG", truncatedJpeg, 400, "image_unreadable"],
      ["an SVG renamed .jpg", () => SVG_SCRIPT, 400, "unsupported_image"],
      ["an HTML page with a PNG inside", htmlWithPngInside, 400, "unsupported_image"],
      ["JPEG magic bytes, then HTML", () => JPEG_MAGIC_THEN_HTML, 400, "image_unreadable"],
      ["a zero-byte file", () => new Uint8Array(0), 400, "image_empty"],
      ["a 16 MB file", () => new Uint8Array(16 * 1024 * 1024).fill(0xff), 413, "image_too_large"],
    ];

    it.each(cases)(
      "%s: refused quickly with a clear message, nothing stored, the service still healthy",
      async (_name, make, status, appCode) => {
        const object = await newDraft("Refusals");
        const bytes = await make();
        const before = await snapshot();
        const started = performance.now();
        const res = await upload(object.id, bytes);
        const ms = performance.now() - started;
        expect(res.status).toBe(status);
        const body = (await res.json()) as { error: { appCode: string; message: string } };
        expect(body.error.appCode).toBe(appCode);
        expect(body.error.message.length).toBeGreaterThan(10);
        expect(ms).toBeLessThan(2_000);
        expect(await snapshot()).toEqual(before);

        // The same bytes from the public tip form: the same answer, nothing stored either.
        const tipRes = await uploadTipPhoto(bytes);
        expect(tipRes.status).toBe(status);
        expect(((await tipRes.json()) as { error: { appCode: string } }).error.appCode).toBe(
          appCode,
        );
        expect(await snapshot()).toEqual(before);

        expect((await h.staffApp.request("http://localhost/healthz")).status).toBe(200);
        const ok = await upload(object.id, await patternImage(64, 48, "png"));
        expect(ok.status).toBe(201);
      },
    );
  });

  describe("upload and background processing", () => {
    it("answers pending at once; the job makes metadata-free variants and marks the image ready", async () => {
      const object = await newDraft("Camera photo");
      const res = await upload(object.id, await jpegWithEverything(), "DSC_0042.JPG");
      expect(res.status).toBe(201);
      const body = (await res.json()) as ImageUploadResult;
      expect(body).toMatchObject({ status: "pending", width: 360, height: 480 });

      const [job] = await h.deps.database.db
        .select()
        .from(schema.outbox)
        .where(eq(schema.outbox.idempotencyKey, `image.process:object:${body.imageId}`));
      expect(job).toMatchObject({ topic: "image.process", processedAt: null });
      expect((await staffObject(object.id)).images[0]).toMatchObject({
        id: body.imageId,
        status: "pending",
        variants: [],
      });

      const outcomes = await processImages();
      expect(
        outcomes.filter((o) => o.topic === "image.process").every((o) => o.outcome === "done"),
      ).toBe(true);
      const image = (await staffObject(object.id)).images[0]!;
      expect(image.status).toBe("ready");
      expect(image.variants.map((v) => `${v.format}:${v.width}x${v.height}`)).toEqual([
        "avif:320x427",
        "avif:360x480",
        "webp:320x427",
        "webp:360x480",
        "jpeg:320x427",
        "jpeg:360x480",
      ]);
      const [hash] = await h.deps.database.db
        .select()
        .from(schema.imageHashes)
        .where(eq(schema.imageHashes.objectImageId, body.imageId));
      expect(hash).toBeDefined();

      const urls = [`/media/${body.imageId}`, ...image.variants.map((v) => v.url)];
      for (const url of urls) {
        const media = await h.staffApp.request(`http://localhost${url}`, {
          headers: { Cookie: analyst },
        });
        expect(media.status, url).toBe(200);
        expect(media.headers.get("Cache-Control")).toBe("private, no-store");
        const bytes = new Uint8Array(await media.arrayBuffer());
        expect(await metadataFound(bytes), url).toEqual([]);
      }
    });

    it("marks an image whose stored bytes do not decode as failed, without retrying", async () => {
      const object = await newDraft("Broken");
      const res = await upload(object.id, await patternImage(80, 60, "jpeg"));
      const { imageId } = (await res.json()) as ImageUploadResult;
      // Damage the stored original behind the pipeline's back.
      const key = await h.deps.media.put(new TextEncoder().encode("not an image at all"));
      await h.deps.database.db
        .update(schema.objectImages)
        .set({ storageKey: key })
        .where(eq(schema.objectImages.id, imageId));
      const outcomes = await processImages();
      expect(outcomes).toEqual([expect.objectContaining({ outcome: "done" })]);
      expect((await staffObject(object.id)).images[0]).toMatchObject({
        status: "failed",
        variants: [],
      });
    });

    it("a job for an image removed meanwhile does nothing", async () => {
      const object = await newDraft("Removed");
      const { imageId } = (await (
        await upload(object.id, await patternImage(80, 60, "png"))
      ).json()) as ImageUploadResult;
      const removed = await call(
        h.staffApp,
        "mutation",
        "objects.removeImage",
        { id: object.id, imageId },
        { cookie: analyst },
      );
      expect(removed.status).toBe(200);
      expect(await processImages()).toEqual([expect.objectContaining({ outcome: "done" })]);
      const variants = await h.deps.database.db
        .select()
        .from(schema.imageVariants)
        .where(eq(schema.imageVariants.objectImageId, imageId));
      expect(variants).toEqual([]);
    });
  });

  describe("delivery", () => {
    it("a draft's URLs are 404 publicly; published, 200 and immutable; withdrawn, 404 again", async () => {
      const object = await newDraft("Published later");
      const { imageId } = (await (
        await upload(object.id, await patternImage(900, 600, "jpeg"))
      ).json()) as ImageUploadResult;
      await processImages();
      const variants = (await staffObject(object.id)).images[0]!.variants;
      expect(variants).toHaveLength(9);
      const urls = [`/media/${imageId}`, ...variants.map((v) => v.url)];

      const publicStatuses = async () =>
        Promise.all(
          urls.map(async (url) => {
            const res = await h.publicApp.request(`http://localhost${url}`);
            return res.status;
          }),
        );
      for (const url of urls) {
        const res = await h.publicApp.request(`http://localhost${url}`);
        expect(res.status, url).toBe(404);
        expect(res.headers.get("Cache-Control")).toBe("no-store");
        const staff = await h.staffApp.request(`http://localhost${url}`, {
          headers: { Cookie: analyst },
        });
        expect(staff.status, url).toBe(200);
        // Without a session the staff listener serves nothing.
        expect((await h.staffApp.request(`http://localhost${url}`)).status).toBe(401);
      }

      const act = (path: string, input: unknown, cookie: string) =>
        call<StaffObject>(h.staffApp, "mutation", `objects.${path}`, input, { cookie });
      expect((await act("submit", { id: object.id }, analyst)).status).toBe(200);
      expect((await act("approve", { id: object.id }, coordinator)).status).toBe(200);

      for (const variant of variants) {
        const res = await h.publicApp.request(`http://localhost${variant.url}`);
        expect(res.status, variant.url).toBe(200);
        expect(res.headers.get("Cache-Control")).toBe(IMMUTABLE);
        expect(res.headers.get("Content-Type")).toBe(
          { avif: "image/avif", webp: "image/webp", jpeg: "image/jpeg" }[variant.format],
        );
        expect(res.headers.get("X-Content-Type-Options")).toBe("nosniff");
      }
      const page = await call<PublicObject>(h.publicApp, "query", "objects.byRef", {
        ref: object.ref,
      });
      expect(page.body.result!.data.images[0]!.variants).toEqual(variants);
      // The same hash under another image's id, or with another extension, is not a URL.
      const [first] = variants;
      const hash = first!.url.split("/").at(-1)!;
      expect(
        (
          await h.publicApp.request(
            `http://localhost/media/${h.fixtures.published.imageId}/${hash}`,
          )
        ).status,
      ).toBe(404);
      expect(
        (await h.publicApp.request(`http://localhost${first!.url.replace(/\.\w+$/, ".svg")}`))
          .status,
      ).toBe(404);

      const withdrawn = await act(
        "withdraw",
        { id: object.id, reason: "Test withdrawal" },
        coordinator,
      );
      expect(withdrawn.status).toBe(200);
      expect(await publicStatuses()).toEqual(urls.map(() => 404));
    });
  });

  describe("tipster photos", () => {
    const submitTip = (photoTokens: string[]) =>
      call<{ receiptCode: string }>(h.publicApp, "mutation", "tips.submit", {
        objectRef: h.fixtures.published.ref,
        answer: { confidence: "think_so", country: "BE" },
        text: "Seen in a shop",
        language: "en",
        photoTokens,
      });
    const uploadToken = async (bytes?: Uint8Array) => {
      const res = await uploadTipPhoto(bytes ?? (await jpegWithEverything()));
      expect(res.status).toBe(201);
      expect(res.headers.get("Set-Cookie")).toBeNull();
      return ((await res.json()) as TipPhotoUploadResult).token;
    };

    it("uploads first, ties to the tip in its transaction, and is processed and shown to staff only", async () => {
      const jobsBefore = await rows(schema.outbox);
      const token = await uploadToken();
      expect(token).toMatch(/^[A-Za-z0-9_-]{22}$/);
      // The route exists on the public listener only.
      const onStaff = await h.staffApp.request("http://localhost/public-api/tip-photos", {
        method: "POST",
        body: new FormData(),
      });
      expect(onStaff.status).toBe(404);
      const photos = () => h.deps.database.db.select().from(schema.tipPhotos);
      const pending = (await photos()).filter((p) => p.tipId === null);
      expect(pending).toHaveLength(1);
      expect(pending[0]!.expiresAt!.getTime()).toBe(h.clock.now.getTime() + 2 * 60 * 60 * 1000);
      // Processing waits for a tip to claim the photo: an abandoned upload costs no more work.
      expect(await rows(schema.outbox)).toBe(jobsBefore);
      const tipsBefore = await rows(schema.tips);

      const sent = await submitTip([token]);
      expect(sent.status).toBe(200);
      expect(await rows(schema.tips)).toBe(tipsBefore + 1);
      const claimed = (await photos()).find((p) => p.id === pending[0]!.id)!;
      expect(claimed).toMatchObject({
        position: 0,
        tokenHash: null,
        expiresAt: null,
        status: "pending",
      });
      expect(claimed.tipId).not.toBeNull();

      await processImages();
      const detail = await call<TipDetail>(
        h.staffApp,
        "query",
        "tips.byId",
        { id: claimed.tipId },
        { cookie: analyst },
      );
      expect(detail.status).toBe(200);
      const [shown] = detail.body.result!.data.photos;
      expect(shown).toMatchObject({ id: claimed.id, status: "ready", width: 360, height: 480 });
      expect(shown!.variants).toHaveLength(6);

      const admin = await loginAs(h, "admin");
      for (const url of [`/media/${claimed.id}`, ...shown!.variants.map((v) => v.url)]) {
        const asAnalyst = await h.staffApp.request(`http://localhost${url}`, {
          headers: { Cookie: analyst },
        });
        expect(asAnalyst.status, url).toBe(200);
        expect(await metadataFound(new Uint8Array(await asAnalyst.arrayBuffer())), url).toEqual([]);
        // Admins do not read tips; the public never sees a tipster's photo.
        expect(
          (await h.staffApp.request(`http://localhost${url}`, { headers: { Cookie: admin } }))
            .status,
        ).toBe(404);
        expect((await h.publicApp.request(`http://localhost${url}`)).status).toBe(404);
      }

      // A token works once: the second tip is refused whole.
      const again = await submitTip([token]);
      expect(again.status).toBe(400);
      expect(again.body.error!.data.appCode).toBe("tip_photo_invalid");
      expect(await rows(schema.tips)).toBe(tipsBefore + 1);
    });

    it("refuses a tip naming an expired or unknown upload, and keeps nothing of it", async () => {
      // Bytes of its own: bytes another row also names are kept.
      const good = await uploadToken(await patternImage(67, 41, "png"));
      const tipsBefore = await rows(schema.tips);
      const unknown = await submitTip([good, "AAAAAAAAAAAAAAAAAAAAAA"]);
      expect(unknown.status).toBe(400);
      expect(unknown.body.error!.data.appCode).toBe("tip_photo_invalid");
      expect(await rows(schema.tips)).toBe(tipsBefore);

      // Two hours later the upload has expired: refused, then swept with its bytes.
      const saved = h.clock.now;
      h.clock.now = new Date(saved.getTime() + 2 * 60 * 60 * 1000 + 1);
      try {
        const late = await submitTip([good]);
        expect(late.body.error!.data.appCode).toBe("tip_photo_invalid");
        const filesBefore = await filesStored();
        expect(await runExpireTipPhotoUploads(h.deps)).toBeGreaterThanOrEqual(1);
        const unclaimed = (await h.deps.database.db.select().from(schema.tipPhotos)).filter(
          (p) => p.tipId === null,
        );
        expect(unclaimed).toEqual([]);
        expect(await filesStored()).toBeLessThan(filesBefore);
      } finally {
        h.clock.now = saved;
      }
      expect(await rows(schema.tips)).toBe(tipsBefore);
    });

    it("refuses new photos (not tips) while too many uploads wait for their tip", async () => {
      const now = h.clock.now;
      const waiting = Array.from({ length: MAX_UNCLAIMED_TIP_PHOTOS }, (_, i) => ({
        tokenHash: `flood-${i}`,
        expiresAt: new Date(now.getTime() + 60_000),
        storageKey: "0".repeat(64),
        mediaType: "image/png",
        width: 1,
        height: 1,
      }));
      await h.deps.database.db.insert(schema.tipPhotos).values(waiting);
      try {
        const before = await snapshot();
        const res = await uploadTipPhoto(await patternImage(50, 40, "png"));
        expect(res.status).toBe(503);
        expect(res.headers.get("Retry-After")).toBe("30");
        expect(((await res.json()) as { error: { appCode: string } }).error.appCode).toBe(
          "image_busy",
        );
        expect(await snapshot()).toEqual(before);
        expect((await submitTip([])).status).toBe(200);
      } finally {
        await h.deps.database.db
          .delete(schema.tipPhotos)
          .where(like(schema.tipPhotos.tokenHash, "flood-%"));
      }
    });

    it("takes at most three photos per tip", async () => {
      const tokens = await Promise.all(
        [1, 2, 3, 4].map(async (i) => uploadToken(await patternImage(40 + i, 30, "png"))),
      );
      const tipsBefore = await rows(schema.tips);
      const res = await submitTip(tokens);
      expect(res.status).toBe(400);
      expect(await rows(schema.tips)).toBe(tipsBefore);
      const ok = await submitTip(tokens.slice(0, 3));
      expect(ok.status).toBe(200);
    });
  });
});
