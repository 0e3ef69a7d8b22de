import { describe, expect, it } from "vitest";
import { dispositionProblems } from "./disposition";

describe("dispositionProblems", () => {
  it.each([
    ["useful_lead", ""],
    ["no_result", "Checked with the shop."],
    ["investigation_opened", ""],
    ["victim_identified", ""],
    ["other", "Passed to the regional unit."],
  ])("accepts %s with note %j", (disposition, note) => {
    expect(dispositionProblems(disposition, note, 2000)).toEqual({});
  });

  it("needs an outcome", () => {
    expect(dispositionProblems("", "", 2000)).toEqual({ disposition: "required" });
    expect(dispositionProblems("lost", "", 2000)).toEqual({ disposition: "required" });
  });

  it("needs a note for other, blanks not counting", () => {
    expect(dispositionProblems("other", "", 2000)).toEqual({ note: "required" });
    expect(dispositionProblems("other", "   \n ", 2000)).toEqual({ note: "required" });
  });

  it("limits the note's length after trimming", () => {
    expect(dispositionProblems("no_result", "x".repeat(11), 10)).toEqual({ note: "too_long" });
    expect(dispositionProblems("no_result", ` ${"x".repeat(10)} `, 10)).toEqual({});
  });
});
