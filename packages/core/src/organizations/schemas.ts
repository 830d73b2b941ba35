import { EmailSchema } from "@interviewlm/auth";
import { z } from "zod";

export const RoleSchema = z.enum(["OWNER", "ADMIN", "MEMBER", "VIEWER"], {
  error: "Choose one of owner, admin, member or viewer.",
});

export const OrganizationNameSchema = z
  .string()
  .trim()
  .min(2, "Use at least 2 characters.")
  .max(80, "Use at most 80 characters.");

export const IdSchema = z.string().trim().min(1, "Missing id.").max(64, "That id is too long.");

export const CreateOrganizationInput = z.object({ name: OrganizationNameSchema });
export const UpdateOrganizationInput = z.object({
  name: OrganizationNameSchema,
  dataRetentionDays: z
    .number()
    .int("Use a whole number of days.")
    .min(30, "Keep data at least 30 days.")
    .max(3650, "Keep data at most 10 years.")
    .nullable()
    .optional(),
});
export const SwitchOrganizationInput = z.object({ organizationId: IdSchema });
export const InviteTeammateInput = z.object({ email: EmailSchema, role: RoleSchema });
export const InvitationIdInput = z.object({ invitationId: IdSchema });
export const InvitationTokenInput = z.object({ token: z.string().trim().min(10, "That invitation link is incomplete.").max(200) });
export const ChangeRoleInput = z.object({ membershipId: IdSchema, role: RoleSchema });
export const MembershipIdInput = z.object({ membershipId: IdSchema });
