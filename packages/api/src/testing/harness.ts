// Test harness: a real database, the real router, real cookies — driven the way the
// Remix app drives it (a server-side caller per request).
import { createTestDatabase, type TestDatabase } from "@interviewlm/db/testing";
import { createApiContext, type ApiDeps } from "../context.ts";
import { createCaller } from "../root.ts";

export const TEST_APP_URL = "http://localhost:3000";

export interface Harness {
  db: TestDatabase;
  deps: ApiDeps;
  /** Moves the clock used by services (sessions, tokens, rate limits). */
  setNow(date: Date | null): void;
  caller(opts?: CallerOptions): Promise<ReturnType<typeof createCaller> & { responseHeaders: Headers }>;
  /** Signs up, verifies the email through the real outbox link, and returns the cookie. */
  signUpVerified(input: { name: string; email: string; password?: string; organizationName?: string }): Promise<TestUser>;
  /** The link inside the newest email sent to `to` that contains `pathPrefix`. */
  linkFromLatestEmail(to: string, pathPrefix: string): Promise<string>;
  close(): Promise<void>;
}

export interface CallerOptions {
  cookie?: string | null;
  origin?: string | null;
  ipAddress?: string;
}

export interface TestUser {
  cookie: string;
  userId: string;
  organizationId: string;
  email: string;
  password: string;
}

/** `name=value` of the session cookie set by a response, for the next request. */
export function sessionCookieFrom(headers: Headers): string | null {
  const setCookie = headers.get("set-cookie");
  if (!setCookie) return null;
  const match = /(?:^|,\s*)(ilm_session=[^;]*)/.exec(setCookie);
  return match?.[1] ?? null;
}

export async function createHarness(overrides: Partial<ApiDeps> = {}): Promise<Harness> {
  const db = await createTestDatabase();
  let now: Date | null = null;
  const deps: ApiDeps = {
    db: db.prisma,
    appUrl: TEST_APP_URL,
    appSecret: "test-app-secret-0123456789abcdefghijklmnopqrstuvwxyz",
    secureCookies: false,
    allowedOrigins: [TEST_APP_URL],
    oauthProviders: [],
    sandbox: null,
    roomHost: "http://localhost:1999",
    roomTokenSecret: "test-room-secret-0123456789abcdefghijklmnopqrstuvwxyz",
    now: () => now ?? new Date(),
    ...overrides,
  };

  const harness: Harness = {
    db,
    deps,
    setNow(date) {
      now = date;
    },
    async caller(opts = {}) {
      const headers = new Headers({ "user-agent": "vitest" });
      if (opts.cookie) headers.set("cookie", opts.cookie);
      if (opts.origin !== null) headers.set("origin", opts.origin ?? TEST_APP_URL);
      const request = new Request(`${TEST_APP_URL}/api/trpc`, { method: "POST", headers });
      const resHeaders = new Headers();
      const ctx = await createApiContext({ deps, request, resHeaders, ipAddress: opts.ipAddress ?? "127.0.0.1" });
      const caller = createCaller(ctx);
      // The caller is itself a proxy over procedure paths, so expose the headers beside it.
      return new Proxy(caller, {
        get: (target, property) => (property === "responseHeaders" ? resHeaders : Reflect.get(target, property)),
      }) as typeof caller & { responseHeaders: Headers };
    },
    async linkFromLatestEmail(to, pathPrefix) {
      const message = await db.prisma.emailMessage.findFirst({
        where: { toAddress: to, text: { contains: pathPrefix } },
        orderBy: { createdAt: "desc" },
        select: { text: true },
      });
      const link = message?.text.match(new RegExp(`${TEST_APP_URL}${pathPrefix}[^\\s)\\]>"]+`))?.[0];
      if (!link) throw new Error(`No email to ${to} with a ${pathPrefix} link`);
      return link;
    },
    async signUpVerified(input) {
      const password = input.password ?? "correct horse battery staple";
      const api = await harness.caller({ ipAddress: `10.0.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}` });
      const created = await api.auth.signUp({ ...input, password });
      const cookie = sessionCookieFrom(api.responseHeaders);
      if (!cookie || !created.organizationId) throw new Error("sign-up did not log in");
      const link = await harness.linkFromLatestEmail(input.email, "/verify-email/");
      const token = decodeURIComponent(link.split("/verify-email/")[1]!);
      await (await harness.caller()).auth.verifyEmail({ token });
      return { cookie, userId: created.userId, organizationId: created.organizationId, email: input.email, password };
    },
    close: () => db.close(),
  };
  return harness;
}
