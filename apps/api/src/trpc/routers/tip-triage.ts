import { z } from "zod";
import {
  assignTip,
  BulkTriageInputSchema,
  IdSchema,
  publicTipStatus,
  PublicTipStatusSchema,
  RevealContactInputSchema,
  TipPrioritySchema,
  transitionTip,
  triageAction,
  TriageStatusSchema,
  TriageTipInputSchema,
  type Result,
  type TriageTipInput,
} from "@trace/domain";
import {
  appendAuditEvent,
  getTipContactCiphertext,
  lockTipForTriage,
  recordTipAssignment,
  recordTipTransition,
  tipExists,
  type Executor,
} from "@trace/db";
import { decryptContact } from "../../services/secrets";
import { appError, type AppErrorCode } from "../errors";
import { staffProcedure } from "../init";

const TriagedTipSchema = z.object({
  id: IdSchema,
  triageStatus: TriageStatusSchema,
  publicStatus: PublicTipStatusSchema,
  priority: TipPrioritySchema,
});
type TriagedTip = z.infer<typeof TriagedTipSchema>;

type TriageError = Extract<
  AppErrorCode,
  | "tip_not_found"
  | "tip_illegal_transition"
  | "duplicate_of_self"
  | "duplicate_of_required"
  | "duplicate_original_not_found"
>;

/**
 * One tip's triage, inside the caller's transaction: lock → decide with the domain rule → check
 * the original of a duplicate → history row (with the internal note) and audit event (without
 * it). Every refusal is returned before anything is written.
 */
async function triageOne(
  tx: Executor,
  id: string,
  input: Omit<TriageTipInput, "id">,
  actorId: string,
  at: Date,
): Promise<Result<TriagedTip, TriageError>> {
  const tip = await lockTipForTriage(tx, id);
  if (!tip) return { ok: false, error: "tip_not_found" };
  const decided = transitionTip(tip, triageAction(input));
  if (!decided.ok) {
    return {
      ok: false,
      error: decided.error === "illegal_transition" ? "tip_illegal_transition" : decided.error,
    };
  }
  const next = decided.value;
  if (next.duplicateOfId && !(await tipExists(tx, next.duplicateOfId))) {
    return { ok: false, error: "duplicate_original_not_found" };
  }
  const publicStatus = publicTipStatus(next.triageStatus);
  await recordTipTransition(tx, {
    tipId: id,
    triageStatus: next.triageStatus,
    publicStatus,
    priority: next.priority,
    duplicateOfId: next.duplicateOfId,
    actorId,
    at,
    note: input.note ?? null,
  });
  await appendAuditEvent(tx, {
    at,
    actorId,
    action: "tip.triaged",
    entityType: "tip",
    entityId: id,
  });
  return {
    ok: true,
    value: { id, triageStatus: next.triageStatus, publicStatus, priority: next.priority },
  };
}

/** Thrown inside a transaction to roll it back with a domain refusal. */
class Refusal extends Error {
  constructor(readonly code: TriageError) {
    super(code);
  }
}

const BulkResultSchema = z.object({
  results: z.array(
    z.discriminatedUnion("ok", [
      TriagedTipSchema.extend({ ok: z.literal(true) }),
      z.object({ id: IdSchema, ok: z.literal(false), error: z.string() }),
    ]),
  ),
});

export const tipTriageProcedures = {
  triage: staffProcedure("tip.triage")
    .input(TriageTipInputSchema)
    .output(TriagedTipSchema)
    .mutation(async ({ ctx, input }) => {
      const { id, ...decision } = input;
      const now = ctx.deps.now();
      const result = await ctx.deps.database.db.transaction((tx) =>
        triageOne(tx, id, decision, ctx.user.id, now),
      );
      if (!result.ok) throw appError(result.error);
      return result.value;
    }),

  /**
   * The same decision for several tips, each in its own transaction: a tip is triaged entirely
   * or not at all, and one refusal does not hold back the others. Reports the outcome per tip.
   */
  triageMany: staffProcedure("tip.triage")
    .input(BulkTriageInputSchema)
    .output(BulkResultSchema)
    .mutation(async ({ ctx, input }) => {
      const { ids, ...decision } = input;
      const now = ctx.deps.now();
      const results: z.infer<typeof BulkResultSchema>["results"] = [];
      for (const id of ids) {
        try {
          const value = await ctx.deps.database.db.transaction(async (tx) => {
            const result = await triageOne(tx, id, decision, ctx.user.id, now);
            if (!result.ok) throw new Refusal(result.error);
            return result.value;
          });
          results.push({ ok: true, ...value });
        } catch (error) {
          if (!(error instanceof Refusal)) throw error;
          results.push({ id, ok: false, error: error.code });
        }
      }
      return { results };
    }),

  assign: staffProcedure("tip.triage")
    .input(z.strictObject({ id: IdSchema }))
    .output(z.object({ id: IdSchema, assigneeId: IdSchema.nullable() }))
    .mutation(({ ctx, input }) => changeAssignment(ctx, input.id, "assign")),

  unassign: staffProcedure("tip.triage")
    .input(z.strictObject({ id: IdSchema }))
    .output(z.object({ id: IdSchema, assigneeId: IdSchema.nullable() }))
    .mutation(({ ctx, input }) => changeAssignment(ctx, input.id, "unassign")),

  /**
   * The only way contact details leave the server: decrypted on an explicit request with a
   * stated reason, which goes into the audit trail with who asked and when. The audit event is
   * committed before the contact is returned.
   */
  revealContact: staffProcedure("tip.contact")
    .input(RevealContactInputSchema)
    .output(z.object({ contact: z.string() }))
    .mutation(async ({ ctx, input }) => {
      const { db } = ctx.deps.database;
      const stored = await getTipContactCiphertext(db, input.id);
      if (stored === undefined) throw appError("tip_not_found");
      if (stored === null) throw appError("no_contact");
      const contact = decryptContact(ctx.deps.contactEncryptionKey, stored);
      await db.transaction((tx) =>
        appendAuditEvent(tx, {
          at: ctx.deps.now(),
          actorId: ctx.user.id,
          action: "tip.contact_revealed",
          entityType: "tip",
          entityId: input.id,
          reason: input.reason,
        }),
      );
      return { contact };
    }),
};

async function changeAssignment(
  ctx: { deps: { database: { db: Executor }; now: () => Date }; user: { id: string } },
  id: string,
  action: "assign" | "unassign",
): Promise<{ id: string; assigneeId: string | null }> {
  const now = ctx.deps.now();
  const result = await ctx.deps.database.db.transaction(async (tx) => {
    const tip = await lockTipForTriage(tx, id);
    if (!tip) return { ok: false as const, error: "tip_not_found" as const };
    const decided = assignTip(tip, ctx.user.id, action);
    if (!decided.ok) return decided;
    await recordTipAssignment(tx, {
      tipId: id,
      assigneeId: decided.value.assigneeId,
      kind: action === "assign" ? "assigned" : "unassigned",
      triageStatus: tip.triageStatus,
      publicStatus: tip.publicStatus,
      actorId: ctx.user.id,
      at: now,
    });
    await appendAuditEvent(tx, {
      at: now,
      actorId: ctx.user.id,
      action: action === "assign" ? "tip.assigned" : "tip.unassigned",
      entityType: "tip",
      entityId: id,
    });
    return decided;
  });
  if (!result.ok) throw appError(result.error);
  return { id, assigneeId: result.value.assigneeId };
}
