import { describe, expect, it } from "vitest";
import { compileMessages } from "../../i18n";
import enCatalog from "../../i18n/locales/en.json";
import enForms from "../../i18n/locales/forms/en.json";
import plCatalog from "../../i18n/locales/pl.json";
import plForms from "../../i18n/locales/forms/pl.json";
import { EMPTY_TIP_FORM, validateTipForm, type TipFormValues } from "./tip-form-model";

/** The form of the safeguarding page: no object, words required, always "other abuse". */
const context = { objectRef: undefined, language: "en", requiresText: true };
const en = compileMessages({ ...enCatalog, ...enForms }, "en");
const pl = compileMessages({ ...plCatalog, ...plForms }, "pl");
const values = (changes: Partial<TipFormValues>): TipFormValues => ({
  ...EMPTY_TIP_FORM,
  concernsOtherAbuse: true,
  confidence: "think_so",
  ...changes,
});

describe("the tip form without an object (abuse that is not about an object)", () => {
  it("sends the words with no object, flagged as other abuse", () => {
    const result = validateTipForm(
      values({ text: "  A neighbour's child…  ", country: "PL" }),
      context,
      en,
    );
    expect(result).toEqual({
      ok: true,
      submission: expect.objectContaining({
        text: "A neighbour's child…",
        concernsOtherAbuse: true,
        answer: expect.objectContaining({ country: "PL", evidenceLinks: [] }),
      }),
    });
    expect(result.ok && "objectRef" in result.submission).toBe(false);
  });

  it.each([
    ["no words at all", values({}), { text: en.tipForm.abuse.textRequired() }],
    // A country alone would satisfy the API, but says nothing about a child in danger.
    ["only a country", values({ country: "DE" }), { text: en.tipForm.abuse.textRequired() }],
    ["only spaces", values({ text: "   " }), { text: en.tipForm.abuse.textRequired() }],
    [
      "no confidence",
      values({ text: "Something", confidence: "" }),
      { confidence: en.tipForm.errors.confidence() },
    ],
  ])("refuses %s, with the error on the field that fixes it", (_, input, errors) => {
    expect(validateTipForm(input, context, en)).toEqual({ ok: false, errors });
  });

  it("says what is missing in the page's language", () => {
    expect(validateTipForm(values({}), { ...context, language: "pl" }, pl)).toEqual({
      ok: false,
      errors: { text: "Napisz, co wiesz." },
    });
  });

  it("leaves the object form as it was: a country alone is a tip", () => {
    const result = validateTipForm(
      { ...EMPTY_TIP_FORM, country: "DE", confidence: "guess" },
      { objectRef: "TOA-7K3Q9M", language: "en" },
      en,
    );
    expect(result.ok).toBe(true);
  });
});
