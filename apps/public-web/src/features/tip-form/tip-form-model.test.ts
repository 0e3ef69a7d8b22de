// The reading and checks themselves are tested in the domain (packages/domain/src/tip/tip-form.test.ts);
// here, that the site words every error in the page's language.
import { describe, expect, it } from "vitest";
import { compileMessages } from "../../i18n";
import enCatalog from "../../i18n/locales/en.json";
import enForms from "../../i18n/locales/forms/en.json";
import frCatalog from "../../i18n/locales/fr.json";
import frForms from "../../i18n/locales/forms/fr.json";
import {
  EMPTY_TIP_FORM,
  mapTipFieldErrors,
  validateTipForm,
  type TipFormValues,
} from "./tip-form-model";

const context = { objectRef: "TOA-7K3Q9M", language: "en" };
const en = compileMessages({ ...enCatalog, ...enForms }, "en");
const fr = compileMessages({ ...frCatalog, ...frForms }, "fr");
const e = en.tipForm.errors;

describe("mapTipFieldErrors (the API's field errors, in the site's words)", () => {
  it.each([
    [{ path: "answer", code: "custom", message: "x" }, { answer: e.answer() }],
    [{ path: "answer.country", code: "invalid_value", message: "x" }, { country: e.country() }],
    [
      { path: "answer.confidence", code: "invalid_value", message: "x" },
      { confidence: e.confidence() },
    ],
    [
      { path: "answer.placeOrShop", code: "too_big", message: "x" },
      { placeOrShop: "Use at most 200 characters." },
    ],
    [
      { path: "answer.timePeriod", code: "invalid_type", message: "x" },
      { timePeriod: e.invalid() },
    ],
    [
      { path: "answer.evidenceLinks", code: "too_big", message: "x" },
      { evidenceLinks: e.tooManyLinks({ max: 10 }) },
    ],
    [
      { path: "answer.evidenceLinks.1", code: "invalid_format", message: "x" },
      { evidenceLinks: e.evidenceLink({ link: "b" }) },
    ],
    [{ path: "objectRef", code: "invalid_format", message: "x" }, { form: en.common.unexpected() }],
  ])("%j", (issue, expected) => {
    expect(mapTipFieldErrors([issue], en, ["a", "b"])).toEqual(expected);
  });

  it("speaks the page's language, with its number format and plural", () => {
    expect(mapTipFieldErrors([{ path: "text", code: "too_big", message: "x" }], fr)).toEqual({
      text: "Utilisez au plus 5\u202f000 caractères.",
    });
  });
});

describe("validateTipForm", () => {
  const valid: TipFormValues = { ...EMPTY_TIP_FORM, country: "BE", confidence: "think_so" };

  it("passes a valid form on as the submission", () => {
    // Photos are attached by the form after validation (see use-tip-photos.ts).
    expect(validateTipForm(valid, context, en)).toEqual({
      ok: true,
      submission: expect.objectContaining({ objectRef: "TOA-7K3Q9M", photoTokens: [] }),
    });
  });

  it("says everything that is missing at once, in the site's words", () => {
    expect(validateTipForm(EMPTY_TIP_FORM, context, en)).toEqual({
      ok: false,
      errors: { answer: e.answer(), confidence: e.confidence() },
    });
  });

  it("quotes the evidence link it refuses", () => {
    const result = validateTipForm(
      { ...valid, evidenceLinks: "https://ok.example\nnot a link" },
      context,
      en,
    );
    expect(result).toEqual({
      ok: false,
      errors: { evidenceLinks: e.evidenceLink({ link: "not a link" }) },
    });
  });

  it("speaks the page's language", () => {
    expect(validateTipForm({ ...valid, confidence: "" }, context, fr)).toEqual({
      ok: false,
      errors: { confidence: fr.tipForm.errors.confidence() },
    });
    expect(fr.tipForm.errors.confidence()).not.toBe(e.confidence());
  });
});
