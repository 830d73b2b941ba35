import { render } from "@react-email/render";
import { z } from "zod";
import { EmailInputError } from "./errors.ts";
import type { AnyEmailTemplate } from "./templates/define-template.ts";
import { EmailLayout } from "./templates/layout.tsx";
import { findEmailTemplate, type EmailInput } from "./templates/registry.ts";

export interface RenderedEmail {
  subject: string;
  html: string;
  text: string;
}

export interface ValidatedEmail {
  template: AnyEmailTemplate;
  to: string;
  organizationId: string | null;
  props: unknown;
}

const recipientSchema = z.email();

/**
 * Checks an EmailInput at run time as well: the types stop most mistakes, but
 * names and addresses come from users and a JavaScript caller gets no types.
 */
export function validateEmailInput(input: EmailInput): ValidatedEmail {
  const template = findEmailTemplate(input.template);
  if (!template) throw new EmailInputError(String(input.template), ["unknown template"]);

  const issues: string[] = [];
  const to = recipientSchema.safeParse(input.to.trim());
  if (!to.success) issues.push(`to: must be an email address (got "${input.to}")`);
  const organizationId = input.organizationId ?? null;
  if (template.scope === "organization" && !organizationId) issues.push("organizationId: is required");
  const props = template.props.safeParse(input.props);
  if (!props.success) {
    for (const issue of props.error.issues) issues.push(`props.${issue.path.join(".")}: ${issue.message}`);
  }
  if (issues.length > 0 || !to.success || !props.success) throw new EmailInputError(template.id, issues);
  return { template, to: to.data, organizationId, props: props.data };
}

/** Renders an already validated email: subject, HTML and the plain-text alternative. */
export async function renderValidatedEmail({ template, props }: ValidatedEmail): Promise<RenderedEmail> {
  const element = (
    <EmailLayout preheader={template.preheader(props)} reason={template.reason(props)}>
      {template.body(props)}
    </EmailLayout>
  );
  const [html, text] = await Promise.all([render(element), render(element, { plainText: true })]);
  return { subject: template.subject(props), html, text };
}

export async function renderEmail(input: EmailInput): Promise<RenderedEmail> {
  return renderValidatedEmail(validateEmailInput(input));
}
