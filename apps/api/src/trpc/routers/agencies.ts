import { z } from "zod";
import {
  AgencyDeliveryViewSchema,
  AgencyIdInputSchema,
  can,
  RotatedWebhookSecretSchema,
  UpdateAgencyDeliveryInputSchema,
  UpdatedAgencyDeliverySchema,
} from "@trace/domain";
import {
  appendAuditEvent,
  listAgencyDelivery,
  lockAgencyDelivery,
  setAgencyDelivery,
  setAgencyWebhookSecret,
} from "@trace/db";
import { generateWebhookSecret } from "../../delivery/webhook";
import { encryptSecret } from "../../services/secrets";
import { appError } from "../errors";
import { router, staffProcedure } from "../init";

/**
 * Agencies and how their referrals reach them. Every staff member may list them (names for
 * forms); only admins see webhook addresses, change the channel and make signing secrets. A
 * secret is returned once, when made, and stored only encrypted: it can never be read again,
 * only replaced.
 */
export const agenciesRouter = router({
  list: staffProcedure("agency.read")
    .output(z.array(AgencyDeliveryViewSchema))
    .query(({ ctx }) =>
      listAgencyDelivery(ctx.deps.database.db, {
        withWebhook: can(ctx.user.role, "agency.manage"),
      }),
    ),

  /**
   * Portal or webhook. Switching to the webhook channel without a secret makes one, returned in
   * this answer only.
   */
  updateDelivery: staffProcedure("agency.manage")
    .input(UpdateAgencyDeliveryInputSchema)
    .output(UpdatedAgencyDeliverySchema)
    .mutation(async ({ ctx, input }) => {
      const now = ctx.deps.now();
      const result = await ctx.deps.database.db.transaction(async (tx) => {
        const current = await lockAgencyDelivery(tx, input.agencyId);
        if (!current) return null;
        const webhookSecret =
          input.channel === "webhook" && !current.hasWebhookSecret
            ? generateWebhookSecret(ctx.deps.random)
            : null;
        const agency = (await setAgencyDelivery(tx, input.agencyId, {
          deliveryChannel: input.channel,
          // Left out: kept as it was (an address prepared before switching); null clears it.
          webhookUrl:
            input.webhookUrl === undefined ? (current.view.webhookUrl ?? null) : input.webhookUrl,
          ...(webhookSecret
            ? {
                webhookSecretCiphertext: encryptSecret(
                  ctx.deps.webhookEncryptionKey,
                  webhookSecret,
                ),
              }
            : {}),
        }))!;
        await appendAuditEvent(tx, {
          at: now,
          actorId: ctx.user.id,
          action: "agency.delivery_changed",
          entityType: "agency",
          entityId: input.agencyId,
          reason: `channel: ${input.channel}`,
        });
        if (webhookSecret) {
          await appendAuditEvent(tx, {
            at: now,
            actorId: ctx.user.id,
            action: "agency.webhook_secret_rotated",
            entityType: "agency",
            entityId: input.agencyId,
            reason: "first secret",
          });
        }
        return { agency, webhookSecret };
      });
      if (!result) throw appError("agency_not_found");
      return result;
    }),

  /** A new signing secret; the old one stops working at once. Shown in this answer only. */
  rotateWebhookSecret: staffProcedure("agency.manage")
    .input(AgencyIdInputSchema)
    .output(RotatedWebhookSecretSchema)
    .mutation(async ({ ctx, input }) => {
      const webhookSecret = generateWebhookSecret(ctx.deps.random);
      const ciphertext = encryptSecret(ctx.deps.webhookEncryptionKey, webhookSecret);
      const now = ctx.deps.now();
      const updated = await ctx.deps.database.db.transaction(async (tx) => {
        if (!(await setAgencyWebhookSecret(tx, input.agencyId, ciphertext))) return false;
        await appendAuditEvent(tx, {
          at: now,
          actorId: ctx.user.id,
          action: "agency.webhook_secret_rotated",
          entityType: "agency",
          entityId: input.agencyId,
        });
        return true;
      });
      if (!updated) throw appError("agency_not_found");
      return { agencyId: input.agencyId, webhookSecret };
    }),
});
