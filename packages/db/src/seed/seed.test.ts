import { createHash, createHmac, randomBytes } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { count, eq } from "drizzle-orm";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  AgencyCodeSchema,
  initialTipPriority,
  LocalizedTextSchema,
  OBJECT_CATEGORIES,
  publicTipStatus,
  ReceiptCodeSchema,
  TRIAGE_STATUSES,
} from "@trace/domain";
import type { Database } from "../client";
import { createFsMediaStore, type MediaStore } from "../media-store";
import { verifyAuditChain } from "../queries/audit";
import { bigintToHash } from "../queries/similarity";
import { findStaffCredentials } from "../queries/staff";
import { getStatsSummary } from "../queries/stats";
import { getTipStatusByReceiptHash } from "../queries/tips";
import * as schema from "../schema";
import { createTestDatabases } from "../testing";
import { DEMO_AGENCIES, DEMO_OBJECTS } from "./demo-data";
import { MAX_IMAGE_BYTES } from "./images";
import { DEMO_ACCOUNTS, DEMO_RECEIPT_CODE, seedDemoData, type SeedDeps } from "./index";

const NOW = new Date("2026-03-02T10:00:00Z");
const RECEIPT_KEY = "test-receipt-key";
const hashReceipt = (code: string) => createHmac("sha256", RECEIPT_KEY).update(code).digest("hex");

function testDeps(media: MediaStore): SeedDeps {
  return {
    media,
    // The API hashes passwords with argon2. The seed only stores what it is handed, and a real
    // KDF would add seconds per run for nothing this test checks.
    hashPassword: async (password) => `test-only:${password}`,
    hashReceipt,
    encryptContact: (plain) => `test-cipher:${Buffer.from(plain).toString("base64")}`,
    encryptSecret: (plain) => `test-cipher:${Buffer.from(plain).toString("base64")}`,
    random: (n) => new Uint8Array(randomBytes(n)),
    now: NOW,
    // The perceptual hash lives in the API; here any 64-bit digest of the bytes will do.
    perceptualHash: async (bytes) => createHash("sha256").update(bytes).digest("hex").slice(0, 16),
  };
}

const TABLES = {
  agencies: schema.agencies,
  staffUsers: schema.staffUsers,
  cases: schema.cases,
  series: schema.series,
  objects: schema.traceObjects,
  objectImages: schema.objectImages,
  imageHashes: schema.imageHashes,
  tipPhotos: schema.tipPhotos,
  tips: schema.tips,
  tipEvents: schema.tipEvents,
  messages: schema.messages,
  routingRules: schema.routingRules,
  referrals: schema.referrals,
  auditEvents: schema.auditEvents,
};

async function countRows(database: Database): Promise<Record<string, number>> {
  const entries = await Promise.all(
    Object.entries(TABLES).map(async ([name, table]) => {
      const [row] = await database.db.select({ n: count() }).from(table);
      return [name, row?.n ?? 0] as const;
    }),
  );
  return Object.fromEntries(entries);
}

describe("demo data", () => {
  it("uses valid agency codes and localized texts", () => {
    for (const agency of DEMO_AGENCIES)
      expect(AgencyCodeSchema.safeParse(agency.code).success).toBe(true);
    for (const object of DEMO_OBJECTS) {
      const texts = [
        object.title,
        object.question,
        object.regionHint,
        ...object.images.map((i) => i.alt),
      ];
      for (const text of texts.filter((t) => t !== undefined)) {
        expect(LocalizedTextSchema.safeParse(text).success, object.key).toBe(true);
      }
      expect(object.images.length).toBeGreaterThanOrEqual(1);
      expect(object.images.length).toBeLessThanOrEqual(3);
    }
  });

  it("has a demo receipt code that survives the normalisation applied to what people type", () => {
    expect(ReceiptCodeSchema.parse(DEMO_RECEIPT_CODE)).toBe(DEMO_RECEIPT_CODE);
    expect(ReceiptCodeSchema.parse("demo trac e000 0000 0001")).toBe(DEMO_RECEIPT_CODE);
  });

  it("translates at least a third of the objects", () => {
    const translated = DEMO_OBJECTS.filter(
      (o) => o.title.fr && o.title.de && o.title.nl && o.title.es,
    );
    expect(translated.length * 3).toBeGreaterThanOrEqual(DEMO_OBJECTS.length);
  });
});

