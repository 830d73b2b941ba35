// Every template the outbox can render. Adding one (say `assessment-invitation`)
// is a new file beside these plus one entry in `emailTemplates`: the EmailInput
// union, validation and rendering all follow from the definition.
import type { z } from "zod";
import { assessmentInvitationTemplate } from "./assessment-invitation.tsx";
import { assessmentReminderTemplate } from "./assessment-reminder.tsx";
import { candidateDataDownloadTemplate } from "./candidate-data-download.tsx";
import { candidateErasureConfirmTemplate } from "./candidate-erasure-confirm.tsx";
import type { AnyEmailTemplate, EmailTemplate } from "./define-template.ts";
import { evaluationReadyTemplate } from "./evaluation-ready.tsx";
import { lowCreditBalanceTemplate } from "./low-credit-balance.tsx";
import { resetPasswordTemplate } from "./reset-password.tsx";
import { teamInvitationTemplate } from "./team-invitation.tsx";
import { verifyEmailTemplate } from "./verify-email.tsx";

export const emailTemplates = [
  verifyEmailTemplate,
  resetPasswordTemplate,
  teamInvitationTemplate,
  assessmentInvitationTemplate,
  assessmentReminderTemplate,
  lowCreditBalanceTemplate,
  candidateDataDownloadTemplate,
  evaluationReadyTemplate,
  candidateErasureConfirmTemplate,
] as const;

type RegisteredTemplate = (typeof emailTemplates)[number];
export type EmailTemplateId = RegisteredTemplate["id"];

type Simplify<T> = { [K in keyof T]: T[K] } & {};

type InputFor<T> =
  T extends EmailTemplate<infer Id, infer Scope, infer Schema>
    ? Simplify<
        { template: Id; to: string; props: z.input<Schema> } & (Scope extends "organization"
          ? { organizationId: string }
          : { organizationId?: string | null })
      >
    : never;

/** What callers pass to `queueEmail` / `renderEmail`: one member per registered template. */
export type EmailInput = InputFor<RegisteredTemplate>;

const templatesById = new Map<string, AnyEmailTemplate>(emailTemplates.map((t) => [t.id, t]));

export function findEmailTemplate(id: string): AnyEmailTemplate | undefined {
  return templatesById.get(id);
}
