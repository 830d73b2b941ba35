import { z } from "zod";
import { defineEmailTemplate } from "./define-template.ts";
import { describeRole, displayNameField, formatUtcDate, linkField } from "./fields.ts";
import { BRAND_NAME, EmailAction, EmailHeading, EmailParagraph } from "./layout.tsx";

export const teamInvitationTemplate = defineEmailTemplate({
  id: "team-invitation",
  scope: "organization",
  props: z.object({
    inviterName: displayNameField,
    organizationName: displayNameField,
    role: z.string().min(1).max(40),
    acceptUrl: linkField,
    expiresAt: z.date(),
  }),
  subject: ({ inviterName, organizationName }) =>
    `${inviterName} invited you to join ${organizationName} on ${BRAND_NAME}`,
  preheader: ({ organizationName, role }) =>
    `Join ${organizationName} as ${describeRole(role)} to run technical interviews together.`,
  reason: ({ inviterName, organizationName }) =>
    `${inviterName} invited this address to ${organizationName} on ${BRAND_NAME}. If you were not expecting it, ignore this email.`,
  body: ({ inviterName, organizationName, role, acceptUrl, expiresAt }) => (
    <>
      <EmailHeading>Join {organizationName} on {BRAND_NAME}</EmailHeading>
      <EmailParagraph>
        {inviterName} invited you to join <strong>{organizationName}</strong> as {describeRole(role)}. {BRAND_NAME}{" "}
        is where your team designs assessments and runs AI-assisted technical interviews.
      </EmailParagraph>
      <EmailParagraph>This invitation expires on {formatUtcDate(expiresAt)}.</EmailParagraph>
      <EmailAction href={acceptUrl} label="Accept invitation" />
    </>
  ),
});
