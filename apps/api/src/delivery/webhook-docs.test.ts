import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { verifyTraceSignature } from "../../../../docs/webhooks/verify-signature.mjs";
import { signWebhook } from "./webhook";
import { referralWebhookJsonSchema, WEBHOOK_SCHEMA_FILE } from "./webhook-schema";

const docs = (name: string) =>
  readFileSync(new URL(`../../../../docs/webhooks/${name}`, import.meta.url), "utf8");

describe("the published webhook contract", () => {
  it("docs/webhooks/referral-delivered.schema.json is the schema the code generates", () => {
    // Compared as JSON, so formatting (Prettier) does not matter. To update the file:
    // `npx -y pnpm@12.4.2 --filter @trace/api webhook-schema`.
    expect(JSON.parse(readFileSync(WEBHOOK_SCHEMA_FILE, "utf8"))).toEqual(
      referralWebhookJsonSchema(),
    );
  });

  it("the schema names every tip field and none that identifies the tipster", () => {
    const schema = referralWebhookJsonSchema() as {
      properties: { tips: { items: { properties: Record<string, unknown> } } };
    };
    expect(Object.keys(schema.properties.tips.items.properties).sort()).toEqual(
      [
        "brandOrProduct",
        "confidence",
        "country",
        "evidenceLinks",
        "id",
        "language",
        "placeOrShop",
        "receivedAt",
        "text",
        "timePeriod",
      ].sort(),
    );
    const names: string[] = [];
    const collect = (node: unknown): void => {
      if (Array.isArray(node)) node.forEach(collect);
      else if (node && typeof node === "object") {
        const properties = (node as { properties?: Record<string, unknown> }).properties;
        if (properties) names.push(...Object.keys(properties));
        Object.values(node).forEach(collect);
      }
    };
    collect(schema);
    expect(names.filter((n) => /contact|receipt|hash|^ip|address|email|phone/i.test(n))).toEqual(
      [],
    );
  });

  it("the README's verification example is verify-signature.mjs, word for word", () => {
    expect(docs("README.md")).toContain("```js\n" + docs("verify-signature.mjs") + "```");
  });
});

describe("signature verification with the documented example", () => {
  const secret = "whsec_example-secret-for-the-documentation-tests";
  const body = JSON.stringify({ event: "referral.delivered", tips: [{ text: "Ghent, 2014" }] });
  const timestamp = 1_767_225_600;
  const signed = {
    secret,
    body,
    timestamp: String(timestamp),
    signature: signWebhook(secret, timestamp, body),
    nowSeconds: timestamp + 10,
  };

  it("accepts what Trace signs, as a string or as raw bytes", () => {
    expect(verifyTraceSignature(signed)).toBe(true);
    expect(verifyTraceSignature({ ...signed, body: Buffer.from(body) })).toBe(true);
  });

  it("matches an independent HMAC-SHA256 of timestamp + '.' + body", async () => {
    const { createHmac } = await import("node:crypto");
    const hex = createHmac("sha256", secret).update(`${timestamp}.${body}`).digest("hex");
    expect(signed.signature).toBe(`v1=${hex}`);
  });

  it.each([
    ["a changed body", { body: body.replace("Ghent", "Gent") }],
    ["another secret", { secret: `${secret}x` }],
    ["a changed timestamp", { timestamp: String(timestamp + 1) }],
    ["a timestamp 6 minutes old", { nowSeconds: timestamp + 360 }],
    ["a timestamp 6 minutes ahead", { nowSeconds: timestamp - 360 }],
    ["no timestamp", { timestamp: undefined }],
    ["a timestamp that is not a number", { timestamp: "1767225600.5" }],
    ["no signature", { signature: undefined }],
    ["another scheme", { signature: signed.signature.replace("v1=", "v0=") }],
    ["a short signature", { signature: signed.signature.slice(0, 40) }],
    ["an uppercase signature", { signature: `v1=${signed.signature.slice(3).toUpperCase()}` }],
  ])("refuses %s", (_, change) => {
    expect(verifyTraceSignature({ ...signed, ...change })).toBe(false);
  });
});
