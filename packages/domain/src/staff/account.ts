import { z } from "zod";
import { err, ok, type Result } from "../shared/result";
import { IdSchema } from "../shared/ids";
import { RoleSchema, StaffUserSchema, type Role } from "./user";

/** What an admin sees of an account: never a hash or a secret, only whether a factor is set up. */
export const StaffAccountSchema = StaffUserSchema.extend({ hasSecondFactor: z.boolean() });
export type StaffAccount = z.infer<typeof StaffAccountSchema>;

/** Only agency liaisons belong to an agency, and each of them to exactly one. */
export function checkRoleAgency(
  role: Role,
  agencyId: string | null,
): Result<null, "agency_required" | "agency_not_allowed"> {
  if (role === "agency_liaison" && agencyId === null) return err("agency_required");
  if (role !== "agency_liaison" && agencyId !== null) return err("agency_not_allowed");
  return ok(null);
}

const roleAgency = <T extends { role: Role; agencyId: string | null }>(
  value: T,
  ctx: z.RefinementCtx,
) => {
  const checked = checkRoleAgency(value.role, value.agencyId);
  if (!checked.ok)
    ctx.addIssue({
      code: "custom",
      path: ["agencyId"],
      message:
        checked.error === "agency_required"
          ? "An agency liaison needs an agency."
          : "Only agency liaisons belong to an agency.",
    });
};

export const CreateStaffAccountInputSchema = z
  .strictObject({
    email: z.string().trim().toLowerCase().max(254).pipe(z.email("Enter an email address.")),
    displayName: z.string().trim().min(1, "Enter a name.").max(120),
    role: RoleSchema,
    agencyId: IdSchema.nullable().default(null),
  })
  .superRefine(roleAgency);
export type CreateStaffAccountInput = z.infer<typeof CreateStaffAccountInputSchema>;

export const ChangeStaffRoleInputSchema = z
  .strictObject({ id: IdSchema, role: RoleSchema, agencyId: IdSchema.nullable().default(null) })
  .superRefine(roleAgency);

export const StaffAccountIdInputSchema = z.strictObject({ id: IdSchema });

export const SetStaffDisabledInputSchema = z.strictObject({
  id: IdSchema,
  isDisabled: z.boolean(),
});

/**
 * The first password is generated, never chosen by the admin: 100 random bits, shown once to
 * the admin to hand over; the second factor is set up at the first login.
 */
export const CreatedStaffAccountSchema = z.object({
  account: StaffAccountSchema,
  temporaryPassword: z.string(),
});
