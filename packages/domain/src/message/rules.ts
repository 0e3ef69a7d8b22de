import { z } from "zod";
import { IdSchema } from "../shared/ids";
import { err, ok, type Result } from "../shared/result";
import { ReceiptCodeSchema } from "../tip/receipt-code";
import type { MESSAGE_AUTHORS } from "./message";

export const MESSAGE_BODY_MAX = 5000;
/** A tip's thread is a conversation, not a mailbox: past this the tipster is asked to send a new tip. */
export const TIPSTER_MESSAGES_MAX = 50;

export const MessageBodySchema = z
  .string()
  .trim()
  .min(1, "Write a message.")
  .max(MESSAGE_BODY_MAX, `At most ${MESSAGE_BODY_MAX} characters.`);

export const StaffMessageInputSchema = z.strictObject({ tipId: IdSchema, body: MessageBodySchema });
export type StaffMessageInput = z.infer<typeof StaffMessageInputSchema>;

export const TipsterReplyInputSchema = z.strictObject({
  receiptCode: ReceiptCodeSchema,
  body: MessageBodySchema,
});
export type TipsterReplyInput = z.infer<typeof TipsterReplyInputSchema>;

export type ReplyError = "no_question_to_answer" | "too_many_messages";

/**
 * The tipster answers the investigators' questions: a reply needs a question from staff first,
 * and a thread holds a bounded number of tipster messages.
 */
export function canTipsterReply(
  thread: readonly { author: (typeof MESSAGE_AUTHORS)[number] }[],
): Result<true, ReplyError> {
  if (!thread.some((m) => m.author === "staff")) return err("no_question_to_answer");
  if (thread.filter((m) => m.author === "tipster").length >= TIPSTER_MESSAGES_MAX) {
    return err("too_many_messages");
  }
  return ok(true);
}
