// The reading and checks themselves are tested in the domain (packages/domain/src/tip/tip-form.test.ts);
// here, that these pages word every kind of error in the page's language. The HTTP side is in
// nojs.test.ts.
import { describe, expect, it } from "vitest";
import { EMPTY_TIP_FORM, LOCALES } from "@trace/domain";
import { messagesFor } from "./messages";
import { emptyTipForm, readTipForm, validateTipForm, type TipFormValues } from "./tip-form";

const values = (changes: Partial<TipFormValues>): TipFormValues => ({
  ...emptyTipForm("ticket", "key"),
  ...changes,
});

describe("the form without JavaScript", () => {
  it("starts empty but for its ticket and key", () => {
    expect(emptyTipForm("t1", "k1")).toEqual({
      ...EMPTY_TIP_FORM,
      honeypot: "",
      ticket: "t1",
      sendKey: "k1",
    });
  });

  it("reads the posted controls by name, the honeypot as `website`", () => {
    const form = new URLSearchParams({
      country: "BE",
      evidenceLinks: "shop.example",
      concernsOtherAbuse: "on",
      website: "bot",
      ticket: "t2",
      sendKey: "k2",
    });
    expect(readTipForm(form)).toEqual({
      ...EMPTY_TIP_FORM,
      country: "BE",
      evidenceLinks: "shop.example",
      concernsOtherAbuse: true,
      honeypot: "bot",
      ticket: "t2",
      sendKey: "k2",
    });
  });

  it("passes a valid form on as the submission", () => {
    const result = validateTipForm(
      values({ country: "BE", confidence: "guess" }),
      { objectRef: undefined, language: "nl" },
      messagesFor("nl"),
    );
    expect(result).toEqual({
      ok: true,
      submission: expect.objectContaining({
        answer: { country: "BE", evidenceLinks: [], confidence: "guess" },
        language: "nl",
      }),
    });
  });

  describe.each(LOCALES)("words every kind of error [%s]", (locale) => {
    const m = messagesFor(locale);
    const e = m.tipForm.errors;
    const check = (changes: Partial<TipFormValues>, objectRef?: string) =>
      validateTipForm(
        values({ confidence: "guess", ...changes }),
        { objectRef, language: locale },
        m,
      );

    it("nothing to go on, no confidence", () => {
      expect(check({ confidence: "" })).toEqual({
        ok: false,
        errors: { answer: e.answer(), confidence: e.confidence() },
      });
    });
    it("a country that is not one", () => {
      expect(check({ country: "XX" })).toEqual({ ok: false, errors: { country: e.country() } });
    });
    it("too long, with its limit", () => {
      expect(check({ text: "x".repeat(5001) })).toEqual({
        ok: false,
        errors: { text: e.tooLong({ max: 5000 }) },
      });
    });
    it("too many links, and a link that is not one", () => {
      const links = Array.from({ length: 11 }, (_, i) => `https://a.example/${i}`).join("\n");
      expect(check({ evidenceLinks: links })).toEqual({
        ok: false,
        errors: { evidenceLinks: e.tooManyLinks({ max: 10 }) },
      });
      expect(check({ evidenceLinks: "not a link" })).toEqual({
        ok: false,
        errors: { evidenceLinks: e.evidenceLink({ link: "not a link" }) },
      });
    });
    it("what no control can fix", () => {
      expect(check({ country: "BE" }, "not-a-ref")).toEqual({
        ok: false,
        errors: { form: m.common.unexpected() },
      });
    });
    it("in words of its own", () => {
      const worded = [e.answer(), e.country(), e.tooLong({ max: 5000 }), m.common.unexpected()];
      for (const text of worded) expect(text).toMatch(/\p{L}{2}/u);
      if (locale !== "en") expect(e.answer()).not.toBe(messagesFor("en").tipForm.errors.answer());
    });
  });
});
