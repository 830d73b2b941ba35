import { z } from "zod";
import { defineEmailTemplate } from "./define-template.ts";
import { displayNameField, linkField } from "./fields.ts";
import { BRAND_NAME, EmailAction, EmailHeading, EmailParagraph } from "./layout.tsx";

/** To an organisation's owners when its available credits fall to the low-balance threshold. */
export const lowCreditBalanceTemplate = defineEmailTemplate({
  id: "low-credit-balance",
  scope: "organization",
  props: z.object({
    organizationName: displayNameField,
    available: z.number().int().min(0),
    reserved: z.number().int().min(0),
    billingUrl: linkField,
  }),
  subject: ({ organizationName, available }) =>
    available === 0 ? `${organizationName} has no ${BRAND_NAME} credits left` : `${organizationName} has ${available} ${BRAND_NAME} credit${available === 1 ? "" : "s"} left`,
  preheader: ({ available }) => (available === 0 ? "New invitations are refused until you buy a credit pack." : "Buy a credit pack before your next hiring round."),
  reason: ({ organizationName }) => `you are an owner of ${organizationName} on ${BRAND_NAME}`,
  body: ({ organizationName, available, reserved, billingUrl }) => (
    <>
      <EmailHeading>{available === 0 ? "No credits left" : "Credits running low"}</EmailHeading>
      <EmailParagraph>
        <strong>{organizationName}</strong> has {available} credit{available === 1 ? "" : "s"} available to invite candidates
        {reserved > 0 ? `, and ${reserved} held by open invitations (returned if they expire unused)` : ""}.
        {available === 0 ? " New invitations are refused until more credits are added." : ""}
      </EmailParagraph>
      <EmailAction href={billingUrl} label="Buy credits" />
    </>
  ),
});
