// Sent when a candidate asks for their data from the "Your data" link: the download link goes
// to the address the organisation invited, which is what verifies the request
// (docs/decisions/0171). The link is a credential, so the export lists this mail without its body.
import { z } from "zod";
import { defineEmailTemplate } from "./define-template.ts";
import { displayNameField, formatUtcDate, linkField } from "./fields.ts";
import { BRAND_NAME, EmailAction, EmailHeading, EmailParagraph } from "./layout.tsx";

export const candidateDataDownloadTemplate = defineEmailTemplate({
  id: "candidate-data-download",
  scope: "organization",
  props: z.object({
    candidateName: displayNameField,
    organizationName: displayNameField,
    downloadUrl: linkField,
    expiresAt: z.date(),
  }),
  subject: ({ organizationName }) => `Your data held by ${organizationName}`,
  preheader: ({ expiresAt }) => `Download it before ${formatUtcDate(expiresAt)}.`,
  reason: ({ organizationName }) =>
    `someone asked for the data ${organizationName} holds about this address on ${BRAND_NAME}. If it was not you, you can ignore this email: nothing is sent anywhere else.`,
  body: ({ candidateName, organizationName, downloadUrl, expiresAt }) => (
    <>
      <EmailHeading>Your data is ready</EmailHeading>
      <EmailParagraph>Hi {candidateName},</EmailParagraph>
      <EmailParagraph>
        You asked for a copy of the data {organizationName} holds about you from your interview: your invitation, the
        interview session, its evaluation, the emails sent to you, the files you wrote and the recording. It downloads as
        one ZIP archive.
      </EmailParagraph>
      <EmailParagraph>This link is personal and works until {formatUtcDate(expiresAt)}.</EmailParagraph>
      <EmailAction href={downloadUrl} label="Download your data" />
    </>
  ),
});
