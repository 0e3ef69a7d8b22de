import { describe, expect, it } from "vitest";
import {
  EMPTY_TIP_FORM,
  checkTipDraft,
  errorSummaryEntries,
  hasTipContent,
  mapTipFormErrors,
  parseEvidenceLinks,
  tipFormErrors,
  toTipDraft,
  type TipDraftContext,
  type TipFormError,
  type TipFormErrors,
  type TipFormIssue,
  type TipFormValues,
} from "./tip-form";

const context = { objectRef: "TOA-7K3Q9M", language: "en" };

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

describe("toTipDraft", () => {
  it("leaves out an empty country and confidence, and an absent object", () => {
    expect(toTipDraft(EMPTY_TIP_FORM, { objectRef: undefined, language: "fr" })).toEqual({
      answer: { placeOrShop: "", brandOrProduct: "", timePeriod: "", evidenceLinks: [] },
      text: "",
      contact: "",
      language: "fr",
      concernsOtherAbuse: false,
    });
  });

  it("keeps every value as typed, the links parsed", () => {
    const values: TipFormValues = {
      country: "BE",
      placeOrShop: " Ghent ",
      brandOrProduct: "Brand",
      timePeriod: "2010s",
      evidenceLinks: "shop.example\n",
      confidence: "sure",
      text: "words",
      contact: "me@example.org",
      concernsOtherAbuse: true,
    };
    expect(toTipDraft(values, context)).toEqual({
      objectRef: "TOA-7K3Q9M",
      answer: {
        country: "BE",
        placeOrShop: " Ghent ",
        brandOrProduct: "Brand",
        timePeriod: "2010s",
        evidenceLinks: ["https://shop.example"],
        confidence: "sure",
      },
      text: "words",
      contact: "me@example.org",
      language: "en",
      concernsOtherAbuse: true,
    });
  });
});

describe("hasTipContent", () => {
  const draft = (changes: Partial<TipFormValues>) =>
    toTipDraft({ ...EMPTY_TIP_FORM, confidence: "guess", ...changes }, context);
  it.each<[string, Partial<TipFormValues>, boolean]>([
    ["nothing", {}, false],
    ["only blanks", { placeOrShop: "  ", brandOrProduct: "\t", text: " \n" }, false],
    ["a time period alone", { timePeriod: "1990s" }, false],
    ["contact details alone", { contact: "me@example.org" }, false],
    ["a country", { country: "DE" }, true],
    ["a place or shop", { placeOrShop: "Lidl" }, true],
    ["a brand or product", { brandOrProduct: "Ikea" }, true],
    ["an evidence link", { evidenceLinks: "https://a.example" }, true],
    ["words", { text: "I think…" }, true],
  ])("%s: %s", (_name, changes, expected) => {
    expect(hasTipContent(draft(changes))).toBe(expected);
  });
});

describe("tipFormErrors", () => {
  it.each<[TipFormIssue, TipFormErrors<TipFormError>]>([
    [{ path: "answer", code: "custom" }, { answer: { key: "answer" } }],
    [{ path: "answer.country", code: "invalid_value" }, { country: { key: "country" } }],
    [{ path: "answer.confidence", code: "invalid_value" }, { confidence: { key: "confidence" } }],
    [
      { path: "answer.placeOrShop", code: "too_big" },
      { placeOrShop: { key: "tooLong", values: { max: 200 } } },
    ],
    [{ path: "answer.timePeriod", code: "invalid_type" }, { timePeriod: { key: "invalid" } }],
    [{ path: "text", code: "too_big" }, { text: { key: "tooLong", values: { max: 5000 } } }],
    [{ path: "contact", code: "too_big" }, { contact: { key: "tooLong", values: { max: 500 } } }],
    [{ path: "contact", code: "invalid_type" }, { contact: { key: "invalid" } }],
    [
      { path: "answer.evidenceLinks", code: "too_big" },
      { evidenceLinks: { key: "tooManyLinks", values: { max: 10 } } },
    ],
    [{ path: "answer.evidenceLinks", code: "invalid_type" }, { evidenceLinks: { key: "invalid" } }],
    [
      { path: "answer.evidenceLinks.1", code: "invalid_format" },
      { evidenceLinks: { key: "evidenceLink", values: { link: "b" } } },
    ],
    [
      { path: "answer.evidenceLinks.5", code: "invalid_format" },
      { evidenceLinks: { key: "evidenceLink", values: { link: "" } } },
    ],
    [
      { path: "answer.evidenceLinks.0", code: "too_big" },
      { evidenceLinks: { key: "tooLong", values: { max: 2000 } } },
    ],
    [{ path: "objectRef", code: "invalid_format" }, { form: { key: "unexpected" } }],
    [{ path: "language", code: "invalid_value" }, { form: { key: "unexpected" } }],
    [{ path: "answer.unknown", code: "unrecognized_keys" }, { form: { key: "unexpected" } }],
    // Words and contact are not part of the structured answer.
    [{ path: "answer.text", code: "too_big" }, { form: { key: "unexpected" } }],
  ])("%j", (issue, expected) => {
    expect(tipFormErrors([issue], ["a", "b"])).toEqual(expected);
  });

  it("keeps the first issue per field", () => {
    const errors = tipFormErrors(
      [
        { path: "answer.evidenceLinks.0", code: "invalid_format" },
        { path: "answer.evidenceLinks.1", code: "invalid_format" },
        { path: "objectRef", code: "invalid_format" },
        { path: "language", code: "too_big" },
      ],
      ["first", "second"],
    );
    expect(errors).toEqual({
      evidenceLinks: { key: "evidenceLink", values: { link: "first" } },
      form: { key: "unexpected" },
    });
  });
});

