import type { ReactElement } from "react";
import type { z } from "zod";

/**
 * "organization" templates always belong to an organisation (the outbox row
 * carries its id, so the organisation's mail can be listed and cleaned up);
 * "account" templates go to a person and may or may not have one.
 */
export type TemplateScope = "account" | "organization";

export interface EmailTemplate<Id extends string, Scope extends TemplateScope, Schema extends z.ZodType> {
  id: Id;
  scope: Scope;
  /** Validates props at run time too: they often come from user input (names) or other services (URLs). */
  props: Schema;
  subject(props: z.output<Schema>): string;
  /** The inbox preview line. */
  preheader(props: z.output<Schema>): string;
  /** Finishes the footer sentence "You received this email because …". */
  reason(props: z.output<Schema>): string;
  /** The message body; the shared layout wraps it. */
  body(props: z.output<Schema>): ReactElement;
}

// AnyEmailTemplate is the registry's element type; `any` in the schema slot keeps
// each entry's own schema type instead of widening it.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyEmailTemplate = EmailTemplate<string, TemplateScope, any>;

/** Identity function that lets TypeScript infer a template's literal id, scope and props. */
export function defineEmailTemplate<Id extends string, Scope extends TemplateScope, Schema extends z.ZodType>(
  template: EmailTemplate<Id, Scope, Schema>,
): EmailTemplate<Id, Scope, Schema> {
  return template;
}
