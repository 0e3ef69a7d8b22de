import { stat } from "node:fs/promises";
import { join } from "node:path";
import { count, eq, inArray } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  listAuditEvents,
  schema,
  verifyAuditChain,
  type Executor,
  type MediaStore,
} from "@trace/db";
import { createTestDatabases } from "@trace/db/testing";
import { DEFAULT_RETENTION_POLICY, type TipDetail, type TipPhotoUploadResult } from "@trace/domain";
import { createImageProcessHandler, IMAGE_PROCESS_TOPIC } from "./images/process-image";
import { patternImage } from "./images/test-images";
import { createOutboxWorker } from "./jobs/outbox-worker";
import { runRetentionBatch, runRetentionSweep, startRetentionSweep } from "./jobs/retention-sweep";
import { call, createHarness, loginAs, type Harness } from "./test/harness";

const engines = await createTestDatabases();

const DAY = 24 * 60 * 60 * 1000;
const policy = DEFAULT_RETENTION_POLICY;
/** Planted in tips: none of it may reach the audit trail or the logs. */
const MARKER = "RETENTION-MARKER";

describe.each(engines)("retention sweep [$name]", (engine) => {
  let h: Harness;
  let db: Executor;
  let analyst: string;
  /** Each photo gets pixels of its own (a new size), unless a test shares bytes on purpose. */
  let nextPhotoWidth = 40;

  beforeAll(async () => {
    h = await createHarness(await engine.open());
    db = h.deps.database.db;
  });
  afterAll(() => engine.dispose());

  /** Starts a test later than everything before it, with a fresh session at that time. */
  async function startAt(after: Date = h.clock.now) {
    h.clock.now = new Date(after.getTime() + DAY);
    analyst = await loginAs(h, "analyst");
    return h.clock.now;
  }
  const at = (from: Date, days: number, ms = 0) => new Date(from.getTime() + days * DAY + ms);
  const tick = () => (h.clock.now = new Date(h.clock.now.getTime() + 60_000));

  const staff = <T>(kind: "query" | "mutation", path: string, input?: unknown) =>
    call<T>(h.staffApp, kind, path, input, { cookie: analyst });

  async function uploadPhoto(bytes?: Buffer): Promise<string> {
    const form = new FormData();
    const image = bytes ?? (await patternImage(nextPhotoWidth++, 36, "png"));
    form.set("photo", new File([image as Uint8Array<ArrayBuffer>], "photo.png"));
    const res = await h.publicApp.request("http://localhost/public-api/tip-photos", {
      method: "POST",
      body: form,
    });
    expect(res.status).toBe(201);
    return ((await res.json()) as TipPhotoUploadResult).token;
  }

  async function submit(
    text: string,
    { contact, photo }: { contact?: string; photo?: Buffer | true } = {},
  ): Promise<{ id: string; code: string }> {
    const photoTokens = photo ? [await uploadPhoto(photo === true ? undefined : photo)] : [];
    const res = await call<{ receiptCode: string }>(h.publicApp, "mutation", "tips.submit", {
      objectRef: h.fixtures.published.ref,
      answer: { confidence: "think_so", country: "BE", placeOrShop: `${MARKER} shop` },
      text,
      language: "en",
      ...(contact ? { contact } : {}),
      photoTokens,
    });
    expect(res.status).toBe(200);
    const [row] = await db
      .select({ id: schema.tips.id })
      .from(schema.tips)
      .where(eq(schema.tips.text, text));
    tick();
    return { id: row!.id, code: res.body.result!.data.receiptCode };
  }

  async function triage(id: string, outcome: string, extra: Record<string, unknown> = {}) {
    const res = await staff("mutation", "tips.triage", { id, outcome, ...extra });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const when = h.clock.now;
    tick();
    return when;
  }

  /** Runs queued image jobs through the real outbox worker: variants and perceptual hashes. */
  async function processImages() {
    const worker = createOutboxWorker({
      database: h.deps.database,
      logger: h.deps.logger,
      handlers: { [IMAGE_PROCESS_TOPIC]: createImageProcessHandler(h.deps) },
      concurrency: 2,
      leaseMs: 60_000,
      maxAttempts: 3,
      backoff: { baseMs: 1_000, maxMs: 1_000 },
      pollIntervalMs: 1_000,
    });
    while ((await worker.runOnce()).length) {
      // until the queue is empty
    }
  }

  /** What a tip holds that retention is about: its contact, photos and their derived rows. */
  async function personalData(tipId: string) {
    const [tip] = await db
      .select({ contact: schema.tips.contactCiphertext })
      .from(schema.tips)
      .where(eq(schema.tips.id, tipId));
    const photos = await db
      .select()
      .from(schema.tipPhotos)
      .where(eq(schema.tipPhotos.tipId, tipId));
    const photoIds = photos.map((p) => p.id);
    const variants = photoIds.length
      ? await db
          .select()
          .from(schema.imageVariants)
          .where(inArray(schema.imageVariants.tipPhotoId, photoIds))
      : [];
    const hashes = photoIds.length
      ? await db
          .select()
          .from(schema.imageHashes)
          .where(inArray(schema.imageHashes.tipPhotoId, photoIds))
      : [];
    return {
      exists: tip !== undefined,
      hasContact: Boolean(tip?.contact),
      photoIds,
      variants: variants.length,
      hashes: hashes.length,
      keys: [...photos.map((p) => p.storageKey), ...variants.map((v) => v.storageKey)],
    };
  }

  const fileExists = (key: string) =>
    stat(join(h.mediaDir, key.slice(0, 2), key)).then(
      () => true,
      () => false,
    );
  const filesExisting = async (keys: string[]) =>
    (await Promise.all(keys.map(fileExists))).filter(Boolean).length;

  async function rowsOf(tipId: string) {
    const n = async (table: typeof schema.tipEvents | typeof schema.messages) => {
      const [row] = await db.select({ n: count() }).from(table).where(eq(table.tipId, tipId));
      return row!.n;
    };
    return { events: await n(schema.tipEvents), messages: await n(schema.messages) };
  }

  /** The sweep with the default policy, at a given time. */
  async function sweepAt(time: Date, deps = h.deps) {
    h.clock.now = time;
    return runRetentionSweep(deps, policy);
  }

  const retentionAudit = async () =>
    (await listAuditEvents(db)).filter((e) => e.action.startsWith("retention."));

  it("erases a closed tip's contact and photos at day 90, not at day 89, and keeps the rest", async () => {
    await startAt();
    const closed = await submit(`${MARKER} closed tip`, {
      contact: `${MARKER} closed@example.net`,
      photo: true,
    });
    const open = await submit(`${MARKER} open tip`, {
      contact: `${MARKER} open@example.net`,
      photo: true,
    });
    // The same bytes on an open tip and on a closed one: content-addressed, one stored copy.
    const shared = await patternImage(nextPhotoWidth++, 36, "png");
    const openTwin = await submit(`${MARKER} open twin`, { photo: shared });
    const closedTwin = await submit(`${MARKER} closed twin`, { photo: shared });
    expect(
      (await staff("mutation", "tips.sendMessage", { tipId: closed.id, body: "Which shop?" }))
        .status,
    ).toBe(200);
    await processImages();

    const before = await personalData(closed.id);
    expect(before).toMatchObject({ hasContact: true, variants: 3, hashes: 1 });
    expect(before.photoIds).toHaveLength(1);
    expect(await filesExisting(before.keys)).toBe(before.keys.length);
    const closedAt = await triage(closed.id, "not_useful");
    const twinClosedAt = await triage(closedTwin.id, "duplicate", { duplicateOfId: openTwin.id });
    // Taking a closed tip on touches it but does not reopen it: its clock keeps running.
    expect((await staff("mutation", "tips.assign", { id: closed.id })).status).toBe(200);
    const rowsBefore = await rowsOf(closed.id);
    const openBefore = await personalData(open.id);
    const twinBefore = await personalData(openTwin.id);

    // Day 89: nothing happens.
    const early = await sweepAt(at(closedAt, 89));
    expect(early).toMatchObject({ erased: 0, deleted: 0 });
    expect(await personalData(closed.id)).toEqual(before);
    expect(await filesExisting(before.keys)).toBe(before.keys.length);

    // Day 90: contact and photos go, with their variants, hashes and stored files.
    const due = await sweepAt(at(closedAt, 90));
    expect(due).toMatchObject({ erased: 1, deleted: 0, photos: 1, filesFailed: 0 });
    expect(due.filesDeleted).toBe(before.keys.length);
    expect(await personalData(closed.id)).toEqual({
      exists: true,
      hasContact: false,
      photoIds: [],
      variants: 0,
      hashes: 0,
      keys: [],
    });
    const orphans = await db
      .select({ n: count() })
      .from(schema.imageVariants)
      .where(inArray(schema.imageVariants.tipPhotoId, before.photoIds));
    expect(orphans[0]!.n).toBe(0);
    expect(await filesExisting(before.keys)).toBe(0);

    // The rest of the tip stays: its words, history, dialogue and the tipster's receipt.
    expect(await rowsOf(closed.id)).toEqual(rowsBefore);
    analyst = await loginAs(h, "analyst");
    const detail = await staff<TipDetail>("query", "tips.byId", { id: closed.id });
    expect(detail.status).toBe(200);
    expect(detail.body.result!.data).toMatchObject({
      text: `${MARKER} closed tip`,
      hasContact: false,
      photos: [],
      triageStatus: "not_useful",
    });
    const receipt = await call<{ status: string }>(
      h.publicApp,
      "query",
      "tips.status",
      { receiptCode: closed.code },
      { method: "POST" },
    );
    expect(receipt.body.result!.data.status).toBe("closed");

    // Open tips are untouched; bytes an open tip still names are kept.
    expect(await personalData(open.id)).toEqual(openBefore);
    expect(await filesExisting(openBefore.keys)).toBe(openBefore.keys.length);
    // The closed twin, closed a minute later, is due a minute later; the bytes it shares with an
    // open tip stay.
    expect((await personalData(closedTwin.id)).photoIds).toHaveLength(1);
    expect(await sweepAt(at(twinClosedAt, 90))).toMatchObject({ erased: 1, filesDeleted: 0 });
    expect((await personalData(closedTwin.id)).photoIds).toEqual([]);
    expect(await personalData(openTwin.id)).toEqual(twinBefore);
    expect(await filesExisting(twinBefore.keys)).toBe(twinBefore.keys.length);

    // Audited by id, with counts, never with content; the chain still verifies.
    const audit = (await retentionAudit()).filter((e) =>
      [closed.id, closedTwin.id].includes(e.entityId!),
    );
    expect(audit).toHaveLength(2);
    expect(audit.find((e) => e.entityId === closed.id)).toMatchObject({
      action: "retention.contact_and_photos_erased",
      entityType: "tip",
      actorId: null,
      reason: "closed for 90 days: contact details erased, 1 photo(s) deleted",
    });
    expect(JSON.stringify(await listAuditEvents(db))).not.toContain(MARKER);
    expect(h.logs.join("")).not.toContain(MARKER);
    expect((await verifyAuditChain(db)).brokenAt).toBeNull();

    // Much later, still nothing more to do for these tips, and open tips are still untouched.
    const later = await sweepAt(at(closedAt, 1000));
    expect(later).toMatchObject({ erased: 0, deleted: 0 });
    expect(await personalData(open.id)).toEqual(openBefore);
  });

  it("deletes a spam tip at day 30 with its history, dialogue and photos; duplicates lose only the link", async () => {
    await startAt();
    const spam = await submit(`${MARKER} spam tip`, {
      contact: `${MARKER} spam@example.net`,
      photo: true,
    });
    const copy = await submit(`${MARKER} copy of it`);
    expect(
      (await staff("mutation", "tips.sendMessage", { tipId: spam.id, body: "Really?" })).status,
    ).toBe(200);
    const reply = await call(h.publicApp, "mutation", "tips.reply", {
      receiptCode: spam.code,
      body: `${MARKER} yes really`,
    });
    expect(reply.status).toBe(200);
    await processImages();
    await triage(copy.id, "duplicate", { duplicateOfId: spam.id });
    const markedAt = await triage(spam.id, "spam");
    const before = await personalData(spam.id);
    expect(before).toMatchObject({ hasContact: true, variants: 3, hashes: 1 });
    expect(await rowsOf(spam.id)).toEqual({ events: 2, messages: 2 });
    const earlierAudit = (await listAuditEvents(db)).filter((e) => e.entityId === spam.id);
    expect(earlierAudit.length).toBeGreaterThan(0);

    expect(await sweepAt(at(markedAt, 30, -1))).toMatchObject({ deleted: 0 });
    expect((await personalData(spam.id)).exists).toBe(true);

    const due = await sweepAt(at(markedAt, 30));
    expect(due).toMatchObject({ deleted: 1, photos: 1, filesFailed: 0 });
    expect(await personalData(spam.id)).toMatchObject({ exists: false, photoIds: [] });
    expect(await rowsOf(spam.id)).toEqual({ events: 0, messages: 0 });
    const photoRows = await db
      .select({ n: count() })
      .from(schema.imageHashes)
      .where(inArray(schema.imageHashes.tipPhotoId, before.photoIds));
    expect(photoRows[0]!.n).toBe(0);
    expect(await filesExisting(before.keys)).toBe(0);

    // The duplicate is kept, without its link to a tip that no longer exists.
    const [kept] = await db.select().from(schema.tips).where(eq(schema.tips.id, copy.id));
    expect(kept).toMatchObject({ triageStatus: "duplicate", duplicateOfId: null });

    // The tipster's receipt now answers like any unknown code.
    const receipt = await call(
      h.publicApp,
      "query",
      "tips.status",
      { receiptCode: spam.code },
      { method: "POST" },
    );
    expect(receipt.body.error!.data.appCode).toBe("receipt_not_found");

    // The audit trail keeps every earlier event (ids only) and records the deletion.
    const audit = await listAuditEvents(db);
    expect(audit.filter((e) => e.entityId === spam.id).slice(0, earlierAudit.length)).toEqual(
      earlierAudit,
    );
    expect(audit.filter((e) => e.action.startsWith("retention.")).slice(-2)).toMatchObject([
      {
        action: "retention.tip_deleted",
        entityId: spam.id,
        reason: "spam for 30 days: deleted with 2 history entries, 2 messages, 1 photos",
      },
      { action: "retention.duplicate_unlinked", entityId: copy.id },
    ]);
    expect(JSON.stringify(audit)).not.toContain(MARKER);
    expect(h.logs.join("")).not.toContain(MARKER);
    expect((await verifyAuditChain(db)).brokenAt).toBeNull();
  });

  it("never deletes a tip referred to an agency: it cannot become spam, and is kept if it were", async () => {
    const start = await startAt();
    const routed = await submit(`${MARKER} routed tip`, {
      contact: `${MARKER} routed@example.net`,
      photo: true,
    });
    await triage(routed.id, "useful");
    const referral = await staff("mutation", "referrals.create", {
      agencyId: h.fixtures.agencyId,
      tipIds: [routed.id],
    });
    expect(referral.status).toBe(200);

    const refused = await staff("mutation", "tips.triage", { id: routed.id, outcome: "spam" });
    expect(refused.body.error!.data.appCode).toBe("tip_illegal_transition");
    // A routed tip is not closed: kept whole, however long.
    const before = await personalData(routed.id);
    expect(await sweepAt(at(start, 1000))).toMatchObject({ erased: 0, deleted: 0 });
    expect(await personalData(routed.id)).toEqual(before);

    // A state the rules cannot reach (written by hand): spam and referred. Still not deleted.
    const markedAt = h.clock.now;
    await db.update(schema.tips).set({ triageStatus: "spam" }).where(eq(schema.tips.id, routed.id));
    await db.insert(schema.tipEvents).values({
      tipId: routed.id,
      at: markedAt,
      triageStatus: "spam",
      publicStatus: "closed",
    });
    expect(await sweepAt(at(markedAt, 31))).toMatchObject({ deleted: 0 });
    expect(await sweepAt(at(markedAt, 400))).toMatchObject({ deleted: 0 });
    expect((await personalData(routed.id)).exists).toBe(true);
    const links = await db
      .select()
      .from(schema.referralTips)
      .where(eq(schema.referralTips.tipId, routed.id));
    expect(links).toHaveLength(1);
  });

  it("is idempotent, and each transaction handles at most one batch", async () => {
    const start = await startAt();
    await sweepAt(start); // whatever earlier tests left due is done with first
    const tips = [];
    for (let i = 0; i < 5; i++) {
      tips.push(
        await submit(`${MARKER} batch tip ${i}`, { contact: `${MARKER} ${i}@example.net` }),
      );
    }
    let closedAt = start;
    for (const tip of tips) closedAt = await triage(tip.id, "not_useful");
    const due = at(closedAt, 90);
    h.clock.now = due;

    const one = await db.transaction((tx) =>
      runRetentionBatch(tx, { now: due, policy, afterId: null, limit: 2 }),
    );
    expect(one).toMatchObject({ erased: 2, scanned: 2 });
    const rest = await runRetentionSweep(h.deps, policy, { batchSize: 2 });
    expect(rest).toMatchObject({ erased: 3, deleted: 0, batches: 2 });
    for (const tip of tips) expect((await personalData(tip.id)).hasContact).toBe(false);

    const auditBefore = (await retentionAudit()).length;
    expect(await runRetentionSweep(h.deps, policy, { batchSize: 2 })).toEqual({
      erased: 0,
      deleted: 0,
      photos: 0,
      filesDeleted: 0,
      filesFailed: 0,
      batches: 1,
      idempotencyKeys: 0,
      spentProofsOfWork: 0,
    });
    expect((await retentionAudit()).length).toBe(auditBefore);
    expect(auditBefore).toBeGreaterThanOrEqual(5);
  });

  it("handles each tip once when two instances sweep at the same time", async () => {
    const start = await startAt();
    await sweepAt(start);
    const tips = [];
    for (let i = 0; i < 6; i++) {
      tips.push(
        await submit(`${MARKER} concurrent ${i}`, { contact: `${MARKER} k${i}@example.net` }),
      );
    }
    const spam = await submit(`${MARKER} concurrent spam`);
    let closedAt = start;
    // Three of them name the spam tip as their original: deleting it touches their rows too.
    for (const [i, tip] of tips.entries()) {
      closedAt = await triage(
        tip.id,
        i < 3 ? "duplicate" : "not_useful",
        i < 3 ? { duplicateOfId: spam.id } : {},
      );
    }
    closedAt = await triage(spam.id, "spam");
    h.clock.now = at(closedAt, 90);
    const auditBefore = (await retentionAudit()).length;

    const results = await Promise.all([
      runRetentionSweep(h.deps, policy, { batchSize: 2 }),
      runRetentionSweep(h.deps, policy, { batchSize: 2 }),
    ]);
    expect(results.reduce((n, r) => n + r.erased, 0)).toBe(6);
    expect(results.reduce((n, r) => n + r.deleted, 0)).toBe(1);
    const audit = (await retentionAudit()).slice(auditBefore);
    expect(audit).toHaveLength(6 + 1 + 3);
    expect(new Set(audit.map((e) => `${e.action}:${e.entityId}`)).size).toBe(audit.length);
    for (const tip of tips) {
      expect(await personalData(tip.id)).toMatchObject({ exists: true, hasContact: false });
    }
    expect((await personalData(spam.id)).exists).toBe(false);
    expect((await verifyAuditChain(db)).brokenAt).toBeNull();
  });

  it("deletes bytes only after the commit: a crash before it keeps everything, a failed removal leaves an orphan", async () => {
    await startAt();
    const tip = await submit(`${MARKER} crash tip`, {
      contact: `${MARKER} c@example.net`,
      photo: true,
    });
    await processImages();
    const closedAt = await triage(tip.id, "not_useful");
    const before = await personalData(tip.id);
    const due = at(closedAt, 90);
    h.clock.now = due;

    // The process dies after the batch's statements, before its commit.
    await expect(
      db.transaction(async (tx) => {
        const batch = await runRetentionBatch(tx, { now: due, policy, afterId: null, limit: 100 });
        expect(batch.unreferencedKeys.sort()).toEqual([...new Set(before.keys)].sort());
        throw new Error("crash");
      }),
    ).rejects.toThrow("crash");
    expect(await personalData(tip.id)).toEqual(before);
    expect(await filesExisting(before.keys)).toBe(before.keys.length);

    // The commit succeeds but the files cannot be removed: rows gone, files orphaned.
    const failingMedia: MediaStore = {
      ...h.deps.media,
      delete: async () => {
        throw new Error("disk unavailable");
      },
    };
    const result = await sweepAt(due, { ...h.deps, media: failingMedia });
    expect(result).toMatchObject({ erased: 1, filesDeleted: 0 });
    expect(result.filesFailed).toBe(new Set(before.keys).size);
    expect(await personalData(tip.id)).toMatchObject({ hasContact: false, photoIds: [] });
    expect(await filesExisting(before.keys)).toBe(before.keys.length);
    expect(h.logs.join("")).toContain("retention: a stored file was not deleted");
  });

  it("runs once at start, then on its interval, until stopped", async () => {
    await startAt();
    const original = await submit(`${MARKER} timer original`);
    const tip = await submit(`${MARKER} timer tip`, { contact: `${MARKER} t@example.net` });
    const closedAt = await triage(tip.id, "duplicate", { duplicateOfId: original.id });
    h.clock.now = at(closedAt, 90);
    const stop = startRetentionSweep(h.deps, policy, 60_000);
    try {
      for (let i = 0; i < 100 && (await personalData(tip.id)).hasContact; i++) {
        await new Promise((r) => setTimeout(r, 50));
      }
      expect((await personalData(tip.id)).hasContact).toBe(false);
    } finally {
      stop();
    }
  });
});
