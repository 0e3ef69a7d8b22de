import { z } from "zod";
import { IdSchema, TimestampSchema } from "../shared/ids";

export const ROLES = ["analyst", "coordinator", "agency_liaison", "admin"] as const;
export const RoleSchema = z.enum(ROLES);
export type Role = z.infer<typeof RoleSchema>;

export const StaffUserSchema = z.object({
  id: IdSchema,
  email: z.email(),
  displayName: z.string().trim().min(1).max(120),
  role: RoleSchema,
  /** Only agency liaisons belong to an agency; they see only its referrals. */
  agencyId: IdSchema.nullable(),
  isDisabled: z.boolean(),
  createdAt: TimestampSchema,
});
export type StaffUser = z.infer<typeof StaffUserSchema>;

export const LoginInputSchema = z.strictObject({
  email: z.string().trim().toLowerCase().max(254).pipe(z.email("Enter an email address.")),
  password: z.string().min(1, "Enter your password.").max(1024),
});
export type LoginInput = z.infer<typeof LoginInputSchema>;
