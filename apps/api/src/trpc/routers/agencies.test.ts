import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { listAuditEvents, schema } from "@trace/db";
import { createTestDatabases } from "@trace/db/testing";
import { decryptSecret } from "../../services/secrets";
import { call, countRows, createHarness, loginAs, type Harness } from "../../test/harness";

const engines = await createTestDatabases();

type AgencyView = {
  id: string;
  code: string;
  deliveryChannel: string;
  webhookUrl?: string | null;
  hasWebhookSecret?: boolean;
};

describe.each(engines)("agency delivery settings [$name]", (engine) => {
  let h: Harness;
  let admin: string;
  let analyst: string;
  let liaison: string;
  let coordinator: string;
  let agencyId: string;

  const list = async (cookie: string) =>
    (await call<AgencyView[]>(h.staffApp, "query", "agencies.list", undefined, { cookie })).body
      .result!.data;
  const mutate = <T = unknown>(path: string, input: unknown, cookie = admin) =>
    call<T>(h.staffApp, "mutation", path, input, { cookie });
  const storedAgency = async () =>
    (
      await h.deps.database.db
        .select()
        .from(schema.agencies)
        .where(eq(schema.agencies.id, agencyId))
    )[0]!;

  beforeAll(async () => {
    h = await createHarness(await engine.open());
    agencyId = h.fixtures.agencyId;
    admin = await loginAs(h, "admin");
    analyst = await loginAs(h, "analyst");
    liaison = await loginAs(h, "agency_liaison");
    coordinator = await loginAs(h, "coordinator");
  });
  afterAll(() => engine.dispose());

  it("lists agencies for every staff role; webhook details for admins only", async () => {
    for (const cookie of [analyst, liaison, coordinator]) {
      const agencies = await list(cookie);
      expect(agencies.map((a) => a.code)).toContain("BE-FEDPOL");
      for (const agency of agencies) {
        expect(agency).not.toHaveProperty("webhookUrl");
        expect(agency).not.toHaveProperty("hasWebhookSecret");
      }
    }
    expect((await list(admin)).find((a) => a.id === agencyId)).toMatchObject({
      code: "BE-FEDPOL",
      deliveryChannel: "portal",
      webhookUrl: null,
      hasWebhookSecret: false,
    });
  });

  it.each([
    [{ channel: "webhook" }, "webhookUrl"],
    [{ channel: "webhook", webhookUrl: "ftp://agency.example/hook" }, "webhookUrl"],
    [{ channel: "webhook", webhookUrl: "https://user:pw@agency.example/hook" }, "webhookUrl"],
    [{ channel: "webhook", webhookUrl: "https://agency.example/hook#x" }, "webhookUrl"],
    [{ channel: "email", webhookUrl: "https://agency.example/hook" }, "channel"],
  ])("refuses %j with a field error and changes nothing", async (input, field) => {
    const before = await countRows(h);
    const res = await mutate("agencies.updateDelivery", { agencyId, ...input });
    expect(res.status).toBe(400);
    expect(res.body.error!.data.fieldErrors).toEqual(
      expect.arrayContaining([expect.objectContaining({ path: field })]),
    );
    expect(await countRows(h)).toEqual(before);
    expect(await storedAgency()).toMatchObject({ deliveryChannel: "portal", webhookUrl: null });
  });

  it("refuses other roles and unknown agencies", async () => {
    const input = { agencyId, channel: "webhook", webhookUrl: "https://agency.example/hook" };
    for (const cookie of [analyst, liaison, coordinator]) {
      expect((await mutate("agencies.updateDelivery", input, cookie)).status).toBe(403);
      expect((await mutate("agencies.rotateWebhookSecret", { agencyId }, cookie)).status).toBe(403);
    }
    const unknown = "00000000-0000-4000-8000-000000000000";
    const res = await mutate("agencies.updateDelivery", { ...input, agencyId: unknown });
    expect(res.body.error!.data.appCode).toBe("agency_not_found");
    const rotate = await mutate("agencies.rotateWebhookSecret", { agencyId: unknown });
    expect(rotate.body.error!.data.appCode).toBe("agency_not_found");
    expect((await storedAgency()).webhookSecretCiphertext).toBeNull();
  });

  it("switching to a webhook makes a secret shown once, stored only encrypted", async () => {
    const res = await mutate<{ agency: AgencyView; webhookSecret: string | null }>(
      "agencies.updateDelivery",
      { agencyId, channel: "webhook", webhookUrl: "https://agency.example/trace" },
    );
    expect(res.status).toBe(200);
    const { agency, webhookSecret } = res.body.result!.data;
    expect(agency).toMatchObject({
      deliveryChannel: "webhook",
      webhookUrl: "https://agency.example/trace",
      hasWebhookSecret: true,
    });
    expect(webhookSecret).toMatch(/^whsec_[A-Za-z0-9_-]{43}$/);
    const stored = await storedAgency();
    expect(stored.webhookSecretCiphertext).not.toContain(webhookSecret!);
    expect(decryptSecret(h.deps.webhookEncryptionKey, stored.webhookSecretCiphertext!)).toBe(
      webhookSecret,
    );
    const audit = (await listAuditEvents(h.deps.database.db)).slice(-2);
    expect(audit).toMatchObject([
      { action: "agency.delivery_changed", actorId: h.fixtures.users.admin.id, entityId: agencyId },
      { action: "agency.webhook_secret_rotated", entityType: "agency", entityId: agencyId },
    ]);

    // A change of address keeps the secret, and shows none.
    const again = await mutate<{ webhookSecret: string | null }>("agencies.updateDelivery", {
      agencyId,
      channel: "webhook",
      webhookUrl: "https://agency.example/trace/v2",
    });
    expect(again.body.result!.data.webhookSecret).toBeNull();
    expect((await storedAgency()).webhookSecretCiphertext).toBe(stored.webhookSecretCiphertext);

    // Never readable again: not in any list, nor in the logs.
    for (const cookie of [admin, analyst]) {
      expect(JSON.stringify(await list(cookie))).not.toContain(webhookSecret!);
    }
    expect(h.logs.join("\n")).not.toContain(webhookSecret!);
  });

  it("rotates the secret: a new one, shown once, and the old one no longer stored", async () => {
    const before = (await storedAgency()).webhookSecretCiphertext!;
    const oldSecret = decryptSecret(h.deps.webhookEncryptionKey, before);
    const res = await mutate<{ agencyId: string; webhookSecret: string }>(
      "agencies.rotateWebhookSecret",
      { agencyId },
    );
    expect(res.status).toBe(200);
    const { webhookSecret } = res.body.result!.data;
    expect(webhookSecret).not.toBe(oldSecret);
    expect(
      decryptSecret(h.deps.webhookEncryptionKey, (await storedAgency()).webhookSecretCiphertext!),
    ).toBe(webhookSecret);
    expect((await listAuditEvents(h.deps.database.db)).at(-1)).toMatchObject({
      action: "agency.webhook_secret_rotated",
      actorId: h.fixtures.users.admin.id,
    });
    expect(JSON.stringify(await list(admin))).not.toContain(webhookSecret);
    expect(h.logs.join("\n")).not.toContain(webhookSecret);
  });

  it("back to the portal: the address is kept unless cleared", async () => {
    await mutate("agencies.updateDelivery", { agencyId, channel: "portal" });
    expect(await storedAgency()).toMatchObject({
      deliveryChannel: "portal",
      webhookUrl: "https://agency.example/trace/v2",
    });
    await mutate("agencies.updateDelivery", { agencyId, channel: "portal", webhookUrl: null });
    const stored = await storedAgency();
    expect(stored).toMatchObject({ deliveryChannel: "portal", webhookUrl: null });
    // The secret stays, ready for a switch back.
    expect(stored.webhookSecretCiphertext).not.toBeNull();
  });
});
