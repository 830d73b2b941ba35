import { z } from "zod";
import { defineEmailTemplate } from "./define-template.ts";
import { displayNameField, linkField } from "./fields.ts";
import { BRAND_NAME, EmailAction, EmailHeading, EmailParagraph } from "./layout.tsx";

export const verifyEmailTemplate = defineEmailTemplate({
  id: "verify-email",
  scope: "account",
  props: z.object({ name: displayNameField, verifyUrl: linkField }),
  subject: () => `Verify your email address for ${BRAND_NAME}`,
  preheader: () => `Confirm this address to finish setting up your ${BRAND_NAME} account.`,
  reason: () => `someone signed up for ${BRAND_NAME} with this address. If it was not you, ignore this email.`,
  body: ({ name, verifyUrl }) => (
    <>
      <EmailHeading>Verify your email address</EmailHeading>
      <EmailParagraph>Hi {name},</EmailParagraph>
      <EmailParagraph>
        Thanks for signing up for {BRAND_NAME}. Confirm that this is your email address to finish setting up your
        account.
      </EmailParagraph>
      <EmailAction href={verifyUrl} label="Verify email address" />
    </>
  ),
});
