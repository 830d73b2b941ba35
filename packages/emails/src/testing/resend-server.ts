// A local stand-in for api.resend.com speaking its wire protocol, for
// integration and end-to-end tests: point the client at it with
// `new Resend(apiKey, { baseUrl: server.url })` (or RESEND_BASE_URL).
//
// POST /emails  Bearer auth, JSON body, Idempotency-Key (same key + same body
//               replays the first answer; another body → 409), `{ id }` on success
// GET /emails/:id  the stored message, as Resend returns it
// Failures can be queued for the next calls; every request is recorded.
import { createHash, randomUUID } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { validateSendEmailBody, type SendEmailRequestBody } from "./resend-email-request.ts";
import { cannedResendErrors, resendErrors, type CannedResendError, type ResendErrorBody } from "./resend-errors.ts";

export interface RecordedResendRequest {
  method: string;
  path: string;
  /** Lower-cased header names. */
  headers: Record<string, string>;
  idempotencyKey: string | undefined;
  /** Parsed JSON body (undefined when there was none or it was not JSON). */
  body: unknown;
  /** What the server answered (0 when it dropped the connection). */
  responseStatus: number;
}

export interface AcceptedEmail extends SendEmailRequestBody {
  id: string;
  idempotencyKey: string | undefined;
  createdAt: Date;
}

/** A canned Resend error, a custom error body, or `"disconnect"` (the socket is destroyed: a network failure). */
export type InjectedFailure = CannedResendError | ResendErrorBody | "disconnect";

export interface ResendTestServer {
  /** Base URL for the SDK, e.g. http://127.0.0.1:41234 */
  url: string;
  apiKey: string;
  requests: RecordedResendRequest[];
  /** Messages Resend would have sent, once each however often they were retried. */
  emails: AcceptedEmail[];
  /** Answer the next `count` POST /emails calls with this failure. */
  failNext(count: number, failure: InjectedFailure): void;
  /** Delay every answer (lets tests overlap concurrent senders). */
  setLatency(ms: number): void;
  /**
   * Hold every answer until the returned function is called: overlaps concurrent senders
   * for certain, however slow the machine (a latency only makes it likely).
   */
  holdAnswers(): () => void;
  /** Resolves once `count` messages to `to` (or to anyone) were accepted. */
  waitForEmails(count: number, options?: { to?: string; timeoutMs?: number }): Promise<AcceptedEmail[]>;
  reset(): void;
  close(): Promise<void>;
}

interface IdempotentAnswer {
  bodyHash: string;
  /** Undefined while the first request is still being handled. */
  answer?: { status: number; body: unknown };
}

