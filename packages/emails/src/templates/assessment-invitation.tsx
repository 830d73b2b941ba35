// The email a candidate gets when a company invites them to an assessment. Candidates
// have no account and may never have heard of InterviewLM, so the message says who
// invited them, what the interview is like and what is recorded before they click.
import { Link, Section, Text } from "@react-email/components";
import { z } from "zod";
import { defineEmailTemplate } from "./define-template.ts";
import { displayNameField, formatDuration, formatUtcDate, linkField } from "./fields.ts";
import { BRAND_NAME, EmailAction, EmailHeading, EmailParagraph } from "./layout.tsx";

function oneLine(value: string): string {
  return value.replace(/[\s\p{Cc}\p{Cf}]+/gu, " ").trim();
}

// Titles and roles are typed by recruiters and end up in subjects: one line, bounded.
const titleField = z.string().transform(oneLine).pipe(z.string().min(1, "must not be empty").max(200, "must be at most 200 characters"));

export const assessmentEmailProps = z.object({
  candidateName: displayNameField,
  organizationName: displayNameField,
  assessmentTitle: titleField,
  role: titleField,
  durationMinutes: z.number().int().min(1).max(24 * 60),
  questionCount: z.number().int().min(1).max(50),
  aiAssistance: z.enum(["OFF", "CHAT", "AGENT"]),
  portalUrl: linkField,
  expiresAt: z.date(),
  /** The "Your data" link: where the candidate asks for a copy of their data (docs/decisions/0171). */
  dataUrl: linkField.optional(),
  /**
   * The organisation's retention period when the email was queued (docs/decisions/0170): days
   * after evaluation, or null when it keeps data until it erases it. Absent in messages queued
   * before the email stated it; those say nothing about retention rather than guess.
   */
  dataRetentionDays: z.number().int().min(1).max(36_500).nullable().optional(),
});
export type AssessmentEmailProps = z.output<typeof assessmentEmailProps>;

const aiLines: Record<AssessmentEmailProps["aiAssistance"], string> = {
  OFF: "This assessment is taken without an AI assistant.",
  CHAT: "An AI assistant is available to chat with; it can answer questions but cannot change your files.",
  AGENT: "An AI coding agent works beside you: it can read and edit files, run tests and commands. Using it well is part of the assessment.",
};

function Bullet({ children }: { children: string }) {
  return <Text style={{ fontSize: "15px", lineHeight: "24px", margin: "0 0 6px" }}>• {children}</Text>;
}

/**
 * How long the organisation keeps what is recorded — the same sentence the candidate reads at
 * the portal's consent, so the email and the page never disagree.
 */
export function dataRetentionNotice(organizationName: string, retentionDays: number | null): string {
  return retentionDays === null
    ? `${organizationName} keeps the recording, your code and your results until it erases them; you can ask ${organizationName} to erase them at any time.`
    : `${organizationName} keeps the recording, your code and your results for ${retentionDays} days after your assessment is evaluated; then they are erased automatically. You can ask ${organizationName} to erase them sooner.`;
}

/** The closing lines of every assessment email: how long data is kept, and how to get a copy. */
export function YourData({ dataUrl, organizationName, dataRetentionDays }: AssessmentEmailProps) {
  return (
    <>
      {dataRetentionDays !== undefined && <EmailParagraph>{dataRetentionNotice(organizationName, dataRetentionDays)}</EmailParagraph>}
      {dataUrl && (
        <EmailParagraph>
          Your data: you can ask for a copy of everything {organizationName} holds about you here at any time, also after the
          interview: <Link href={dataUrl}>{dataUrl}</Link>
        </EmailParagraph>
      )}
    </>
  );
}

/** "What to expect", shared with the reminder so both say the same thing. */
export function WhatToExpect(props: AssessmentEmailProps) {
  const questions = props.questionCount === 1 ? "1 coding question" : `${props.questionCount} coding questions`;
  return (
    <Section style={{ margin: "0 0 16px" }}>
      <Text style={{ fontSize: "16px", fontWeight: 600, margin: "0 0 8px" }}>What to expect</Text>
      <Bullet>{`${questions} in ${formatDuration(props.durationMinutes)}. The timer starts when you press Start, so set the time aside first.`}</Bullet>
      <Bullet>A code editor, terminal and test runner in your browser; nothing to install.</Bullet>
      <Bullet>{aiLines[props.aiAssistance]}</Bullet>
      <Bullet>
        What is recorded: your editor, terminal, test runs, AI conversation, and paste and window-focus signals. Reviewers
        from the company may watch live.
      </Bullet>
    </Section>
  );
}

export const assessmentInvitationTemplate = defineEmailTemplate({
  id: "assessment-invitation",
  scope: "organization",
  props: assessmentEmailProps,
  subject: ({ organizationName, assessmentTitle }) => `${organizationName} invited you to a technical interview: ${assessmentTitle}`,
  preheader: ({ role, durationMinutes, expiresAt }) =>
    `A ${formatDuration(durationMinutes)} coding interview for the ${role} role. Your link works until ${formatUtcDate(expiresAt)}.`,
  reason: ({ organizationName }) =>
    `${organizationName} invited this address to an assessment on ${BRAND_NAME}. If you were not expecting it, you can ignore this email.`,
  body: (props) => (
    <>
      <EmailHeading>Your technical interview with {props.organizationName}</EmailHeading>
      <EmailParagraph>Hi {props.candidateName},</EmailParagraph>
      <EmailParagraph>
        {props.organizationName} invited you to take <strong>{props.assessmentTitle}</strong> for the {props.role} role.
        You solve real coding problems in {BRAND_NAME}, an online interview environment, whenever suits you before the
        link expires.
      </EmailParagraph>
      <WhatToExpect {...props} />
      <EmailParagraph>
        This link is personal to you and works until {formatUtcDate(props.expiresAt)}. Opening it shows the details and a
        quick system check; nothing starts until you press Start.
      </EmailParagraph>
      <EmailAction href={props.portalUrl} label="Open your assessment" />
      <YourData {...props} />
    </>
  ),
});
