// Sent when a candidate asks to erase their data from the "Your data" link: the confirmation
// link goes to the address the organisation invited, which is what verifies the request
// (docs/decisions/0170). Nothing is erased until the link is followed and confirmed.
import { z } from "zod";
import { defineEmailTemplate } from "./define-template.ts";
import { displayNameField, formatUtcDate, linkField } from "./fields.ts";
import { BRAND_NAME, EmailAction, EmailHeading, EmailParagraph } from "./layout.tsx";

export const candidateErasureConfirmTemplate = defineEmailTemplate({
  id: "candidate-erasure-confirm",
  scope: "organization",
  props: z.object({
    candidateName: displayNameField,
    organizationName: displayNameField,
    confirmUrl: linkField,
    expiresAt: z.date(),
  }),
  subject: ({ organizationName }) => `Confirm erasing your data held by ${organizationName}`,
  preheader: ({ expiresAt }) => `Nothing is erased until you confirm, before ${formatUtcDate(expiresAt)}.`,
  reason: ({ organizationName }) =>
    `someone asked to erase the data ${organizationName} holds about this address on ${BRAND_NAME}. If it was not you, ignore this email: nothing is erased unless the link is followed and confirmed.`,
  body: ({ candidateName, organizationName, confirmUrl, expiresAt }) => (
    <>
      <EmailHeading>Confirm the erasure of your data</EmailHeading>
      <EmailParagraph>Hi {candidateName},</EmailParagraph>
      <EmailParagraph>
        You asked {organizationName} to erase what it holds about you from your interview: your name and email address,
        the files you wrote, the recording, the evaluation, reviewers' notes and the emails sent to you. This cannot be
        undone; if you want a copy, ask for it first from the same “Your data” page.
      </EmailParagraph>
      <EmailParagraph>This link is personal and works until {formatUtcDate(expiresAt)}.</EmailParagraph>
      <EmailAction href={confirmUrl} label="Review and confirm the erasure" />
    </>
  ),
});
