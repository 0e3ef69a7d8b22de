import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { count, eq } from "drizzle-orm";
import {
  insertObject,
  insertStaffUser,
  listAuditEvents,
  schema,
  verifyAuditChain,
} from "@trace/db";
import { createTestDatabases } from "@trace/db/testing";
import type { StaffObject } from "@trace/domain";
import { runPublishDueObjects } from "./jobs/publish-due-objects";
import { hashPassword } from "./services/secrets";
import { call, createHarness, loginAs, type Harness } from "./test/harness";

const engines = await createTestDatabases();

/** A PNG the test draws itself: tiny, valid, decodable. */
async function pngBytes(): Promise<Uint8Array> {
  const sharp = (await import("sharp")).default;
  return new Uint8Array(
    await sharp({ create: { width: 40, height: 30, channels: 3, background: "#c33" } })
      .png()
      .toBuffer(),
  );
}

describe.each(engines)("object lifecycle [$name]", (engine) => {
  let h: Harness;
  let analyst: string;
  let coordinator: string;
  let seriesId: string;
  let png: Uint8Array;

  const auditCount = async () => {
    const [row] = await h.deps.database.db.select({ n: count() }).from(schema.auditEvents);
    return row!.n;
  };
  const lastAudit = async () => (await listAuditEvents(h.deps.database.db)).at(-1)!;

  const upload = (objectId: string, cookie: string, bytes: Uint8Array, name = "photo.png") => {
    const form = new FormData();
    form.set("image", new File([bytes as Uint8Array<ArrayBuffer>], name, { type: "image/jpeg" }));
    form.set("alt", "A striped curtain, close up");
    return h.staffApp.request(`http://localhost/staff-api/objects/${objectId}/images`, {
      method: "POST",
      headers: { Cookie: cookie },
      body: form,
    });
  };

  /** A draft with one image, made through the API as an analyst would. */
  const draftWithImage = async (cookie = analyst, title = "Blue mug") => {
    const res = await call<StaffObject>(h.staffApp, "mutation", "objects.create", {
      seriesId,
      category: "other",
      title: { en: title },
      question: { en: `Where is the ${title.toLowerCase()} from?` },
    });
    expect(res.status).toBe(401);
    const created = await call<StaffObject>(
      h.staffApp,
      "mutation",
      "objects.create",
      {
        seriesId,
        category: "other",
        title: { en: title },
        question: { en: `Where is the ${title.toLowerCase()} from?` },
      },
      { cookie },
    );
    expect(created.status).toBe(200);
    const object = created.body.result!.data;
    expect((await upload(object.id, cookie, png)).status).toBe(201);
    return object;
  };

  const act = <T = StaffObject>(path: string, input: unknown, cookie: string) =>
    call<T>(h.staffApp, "mutation", `objects.${path}`, input, { cookie });

  const inReview = async () => {
    const object = await draftWithImage();
    expect((await act("submit", { id: object.id }, analyst)).status).toBe(200);
    return object;
  };

  beforeAll(async () => {
    h = await createHarness(await engine.open());
    analyst = await loginAs(h, "analyst");
    coordinator = await loginAs(h, "coordinator");
    const [row] = await h.deps.database.db.select().from(schema.series);
    seriesId = row!.id;
    png = await pngBytes();
  });
  afterAll(() => engine.dispose());

  describe("list and detail", () => {
    it("lists objects of every status for staff, with filters", async () => {
      const all = await call<{ items: { ref: string; status: string }[]; total: number }>(
        h.staffApp,
        "query",
        "objects.list",
        {},
        { cookie: analyst },
      );
      expect(all.status).toBe(200);
      const refs = all.body.result!.data.items.map((i) => i.ref);
      expect(refs).toEqual(expect.arrayContaining(["TOA-PBC001", "TOA-DRF001", "TOA-FND001"]));
      const drafts = await call<{ items: { status: string }[] }>(
        h.staffApp,
        "query",
        "objects.list",
        { status: "draft", seriesId, category: "textile_or_pattern" },
        { cookie: analyst },
      );
      expect(drafts.body.result!.data.items.map((i) => i.status)).toEqual(["draft"]);
    });

    it("shows the detail with every locale, the author and the images", async () => {
      const res = await call<StaffObject>(
        h.staffApp,
        "query",
        "objects.byId",
        { id: h.fixtures.published.id },
        { cookie: analyst },
      );
      expect(res.status).toBe(200);
      expect(res.body.result!.data).toMatchObject({
        ref: "TOA-PBC001",
        title: { en: "Striped curtain", fr: "Striped curtain (fr)" },
        author: { displayName: "Test analyst" },
        approvedBy: { displayName: "Test coordinator" },
        images: [{ id: h.fixtures.published.imageId, position: 0 }],
      });
    });

    it("answers 404 for an unknown object", async () => {
      const res = await call(
        h.staffApp,
        "query",
        "objects.byId",
        { id: "00000000-0000-4000-8000-000000000000" },
        { cookie: analyst },
      );
      expect(res.status).toBe(404);
      expect(res.body.error!.data.appCode).toBe("staff_object_not_found");
    });
  });

  describe("creation and editing", () => {
    it("creates a draft with an audit event", async () => {
      const before = await auditCount();
      const object = await draftWithImage(analyst, "Green scarf");
      expect(object).toMatchObject({ status: "draft", author: { displayName: "Test analyst" } });
      expect(object.ref).toMatch(/^TOA-[0-9A-HJKMNP-TV-Z]{6}$/);
      expect(await auditCount()).toBe(before + 2);
      expect(await lastAudit()).toMatchObject({
        action: "object.image_added",
        entityId: object.id,
      });
    });

    it("refuses an unknown series with 404 and writes nothing", async () => {
      const [objects] = await h.deps.database.db.select({ n: count() }).from(schema.traceObjects);
      const before = await auditCount();
      const res = await act(
        "create",
        {
          seriesId: "00000000-0000-4000-8000-000000000000",
          category: "toy",
          title: { en: "Toy" },
          question: { en: "Where?" },
        },
        analyst,
      );
      expect(res.status).toBe(404);
      expect(res.body.error!.data.appCode).toBe("series_not_found");
      const [after] = await h.deps.database.db.select({ n: count() }).from(schema.traceObjects);
      expect(after!.n).toBe(objects!.n);
      expect(await auditCount()).toBe(before);
    });

    it("requires English and keeps other locales", async () => {
      const object = await draftWithImage();
      const noEnglish = await act(
        "update",
        {
          id: object.id,
          seriesId,
          category: "toy",
          title: { fr: "Jouet" },
          question: { en: "Where?" },
        },
        analyst,
      );
      expect(noEnglish.status).toBe(400);
      const res = await act(
        "update",
        {
          id: object.id,
          seriesId,
          category: "toy",
          title: { en: "Toy car", fr: "Petite voiture" },
          question: { en: "Where was this toy sold?", de: "Wo wurde es verkauft?" },
          regionHint: { en: "Probably Central Europe" },
        },
        analyst,
      );
      expect(res.status).toBe(200);
      expect(res.body.result!.data).toMatchObject({
        category: "toy",
        title: { en: "Toy car", fr: "Petite voiture" },
        question: { de: "Wo wurde es verkauft?" },
        regionHint: { en: "Probably Central Europe" },
      });
      expect((await lastAudit()).action).toBe("object.updated");
    });

    it("edits nothing once the object left draft", async () => {
      const res = await act(
        "update",
        {
          id: h.fixtures.published.id,
          seriesId,
          category: "toy",
          title: { en: "Changed" },
          question: { en: "Changed?" },
        },
        analyst,
      );
      expect(res.status).toBe(409);
      expect(res.body.error!.data.appCode).toBe("object_not_editable");
    });

    it("reorders and removes images while draft", async () => {
      const object = await draftWithImage();
      const second = await pngBytes().then(async () => {
        const sharp = (await import("sharp")).default;
        return new Uint8Array(
          await sharp({ create: { width: 20, height: 20, channels: 3, background: "#3c3" } })
            .webp()
            .toBuffer(),
        );
      });
      expect((await upload(object.id, analyst, second, "b.webp")).status).toBe(201);
      const detail = await call<StaffObject>(
        h.staffApp,
        "query",
        "objects.byId",
        { id: object.id },
        { cookie: analyst },
      );
      const [a, b] = detail.body.result!.data.images.map((i) => i.id);
      const mismatch = await act("reorderImages", { id: object.id, imageIds: [b] }, analyst);
      expect(mismatch.status).toBe(400);
      const reordered = await act("reorderImages", { id: object.id, imageIds: [b, a] }, analyst);
      expect(reordered.body.result!.data.images.map((i) => i.id)).toEqual([b, a]);
      const removed = await act("removeImage", { id: object.id, imageId: b }, analyst);
      expect(removed.body.result!.data.images).toEqual([
        expect.objectContaining({ id: a, position: 0 }),
      ]);
      const published = await act(
        "removeImage",
        { id: h.fixtures.published.id, imageId: h.fixtures.published.imageId },
        analyst,
      );
      expect(published.status).toBe(409);
    });
  });

  describe("uploads", () => {
    it("strips metadata and records the real size", async () => {
      const sharp = (await import("sharp")).default;
      const jpeg = await sharp({
        create: { width: 64, height: 48, channels: 3, background: "#36c" },
      })
        .jpeg()
        .withExif({ IFD0: { Copyright: "GPS 50.85N 4.35E secret", Artist: "Someone" } })
        .toBuffer();
      expect((await sharp(jpeg).metadata()).exif).toBeDefined();
      const object = await draftWithImage();
      const res = await upload(object.id, analyst, new Uint8Array(jpeg), "camera.jpg");
      expect(res.status).toBe(201);
      const body = (await res.json()) as { imageId: string; width: number; height: number };
      expect(body).toMatchObject({ width: 64, height: 48 });
      const media = await h.staffApp.request(`http://localhost/media/${body.imageId}`, {
        headers: { Cookie: analyst },
      });
      expect(media.status).toBe(200);
      expect(media.headers.get("Content-Type")).toBe("image/jpeg");
      const stored = Buffer.from(await media.arrayBuffer());
      const meta = await sharp(stored).metadata();
      expect(meta.exif).toBeUndefined();
      expect(meta.xmp).toBeUndefined();
      expect(stored.toString("latin1")).not.toContain("secret");
    });

    it.each([
      [
        "an SVG named .jpg",
        '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>',
      ],
      [
        "an HTML page named .jpg",
        "<!doctype html><html><body><script>alert(1)</script></body></html>",
      ],
      ["a PDF named .jpg", "%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n%%EOF"],
      [
        "JPEG magic bytes with garbage after",
        "\xff\xd8\xff\xe0 not really a jpeg",
        "image_unreadable",
      ],
    ])("refuses %s and writes nothing", async (_name, content, appCode = "unsupported_image") => {
      const object = await draftWithImage();
      const before = await auditCount();
      const res = await upload(object.id, analyst, Buffer.from(content, "latin1"), "photo.jpg");
      expect(res.status).toBe(400);
      expect(((await res.json()) as { error: { appCode: string } }).error.appCode).toBe(appCode);
      expect(await auditCount()).toBe(before);
      const [images] = await h.deps.database.db
        .select({ n: count() })
        .from(schema.objectImages)
        .where(eq(schema.objectImages.objectId, object.id));
      expect(images!.n).toBe(1);
    });

    it("refuses an image over 15 MB with 413", async () => {
      const object = await draftWithImage();
      const before = await auditCount();
      const big = new Uint8Array(16 * 1024 * 1024);
      big.set(png);
      const res = await upload(object.id, analyst, big);
      expect(res.status).toBe(413);
      expect(await auditCount()).toBe(before);
    });

    it("refuses without a session, without the permission, and on a non-draft", async () => {
      const object = await draftWithImage();
      expect((await upload(object.id, "trace_session=nope", png)).status).toBe(401);
      const liaison = await loginAs(h, "agency_liaison");
      expect((await upload(object.id, liaison, png)).status).toBe(403);
      const admin = await loginAs(h, "admin");
      expect((await upload(object.id, admin, png)).status).toBe(403);
      expect((await upload(h.fixtures.published.id, analyst, png)).status).toBe(409);
      expect((await upload("00000000-0000-4000-8000-000000000000", analyst, png)).status).toBe(404);
    });

    it("does not exist on the public listener", async () => {
      const form = new FormData();
      form.set("image", new File([png as Uint8Array<ArrayBuffer>], "a.png"));
      const res = await h.publicApp.request(
        `http://localhost/staff-api/objects/${h.fixtures.draft.id}/images`,
        { method: "POST", body: form },
      );
      expect(res.status).toBe(404);
    });
  });

  describe("review", () => {
    it("submits for review only with an image, and returns to draft", async () => {
      const created = await act(
        "create",
        { seriesId, category: "toy", title: { en: "Bare" }, question: { en: "?" } },
        analyst,
      );
      const id = created.body.result!.data.id;
      const bare = await act("submit", { id }, analyst);
      expect(bare.status).toBe(409);
      expect(bare.body.error!.data.appCode).toBe("object_has_no_images");

      const object = await inReview();
      expect((await lastAudit()).action).toBe("object.submitted");
      const back = await act("returnToDraft", { id: object.id }, analyst);
      expect(back.body.result!.data.status).toBe("draft");
      expect((await lastAudit()).action).toBe("object.returned_to_draft");
      const twice = await act("returnToDraft", { id: object.id }, analyst);
      expect(twice.status).toBe(409);
      expect(twice.body.error!.data.appCode).toBe("illegal_transition");
    });
  });

  describe("approval (four eyes)", () => {
    it("never lets the author approve, even a coordinator, and writes nothing", async () => {
      const object = await draftWithImage(coordinator, "Coordinator's own");
      await act("submit", { id: object.id }, coordinator);
      const before = await auditCount();
      const res = await act("approve", { id: object.id }, coordinator);
      expect(res.status).toBe(403);
      expect(res.body.error!.data.appCode).toBe("self_approval");
      expect(await auditCount()).toBe(before);
      const [row] = await h.deps.database.db
        .select({ status: schema.traceObjects.status })
        .from(schema.traceObjects)
        .where(eq(schema.traceObjects.id, object.id));
      expect(row!.status).toBe("in_review");
    });

    it("does not let an analyst approve", async () => {
      const object = await inReview();
      const res = await act("approve", { id: object.id }, analyst);
      expect(res.status).toBe(403);
      expect(res.body.error!.data.appCode).toBe("forbidden");
    });

    it("lets a second coordinator approve a coordinator's object", async () => {
      const { db } = h.deps.database;
      const other = await insertStaffUser(db, {
        email: "coordinator2@test.example",
        displayName: "Second coordinator",
        role: "coordinator",
        agencyId: null,
        passwordHash: await hashPassword("unused-password-123"),
      });
      const id = await insertObject(
        db,
        {
          ref: "TOA-CRD002",
          seriesId,
          category: "toy",
          title: { en: "Written by a coordinator" },
          question: { en: "Where?" },
          regionHint: null,
          status: "in_review",
          authorId: other.id,
          approvedById: null,
          publishedAt: null,
          createdAt: h.clock.now,
        },
        [],
      );
      const res = await act("approve", { id }, coordinator);
      expect(res.status).toBe(200);
      expect(res.body.result!.data).toMatchObject({
        status: "published",
        approvedBy: { displayName: "Test coordinator" },
        author: { displayName: "Second coordinator" },
      });
    });

    it("publishes at once: public list, page and images, with two audit events", async () => {
      const object = await inReview();
      const before = await auditCount();
      const res = await act("approve", { id: object.id }, coordinator);
      expect(res.status).toBe(200);
      expect(res.body.result!.data).toMatchObject({
        status: "published",
        publishedAt: h.clock.now.toISOString(),
      });
      const events = (await listAuditEvents(h.deps.database.db)).slice(before);
      expect(events.map((e) => e.action)).toEqual(["object.approved", "object.published"]);
      expect(events.every((e) => e.entityId === object.id)).toBe(true);
      const page = await call(h.publicApp, "query", "objects.byRef", { ref: object.ref });
      expect(page.status).toBe(200);
    });

    it("refuses to approve an object that is not in review", async () => {
      const res = await act("approve", { id: h.fixtures.draft.id }, coordinator);
      expect(res.status).toBe(409);
      expect(res.body.error!.data.appCode).toBe("illegal_transition");
    });
  });

  describe("scheduled publication", () => {
    it("stays hidden until its time, then the job publishes it once", async () => {
      const object = await inReview();
      const publishAt = new Date(h.clock.now.getTime() + 60 * 60_000).toISOString();
      const res = await act("approve", { id: object.id, publishAt }, coordinator);
      expect(res.body.result!.data).toMatchObject({ status: "approved", publishAt });
      expect(await runPublishDueObjects(h.deps)).toEqual([]);
      expect((await call(h.publicApp, "query", "objects.byRef", { ref: object.ref })).status).toBe(
        404,
      );

      const saved = h.clock.now;
      h.clock.now = new Date(saved.getTime() + 61 * 60_000);
      try {
        const before = await auditCount();
        expect(await runPublishDueObjects(h.deps)).toEqual([object.id]);
        expect(await auditCount()).toBe(before + 1);
        expect(await lastAudit()).toMatchObject({
          action: "object.published",
          actorId: null,
          entityId: object.id,
        });
        // A second run (another API instance) finds nothing left to do.
        expect(await runPublishDueObjects(h.deps)).toEqual([]);
        expect(
          (await call(h.publicApp, "query", "objects.byRef", { ref: object.ref })).status,
        ).toBe(200);
      } finally {
        h.clock.now = saved;
      }
    });

    it("takes each due object exactly once when two instances run together", async () => {
      const object = await inReview();
      const publishAt = new Date(h.clock.now.getTime() + 1000).toISOString();
      await act("approve", { id: object.id, publishAt }, coordinator);
      const later = { ...h.deps, now: () => new Date(h.clock.now.getTime() + 5000) };
      const runs = await Promise.all([runPublishDueObjects(later), runPublishDueObjects(later)]);
      expect(runs.flat()).toEqual([object.id]);
    });
  });

  describe("origin found and withdrawal", () => {
    it("marks the origin found (coordinator only); the public sees it as found", async () => {
      const object = await inReview();
      await act("approve", { id: object.id }, coordinator);
      expect((await act("markOriginFound", { id: object.id }, analyst)).status).toBe(403);
      const res = await act("markOriginFound", { id: object.id }, coordinator);
      expect(res.body.result!.data.status).toBe("origin_found");
      expect((await lastAudit()).action).toBe("object.origin_found");
      const page = await call<{ status: string }>(h.publicApp, "query", "objects.byRef", {
        ref: object.ref,
      });
      expect(page.body.result!.data.status).toBe("origin_found");
    });

    it("refuses a withdrawal without a reason with 400 and writes nothing", async () => {
      const before = await auditCount();
      for (const input of [
        { id: h.fixtures.published.id },
        { id: h.fixtures.published.id, reason: "   " },
      ]) {
        const res = await act("withdraw", input, coordinator);
        expect(res.status).toBe(400);
      }
      expect(await auditCount()).toBe(before);
      expect(
        (await call(h.publicApp, "query", "objects.byRef", { ref: h.fixtures.published.ref }))
          .status,
      ).toBe(200);
    });

    it("does not let an analyst withdraw", async () => {
      const res = await act(
        "withdraw",
        { id: h.fixtures.published.id, reason: "Not mine to decide" },
        analyst,
      );
      expect(res.status).toBe(403);
    });

    it("removes the object, its listing and its images from the public surface at once", async () => {
      const { ref, id, imageId } = h.fixtures.published;
      const listed = async () => {
        const res = await call<{ items: { ref: string }[] }>(h.publicApp, "query", "objects.list", {
          limit: 60,
        });
        return res.body.result!.data.items.map((i) => i.ref);
      };
      expect(await listed()).toContain(ref);
      expect((await h.publicApp.request(`http://localhost/media/${imageId}`)).status).toBe(200);

      const res = await act(
        "withdraw",
        { id, reason: "  The victim's family asked for it to be taken down.  " },
        coordinator,
      );
      expect(res.status).toBe(200);
      expect(res.body.result!.data).toMatchObject({
        status: "withdrawn",
        withdrawnReason: "The victim's family asked for it to be taken down.",
      });
      expect(await lastAudit()).toMatchObject({
        action: "object.withdrawn",
        entityId: id,
        reason: "The victim's family asked for it to be taken down.",
      });

      // No delay: the very next requests no longer find it.
      expect((await call(h.publicApp, "query", "objects.byRef", { ref })).status).toBe(404);
      expect(await listed()).not.toContain(ref);
      expect((await h.publicApp.request(`http://localhost/media/${imageId}`)).status).toBe(404);
      const tip = await call(h.publicApp, "mutation", "tips.submit", {
        objectRef: ref,
        answer: { confidence: "guess" },
        text: "Too late",
        language: "en",
      });
      expect(tip.status).toBe(404);
      // Staff still see it, with its reason.
      const staff = await call<StaffObject>(
        h.staffApp,
        "query",
        "objects.byId",
        { id },
        {
          cookie: analyst,
        },
      );
      expect(staff.body.result!.data.status).toBe("withdrawn");
      // Withdrawn is final.
      expect((await act("withdraw", { id, reason: "again" }, coordinator)).status).toBe(409);
    });

    it("keeps the audit chain intact", async () => {
      expect(await verifyAuditChain(h.deps.database.db)).toMatchObject({ brokenAt: null });
    });
  });
});
