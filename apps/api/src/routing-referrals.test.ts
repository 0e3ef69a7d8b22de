import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { count, eq } from "drizzle-orm";
import { createTestDatabases } from "@trace/db/testing";
import { schema } from "@trace/db";
import { can } from "@trace/domain";
import type { ProcedureMeta } from "./trpc/init";
import { staffRouter } from "./trpc/root";
import { call, createHarness, loginAs, type Harness } from "./test/harness";

/** Every staff procedure an agency liaison may call, read from the router itself. */
const liaisonProcedures = Object.entries(
  staffRouter._def.procedures as unknown as Record<string, { _def: { meta?: ProcedureMeta } }>,
)
  .filter(([, p]) => {
    const permission = p._def.meta?.permission ?? null;
    return permission !== null && can("agency_liaison", permission);
  })
  .map(([path]) => path)
  .sort();

type Rule = { id: string; name: string; version: number; position: number; isEnabled: boolean };
type Decision = {
  agencies: { id: string; name: string }[];
  priority: string | null;
  requiresReview: boolean;
  explanations: { ruleName: string; outcome: string; text: string }[];
};
type Referral = {
  id: string;
  status: string;
  disposition: string | null;
  acknowledgedAt: string | null;
  agency: { id: string };
  tips: { id: string; text: string | null }[];
  messages: { side: string; body: string }[];
  hub: { overrideReason: string | null; suggestedAgencies: { id: string }[] } | null;
};

