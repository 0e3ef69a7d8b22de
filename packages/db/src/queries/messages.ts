import type { MESSAGE_AUTHORS } from "@trace/domain";
import type { Executor } from "../client";
import { messages } from "../schema";

export interface NewMessage {
  tipId: string;
  author: (typeof MESSAGE_AUTHORS)[number];
  /** Set for staff messages only; never shown to the tipster. */
  staffAuthorId: string | null;
  body: string;
  createdAt: Date;
  readAt: Date | null;
}

export async function insertMessage(db: Executor, message: NewMessage): Promise<string> {
  const [row] = await db.insert(messages).values(message).returning({ id: messages.id });
  return row!.id;
}
