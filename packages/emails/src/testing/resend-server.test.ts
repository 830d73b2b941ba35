import { Resend } from "resend";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startResendTestServer, type ResendTestServer } from "./resend-server.ts";

const message = {
  from: "InterviewLM <no-reply@interviewlm.local>",
  to: "ada@example.com",
  subject: "Hello",
  html: "<p>Hello</p>",
  text: "Hello",
};

describe("Resend test server", () => {
  let server: ResendTestServer;
  let resend: Resend;

  beforeAll(async () => {
    server = await startResendTestServer();
    resend = new Resend(server.apiKey, { baseUrl: server.url });
  });
  afterAll(() => server.close());
  beforeEach(() => server.reset());

  it("accepts a message the way Resend does and serves it back", async () => {
    const { data, error } = await resend.emails.send(message);
    expect(error).toBeNull();
    expect(data?.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(server.emails[0]).toMatchObject({ id: data?.id, to: ["ada@example.com"], subject: "Hello" });
    const fetched = await resend.emails.get(data?.id ?? "");
    expect(fetched.data).toMatchObject({ object: "email", id: data?.id, subject: "Hello", last_event: "sent" });
  });

  it("answers errors with Resend's status and JSON body", async () => {
    const noKey = await fetch(`${server.url}/emails`, { method: "POST", body: JSON.stringify(message) });
    expect(noKey.status).toBe(401);
    expect(await noKey.json()).toMatchObject({ statusCode: 401, name: "missing_api_key" });

    const wrongKey = await new Resend("re_wrong", { baseUrl: server.url }).emails.send(message);
    expect(wrongKey.error).toEqual({ statusCode: 403, name: "invalid_api_key", message: "API key is invalid" });

    const { error: missingTo } = await resend.emails.send({ ...message, to: "" });
    expect(missingTo).toMatchObject({ statusCode: 422, name: "missing_required_field", message: "Missing `to` field." });
    const { error: badFrom } = await resend.emails.send({ ...message, from: "nobody" });
    expect(badFrom).toMatchObject({ statusCode: 422, name: "validation_error" });
    expect(server.emails).toHaveLength(0);
  });

  it("replays the first answer for a repeated idempotency key and refuses a changed payload", async () => {
    const first = await resend.emails.send(message, { idempotencyKey: "key-1" });
    const again = await resend.emails.send(message, { idempotencyKey: "key-1" });
    expect(again.data?.id).toBe(first.data?.id);
    expect(server.emails).toHaveLength(1);

    const changed = await resend.emails.send({ ...message, subject: "Other" }, { idempotencyKey: "key-1" });
    expect(changed.error).toMatchObject({ statusCode: 409, name: "invalid_idempotent_request" });
    expect(server.requests.map((r) => r.idempotencyKey)).toEqual(["key-1", "key-1", "key-1"]);
  });

  it("refuses a repeat while the first request with that key is still running", async () => {
    // The first answer waits until the repeat has arrived: no race with the machine's speed.
    const release = server.holdAnswers();
    const sending = Promise.all([
      resend.emails.send(message, { idempotencyKey: "key-2" }),
      resend.emails.send(message, { idempotencyKey: "key-2" }),
    ]);
    await expect.poll(() => server.requests.filter((r) => r.idempotencyKey === "key-2").length).toBe(2);
    release();
    const [a, b] = await sending;
    expect([a.error?.name, b.error?.name].filter(Boolean)).toEqual(["concurrent_idempotent_requests"]);
    expect(server.emails).toHaveLength(1);
  });

  it("plays back queued failures, then recovers", async () => {
    server.failNext(1, "rate_limit");
    server.failNext(1, "server_error");
    server.failNext(1, { statusCode: 422, name: "invalid_parameter", message: "Custom failure" });
    const rateLimited = await resend.emails.send(message);
    expect(rateLimited.error).toMatchObject({ statusCode: 429, name: "rate_limit_exceeded" });
    expect(rateLimited.headers?.["retry-after"]).toBe("1");
    expect((await resend.emails.send(message)).error).toMatchObject({ statusCode: 500, name: "internal_server_error" });
    expect((await resend.emails.send(message)).error).toMatchObject({ statusCode: 422, message: "Custom failure" });
    expect((await resend.emails.send(message)).error).toBeNull();
  });

  it("can drop the connection like an unreachable API", async () => {
    server.failNext(1, "disconnect");
    const { error } = await resend.emails.send(message);
    expect(error).toMatchObject({ statusCode: null, name: "application_error" });
  });

  it("waits for messages to a recipient", async () => {
    // The wait starts before the message is sent: it must pick up what arrives later.
    const waiting = server.waitForEmails(1, { to: "later@example.com", timeoutMs: 10_000 });
    await resend.emails.send({ ...message, to: "later@example.com" });
    const [email] = await waiting;
    expect(email?.to).toEqual(["later@example.com"]);
    await expect(server.waitForEmails(5, { timeoutMs: 50 })).rejects.toThrow(/Expected 5 email/);
  });
});
