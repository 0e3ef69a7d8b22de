import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { schema } from "@trace/db";
import { createTestDatabases } from "@trace/db/testing";
import { call, countRows, createHarness, loginAs, type Harness } from "../test/harness";

/**
 * Found by the fuzz tests: PostgreSQL cannot store U+0000 in text, nor an unpaired UTF-16
 * surrogate in jsonb (JSON escapes it, and jsonb refuses the escape). A tip or a case with the
 * first, an object whose localized title had the second, reached the database and failed there
 * as a 500. Every procedure now refuses both as a field error, before any work; staff
 * procedures still ask for a session first.
 */
describe.each(await createTestDatabases())(
  "characters the database cannot store [$name]",
  (engine) => {
    let h: Harness;
    beforeAll(async () => {
      h = await createHarness(await engine.open());
    });
    afterAll(() => engine.dispose());

    it("is refused in a tip, as a field error, and stores nothing", async () => {
      const before = await countRows(h);
      const res = await call(h.publicApp, "mutation", "tips.submit", {
        objectRef: h.fixtures.published.ref,
        answer: { confidence: "guess", placeOrShop: "Market\u0000hall" },
        language: "en",
      });
      expect(res.status).toBe(400);
      expect(res.body.error!.data.fieldErrors).toEqual([
        expect.objectContaining({ path: "answer.placeOrShop", code: "custom" }),
      ]);
      expect(await countRows(h)).toEqual(before);
    });

    it("is refused in a receipt look-up and in a staff record", async () => {
      const status = await call(h.publicApp, "query", "tips.status", { receiptCode: "A\u0000" });
      expect(status.status).toBe(400);
      const cookie = await loginAs(h, "analyst");
      const created = await call(
        h.staffApp,
        "mutation",
        "cases.create",
        { reference: "CASE-NUL-1", title: "Title\u0000", leadAgencyId: h.fixtures.agencyId },
        { cookie },
      );
      expect(created.status).toBe(400);
      expect(created.body.error!.data.fieldErrors).toEqual([
        expect.objectContaining({ path: "title" }),
      ]);
    });

    it("refuses an unpaired surrogate in a localized title, and keeps paired ones", async () => {
      const cookie = await loginAs(h, "analyst");
      const [series] = await h.deps.database.db.select().from(schema.series);
      const create = (es: string) =>
        call(
          h.staffApp,
          "mutation",
          "objects.create",
          {
            seriesId: series!.id,
            category: "clothing",
            title: { en: "Red scarf", es: es },
            question: { en: "Where is this scarf sold?" },
          },
          { cookie },
        );
      const refused = await create("Bufanda \ud800");
      expect(refused.status).toBe(400);
      expect(refused.body.error!.data.fieldErrors).toEqual([
        expect.objectContaining({ path: "title.es" }),
      ]);
      expect((await create("Bufanda 🧣")).status).toBe(200);
    });

    it("is checked after the session on staff procedures", async () => {
      const res = await call(h.staffApp, "mutation", "cases.create", {
        reference: "CASE-NUL-2",
        title: "Title\u0000",
        leadAgencyId: h.fixtures.agencyId,
      });
      expect(res.status).toBe(401);
    });
  },
);
