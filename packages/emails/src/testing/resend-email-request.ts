// Checks a `POST /emails` body the way Resend does, so a client that sends
// something the real API would refuse fails here too.
import { resendErrors, type ResendErrorBody } from "./resend-errors.ts";

export interface SendEmailRequestBody {
  from: string;
  to: string[];
  subject: string;
  html?: string;
  text?: string;
  cc?: string[];
  bcc?: string[];
  reply_to?: string[];
  headers?: Record<string, string>;
  tags?: { name: string; value: string }[];
  scheduled_at?: string;
}

const address = /^[^\s<>@]+@[^\s<>@]+\.[^\s<>@]+$/;
const namedAddress = /^[^<>]*<\s*([^\s<>@]+@[^\s<>@]+\.[^\s<>@]+)\s*>$/;
const tagToken = /^[A-Za-z0-9_-]{1,256}$/;

function isAddress(value: unknown): value is string {
  return typeof value === "string" && (address.test(value.trim()) || namedAddress.test(value.trim()));
}

function asList(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [value];
}

export function validateSendEmailBody(
  body: unknown,
): { ok: true; email: SendEmailRequestBody } | { ok: false; error: ResendErrorBody } {
  if (typeof body !== "object" || body === null || Array.isArray(body)) {
    return { ok: false, error: resendErrors.invalidBody("The request body must be a JSON object.") };
  }
  const b = body as Record<string, unknown>;
  for (const field of ["from", "to", "subject"] as const) {
    if (b[field] === undefined || b[field] === null || b[field] === "") {
      return { ok: false, error: resendErrors.missingField(field) };
    }
  }
  if (!isAddress(b.from)) return { ok: false, error: resendErrors.invalidAddress("from") };
  const to = asList(b.to);
  if (to.length === 0 || to.length > 50 || !to.every(isAddress)) {
    return { ok: false, error: resendErrors.invalidAddress("to") };
  }
  for (const field of ["cc", "bcc", "reply_to"] as const) {
    if (b[field] !== undefined && !asList(b[field]).every(isAddress)) {
      return { ok: false, error: resendErrors.invalidAddress(field) };
    }
  }
  if (typeof b.subject !== "string") return { ok: false, error: resendErrors.invalidBody("`subject` must be a string.") };
  if (typeof b.html !== "string" && typeof b.text !== "string") {
    return { ok: false, error: resendErrors.invalidBody("Missing `html` or `text` field.") };
  }
  if (b.tags !== undefined) {
    const tags = b.tags;
    const valid =
      Array.isArray(tags) &&
      tags.every((t) => typeof t === "object" && t !== null && tagToken.test(String(t.name)) && tagToken.test(String(t.value)));
    if (!valid) {
      return {
        ok: false,
        error: resendErrors.invalidBody(
          "Tags should only contain ASCII letters (a–z, A–Z), numbers (0–9), underscores (_), or dashes (-).",
        ),
      };
    }
  }
  return {
    ok: true,
    email: {
      ...(b as unknown as SendEmailRequestBody),
      to: to as string[],
      ...(b.cc !== undefined ? { cc: asList(b.cc) as string[] } : {}),
      ...(b.bcc !== undefined ? { bcc: asList(b.bcc) as string[] } : {}),
      ...(b.reply_to !== undefined ? { reply_to: asList(b.reply_to) as string[] } : {}),
    },
  };
}
