import { describe, expect, it } from "vitest";
import { checkDeliverySettings } from "./delivery-settings";

describe("checkDeliverySettings", () => {
  it("accepts a webhook with an https address", () => {
    expect(checkDeliverySettings("webhook", " https://receiver.example/trace ")).toEqual({
      ok: true,
      input: { channel: "webhook", webhookUrl: "https://receiver.example/trace" },
    });
  });

  it("needs an address for a webhook", () => {
    expect(checkDeliverySettings("webhook", "  ")).toEqual({ ok: false, webhookUrl: "required" });
  });

  it.each([
    ["not a URL", "receiver.example"],
    ["another scheme", "ftp://receiver.example/trace"],
    ["credentials", "https://user:secret@receiver.example/trace"],
    ["a fragment", "https://receiver.example/trace#x"],
  ])("refuses %s", (_name, url) => {
    expect(checkDeliverySettings("webhook", url)).toEqual({ ok: false, webhookUrl: "invalid" });
  });

  it("clears the address of a portal agency when the field is emptied", () => {
    expect(checkDeliverySettings("portal", "")).toEqual({
      ok: true,
      input: { channel: "portal", webhookUrl: null },
    });
  });

  it("keeps an address prepared for a portal agency, if valid", () => {
    expect(checkDeliverySettings("portal", "http://127.0.0.1:4010/hook")).toEqual({
      ok: true,
      input: { channel: "portal", webhookUrl: "http://127.0.0.1:4010/hook" },
    });
    expect(checkDeliverySettings("portal", "nope")).toEqual({ ok: false, webhookUrl: "invalid" });
  });
});