describe.each(await createTestDatabases())("routing and referrals on $name", (engine) => {
  let h: Harness;
  let analyst: string;
  let coordinator: string;
  let liaison: string;
  let foreignLiaison: string;
  let beRuleId: string;

  beforeAll(async () => {
    h = await createHarness(await engine.open());
    analyst = await loginAs(h, "analyst");
    coordinator = await loginAs(h, "coordinator");
    liaison = await loginAs(h, "agency_liaison");
    foreignLiaison = await loginAs(h, h.fixtures.otherAgency.liaison);
  });
  afterAll(() => engine.dispose());

  const staff = <T>(cookie: string, kind: "query" | "mutation", path: string, input?: unknown) =>
    call<T>(h.staffApp, kind, path, input, { cookie });

  /** A public tip, then triaged by the analyst; returns its id and receipt code. */
  async function usefulTip(
    text: string,
    answer: Record<string, unknown> = { confidence: "certain", country: "BE" },
    objectRef: string | null = h.fixtures.published.ref,
  ) {
    const res = await call<{ receiptCode: string }>(h.publicApp, "mutation", "tips.submit", {
      ...(objectRef ? { objectRef } : {}),
      answer,
      text,
      language: "en",
    });
    expect(res.status).toBe(200);
    h.clock.now = new Date(h.clock.now.getTime() + 60_000);
    const [row] = await h.deps.database.db
      .select({ id: schema.tips.id })
      .from(schema.tips)
      .where(eq(schema.tips.text, text));
    const triaged = await staff(analyst, "mutation", "tips.triage", {
      id: row!.id,
      outcome: "useful",
    });
    expect(triaged.status).toBe(200);
    return { id: row!.id, code: res.body.result!.data.receiptCode };
  }

  async function counts() {
    const { db } = h.deps.database;
    const [[referrals], [outbox], [audit]] = await Promise.all([
      db.select({ n: count() }).from(schema.referrals),
      db.select({ n: count() }).from(schema.outbox),
      db.select({ n: count() }).from(schema.auditEvents),
    ]);
    return { referrals: referrals!.n, outbox: outbox!.n, audit: audit!.n };
  }

  /** What the delivery worker does for a portal agency: the referral reaches the agency. */
  async function deliver(referralId: string) {
    await h.deps.database.db
      .update(schema.referrals)
      .set({ status: "delivered", deliveredAt: h.clock.now })
      .where(eq(schema.referrals.id, referralId));
  }

  describe("rules", () => {
    it("lets a coordinator write a rule, and keeps every version", async () => {
      const created = await staff<Rule>(coordinator, "mutation", "routing.create", {
        name: "Tips from Belgium",
        isEnabled: true,
        condition: { type: "tip_country", countries: ["BE"] },
        actions: [{ type: "refer", agencyIds: [h.fixtures.agencyId] }],
      });
      expect(created.status).toBe(200);
      beRuleId = created.body.result!.data.id;
      expect(created.body.result!.data.version).toBe(1);

      const edited = await staff<Rule>(coordinator, "mutation", "routing.update", {
        id: beRuleId,
        expectedVersion: 1,
        name: "Tips naming Belgium",
        isEnabled: true,
        condition: { type: "tip_country", countries: ["BE"] },
        actions: [{ type: "refer", agencyIds: [h.fixtures.agencyId] }],
      });
      expect(edited.body.result!.data).toMatchObject({ version: 2, name: "Tips naming Belgium" });

      const versions = await staff<{ version: number; name: string }[]>(
        coordinator,
        "query",
        "routing.versions",
        { id: beRuleId },
      );
      expect(versions.body.result!.data.map((v) => [v.version, v.name])).toEqual([
        [2, "Tips naming Belgium"],
        [1, "Tips from Belgium"],
      ]);
    });

    it("refuses a save over a newer version, and changes nothing", async () => {
      const stale = await staff(coordinator, "mutation", "routing.setEnabled", {
        id: beRuleId,
        isEnabled: false,
        expectedVersion: 1,
      });
      expect(stale.status).toBe(409);
      expect(stale.body.error!.data.appCode).toBe("routing_rule_changed");
      const rules = await staff<Rule[]>(analyst, "query", "routing.rules");
      expect(rules.body.result!.data.find((r) => r.id === beRuleId)).toMatchObject({
        version: 2,
        isEnabled: true,
      });
    });

    it("refuses an invalid condition with a field error", async () => {
      const res = await staff(coordinator, "mutation", "routing.create", {
        name: "Broken",
        isEnabled: true,
        condition: { type: "tip_country", countries: [] },
        actions: [{ type: "refer", agencyIds: [h.fixtures.agencyId] }],
      });
      expect(res.status).toBe(400);
      expect(res.body.error!.data.fieldErrors).toEqual(
        expect.arrayContaining([expect.objectContaining({ path: "condition.countries" })]),
      );
    });

    it("reorders only with every rule named once", async () => {
      const second = await staff<Rule>(coordinator, "mutation", "routing.create", {
        name: "Urgent wording",
        isEnabled: true,
        condition: { type: "keywords", keywords: ["urgent"] },
        actions: [{ type: "set_priority", priority: "high" }],
      });
      const secondId = second.body.result!.data.id;
      expect(second.body.result!.data.position).toBe(1);
      const partial = await staff(coordinator, "mutation", "routing.reorder", { ids: [secondId] });
      expect(partial.status).toBe(400);
      const reordered = await staff<Rule[]>(coordinator, "mutation", "routing.reorder", {
        ids: [secondId, beRuleId],
      });
      expect(reordered.body.result!.data.map((r) => r.id)).toEqual([secondId, beRuleId]);
    });

    it("explains its decision on a tip", async () => {
      const tip = await usefulTip("Seen this curtain in a shop in Ghent");
      const res = await staff<Decision>(analyst, "mutation", "routing.tryOnTip", { tipId: tip.id });
      expect(res.status).toBe(200);
      const decision = res.body.result!.data;
      expect(decision.agencies.map((a) => a.id)).toEqual([h.fixtures.agencyId]);
      const be = decision.explanations.find((e) => e.ruleName === "Tips naming Belgium")!;
      expect(be.outcome).toBe("matched");
      expect(be.text).toContain("Belgium — national police");
    });

    it("simulates a draft rule set and reports what would change", async () => {
      const tip = await usefulTip("Same wallpaper in my flat in Lyon", {
        confidence: "certain",
        country: "FR",
      });
      const rules = (await staff<Rule[]>(coordinator, "query", "routing.rules")).body.result!.data;
      const saved = await Promise.all(
        rules.map(async (r) => {
          const [v] = (
            await staff<
              { name: string; isEnabled: boolean; condition: unknown; actions: unknown }[]
            >(coordinator, "query", "routing.versions", { id: r.id })
          ).body.result!.data;
          return {
            id: r.id,
            name: v!.name,
            isEnabled: v!.isEnabled,
            condition: v!.condition,
            actions: v!.actions,
          };
        }),
      );
      const draft = [
        ...saved,
        {
          name: "Tips from France",
          isEnabled: true,
          condition: { type: "tip_country", countries: ["FR"] },
          actions: [{ type: "refer", agencyIds: [h.fixtures.otherAgency.id] }],
        },
      ];
      const res = await staff<{
        total: number;
        changedCount: number;
        changed: { tipId: string; after: { agencies: { id: string }[] } }[];
        perAgency: { id: string; before: number; after: number }[];
      }>(coordinator, "mutation", "routing.simulate", { rules: draft, lastTips: 100 });
      expect(res.status).toBe(200);
      const sim = res.body.result!.data;
      expect(sim.changedCount).toBe(1);
      expect(sim.changed[0]).toMatchObject({ tipId: tip.id });
      expect(sim.changed[0]!.after.agencies.map((a) => a.id)).toEqual([h.fixtures.otherAgency.id]);
      expect(sim.perAgency.find((a) => a.id === h.fixtures.otherAgency.id)).toMatchObject({
        before: 0,
        after: 1,
      });
      // A simulation saves nothing.
      const after = (await staff<Rule[]>(coordinator, "query", "routing.rules")).body.result!.data;
      expect(after).toHaveLength(rules.length);
    });

    it("refuses a simulation with both a count and a range", async () => {
      const res = await staff(coordinator, "mutation", "routing.simulate", {
        rules: [],
        lastTips: 10,
        from: "2026-01-01T00:00:00.000Z",
      });
      expect(res.status).toBe(400);
    });
  });

  describe("referrals", () => {
    it("refers a tip to the suggested agency: routed, passed on, delivery queued", async () => {
      const tip = await usefulTip("The curtain pattern is sold at a market in Liège");
      const before = await counts();
      const res = await staff<Referral>(analyst, "mutation", "referrals.create", {
        agencyId: h.fixtures.agencyId,
        tipIds: [tip.id],
      });
      expect(res.status).toBe(200);
      const referral = res.body.result!.data;
      expect(referral).toMatchObject({ status: "pending", agency: { id: h.fixtures.agencyId } });
      expect(referral.hub!.suggestedAgencies.map((a) => a.id)).toEqual([h.fixtures.agencyId]);
      expect(referral.hub!.overrideReason).toBeNull();
      const after = await counts();
      expect(after.referrals).toBe(before.referrals + 1);
      expect(after.outbox).toBe(before.outbox + 1);
      const [job] = await h.deps.database.db
        .select()
        .from(schema.outbox)
        .where(eq(schema.outbox.topic, "referral.deliver"));
      expect(job!.payload).toEqual({ referralId: referral.id });

      const status = await call<{ status: string }>(
        h.publicApp,
        "query",
        "tips.status",
        { receiptCode: tip.code },
        { method: "POST" },
      );
      expect(status.body.result!.data.status).toBe("passed_on");
      // The tipster is never told which agency.
      expect(JSON.stringify(status.body)).not.toMatch(/Belgium|BE-FEDPOL/);

      const again = await staff(analyst, "mutation", "referrals.create", {
        agencyId: h.fixtures.agencyId,
        tipIds: [tip.id],
      });
      expect(again.status).toBe(409);
      expect(again.body.error!.data.appCode).toBe("referral_already_sent");
    });

    it("needs a reason to go against the suggestion, and keeps it", async () => {
      const tip = await usefulTip("Also seen near Brussels");
      const before = await counts();
      const refused = await staff(analyst, "mutation", "referrals.create", {
        agencyId: h.fixtures.otherAgency.id,
        tipIds: [tip.id],
      });
      expect(refused.status).toBe(400);
      expect(refused.body.error!.data.appCode).toBe("referral_override_reason_required");
      expect(await counts()).toEqual(before);
      const [unchanged] = await h.deps.database.db
        .select({ triage: schema.tips.triageStatus })
        .from(schema.tips)
        .where(eq(schema.tips.id, tip.id));
      expect(unchanged!.triage).toBe("useful");

      const res = await staff<Referral>(analyst, "mutation", "referrals.create", {
        agencyId: h.fixtures.otherAgency.id,
        tipIds: [tip.id],
        overrideReason: "The shop named is a French chain",
      });
      expect(res.status).toBe(200);
      expect(res.body.result!.data.hub!.overrideReason).toBe("The shop named is a French chain");
      const [audit] = await h.deps.database.db
        .select()
        .from(schema.auditEvents)
        .where(eq(schema.auditEvents.entityId, res.body.result!.data.id));
      expect(audit).toMatchObject({
        action: "referral.created_against_suggestion",
        reason: "The shop named is a French chain",
      });
    });

    it("refuses untriaged tips and tips about different objects, changing nothing", async () => {
      const fresh = await call(h.publicApp, "mutation", "tips.submit", {
        objectRef: h.fixtures.published.ref,
        answer: { confidence: "guess" },
        text: "Not yet triaged",
        language: "en",
      });
      expect(fresh.status).toBe(200);
      const [untriaged] = await h.deps.database.db
        .select({ id: schema.tips.id })
        .from(schema.tips)
        .where(eq(schema.tips.text, "Not yet triaged"));
      const before = await counts();
      const res = await staff(analyst, "mutation", "referrals.create", {
        agencyId: h.fixtures.agencyId,
        tipIds: [untriaged!.id],
      });
      expect(res.status).toBe(409);
      expect(res.body.error!.data.appCode).toBe("referral_tip_not_triaged");

      const general = await usefulTip(
        "A general tip",
        { confidence: "certain", country: "BE" },
        null,
      );
      const onObject = await usefulTip("Tip on the object");
      const mixed = await staff(analyst, "mutation", "referrals.create", {
        agencyId: h.fixtures.agencyId,
        tipIds: [general.id, onObject.id],
      });
      expect(mixed.status).toBe(400);
      expect(mixed.body.error!.data.appCode).toBe("referral_tips_mixed_objects");
      const unknown = await staff(analyst, "mutation", "referrals.create", {
        agencyId: h.fixtures.agencyId,
        tipIds: ["00000000-0000-4000-8000-000000000000"],
      });
      expect(unknown.status).toBe(400);
      const after = await counts();
      expect(after.referrals).toBe(before.referrals);
      expect(after.outbox).toBe(before.outbox);
    });
  });

  describe("the agency portal", () => {
    let referralId: string;

    beforeAll(async () => {
      const tip = await usefulTip("Shop in Antwerp sells this exact lamp");
      const res = await staff<Referral>(analyst, "mutation", "referrals.create", {
        agencyId: h.fixtures.agencyId,
        tipIds: [tip.id],
      });
      referralId = res.body.result!.data.id;
    });

    it("shows nothing to the agency before delivery", async () => {
      const list = await staff<{ items: { id: string }[] }>(
        liaison,
        "query",
        "agencyPortal.list",
        {},
      );
      expect(list.body.result!.data.items.map((r) => r.id)).not.toContain(referralId);
      const one = await staff(liaison, "query", "agencyPortal.byId", { id: referralId });
      expect(one.status).toBe(404);
    });

    it("lets the agency's liaison read, acknowledge, ask and record the outcome", async () => {
      await deliver(referralId);
      const list = await staff<{ items: { id: string }[] }>(
        liaison,
        "query",
        "agencyPortal.list",
        {},
      );
      expect(list.body.result!.data.items.map((r) => r.id)).toContain(referralId);
      const read = await staff<Referral>(liaison, "query", "agencyPortal.byId", { id: referralId });
      expect(read.body.result!.data.tips[0]!.text).toBe("Shop in Antwerp sells this exact lamp");
      // The hub's own notes on the referral stay with the hub.
      expect(read.body.result!.data.hub).toBeNull();

      const early = await staff(liaison, "mutation", "agencyPortal.dispose", {
        referralId,
        disposition: "other",
      });
      expect(early.status).toBe(400);
      expect(early.body.error!.data.fieldErrors).toEqual([
        expect.objectContaining({ path: "note" }),
      ]);

      const ack = await staff<Referral>(liaison, "mutation", "agencyPortal.acknowledge", {
        referralId,
      });
      expect(ack.body.result!.data.status).toBe("acknowledged");
      const twice = await staff(liaison, "mutation", "agencyPortal.acknowledge", { referralId });
      expect(twice.status).toBe(409);

      const asked = await staff<Referral>(liaison, "mutation", "agencyPortal.ask", {
        referralId,
        body: "Do you have the tipster's photo?",
      });
      expect(asked.body.result!.data.messages.map((m) => m.side)).toEqual(["agency"]);
      const hubList = await staff<{ items: { id: string; awaitingReply: boolean }[] }>(
        analyst,
        "query",
        "referrals.list",
        {},
      );
      expect(hubList.body.result!.data.items.find((r) => r.id === referralId)!.awaitingReply).toBe(
        true,
      );
      await staff(analyst, "mutation", "referrals.reply", {
        referralId,
        body: "No photo was sent with this tip.",
      });

      const disposed = await staff<Referral>(liaison, "mutation", "agencyPortal.dispose", {
        referralId,
        disposition: "investigation_opened",
      });
      expect(disposed.body.result!.data).toMatchObject({
        status: "disposed",
        disposition: "investigation_opened",
      });
      const hub = await staff<Referral>(analyst, "query", "referrals.byId", { id: referralId });
      expect(hub.body.result!.data).toMatchObject({
        disposition: "investigation_opened",
        acknowledgedAt: expect.any(String),
      });
    });

    /**
     * Agency isolation: every staff procedure a liaison may call that takes a record answers for
     * another agency's referral (or its tip) exactly as for one that does not exist.
     */
    it("knows every procedure a liaison can call, so each is covered by the isolation test below", () => {
      // Session procedures touch no record; agencies.list gives names only. A new liaison
      // procedure fails here until it is added to the isolation checks.
      expect(liaisonProcedures).toEqual([
        "agencies.list",
        "agencyPortal.acknowledge",
        "agencyPortal.ask",
        "agencyPortal.byId",
        "agencyPortal.dispose",
        "agencyPortal.list",
        "auth.logout",
        "auth.logoutEverywhere",
      ]);
    });

    it("answers another agency's liaison as if the referral did not exist", async () => {
      const [link] = await h.deps.database.db
        .select({ tipId: schema.referralTips.tipId })
        .from(schema.referralTips)
        .where(eq(schema.referralTips.referralId, referralId));
      const missing = "00000000-0000-4000-8000-000000000000";
      const attempts: [string, "query" | "mutation", (id: string) => unknown][] = [
        ["agencyPortal.byId", "query", (id) => ({ id })],
        ["agencyPortal.acknowledge", "mutation", (id) => ({ referralId: id })],
        [
          "agencyPortal.dispose",
          "mutation",
          (id) => ({ referralId: id, disposition: "no_result" }),
        ],
        ["agencyPortal.ask", "mutation", (id) => ({ referralId: id, body: "Hello?" })],
      ];
      const before = await counts();
      for (const [path, kind, input] of attempts) {
        const theirs = await staff(foreignLiaison, kind, path, input(referralId));
        const none = await staff(foreignLiaison, kind, path, input(missing));
        expect(theirs.status, path).toBe(404);
        const strip = (b: typeof theirs.body) => ({
          ...b.error,
          data: { ...b.error!.data, requestId: null },
        });
        expect(strip(theirs.body), path).toEqual(strip(none.body));
      }
      const list = await staff<{ items: unknown[]; total: number }>(
        foreignLiaison,
        "query",
        "agencyPortal.list",
        {},
      );
      expect(list.body.result!.data).toEqual({ items: [], total: 0 });
      // Hub procedures on the tip or referral refuse the role before looking at the record.
      for (const [path, input] of [
        ["tips.byId", { id: link!.tipId }],
        ["referrals.byId", { id: referralId }],
        ["referrals.forTip", { tipId: link!.tipId }],
        ["routing.tryOnTip", { tipId: link!.tipId }],
      ] as const) {
        const kind = path === "routing.tryOnTip" ? "mutation" : "query";
        const res = await staff(foreignLiaison, kind, path, input);
        expect(res.status, path).toBe(403);
      }
      const after = await counts();
      expect(after.referrals).toBe(before.referrals);
    });
  });
});