describe("checkTipDraft", () => {
  const valid: TipFormValues = { ...EMPTY_TIP_FORM, country: "BE", confidence: "think_so" };
  const check = (values: TipFormValues, ctx: TipDraftContext = context) =>
    checkTipDraft(toTipDraft(values, ctx));

  it("accepts a country and a confidence", () => {
    expect(check(valid)).toEqual({
      ok: true,
      submission: {
        objectRef: "TOA-7K3Q9M",
        answer: { country: "BE", evidenceLinks: [], confidence: "think_so" },
        language: "en",
        concernsOtherAbuse: false,
        // Photos are attached by the site's form after validation.
        photoTokens: [],
      },
    });
  });

  it("asks for a confidence", () => {
    expect(check({ ...valid, confidence: "" })).toEqual({
      ok: false,
      errors: { confidence: { key: "confidence" } },
    });
  });

  it("asks for something to go on when only blanks are given", () => {
    expect(check({ ...EMPTY_TIP_FORM, placeOrShop: "   ", confidence: "guess" })).toEqual({
      ok: false,
      errors: { answer: { key: "answer" } },
    });
  });

  it("says everything that is missing at once", () => {
    expect(check(EMPTY_TIP_FORM)).toEqual({
      ok: false,
      errors: { answer: { key: "answer" }, confidence: { key: "confidence" } },
    });
  });

  it("quotes the evidence link it refuses", () => {
    expect(check({ ...valid, evidenceLinks: "https://ok.example\nnot a link" })).toEqual({
      ok: false,
      errors: { evidenceLinks: { key: "evidenceLink", values: { link: "not a link" } } },
    });
  });

  it("refuses a language the site does not speak as nothing the tipster can fix", () => {
    expect(check(valid, { ...context, language: "xx-not-a-language" })).toEqual({
      ok: false,
      errors: { form: { key: "unexpected" } },
    });
  });

  it("trims and drops empty optional text", () => {
    const result = check(
      { ...valid, country: "", text: "  Sold at a market in Ghent  ", contact: " " },
      { objectRef: undefined, language: "en" },
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

describe("mapTipFormErrors", () => {
  it("turns each error into something else, field by field", () => {
    const errors: TipFormErrors<TipFormError> = {
      answer: { key: "answer" },
      text: { key: "tooLong", values: { max: 5 } },
    };
    expect(mapTipFormErrors(errors, (error) => error.key)).toEqual({
      answer: "answer",
      text: "tooLong",
    });
    expect(mapTipFormErrors({}, (error: TipFormError) => error.key)).toEqual({});
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
    expect(
      errorSummaryEntries({ answer: "a", country: "k", placeOrShop: "p", brandOrProduct: "b" }),
    ).toEqual([
      { fieldId: "tip-text", message: "a" },
      { fieldId: "tip-country", message: "k" },
      { fieldId: "tip-place", message: "p" },
      { fieldId: "tip-brand", message: "b" },
    ]);
  });
  it("keeps any kind of message as it is", () => {
    const error: TipFormError = { key: "country" };
    expect(errorSummaryEntries({ country: error })).toEqual([
      { fieldId: "tip-country", message: error },
    ]);
  });
  it("leaves form-level errors out (they show as an alert)", () => {
    expect(errorSummaryEntries({ form: "f" })).toEqual([]);
  });
});
