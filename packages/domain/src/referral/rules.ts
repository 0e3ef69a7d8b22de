import { z } from "zod";
import { err, ok, type Result } from "../shared/result";
import {
  REFERRAL_DISPOSITIONS,
  type ReferralDisposition,
  type ReferralStatusSchema,
} from "./referral";

type ReferralStatus = z.infer<typeof ReferralStatusSchema>;

export const REFERRAL_ACTIONS = ["deliver", "acknowledge", "dispose"] as const;
export type ReferralActionType = (typeof REFERRAL_ACTIONS)[number];

export type ReferralAction =
  /** The outbox worker handed the lead package to the agency's channel. */
  | { type: "deliver" }
  /** The agency's liaison confirms receipt. */
  | { type: "acknowledge" }
  /** The agency records what came of the lead. */
  | { type: "dispose"; disposition: ReferralDisposition; note?: string | null };

export type ReferralTransitionError = "illegal_transition" | "note_required";

/**
 * What a step changes. Who did it and when are recorded by the caller (the domain has no clock):
 * `acknowledges` says whether the acknowledgement fields must be set in the same write.
 */
export interface ReferralTransition {
  status: ReferralStatus;
  acknowledges: boolean;
  disposition: ReferralDisposition | null;
  /** The note as it is stored: trimmed, null when empty. */
  dispositionNote: string | null;
}

/**
 * The statuses each action may start from. Disposing a delivered referral acknowledges it in the
 * same step: recording an outcome proves receipt, and a liaison who has the result at hand should
 * not have to click twice. Acknowledging needs delivery first: an agency cannot confirm a lead
 * it was never sent. `disposed` is final.
 */
export const REFERRAL_ACTION_FROM: Readonly<Record<ReferralActionType, readonly ReferralStatus[]>> =
  {
    deliver: ["pending"],
    acknowledge: ["delivered"],
    dispose: ["delivered", "acknowledged"],
  };

/** The actions a referral in this status allows, for the buttons an app shows. */
export function allowedReferralActions(status: ReferralStatus): ReferralActionType[] {
  return REFERRAL_ACTIONS.filter((action) => REFERRAL_ACTION_FROM[action].includes(status));
}

/**
 * The referral lifecycle: pending → delivered → acknowledged → disposed, with a disposition;
 * "other" needs a note saying what happened.
 */
export function transitionReferral(
  referral: { status: ReferralStatus },
  action: ReferralAction,
): Result<ReferralTransition, ReferralTransitionError> {
  if (!REFERRAL_ACTION_FROM[action.type].includes(referral.status)) {
    return err("illegal_transition");
  }
  switch (action.type) {
    case "deliver":
      return ok({
        status: "delivered",
        acknowledges: false,
        disposition: null,
        dispositionNote: null,
      });
    case "acknowledge":
      return ok({
        status: "acknowledged",
        acknowledges: true,
        disposition: null,
        dispositionNote: null,
      });
    case "dispose": {
      const note = action.note?.trim() || null;
      if (action.disposition === "other" && note === null) return err("note_required");
      return ok({
        status: "disposed",
        acknowledges: referral.status === "delivered",
        disposition: action.disposition,
        dispositionNote: note,
      });
    }
  }
}

export const REFERRAL_NOTE_MAX = 2000;

const ReferralIdSchema = z.uuid("This is not a referral id.");

export const AcknowledgeReferralInputSchema = z.strictObject({ referralId: ReferralIdSchema });
export type AcknowledgeReferralInput = z.infer<typeof AcknowledgeReferralInputSchema>;

export const DisposeReferralInputSchema = z
  .strictObject({
    referralId: ReferralIdSchema,
    disposition: z.enum(REFERRAL_DISPOSITIONS, {
      error:
        "Choose what came of the lead: useful lead, no result, investigation opened, victim identified or other.",
    }),
    note: z
      .string("Write the note as text.")
      .trim()
      .max(REFERRAL_NOTE_MAX, `At most ${REFERRAL_NOTE_MAX} characters.`)
      .optional()
      .transform((v) => (v === "" ? undefined : v)),
  })
  .refine((input) => input.disposition !== "other" || input.note !== undefined, {
    message: "Say in a note what came of the lead when you choose “other”.",
    path: ["note"],
  });
export type DisposeReferralInput = z.infer<typeof DisposeReferralInputSchema>;

export type ReferralRequestError = "mixed_objects" | "override_reason_required";

/**
 * Whether a referral may be made as asked: its tips are about one object (or all about none),
 * and choosing an agency the rules did not suggest comes with a reason. When the rules suggest
 * nothing, there is nothing to override.
 */
export function checkReferralRequest(request: {
  agencyId: string;
  suggestedAgencyIds: readonly string[];
  /** The object of each tip; null for a tip not about one object. */
  tipObjectIds: readonly (string | null)[];
  overrideReason?: string | null;
}): Result<
  { objectId: string | null; overridesSuggestion: boolean; reason: string | null },
  ReferralRequestError
> {
  const objectIds = new Set(request.tipObjectIds);
  if (objectIds.size > 1) return err("mixed_objects");
  const overridesSuggestion =
    request.suggestedAgencyIds.length > 0 && !request.suggestedAgencyIds.includes(request.agencyId);
  const reason = request.overrideReason?.trim() || null;
  if (overridesSuggestion && !reason) return err("override_reason_required");
  return ok({
    objectId: [...objectIds][0] ?? null,
    overridesSuggestion,
    reason: overridesSuggestion ? reason : null,
  });
}