export async function startResendTestServer(options: { apiKey?: string; port?: number } = {}): Promise<ResendTestServer> {
  const apiKey = options.apiKey ?? `re_test_${randomUUID().replaceAll("-", "")}`;
  const requests: RecordedResendRequest[] = [];
  const emails: AcceptedEmail[] = [];
  const idempotency = new Map<string, IdempotentAnswer>();
  let failures: InjectedFailure[] = [];
  let latencyMs = 0;
  let held: Promise<void> = Promise.resolve();

  async function handle(req: IncomingMessage, res: ServerResponse) {
    const raw = await readBody(req);
    const headers = Object.fromEntries(
      Object.entries(req.headers).map(([k, v]) => [k.toLowerCase(), Array.isArray(v) ? v.join(", ") : (v ?? "")]),
    );
    const path = new URL(req.url ?? "/", "http://localhost").pathname;
    const idempotencyKey = headers["idempotency-key"];
    let body: unknown;
    try {
      body = raw.length > 0 ? JSON.parse(raw) : undefined;
    } catch {
      body = undefined;
    }
    const record: RecordedResendRequest = { method: req.method ?? "GET", path, headers, idempotencyKey, body, responseStatus: 0 };
    requests.push(record);
    const simulateWork = async () => {
      if (latencyMs > 0) await new Promise((r) => setTimeout(r, latencyMs));
      await held;
    };

    const reply = (status: number, payload: unknown, extraHeaders: Record<string, string> = {}) => {
      record.responseStatus = status;
      res.writeHead(status, {
        "content-type": "application/json; charset=utf-8",
        "ratelimit-limit": "2",
        "ratelimit-remaining": status === 429 ? "0" : "1",
        "ratelimit-reset": "1",
        ...extraHeaders,
      });
      res.end(JSON.stringify(payload));
    };
    const replyError = (error: ResendErrorBody) =>
      reply(error.statusCode, error, error.statusCode === 429 ? { "retry-after": "1" } : {});

    const auth = headers.authorization ?? "";
    if (!auth.startsWith("Bearer ") || auth.length <= "Bearer ".length) return replyError(resendErrors.missingApiKey());
    if (auth.slice("Bearer ".length) !== apiKey) return replyError(resendErrors.invalidApiKey());

    const emailMatch = /^\/emails\/([^/]+)$/.exec(path);
    if (req.method === "GET" && emailMatch) {
      const email = emails.find((e) => e.id === emailMatch[1]);
      return email ? reply(200, toResendEmailObject(email)) : replyError(resendErrors.notFound());
    }
    if (path !== "/emails") return replyError(resendErrors.notFound());
    if (req.method !== "POST") return replyError(resendErrors.methodNotAllowed());

    const failure = failures.shift();
    if (failure) await simulateWork();
    if (failure === "disconnect") {
      record.responseStatus = 0;
      req.socket.destroy();
      return;
    }
    if (failure) return replyError(typeof failure === "string" ? cannedResendErrors[failure] : failure);

    if (idempotencyKey !== undefined && (idempotencyKey.length < 1 || idempotencyKey.length > 256)) {
      return replyError(resendErrors.invalidIdempotencyKey());
    }
    const bodyHash = createHash("sha256").update(raw).digest("hex");
    const previous = idempotencyKey ? idempotency.get(idempotencyKey) : undefined;
    if (previous) {
      if (previous.bodyHash !== bodyHash) return replyError(resendErrors.idempotencyPayloadMismatch());
      if (!previous.answer) return replyError(resendErrors.idempotencyInProgress());
      return reply(previous.answer.status, previous.answer.body);
    }
    // Known while in flight, so a concurrent repeat gets Resend's 409.
    const entry: IdempotentAnswer = { bodyHash };
    if (idempotencyKey) idempotency.set(idempotencyKey, entry);
    await simulateWork();

    const validated = validateSendEmailBody(body);
    if (!validated.ok) {
      // Only accepted requests are remembered; a corrected retry may reuse the key.
      if (idempotencyKey) idempotency.delete(idempotencyKey);
      return replyError(validated.error);
    }
    const accepted: AcceptedEmail = { ...validated.email, id: randomUUID(), idempotencyKey, createdAt: new Date() };
    emails.push(accepted);
    entry.answer = { status: 200, body: { id: accepted.id } };
    return reply(entry.answer.status, entry.answer.body);
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      res.writeHead(500, { "content-type": "application/json" });
      res.end(JSON.stringify({ statusCode: 500, name: "internal_server_error", message: String(error) }));
    });
  });
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    apiKey,
    requests,
    emails,
    failNext(count, failure) {
      failures.push(...Array.from({ length: count }, () => failure));
    },
    setLatency(ms) {
      latencyMs = ms;
    },
    holdAnswers() {
      let release!: () => void;
      held = new Promise<void>((resolve) => (release = resolve));
      return () => {
        held = Promise.resolve();
        release();
      };
    },
    async waitForEmails(count, { to, timeoutMs = 10_000 } = {}) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const matching = emails.filter((e) => !to || e.to.some((address) => address.includes(to)));
        if (matching.length >= count) return matching;
        if (Date.now() > deadline) {
          throw new Error(`Expected ${count} email(s)${to ? ` to ${to}` : ""}; the Resend test server received ${matching.length}`);
        }
        await new Promise((r) => setTimeout(r, 25));
      }
    },
    reset() {
      requests.length = 0;
      emails.length = 0;
      idempotency.clear();
      failures = [];
      latencyMs = 0;
      held = Promise.resolve();
    },
    close() {
      server.closeAllConnections();
      return new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve())));
    },
  };
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    req.on("error", reject);
  });
}

function toResendEmailObject(email: AcceptedEmail) {
  return {
    object: "email",
    id: email.id,
    to: email.to,
    from: email.from,
    created_at: email.createdAt.toISOString(),
    subject: email.subject,
    html: email.html ?? null,
    text: email.text ?? null,
    bcc: email.bcc ?? null,
    cc: email.cc ?? null,
    reply_to: email.reply_to ?? null,
    last_event: "sent",
    tags: email.tags ?? [],
  };
}
