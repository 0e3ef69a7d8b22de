import { REFERRAL_DISPOSITIONS } from "@trace/domain";

export interface DispositionProblems {
  disposition?: "required";
  note?: "required" | "too_long";
}

/**
 * What is wrong with an outcome as the form holds it, before asking the API (which checks the
 * same): an outcome must be chosen, "other" needs a note, and a note has a length limit.
 */
export function dispositionProblems(
  disposition: string,
  note: string,
  noteMax: number,
): DispositionProblems {
  const problems: DispositionProblems = {};
  if (!(REFERRAL_DISPOSITIONS as readonly string[]).includes(disposition))
    problems.disposition = "required";
  const text = note.trim();
  if (text.length > noteMax) problems.note = "too_long";
  else if (disposition === "other" && text === "") problems.note = "required";
  return problems;
}
