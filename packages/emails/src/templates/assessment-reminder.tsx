// A nudge for a candidate who has not started yet. Same link as the invitation (the
// reminder must not invalidate it), same facts, with the deadline up front.
import { defineEmailTemplate } from "./define-template.ts";
import { formatUtcDate } from "./fields.ts";
import { assessmentEmailProps, WhatToExpect, YourData } from "./assessment-invitation.tsx";
import { BRAND_NAME, EmailAction, EmailHeading, EmailParagraph } from "./layout.tsx";

export const assessmentReminderTemplate = defineEmailTemplate({
  id: "assessment-reminder",
  scope: "organization",
  props: assessmentEmailProps,
  subject: ({ organizationName, assessmentTitle }) => `Reminder: your ${assessmentTitle} interview with ${organizationName}`,
  preheader: ({ expiresAt }) => `Your invitation is still open until ${formatUtcDate(expiresAt)}.`,
  reason: ({ organizationName }) =>
    `${organizationName} invited this address to an assessment on ${BRAND_NAME} and sent a reminder. If you were not expecting it, you can ignore this email.`,
  body: (props) => (
    <>
      <EmailHeading>A reminder from {props.organizationName}</EmailHeading>
      <EmailParagraph>Hi {props.candidateName},</EmailParagraph>
      <EmailParagraph>
        {props.organizationName} is looking forward to your <strong>{props.assessmentTitle}</strong> assessment for the{" "}
        {props.role} role. Your invitation is open until <strong>{formatUtcDate(props.expiresAt)}</strong>.
      </EmailParagraph>
      <WhatToExpect {...props} />
      <EmailParagraph>It is the same link as in your invitation; either one works.</EmailParagraph>
      <EmailAction href={props.portalUrl} label="Open your assessment" />
      <YourData {...props} />
    </>
  ),
});
