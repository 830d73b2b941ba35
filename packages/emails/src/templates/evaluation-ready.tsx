import { z } from "zod";
import { defineEmailTemplate } from "./define-template.ts";
import { displayNameField, linkField } from "./fields.ts";
import { BRAND_NAME, EmailAction, EmailHeading, EmailParagraph } from "./layout.tsx";

/**
 * To the person who created the assessment when a candidate's evaluation is done: who, which
 * assessment, the recommendation (and whether it rests on the measured part only), and the report.
 */
export const evaluationReadyTemplate = defineEmailTemplate({
  id: "evaluation-ready",
  scope: "organization",
  props: z.object({
    recipientName: displayNameField,
    organizationName: displayNameField,
    candidateName: displayNameField,
    assessmentTitle: displayNameField,
    /** "Yes", "Leaning no"…; null when there is none (nothing with a weight could be scored). */
    recommendation: z.string().max(40).nullable(),
    /** The rubric was not part of it (no Anthropic key, the judge failed, or its scores were flagged). */
    measuredOnly: z.boolean(),
    reportUrl: linkField,
  }),
  subject: ({ candidateName, assessmentTitle }) => `${candidateName}'s report is ready: ${assessmentTitle}`,
  preheader: ({ recommendation, measuredOnly }) =>
    recommendation ? `Recommendation: ${recommendation}${measuredOnly ? " (measured part only)" : ""}. The decision is yours.` : "The evaluation is done. The decision is yours.",
  reason: ({ organizationName }) => `you created this assessment for ${organizationName} on ${BRAND_NAME}`,
  body: ({ recipientName, candidateName, assessmentTitle, recommendation, measuredOnly, reportUrl }) => (
    <>
      <EmailHeading>{candidateName}&apos;s report is ready</EmailHeading>
      <EmailParagraph>Hi {recipientName},</EmailParagraph>
      <EmailParagraph>
        {candidateName} finished <strong>{assessmentTitle}</strong> and the evaluation is done.{" "}
        {recommendation ? (
          <>
            The recommendation is <strong>{recommendation}</strong>
            {measuredOnly ? ", from the measured part only (hidden tests; the rubric was not scored or was flagged for review)" : ""}.
          </>
        ) : (
          "There is no recommendation: nothing with a weight could be scored."
        )}
      </EmailParagraph>
      <EmailParagraph>Every score in the report links to its moment in the replay. Record your decision (advance, hold or reject) on the report.</EmailParagraph>
      <EmailAction href={reportUrl} label="Open the report" />
    </>
  ),
});
