import { WebhookUrlSchema, type DELIVERY_CHANNELS } from "@trace/domain";

export type DeliveryChannel = (typeof DELIVERY_CHANNELS)[number];

export type DeliverySettingsCheck =
  | {
      ok: true;
      input: { channel: DeliveryChannel; webhookUrl: string | null };
    }
  | { ok: false; webhookUrl: "required" | "invalid" };

/**
 * The delivery form's values as the API wants them, or what is wrong. A webhook needs a valid
 * address; the portal keeps an address typed in advance (for a switch later) and clears it when
 * the field is emptied. The API checks the same with the same schema.
 */
export function checkDeliverySettings(
  channel: DeliveryChannel,
  webhookUrl: string,
): DeliverySettingsCheck {
  const url = webhookUrl.trim();
  if (url === "") {
    return channel === "webhook"
      ? { ok: false, webhookUrl: "required" }
      : { ok: true, input: { channel, webhookUrl: null } };
  }
  const parsed = WebhookUrlSchema.safeParse(url);
  if (!parsed.success) return { ok: false, webhookUrl: "invalid" };
  return { ok: true, input: { channel, webhookUrl: parsed.data } };
}
