import { Resend } from "resend";
import { describe, expect, it } from "vitest";
import { ResendWebhookVerificationError } from "../errors.ts";
import { createWebhookSecret, signResendWebhook } from "../testing/resend-webhooks.ts";
import { verifyResendWebhook } from "./verify-resend-webhook.ts";

const secret = createWebhookSecret();
const event = { type: "email.delivered", created_at: "2030-01-01T00:00:00.000Z", data: { email_id: "em_1", to: ["a@example.com"] } };

describe("verifyResendWebhook", () => {
  it("accepts a correctly signed request and returns the event", () => {
    const { body, headers } = signResendWebhook(event, secret);
    expect(verifyResendWebhook(body, headers, secret)).toMatchObject({ type: "email.delivered", data: { email_id: "em_1" } });
  });

  it("agrees with the official verifier in the resend SDK", () => {
    const { body, headers } = signResendWebhook(event, secret);
    const official = new Resend("re_unused").webhooks.verify({
      payload: body,
      headers: { id: headers["svix-id"], timestamp: headers["svix-timestamp"], signature: headers["svix-signature"] },
      webhookSecret: secret,
    });
    expect(official).toMatchObject({ type: "email.delivered" });
    expect(verifyResendWebhook(Buffer.from(body), new Headers(headers), secret).type).toBe("email.delivered");
  });

  it("refuses a tampered body", () => {
    const { body, headers } = signResendWebhook(event, secret);
    const tampered = body.replace("email.delivered", "email.bounced");
    expect(() => verifyResendWebhook(tampered, headers, secret)).toThrow(/No matching webhook signature/);
  });

  it("refuses a signature made with another secret", () => {
    const { body, headers } = signResendWebhook(event, createWebhookSecret());
    expect(() => verifyResendWebhook(body, headers, secret)).toThrow(ResendWebhookVerificationError);
  });

  it("refuses a stale or future timestamp (replay)", () => {
    const tenMinutesAgo = new Date(Date.now() - 10 * 60_000);
    const stale = signResendWebhook(event, secret, { timestamp: tenMinutesAgo });
    expect(() => verifyResendWebhook(stale.body, stale.headers, secret)).toThrow(/tolerance/);
    const future = signResendWebhook(event, secret, { timestamp: new Date(Date.now() + 10 * 60_000) });
    expect(() => verifyResendWebhook(future.body, future.headers, secret)).toThrow(/tolerance/);
    // Still fine when the verifier's clock matches the sender's.
    expect(verifyResendWebhook(stale.body, stale.headers, secret, { now: tenMinutesAgo }).type).toBe("email.delivered");
  });

  it("refuses a signature replayed under another message id", () => {
    const { body, headers } = signResendWebhook(event, secret);
    expect(() => verifyResendWebhook(body, { ...headers, "svix-id": "msg_other" }, secret)).toThrow(/No matching/);
  });

  it("accepts any of several signatures (secret rotation)", () => {
    const { body, headers } = signResendWebhook(event, secret);
    const rotated = { ...headers, "svix-signature": `v1,${Buffer.alloc(32).toString("base64")} ${headers["svix-signature"]}` };
    expect(verifyResendWebhook(body, rotated, secret).type).toBe("email.delivered");
  });

  it("refuses missing headers and signed bodies that are not Resend events", () => {
    const { body, headers } = signResendWebhook(event, secret);
    expect(() => verifyResendWebhook(body, { "svix-id": headers["svix-id"] }, secret)).toThrow(/Missing Svix/);
    const notJson = signResendWebhook("not json", secret);
    expect(() => verifyResendWebhook(notJson.body, notJson.headers, secret)).toThrow(/not JSON/);
    const notEvent = signResendWebhook({ hello: "world" }, secret);
    expect(() => verifyResendWebhook(notEvent.body, notEvent.headers, secret)).toThrow(/not a Resend event/);
  });
});
