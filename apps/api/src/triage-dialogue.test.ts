import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { listAuditEvents, schema, verifyAuditChain } from "@trace/db";
import { createTestDatabases } from "@trace/db/testing";
import { call, countRows, createHarness, loginAs, type Harness } from "./test/harness";

const engines = await createTestDatabases();

const MISSING = "00000000-0000-4000-8000-000000000000";

interface Receipt {
  receiptCode: string;
}
interface ListRow {
  id: string;
  excerpt: string;
  triageStatus: string;
  priority: string;
  assigneeName: string | null;
  unreadReplies: number;
}

describe.each(engines)("triage and dialogue [$name]", (engine) => {
  let h: Harness;
  let analyst: string;
  let coordinator: string;

  /** Sends a tip from the public surface and returns its receipt code and id. */
  async function submit(
    text: string,
    extra: Record<string, unknown> = {},
  ): Promise<{ code: string; id: string }> {
    const res = await call<Receipt>(h.publicApp, "mutation", "tips.submit", {
      objectRef: h.fixtures.published.ref,
      answer: { confidence: "guess", country: "BE" },
      text,
      language: "en",
      ...extra,
    });
    expect(res.status).toBe(200);
    h.clock.now = new Date(h.clock.now.getTime() + 60_000);
    const [row] = await h.deps.database.db
      .select({ id: schema.tips.id })
      .from(schema.tips)
      .where(eq(schema.tips.text, text));
    return { code: res.body.result!.data.receiptCode, id: row!.id };
  }

  const status = (code: string) =>
    call<{ status: string; messages: { author: string; body: string; isNew: boolean }[] }>(
      h.publicApp,
      "query",
      "tips.status",
      { receiptCode: code },
      { method: "POST" },
    );

  const list = async (input: Record<string, unknown>, cookie = analyst) => {
    const res = await call<{ items: ListRow[]; total: number }>(
      h.staffApp,
      "query",
      "tips.list",
      input,
      { cookie },
    );
    expect(res.status).toBe(200);
    return res.body.result!.data.items;
  };

  const auditOf = async (tipId: string) =>
    (await listAuditEvents(h.deps.database.db)).filter((e) => e.entityId === tipId);

  beforeAll(async () => {
    h = await createHarness(await engine.open());
    analyst = await loginAs(h, "analyst");
    coordinator = await loginAs(h, "coordinator");
  });
  afterAll(() => engine.dispose());

  describe("triage", () => {
    it("triages a tip as useful with a note: history, audit and the tipster's status follow", async () => {
      const tip = await submit("Triage happy path");
      expect((await status(tip.code)).body.result!.data.status).toBe("received");
      const res = await call(
        h.staffApp,
        "mutation",
        "tips.triage",
        { id: tip.id, outcome: "useful", note: "Matches the shop in Liège" },
        { cookie: analyst },
      );
      expect(res.status).toBe(200);
      expect(res.body.result!.data).toEqual({
        id: tip.id,
        triageStatus: "useful",
        publicStatus: "under_review",
        priority: "normal",
      });
      expect((await status(tip.code)).body.result!.data.status).toBe("under_review");

      const detail = await call<{
        history: { kind: string; triageStatus: string; note: string | null; actorName: string }[];
      }>(h.staffApp, "query", "tips.byId", { id: tip.id }, { cookie: analyst });
      expect(detail.body.result!.data.history.at(-1)).toMatchObject({
        kind: "status",
        triageStatus: "useful",
        note: "Matches the shop in Liège",
        actorName: "Test analyst",
      });
      const triaged = (await auditOf(tip.id)).filter((e) => e.action === "tip.triaged");
      expect(triaged).toHaveLength(1);
      expect(triaged[0]).toMatchObject({ actorId: h.fixtures.users.analyst.id, reason: null });
      expect(JSON.stringify(await auditOf(tip.id))).not.toContain("Liège");
      expect((await verifyAuditChain(h.deps.database.db)).brokenAt).toBeNull();
    });

    it.each([
      ["spam", "closed"],
      ["not_useful", "closed"],
      ["urgent_safeguarding", "under_review"],
    ])("shows %s to the tipster as %s", async (outcome, shown) => {
      const tip = await submit(`Outcome ${outcome}`);
      const res = await call(
        h.staffApp,
        "mutation",
        "tips.triage",
        { id: tip.id, outcome },
        { cookie: coordinator },
      );
      expect(res.status).toBe(200);
      expect((await status(tip.code)).body.result!.data.status).toBe(shown);
    });

    it("marks a duplicate of an existing tip", async () => {
      const original = await submit("Original tip");
      const copy = await submit("Copy of the original");
      const res = await call(
        h.staffApp,
        "mutation",
        "tips.triage",
        { id: copy.id, outcome: "duplicate", duplicateOfId: original.id },
        { cookie: analyst },
      );
      expect(res.status).toBe(200);
      const detail = await call<{ duplicateOfId: string }>(
        h.staffApp,
        "query",
        "tips.byId",
        { id: copy.id },
        { cookie: analyst },
      );
      expect(detail.body.result!.data.duplicateOfId).toBe(original.id);
    });

    it.each([
      [
        "a duplicate of a tip that does not exist",
        { duplicateOfId: MISSING },
        400,
        "duplicate_original_not_found",
      ],
      ["a duplicate of itself", { duplicateOfId: "self" }, 400, "duplicate_of_self"],
      ["a duplicate without its original", {}, 400, null],
    ] as [string, { duplicateOfId?: string }, number, string | null][])(
      "refuses %s and writes nothing",
      async (_name, extra, httpStatus, appCode) => {
        const tip = await submit(`Refused duplicate ${_name}`);
        const before = await countRows(h);
        const input = {
          id: tip.id,
          outcome: "duplicate",
          ...extra,
          ...(extra.duplicateOfId === "self" ? { duplicateOfId: tip.id } : {}),
        };
        const res = await call(h.staffApp, "mutation", "tips.triage", input, { cookie: analyst });
        expect(res.status).toBe(httpStatus);
        if (appCode) expect(res.body.error!.data.appCode).toBe(appCode);
        expect(await countRows(h)).toEqual(before);
        expect((await status(tip.code)).body.result!.data.status).toBe("received");
      },
    );

    it("refuses the same outcome twice, an unknown tip, and changes nothing", async () => {
      const tip = await submit("Twice spam");
      await call(
        h.staffApp,
        "mutation",
        "tips.triage",
        { id: tip.id, outcome: "spam" },
        { cookie: analyst },
      );
      const before = await countRows(h);
      const again = await call(
        h.staffApp,
        "mutation",
        "tips.triage",
        { id: tip.id, outcome: "spam" },
        { cookie: analyst },
      );
      expect(again.status).toBe(409);
      expect(again.body.error!.data.appCode).toBe("tip_illegal_transition");
      const unknown = await call(
        h.staffApp,
        "mutation",
        "tips.triage",
        { id: MISSING, outcome: "spam" },
        { cookie: analyst },
      );
      expect(unknown.status).toBe(404);
      expect(await countRows(h)).toEqual(before);
    });

    it("triages in bulk, tip by tip, reporting each refusal without half-applying", async () => {
      const a = await submit("Bulk A");
      const b = await submit("Bulk B");
      await call(
        h.staffApp,
        "mutation",
        "tips.triage",
        { id: b.id, outcome: "not_useful" },
        { cookie: analyst },
      );
      const before = await countRows(h);
      const res = await call<{
        results: { id: string; ok: boolean; error?: string; publicStatus?: string }[];
      }>(
        h.staffApp,
        "mutation",
        "tips.triageMany",
        { ids: [a.id, b.id, MISSING], outcome: "not_useful", note: "Bulk clean-up" },
        { cookie: analyst },
      );
      expect(res.status).toBe(200);
      expect(res.body.result!.data.results).toEqual([
        {
          ok: true,
          id: a.id,
          triageStatus: "not_useful",
          publicStatus: "closed",
          priority: "normal",
        },
        { ok: false, id: b.id, error: "tip_illegal_transition" },
        { ok: false, id: MISSING, error: "tip_not_found" },
      ]);
      const after = await countRows(h);
      // One tip changed: one history row and one audit event, nothing for the refused two.
      expect(after.events - before.events).toBe(1);
      expect(after.audit - before.audit).toBe(1);
      expect((await status(a.code)).body.result!.data.status).toBe("closed");
    });

    it("refuses a bulk request with a repeated tip or too many tips", async () => {
      const a = await submit("Bulk repeated");
      const res = await call(
        h.staffApp,
        "mutation",
        "tips.triageMany",
        { ids: [a.id, a.id], outcome: "spam" },
        { cookie: analyst },
      );
      expect(res.status).toBe(400);
    });
  });

  describe("queues", () => {
    it("shows the new, urgent (safeguarding first) and assigned-to-me views", async () => {
      const general = await submit("Urgent queue: other abuse", {
        concernsOtherAbuse: true,
        objectRef: undefined,
      });
      const safeguarding = await submit("Urgent queue: safeguarding");
      await call(
        h.staffApp,
        "mutation",
        "tips.triage",
        { id: safeguarding.id, outcome: "urgent_safeguarding" },
        { cookie: analyst },
      );
      const urgent = await list({ queue: "urgent", sort: "newest" });
      expect(urgent.map((t) => t.id)).toEqual(
        expect.arrayContaining([general.id, safeguarding.id]),
      );
      expect(urgent.every((t) => t.priority === "urgent")).toBe(true);
      // Safeguarding cases first: the newest is the triaged safeguarding tip.
      expect(urgent[0]!.triageStatus).toBe("urgent_safeguarding");

      expect(
        (await list({ queue: "new", limit: 100 })).every((t) => t.triageStatus === "new"),
      ).toBe(true);

      const mine = await submit("Assigned to me");
      const res = await call(
        h.staffApp,
        "mutation",
        "tips.assign",
        { id: mine.id },
        { cookie: analyst },
      );
      expect(res.status).toBe(200);
      const assigned = await list({ queue: "mine" });
      expect(assigned.map((t) => t.id)).toEqual([mine.id]);
      expect(assigned[0]!.assigneeName).toBe("Test analyst");
      expect(await list({ queue: "mine" }, coordinator)).toEqual([]);
    });
  });

  describe("assignment", () => {
    it("assigns to self, refuses twice, lets a colleague take over, and unassigns", async () => {
      const tip = await submit("Assignment flow");
      // History is ordered by time: each step a second later.
      const tick = () => (h.clock.now = new Date(h.clock.now.getTime() + 1000));
      const assign = (cookie: string) => {
        tick();
        return call(h.staffApp, "mutation", "tips.assign", { id: tip.id }, { cookie });
      };
      const unassign = (cookie: string) => {
        tick();
        return call(h.staffApp, "mutation", "tips.unassign", { id: tip.id }, { cookie });
      };
      expect((await assign(analyst)).status).toBe(200);
      const before = await countRows(h);
      const twice = await assign(analyst);
      expect(twice.status).toBe(409);
      expect(twice.body.error!.data.appCode).toBe("already_assigned_to_you");
      const notMine = await unassign(coordinator);
      expect(notMine.body.error!.data.appCode).toBe("not_assigned_to_you");
      expect(await countRows(h)).toEqual(before);
      expect((await assign(coordinator)).status).toBe(200);
      expect((await unassign(coordinator)).status).toBe(200);
      const detail = await call<{
        assignee: unknown;
        history: { kind: string; actorName: string }[];
      }>(h.staffApp, "query", "tips.byId", { id: tip.id }, { cookie: analyst });
      expect(detail.body.result!.data.assignee).toBeNull();
      expect(detail.body.result!.data.history.map((e) => e.kind)).toEqual([
        "status",
        "assigned",
        "assigned",
        "unassigned",
      ]);
      const actions = (await auditOf(tip.id)).map((e) => e.action).filter((a) => a !== "tip.read");
      expect(actions).toEqual(["tip.submitted", "tip.assigned", "tip.assigned", "tip.unassigned"]);
    });
  });

  describe("contact details", () => {
    it("reveals the contact only with a reason, and audits the reason", async () => {
      const tip = await submit("With contact", { contact: "tipster@example.org" });
      const detail = await call(
        h.staffApp,
        "query",
        "tips.byId",
        { id: tip.id },
        { cookie: analyst },
      );
      expect(JSON.stringify(detail.body)).not.toContain("tipster@example.org");
      const list1 = await call(h.staffApp, "query", "tips.list", {}, { cookie: analyst });
      expect(JSON.stringify(list1.body)).not.toContain("tipster@example.org");

      const res = await call<{ contact: string }>(
        h.staffApp,
        "mutation",
        "tips.revealContact",
        { id: tip.id, reason: "Need to confirm the shop address" },
        { cookie: analyst },
      );
      expect(res.status).toBe(200);
      expect(res.body.result!.data.contact).toBe("tipster@example.org");
      const reveal = (await auditOf(tip.id)).filter((e) => e.action === "tip.contact_revealed");
      expect(reveal).toEqual([
        expect.objectContaining({
          actorId: h.fixtures.users.analyst.id,
          reason: "Need to confirm the shop address",
        }),
      ]);
      expect(JSON.stringify(await listAuditEvents(h.deps.database.db))).not.toContain(
        "tipster@example.org",
      );
    });

    it.each([
      ["without a reason", { reason: "" }, 400],
      ["with a too short reason", { reason: "why" }, 400],
    ])("refuses %s and audits nothing", async (_name, extra, httpStatus) => {
      const tip = await submit(`Contact refused ${_name}`, { contact: "secret@example.org" });
      const before = await countRows(h);
      const res = await call(
        h.staffApp,
        "mutation",
        "tips.revealContact",
        { id: tip.id, ...extra },
        { cookie: analyst },
      );
      expect(res.status).toBe(httpStatus);
      expect(JSON.stringify(res.body)).not.toContain("secret@example.org");
      expect(await countRows(h)).toEqual(before);
    });

    it("answers 404 for a tip without contact or an unknown tip", async () => {
      const tip = await submit("No contact given");
      const none = await call(
        h.staffApp,
        "mutation",
        "tips.revealContact",
        { id: tip.id, reason: "Checking the details" },
        { cookie: analyst },
      );
      expect(none.status).toBe(404);
      expect(none.body.error!.data.appCode).toBe("no_contact");
      const unknown = await call(
        h.staffApp,
        "mutation",
        "tips.revealContact",
        { id: MISSING, reason: "Checking the details" },
        { cookie: analyst },
      );
      expect(unknown.status).toBe(404);
    });
  });

  describe("dialogue", () => {
    it("carries a question and an answer, with unread markers on both sides", async () => {
      const tip = await submit("Dialogue tip");
      // The tipster cannot start the conversation.
      const early = await call(h.publicApp, "mutation", "tips.reply", {
        receiptCode: tip.code,
        body: "Hello?",
      });
      expect(early.status).toBe(409);
      expect(early.body.error!.data.appCode).toBe("no_question_to_answer");

      const sent = await call(
        h.staffApp,
        "mutation",
        "tips.sendMessage",
        { tipId: tip.id, body: "Which market day was it?" },
        { cookie: analyst },
      );
      expect(sent.status).toBe(200);
      const audit = (await auditOf(tip.id)).filter((e) => e.action === "message.sent");
      expect(audit).toEqual([
        expect.objectContaining({ actorId: h.fixtures.users.analyst.id, reason: null }),
      ]);
      expect(JSON.stringify(await listAuditEvents(h.deps.database.db))).not.toContain("market day");

      // First visit: the question is new; second visit: seen.
      const first = await status(tip.code);
      expect(first.body.result!.data.messages).toEqual([
        expect.objectContaining({ author: "staff", body: "Which market day was it?", isNew: true }),
      ]);
      expect(JSON.stringify(first.body)).not.toContain("Test analyst");
      expect((await status(tip.code)).body.result!.data.messages[0]!.isNew).toBe(false);

      h.clock.now = new Date(h.clock.now.getTime() + 60_000);
      const reply = await call(h.publicApp, "mutation", "tips.reply", {
        receiptCode: tip.code.toLowerCase(),
        body: "  A Saturday in June  ",
      });
      expect(reply.status).toBe(200);
      const received = (await auditOf(tip.id)).filter((e) => e.action === "message.received");
      expect(received).toEqual([expect.objectContaining({ actorId: null })]);

      const row = (await list({ sort: "newest", limit: 100 })).find((t) => t.id === tip.id);
      expect(row!.unreadReplies).toBe(1);

      const detail = await call<{
        messages: {
          author: string;
          body: string;
          isNew: boolean;
          staffAuthorName: string | null;
        }[];
      }>(h.staffApp, "query", "tips.byId", { id: tip.id }, { cookie: coordinator });
      expect(detail.body.result!.data.messages).toEqual([
        expect.objectContaining({ author: "staff", staffAuthorName: "Test analyst", isNew: false }),
        expect.objectContaining({
          author: "tipster",
          body: "A Saturday in June",
          isNew: true,
          staffAuthorName: null,
        }),
      ]);
      // Seen by staff now: the inbox marker is gone.
      const after = (await list({ sort: "newest", limit: 100 })).find((t) => t.id === tip.id);
      expect(after!.unreadReplies).toBe(0);
      const messages = await h.deps.database.db
        .select()
        .from(schema.messages)
        .where(eq(schema.messages.tipId, tip.id));
      expect(messages.every((m) => m.readAt !== null)).toBe(true);
      expect(messages.find((m) => m.author === "tipster")!.staffAuthorId).toBeNull();
    });

    it.each([
      ["a wrong receipt code", { receiptCode: "AAAA-BBBB-CCCC-DDDD-EEEE", body: "hi" }, 404],
      // Answered exactly like an unknown code, so the answer tells a guesser nothing.
      ["a malformed receipt code", { receiptCode: "nope", body: "hi" }, 404],
      ["an empty body", { body: "   " }, 400],
      ["a too long body", { body: "x".repeat(5001) }, 400],
      ["an identity field", { body: "hi", email: "me@example.org" }, 400],
    ])("refuses a reply with %s and writes nothing", async (_name, input, httpStatus) => {
      const tip = await submit(`Reply refused ${_name}`);
      await call(
        h.staffApp,
        "mutation",
        "tips.sendMessage",
        { tipId: tip.id, body: "Question?" },
        { cookie: analyst },
      );
      const before = await countRows(h);
      const [{ n: messagesBefore }] = (await h.deps.database.db
        .$count(schema.messages)
        .then((n) => [{ n }])) as [{ n: number }];
      const res = await call(h.publicApp, "mutation", "tips.reply", {
        receiptCode: tip.code,
        ...input,
      });
      expect(res.status).toBe(httpStatus);
      expect(await countRows(h)).toEqual(before);
      expect(await h.deps.database.db.$count(schema.messages)).toBe(messagesBefore);
    });

    it("refuses a staff message on an unknown tip or without a body", async () => {
      const before = await countRows(h);
      const unknown = await call(
        h.staffApp,
        "mutation",
        "tips.sendMessage",
        { tipId: MISSING, body: "Hello" },
        { cookie: analyst },
      );
      expect(unknown.status).toBe(404);
      const empty = await call(
        h.staffApp,
        "mutation",
        "tips.sendMessage",
        { tipId: MISSING, body: "" },
        { cookie: analyst },
      );
      expect(empty.status).toBe(400);
      expect(await countRows(h)).toEqual(before);
    });

    it("is not reachable from the public listener for staff procedures", async () => {
      const res = await call(h.publicApp, "mutation", "tips.sendMessage", {
        tipId: MISSING,
        body: "x",
      });
      expect(res.status).toBe(404);
    });
  });

  describe("audit browsing", () => {
    it("lists with filters and pages, newest first, and verifies the chain", async () => {
      const all = await call<{
        items: { seq: number; action: string; actorName: string | null }[];
        total: number;
      }>(h.staffApp, "query", "audit.list", { limit: 5 }, { cookie: coordinator });
      expect(all.status).toBe(200);
      expect(all.body.result!.data.items).toHaveLength(5);
      const seqs = all.body.result!.data.items.map((e) => e.seq);
      expect([...seqs].sort((a, b) => b - a)).toEqual(seqs);

      const reveals = await call<{
        items: { action: string; actorName: string; reason: string }[];
        total: number;
      }>(
        h.staffApp,
        "query",
        "audit.list",
        { action: "tip.contact_revealed", entityType: "tip", actorId: h.fixtures.users.analyst.id },
        { cookie: coordinator },
      );
      expect(reveals.body.result!.data.total).toBe(1);
      expect(reveals.body.result!.data.items[0]).toMatchObject({
        actorName: "Test analyst",
        reason: "Need to confirm the shop address",
      });
      const future = await call<{ total: number }>(
        h.staffApp,
        "query",
        "audit.list",
        { from: "2099-01-01T00:00:00.000Z" },
        { cookie: coordinator },
      );
      expect(future.body.result!.data.total).toBe(0);
      const backwards = await call(
        h.staffApp,
        "query",
        "audit.list",
        { from: "2026-06-01T00:00:00.000Z", to: "2026-01-01T00:00:00.000Z" },
        { cookie: coordinator },
      );
      expect(backwards.status).toBe(400);

      const verify = await call<{ verified: number; brokenAt: number | null }>(
        h.staffApp,
        "query",
        "audit.verify",
        undefined,
        { cookie: coordinator },
      );
      expect(verify.body.result!.data).toEqual({
        verified: all.body.result!.data.total,
        brokenAt: null,
      });
    });

    it("is refused to analysts", async () => {
      const res = await call(h.staffApp, "query", "audit.list", {}, { cookie: analyst });
      expect(res.status).toBe(403);
    });
  });
});
