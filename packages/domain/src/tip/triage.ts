import { z } from "zod";
import { IdSchema } from "../shared/ids";
import { err, ok, type Result } from "../shared/result";
import { TRIAGE_OUTCOMES, type TipAction } from "./rules";

export const TriageOutcomeSchema = z.enum(TRIAGE_OUTCOMES);

export const TIP_NOTE_MAX = 2000;
/** One bulk request triages at most one inbox page. */
export const BULK_TRIAGE_MAX = 100;

const note = z
  .string()
  .trim()
  .max(TIP_NOTE_MAX, `At most ${TIP_NOTE_MAX} characters.`)
  .optional()
  .transform((v) => (v === "" ? undefined : v));

const triageFields = {
  outcome: TriageOutcomeSchema,
  /** Required when the outcome is "duplicate": the tip this one repeats. */
  duplicateOfId: IdSchema.optional(),
  /** Internal, for staff only: kept in the tip's history, never in the audit trail. */
  note,
};

function needsOriginal(input: { outcome: string; duplicateOfId?: string }): boolean {
  return input.outcome !== "duplicate" || input.duplicateOfId !== undefined;
}
const ORIGINAL_REQUIRED = {
  message: "Give the tip this one duplicates.",
  path: ["duplicateOfId"],
};

export const TriageTipInputSchema = z
  .strictObject({ id: IdSchema, ...triageFields })
  .refine(needsOriginal, ORIGINAL_REQUIRED);
export type TriageTipInput = z.infer<typeof TriageTipInputSchema>;

export const BulkTriageInputSchema = z
  .strictObject({
    ids: z
      .array(IdSchema)
      .min(1, "Select at least one tip.")
      .max(BULK_TRIAGE_MAX, `At most ${BULK_TRIAGE_MAX} tips at once.`)
      .refine((ids) => new Set(ids).size === ids.length, "Each tip may be selected once."),
    ...triageFields,
  })
  .refine(needsOriginal, ORIGINAL_REQUIRED);
export type BulkTriageInput = z.infer<typeof BulkTriageInputSchema>;

/** The domain action for a validated triage request. */
export function triageAction(input: {
  outcome: TriageTipInput["outcome"];
  duplicateOfId?: string;
}): TipAction {
  return input.outcome === "duplicate"
    ? { type: "triage", outcome: "duplicate", duplicateOfId: input.duplicateOfId ?? "" }
    : { type: "triage", outcome: input.outcome };
}

export const TIP_EVENT_KINDS = ["status", "assigned", "unassigned"] as const;
export const TipEventKindSchema = z.enum(TIP_EVENT_KINDS);
export type TipEventKind = z.infer<typeof TipEventKindSchema>;

export type AssignmentError = "already_assigned_to_you" | "not_assigned_to_you" | "tip_routed";

/**
 * "Assign to me" and "unassign": a hub member may take over a tip from a colleague (the history
 * shows it), but only the assignee can hand a tip back. A routed tip has left triage: its
 * assignment is frozen.
 */
export function assignTip(
  tip: { assigneeId: string | null; triageStatus: string },
  actorId: string,
  action: "assign" | "unassign",
): Result<{ assigneeId: string | null }, AssignmentError> {
  if (tip.triageStatus === "routed") return err("tip_routed");
  if (action === "assign") {
    if (tip.assigneeId === actorId) return err("already_assigned_to_you");
    return ok({ assigneeId: actorId });
  }
  if (tip.assigneeId !== actorId) return err("not_assigned_to_you");
  return ok({ assigneeId: null });
}

export const RevealContactInputSchema = z.strictObject({
  id: IdSchema,
  reason: z
    .string()
    .trim()
    .min(10, "Say why you need the contact details (at least 10 characters).")
    .max(500, "At most 500 characters."),
});
export type RevealContactInput = z.infer<typeof RevealContactInputSchema>;
