import { z } from "zod";
import { IdSchema, TimestampSchema } from "../shared/ids";

export const MESSAGE_AUTHORS = ["staff", "tipster"] as const;
export const MessageAuthorSchema = z.enum(MESSAGE_AUTHORS);

/** Anonymous dialogue on a tip: staff ask, the tipster answers with the receipt code. */
export const MessageSchema = z.object({
  id: IdSchema,
  tipId: IdSchema,
  author: MessageAuthorSchema,
  body: z.string().trim().min(1).max(5000),
  createdAt: TimestampSchema,
  readAt: TimestampSchema.nullable(),
});
export type Message = z.infer<typeof MessageSchema>;

/** What the tipster sees: no staff identity, ever. */
export const PublicMessageSchema = MessageSchema.pick({
  author: true,
  body: true,
  createdAt: true,
});
export type PublicMessage = z.infer<typeof PublicMessageSchema>;

/** A message as the tipster sees it: `isNew` marks staff messages unseen before this visit. */
export const PublicThreadMessageSchema = PublicMessageSchema.extend({ isNew: z.boolean() });
export type PublicThreadMessage = z.infer<typeof PublicThreadMessageSchema>;

/** A message as staff see it: which colleague wrote it, and whether a reply is new to staff. */
export const StaffThreadMessageSchema = PublicMessageSchema.extend({
  id: IdSchema,
  staffAuthorName: z.string().nullable(),
  isNew: z.boolean(),
});
export type StaffThreadMessage = z.infer<typeof StaffThreadMessageSchema>;
