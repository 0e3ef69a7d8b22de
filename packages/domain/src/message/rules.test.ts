import { describe, expect, it } from "vitest";
import { canTipsterReply, MessageBodySchema, TIPSTER_MESSAGES_MAX } from "./rules";

const staff = { author: "staff" } as const;
const tipster = { author: "tipster" } as const;

describe("canTipsterReply", () => {
  it.each([
    ["an empty thread", [], { ok: false, error: "no_question_to_answer" }],
    ["only tipster messages", [tipster], { ok: false, error: "no_question_to_answer" }],
    ["a question", [staff], { ok: true, value: true }],
    ["a question and answers", [staff, tipster, tipster], { ok: true, value: true }],
    [
      "a full thread",
      [staff, ...Array.from({ length: TIPSTER_MESSAGES_MAX }, () => tipster)],
      { ok: false, error: "too_many_messages" },
    ],
  ] as const)("%s", (_name, thread, expected) => {
    expect(canTipsterReply(thread)).toEqual(expected);
  });
});

describe("MessageBodySchema", () => {
  it.each([
    ["hello", true],
    ["   ", false],
    ["", false],
    ["x".repeat(5000), true],
    ["x".repeat(5001), false],
  ])("%j valid: %s", (body, valid) => {
    expect(MessageBodySchema.safeParse(body).success).toBe(valid);
  });
});
