// Resend signs webhooks the Svix way (the "Standard Webhooks" scheme):
//   signed content = `${svix-id}.${svix-timestamp}.${raw body}`
//   key            = base64-decoded part of the secret after `whsec_`
//   svix-signature = space-separated `v1,<base64 HMAC-SHA256>` entries (several
//                    while a secret is being rotated)
// The timestamp bounds replay of a captured request.
import { createHmac, timingSafeEqual } from "node:crypto";
import { ResendWebhookVerificationError } from "../errors.ts";
import { parseResendWebhookEvent, type ResendWebhookEvent } from "./resend-webhook-event.ts";

export type WebhookHeaders = Headers | Record<string, string | string[] | undefined>;

export interface VerifyResendWebhookOptions {
  /** Accepted clock difference either way (default 300 s, as Svix). */
  toleranceSeconds?: number;
  now?: Date;
}

const DEFAULT_TOLERANCE_SECONDS = 5 * 60;

/**
 * Checks the signature over the exact bytes received (parse the body only
 * afterwards: re-serialised JSON would not match) and returns the event.
 * Throws ResendWebhookVerificationError for anything that must be refused.
 */
export function verifyResendWebhook(
  rawBody: string | Uint8Array,
  headers: WebhookHeaders,
  secret: string,
  options: VerifyResendWebhookOptions = {},
): ResendWebhookEvent {
  // Svix's own names, with the Standard Webhooks names as a fallback.
  const id = readHeader(headers, "svix-id") ?? readHeader(headers, "webhook-id");
  const timestamp = readHeader(headers, "svix-timestamp") ?? readHeader(headers, "webhook-timestamp");
  const signatures = readHeader(headers, "svix-signature") ?? readHeader(headers, "webhook-signature");
  if (!id || !timestamp || !signatures) throw new ResendWebhookVerificationError("Missing Svix signature headers");

  const sentAtSeconds = Number(timestamp);
  if (!/^\d+$/.test(timestamp) || !Number.isSafeInteger(sentAtSeconds)) {
    throw new ResendWebhookVerificationError("Invalid svix-timestamp header");
  }
  const nowSeconds = Math.floor((options.now ?? new Date()).getTime() / 1000);
  const tolerance = options.toleranceSeconds ?? DEFAULT_TOLERANCE_SECONDS;
  if (Math.abs(nowSeconds - sentAtSeconds) > tolerance) {
    throw new ResendWebhookVerificationError("Webhook timestamp is outside the allowed tolerance");
  }

  const body = typeof rawBody === "string" ? Buffer.from(rawBody, "utf8") : Buffer.from(rawBody);
  const expected = createHmac("sha256", decodeSecret(secret))
    .update(`${id}.${timestamp}.`)
    .update(body)
    .digest();
  const matches = signatures.split(" ").some((entry) => {
    const [version, encoded] = entry.split(",", 2);
    if (version !== "v1" || !encoded) return false;
    const candidate = Buffer.from(encoded, "base64");
    // timingSafeEqual throws on different lengths; the length is not secret.
    return candidate.length === expected.length && timingSafeEqual(candidate, expected);
  });
  if (!matches) throw new ResendWebhookVerificationError("No matching webhook signature");

  let payload: unknown;
  try {
    payload = JSON.parse(body.toString("utf8"));
  } catch {
    throw new ResendWebhookVerificationError("Webhook body is not JSON");
  }
  return parseResendWebhookEvent(payload);
}

function decodeSecret(secret: string): Buffer {
  const key = Buffer.from(secret.startsWith("whsec_") ? secret.slice("whsec_".length) : secret, "base64");
  if (key.length === 0) throw new ResendWebhookVerificationError("Webhook secret is empty");
  return key;
}

function readHeader(headers: WebhookHeaders, name: string): string | undefined {
  // Duck-typed: Remix and undici bring their own Headers classes.
  if (typeof headers.get === "function") return (headers as Headers).get(name) ?? undefined;
  const plain = headers as Record<string, string | string[] | undefined>;
  const value = plain[name] ?? plain[Object.keys(plain).find((k) => k.toLowerCase() === name) ?? ""];
  return Array.isArray(value) ? value[0] : value;
}
