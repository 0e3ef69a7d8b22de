import { boolean, char, pgTable, text } from "drizzle-orm/pg-core";
import { id } from "./columns";
import { deliveryChannelEnum } from "./enums";

export const agencies = pgTable("agencies", {
  id: id(),
  code: text().notNull().unique(),
  name: text().notNull(),
  country: char({ length: 2 }),
  deliveryChannel: deliveryChannelEnum().notNull().default("portal"),
  webhookUrl: text(),
  /** AES-256-GCM ciphertext of the webhook signing secret; shown once when created, never again. */
  webhookSecretCiphertext: text(),
  languages: text().array().notNull(),
  isActive: boolean().notNull().default(true),
});
