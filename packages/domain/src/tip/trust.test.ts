import { describe, expect, it } from "vitest";
import { TipSubmitRequestSchema } from "./submit-request";
import {
  assessTipTrust,
  DEFAULT_TRUST_POLICY,
  type SubmissionFacts,
  type TipTrustReason,
} from "./trust";

const received = new Date("2026-05-01T10:00:00.000Z");
const secondsBefore = (s: number) => new Date(received.getTime() - s * 1000);

/** A person who used the site's form: ticket a minute old, empty honeypot, valid proof of work. */
const person: SubmissionFacts = {
  channel: "app",
  isHoneypotFilled: false,
  formIssuedAt: secondsBefore(60),
  receivedAt: received,
  proofOfWork: "valid",
};

const cases: { name: string; facts: Partial<SubmissionFacts>; reasons: TipTrustReason[] }[] = [
  { name: "a person on the site", facts: {}, reasons: [] },
  {
    name: "a person without JavaScript (no proof of work)",
    facts: { channel: "form", proofOfWork: "missing" },
    reasons: [],
  },
  {
    name: "the form channel ignores a proof of work it cannot have",
    facts: { channel: "form", proofOfWork: "invalid" },
    reasons: [],
  },
  { name: "the honeypot filled", facts: { isHoneypotFilled: true }, reasons: ["honeypot_filled"] },
  {
    name: "the honeypot filled without JavaScript",
    facts: { channel: "form", proofOfWork: "missing", isHoneypotFilled: true },
    reasons: ["honeypot_filled"],
  },
  {
    name: "sent one second after the form was handed out",
    facts: { formIssuedAt: secondsBefore(1) },
    reasons: ["filled_too_fast"],
  },
  {
    name: "sent exactly at the minimum fill time",
    facts: { formIssuedAt: secondsBefore(DEFAULT_TRUST_POLICY.minFillMs / 1000) },
    reasons: [],
  },
  {
    name: "a ticket from the future",
    facts: { formIssuedAt: secondsBefore(-30) },
    reasons: ["filled_too_fast"],
  },
  {
    name: "no valid ticket",
    facts: { formIssuedAt: null },
    reasons: ["ticket_missing_or_invalid"],
  },
  {
    name: "a ticket older than a day",
    facts: { formIssuedAt: secondsBefore(24 * 3600 + 1) },
    reasons: ["ticket_missing_or_invalid"],
  },
  {
    name: "no proof of work from the site",
    facts: { proofOfWork: "missing" },
    reasons: ["proof_of_work_missing"],
  },
  {
    name: "a wrong proof of work",
    facts: { proofOfWork: "invalid" },
    reasons: ["proof_of_work_invalid"],
  },
  {
    name: "a proof of work already spent",
    facts: { proofOfWork: "reused" },
    reasons: ["proof_of_work_reused"],
  },
  {
    name: "a crude bot: everything at once, reasons in their fixed order",
    facts: { proofOfWork: "missing", formIssuedAt: null, isHoneypotFilled: true },
    reasons: ["honeypot_filled", "ticket_missing_or_invalid", "proof_of_work_missing"],
  },
];

describe("assessTipTrust", () => {
  it.each(cases)("$name", ({ facts, reasons }) => {
    const assessment = assessTipTrust({ ...person, ...facts }, DEFAULT_TRUST_POLICY);
    expect(assessment).toEqual({ trust: reasons.length > 0 ? "low" : "normal", reasons });
  });

  it("follows the configured minimum fill time", () => {
    const facts = { ...person, formIssuedAt: secondsBefore(5) };
    expect(assessTipTrust(facts, { ...DEFAULT_TRUST_POLICY, minFillMs: 4_000 }).trust).toBe(
      "normal",
    );
    expect(assessTipTrust(facts, { ...DEFAULT_TRUST_POLICY, minFillMs: 6_000 }).reasons).toEqual([
      "filled_too_fast",
    ]);
  });
});

describe("TipSubmitRequestSchema", () => {
  const tip = { answer: { confidence: "guess", country: "BE" }, language: "en" };

  it("takes a tip with or without the abuse signals", () => {
    expect(TipSubmitRequestSchema.safeParse(tip).success).toBe(true);
    const parsed = TipSubmitRequestSchema.parse({
      ...tip,
      honeypot: "",
      formTicket: "abc.def",
      proofOfWork: "eyJ9",
    });
    expect(parsed).toMatchObject({ honeypot: "", formTicket: "abc.def", proofOfWork: "eyJ9" });
  });

  it("keeps the tip's own rules and refuses unknown fields", () => {
    expect(
      TipSubmitRequestSchema.safeParse({ ...tip, answer: { confidence: "guess" } }).success,
    ).toBe(false);
    expect(TipSubmitRequestSchema.safeParse({ ...tip, website: "x" }).success).toBe(false);
    expect(TipSubmitRequestSchema.safeParse({ ...tip, formTicket: "x".repeat(201) }).success).toBe(
      false,
    );
  });
});