describe.each(await createTestDatabases())("demo seed on $name", (engine) => {
  let database: Database;
  let mediaDir: string;
  let media: MediaStore;
  let firstCounts: Record<string, number>;

  beforeAll(async () => {
    database = await engine.open();
    mediaDir = await mkdtemp(join(tmpdir(), "trace-media-"));
    media = createFsMediaStore(mediaDir);
    const started = performance.now();
    const result = await seedDemoData(database, testDeps(media));
    console.warn(`[${engine.name}] demo seed took ${Math.round(performance.now() - started)} ms`);
    expect(result.seeded).toBe(true);
    firstCounts = await countRows(database);
    expect(result.counts).toMatchObject(firstCounts);
  });

  afterAll(async () => {
    await engine.dispose();
    if (mediaDir) await rm(mediaDir, { recursive: true, force: true });
  });

  it("does nothing on a second run", async () => {
    const second = await seedDemoData(database, testDeps(media));
    expect(second).toEqual({ seeded: false, counts: {} });
    expect(await countRows(database)).toEqual(firstCounts);
  });

  it("has the taskforce agencies, four cases and eight series", async () => {
    expect(firstCounts.agencies).toBe(21);
    expect(firstCounts.cases).toBe(4);
    expect(firstCounts.series).toBe(8);
    const [interpol] = await database.db
      .select()
      .from(schema.agencies)
      .where(eq(schema.agencies.code, "INTERPOL"));
    expect(interpol).toMatchObject({ country: null, deliveryChannel: "portal", webhookUrl: null });
  });

  it("has at least 30 objects covering every category, in every lifecycle stage but withdrawn", async () => {
    const objects = await database.db.select().from(schema.traceObjects);
    expect(objects.length).toBeGreaterThanOrEqual(30);
    for (const category of OBJECT_CATEGORIES) {
      expect(
        objects.filter((o) => o.category === category).length,
        category,
      ).toBeGreaterThanOrEqual(2);
    }
    const byStatus = (status: string) => objects.filter((o) => o.status === status).length;
    expect([
      byStatus("draft"),
      byStatus("in_review"),
      byStatus("approved"),
      byStatus("origin_found"),
    ]).toEqual([5, 2, 1, 3]);
    for (const object of objects) {
      expect(object.publishedAt !== null).toBe(
        object.status === "published" || object.status === "origin_found",
      );
      if (object.approvedById !== null) expect(object.approvedById).not.toBe(object.authorId);
    }
  });

  it("has at least 200 tips in 5+ languages and every triage status, consistent with the domain rules", async () => {
    const tips = await database.db.select().from(schema.tips);
    const objects = new Map(
      (await database.db.select().from(schema.traceObjects)).map((o) => [o.id, o]),
    );
    const tipsById = new Map(tips.map((t) => [t.id, t]));
    expect(tips.length).toBeGreaterThanOrEqual(200);
    expect(new Set(tips.map((t) => t.language)).size).toBeGreaterThanOrEqual(5);
    expect(new Set(tips.map((t) => t.triageStatus))).toEqual(new Set(TRIAGE_STATUSES));
    expect(tips.some((t) => t.objectId === null)).toBe(true);
    expect(tips.some((t) => t.contactCiphertext?.startsWith("test-cipher:"))).toBe(true);
    for (const tip of tips) {
      expect(tip.publicStatus).toBe(publicTipStatus(tip.triageStatus));
      expect(tip.receivedAt.getTime()).toBeLessThan(NOW.getTime());
      if (tip.triageStatus === "urgent_safeguarding" || tip.concernsOtherAbuse)
        expect(tip.priority).toBe("urgent");
      else expect(tip.priority).toBe(initialTipPriority(false));
      if (tip.objectId) {
        const object = objects.get(tip.objectId)!;
        expect(["published", "origin_found"]).toContain(object.status);
        expect(tip.receivedAt.getTime()).toBeGreaterThan(object.publishedAt!.getTime());
      }
      expect(tip.duplicateOfId !== null).toBe(tip.triageStatus === "duplicate");
      if (tip.duplicateOfId) {
        const original = tipsById.get(tip.duplicateOfId)!;
        expect(original.objectId).toBe(tip.objectId);
        expect(original.receivedAt.getTime()).toBeLessThan(tip.receivedAt.getTime());
      }
    }
  });

  it("records triage history by the analyst after the first event", async () => {
    const events = await database.db.select().from(schema.tipEvents);
    const tips = await database.db.select().from(schema.tips);
    const triaged = tips.filter((t) => t.triageStatus !== "new");
    expect(events.filter((e) => e.actorId === null)).toHaveLength(tips.length);
    expect(events.length).toBeGreaterThanOrEqual(tips.length + triaged.length);
    const analyst = await findStaffCredentials(database.db, "analyst@trace.example");
    expect(new Set(events.filter((e) => e.actorId !== null).map((e) => e.actorId))).toEqual(
      new Set([analyst!.user.id]),
    );
  });

  it("stores every object image, decodable at its recorded size and small", async () => {
    const images = await database.db.select().from(schema.objectImages);
    expect(images.length).toBeGreaterThanOrEqual(firstCounts.objects!);
    for (const image of images) {
      const bytes = await media.get(image.storageKey);
      expect(bytes, image.storageKey).not.toBeNull();
      expect(bytes!.length).toBeLessThanOrEqual(MAX_IMAGE_BYTES);
      const meta = await sharp(bytes!).metadata();
      expect({ format: meta.format, width: meta.width, height: meta.height }).toEqual({
        format: "jpeg",
        width: image.width,
        height: image.height,
      });
      expect(image.mediaType).toBe("image/jpeg");
      expect(meta.exif).toBeUndefined();
    }
  });

  it("queues every object image and tipster photo for the image pipeline, like an upload", async () => {
    const images = await database.db
      .select({ id: schema.objectImages.id, status: schema.objectImages.status })
      .from(schema.objectImages);
    const photos = await database.db
      .select({ id: schema.tipPhotos.id, status: schema.tipPhotos.status })
      .from(schema.tipPhotos);
    expect([...images, ...photos].every((i) => i.status === "pending")).toBe(true);
    const jobs = await database.db
      .select({ key: schema.outbox.idempotencyKey, payload: schema.outbox.payload })
      .from(schema.outbox)
      .where(eq(schema.outbox.topic, "image.process"));
    expect(jobs.map((j) => j.key).sort()).toEqual(
      [
        ...images.map((i) => `image.process:object:${i.id}`),
        ...photos.map((p) => `image.process:tip:${p.id}`),
      ].sort(),
    );
  });

  it("attaches the tipsters' photos to the demo tip and to a general tip", async () => {
    const photos = await database.db
      .select({ tipId: schema.tipPhotos.tipId, objectId: schema.tips.objectId })
      .from(schema.tipPhotos)
      .innerJoin(schema.tips, eq(schema.tips.id, schema.tipPhotos.tipId));
    expect(photos).toHaveLength(2);
    const [demoTip] = await database.db
      .select({ id: schema.tips.id })
      .from(schema.tips)
      .where(eq(schema.tips.receiptHash, hashReceipt(DEMO_RECEIPT_CODE)));
    expect(photos.map((p) => p.tipId)).toContain(demoTip!.id);
    expect(photos.some((p) => p.objectId === null)).toBe(true);
  });

  it("indexes the perceptual hash of every object image and tipster photo", async () => {
    expect(firstCounts.imageHashes).toBe(firstCounts.objectImages! + firstCounts.tipPhotos!);
    const rows = await database.db
      .select({ storageKey: schema.objectImages.storageKey, hash: schema.imageHashes.hash })
      .from(schema.objectImages)
      .innerJoin(schema.imageHashes, eq(schema.imageHashes.objectImageId, schema.objectImages.id));
    expect(rows).toHaveLength(firstCounts.objectImages!);
    for (const row of rows) {
      const bytes = (await media.get(row.storageKey))!;
      const expected = createHash("sha256").update(bytes).digest("hex").slice(0, 16);
      expect(bigintToHash(row.hash)).toBe(expected);
    }
  });

  it("opens the fixed demo tip with its receipt code, with a staff question waiting", async () => {
    const view = await getTipStatusByReceiptHash(database.db, hashReceipt(DEMO_RECEIPT_CODE));
    expect(view).toMatchObject({
      status: "under_review",
      objectRef: expect.stringMatching(/^TOA-/),
    });
    expect(view!.messages.map((m) => m.author)).toEqual(["staff"]);
  });

  it("creates one account per role, with its password hashed by the given function", async () => {
    for (const account of DEMO_ACCOUNTS) {
      expect(account.password.length).toBeGreaterThanOrEqual(12);
      const found = await findStaffCredentials(database.db, account.email);
      expect(found?.user.role).toBe(account.role);
      expect(found?.passwordHash).toBe(`test-only:${account.password}`);
      expect(found?.user.agencyId !== null).toBe(account.agencyCode !== null);
    }
  });

  it("has routing rules and refers every routed tip, at every step of the referral lifecycle", async () => {
    const rules = await database.db.select().from(schema.routingRules);
    expect(rules.some((r) => !r.isEnabled)).toBe(true);
    const referred = await database.db
      .selectDistinct({ tipId: schema.referralTips.tipId })
      .from(schema.referralTips);
    const routed = await database.db
      .select({ id: schema.tips.id })
      .from(schema.tips)
      .where(eq(schema.tips.triageStatus, "routed"));
    expect(new Set(referred.map((r) => r.tipId))).toEqual(new Set(routed.map((t) => t.id)));
    const referrals = await database.db.select().from(schema.referrals);
    expect(new Set(referrals.map((r) => r.status))).toEqual(
      new Set(["pending", "delivered", "acknowledged", "disposed"]),
    );
    // Pending referrals wait for the worker: each has its delivery job.
    const jobs = await database.db
      .select({ key: schema.outbox.idempotencyKey })
      .from(schema.outbox)
      .where(eq(schema.outbox.topic, "referral.deliver"));
    expect(new Set(jobs.map((j) => j.key))).toEqual(
      new Set(referrals.filter((r) => r.status === "pending").map((r) => r.idempotencyKey)),
    );
    // The Belgian demo liaison has delivered referrals to look at.
    const [be] = await database.db
      .select({ id: schema.agencies.id })
      .from(schema.agencies)
      .where(eq(schema.agencies.code, "BE-FEDPOL"));
    expect(
      referrals.filter((r) => r.agencyId === be!.id && r.status !== "pending").length,
    ).toBeGreaterThan(0);
  });

  it("writes an intact audit chain with one tip.submitted per tip and public stats above zero", async () => {
    expect((await verifyAuditChain(database.db)).brokenAt).toBeNull();
    const submitted = await database.db
      .select({ n: count() })
      .from(schema.auditEvents)
      .where(eq(schema.auditEvents.action, "tip.submitted"));
    expect(submitted[0]?.n).toBe(firstCounts.tips);
    const stats = await getStatsSummary(database.db);
    for (const value of Object.values(stats)) expect(value).toBeGreaterThan(0);
  });
});
