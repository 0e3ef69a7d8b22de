import { describe, expect, it } from "vitest";
import { fieldMessages } from "./field-errors";

describe("fieldMessages", () => {
  it("is empty without field errors", () => {
    expect(fieldMessages(null)).toEqual({});
    expect(fieldMessages(undefined)).toEqual({});
  });

  it("keeps the first message of each field", () => {
    expect(
      fieldMessages([
        { path: "note", message: "Say what came of the lead." },
        { path: "webhookUrl", message: "Enter a web address." },
        { path: "note", message: "At most 2000 characters." },
      ]),
    ).toEqual({ note: "Say what came of the lead.", webhookUrl: "Enter a web address." });
  });
});
