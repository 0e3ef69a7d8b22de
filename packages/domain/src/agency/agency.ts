import { z } from "zod";
import { CountryCodeSchema } from "../shared/country";
import { IdSchema } from "../shared/ids";
import { LanguageCodeSchema } from "../shared/locale";

export const DELIVERY_CHANNELS = ["portal", "webhook"] as const;
export const DeliveryChannelSchema = z.enum(DELIVERY_CHANNELS);

export const AgencyCodeSchema = z
  .string()
  .regex(/^[A-Z0-9]{2,12}(-[A-Z0-9]{2,12})*$/, "An agency code looks like BE-FEDPOL or INTERPOL.");

export const AgencySchema = z.object({
  id: IdSchema,
  code: AgencyCodeSchema,
  name: z.string().trim().min(1).max(200),
  /** None for international bodies such as INTERPOL. */
  country: CountryCodeSchema.nullable(),
  deliveryChannel: DeliveryChannelSchema,
  webhookUrl: z.url().nullable(),
  languages: z.array(LanguageCodeSchema).min(1),
  isActive: z.boolean(),
});
export type Agency = z.infer<typeof AgencySchema>;
