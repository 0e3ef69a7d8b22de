import { and, asc, eq, inArray, isNull } from "drizzle-orm";
import type { MESSAGE_AUTHORS, StaffThreadMessage } from "@trace/domain";
import type { Executor } from "../client";
import { messages, staffUsers } from "../schema";
import { iso } from "./serialize";

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

/** The dialogue as staff see it, oldest first. `isNew`: a tipster reply no staff member has seen. */
export async function listStaffThread(db: Executor, tipId: string): Promise<StaffThreadMessage[]> {
  const rows = await db
    .select({
      id: messages.id,
      author: messages.author,
      body: messages.body,
      createdAt: messages.createdAt,
      readAt: messages.readAt,
      staffAuthorName: staffUsers.displayName,
    })
    .from(messages)
    .leftJoin(staffUsers, eq(staffUsers.id, messages.staffAuthorId))
    .where(eq(messages.tipId, tipId))
    .orderBy(asc(messages.createdAt), asc(messages.id));
  return rows.map(({ readAt, ...m }) => ({
    ...m,
    createdAt: iso(m.createdAt),
    isNew: m.author === "tipster" && readAt === null,
  }));
}

/** Authors of a tip's messages in order, for the reply rule. */
export async function listThreadAuthors(
  db: Executor,
  tipId: string,
): Promise<{ author: NewMessage["author"] }[]> {
  return db
    .select({ author: messages.author })
    .from(messages)
    .where(eq(messages.tipId, tipId))
    .orderBy(asc(messages.createdAt));
}

/**
 * Marks messages of one author on a tip read, when the other side has seen them. Pass the ids
 * that were shown, so a message that arrived meanwhile stays unread.
 */
export async function markMessagesRead(
  db: Executor,
  tipId: string,
  ids: readonly string[],
  at: Date,
): Promise<void> {
  if (ids.length === 0) return;
  await db
    .update(messages)
    .set({ readAt: at })
    .where(and(eq(messages.tipId, tipId), inArray(messages.id, [...ids]), isNull(messages.readAt)));
}
