import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { findOutboxJob, schema, type ClaimedOutboxJob } from "@trace/db";
import { seedDemoData } from "@trace/db/seed";
import { createTestDatabases } from "@trace/db/testing";
import type { PublicObjectSummary } from "@trace/domain";
import { createLogger } from "../logger";
import { cryptoRandom, encryptContact, encryptSecret, hashReceipt } from "../services/secrets";
import { call, createHarness, type Harness } from "../test/harness";
import { perceptualHash } from "./perceptual-hash";
import { createImageProcessHandler, IMAGE_PROCESS_TOPIC } from "./process-image";

const engines = await createTestDatabases();

describe.each(engines)("demo images go through the pipeline [$name]", (engine) => {
  let h: Harness;

  /** Runs the queued `image.process` job of one image, as the worker would, and commits it. */
  const processImage = async (imageId: string) => {
    const stored = await findOutboxJob(h.deps.database.db, `image.process:object:${imageId}`);
    expect(stored?.topic).toBe(IMAGE_PROCESS_TOPIC);
    const job: ClaimedOutboxJob = {
      id: stored!.id,
      topic: stored!.topic,
      idempotencyKey: stored!.idempotencyKey,
      payload: stored!.payload as Record<string, unknown>,
      attempts: 1,
      lockedUntil: new Date(Date.now() + 60_000),
      createdAt: stored!.createdAt,
    };
    const completion = await createImageProcessHandler(h.deps)(job, {
      signal: new AbortController().signal,
      now: () => new Date(),
      logger: createLogger("silent"),
    });
    if (completion) await h.deps.database.db.transaction((tx) => completion(tx, new Date()));
  };

  beforeAll(async () => {
    h = await createHarness(await engine.open(), { withFixtures: false });
    const seeded = await seedDemoData(h.deps.database, {
      media: h.deps.media,
      // Argon2 would add seconds for nothing this test checks.
      hashPassword: async (password) => `test-only:${password}`,
      hashReceipt: (code) => hashReceipt(h.deps.receiptHashKey, code),
      encryptContact: (plain) => encryptContact(h.deps.contactEncryptionKey, plain),
      encryptSecret: (plain) => encryptSecret(h.deps.totpEncryptionKey, plain),
      random: cryptoRandom,
      now: new Date(),
      perceptualHash,
    });
    expect(seeded.seeded).toBe(true);
  });
  afterAll(() => engine.dispose());

  it("serves the gallery's covers as AVIF, WebP and JPEG once their jobs ran", async () => {
    const list = async () =>
      (
        await call<{ items: PublicObjectSummary[] }>(h.publicApp, "query", "objects.list", {
          limit: 4,
        })
      ).body.result!.data.items;
    const before = await list();
    expect(before.length).toBe(4);
    // Queued by the seed like any upload: the originals are served until the variants exist.
    for (const item of before) expect(item.cover!.variants).toEqual([]);

    for (const item of before) await processImage(item.cover!.id);

    for (const item of await list()) {
      const cover = item.cover!;
      expect(new Set(cover.variants.map((v) => v.format))).toEqual(
        new Set(["avif", "webp", "jpeg"]),
      );
      expect(Math.max(...cover.variants.map((v) => v.width))).toBe(cover.width);
      const avif = cover.variants.find((v) => v.format === "avif")!;
      const res = await h.publicApp.request(`http://localhost${avif.url}`);
      expect(res.status).toBe(200);
      expect(res.headers.get("Content-Type")).toBe("image/avif");
      expect(res.headers.get("Cache-Control")).toBe("public, max-age=31536000, immutable");
      const [row] = await h.deps.database.db
        .select({ status: schema.objectImages.status })
        .from(schema.objectImages)
        .where(eq(schema.objectImages.id, cover.id));
      expect(row!.status).toBe("ready");
    }
  });
});
