import { describe, expect, it } from "vitest";
import { compileMessages } from "../../i18n";
import enCatalog from "../../i18n/locales/en.json";
import enForms from "../../i18n/locales/forms/en.json";
import frCatalog from "../../i18n/locales/fr.json";
import frForms from "../../i18n/locales/forms/fr.json";
import {
  EMPTY_TIP_FORM,
  errorSummaryEntries,
  mapTipFieldErrors,
  parseEvidenceLinks,
  validateTipForm,
  type TipFormValues,
} from "./tip-form-model";

const context = { objectRef: "TOA-7K3Q9M", language: "en" };
const en = compileMessages({ ...enCatalog, ...enForms }, "en");
const fr = compileMessages({ ...frCatalog, ...frForms }, "fr");
const e = en.tipForm.errors;

describe("parseEvidenceLinks", () => {
  it.each([
    ["", []],
    ["  \n\n ", []],
    ["https://a.example/x", ["https://a.example/x"]],
    [" https://a.example/x \r\n\r\nhttp://b.example ", ["https://a.example/x", "http://b.example"]],
    ["www.shop.example/item?id=3", ["https://www.shop.example/item?id=3"]],
    ["shop.example", ["https://shop.example"]],
    ["ftp://files.example/a", ["ftp://files.example/a"]],
    ["not a link", ["not a link"]],
    ["javascript:alert(1)", ["javascript:alert(1)"]],
  ])("%j", (text, links) => {
    expect(parseEvidenceLinks(text)).toEqual(links);
  });
});

describe("mapTipFieldErrors", () => {
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
    [{ path: "text", code: "too_big", message: "x" }, { text: "Use at most 5,000 characters." }],
    [
      { path: "contact", code: "too_big", message: "x" },
      { contact: "Use at most 500 characters." },
    ],
    [
      { path: "answer.evidenceLinks", code: "too_big", message: "x" },
      { evidenceLinks: e.tooManyLinks({ max: 10 }) },
    ],
    [
      { path: "answer.evidenceLinks.1", code: "invalid_format", message: "x" },
      { evidenceLinks: e.evidenceLink({ link: "b" }) },
    ],
    [
      { path: "answer.evidenceLinks.0", code: "too_big", message: "x" },
      { evidenceLinks: "Use at most 2,000 characters." },
    ],
    [{ path: "objectRef", code: "invalid_format", message: "x" }, { form: en.common.unexpected() }],
    [
      { path: "answer.unknown", code: "unrecognized_keys", message: "x" },
      { form: en.common.unexpected() },
    ],
  ])("%j", (issue, expected) => {
    expect(mapTipFieldErrors([issue], en, ["a", "b"])).toEqual(expected);
  });

  it("speaks the page's language, with its number format and plural", () => {
    expect(mapTipFieldErrors([{ path: "text", code: "too_big", message: "x" }], fr)).toEqual({
      text: "Utilisez au plus 5\u202f000 caractères.",
    });
  });

  it("keeps the first issue per field", () => {
    const errors = mapTipFieldErrors(
      [
        { path: "answer.evidenceLinks.0", code: "invalid_format", message: "x" },
        { path: "answer.evidenceLinks.1", code: "invalid_format", message: "x" },
      ],
      en,
      ["first", "second"],
    );
    expect(errors).toEqual({ evidenceLinks: e.evidenceLink({ link: "first" }) });
  });
});

describe("errorSummaryEntries", () => {
  it("lists errors in form order, linked to their controls", () => {
    expect(errorSummaryEntries({ text: "t", confidence: "c", country: "k" })).toEqual([
      { fieldId: "tip-country", message: "k" },
      { fieldId: "tip-confidence", message: "c" },
      { fieldId: "tip-text", message: "t" },
    ]);
  });
  it("links the whole-answer error to the first free answer field", () => {
    expect(errorSummaryEntries({ answer: "a" })).toEqual([
      { fieldId: "tip-country", message: "a" },
    ]);
    expect(errorSummaryEntries({ answer: "a", country: "k" })).toEqual([
      { fieldId: "tip-place", message: "a" },
      { fieldId: "tip-country", message: "k" },
    ]);
  });
  it("leaves form-level errors out (they show as an alert)", () => {
    expect(errorSummaryEntries({ form: "f" })).toEqual([]);
  });
});

describe("validateTipForm", () => {
  const valid: TipFormValues = { ...EMPTY_TIP_FORM, country: "BE", confidence: "think_so" };

  it("accepts a country and a confidence", () => {
    const result = validateTipForm(valid, context, en);
    expect(result).toEqual({
      ok: true,
      submission: {
        objectRef: "TOA-7K3Q9M",
        answer: { country: "BE", evidenceLinks: [], confidence: "think_so" },
        language: "en",
        concernsOtherAbuse: false,
        // Photos are attached by the form after validation (see use-tip-photos.ts).
        photoTokens: [],
      },
    });
  });

  it("asks for a confidence", () => {
    const result = validateTipForm({ ...valid, confidence: "" }, context, en);
    expect(result).toEqual({ ok: false, errors: { confidence: e.confidence() } });
  });

  it("asks for something to go on when only blanks are given", () => {
    const result = validateTipForm(
      { ...EMPTY_TIP_FORM, placeOrShop: "   ", confidence: "guess" },
      context,
      en,
    );
    expect(result).toEqual({ ok: false, errors: { answer: e.answer() } });
  });

  it("says everything that is missing at once", () => {
    const result = validateTipForm(EMPTY_TIP_FORM, context, en);
    expect(result).toEqual({
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

  it("trims and drops empty optional text", () => {
    const result = validateTipForm(
      { ...valid, country: "", text: "  Sold at a market in Ghent  ", contact: " " },
      { objectRef: undefined, language: "en" },
      en,
    );
    expect(result.ok && result.submission).toEqual({
      answer: { evidenceLinks: [], confidence: "think_so" },
      text: "Sold at a market in Ghent",
      language: "en",
      concernsOtherAbuse: false,
      photoTokens: [],
    });
  });
});
