import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabases } from "@trace/db/testing";
import { call, createHarness, loginAs, type Harness } from "../test/harness";

/**
 * Found by the fuzz tests: a draft rule set naming one saved rule twice reached the routing
 * engine, which throws on duplicate ids (a programmer error for stored rules), as a 500. The
 * schema now refuses it as a field error.
 */
describe.each(await createTestDatabases())(
  "a draft rule set with a rule twice [$name]",
  (engine) => {
    let h: Harness;
    beforeAll(async () => {
      h = await createHarness(await engine.open());
    });
    afterAll(() => engine.dispose());

    const rule = {
      id: "02b9e465-4737-49db-a9df-390e9c4a75a4",
      name: "Language",
      isEnabled: true,
      condition: { type: "tip_language", languages: ["fr"] },
      actions: [{ type: "require_human_review" }],
    };

    it("is refused by the simulation and by a try on one tip", async () => {
      const cookie = await loginAs(h, "coordinator");
      const simulated = await call(
        h.staffApp,
        "mutation",
        "routing.simulate",
        { rules: [rule, rule], lastTips: 10 },
        { cookie },
      );
      expect(simulated.status).toBe(400);
      expect(simulated.body.error!.data.fieldErrors).toEqual([
        expect.objectContaining({ path: "rules" }),
      ]);
      const once = await call(
        h.staffApp,
        "mutation",
        "routing.simulate",
        { rules: [rule, { ...rule, id: undefined }], lastTips: 10 },
        { cookie },
      );
      expect(once.status).toBe(200);
    });
  },
);
