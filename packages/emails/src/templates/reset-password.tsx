import { z } from "zod";
import { defineEmailTemplate } from "./define-template.ts";
import { displayNameField, formatDuration, linkField } from "./fields.ts";
import { BRAND_NAME, EmailAction, EmailHeading, EmailParagraph } from "./layout.tsx";

export const resetPasswordTemplate = defineEmailTemplate({
  id: "reset-password",
  scope: "account",
  props: z.object({
    name: displayNameField,
    resetUrl: linkField,
    expiresInMinutes: z.number().int().positive(),
  }),
  subject: () => `Reset your ${BRAND_NAME} password`,
  preheader: ({ expiresInMinutes }) =>
    `Use this link within ${formatDuration(expiresInMinutes)} to choose a new password.`,
  reason: () =>
    `a password reset was requested for your ${BRAND_NAME} account. If it was not you, ignore this email: your password stays the same.`,
  body: ({ name, resetUrl, expiresInMinutes }) => (
    <>
      <EmailHeading>Reset your password</EmailHeading>
      <EmailParagraph>Hi {name},</EmailParagraph>
      <EmailParagraph>
        We received a request to reset the password of your {BRAND_NAME} account. The link works once and expires in{" "}
        {formatDuration(expiresInMinutes)}.
      </EmailParagraph>
      <EmailAction href={resetUrl} label="Choose a new password" />
    </>
  ),
});
