import { EmailSchema, NameSchema, PasswordSchema } from "@interviewlm/auth";
import { z } from "zod";
import { OrganizationNameSchema } from "../organizations/schemas.ts";

const TokenSchema = z.string().trim().min(10, "That link is incomplete.").max(200, "That link is not valid.");

export const SignUpInput = z.object({
  name: NameSchema,
  email: EmailSchema,
  password: PasswordSchema,
  organizationName: OrganizationNameSchema.optional(),
  /** Present when signing up from a teammate invitation link. */
  invitationToken: TokenSchema.optional(),
});

export const LogInInput = z.object({
  email: EmailSchema,
  // Never validate the policy at login: old passwords may predate it.
  password: z.string().min(1, "Enter your password.").max(256, "That password is too long."),
});

export const VerifyEmailInput = z.object({ token: TokenSchema });
export const RequestPasswordResetInput = z.object({ email: EmailSchema });
export const ResetPasswordInput = z.object({ token: TokenSchema, password: PasswordSchema });
export const ChangePasswordInput = z.object({
  currentPassword: z.string().min(1, "Enter your current password.").max(256),
  newPassword: PasswordSchema,
});
export const UpdateProfileInput = z.object({ name: NameSchema });
export const SessionIdInput = z.object({ sessionId: z.string().trim().min(1).max(64) });

export interface RequestMeta {
  userAgent?: string | null;
  ipAddress?: string | null;
}

/** A freshly created login, for the HTTP layer to put in a cookie. */
export interface IssuedSession {
  token: string;
  expiresAt: Date;
  userId: string;
  organizationId: string | null;
}
