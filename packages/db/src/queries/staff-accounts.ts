import { asc, eq } from "drizzle-orm";
import type { Role, StaffAccount } from "@trace/domain";
import type { Executor } from "../client";
import { staffRecoveryCodes, staffUsers } from "../schema";
import { toStaffUser } from "./staff";

type UserRow = typeof staffUsers.$inferSelect;

function toStaffAccount(row: UserRow): StaffAccount {
  return { ...toStaffUser(row), hasSecondFactor: row.totpSecretCiphertext !== null };
}

export async function listStaffAccounts(db: Executor): Promise<StaffAccount[]> {
  const rows = await db.select().from(staffUsers).orderBy(asc(staffUsers.email));
  return rows.map(toStaffAccount);
}

export async function findStaffAccount(db: Executor, id: string): Promise<StaffAccount | null> {
  const [row] = await db.select().from(staffUsers).where(eq(staffUsers.id, id));
  return row ? toStaffAccount(row) : null;
}

export async function isStaffEmailTaken(db: Executor, email: string): Promise<boolean> {
  const [row] = await db
    .select({ id: staffUsers.id })
    .from(staffUsers)
    .where(eq(staffUsers.email, email));
  return row !== undefined;
}

export async function setStaffDisabled(
  db: Executor,
  id: string,
  isDisabled: boolean,
): Promise<StaffAccount | null> {
  const [row] = await db
    .update(staffUsers)
    .set({ isDisabled })
    .where(eq(staffUsers.id, id))
    .returning();
  return row ? toStaffAccount(row) : null;
}

export async function setStaffRole(
  db: Executor,
  id: string,
  role: Role,
  agencyId: string | null,
): Promise<StaffAccount | null> {
  const [row] = await db
    .update(staffUsers)
    .set({ role, agencyId })
    .where(eq(staffUsers.id, id))
    .returning();
  return row ? toStaffAccount(row) : null;
}

/** Forgets the TOTP secret and the recovery codes: the next login enrols again. */
export async function resetSecondFactor(db: Executor, id: string): Promise<StaffAccount | null> {
  const [row] = await db
    .update(staffUsers)
    .set({ totpSecretCiphertext: null, totpLastStep: null })
    .where(eq(staffUsers.id, id))
    .returning();
  if (!row) return null;
  await db.delete(staffRecoveryCodes).where(eq(staffRecoveryCodes.userId, id));
  return toStaffAccount(row);
}
